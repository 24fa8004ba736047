export { useDownloads } from './downloads.js';
export type { IntrospectionAllowed } from './introspection-rule.js';
export { ListenError } from './listen-error.js';
export { isLoopback, SESSION_COOKIE } from './request-access.js';
export {
  createSarabanHandler,
  type HandlerOptions,
  type ListenOptions,
  OpenServerError,
  type RunningServer,
  startServer,
} from './server.js';
export { useStudio } from './studio-files.js';
