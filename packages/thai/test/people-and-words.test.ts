import { describe, expect, test } from 'vitest';
import {
  type ActingKind,
  actingWord,
  closingFor,
  formatPersonName,
  InvalidPersonNameError,
  type MeasureField,
  measureFieldLabel,
  type RecipientClass,
  type SecrecyMark,
  type SpeedMark,
  salutationFor,
  secrecyMarkText,
  signerLines,
  speedMarkText,
  UnknownCodeError,
} from '../src/index.js';

describe('formatPersonName', () => {
  test.each<[Parameters<typeof formatPersonName>[0], string]>([
    [{ title: 'นาย', givenName: 'พิชัย', familyName: 'จาอาบาล' }, 'นายพิชัย จาอาบาล'],
    [{ title: 'นางสาว', givenName: 'วราศิณี', familyName: 'สุนทร' }, 'นางสาววราศิณี สุนทร'],
    [{ title: 'นาง', givenName: 'สมศรี', familyName: 'ใจดี' }, 'นางสมศรี ใจดี'],
    [{ title: 'ดร.', givenName: 'สมชาย', familyName: 'ใจดี' }, 'ดร.สมชาย ใจดี'],
    [{ title: 'ผู้ช่วยศาสตราจารย์', givenName: 'สมชาย', familyName: 'ใจดี' }, 'ผู้ช่วยศาสตราจารย์สมชาย ใจดี'],
    [{ title: 'ผศ.ดร.', givenName: 'สมชาย', familyName: 'ใจดี' }, 'ผศ.ดร.สมชาย ใจดี'],
    [
      { title: 'รองศาสตราจารย์ พันโท ดร.', givenName: 'สุชาดา', familyName: 'ทำความดี' },
      'รองศาสตราจารย์ พันโท ดร.สุชาดา ทำความดี',
    ],
    [{ title: 'พลเอก', givenName: 'ประยุทธ์', familyName: 'จันทร์โอชา' }, 'พลเอก ประยุทธ์ จันทร์โอชา'],
    [{ title: 'พันตำรวจโท', givenName: 'สมชาย', familyName: 'ใจดี' }, 'พันตำรวจโท สมชาย ใจดี'],
    [{ title: 'ว่าที่ร้อยตรี', givenName: 'สมชาย', familyName: 'ใจดี' }, 'ว่าที่ร้อยตรี สมชาย ใจดี'],
    [{ title: 'ร้อยโทหญิง', givenName: 'สุชาดา', familyName: 'ทำความดี' }, 'ร้อยโทหญิง สุชาดา ทำความดี'],
    [{ title: 'นาวาอากาศเอก', givenName: 'สมชาย', familyName: 'ใจดี' }, 'นาวาอากาศเอก สมชาย ใจดี'],
    [{ title: 'พ.ต.อ.', givenName: 'สมชาย', familyName: 'ใจดี' }, 'พ.ต.อ. สมชาย ใจดี'],
    [{ title: 'รศ. ร.ท.หญิง', givenName: 'สุชาดา', familyName: 'ทำความดี' }, 'รศ. ร.ท.หญิง สุชาดา ทำความดี'],
    [{ title: ' นาย ', givenName: ' พิชัย ', familyName: ' จาอาบาล ' }, 'นายพิชัย จาอาบาล'],
    [{ givenName: 'พิชัย', familyName: 'จาอาบาล' }, 'พิชัย จาอาบาล'],
    [{ title: 'นาย', givenName: 'พิชัย' }, 'นายพิชัย'],
  ])('%j -> %s', (name, expected) => {
    expect(formatPersonName(name)).toBe(expected);
  });

  test('the caller can force or drop the space after the title', () => {
    expect(formatPersonName({ title: 'ศาสตราจารย์', givenName: 'ก', familyName: 'ข' }, { spaceAfterTitle: true })).toBe(
      'ศาสตราจารย์ ก ข',
    );
    expect(formatPersonName({ title: 'พลเอก', givenName: 'ก', familyName: 'ข' }, { spaceAfterTitle: false })).toBe(
      'พลเอกก ข',
    );
  });

  test('refuses a name without a given name', () => {
    expect(() => formatPersonName({ title: 'นาย', givenName: '  ', familyName: 'จาอาบาล' })).toThrow(
      InvalidPersonNameError,
    );
  });
});

