import type { LoadedTemplate } from '@saraban/engine';
import { NotFoundError, type TemplateDraft, type TemplateFileTexts, type TemplateVersionSummary } from '@saraban/store';
import { createTwoFilesPatch } from 'diff';
import { builder } from '../builder.js';
import { TemplateType } from './template.js';
import { filesList, filesRecord, TemplateFileInput, TemplateFileType } from './template-draft.js';

const TemplateVersionSourceEnum = builder.enumType('TemplateVersionSource', {
  description: 'Where a published template version came from.',
  values: {
    FOLDER: { description: 'Imported from the templates folder (at start, the first time and whenever it changed).' },
    STUDIO: { description: 'Published through the API, e.g. from the studio (a rollback too).' },
  } as const,
});

const TemplateVersionType = builder
  .objectRef<TemplateVersionSummary & { files?: TemplateFileTexts }>('TemplateVersion')
  .implement({
    description: 'One published version of a template. Versions are never changed or deleted.',
    fields: (t) => ({
      template: t.exposeString('template', { description: "The template's name." }),
      version: t.exposeInt('version', { description: '1, 2, …: one more with each publication.' }),
      source: t.field({
        type: TemplateVersionSourceEnum,
        description: 'Where it came from.',
        resolve: (version) => version.source,
      }),
      note: t.exposeString('note', { nullable: true, description: 'What the publisher said of it.' }),
      createdAt: t.field({ type: 'DateTime', description: 'When it was published.', resolve: (v) => v.createdAt }),
      files: t.field({
        type: [TemplateFileType],
        description: 'Its text files, sorted by path.',
        resolve: async (version, _args, context) =>
          filesList(
            version.files ?? (await context.templateVersions.get(version.template, version.version))?.files ?? {},
          ),
      }),
    }),
  });

const TemplateDraftType = builder.objectRef<TemplateDraft>('TemplateDraft').implement({
  description: 'The draft of a template someone is editing: the preview uses it; publishing makes it the next version.',
  fields: (t) => ({
    template: t.exposeString('template', { description: "The template's name." }),
    baseVersion: t.exposeInt('baseVersion', { description: 'The published version it started from.' }),
    revision: t.exposeInt('revision', {
      description: 'Raised by each save: give it back to save again, publish or discard; a stale one is refused.',
    }),
    updatedAt: t.field({ type: 'DateTime', description: 'When it was last saved.', resolve: (d) => d.updatedAt }),
    files: t.field({
      type: [TemplateFileType],
      description: 'Its text files, sorted by path.',
      resolve: (draft) => filesList(draft.files),
    }),
  }),
});

const FileChangeEnum = builder.enumType('TemplateFileChangeKind', {
  description: 'How a file differs between two versions.',
  values: {
    ADDED: { description: 'Only the newer one has it.' },
    REMOVED: { description: 'Only the older one has it.' },
    CHANGED: { description: 'Both have it, with different text.' },
  } as const,
});

interface FileChange {
  path: string;
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  patch: string;
}

const TemplateFileChangeType = builder.objectRef<FileChange>('TemplateFileChange').implement({
  description: 'A file that differs between two versions of a template.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Its path inside the package.' }),
    change: t.field({ type: FileChangeEnum, description: 'How it differs.', resolve: (change) => change.change }),
    patch: t.exposeString('patch', { description: 'The difference as a unified diff, three lines of context.' }),
  }),
});

builder.objectFields(TemplateType, (t) => ({
  version: t.int({
    nullable: true,
    description: 'The published version it prints with; null when templates are not kept in a database.',
    resolve: (template: LoadedTemplate) => template.version,
  }),
  versions: t.field({
    type: [TemplateVersionType],
    description: 'Every published version, newest first: its history.',
    resolve: (template, _args, context) => context.templateVersions.history(template.name),
  }),
  draft: t.field({
    type: TemplateDraftType,
    nullable: true,
    description: 'The draft being edited, or null.',
    resolve: async (template, _args, context) => (await context.templateVersions.getDraft(template.name)) ?? null,
  }),
}));

