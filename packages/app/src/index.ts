export { BatchRunner, type BatchRunnerOptions } from './batch-runner.js';
export { fileNameFrom } from './file-name.js';
export { type OpenOptions, openApi, openSaraban, type SarabanApi, type SarabanApp } from './open-saraban.js';
export { renderEach } from './render-each.js';
