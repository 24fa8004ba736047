import { applyDigitStyle } from './digits.js';
import { InvalidAmountError } from './errors.js';

/** An amount this package accepts: a number, a bigint, or a decimal string such as "1234.50" or "1,234.50". */
export type Amount = number | bigint | string;

/** An exact decimal: sign, integer digits without leading zeros ("0" for zero), and fraction digits. */
export interface Decimal {
  readonly negative: boolean;
  readonly integer: string;
  readonly fraction: string;
}

const DECIMAL_TEXT = /^([+-])?(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))(?:e([+-]?\d+))?$/i;
// Bounds the digits an exponent can create, so "1e999999999" fails instead of exhausting memory.
const MAX_EXPONENT = 1000;

/**
 * Reads an amount exactly. A number is read as the decimal JavaScript prints for it (`String(n)`), which is the
 * shortest decimal that round-trips: 1.005 is 1.005 and 0.1 + 0.2 is 0.30000000000000004, never binary noise.
 */
export function parseDecimal(amount: Amount): Decimal {
  if (typeof amount === 'bigint') {
    return { negative: amount < 0n, integer: (amount < 0n ? -amount : amount).toString(), fraction: '' };
  }
  if (typeof amount === 'number' && !Number.isFinite(amount)) {
    throw new InvalidAmountError(amount, 'not a finite number');
  }
  if (typeof amount !== 'number' && typeof amount !== 'string') {
    throw new InvalidAmountError(amount, 'expected a number, a bigint or a decimal string');
  }
  const text = applyDigitStyle(String(amount).trim(), 'ARABIC');
  const match = DECIMAL_TEXT.exec(text);
  if (!match) throw new InvalidAmountError(amount, 'not a decimal number such as "1234.50" or "1,234.50"');
  const [, sign, integerPart, fractionPart, fractionOnly, exponentText] = match;
  const exponent = Number(exponentText ?? '0');
  if (Math.abs(exponent) > MAX_EXPONENT) throw new InvalidAmountError(amount, `exponent beyond ±${MAX_EXPONENT}`);
  const digits = (integerPart ?? '').replaceAll(',', '') + (fractionPart ?? fractionOnly ?? '');
  const pointAt = (integerPart ?? '').replaceAll(',', '').length + exponent;
  const padded = pointAt < 0 ? '0'.repeat(-pointAt) + digits : digits.padEnd(pointAt, '0');
  const point = Math.max(pointAt, 0);
  return {
    negative: sign === '-',
    integer: padded.slice(0, point).replace(/^0+/, '') || '0',
    fraction: padded.slice(point),
  };
}

/** Rounds half-up (away from zero) to `places` fraction digits, padding with zeros. */
export function roundDecimal(value: Decimal, places: number): Decimal {
  if (value.fraction.length <= places) return { ...value, fraction: value.fraction.padEnd(places, '0') };
  const kept = BigInt(value.integer + value.fraction.slice(0, places));
  const roundUp = value.fraction.charCodeAt(places) >= '5'.charCodeAt(0);
  const scaled = (roundUp ? kept + 1n : kept).toString().padStart(places + 1, '0');
  return {
    negative: value.negative,
    integer: scaled.slice(0, scaled.length - places).replace(/^0+/, '') || '0',
    fraction: scaled.slice(scaled.length - places),
  };
}

/** Whether every digit of the decimal is zero. */
export function isZero(value: Decimal): boolean {
  return /^0*$/.test(value.integer + value.fraction);
}
