import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { markLineBreaks } from '../src/line-break-html.js';

describe('markLineBreaks', () => {
  it('keeps on one line each Thai word that Chromium (ICU) would break inside, and nothing else', () => {
    // ICU: จึงขอก|ราบเรียนเชิญ, แผน|กา|รบ|ริ|หารฯ; libthai's dictionary: จึง|ขอ|กราบเรียนเชิญ, แผนการ|บริหารฯ.
    expect(markLineBreaks('<p>จึงขอกราบเรียนเชิญ (งานแผนการบริหารฯ)</p>')).toBe(
      '<p>จึงขอ<nobr>กราบเรียนเชิญ</nobr> (งาน<nobr>แผนการ</nobr><nobr>บริหารฯ)</nobr></p>',
    );
  });

  it('in a table cell, lets a web address break after any "/" and a long Thai word between its parts', () => {
    // Each <nobr> of a cell moves whole and breaks inside only when wider than the cell (tables.css).
    // ICU breaks งบ|ประมาณ: kept whole, and in a cell still breakable there when wider than the cell.
    expect(markLineBreaks('<td>https://www.example.go.th/qa ใช้งบประมาณ</td><p>https://www.example.go.th/qa</p>')).toBe(
      '<td><nobr>https://<wbr>www.example.go.th/<wbr>qa</nobr> ใช้<nobr>งบ<wbr>ประมาณ</nobr></td>' +
        '<p><nobr>https://www.example.go.th/qa</nobr></p>',
    );
  });

  it('adds no character: the text without tags is the text given', () => {
    const html = '<p>ด้วยองค์การบริหารส่วนจังหวัดลำพูน ร่วมกับส่วนราชการ พ.ศ. ๒๕๖๖ - ๒๕๖๗ &amp; ฯลฯ</p>';
    expect(markLineBreaks(html).replace(/<[^>]+>/g, '')).toBe(html.replace(/<[^>]+>/g, ''));
  });
});

describe('markLineBreaks: texts already marked are kept by the bytes they take, not their number', () => {
  it('holds at most 8 MiB of them however long the texts (40 of 75,000 to 87,500 characters kept 53 MB)', () => {
    // Garbage collected on demand, so the heap read is what stays: the marked texts the cache keeps.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // Long texts Chromium would break inside (book numbers), distinct so each is marked and kept on its own.
    const texts = Array.from({ length: 40 }, (_, i) => `ที่ ${i}/`.repeat(12_500));
    gc();
    const before = process.memoryUsage().heapUsed;
    for (const text of texts) markLineBreaks(`<p>${text}</p>`);
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    expect(kept / 1024 / 1024).toBeLessThan(10);
  });
});
