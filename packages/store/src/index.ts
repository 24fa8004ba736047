export type { ApiToken, ApiTokenRepository } from './api-tokens.js';
export type {
  BatchDocumentOutcome,
  BatchJob,
  BatchJobError,
  BatchJobProgress,
  BatchJobRepository,
  BatchJobStatus,
} from './batch-jobs.js';
export type {
  ApiTokenTable,
  BatchJobDocumentTable,
  BatchJobTable,
  Database,
  DocumentTable,
  FileChunkTable,
  FontTable,
  OrganizationTable,
  PersonTable,
  RenderTable,
  SessionTable,
  TemplateDraftTable,
  TemplateVersionTable,
  UserTable,
} from './database.js';
export type {
  ActingData,
  ActingKind,
  AssetData,
  BlockData,
  ColumnAlign,
  ColumnWidthData,
  ContactData,
  CoverData,
  DocumentData,
  DocumentKind,
  EndorsementData,
  FigureData,
  HeadingData,
  LetterItemData,
  ListItemData,
  ListStyle,
  MeasureColumnData,
  MeasureData,
  MeasureField,
  MeasureGroupData,
  OrganizationData,
  Orientation,
  PeriodData,
  RecipientClass,
  RecipientData,
  SecrecyMark,
  SectionData,
  SignerData,
  SpeedMark,
  TableCellData,
  TableColumnData,
  TableHeaderData,
  TableRowData,
  TableSettingsData,
  VerticalAlign,
} from './document-data.js';
export { findMeasures, type MeasureEntry, type MeasureFilter } from './document-measures.js';
export type { Document, DocumentListOptions, DocumentRepository, DocumentUpdate, NewDocument } from './documents.js';
export {
  ArchiveExpiredError,
  type EntityName,
  ListBoundsError,
  MigrationError,
  NameTakenError,
  NotFoundError,
  VersionConflictError,
  WeakPasswordError,
  type WriteOperation,
} from './errors.js';
export type { StoredFile } from './file-storage.js';
export type { Font, FontFile, FontFileInfo, FontFiles, FontRepository, NewFont } from './fonts.js';
export type {
  Emblem,
  NewOrganization,
  Organization,
  OrganizationRepository,
  OrganizationUpdate,
} from './organizations.js';
export { DEFAULT_LIST_LIMIT, type ListOptions, MAX_LIST_LIMIT, type Page } from './paging.js';
export type { NewPerson, Person, PersonRepository, PersonUpdate } from './people.js';
export type { PrintClaimRepository } from './print-claims.js';
export type { NewRender, Render, RenderRepository } from './renders.js';
export { ROLES, type Role, roleNamed } from './roles.js';
export {
  DEFAULT_ARCHIVE_LIFETIME_MS,
  openStore,
  type PostgresStoreOptions,
  type SqliteStoreOptions,
  type Store,
  type StoreOptions,
} from './store.js';
export { databaseLabel, storeOptionsFrom } from './store-options.js';
export type {
  NewTemplateVersion,
  TemplateDraft,
  TemplateFileTexts,
  TemplateVersion,
  TemplateVersionRepository,
  TemplateVersionSource,
  TemplateVersionSummary,
} from './template-versions.js';
export {
  MIN_PASSWORD_LENGTH,
  type NewUser,
  SESSION_HOURS,
  type Session,
  type User,
  type UserRepository,
} from './users.js';
