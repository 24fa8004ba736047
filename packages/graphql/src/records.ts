import type { Organization, OrganizationData, Person, SignerData } from '@saraban/store';

/** A stored organization as the API serves it. */
export type OrganizationRecord = OrganizationData & Pick<Organization, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** A stored person as the API serves it. */
export type PersonRecord = Person;

/**
 * The printed fields of a stored organization, the emblem as base64.
 *
 * @example
 * const header = organizationData(await store.organizations.get(id));
 */
export function organizationData(organization: Organization): OrganizationData {
  const { id: _id, version: _version, createdAt: _created, updatedAt: _updated, emblem, ...fields } = organization;
  return {
    ...fields,
    emblem: emblem ? { mediaType: emblem.mediaType, base64: Buffer.from(emblem.data).toString('base64') } : null,
  };
}

/** A stored organization as the API serves it. */
export function organizationRecord(organization: Organization): OrganizationRecord {
  const { id, version, createdAt, updatedAt } = organization;
  return { ...organizationData(organization), id, version, createdAt, updatedAt };
}

/** A signer filled in from a stored person. */
export function signerFromPerson(person: Person): SignerData {
  return {
    personId: person.id,
    title: person.title,
    givenName: person.givenName,
    familyName: person.familyName,
    positions: person.positions,
    acting: null,
  };
}
