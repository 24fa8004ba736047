export { BUNDLE_MAX_DOCUMENTS, BUNDLE_TEMPLATE, type BundleSources, renderBundle } from './bundle.js';
export {
  BundleSizeError,
  FontNotStoredError,
  MissingGlyphsError,
  TemplateNotLoadedError,
  TemplateQueryError,
} from './errors.js';
export { type PreviewResult, Renderer, type RendererOptions, type RenderResult } from './renderer.js';
export { STAGES, type StageName, type StageTimings } from './stage-timings.js';
export type { QueryOutcome, QueryRunner } from './stages/run-query.js';
