export type { ContinuationLayout } from './continuation-lines.js';
export { type JoinedPart, type JoinOptions, joinPdfs } from './join-pdfs.js';
export { finishPdfFile, type PdfFinish, type PdfMetadata } from './pdf-file.js';
export { UnexpectedPdfError } from './pdf-objects.js';
