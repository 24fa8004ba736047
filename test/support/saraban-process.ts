import { type ChildProcess, spawn } from 'node:child_process';
import { sarabanBin } from './saraban.js';

/** How a `saraban` command that ran to its end ended. */
export interface SarabanRun {
  /** The exit code. */
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the bundled `saraban` command with `args` to its end, `input` piped to its standard input, and resolves with
 * its exit code and output (never rejects on a non-zero code). With `timeout` (ms), a command still running then is
 * killed and the run rejects with what it printed.
 *
 * @example
 * const result = await runSaraban(['render', '--data', 'memo.json', '--out', 'memo.pdf']);
 * expect(result.code).toBe(0);
 * await runSaraban(['users', 'add', 'somchai', '--role', 'staff'], { input: 'a long passphrase\n' });
 */
export function runSaraban(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {},
): Promise<SarabanRun> {
  const child = spawn('node', [sarabanBin, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    const guard =
      options.timeout === undefined
        ? undefined
        : setTimeout(() => {
            child.kill('SIGKILL');
            reject(
              new Error(`saraban ${args[0]} was still running after ${options.timeout} ms; it printed:\n${stderr}`),
            );
          }, options.timeout);
    child.once('close', (code) => {
      clearTimeout(guard);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

/** A `saraban` command running in a child process. */
export interface SarabanProcess {
  child: ChildProcess;
  /** What `ready` matched in its output. */
  match: RegExpExecArray;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
}

/**
 * Starts the bundled `saraban` command with `args` and resolves once its output matches `ready` (within 60 s), or
 * rejects with what it printed when it exits first.
 *
 * @example
 * const serve = await startSaraban(['serve', '--port', '0'], /GraphQL API and GraphiQL: (\S+)/);
 * const graphqlUrl = serve.match[1];
 */
export function startSaraban(
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SarabanProcess> {
  const child = spawn('node', [sarabanBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  return new Promise((resolve, reject) => {
    // One that does not start in time is stopped: nobody else holds it to stop it later.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`saraban ${args[0]} did not start:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`saraban ${args[0]} exited with ${code}:\n${output}`));
    });
  });
}

/**
 * Stops the process with SIGTERM, as a service manager does, and resolves with its exit code.
 *
 * @example
 * expect(await stopSaraban(serve.child)).toBe(0);
 */
export async function stopSaraban(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

/**
 * A GraphQL client for a served `saraban` at `origin`: runs an operation and returns its data, throwing the first
 * error's message when it answers with errors.
 *
 * @example
 * const api = graphqlAt('http://127.0.0.1:4000');
 * const { templates } = await api<{ templates: { name: string }[] }>('{ templates { name } }');
 */
export function graphqlAt(origin: string) {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: { message: string }[] };
    if (body.errors) throw new Error(`GraphQL error: ${body.errors[0]?.message}`);
    return body.data;
  };
}
