import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { openSaraban } from '@saraban/app';
import { runGraphql } from '../run-graphql.js';
import { UserError } from '../user-error.js';

const READ_ORGANIZATION = /* GraphQL */ `
  query Organization($id: ID!) {
    organization(id: $id) {
      version
      name
      unit
      bookNumberPrefix
      addressLines
      phone
      fax
      email
      website
      font {
        id
      }
    }
  }
`;
const UPDATE_ORGANIZATION = /* GraphQL */ `
  mutation SetEmblem($id: ID!, $version: Int!, $input: OrganizationInput!) {
    updateOrganization(id: $id, version: $version, input: $input) {
      name
      version
    }
  }
`;

/** The emblem's media type, told by the file's extension. */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

interface StoredOrganization {
  version: number;
  name: string;
  unit: string | null;
  bookNumberPrefix: string | null;
  addressLines: string[];
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  font: { id: string } | null;
}

export interface EmblemOptions {
  id: string;
  file: string;
  db: string;
  templates: string;
}

/**
 * `saraban organizations emblem`: gives a stored organization its emblem from an image file (PNG, JPEG or SVG), so
 * its documents stop printing the placeholder. Its other fields stay as they are; documents written after it take
 * the emblem with the rest of the organization.
 *
 * @example
 * await emblemCommand({ id, file: 'garuda.png', db: '.saraban/saraban.db', templates });
 */
export async function emblemCommand(options: EmblemOptions): Promise<void> {
  const mediaType = MEDIA_TYPES[extname(options.file).toLowerCase()];
  if (!mediaType) throw new UserError(`${options.file}: give a .png, .jpg or .svg image`);
  let image: Buffer;
  try {
    image = await readFile(options.file);
  } catch (error) {
    throw new UserError(`${options.file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const saraban = await openSaraban({ databaseFile: options.db, templatesDir: options.templates, poolSize: 1 });
  try {
    const { context } = saraban;
    const source = `organization ${options.id}`;
    const { organization } = await runGraphql<{ organization: StoredOrganization | null }>(
      context,
      source,
      READ_ORGANIZATION,
      { id: options.id },
    );
    if (!organization) throw new UserError(`${source}: there is no such organization in ${options.db}`);
    const { version, font, ...fields } = organization;
    const input = { ...fields, fontId: font?.id ?? null, emblem: { mediaType, base64: image.toString('base64') } };
    const { updateOrganization: updated } = await runGraphql<{
      updateOrganization: { name: string; version: number };
    }>(context, options.file, UPDATE_ORGANIZATION, { id: options.id, version, input });
    console.log(`${updated.name}: emblem set from ${options.file} (version ${updated.version})`);
  } finally {
    await saraban.close();
  }
}
