export type { ContinuationLayout } from './continuation-lines.js';
export { finishPdf } from './finishing-thread.js';
export { type JoinedPart, type JoinOptions, joinPdfs } from './join-pdfs.js';
export type { PdfMetadata } from './metadata.js';
export { type FinishedPdf, finishPdfFile, type PdfFinish } from './pdf-file.js';
export { UnexpectedPdfError } from './pdf-objects.js';
