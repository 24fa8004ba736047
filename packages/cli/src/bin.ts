#!/usr/bin/env node
import { CommanderError } from 'commander';
import { EXIT_CODES } from './exit-codes.js';
import { createProgram } from './program.js';
import { failureOf } from './user-error.js';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed its one line (or the help, or the version) already.
    process.exitCode = error.exitCode === 0 ? EXIT_CODES.done : EXIT_CODES.usage;
  } else {
    // A mistake the user can fix gets its one line; anything else is a bug and keeps its stack.
    const { message, exitCode } = failureOf(error);
    console.error(message);
    // Nothing a failed command started (a Chromium, a server) may keep the process alive.
    process.exit(exitCode);
  }
}
