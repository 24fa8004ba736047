import type { TemplateError, TemplateFiles } from '@saraban/engine';
import { builder } from '../builder.js';
import { InputError } from '../errors.js';
import { previewTemplate, type TemplatePreview } from '../preview-template.js';
import { DocumentInput } from './inputs.js';
import { RenderStageTimingsType } from './render.js';
import { TemplateType } from './template.js';

/** One text file of a template package. */
interface TemplateFile {
  path: string;
  text: string;
}

export const TemplateFileType = builder.objectRef<TemplateFile>('TemplateFile').implement({
  description: 'One text file of a template package.',
  fields: (t) => ({
    path: t.exposeString('path', {
      description:
        'Its path inside the package: template.json, template.hbs, style.css, query.graphql, examples/*.json.',
    }),
    text: t.exposeString('text', { description: 'Its content.' }),
  }),
});

export const TemplateFileInput = builder.inputType('TemplateFileInput', {
  description: 'One text file of a template package, as edited.',
  fields: (t) => ({
    path: t.string({
      required: true,
      description:
        'Its path inside the package: template.json, template.hbs, style.css, query.graphql, examples/*.json.',
    }),
    text: t.string({ required: true, description: 'Its content.' }),
  }),
});

/** A problem's fields: graphql-js takes a resolved Error for a failed field, so TemplateErrors are copied. */
type TemplateProblem = Pick<TemplateError, 'file' | 'line' | 'column' | 'reason'>;

export const TemplateProblemType = builder.objectRef<TemplateProblem>('TemplateProblem').implement({
  description: 'Something wrong in a template file, where a compiler would point.',
  fields: (t) => ({
    file: t.exposeString('file', {
      description: 'The file, by its path inside the package (or under templates/_shared for shared files).',
    }),
    line: t.exposeInt('line', { description: 'The line, from 1.' }),
    column: t.exposeInt('column', { description: 'The column, from 1.' }),
    message: t.exposeString('reason', { description: 'What is wrong, without the location.' }),
  }),
});

const TemplatePreviewType = builder.objectRef<TemplatePreview>('TemplatePreview').implement({
  description: 'A template draft printed with example data, or the problems that stopped it.',
  fields: (t) => ({
    problems: t.field({
      type: [TemplateProblemType],
      description: "Everything wrong with the draft's files; empty when it printed.",
      resolve: (preview) => preview.problems.map(problemFields),
    }),
    pdf: t.string({
      nullable: true,
      description: 'The PDF, base64, when it printed.',
      resolve: (preview) => (preview.pdf ? Buffer.from(preview.pdf).toString('base64') : null),
    }),
    pages: t.int({
      nullable: true,
      description: 'Its page count, when it printed.',
      resolve: (preview) => preview.pages ?? null,
    }),
    warnings: t.stringList({
      description: 'What the print had to make do with, as a render says it (a placeholder emblem, a blocked request).',
      resolve: (preview) => [...preview.warnings],
    }),
    stageTimings: t.field({
      type: RenderStageTimingsType,
      nullable: true,
      description: 'How long each stage of this preview took (query, fill, print, finish), when it printed.',
      resolve: (preview) => preview.stageTimings ?? null,
    }),
  }),
});

builder.objectField(TemplateType, 'files', (t) =>
  t.field({
    type: [TemplateFileType],
    description: 'The text files it was loaded from, examples included, sorted by path.',
    resolve: (template) => filesList(template.files),
  }),
);

builder.queryField('template', (t) =>
  t.field({
    type: TemplateType,
    nullable: true,
    description: 'One template that loaded, by name; null when there is none.',
    args: { name: t.arg.string({ required: true, description: 'Its name, e.g. "memo".' }) },
    resolve: (_root, args, context) => context.templates.get(args.name) ?? null,
  }),
);

builder.queryField('checkTemplate', (t) =>
  t.field({
    type: [TemplateProblemType],
    description:
      'Check a template package as `saraban templates check` does (template.json, Handlebars, the query against ' +
      'the schema) without saving it: every problem at its file, line and column; empty when it compiles.',
    args: {
      name: t.arg.string({ required: true, description: 'The template\'s name, e.g. "memo".' }),
      files: t.arg({ type: [TemplateFileInput], required: true, description: 'All its text files, as edited.' }),
    },
    resolve: async (_root, args, context) =>
      (await context.templates.compile(args.name, filesRecord(args.files))).problems.map(problemFields),
  }),
);

builder.mutationField('previewTemplate', (t) =>
  t.field({
    type: TemplatePreviewType,
    description:
      "Print a template draft with example data, storing nothing: the studio's live preview. Problems in the " +
      'draft come back in `problems`; a document the template cannot fill in is an error.',
    args: {
      name: t.arg.string({ required: true, description: 'The template\'s name, e.g. "memo".' }),
      files: t.arg({ type: [TemplateFileInput], required: true, description: 'All its text files, as edited.' }),
      input: t.arg({ type: DocumentInput, required: true, description: 'The document to print, e.g. an example.' }),
    },
    resolve: (_root, args, context) => previewTemplate(context, args.name, filesRecord(args.files), args.input),
  }),
);

export function filesList(files: TemplateFiles): TemplateFile[] {
  return Object.keys(files)
    .sort()
    .map((path) => ({ path, text: files[path] ?? '' }));
}

export function filesRecord(files: readonly TemplateFile[]): TemplateFiles {
  const record: Record<string, string> = {};
  for (const [index, file] of files.entries()) {
    if (file.path in record) throw new InputError(`files[${index}].path`, `"${file.path}" is given twice`);
    record[file.path] = file.text;
  }
  return record;
}

function problemFields({ file, line, column, reason }: TemplateError): TemplateProblem {
  return { file, line, column, reason };
}
