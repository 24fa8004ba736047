export type { BatchJobs, SarabanContext, TemplateVersions } from './context.js';
export { type ClientError, clientError, maskError } from './error-map.js';
export { InputError, LimitError, QueueFullError } from './errors.js';
export { type LimitName, limits } from './limits.js';
export { operationCost } from './operation-cost.js';
export { schema, schemaSdl } from './schema.js';
export { templateQueryRunner } from './template-query-runner.js';
