import { findMeasures, type MeasureEntry } from '@saraban/store';
import { builder } from '../builder.js';
import { InputError } from '../errors.js';
import { inFiscalYear, viewMeasure } from '../measure-view.js';
import { organizationRecord } from '../records.js';
import { DocumentPageType, DocumentType } from './document.js';
import { DocumentKindEnum } from './enums.js';
import { MeasureType } from './measures.js';
import { OrganizationType } from './organization.js';
import { PersonType } from './person.js';
import { RenderType } from './render.js';
import { TemplateType } from './template.js';

const MeasureEntryType = builder.objectRef<MeasureEntry>('MeasureEntry').implement({
  description: 'A measure and where it stands.',
  fields: (t) => ({
    document: t.field({ type: DocumentType, description: 'The document it is in.', resolve: (e) => e.document }),
    group: t.exposeString('group', { nullable: true, description: 'The group row it stands under.' }),
    measure: t.field({
      type: MeasureType,
      description: "The measure, its period in the document's digits.",
      resolve: (e) => viewMeasure(e.measure, e.document.data.digitStyle),
    }),
  }),
});

builder.queryType({
  description: 'Reading documents, organizations, people, templates and renders.',
  fields: (t) => ({
    document: t.field({
      type: DocumentType,
      nullable: true,
      description: 'One document by id; null when there is none.',
      args: { id: t.arg.id({ required: true, description: 'The document id.' }) },
      resolve: async (_root, { id }, context) => {
        return context.loadedDocuments?.get(String(id)) ?? (await context.documents.get(String(id))) ?? null;
      },
    }),
    documents: t.field({
      type: DocumentPageType,
      description: 'Documents, most recently changed first, filtered by kind, organization, subject and date.',
      args: {
        limit: t.arg.int({ defaultValue: 20, description: 'At most this many (1 to 500).' }),
        offset: t.arg.int({ defaultValue: 0, description: 'Skip this many first.' }),
        kind: t.arg({ type: DocumentKindEnum, description: 'Only documents of this kind.' }),
        organizationId: t.arg.id({ description: 'Only documents filled from this organization.' }),
        subject: t.arg.string({ description: 'Only documents whose subject (เรื่อง) contains this text.' }),
        organization: t.arg.string({
          description: "Only documents whose header organization's name (ส่วนราชการ) contains this text.",
        }),
        dateFrom: t.arg({ type: 'Date', description: 'Only documents dated (วันที่) on or after this day.' }),
        dateTo: t.arg({ type: 'Date', description: 'Only documents dated (วันที่) on or before this day.' }),
      },
      complexity: (args) => ({ field: 1, multiplier: args.limit ?? 20 }),
      resolve: (_root, args, context) =>
        context.documents.list({
          limit: args.limit ?? 20,
          offset: args.offset ?? 0,
          kind: args.kind ?? undefined,
          organizationId: args.organizationId ? String(args.organizationId) : undefined,
          subject: args.subject ?? undefined,
          organizationName: args.organization ?? undefined,
          dateFrom: args.dateFrom ?? undefined,
          dateTo: args.dateTo ?? undefined,
        }),
    }),
    organization: t.field({
      type: OrganizationType,
      nullable: true,
      description: 'One organization by id; null when there is none.',
      args: { id: t.arg.id({ required: true, description: 'The organization id.' }) },
      resolve: async (_root, { id }, context) => {
        const organization = await context.organizations.get(String(id));
        return organization ? organizationRecord(organization) : null;
      },
    }),
    organizations: t.field({
      type: [OrganizationType],
      description: 'Organizations, by name.',
      args: {
        limit: t.arg.int({ defaultValue: 50, description: 'At most this many (1 to 500).' }),
        offset: t.arg.int({ defaultValue: 0, description: 'Skip this many first.' }),
      },
      complexity: (args) => ({ field: 1, multiplier: args.limit ?? 50 }),
      resolve: async (_root, args, context) => {
        const page = await context.organizations.list({ limit: args.limit ?? 50, offset: args.offset ?? 0 });
        return page.items.map(organizationRecord);
      },
    }),
    person: t.field({
      type: PersonType,
      nullable: true,
      description: 'One person by id; null when there is none.',
      args: { id: t.arg.id({ required: true, description: 'The person id.' }) },
      resolve: async (_root, { id }, context) => (await context.people.get(String(id))) ?? null,
    }),
    people: t.field({
      type: [PersonType],
      description: 'People, by name.',
      args: {
        limit: t.arg.int({ defaultValue: 50, description: 'At most this many (1 to 500).' }),
        offset: t.arg.int({ defaultValue: 0, description: 'Skip this many first.' }),
      },
      complexity: (args) => ({ field: 1, multiplier: args.limit ?? 50 }),
      resolve: async (_root, args, context) =>
        (await context.people.list({ limit: args.limit ?? 50, offset: args.offset ?? 0 })).items,
    }),
    measures: t.field({
      type: [MeasureEntryType],
      description: "Measures from the stored documents' measure tables, most recently changed document first.",
      args: {
        owner: t.arg.string({ description: 'Only measures whose owner (ผู้รับผิดชอบ) contains this text.' }),
        fiscalYear: t.arg.int({
          description:
            'Only measures of this Buddhist-era fiscal year (ปีงบประมาณ, e.g. 2566): their period overlaps it, or without a period their document is dated in it.',
        }),
        organizationId: t.arg.id({ description: 'Only measures in documents of this stored organization.' }),
        organization: t.arg.string({
          description: "Only measures in documents whose header organization's name contains this text.",
        }),
        limit: t.arg.int({ defaultValue: 100, description: 'At most this many (1 to 1000).' }),
      },
      complexity: (args) => ({ field: 1, multiplier: args.limit ?? 100 }),
      resolve: (_root, args, context) => {
        const limit = args.limit ?? 100;
        if (limit < 1 || limit > 1000) throw new InputError('limit', 'must be 1 to 1000');
        return findMeasures(context.documents, {
          owner: args.owner,
          organizationId: args.organizationId == null ? null : String(args.organizationId),
          organization: args.organization,
          where:
            args.fiscalYear == null
              ? undefined
              : ({ document, measure }) => inFiscalYear(measure, document.data.date, args.fiscalYear as number),
          limit,
        });
      },
    }),
    templates: t.field({
      type: [TemplateType],
      description: 'The template packages that loaded, by name.',
      resolve: (_root, _args, context) => context.templates.list(),
    }),
    render: t.field({
      type: RenderType,
      nullable: true,
      description: 'One render by id; null when there is none.',
      args: { id: t.arg.id({ required: true, description: 'The render id.' }) },
      resolve: async (_root, { id }, context) => (await context.renders.get(String(id))) ?? null,
    }),
  }),
});
