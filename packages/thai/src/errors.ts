/**
 * The base class of every error this package throws, so a caller can catch them all at once.
 *
 * @example
 * ```ts
 * try { parseThaiDate(text) } catch (error) { if (error instanceof ThaiFormatError) report(error.message) }
 * ```
 */
export class ThaiFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A date input that is not a valid `Date` or not an ISO calendar date `"YYYY-MM-DD"`.
 *
 * @example
 * ```ts
 * formatThaiDate('14/04/2023') // throws InvalidDateError { input: '14/04/2023', reason: … }
 * ```
 */
export class InvalidDateError extends ThaiFormatError {
  constructor(
    /** The value that was given. */
    readonly input: unknown,
    /** What is wrong with it. */
    readonly reason: string,
  ) {
    super(`Invalid date ${describe(input)}: ${reason}`);
  }
}

/**
 * Well-formed day, month and year that name no calendar day, such as 29 February of a common year.
 * The fields are Gregorian (CE); `text` is what the caller gave.
 *
 * @example
 * ```ts
 * parseThaiDate('๓๑ กุมภาพันธ์ ๒๕๖๖') // throws NonexistentDateError { year: 2023, month: 2, day: 31, daysInMonth: 28 }
 * ```
 */
export class NonexistentDateError extends ThaiFormatError {
  constructor(
    readonly text: string,
    readonly year: number,
    readonly month: number,
    readonly day: number,
    /** How many days that month has in that year. */
    readonly daysInMonth: number,
  ) {
    super(
      `The date ${describe(text)} does not exist: month ${month} of ${year} (BE ${year + 543}) has ${daysInMonth} days`,
    );
  }
}

/**
 * Text that is not a Thai date in any of the forms `formatThaiDate` prints.
 *
 * @example
 * ```ts
 * parseThaiDate('เมื่อวานนี้') // throws ThaiDateParseError { text: 'เมื่อวานนี้' }
 * ```
 */
export class ThaiDateParseError extends ThaiFormatError {
  constructor(readonly text: string) {
    super(
      `Not a Thai date: ${describe(text)}; expected day, month name and Buddhist-era year, such as "๑๔ เมษายน ๒๕๖๖", "๒๕ มิ.ย. ๒๕๖๖" or "๑๐ มกราคม พ.ศ. ๒๕๖๖"`,
    );
  }
}

/**
 * An amount that is not a finite decimal number, or a `number` too large to hold its digits exactly.
 *
 * @example
 * ```ts
 * bahtText(Number.NaN) // throws InvalidAmountError { amount: NaN, reason: 'not a finite number' }
 * ```
 */
export class InvalidAmountError extends ThaiFormatError {
  constructor(
    readonly amount: unknown,
    readonly reason: string,
  ) {
    super(`Invalid amount ${describe(amount)}: ${reason}`);
  }
}

/**
 * A list path that is empty or holds something other than positive whole numbers.
 *
 * @example
 * ```ts
 * listMarker([0], 'dot') // throws InvalidListPathError { path: [0] }
 * ```
 */
export class InvalidListPathError extends ThaiFormatError {
  constructor(readonly path: readonly unknown[]) {
    super(`Invalid list path ${describe(path)}: expected one or more whole numbers from 1, outermost list first`);
  }
}

/**
 * A value outside one of the fixed sets this package knows (recipient classes, marks, acting kinds, styles),
 * as can happen when data arrives from outside TypeScript.
 *
 * @example
 * ```ts
 * salutationFor('KING' as RecipientClass) // throws UnknownCodeError { kind: 'recipient class', value: 'KING', allowed: [...] }
 * ```
 */
export class UnknownCodeError extends ThaiFormatError {
  constructor(
    /** What kind of value was expected, e.g. "recipient class". */
    readonly kind: string,
    readonly value: unknown,
    readonly allowed: readonly string[],
  ) {
    super(`Unknown ${kind} ${describe(value)}; expected one of ${allowed.join(', ')}`);
  }
}

/**
 * A person name without a given name.
 *
 * @example
 * ```ts
 * formatPersonName({ title: 'นาย', givenName: ' ', familyName: 'จาอาบาล' }) // throws InvalidPersonNameError { personName, reason }
 * ```
 */
export class InvalidPersonNameError extends ThaiFormatError {
  constructor(
    readonly personName: { readonly title?: string; readonly givenName: string; readonly familyName?: string },
    readonly reason: string,
  ) {
    super(`Invalid person name ${describe(personName)}: ${reason}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()})`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
