/** Lets at most `permits` holders run at once; the others wait in arrival order. */
export class Semaphore {
  readonly #waiters: Array<() => void> = [];
  #available: number;

  constructor(permits: number) {
    this.#available = permits;
  }

  /**
   * Waits for a permit and returns the function that gives it back.
   *
   * @example
   * ```ts
   * const release = await semaphore.acquire();
   * try { await work(); } finally { release(); }
   * ```
   */
  async acquire(): Promise<() => void> {
    if (this.#available > 0) this.#available--;
    else await new Promise<void>((resolve) => this.#waiters.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      if (next) next();
      else this.#available++;
    };
  }
}
