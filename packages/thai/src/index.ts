export {
  type BahtFormatOptions,
  type BahtTextOptions,
  bahtText,
  type EdRule,
  formatBaht,
  formatBahtFigure,
} from './baht-text.js';
export { circularBookNumber } from './book-number.js';
export { type CalendarDate, type DateInput, toCalendarDate, toIsoDate } from './calendar-date.js';
export type { Amount } from './decimal.js';
export {
  convertDigits,
  type DigitConversionOptions,
  type DigitStyle,
  toArabicDigits,
  toThaiDigits,
} from './digits.js';
export {
  InvalidAmountError,
  InvalidDateError,
  InvalidListPathError,
  InvalidPersonNameError,
  NonexistentDateError,
  ThaiDateParseError,
  ThaiFormatError,
  UnknownCodeError,
} from './errors.js';
export { fiscalYear, formatDayRange, formatMonthRange, type MonthRangeFormatOptions } from './fiscal-year.js';
export { type LetterItem, type LetterItemText, letterItemText } from './letter-item.js';
export { type LineBreakToken, lineBreakTokens } from './line-breaks.js';
export { type ListMarkerStyle, listMarker } from './list-marker.js';
export { formatMonthYear, type MonthYearFormatOptions } from './month-year.js';
export { thaiMonthNames } from './months.js';
export { formatNumber, type NumberFormatOptions } from './number-format.js';
export {
  type ActingKind,
  actingWord,
  closingFor,
  type MeasureField,
  measureFieldLabel,
  type RecipientClass,
  type SecrecyMark,
  type SpeedMark,
  salutationFor,
  secrecyMarkText,
  speedMarkText,
} from './official-words.js';
export { formatMonthSpan, formatPeriod, type Period, type PeriodFormatOptions } from './period.js';
export { formatPersonName, type PersonName, type PersonNameFormatOptions } from './person-name.js';
export { type SignerPositions, signerLines } from './signer-lines.js';
export { formatThaiDate, parseThaiDate, type ThaiDateFormatOptions } from './thai-date.js';
export { loadThaiDictionary, thaiWordParts } from './thai-word-breaks.js';
