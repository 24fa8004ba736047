/**
 * The server could not listen on its address: the port is taken, not allowed, or the host is not this machine's.
 * The message says which, and what to do.
 *
 * @example
 * try {
 *   await startServer(context, { port: 4000 });
 * } catch (error) {
 *   if (error instanceof ListenError) console.error(error.message); // "cannot listen on 127.0.0.1:4000: …"
 * }
 */
export class ListenError extends Error {
  override readonly name = 'ListenError';
  constructor(
    readonly host: string,
    readonly port: number,
    options: { cause: NodeJS.ErrnoException },
  ) {
    super(`cannot listen on ${host}:${port}: ${reason(options.cause)}`, options);
  }
}

function reason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return 'the port is already in use (another Saraban, or another program): stop it, or choose another port with --port or PORT';
    case 'EACCES':
      return 'permission denied (ports below 1024 need root): choose a port from 1024 with --port or PORT';
    case 'EADDRNOTAVAIL':
      return "the address is not one of this machine's: choose another with --host";
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve: give an IP address with --host';
    default:
      return error.message;
  }
}
