import type { TemplateRegistry } from '@saraban/engine';
import type { Renderer } from '@saraban/render';
import type {
  ApiTokenRepository,
  BatchJob,
  Document,
  DocumentRepository,
  FontRepository,
  OrganizationRepository,
  PersonRepository,
  RenderRepository,
  StoredFile,
  TemplateDraft,
  TemplateFileTexts,
  TemplateVersion,
  TemplateVersionSummary,
  UserRepository,
} from '@saraban/store';
import type { Viewer } from './viewer.js';

/**
 * Batch jobs as the API starts and reads them; the application runs them (in this process, or on workers).
 *
 * @example
 * const job = await context.batches.start(['1f0c…', '7a2e…']);
 */
export interface BatchJobs {
  /**
   * Records a QUEUED job for these documents and has it run; returns the job at once.
   * @throws {QueueFullError} when the unfinished jobs already hold `limits.queuedDocuments` documents.
   */
  start(documentIds: string[]): Promise<BatchJob>;
  /** The job, or undefined when there is none with this id. */
  get(id: string): Promise<BatchJob | undefined>;
  /**
   * The job's zip of PDFs, once it is DONE; undefined before, or when there is no such job.
   * @throws {ArchiveExpiredError} (from the store) once the zip's lifetime is over.
   */
  getArchive(id: string): Promise<StoredFile | undefined>;
}

/**
 * Templates kept as published versions and drafts, as the API reads and writes them; the application keeps them and
 * prints with the latest published version of each.
 *
 * @example
 * const version = await context.templateVersions.publishDraft('memo', draft.revision, 'wider margins');
 */
export interface TemplateVersions {
  /** Every published version without its files, newest first. */
  history(name: string): Promise<TemplateVersionSummary[]>;
  /** One version, or the latest when `version` is left out. */
  get(name: string, version?: number): Promise<TemplateVersion | undefined>;
  getDraft(name: string): Promise<TemplateDraft | undefined>;
  /** Saves the draft; `revision` is the one read (null for a new draft). A stale one is a VersionConflictError. */
  saveDraft(name: string, files: TemplateFileTexts, revision: number | null): Promise<TemplateDraft>;
  discardDraft(name: string, revision: number): Promise<void>;
  /** Checks the draft, publishes it as the next version and prints with it; problems are a TemplateCheckError. */
  publishDraft(name: string, revision: number, note: string | null): Promise<TemplateVersion>;
  /** Publishes an earlier version's files again as the next version, checked as publishDraft is. */
  rollback(name: string, version: number, note: string | null): Promise<TemplateVersion>;
}

/**
 * Signing in and out, for this request: the server keeps the session in an HttpOnly cookie. Processes without HTTP
 * (the CLI) have none and refuse.
 *
 * @example
 * const viewer = await context.session.signIn('somchai', password);
 */
export interface SessionControl {
  /** Checks the name and password and starts a session; undefined when either is wrong. */
  signIn(name: string, password: string): Promise<Viewer | undefined>;
  /** Ends this request's session, if it has one. */
  signOut(): Promise<void>;
}

/**
 * What every resolver can reach: the repositories, the loaded templates, the renderer and the batch jobs. The
 * application (`@saraban/app`) puts it together.
 *
 * @example
 * const context: SarabanContext = { ...repositories, templates, renderer, batches, rendersUrl: '/renders', batchesUrl: '/batches' };
 */
export interface SarabanContext {
  documents: DocumentRepository;
  organizations: OrganizationRepository;
  people: PersonRepository;
  fonts: FontRepository;
  renders: RenderRepository;
  templates: TemplateRegistry;
  /** Template versions and drafts. */
  templateVersions: TemplateVersions;
  /** Prints documents: renderDocument and renderBundle call it, and previewTemplate. */
  renderer: Pick<Renderer, 'render' | 'bundle' | 'preview'>;
  batches: BatchJobs;
  /** Users: the admin's list; sign-in checks passwords through {@link SessionControl}. */
  users: UserRepository;
  /** API tokens: the server finds the viewer of an `Authorization: Bearer …` request by them. */
  apiTokens: ApiTokenRepository;
  /**
   * Who is asking; null when nobody is signed in. Every query and mutation is checked against it (access-plugin.ts).
   * The server sets it per request; the application's own context is the OPERATOR.
   */
  viewer: Viewer | null;
  session: SessionControl;
  /** Where renders are downloaded: `${rendersUrl}/${id}.pdf`. */
  rendersUrl: string;
  /** Where batch archives are downloaded: `${batchesUrl}/${id}.zip`. */
  batchesUrl: string;
  /**
   * Documents this operation has read already, by id: a render's template query takes the document the render
   * read, so the data printed is the version the render is recorded as, read once.
   */
  loadedDocuments?: ReadonlyMap<string, Document>;
}