describe('signerLines', () => {
  test('the seed: the acting word joins the last position, the position acted for follows', () => {
    expect(
      signerLines({
        positions: ['รองนายกองค์การบริหารส่วนจังหวัด'],
        acting: { kind: 'ON_BEHALF', position: 'นายกองค์การบริหารส่วนจังหวัดลำพูน' },
      }),
    ).toEqual(['รองนายกองค์การบริหารส่วนจังหวัด ปฏิบัติราชการแทน', 'นายกองค์การบริหารส่วนจังหวัดลำพูน']);
  });

  test('several positions: only the last takes the acting word', () => {
    expect(
      signerLines({
        positions: ['ปลัดองค์การบริหารส่วนจังหวัด', 'รักษาราชการแทนรองปลัด'],
        acting: { kind: 'ACTING_FOR', position: 'นายกองค์การบริหารส่วนจังหวัดลำพูน' },
      }),
    ).toEqual(['ปลัดองค์การบริหารส่วนจังหวัด', 'รักษาราชการแทนรองปลัด รักษาราชการแทน', 'นายกองค์การบริหารส่วนจังหวัดลำพูน']);
  });

  test('without acting: the positions as given', () => {
    expect(signerLines({ positions: ['ผู้อำนวยการกองการเจ้าหน้าที่'] })).toEqual(['ผู้อำนวยการกองการเจ้าหน้าที่']);
    expect(signerLines({ positions: ['ก'], acting: null })).toEqual(['ก']);
    expect(signerLines({ positions: [] })).toEqual([]);
  });

  test('acting without own positions: the acting word on a line of its own', () => {
    expect(signerLines({ positions: [], acting: { kind: 'ACTING_IN_POSITION', position: 'ผู้อำนวยการ' } })).toEqual([
      'รักษาการในตำแหน่ง',
      'ผู้อำนวยการ',
    ]);
  });
});

describe('official words', () => {
  test.each<[RecipientClass, string, string]>([
    ['GENERAL', 'เรียน', 'ขอแสดงความนับถือ'],
    ['HIGHEST', 'กราบเรียน', 'ขอแสดงความนับถืออย่างยิ่ง'],
    ['MONK', 'นมัสการ', 'ขอนมัสการด้วยความเคารพ'],
  ])('%s: %s … %s', (recipientClass, salutation, closing) => {
    expect(salutationFor(recipientClass)).toBe(salutation);
    expect(closingFor(recipientClass)).toBe(closing);
  });

  test.each<[ActingKind, string]>([
    ['ON_BEHALF', 'ปฏิบัติราชการแทน'],
    ['ACTING_FOR', 'รักษาราชการแทน'],
    ['ACTING_IN_POSITION', 'รักษาการในตำแหน่ง'],
  ])('acting %s: %s', (kind, word) => {
    expect(actingWord(kind)).toBe(word);
  });

  test.each<[SpeedMark, string]>([
    ['MOST_URGENT', 'ด่วนที่สุด'],
    ['VERY_URGENT', 'ด่วนมาก'],
    ['URGENT', 'ด่วน'],
  ])('speed %s: %s', (mark, text) => {
    expect(speedMarkText(mark)).toBe(text);
  });

  test.each<[SecrecyMark, string]>([
    ['TOP_SECRET', 'ลับที่สุด'],
    ['SECRET', 'ลับมาก'],
    ['CONFIDENTIAL', 'ลับ'],
  ])('secrecy %s: %s', (mark, text) => {
    expect(secrecyMarkText(mark)).toBe(text);
  });

  test('an unknown code fails with the allowed values, never prints undefined', () => {
    expect(() => salutationFor('KING' as RecipientClass)).toThrow(UnknownCodeError);
    expect(() => closingFor('toString' as RecipientClass)).toThrow('expected one of GENERAL, HIGHEST, MONK');
    expect(() => actingWord(undefined as unknown as ActingKind)).toThrow(UnknownCodeError);
    expect(() => speedMarkText('urgent' as SpeedMark)).toThrow(UnknownCodeError);
    expect(() => secrecyMarkText('' as SecrecyMark)).toThrow(UnknownCodeError);
  });
});

describe('measureFieldLabel', () => {
  test('gives the column headings of the seeds’ measure tables, and refuses unknown fields', () => {
    expect(
      ['TITLE', 'STEPS', 'OWNER', 'PERIOD', 'RESULT', 'SUGGESTION'].map((f) => measureFieldLabel(f as MeasureField)),
    ).toEqual(['มาตรการ', 'วิธีการดำเนินการ', 'ผู้รับผิดชอบ', 'ระยะเวลา', 'ผลการดำเนินการ', 'ข้อเสนอแนะ']);
    expect(() => measureFieldLabel('COST' as never)).toThrow(/measure field/);
  });
});
