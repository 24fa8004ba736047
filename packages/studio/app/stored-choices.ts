import { GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import { graphql } from './api.js';
import type { StoredChoices } from './form.js';

const STORED = /* GraphQL */ `
  query StoredChoices {
    organizations(limit: 500) { id name unit addressLines phone fax email website bookNumberPrefix }
    people(limit: 500) { id fullName title givenName familyName positions }
  }
`;

interface StoredOrganization {
  id: string;
  name: string;
  [field: string]: unknown;
}

interface StoredPerson {
  id: string;
  fullName: string;
  [field: string]: unknown;
}

/** An input type a stored person fills in: it has a person's name fields (SignerInput). */
function takesPerson(type: GraphQLInputObjectType): boolean {
  const fields = type.getFields();
  return 'title' in fields && 'givenName' in fields && 'familyName' in fields;
}

/**
 * The stored organizations and people, as choices for the form's sections they fill in: OrganizationInput takes an
 * organization, any input with a person's name fields (the signer) takes a person. Someone who may not read them
 * gets no choices (the form works without).
 *
 * @example
 * const form = inputForm(documentInput, { kind: 'MEMO' }, await storedChoices(schema));
 */
export async function storedChoices(schema: GraphQLSchema): Promise<StoredChoices> {
  const stored = await graphql<{ organizations: StoredOrganization[]; people: StoredPerson[] }>(STORED).catch(() => ({
    organizations: [],
    people: [],
  }));
  const choices: StoredChoices = {
    OrganizationInput: stored.organizations.map(({ id, name, ...rest }) => ({
      id,
      label: name,
      value: { name, ...rest },
    })),
  };
  const people = stored.people.map(({ id, fullName, ...rest }) => ({ id, label: fullName, value: rest }));
  for (const type of Object.values(schema.getTypeMap())) {
    if (type instanceof GraphQLInputObjectType && takesPerson(type)) choices[type.name] = people;
  }
  return choices;
}
