export { ASSET_ORIGIN, type PageAsset } from './asset-origin.js';
export { FALLBACK_FACE_NAME } from './fallback-face.js';
export {
  type FillThreads,
  type FillThreadsOptions,
  startFillThreads,
  type TemplateFiller,
} from './fill-threads.js';
export { checkFontFile, type FontCheckOptions } from './font-check-thread.js';
export { FontFileError } from './font-file-error.js';
export {
  FONT_FACES,
  FONT_FAMILY,
  type FontFace,
  FontUnavailableError,
  type PageFonts,
  pageFontsFromFiles,
  type SuppliedFace,
  type SuppliedFontFile,
} from './fonts.js';
export type { GlyphCoverage } from './glyph-coverage.js';
export {
  type CompileOptions,
  type FilledHtml,
  type FillOptions,
  type LoadedTemplate,
  type LoadTemplatesOptions,
  loadTemplates,
  type PageOptions,
  type RenderedPage,
  type RenderOptions,
  TEMPLATE_FILE_NAMES,
  type TemplateCompilation,
  type TemplateFiles,
  type TemplateRegistry,
} from './load-templates.js';
export { TemplateCheckError } from './template-check-error.js';
export { TemplateError } from './template-error.js';
export { TemplateFillError } from './template-fill-error.js';
export { TemplateFillMemoryError } from './template-fill-memory-error.js';
export { TemplateFillTimeoutError } from './template-fill-timeout-error.js';
export type { TemplateLanguage } from './template-language.js';
