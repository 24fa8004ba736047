import { applyDigitStyle, type DigitStyle } from './digits.js';
import { InvalidListPathError, UnknownCodeError } from './errors.js';

/**
 * How a list item is marked: 'dot' "๑.", 'paren' "๑)", 'parens' "(๑)", 'outline' "๑.๑.๒" (the whole path),
 * 'dash' "-", 'none' "".
 */
export type ListMarkerStyle = 'dot' | 'paren' | 'parens' | 'outline' | 'dash' | 'none';

const LIST_MARKER_STYLES: readonly ListMarkerStyle[] = ['dot', 'paren', 'parens', 'outline', 'dash', 'none'];

/**
 * The marker of a list item. `path` holds the item's 1-based number in each enclosing list, outermost first; only
 * 'outline' prints the whole path. An outline item at the top level prints "๑." (as official documents number
 * their sections), deeper ones "๑.๑" and "๑.๑.๒" with no final dot.
 *
 * @example
 * ```ts
 * listMarker([2], 'dot') // '๒.'
 * listMarker([1, 3], 'parens') // '(๓)'
 * listMarker([1, 1, 2], 'outline') // '๑.๑.๒'
 * listMarker([4], 'paren', 'ARABIC') // '4)'
 * ```
 */
export function listMarker(path: readonly number[], style: ListMarkerStyle, digits: DigitStyle = 'THAI'): string {
  if (path.length === 0 || !path.every((number) => Number.isSafeInteger(number) && number >= 1)) {
    throw new InvalidListPathError(path);
  }
  const number = String(path.at(-1));
  switch (style) {
    case 'dot':
      return applyDigitStyle(`${number}.`, digits);
    case 'paren':
      return applyDigitStyle(`${number})`, digits);
    case 'parens':
      return applyDigitStyle(`(${number})`, digits);
    case 'outline':
      return applyDigitStyle(path.length === 1 ? `${number}.` : path.join('.'), digits);
    case 'dash':
      return '-';
    case 'none':
      return '';
    default:
      throw new UnknownCodeError('list marker style', style, LIST_MARKER_STYLES);
  }
}
