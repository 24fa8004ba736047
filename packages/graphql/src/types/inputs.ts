import { builder } from '../builder.js';
import { BlockInput } from './blocks.js';
import { DigitStyleEnum, DocumentKindEnum, SecrecyMarkEnum, SpeedMarkEnum } from './enums.js';
import { LetterItemInput } from './letter-items.js';
import { OrganizationInput } from './organization.js';
import { PeriodInput } from './periods.js';
import { CoverInput, SectionInput } from './sections.js';
import { ContactInput, EndorsementInput, RecipientInput, SignerInput } from './signer.js';

export const DocumentInput = builder.inputType('DocumentInput', {
  description: "A document's content: the one data contract for the API, the CLI's JSON files and the studio's forms.",
  fields: (t) => ({
    kind: t.field({ type: DocumentKindEnum, required: true, description: 'The kind of document.' }),
    template: t.string({ description: "The template that prints it; defaults to the kind's template." }),
    organizationId: t.id({ description: 'A stored organization whose fields fill the header.' }),
    organization: t.field({
      type: OrganizationInput,
      description: 'The header organization inline; used instead of organizationId.',
    }),
    bookNumber: t.string({ description: 'ที่: the book number, e.g. "ลพ ๕๑๐๐๙/๑๒๓".' }),
    circular: t.boolean({
      defaultValue: false,
      description:
        'A circular (หนังสือเวียน): the book number prints with ว before its running number, "มท ๐๒๐๙.๓/ว ๒๓๐๕".',
    }),
    date: t.field({ type: 'Date', description: 'วันที่: the date of the document.' }),
    period: t.field({
      type: PeriodInput,
      description:
        'The time the document covers, beyond a day: a month, a span of months or words. Reports print it under their title.',
    }),
    subject: t.string({ required: true, description: 'เรื่อง: the subject.' }),
    recipient: t.field({ type: RecipientInput, description: 'เรียน: who it is addressed to.' }),
    references: t.stringList({ description: 'อ้างถึง: documents referred to.' }),
    enclosures: t.stringList({ description: 'สิ่งที่ส่งมาด้วย: enclosures.' }),
    referenceItems: t.field({
      type: [LetterItemInput],
      description: 'อ้างถึง as structured items (title, book number, date, count), instead of references.',
    }),
    enclosureItems: t.field({
      type: [LetterItemInput],
      description: 'สิ่งที่ส่งมาด้วย as structured items (title, book number, date, "จำนวน ๑ ชุด"), instead of enclosures.',
    }),
    speed: t.field({ type: SpeedMarkEnum, description: 'The speed mark.' }),
    deadline: t.string({ description: '"ด่วนภายใน …": a deadline printed with the speed mark.' }),
    secrecy: t.field({ type: SecrecyMarkEnum, description: 'The secrecy mark.' }),
    body: t.field({ type: [BlockInput], required: true, description: 'The body, block by block.' }),
    closing: t.string({ description: "The closing formula; letters default to the recipient class's closing." }),
    signer: t.field({ type: SignerInput, description: 'Who signs.' }),
    endorsements: t.field({ type: [EndorsementInput], description: 'Endorsements, in order (memos).' }),
    contact: t.field({ type: ContactInput, description: 'The contact block (letters).' }),
    copiesTo: t.stringList({ description: 'สำเนาส่ง: who receives copies.' }),
    digitStyle: t.field({
      type: DigitStyleEnum,
      defaultValue: 'THAI',
      description: 'Which digits the document prints, everywhere.',
    }),
    cover: t.field({ type: CoverInput, description: 'A cover page before everything else (reports).' }),
    sections: t.field({
      type: [SectionInput],
      description: 'Sections after the body, each on new pages in its own orientation, before the signature.',
    }),
    annexes: t.field({
      type: [SectionInput],
      description: 'Annexes after the signature (รายละเอียดแนบท้าย…), each on new pages in its own orientation.',
    }),
  }),
});

export type DocumentInputShape = typeof DocumentInput.$inferInput;
export type OrganizationInputShape = typeof OrganizationInput.$inferInput;
export type SignerInputShape = typeof SignerInput.$inferInput;
