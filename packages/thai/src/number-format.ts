import { type Amount, isZero, parseDecimal, roundDecimal } from './decimal.js';
import { applyDigitStyle, type DigitStyle } from './digits.js';
import { InvalidAmountError } from './errors.js';

/** Options of {@link formatNumber}. */
export interface NumberFormatOptions {
  /** Group thousands with commas; default true. */
  readonly grouping?: boolean;
  /** Round half-up to this many fraction digits, padding with zeros; default: print the digits the amount has. */
  readonly decimals?: number;
  /** Default 'THAI'. */
  readonly digits?: DigitStyle;
}

/**
 * Formats a number exactly (decimal arithmetic, no floating point), with thousands grouping and Thai digits by
 * default. A `number` prints the digits JavaScript shows for it; `decimals` rounds half-up (away from zero).
 *
 * @example
 * ```ts
 * formatNumber(1234.5, { decimals: 2 }) // '๑,๒๓๔.๕๐'
 * formatNumber('1000000', { digits: 'ARABIC', grouping: false }) // '1000000'
 * ```
 */
export function formatNumber(amount: Amount, options: NumberFormatOptions = {}): string {
  const { grouping = true, decimals, digits = 'THAI' } = options;
  if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 100)) {
    throw new InvalidAmountError(amount, `decimals must be a whole number from 0 to 100, got ${decimals}`);
  }
  const parsed = parseDecimal(amount);
  const value = decimals === undefined ? parsed : roundDecimal(parsed, decimals);
  const integer = grouping ? value.integer.replace(/\B(?=(\d{3})+$)/g, ',') : value.integer;
  const sign = value.negative && !isZero(value) ? '-' : '';
  const fraction = value.fraction.length > 0 ? `.${value.fraction}` : '';
  return applyDigitStyle(sign + integer + fraction, digits);
}
