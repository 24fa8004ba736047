import type { Document } from '@saraban/store';
import { circularBookNumber, closingFor } from '@saraban/thai';
import { viewBlocks } from '../block-view.js';
import { builder } from '../builder.js';
import { BlockUnion } from './blocks.js';
import { DigitStyleEnum, DocumentKindEnum, SecrecyMarkEnum, SpeedMarkEnum } from './enums.js';
import { LetterItemType, letterItemLines, viewLetterItems } from './letter-items.js';
import { DocumentOrganizationType } from './organization.js';
import { PeriodType } from './periods.js';
import { RenderType } from './render.js';
import { CoverType, SectionType, viewSections } from './sections.js';
import { ContactType, EndorsementType, RecipientType, SignerType } from './signer.js';

// Letters end with a closing formula; memos and announcements do not (formats.md).
const closesWithFormula = new Set(['EXTERNAL_LETTER']);

export const DocumentType = builder.objectRef<Document>('Document').implement({
  description: 'An official document: its header, body, signature and marks, as stored at its current version.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The document id.' }),
    kind: t.field({ type: DocumentKindEnum, description: 'The kind of document.', resolve: (d) => d.data.kind }),
    template: t.string({ description: 'The template that prints it.', resolve: (d) => d.data.template }),
    organization: t.field({
      type: DocumentOrganizationType,
      description: 'The header organization, as printed.',
      resolve: (d) => ({ ...d.data.organization, organizationId: d.data.organizationId }),
    }),
    bookNumber: t.string({
      nullable: true,
      description: 'ที่: the book number as printed, e.g. "ลพ ๕๑๐๐๙/๑๒๓"; a circular\'s with its ว, "มท ๐๒๐๙.๓/ว ๒๓๐๕".',
      resolve: ({ data }) => (data.bookNumber && data.circular ? circularBookNumber(data.bookNumber) : data.bookNumber),
    }),
    circular: t.boolean({
      description: 'A circular (หนังสือเวียน): its book number carries ว before the running number.',
      resolve: ({ data }) => data.circular ?? false,
    }),
    date: t.field({ type: 'Date', nullable: true, description: 'วันที่.', resolve: (d) => d.data.date }),
    period: t.field({
      type: PeriodType,
      nullable: true,
      description: 'The time the document covers, beyond a day; reports print it under their title.',
      resolve: ({ data }) => (data.period ? { period: data.period, digitStyle: data.digitStyle } : null),
    }),
    subject: t.string({ description: 'เรื่อง.', resolve: (d) => d.data.subject }),
    recipient: t.field({
      type: RecipientType,
      nullable: true,
      description: 'เรียน: the recipient, with the salutation and closing their class calls for.',
      resolve: (d) => d.data.recipient,
    }),
    references: t.stringList({
      description: 'อ้างถึง, one line each (structured items as printed, their count last).',
      resolve: ({ data }) => letterItemLines(data.referenceItems, data.references, data.digitStyle),
    }),
    enclosures: t.stringList({
      description: 'สิ่งที่ส่งมาด้วย, one line each (structured items as printed, their count last).',
      resolve: ({ data }) => letterItemLines(data.enclosureItems, data.enclosures, data.digitStyle),
    }),
    referenceItems: t.field({
      type: [LetterItemType],
      description: 'อ้างถึง as items: the structured ones, or each line of references as an item with its title only.',
      resolve: ({ data }) => viewLetterItems(data.referenceItems, data.references, data.digitStyle),
    }),
    enclosureItems: t.field({
      type: [LetterItemType],
      description:
        'สิ่งที่ส่งมาด้วย as items: the structured ones, or each line of enclosures as an item with its title only.',
      resolve: ({ data }) => viewLetterItems(data.enclosureItems, data.enclosures, data.digitStyle),
    }),
    speed: t.field({
      type: SpeedMarkEnum,
      nullable: true,
      description: 'The speed mark.',
      resolve: (d) => d.data.speed,
    }),
    deadline: t.string({
      nullable: true,
      description: '"ด่วนภายใน …": the deadline printed with the speed mark.',
      resolve: (d) => d.data.deadline,
    }),
    secrecy: t.field({
      type: SecrecyMarkEnum,
      nullable: true,
      description: 'The secrecy mark.',
      resolve: (d) => d.data.secrecy,
    }),
    body: t.field({
      type: [BlockUnion],
      // A body may hold up to limits.documentChars of text: it costs as much as a thousand one-line fields.
      complexity: { field: 1000, multiplier: 10 },
      description: "The body, block by block, list markers numbered in the document's digits.",
      resolve: (d) => viewBlocks(d.data.body, d.data.digitStyle),
    }),
    closing: t.string({
      nullable: true,
      description: "The closing formula: the one given, or on letters the recipient class's closing.",
      resolve: ({ data }) =>
        data.closing ?? (data.recipient && closesWithFormula.has(data.kind) ? closingFor(data.recipient.class) : null),
    }),
    signer: t.field({ type: SignerType, nullable: true, description: 'Who signs.', resolve: (d) => d.data.signer }),
    endorsements: t.field({
      type: [EndorsementType],
      description: 'Endorsements, in order.',
      resolve: (d) => d.data.endorsements,
    }),
    contact: t.field({
      type: ContactType,
      nullable: true,
      description: 'The contact block.',
      resolve: (d) => d.data.contact,
    }),
    copiesTo: t.stringList({ description: 'สำเนาส่ง.', resolve: (d) => d.data.copiesTo }),
    digitStyle: t.field({
      type: DigitStyleEnum,
      description: 'Which digits the document prints.',
      resolve: (d) => d.data.digitStyle,
    }),
    cover: t.field({
      type: CoverType,
      nullable: true,
      description: 'The cover page, if it has one.',
      resolve: ({ data }) =>
        data.cover ? { ...data.cover, organizationName: data.organization.name, digitStyle: data.digitStyle } : null,
    }),
    sections: t.field({
      type: [SectionType],
      description: 'Sections after the body, before the signature.',
      resolve: ({ data }) => viewSections(data.sections ?? [], data.digitStyle),
    }),
    annexes: t.field({
      type: [SectionType],
      description: 'Annexes after the signature.',
      resolve: ({ data }) => viewSections(data.annexes ?? [], data.digitStyle),
    }),
    version: t.exposeInt('version', { description: 'Raised by each write; give it back to update or delete.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was created.', resolve: (d) => d.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When it was last changed.', resolve: (d) => d.updatedAt }),
    renders: t.field({
      type: [RenderType],
      description: 'PDFs printed from this document, newest first.',
      resolve: (d, _args, context) => context.renders.listForDocument(d.id),
    }),
  }),
});

export const DocumentPageType = builder.objectRef<{ items: Document[]; total: number }>('DocumentPage').implement({
  description: 'A page of documents.',
  fields: (t) => ({
    items: t.field({
      type: [DocumentType],
      description: 'The documents on this page.',
      // The page's size is counted once, by the documents field's limit.
      complexity: { field: 1, multiplier: 1 },
      resolve: (p) => p.items,
    }),
    total: t.exposeInt('total', { description: 'How many documents match, in all.' }),
  }),
});
