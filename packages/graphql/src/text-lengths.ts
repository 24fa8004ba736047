import { LimitError } from './errors.js';
import { limits } from './limits.js';

// Fields that hold running text, which may be long; every other string is one line. An emblem's base64 has its
// own byte limit and is not text.
const runningText = new Set(['text', 'opinion', 'steps', 'result', 'outcome', 'suggestion']);
const notText = new Set(['base64']);

/**
 * Checks the length of every string in an input: one-line fields against `limits.lineChars`, running text
 * (paragraphs, list items, cells, opinions) against `limits.textChars`, and all of them together against
 * `limits.documentChars`. Runs before anything else looks at the input, so an oversized text costs nothing more.
 *
 * @example
 * checkTextLengths({ subject: 'x'.repeat(5000), body: [] }, 'input');
 * // throws LimitError "input.subject: 5000 characters; the limit (lineChars) is 1000"
 */
export function checkTextLengths(input: unknown, path: string): void {
  let total = 0;
  // An explicit stack instead of recursion: input nested thousands deep cannot overflow it.
  const pending: Array<{ value: unknown; path: string; key: string }> = [{ value: input, path, key: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, key } = next;
    if (typeof value === 'string') {
      const limit = runningText.has(key) ? 'textChars' : 'lineChars';
      if (value.length > limits[limit]) {
        throw new LimitError(limit, value.length, { field: next.path, what: 'characters' });
      }
      total += value.length;
      if (total > limits.documentChars) {
        throw new LimitError('documentChars', total, { field: path, what: 'characters of text or more' });
      }
    } else if (Array.isArray(value)) {
      // Items of a list keep their field's key: the strings of `steps` are running text.
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], path: `${next.path}[${i}]`, key });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).filter(([field]) => !notText.has(field));
      for (const [field, child] of entries.reverse()) {
        pending.push({ value: child, path: `${next.path}.${field}`, key: field });
      }
    }
  }
}
