import { openSaraban } from '@saraban/app';
import { databaseLabel, storeOptionsFrom } from '@saraban/store';
import { openOptionsFrom, type PrintingProcessOptions } from '../printing-process.js';
import { untilStopped } from '../until-stopped.js';
import { UserError } from '../user-error.js';

/** `saraban worker`'s options: those of every printing process. */
export type WorkerOptions = PrintingProcessOptions;

/**
 * `saraban worker`: takes queued render jobs from a PostgreSQL database, printing `pool` at once, until SIGINT or
 * SIGTERM; the jobs running then finish first. Workers hold nothing of their own: start and stop as many as needed,
 * on any machine that reaches the database.
 *
 * @example
 * await workerCommand({ db: 'postgres://saraban@db.example/saraban', templates, pool: 4 });
 */
export async function workerCommand(options: WorkerOptions): Promise<void> {
  if (!('url' in storeOptionsFrom(options.db))) {
    throw new UserError(
      `saraban worker takes its jobs from a PostgreSQL database (--db postgres://… or DATABASE_URL); ${options.db} is a SQLite file, whose server prints its own renders`,
    );
  }
  const saraban = await openSaraban(openOptionsFrom(options));
  for (const problem of saraban.templates.problems) console.error(`template refused: ${problem.message}`);
  await saraban.work();
  console.log(`Saraban worker taking render jobs from ${databaseLabel(options.db)}: ${options.pool} print slots`);
  console.log('Press Ctrl+C to stop (the jobs being printed finish first).');
  await untilStopped();
  await saraban.close();
}
