export type { BatchJobs, SarabanContext } from './context.js';
export { type ClientError, clientError, maskError } from './error-map.js';
export { InputError, LimitError } from './errors.js';
export { limits } from './limits.js';
export { schema, schemaSdl } from './schema.js';
export { templateQueryRunner } from './template-query-runner.js';
