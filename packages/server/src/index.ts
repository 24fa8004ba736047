export { useDownloads } from './downloads.js';
export { createSarabanHandler, type RunningServer, startServer } from './server.js';
