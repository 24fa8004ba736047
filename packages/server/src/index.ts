export { useDownloads } from './downloads.js';
export { ListenError } from './listen-error.js';
export {
  createSarabanHandler,
  type HandlerOptions,
  type ListenOptions,
  type RunningServer,
  startServer,
} from './server.js';
export { useStudio } from './studio-files.js';
