import type { ActingData, ContactData, EndorsementData, RecipientData, SignerData } from '@saraban/store';
import { closingFor, formatPersonName, salutationFor, signerLines } from '@saraban/thai';
import { builder } from '../builder.js';
import { ActingKindEnum, RecipientClassEnum } from './enums.js';

export const ActingType = builder.objectRef<ActingData>('Acting').implement({
  description: "The acting line under a signer's position.",
  fields: (t) => ({
    kind: t.expose('kind', { type: ActingKindEnum, description: 'How the signer acts.' }),
    position: t.exposeString('position', {
      description: 'The position acted for, e.g. "นายกองค์การบริหารส่วนจังหวัดลำพูน".',
    }),
  }),
});

export const ActingInput = builder.inputType('ActingInput', {
  description: 'The position a signer acts for, and how.',
  fields: (t) => ({
    kind: t.field({ type: ActingKindEnum, required: true, description: 'How the signer acts.' }),
    position: t.string({ required: true, description: 'The position acted for.' }),
  }),
});

export const SignerType = builder.objectRef<SignerData>('Signer').implement({
  description: 'Who signs: a snapshot of the person as the document prints them.',
  fields: (t) => ({
    personId: t.exposeID('personId', { nullable: true, description: 'The stored person it was filled from, if any.' }),
    title: t.exposeString('title', { description: 'นาย, นาง, นางสาว, or an academic or rank title.' }),
    givenName: t.exposeString('givenName', { description: 'Given name.' }),
    familyName: t.exposeString('familyName', { description: 'Family name.' }),
    fullName: t.string({
      description: 'The name printed in the signature parentheses, without them: "นายพิชัย จาอาบาล".',
      resolve: (signer) => formatPersonName(signer),
    }),
    positions: t.exposeStringList('positions', { description: "The signer's own position lines." }),
    acting: t.field({
      type: ActingType,
      nullable: true,
      description: 'The position the signer acts for, if any.',
      resolve: (signer) => signer.acting,
    }),
    lines: t.stringList({
      description:
        'Every line under the name, in print order: the positions, the acting word joined to the last one, then the position acted for.',
      resolve: (signer) => signerLines(signer),
    }),
  }),
});

export const SignerInput = builder.inputType('SignerInput', {
  description: 'Who signs. Give personId to fill the name and positions from a stored person; fields given here win.',
  fields: (t) => ({
    personId: t.id({ description: 'A stored person.' }),
    title: t.string({ description: 'นาย, นาง, นางสาว, or an academic or rank title.' }),
    givenName: t.string({ description: 'Given name.' }),
    familyName: t.string({ description: 'Family name.' }),
    positions: t.stringList({ description: 'Position lines, top to bottom.' }),
    acting: t.field({ type: ActingInput, description: 'The position the signer acts for.' }),
  }),
});

export const EndorsementType = builder.objectRef<EndorsementData>('Endorsement').implement({
  description: "An endorsement on a memo: a later approver's opinion, signature and date.",
  fields: (t) => ({
    opinion: t.exposeStringList('opinion', { description: 'The opinion, line by line, e.g. "เห็นชอบ".' }),
    signer: t.field({ type: SignerType, description: 'Who endorses.', resolve: (e) => e.signer }),
    date: t.field({ type: 'Date', nullable: true, description: 'When it was signed.', resolve: (e) => e.date }),
  }),
});

export const EndorsementInput = builder.inputType('EndorsementInput', {
  description: 'An endorsement: opinion, signer and date.',
  fields: (t) => ({
    opinion: t.stringList({ required: true, description: 'The opinion, line by line.' }),
    signer: t.field({ type: SignerInput, required: true, description: 'Who endorses.' }),
    date: t.field({ type: 'Date', description: 'When it was signed.' }),
  }),
});

export const ContactType = builder.objectRef<ContactData>('Contact').implement({
  description:
    'The contact block at the bottom left of a letter: the unit, the section under it, โทร. and โทรสาร on one line, the e-mail.',
  fields: (t) => ({
    unit: t.exposeString('unit', { nullable: true, description: 'The responsible unit.' }),
    subUnit: t.string({
      nullable: true,
      description: 'The section under the unit, on its own line.',
      resolve: (contact) => contact.subUnit ?? null,
    }),
    phone: t.exposeString('phone', { nullable: true, description: 'โทร.' }),
    fax: t.exposeString('fax', { nullable: true, description: 'โทรสาร' }),
    email: t.exposeString('email', { nullable: true, description: 'ไปรษณีย์อิเล็กทรอนิกส์' }),
  }),
});

export const ContactInput = builder.inputType('ContactInput', {
  description: 'The contact block of a letter.',
  fields: (t) => ({
    unit: t.string({ description: 'The responsible unit.' }),
    subUnit: t.string({ description: 'The section under the unit (กลุ่มงาน…), on its own line.' }),
    phone: t.string({ description: 'Telephone.' }),
    fax: t.string({ description: 'Fax.' }),
    email: t.string({ description: 'E-mail.' }),
  }),
});

export const RecipientType = builder.objectRef<RecipientData>('Recipient').implement({
  description: 'The recipient, and the salutation and closing their class calls for.',
  fields: (t) => ({
    name: t.exposeString('name', {
      description: 'Who, after the salutation: "นายกองค์การบริหารส่วนจังหวัดลำพูน".',
    }),
    class: t.expose('class', { type: RecipientClassEnum, description: 'The class of recipient.' }),
    salutation: t.string({
      description: 'เรียน, กราบเรียน or นมัสการ.',
      resolve: (recipient) => salutationFor(recipient.class),
    }),
    closing: t.string({
      description: 'ขอแสดงความนับถือ, ขอแสดงความนับถืออย่างยิ่ง or ขอนมัสการด้วยความเคารพ.',
      resolve: (recipient) => closingFor(recipient.class),
    }),
  }),
});

export const RecipientInput = builder.inputType('RecipientInput', {
  description: 'Who the document is addressed to.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Who, after the salutation.' }),
    class: t.field({
      type: RecipientClassEnum,
      defaultValue: 'GENERAL',
      description: 'Chooses the salutation and closing.',
    }),
  }),
});
