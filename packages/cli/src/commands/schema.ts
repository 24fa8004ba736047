import { readFile } from 'node:fs/promises';
import { schemaSdl } from '@saraban/graphql';
import { UserError } from '../user-error.js';
import { writeOutput } from '../write-output.js';

/**
 * `saraban schema [--write file] [--check file]`: prints the SDL, writes it, or checks a checked-in copy is current.
 *
 * @example
 * await schemaCommand({ check: 'schema/schema.graphql' });
 */
export async function schemaCommand(options: { write?: string; check?: string }): Promise<void> {
  const sdl = schemaSdl();
  if (options.write) {
    await writeOutput(sdl, options.write);
    console.log(`wrote ${options.write}`);
  } else if (options.check) {
    const current = await readFile(options.check, 'utf8').catch(() => '');
    if (current !== sdl) {
      throw new UserError(`${options.check} is stale: run \`npm run saraban -- schema --write ${options.check}\``);
    }
    console.log(`${options.check} is current`);
  } else {
    process.stdout.write(sdl);
  }
}
