import { describe, expect, it } from 'vitest';
import { renderInlineMarkup } from '../src/inline-markup.js';

describe('renderInlineMarkup on a paragraph of a million characters (issue 16: the address pattern was quadratic)', () => {
  // 100,000 letters held the event loop for about 10 s; a million would have held it for about 1,000 s, far past
  // this test's time limit. In one pass each takes milliseconds.
  it.each([
    ['letters', 'a'.repeat(1_000_000)],
    ['dotted letters', 'a.'.repeat(500_000)],
    ['local parts without a domain', 'a@'.repeat(500_000)],
  ])('renders one of %s', (_name, text) => {
    expect(renderInlineMarkup(text)).toBe(text);
  });

  it('still marks the addresses in it', () => {
    const text = `${'ก'.repeat(500_000)} https://www.example.go.th/${'x'.repeat(1000)} ${'a'.repeat(500_000)}@example.go.th`;
    const html = renderInlineMarkup(text);
    expect(html.match(/<span class="address">/g)).toHaveLength(2);
  });
});
