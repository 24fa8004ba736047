import type { PeriodData } from '@saraban/store';
import { InputError } from './errors.js';
import type { PeriodInputShape } from './types/periods.js';

/**
 * A PeriodInput checked: exactly one of a month, a span (from and to, the end not before the start) or words.
 *
 * @example
 * periodFromInput({ from: '2022-10-01', to: '2023-09-30' }, 'input.period') // { kind: 'MONTHS', from: …, to: … }
 */
export function periodFromInput(input: PeriodInputShape, path: string): PeriodData {
  const given = (['month', 'from', 'to', 'words'] as const).filter((key) => input[key] != null);
  const kinds = new Set(given.map((key) => (key === 'to' ? 'from' : key)));
  if (kinds.size !== 1) {
    throw new InputError(path, `give one of month, from and to, or words (got ${given.join(', ') || 'none'})`);
  }
  if (input.month) return { kind: 'MONTH', month: input.month };
  if (input.words != null) {
    if (input.words.trim() === '') throw new InputError(`${path}.words`, 'must not be empty');
    return { kind: 'WORDS', words: input.words };
  }
  if (!input.from || !input.to) throw new InputError(path, 'a span gives both from and to');
  if (input.to.slice(0, 7) < input.from.slice(0, 7)) {
    throw new InputError(`${path}.to`, `${input.to} is in a month before from (${input.from})`);
  }
  return { kind: 'MONTHS', from: input.from, to: input.to };
}
