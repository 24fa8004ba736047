export { useDownloads } from './downloads.js';
export { createSarabanHandler, type HandlerOptions, type RunningServer, startServer } from './server.js';
export { useStudio } from './studio-files.js';
