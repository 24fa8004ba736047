/** The letter a circular's book number (หนังสือเวียน) carries before its running number. */
const CIRCULAR_MARK = 'ว';

/**
 * A book number as a circular prints it: ว and a space before the running number, after the last "/"; a number
 * that has its ว already, or no "/", is returned as it is.
 *
 * @example
 * ```ts
 * circularBookNumber('มท 0209.3/2305') // 'มท 0209.3/ว 2305'
 * circularBookNumber('มท ๐๒๐๙.๓/ว ๒๓๐๕') // 'มท ๐๒๐๙.๓/ว ๒๓๐๕'
 * ```
 */
export function circularBookNumber(bookNumber: string): string {
  const slash = bookNumber.lastIndexOf('/');
  if (slash < 0) return bookNumber;
  const running = bookNumber.slice(slash + 1).trim();
  if (running.startsWith(CIRCULAR_MARK)) return bookNumber;
  return `${bookNumber.slice(0, slash + 1)}${CIRCULAR_MARK} ${running}`;
}