builder.queryField('templateDiff', (t) =>
  t.field({
    type: [TemplateFileChangeType],
    description: 'What changed in a template from one version to another (or to its draft): the files that differ.',
    args: {
      name: t.arg.string({ required: true, description: 'The template\'s name, e.g. "memo".' }),
      from: t.arg.int({ required: true, description: 'The older version.' }),
      to: t.arg.int({
        description: 'The newer version; left out, the draft (or the latest version when there is none).',
      }),
    },
    resolve: async (_root, args, context) => {
      const versions = context.templateVersions;
      const older = await versions.get(args.name, args.from);
      const newer =
        args.to != null
          ? await versions.get(args.name, args.to)
          : ((await versions.getDraft(args.name)) ?? (await versions.get(args.name)));
      if (!older) throw new NotFoundError('template version', `${args.name} ${args.from}`);
      if (!newer) throw new NotFoundError('template version', `${args.name} ${args.to}`);
      return fileChanges(older.files, newer.files, `v${args.from}`, args.to != null ? `v${args.to}` : 'draft');
    },
  }),
);

builder.mutationFields((t) => ({
  saveTemplateDraft: t.field({
    type: TemplateDraftType,
    description:
      'Save the draft of a template: the files as edited. Give the revision you read (null to start a draft); a ' +
      'save based on an older revision is refused with VERSION_CONFLICT, and nothing is written.',
    args: {
      name: t.arg.string({ required: true, description: 'The template\'s name, e.g. "memo".' }),
      files: t.arg({ type: [TemplateFileInput], required: true, description: 'All its text files, as edited.' }),
      revision: t.arg.int({
        description: 'The draft revision your edit is based on; null or left out for a new draft.',
      }),
    },
    resolve: (_root, args, context) =>
      context.templateVersions.saveDraft(args.name, filesRecord(args.files), args.revision ?? null),
  }),
  discardTemplateDraft: t.string({
    description: "Throw the draft away. Returns the template's name.",
    args: {
      name: t.arg.string({ required: true, description: "The template's name." }),
      revision: t.arg.int({ required: true, description: 'The draft revision you read.' }),
    },
    resolve: async (_root, args, context) => {
      await context.templateVersions.discardDraft(args.name, args.revision);
      return args.name;
    },
  }),
  publishTemplate: t.field({
    type: TemplateVersionType,
    description:
      'Check the draft as `templates check` does and publish it as the next version: documents print with it from ' +
      'now on, and their renders record it. A draft with problems is refused with TEMPLATE_INVALID and the problems.',
    args: {
      name: t.arg.string({ required: true, description: "The template's name." }),
      revision: t.arg.int({ required: true, description: 'The draft revision you checked.' }),
      note: t.arg.string({ description: 'What changed, for the history.' }),
    },
    resolve: (_root, args, context) =>
      context.templateVersions.publishDraft(args.name, args.revision, args.note ?? null),
  }),
  rollbackTemplate: t.field({
    type: TemplateVersionType,
    description:
      "Publish an earlier version's files again, as the next version (the history keeps everything). Checked as " +
      'publishTemplate is.',
    args: {
      name: t.arg.string({ required: true, description: "The template's name." }),
      version: t.arg.int({ required: true, description: 'The version whose files to print with again.' }),
      note: t.arg.string({ description: 'Why, for the history.' }),
    },
    resolve: (_root, args, context) => context.templateVersions.rollback(args.name, args.version, args.note ?? null),
  }),
}));

function fileChanges(older: TemplateFileTexts, newer: TemplateFileTexts, olderName: string, newerName: string) {
  const paths = [...new Set([...Object.keys(older), ...Object.keys(newer)])].sort();
  return paths.flatMap((path): FileChange[] => {
    const before = older[path];
    const after = newer[path];
    if (before === after) return [];
    const change = before === undefined ? 'ADDED' : after === undefined ? 'REMOVED' : 'CHANGED';
    const patch = createTwoFilesPatch(
      `${olderName}/${path}`,
      `${newerName}/${path}`,
      before ?? '',
      after ?? '',
      undefined,
      undefined,
      { context: 3 },
    );
    return [{ path, change, patch }];
  });
}
