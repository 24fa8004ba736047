/**
 * Thai month names, January first: `full` for letters ("เมษายน"), `short` for tables and endorsements ("เม.ย.").
 *
 * @example
 * ```ts
 * thaiMonthNames.full[3] // 'เมษายน'
 * thaiMonthNames.short[3] // 'เม.ย.'
 * ```
 */
export const thaiMonthNames = {
  full: [
    'มกราคม',
    'กุมภาพันธ์',
    'มีนาคม',
    'เมษายน',
    'พฤษภาคม',
    'มิถุนายน',
    'กรกฎาคม',
    'สิงหาคม',
    'กันยายน',
    'ตุลาคม',
    'พฤศจิกายน',
    'ธันวาคม',
  ],
  short: ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'],
} as const satisfies Record<'full' | 'short', readonly string[]>;

/** The name of month 1..12 (January is 1). */
export function monthName(month: number, style: keyof typeof thaiMonthNames): string {
  const name = thaiMonthNames[style][month - 1];
  if (name === undefined) throw new RangeError(`month ${month} is not 1..12`);
  return name;
}
