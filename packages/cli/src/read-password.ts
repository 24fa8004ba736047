import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * A password from standard input: in a terminal, asked for with `prompt` and not echoed; otherwise the first line of
 * what is piped in (`echo "$PASSWORD" | saraban users add …`), so it never stands in the command line, where any user
 * of the machine could read it in the process list.
 *
 * @example
 * const password = await readPassword('password for somchai: ');
 */
export async function readPassword(prompt: string): Promise<string> {
  const terminal = process.stdin.isTTY === true;
  if (terminal) process.stderr.write(prompt);
  // In a terminal, what is typed goes nowhere: the prompt is written above, the input is not shown.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: silent, terminal });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
    if (terminal) process.stderr.write('\n');
  }
}
