import { InvalidPersonNameError } from './errors.js';

/** A person's name parts. `title` is นาย, นาง, นางสาว, or academic and rank titles such as "รองศาสตราจารย์ ดร.". */
export interface PersonName {
  readonly title?: string;
  readonly givenName: string;
  readonly familyName?: string;
}

/** Options of {@link formatPersonName}. */
export interface PersonNameFormatOptions {
  /** Force a space between title and given name (true) or none (false); default: decided by the title. */
  readonly spaceAfterTitle?: boolean;
}

// Military and police ranks, spelled out: พลเอก, พันตำรวจโท, นาวาอากาศเอก, จ่าสิบเอก, ร้อยตรีหญิง, ว่าที่ร้อยตรี …
const SPELLED_RANK =
  /^(?:ว่าที่)?(?:(?:พล|พัน|ร้อย|นาวา|เรือ|พันจ่า|จ่า|จ่าสิบ|สิบ)(?:เรือ|อากาศ|ตำรวจ)?(?:เอก|โท|ตรี)|พลทหาร|พลตำรวจ|ดาบตำรวจ|จ่าสิบตำรวจ)(?:หญิง)?$/;
// The same ranks abbreviated: พล.อ., พ.ต.อ., ร.ต.ท., จ.ส.อ., น.อ., พล.ร.อ., พ.อ.อ. …
const ABBREVIATED_RANKS = new Set([
  ...['พล.อ.', 'พล.ท.', 'พล.ต.', 'พ.อ.', 'พ.ท.', 'พ.ต.', 'ร.อ.', 'ร.ท.', 'ร.ต.'],
  ...['จ.ส.อ.', 'จ.ส.ท.', 'จ.ส.ต.', 'ส.อ.', 'ส.ท.', 'ส.ต.'],
  ...['พล.ร.อ.', 'พล.ร.ท.', 'พล.ร.ต.', 'น.อ.', 'น.ท.', 'น.ต.', 'พ.จ.อ.', 'พ.จ.ท.', 'พ.จ.ต.', 'จ.อ.', 'จ.ท.', 'จ.ต.'],
  ...['พล.อ.อ.', 'พล.อ.ท.', 'พล.อ.ต.', 'พ.อ.อ.', 'พ.อ.ท.', 'พ.อ.ต.'],
  ...['พล.ต.อ.', 'พล.ต.ท.', 'พล.ต.ต.', 'พ.ต.อ.', 'พ.ต.ท.', 'พ.ต.ต.', 'ร.ต.อ.', 'ร.ต.ท.', 'ร.ต.ต.'],
  ...['ด.ต.', 'ส.ต.อ.', 'ส.ต.ท.', 'ส.ต.ต.'],
]);

/**
 * A name as printed in the signature parentheses, without them: title, given name, a space, family name.
 * Following the Royal Institute's spacing rules, a title joins the given name with no space (นายพิชัย,
 * ผู้ช่วยศาสตราจารย์สมชาย, ดร.สมชาย), except a military or police rank, which is followed by a space
 * (พลเอก ประยุทธ์, ว่าที่ร้อยตรี สมชาย). Only the title's last word counts: "รองศาสตราจารย์ พันโท ดร." + สุชาดา gives
 * "รองศาสตราจารย์ พันโท ดร.สุชาดา". Spaces around the parts are trimmed.
 *
 * @example
 * ```ts
 * formatPersonName({ title: 'นาย', givenName: 'พิชัย', familyName: 'จาอาบาล' }) // 'นายพิชัย จาอาบาล'
 * formatPersonName({ title: 'พันตำรวจเอก', givenName: 'สมชาย', familyName: 'ใจดี' }) // 'พันตำรวจเอก สมชาย ใจดี'
 * ```
 */
export function formatPersonName(name: PersonName, options: PersonNameFormatOptions = {}): string {
  const title = (name.title ?? '').trim().replace(/\s+/g, ' ');
  const givenName = String(name.givenName ?? '').trim();
  const familyName = (name.familyName ?? '').trim();
  if (givenName === '') throw new InvalidPersonNameError(name, 'the given name is empty');
  const space = options.spaceAfterTitle ?? isRank(title.split(' ').at(-1) ?? '');
  const titled = title === '' ? givenName : title + (space ? ' ' : '') + givenName;
  return familyName === '' ? titled : `${titled} ${familyName}`;
}

function isRank(word: string): boolean {
  return SPELLED_RANK.test(word) || ABBREVIATED_RANKS.has(word.replace(/หญิง$/, ''));
}
