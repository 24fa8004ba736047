export { useRenderDownloads } from './render-downloads.js';
export { createSarabanHandler, type RunningServer, startServer } from './server.js';
