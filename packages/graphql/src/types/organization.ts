import type { ObjectFieldBuilder } from '@pothos/core';
import type { OrganizationData } from '@saraban/store';
import { builder, type SarabanTypes } from '../builder.js';
import type { OrganizationRecord } from '../records.js';
import { AssetInput, AssetType } from './asset.js';
import { FontType } from './font.js';

/** The printed fields, shared by a stored organization and a document's snapshot of one. */
function organizationFields<Shape extends OrganizationData>(t: ObjectFieldBuilder<SarabanTypes, Shape>) {
  return {
    name: t.string({ description: 'The full name, e.g. "องค์การบริหารส่วนจังหวัดลำพูน".', resolve: (o) => o.name }),
    unit: t.string({
      nullable: true,
      description: 'The unit inside the agency that owns the document, e.g. "กองการเจ้าหน้าที่".',
      resolve: (o) => o.unit,
    }),
    bookNumberPrefix: t.string({
      nullable: true,
      description: 'The prefix of its book numbers, e.g. "ลพ ๕๑๐๐๙".',
      resolve: (o) => o.bookNumberPrefix,
    }),
    addressLines: t.stringList({ description: 'Address lines, top to bottom.', resolve: (o) => o.addressLines }),
    phone: t.string({ nullable: true, description: 'Telephone number as printed.', resolve: (o) => o.phone }),
    fax: t.string({ nullable: true, description: 'Fax number as printed.', resolve: (o) => o.fax }),
    email: t.string({ nullable: true, description: 'E-mail address.', resolve: (o) => o.email }),
    website: t.string({ nullable: true, description: 'Website address.', resolve: (o) => o.website }),
    emblem: t.field({
      type: AssetType,
      nullable: true,
      description: 'The emblem printed in the header; templates print a plain placeholder when there is none.',
      resolve: (organization) => organization.emblem,
    }),
    font: t.field({
      type: FontType,
      nullable: true,
      description: "The face it prints in, embedded in its PDFs; null for the template's own (Sarabun by default).",
      resolve: async (organization, _args, context) =>
        organization.fontId ? ((await context.fonts.get(organization.fontId)) ?? null) : null,
    }),
  };
}

export const OrganizationType = builder.objectRef<OrganizationRecord>('Organization').implement({
  description: 'ส่วนราชการ: a government agency or one of its units, stored for reuse across documents.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The organization id.' }),
    ...organizationFields(t),
    version: t.exposeInt('version', { description: 'Raised by each write; give it back to update or delete.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was created.', resolve: (o) => o.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When it was last changed.', resolve: (o) => o.updatedAt }),
  }),
});

/** A document's header organization as printed, with the stored organization it came from. */
export const DocumentOrganizationType = builder
  .objectRef<OrganizationData & { organizationId: string | null }>('DocumentOrganization')
  .implement({
    description: 'The organization as this document prints it: a snapshot taken when the document was written.',
    fields: (t) => ({
      organizationId: t.exposeID('organizationId', {
        nullable: true,
        description: 'The stored organization it was filled from, if any.',
      }),
      ...organizationFields(t),
    }),
  });

export const OrganizationInput = builder.inputType('OrganizationInput', {
  description: "An organization's fields: creates an organization, or fills in a document's header inline.",
  fields: (t) => ({
    name: t.string({ required: true, description: 'The full name.' }),
    unit: t.string({ description: 'The unit that owns documents, e.g. "กองการเจ้าหน้าที่".' }),
    bookNumberPrefix: t.string({ description: 'The prefix of its book numbers, e.g. "ลพ ๕๑๐๐๙".' }),
    addressLines: t.stringList({ description: 'Address lines, top to bottom.' }),
    phone: t.string({ description: 'Telephone number as printed.' }),
    fax: t.string({ description: 'Fax number as printed.' }),
    email: t.string({ description: 'E-mail address.' }),
    website: t.string({ description: 'Website address.' }),
    emblem: t.field({ type: AssetInput, description: 'The emblem image.' }),
    fontId: t.id({
      description: "The face to print in: the id of a font from createFont; left out for the template's own.",
    }),
  }),
});
