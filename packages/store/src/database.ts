import type { DocumentKind } from './document-data.js';

/**
 * The tables as the database stores them: snake_case columns, JSON as text, timestamps as ISO 8601 text, blobs as
 * bytes. The repositories turn these rows into the camelCase, parsed shapes the app sees.
 *
 * @example
 * ```ts
 * const rows = await store.db.selectFrom('documents').select(['id', 'subject']).execute();
 * ```
 */
export interface Database {
  organizations: OrganizationTable;
  people: PersonTable;
  documents: DocumentTable;
  renders: RenderTable;
  batch_jobs: BatchJobTable;
  fonts: FontTable;
  file_chunks: FileChunkTable;
  batch_job_documents: BatchJobDocumentTable;
  template_versions: TemplateVersionTable;
  template_drafts: TemplateDraftTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  print_claims: PrintClaimTable;
}

export interface OrganizationTable {
  id: string;
  name: string;
  unit: string | null;
  book_number_prefix: string | null;
  /** JSON array of strings. */
  address_lines: string;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  emblem_media_type: string | null;
  emblem_data: Uint8Array | null;
  /** The face it prints in; null for the template's own. */
  font_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PersonTable {
  id: string;
  title: string;
  given_name: string;
  family_name: string;
  /** JSON array of strings. */
  positions: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DocumentTable {
  id: string;
  /** Written only from DocumentData.kind. */
  kind: DocumentKind;
  template: string;
  organization_id: string | null;
  subject: string;
  /** JSON object: the whole normalized document input. */
  data: string;
  /** Written only from DocumentData.date (ISO date), to search by. */
  document_date: string | null;
  /** Written only from DocumentData.organization.name, to search by. */
  organization_name: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RenderTable {
  id: string;
  document_id: string;
  document_version: number;
  template: string;
  sha256: string;
  pages: number;
  bytes: number;
  /** The PDF's name in the store's file storage. */
  file: string;
  /** JSON array of strings. */
  warnings: string;
  /** What the PDF was printed from, hashed; null for renders stored before the cache existed. */
  cache_key: string | null;
  /** The template version it printed with; null for renders stored before templates had versions. */
  template_version: number | null;
  created_at: string;
}

export interface BatchJobTable {
  id: string;
  /** QUEUED, RUNNING, DONE or FAILED. */
  status: string;
  /** JSON array of document ids, in order. */
  document_ids: string;
  done: number;
  /** JSON array of { documentId, message }. */
  errors: string;
  /** The name of the zip of the PDFs in the store's file storage, once the job is done. */
  archive_file: string | null;
  /** When the zip is removed (ISO 8601); null while there is none, and for zips written before zips expired. */
  archive_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface FontTable {
  /** SHA-256 of the files, hex: the same files are one row. */
  id: string;
  name: string;
  regular_media_type: string;
  regular_bytes: number;
  regular_data: Uint8Array;
  /** All three null when the face has no bold file. */
  bold_media_type: string | null;
  bold_bytes: number | null;
  bold_data: Uint8Array | null;
  created_at: string;
}

/** What became of one document of a batch job that workers ran: printed to a render, or failed. */
export interface BatchJobDocumentTable {
  batch_job_id: string;
  /** The document's place in the job's document_ids, from 0. */
  position: number;
  document_id: string;
  /** Null when the document failed, or when the render went with its document. */
  render_id: string | null;
  /** Why the document failed; null when it printed. */
  error: string | null;
  created_at: string;
}

/** A piece of a stored file, on PostgreSQL: the file's bytes are its chunks' data in `seq` order. */
export interface FileChunkTable {
  /** The file's name, as a render or batch job records it. */
  file: string;
  /** The chunk's place in the file, from 0. */
  seq: number;
  data: Uint8Array;
}

export interface TemplateVersionTable {
  template: string;
  /** 1, 2, …: one more with each publication. */
  version: number;
  /** JSON object: the package's text files by path. */
  files: string;
  /** FOLDER (imported from the templates folder) or STUDIO (published through the API). */
  source: string;
  note: string | null;
  created_at: string;
}

export interface TemplateDraftTable {
  template: string;
  /** JSON object: the package's text files by path. */
  files: string;
  /** The published version the draft started from. */
  base_version: number;
  /** 1 when created, raised by each save; give it back to save again. */
  revision: number;
  updated_at: string;
}

export interface UserTable {
  id: string;
  /** What the user signs in with; unique. */
  name: string;
  /** ADMIN, DESIGNER, STAFF or VIEWER. */
  role: string;
  /** scrypt, in PHC string format: "$scrypt$ln=17,r=8,p=1$<salt>$<hash>". */
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 (hex) of the cookie's value: the value itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  /** What the token is for, e.g. "e-saraban": unique. */
  name: string;
  /** ADMIN, DESIGNER, STAFF or VIEWER. */
  role: string;
  /** SHA-256 (hex) of the token: the token itself is shown once, at creation, and never stored. */
  token_hash: string;
  created_at: string;
  /** Null while the token is in use. */
  revoked_at: string | null;
}

export interface PrintClaimTable {
  document_id: string;
  /** The render cache key of the version being printed. */
  cache_key: string;
  /** The holder's claim: it renews and releases by this id. */
  claim_id: string;
  /** ISO 8601 instant; past it, another process may take the claim over. */
  expires_at: string;
}
