export { BatchRunner } from './batch-runner.js';
export type { SarabanContext } from './context.js';
export { ConflictError, InputError } from './errors.js';
export { fileNameFrom } from './file-name.js';
export { limits } from './limits.js';
export type { DigitStyle, DocumentData, DocumentKind } from './model.js';
export { type OpenOptions, type OpenSaraban, openSaraban } from './open.js';
export { type RenderResult, renderDocument } from './render-document.js';
export { schema, schemaSdl } from './schema.js';
