export { createProgram } from './program.js';
export { UserError } from './user-error.js';
