import { type ChildProcess, spawn } from 'node:child_process';
import { sarabanBin } from './saraban.js';

/** A `saraban serve` child process that said it is listening. */
export interface ServeProcess {
  child: ChildProcess;
  /** The GraphQL URL it printed, e.g. http://127.0.0.1:41234/graphql. */
  graphqlUrl: string;
  /** Everything it printed so far. */
  output(): string;
}

/**
 * Starts the bundled `saraban serve` (as `npm start` runs it) on a free port of 127.0.0.1 and resolves once it
 * prints its GraphQL URL. Stop it with {@link stopServe}.
 *
 * @example
 * const { child, graphqlUrl } = await startServe(['--sample', '--db', db]);
 */
export function startServe(args: readonly string[]): Promise<ServeProcess> {
  const child = spawn('node', [sarabanBin, 'serve', '--port', '0', '--pool', '1', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API and GraphiQL: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, graphqlUrl: match[1], output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

/**
 * Stops a `saraban serve` with SIGTERM, as Ctrl+C would, and resolves with its exit code.
 *
 * @example
 * expect(await stopServe(child)).toBe(0);
 */
export async function stopServe(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}
