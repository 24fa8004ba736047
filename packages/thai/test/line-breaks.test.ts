import { describe, expect, it } from 'vitest';
import { lineBreakTokens, thaiWordParts } from '../src/index.js';

/** The tokens as text: "|" where a line may break inside a group, spaces as they are. */
function shown(text: string): string {
  return lineBreakTokens(text)
    .map((token) => (token.kind === 'space' ? token.text : token.pieces.join('|')))
    .join('');
}

describe('lineBreakTokens: what a line must not break', () => {
  it('breaks Thai between words, never inside one that libthai or the official terms know', () => {
    expect(shown('จึงขอกราบเรียนเชิญ')).toBe('จึง|ขอ|กราบเรียนเชิญ');
    expect(shown('รายละเอียดงบประมาณท้องถิ่นธรรมาภิบาล')).toBe('รายละเอียด|งบประมาณ|ท้องถิ่น|ธรรมาภิบาล');
    expect(shown('ประจำปีงบประมาณ')).toBe('ประจำปีงบประมาณ');
    expect(shown('นโยบายหรือแผนการบริหารฯของผู้บริหาร')).toBe('นโยบาย|หรือ|แผนการ|บริหารฯ|ของ|ผู้|บริหาร');
  });

  it('cuts a word wider than the line between the words it is made of, never inside a cluster', () => {
    expect(thaiWordParts('(ประชาสัมพันธ์)')).toEqual(['(ประชา', 'สัมพันธ์)']);
    expect(thaiWordParts('งบประมาณ')).toEqual(['งบ', 'ประมาณ']);
    // A name the dictionary lacks: between its clusters and the words it holds (ฤกษ์), none before a karan (กษ์).
    expect(thaiWordParts('ศุภฤกษ์')).toEqual(['ศุ', 'ภ', 'ฤกษ์']);
  });

  it('keeps a title with the name, ฯ and ๆ with their word, and unknown words whole', () => {
    expect(shown('นายพิชัย')).toBe('นายพิชัย');
    expect(shown('การใช้จ่ายงบประมาณฯ ต่างๆ')).toBe('การ|ใช้จ่าย|งบประมาณฯ ต่างๆ');
    expect(shown('(งานประชาสัมพันธ์)')).toBe('(งาน|ประชาสัมพันธ์)');
  });

  it('keeps a day and its month, พ.ศ. and its year, year ranges, ร้อยละ, book and telephone numbers together', () => {
    for (const kept of [
      '๑๔ เมษายน',
      '๑ - ๓๑ มกราคม',
      '๒๕ มิ.ย.',
      'ตุลาคม ๒๕๖๕',
      'พ.ศ. ๒๕๖๖',
      '๒๕๖๑ - ๒๕๖๕',
      'ร้อยละ ๘๕',
      'ลพ ๕๑๐๐๙/๑๒๓',
      'มท ๐๒๐๙.๓/ว ๒๓๐๕',
      'ที่ มท ๐๒๐๙.๓/ว ๒๓๐๕',
      '๐ ๕๓๕๑ ๑๐๐๐',
    ]) {
      expect(lineBreakTokens(`ก ${kept} ข`)[2], kept).toEqual({ kind: 'group', pieces: [kept] });
    }
  });

  it('never breaks inside a run without spaces, but after the "/"s of a long address', () => {
    expect(shown('ดู https://itas.nacc.go.th และ ๑๒,๕๐๐.๐๐ ๕๑๐๐๙/๑๒๓')).toBe(
      'ดู https://itas.nacc.go.th และ ๑๒,๕๐๐.๐๐ ๕๑๐๐๙/๑๒๓',
    );
    expect(shown('https://www.lamphunpao.go.th/ita/2566/o24.pdf')).toBe(
      'https://www.lamphunpao.go.th/|ita/|2566/|o24.pdf',
    );
  });

  it('sends a dash between spaces to the next line with the word after it', () => {
    expect(lineBreakTokens('(ข้อ O1 - O16)').at(-1)).toEqual({ kind: 'group', pieces: ['- O16)'] });
  });

  it('gives back the text it was given, piece by piece', () => {
    const text =
      'ด้วยองค์การบริหารส่วนจังหวัดลำพูน  ร่วมกับส่วนราชการ\nพ.ศ. ๒๕๖๖ - ๒๕๖๗ https://www.lamphunpao.go.th/ita/2566/o24.pdf';
    const joined = lineBreakTokens(text)
      .map((token) => (token.kind === 'space' ? token.text : token.pieces.join('')))
      .join('');
    expect(joined).toBe(text);
  });
});
