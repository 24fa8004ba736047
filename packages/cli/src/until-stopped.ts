/**
 * Resolves when the process is asked to stop: Ctrl+C (SIGINT) or a service manager's SIGTERM.
 *
 * @example
 * await untilStopped();
 * await saraban.close();
 */
export function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
