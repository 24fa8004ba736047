export {
  type BatchArchiveJob,
  type BatchDocumentJob,
  type RenderDocumentJob,
  RenderJobError,
  type RenderJobHandlers,
  RenderQueue,
  type RenderQueueOptions,
} from './render-queue.js';
