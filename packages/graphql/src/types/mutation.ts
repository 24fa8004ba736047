import type { DocumentData, NewOrganization, OrganizationData } from '@saraban/store';
import { builder } from '../builder.js';
import type { SarabanContext } from '../context.js';
import { documentFromInput, organizationFromInput } from '../document-input.js';
import { InputProblems } from '../input-problems.js';
import { organizationRecord } from '../records.js';
import { checkTextLengths } from '../text-lengths.js';
import { DocumentType } from './document.js';
import { DocumentInput } from './inputs.js';
import { OrganizationInput, OrganizationType } from './organization.js';
import { PersonInput, PersonType } from './person.js';
import { RenderType } from './render.js';

function storedOrganization(organization: OrganizationData): NewOrganization {
  const { emblem, ...fields } = organization;
  return {
    ...fields,
    emblem: emblem ? { mediaType: emblem.mediaType, data: Buffer.from(emblem.base64, 'base64') } : null,
  };
}

/** An OrganizationInput checked, every problem in one answer, as it is stored. */
async function checkedOrganization(
  context: SarabanContext,
  input: typeof OrganizationInput.$inferInput,
): Promise<NewOrganization> {
  const problems = new InputProblems();
  const organization = await organizationFromInput(context, input, 'input', problems);
  problems.throwIfAny();
  return storedOrganization(organization);
}

/** A PersonInput checked (text lengths) and with its positions filled in. */
function personFromInput(input: typeof PersonInput.$inferInput) {
  checkTextLengths(input, 'input');
  return { ...input, positions: input.positions ?? [] };
}

function documentColumns(data: DocumentData) {
  return {
    kind: data.kind,
    template: data.template,
    organizationId: data.organizationId,
    subject: data.subject,
    data,
  };
}

builder.mutationType({
  description: 'Writing: every update and delete carries the version it was based on; a stale one is refused.',
  fields: (t) => ({
    createOrganization: t.field({
      type: OrganizationType,
      description: 'Store a new organization.',
      args: { input: t.arg({ type: OrganizationInput, required: true, description: 'Its fields.' }) },
      resolve: async (_root, { input }, context) =>
        organizationRecord(await context.organizations.create(await checkedOrganization(context, input))),
    }),
    updateOrganization: t.field({
      type: OrganizationType,
      description: "Replace an organization's fields; version is the one you read.",
      args: {
        id: t.arg.id({ required: true, description: 'The organization id.' }),
        version: t.arg.int({ required: true, description: 'The version your change is based on.' }),
        input: t.arg({ type: OrganizationInput, required: true, description: 'All its fields.' }),
      },
      resolve: async (_root, args, context) => {
        const organization = await checkedOrganization(context, args.input);
        return organizationRecord(await context.organizations.update(String(args.id), args.version, organization));
      },
    }),
    deleteOrganization: t.id({
      description: 'Delete an organization; documents filled from it keep their header. Returns the id.',
      args: {
        id: t.arg.id({ required: true, description: 'The organization id.' }),
        version: t.arg.int({ required: true, description: 'The version you read.' }),
      },
      resolve: async (_root, args, context) => {
        await context.organizations.delete(String(args.id), args.version);
        return args.id;
      },
    }),
    createPerson: t.field({
      type: PersonType,
      description: 'Store a new person.',
      args: { input: t.arg({ type: PersonInput, required: true, description: 'Their fields.' }) },
      resolve: (_root, { input }, context) => context.people.create(personFromInput(input)),
    }),
    updatePerson: t.field({
      type: PersonType,
      description: "Replace a person's fields; version is the one you read.",
      args: {
        id: t.arg.id({ required: true, description: 'The person id.' }),
        version: t.arg.int({ required: true, description: 'The version your change is based on.' }),
        input: t.arg({ type: PersonInput, required: true, description: 'All their fields.' }),
      },
      resolve: (_root, args, context) =>
        context.people.update(String(args.id), args.version, personFromInput(args.input)),
    }),
    deletePerson: t.id({
      description: 'Delete a person; documents they signed keep the signature. Returns the id.',
      args: {
        id: t.arg.id({ required: true, description: 'The person id.' }),
        version: t.arg.int({ required: true, description: 'The version you read.' }),
      },
      resolve: async (_root, args, context) => {
        await context.people.delete(String(args.id), args.version);
        return args.id;
      },
    }),
    createDocument: t.field({
      type: DocumentType,
      description: 'Store a new document.',
      args: { input: t.arg({ type: DocumentInput, required: true, description: 'Its content.' }) },
      resolve: async (_root, { input }, context) => {
        const data = await documentFromInput(context, input, 'input');
        return context.documents.create(documentColumns(data));
      },
    }),
    updateDocument: t.field({
      type: DocumentType,
      description: "Replace a document's content; version is the one you read. Raises the version.",
      args: {
        id: t.arg.id({ required: true, description: 'The document id.' }),
        version: t.arg.int({ required: true, description: 'The version your change is based on.' }),
        input: t.arg({ type: DocumentInput, required: true, description: 'All its content.' }),
      },
      resolve: async (_root, args, context) => {
        const data = await documentFromInput(context, args.input, 'input');
        return context.documents.update(String(args.id), args.version, documentColumns(data));
      },
    }),
    deleteDocument: t.id({
      description: 'Delete a document and its renders. Returns the id.',
      args: {
        id: t.arg.id({ required: true, description: 'The document id.' }),
        version: t.arg.int({ required: true, description: 'The version you read.' }),
      },
      resolve: async (_root, args, context) => {
        await context.documents.delete(String(args.id), args.version);
        return args.id;
      },
    }),
    renderDocument: t.field({
      type: RenderType,
      description: "Print the document's current version to PDF with its template, and store the PDF.",
      args: { id: t.arg.id({ required: true, description: 'The document id.' }) },
      resolve: (_root, { id }, context) => context.renderer.render(String(id)),
    }),
    renderBundle: t.field({
      type: RenderType,
      description:
        'Print several stored documents as one PDF, in order, with a bookmark to each (its subject): a letter followed by its enclosures. Each is rendered as renderDocument would (a stored render is reused); the joined PDF is stored as a render of the first document, with template "bundle", and returned again for the same documents and title (cached).',
      args: {
        documentIds: t.arg.idList({
          required: true,
          description: 'The documents, first to last: 1 to 50 (more: renderBatch).',
        }),
        title: t.arg.string({ description: "The PDF's title; the first document's subject when left out." }),
      },
      resolve: (_root, { documentIds, title }, context) => context.renderer.bundle(documentIds.map(String), { title }),
    }),
  }),
});
