export {
  type BatchArchiveJob,
  type BatchDocumentJob,
  type RenderJobHandlers,
  RenderQueue,
  type RenderQueueOptions,
} from './render-queue.js';
