import { InputError } from './errors.js';

/**
 * The input problems of one DocumentInput, gathered so a client reads every one in one answer rather than fixing
 * them one at a time: each part is checked on its own, a part that fails is recorded and the rest still checked.
 *
 * @example
 * const problems = new InputProblems();
 * const subject = problems.check('', () => checkedSubject(input.subject));
 * const items = problems.each(input.items, (item, index) => checkedItem(item, `input.items[${index}]`));
 * problems.throwIfAny(); // one InputError naming them all
 */
export class InputProblems {
  readonly #found: InputError[] = [];

  /** Records a problem found without throwing: `field` is its path, as in {@link InputError}. */
  add(field: string, message: string): void {
    this.#found.push(new InputError(field, message));
  }

  /** `run()`'s value, or `fallback` when it throws an InputError (recorded); any other error is thrown. */
  check<T>(fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.#found.push(error);
      return fallback;
    }
  }

  /**
   * `run` for each item, each checked on its own as by {@link check}, so two bad items are both named. A failed
   * item stands in as undefined: the whole input is refused once any problem is found, so it is never used.
   */
  each<T, R>(items: readonly T[], run: (item: T, index: number) => R): R[] {
    return items.map((item, index) => this.check(undefined as R, () => run(item, index)));
  }

  /** As {@link check}, for a check that waits (a stored organization or person). */
  async checkAsync<T>(fallback: T, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.#found.push(error);
      return fallback;
    }
  }

  /**
   * Throws the one problem found, or one InputError at the first problem's field whose message lists them all and
   * whose `extensions.problems` holds each `{ field, message }`.
   */
  throwIfAny(): void {
    const [first, ...rest] = this.#found;
    if (!first) return;
    if (rest.length === 0) throw first;
    const problems = this.#found.map((problem) => ({ field: problem.field, message: problem.message }));
    throw new InputError(
      first.field,
      `${first.message.slice(first.field.length + 2)}; ${rest.map((problem) => problem.message).join('; ')}`,
      'BAD_USER_INPUT',
      { problems },
    );
  }
}
