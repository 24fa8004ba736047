import { describe, expect, it } from 'vitest';
import { lineBreakTokens } from '../src/index.js';

/** The tokens as text: "|" where a line may break inside a group, spaces as they are. */
function shown(text: string): string {
  return lineBreakTokens(text)
    .map((token) => (token.kind === 'space' ? token.text : token.pieces.join('|')))
    .join('');
}

describe('lineBreakTokens: what a line must not break', () => {
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
