import { formatPersonName } from '@saraban/thai';
import { builder } from '../builder.js';
import type { PersonRecord } from '../records.js';

export const PersonType = builder.objectRef<PersonRecord>('Person').implement({
  description: 'A person who signs or endorses documents.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The person id.' }),
    title: t.exposeString('title', { description: 'นาย, นาง, นางสาว, or an academic or rank title.' }),
    givenName: t.exposeString('givenName', { description: 'Given name.' }),
    familyName: t.exposeString('familyName', { description: 'Family name.' }),
    fullName: t.string({
      description: 'The name as printed in the signature parentheses, without them: "นายพิชัย จาอาบาล".',
      resolve: (person) => formatPersonName(person),
    }),
    positions: t.exposeStringList('positions', { description: 'Position lines, top to bottom.' }),
    version: t.exposeInt('version', { description: 'Raised by each write; give it back to update or delete.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was created.', resolve: (p) => p.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When it was last changed.', resolve: (p) => p.updatedAt }),
  }),
});

export const PersonInput = builder.inputType('PersonInput', {
  description: "A person's fields.",
  fields: (t) => ({
    title: t.string({ required: true, description: 'นาย, นาง, นางสาว, or an academic or rank title.' }),
    givenName: t.string({ required: true, description: 'Given name.' }),
    familyName: t.string({ required: true, description: 'Family name.' }),
    positions: t.stringList({ description: 'Position lines, top to bottom.' }),
  }),
});
