import { Presets, SingleBar } from 'cli-progress';

/** Shows how a batch is going: a bar with rate and time left on a terminal, a line every few seconds otherwise. */
export interface BatchProgress {
  /** One more row is done, printed or failed. */
  tick(failed: number): void;
  stop(): void;
}

/**
 * @example
 * const progress = batchProgress(rows.length, process.stderr);
 * progress.tick(failures.length);
 */
export function batchProgress(total: number, stream: NodeJS.WriteStream, intervalMs = 5_000): BatchProgress {
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        format: 'batch [{bar}] {value}/{total} rows | {rate}/s | {eta_formatted} left | {failed} failed',
        stream,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(total, 0, { rate: '0.0', failed: 0 });
    return {
      tick(failed) {
        const rate = (bar.getProgress() * total + 1) / Math.max((Date.now() - started) / 1000, 0.001);
        bar.increment(1, { rate: rate.toFixed(1), failed });
      },
      stop: () => bar.stop(),
    };
  }
  const started = Date.now();
  let done = 0;
  let failedSoFar = 0;
  const report = () => {
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const left = rate > 0 ? Math.round((total - done) / rate) : '?';
    stream.write(`batch: ${done}/${total} rows, ${rate.toFixed(1)}/s, ${left} s left, ${failedSoFar} failed\n`);
  };
  const timer = setInterval(report, intervalMs);
  timer.unref();
  return {
    tick(failed) {
      done += 1;
      failedSoFar = failed;
    },
    stop: () => clearInterval(timer),
  };
}
