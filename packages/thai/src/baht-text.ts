import { type Amount, isZero, parseDecimal, roundDecimal } from './decimal.js';
import type { DigitStyle } from './digits.js';
import { InvalidAmountError } from './errors.js';
import { formatNumber } from './number-format.js';

/**
 * When a final 1 reads เอ็ด instead of หนึ่ง.
 * - 'after-any-digit': whenever a non-zero digit precedes it (101 หนึ่งร้อยเอ็ด, 1,000,001 หนึ่งล้านเอ็ด), as in
 *   the Royal Institute dictionary ("สิบเอ็ด ร้อยเอ็ด พันเอ็ด") and Excel's BAHTTEXT.
 * - 'after-tens': only after a non-zero tens digit (101 หนึ่งร้อยหนึ่ง, 111 หนึ่งร้อยสิบเอ็ด), as in Google Sheets
 *   and LibreOffice.
 *
 * Either way the number before ล้าน is read by the same rule: 101,000,000 is หนึ่งร้อยเอ็ดล้าน by default.
 */
export type EdRule = 'after-any-digit' | 'after-tens';

/** Options of {@link bahtText}. */
export interface BahtTextOptions {
  /** Default 'after-any-digit'. */
  readonly ed?: EdRule;
}

const DIGIT_WORDS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'] as const;
// Place words of a six-digit group, from the hundreds up; tens and units have their own rules.
const PLACE_WORDS = ['ร้อย', 'พัน', 'หมื่น', 'แสน'] as const;
const TEN = 'สิบ';
const TWENTY = 'ยี่สิบ';
const FINAL_ONE = 'เอ็ด';
const MILLION = 'ล้าน';
const BAHT = 'บาท';
const SATANG = 'สตางค์';
const EXACT = 'ถ้วน';
const MINUS = 'ลบ';
const UNSAFE_NUMBER_LIMIT = 1e15;

/**
 * The amount in Thai words, as written on cheques and in official money amounts. Exact: the arithmetic runs on the
 * decimal digits, never on floating point. Satang are rounded half-up to 2 places (1.005 reads หนึ่งบาทหนึ่งสตางค์);
 * a `number` is read as the decimal JavaScript prints for it. Numbers from 10^15 up are refused because a double
 * cannot hold all their digits: pass a string or bigint.
 *
 * @example
 * ```ts
 * bahtText(1234.5) // 'หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์'
 * bahtText(101, { ed: 'after-tens' }) // 'หนึ่งร้อยหนึ่งบาทถ้วน'
 * ```
 */
export function bahtText(amount: Amount, options: BahtTextOptions = {}): string {
  const ed = options.ed ?? 'after-any-digit';
  const parsed = parseDecimal(amount);
  if (typeof amount === 'number' && Math.abs(amount) >= UNSAFE_NUMBER_LIMIT) {
    throw new InvalidAmountError(
      amount,
      'a number from 10^15 up cannot hold every digit exactly; pass a string or bigint',
    );
  }
  const value = roundDecimal(parsed, 2);
  if (isZero(value)) return `${DIGIT_WORDS[0]}${BAHT}${EXACT}`;
  const baht = BigInt(value.integer);
  const satang = Number(value.fraction);
  const bahtPart = baht > 0n ? readPositive(baht, ed) + BAHT : '';
  const satangPart = satang > 0 ? readPositive(BigInt(satang), ed) + SATANG : EXACT;
  return (value.negative ? MINUS : '') + bahtPart + satangPart;
}

/** Options of {@link formatBaht}. */
export interface BahtFormatOptions extends BahtTextOptions {
  /** Default 'THAI'. */
  readonly digits?: DigitStyle;
}

/**
 * An amount of money as official documents print it: the figure with 2 decimals, then the words in parentheses.
 *
 * @example
 * ```ts
 * formatBaht(1234.5) // '๑,๒๓๔.๕๐ บาท (หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์)'
 * ```
 */
export function formatBaht(amount: Amount, options: BahtFormatOptions = {}): string {
  const words = bahtText(amount, options);
  return `${formatNumber(amount, { decimals: 2, digits: options.digits ?? 'THAI' })} ${BAHT} (${words})`;
}

/**
 * An amount of money as tables print it: the figure grouped in thousands, satang only when there are any, then บาท.
 *
 * @example
 * ```ts
 * formatBahtFigure(120000) // '๑๒๐,๐๐๐ บาท'
 * formatBahtFigure(1500.5, { digits: 'ARABIC' }) // '1,500.50 บาท'
 * ```
 */
export function formatBahtFigure(amount: Amount, options: { readonly digits?: DigitStyle } = {}): string {
  const decimals = parseDecimal(amount).fraction.replace(/0+$/, '') === '' ? 0 : 2;
  return `${formatNumber(amount, { decimals, digits: options.digits ?? 'THAI' })} ${BAHT}`;
}

/** Reads a positive whole number: the millions first, as a number of their own, then the last six digits. */
function readPositive(value: bigint, ed: EdRule): string {
  const millions = value / 1_000_000n;
  const rest = Number(value % 1_000_000n);
  const head = millions > 0n ? readPositive(millions, ed) + MILLION : '';
  return rest > 0 ? head + readGroup(rest, ed, millions > 0n) : head;
}

/** Reads 1..999,999; `afterHigherDigits` says whether a non-zero digit precedes this group. */
function readGroup(value: number, ed: EdRule, afterHigherDigits: boolean): string {
  let words = '';
  for (let place = PLACE_WORDS.length + 1; place >= 2; place--) {
    const digit = Math.floor(value / 10 ** place) % 10;
    if (digit > 0) words += `${DIGIT_WORDS[digit]}${PLACE_WORDS[place - 2]}`;
  }
  const tens = Math.floor(value / 10) % 10;
  const units = value % 10;
  if (tens === 1) words += TEN;
  else if (tens === 2) words += TWENTY;
  else if (tens > 2) words += DIGIT_WORDS[tens] + TEN;
  if (units === 1) {
    const precededByDigit = ed === 'after-tens' ? tens > 0 : afterHigherDigits || value > 1;
    words += precededByDigit ? FINAL_ONE : DIGIT_WORDS[1];
  } else if (units > 1) {
    words += DIGIT_WORDS[units];
  }
  return words;
}
