import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAddresses } from '../src/web-addresses.js';

// The pattern the scanner stands for (its definition in web-addresses.ts), run by the regular-expression engine.
const ADDRESS =
  /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"'`\u0E00-\u0E7F]*[^\s<>"'`\u0E00-\u0E7F.,;:!?)\]]|[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

const byPattern = (text: string) =>
  [...text.matchAll(ADDRESS)].map((match) => ({ start: match.index, end: match.index + match[0].length }));

describe('findAddresses', () => {
  it('finds web and e-mail addresses without the sentence around them', () => {
    const text = 'ดู https://www.example.go.th/a?b=1. หรือ (www.saraban.th) และ saraban.admin@example.go.th, ขอบคุณ';
    expect(findAddresses(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'https://www.example.go.th/a?b=1',
      'www.saraban.th',
      'saraban.admin@example.go.th',
    ]);
  });

  it('finds exactly what the regular expression finds, on texts built from its edge characters', () => {
    const alphabet = [...'aAWw1_.-+:/@ hpt,)]กx%\t\u00a0<`;!?'];
    const text = fc.array(fc.constantFrom(...alphabet, 'www.', 'http://', '@a.b', 'a@'), { maxLength: 40 });
    fc.assert(
      fc.property(text, (parts) => {
        const joined = parts.join('');
        expect(findAddresses(joined)).toEqual(byPattern(joined));
      }),
      { numRuns: 5000 },
    );
  });
});
