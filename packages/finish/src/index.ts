export {
  addContinuationLines,
  type ContinuationOptions,
  ContinuationPagesError,
  continuationTexts,
  type OverlayAsset,
  type OverlayPrinter,
} from './continuation-lines.js';
export { type JoinedPart, type JoinOptions, joinPdfs } from './join-pdfs.js';
export { type PageLine, type PageLines, PdfTextToolMissingError, readPageLines } from './page-lines.js';
export { finishPdfFile, type PdfFinish, type PdfMetadata } from './pdf-file.js';
export { UnexpectedPdfError } from './pdf-objects.js';
