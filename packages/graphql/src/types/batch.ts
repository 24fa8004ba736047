import type { BatchJob } from '@saraban/store';
import { builder } from '../builder.js';
import { InputError } from '../errors.js';
import { limits } from '../limits.js';

const BatchJobStatusEnum = builder.enumType('BatchJobStatus', {
  description: 'Where a batch job stands.',
  values: {
    QUEUED: { description: 'Waiting to start.' },
    RUNNING: { description: 'Printing; done counts the documents finished.' },
    DONE: { description: 'Finished: the archive is ready (documents that failed are listed in errors).' },
    FAILED: { description: 'Stopped by an error beyond one document; errors says which.' },
  } as const,
});

const BatchJobErrorType = builder.objectRef<{ documentId: string | null; message: string }>('BatchJobError').implement({
  description: 'A document that did not print, or what stopped the job.',
  fields: (t) => ({
    documentId: t.exposeID('documentId', { nullable: true, description: 'The document; null for the job itself.' }),
    message: t.exposeString('message', { description: 'What went wrong.' }),
  }),
});

export const BatchJobType = builder.objectRef<BatchJob>('BatchJob').implement({
  description: 'Many documents printed into one zip archive; poll it for progress. Its state lives in the database.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The job id.' }),
    status: t.expose('status', { type: BatchJobStatusEnum, description: 'Where the job stands.' }),
    total: t.int({ description: 'Documents in the batch.', resolve: (job) => job.documentIds.length }),
    done: t.exposeInt('done', { description: 'Documents finished, printed or failed.' }),
    failed: t.int({
      description: 'Documents that did not print.',
      resolve: (job) => job.errors.filter((e) => e.documentId !== null).length,
    }),
    errors: t.field({
      type: [BatchJobErrorType],
      description: 'What went wrong, document by document.',
      resolve: (j) => j.errors,
    }),
    url: t.string({
      nullable: true,
      description:
        'Where to download the zip of PDFs, once the job is DONE, until it expires (expiresAt): a path on this ' +
        'server, or an absolute URL under its public URL when one is configured (as Render.url).',
      resolve: (job, _args, context) => (job.hasArchive ? `${context.batchesUrl}/${job.id}.zip` : null),
    }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When its zip is removed (the server keeps zips for a set time, a day unless configured: saraban serve ' +
        '--zip-hours); null until the zip is written. A download after it answers 410 with code ARCHIVE_EXPIRED.',
      resolve: (job) => job.archiveExpiresAt,
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was started.', resolve: (j) => j.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When it last made progress.', resolve: (j) => j.updatedAt }),
  }),
});

builder.queryField('batchJob', (t) =>
  t.field({
    type: BatchJobType,
    nullable: true,
    description: 'One batch job by id; null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The job id.' }) },
    resolve: async (_root, { id }, context) => (await context.batches.get(String(id))) ?? null,
  }),
);

builder.mutationField('renderBatch', (t) =>
  t.field({
    type: BatchJobType,
    description:
      'Start printing these documents into one zip archive. Returns at once with the QUEUED job; poll batchJob(id).',
    args: {
      documentIds: t.arg.idList({
        required: true,
        description: `The documents, in order (1 to ${limits.batchDocuments}).`,
      }),
    },
    // Printing is the dearest work there is: a full batch costs an operation's whole budget (limits.queryCost), so
    // aliases cannot queue more than one batch's worth in one request. The job's own fields cost nothing more.
    complexity: (args) => ({
      field: Math.ceil((args.documentIds.length * limits.queryCost) / limits.batchDocuments),
      multiplier: 0,
    }),
    resolve: async (_root, { documentIds }, context) => {
      if (documentIds.length === 0 || documentIds.length > limits.batchDocuments) {
        throw new InputError('documentIds', `give 1 to ${limits.batchDocuments} documents, not ${documentIds.length}`);
      }
      return context.batches.start(documentIds.map(String));
    },
  }),
);
