#!/usr/bin/env node
import { createProgram } from './program.js';
import { UserError } from './user-error.js';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  // A mistake the user can fix gets its message only; anything else is a bug and keeps its stack.
  if (error instanceof UserError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
