import { readdir, readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { convertDigits, type DigitStyle, loadThaiDictionary } from '@saraban/thai';
import { type DocumentNode, type GraphQLSchema, print, Source } from 'graphql';
import Handlebars from 'handlebars';
import { ASSET_CONTENT_TYPES, ASSET_ORIGIN, type PageAsset } from './asset-origin.js';
import { type FallbackFace, loadFallbackFace } from './fallback-face.js';
import {
  BUILT_IN_SCALES,
  FONT_FACES,
  type FontFace,
  FontUnavailableError,
  loadPageFonts,
  type PageFonts,
} from './fonts.js';
import { type GlyphCoverage, glyphCoverage } from './glyph-coverage.js';
import { compileHandlebars, locatedProblem } from './handlebars-source.js';
import { FiguresNotLoadedError, HELPER_NAMES, loadFigures, registerHelpers } from './helpers.js';
import { convertHtmlDigits } from './html-digits.js';
import { markLineBreaks } from './line-break-html.js';
import { pageHtml } from './page-html.js';
import { SYMBOLIC_LINK_REASON, symbolicLinksUnder } from './symbolic-links.js';
import { TemplateError } from './template-error.js';
import { TemplateFillError } from './template-fill-error.js';
import { pageCharsWithin, TemplateFillMemoryError } from './template-fill-memory-error.js';
import type { TemplateLanguage } from './template-language.js';
import { parseTemplateManifest } from './template-manifest.js';
import { buildTemplateQuery, loadSharedFragments, type SharedFragments } from './template-query.js';

/** Options of {@link loadTemplates}. */
export interface LoadTemplatesOptions {
  /** The directory holding one directory per template package. */
  readonly dir: string;
  /** Shared partials (*.hbs), fragments (*.graphql), CSS (*.css) and images; default `<dir>/_shared`. */
  readonly sharedDir?: string;
  /** The schema every template's query is validated against. */
  readonly schema: GraphQLSchema;
  /**
   * Whether the folders' templates are compiled (default true). False loads only what {@link TemplateRegistry.compile}
   * needs (shared files, images, faces), for a registry that compiles the templates it is given: a fill thread's.
   */
  readonly compileFolders?: boolean;
  /**
   * Whether charts and QR codes (ECharts: some 40 MiB) load now (default true). False: a fill that draws one throws
   * FiguresNotLoadedError until loadFigures is called, for a fill thread that loads them on demand.
   */
  readonly loadFigures?: boolean;
}

/** The template packages of a directory, compiled. */
export interface TemplateRegistry {
  /** The templates that loaded, sorted by name. */
  list(): LoadedTemplate[];
  get(name: string): LoadedTemplate | undefined;
  /** Templates (or shared files) refused at load, each with its file, line and column. */
  readonly problems: readonly TemplateError[];
  /**
   * Compiles a template package from files in memory, e.g. a draft being edited, with this registry's shared
   * partials, fragments, styles and helpers, and the images of the package of the same name. Every file is checked:
   * the answer holds every problem found (files named as in {@link TemplateFiles}), or the template. The registry
   * itself does not change.
   */
  compile(name: string, files: TemplateFiles, options?: CompileOptions): Promise<TemplateCompilation>;
  /**
   * Prints with this template under its name from now on (a new published version), in place of the one loaded;
   * a template new to the registry is added.
   */
  use(template: LoadedTemplate): void;
  /** What template.hbs and query.graphql may use besides their own text: helpers, shared partials and fragments. */
  readonly language: TemplateLanguage;
}

/** Options of {@link TemplateRegistry.compile}. */
export interface CompileOptions {
  /** The stored version the files are, recorded on the template (and so on its renders). */
  readonly version?: number;
}

/**
 * The text files of one template package by their path inside it: "template.json", "template.hbs", "style.css",
 * "query.graphql", and the examples as "examples/<name>.json".
 */
export type TemplateFiles = Readonly<Record<string, string>>;

/** A template package compiled from {@link TemplateFiles}: the template, or every problem found in its files. */
export type TemplateCompilation =
  | { readonly template: LoadedTemplate; readonly problems: readonly [] }
  | { readonly template?: undefined; readonly problems: readonly TemplateError[] };

/** The files every template package has; a package may add examples/*.json. */
export const TEMPLATE_FILE_NAMES = ['template.json', 'template.hbs', 'style.css', 'query.graphql'] as const;

/** One template package, validated and compiled. */
export interface LoadedTemplate {
  readonly name: string;
  readonly title: string;
  /** The DocumentKind it prints. */
  readonly kind: string;
  readonly paper: 'A4' | 'A5';
  /** The typeface it prints in (template.json "font"), embedded in every PDF it prints. */
  readonly font: FontFace;
  /** That face's @font-face rules (family FONT_FAMILY) and files, e.g. for text stamped onto its PDFs. */
  readonly fonts: PageFonts;
  /** Whether its PDFs get continuation lines (template.json "continuation"; off for reports unless it says). */
  readonly continuation: boolean;
  /** Whether its PDFs' foot (the last top-level `<aside>`) moves to the bottom of its page (template.json "footAtBottom"). */
  readonly footAtBottom: boolean;
  /** Its directory. */
  readonly dir: string;
  /** The text files it was compiled from, examples included. */
  readonly files: TemplateFiles;
  /** The stored version it was compiled from; null when it was loaded from its folder only. */
  readonly version: number | null;
  /** query.graphql with the shared fragments it uses appended, parsed and validated; run it with `{ id }`. */
  readonly query: DocumentNode;
  /**
   * One self-contained HTML page from the query's result data: {@link fill}, then {@link page}.
   *
   * @throws {TemplateFillError} with the file (template.hbs or a shared partial), line and column, when the data
   * lacks a field the template reads (templates compile in strict mode) or a helper refuses its arguments.
   */
  render(data: unknown, options: RenderOptions): RenderedPage;
  /**
   * The page's HTML and title from the query's result data: Handlebars, the page around it, its digits and its
   * line breaks. All the work that grows with the data is here, and only plain strings go in and out, so it can run
   * on another thread (fill-threads.ts) with a time limit.
   *
   * @throws {TemplateFillError} as {@link render} does; {TemplateFillMemoryError} when the page is longer than
   * `options.memoryMb` allows.
   */
  fill(data: unknown, options: FillOptions): FilledHtml;
  /** The filled HTML as a page ready to print, with the assets of its face: cheap, whatever the data. */
  page(filled: FilledHtml, options: PageOptions): RenderedPage;
}

/** Options of {@link LoadedTemplate.page}. */
export interface PageOptions {
  /**
   * The face to print in instead of the template's own, e.g. an organization's from {@link pageFontsFromFiles}.
   * Pass the same object for the same face: the page's assets are put together once per face.
   */
  readonly fonts?: PageFonts;
}

/** Options of {@link LoadedTemplate.fill}: the face's @font-face rules are all it reads of the face. */
export interface FillOptions {
  /** The document's digit style: every digit of the page's text follows it. */
  readonly digitStyle: DigitStyle;
  /** The face to print in instead of the template's own (its rules; give the same face to {@link page}). */
  readonly fonts?: Pick<PageFonts, 'css'>;
  /**
   * Megabytes of heap the fill may use (a fill thread's): a page longer than that allows is refused as soon as the
   * template has made it, before it is copied (TemplateFillMemoryError). Default: no limit.
   */
  readonly memoryMb?: number;
}

/** Options of {@link LoadedTemplate.render}. */
export interface RenderOptions extends FillOptions, PageOptions {
  readonly fonts?: PageFonts;
}

/** A template filled in: the page's HTML and the document's subject as its title. */
export interface FilledHtml {
  readonly html: string;
  /** The document's subject, for the PDF's title. */
  readonly title: string;
}

/** A page ready to print. */
export interface RenderedPage {
  readonly html: string;
  /** Everything the page loads, by URL (all under {@link ASSET_ORIGIN}); shared between renders, do not change it. */
  readonly assets: ReadonlyMap<string, PageAsset>;
  /** The document's subject, for the PDF's title. */
  readonly title: string;
  /**
   * Characters its face does not draw: those the embedded fallback face draws, and those no embedded face does.
   * Reads the faces' character maps only for a page holding more than Thai and Latin-1.
   */
  glyphs(): Promise<GlyphCoverage>;
}

/** The faces template.json can name, with their scales, as every registry's language lists them. */
const BUILT_IN_FACES = FONT_FACES.map((name) => ({ name, scale: BUILT_IN_SCALES[name] }));

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.svg']);

/**
 * Loads every template package in `dir`: checks template.json, compiles template.hbs once (with the shared
 * partials and the helpers), validates query.graphql with the shared fragments against the schema, and reads
 * style.css, images and the font it names. A broken template is listed in `problems` and never stops the others.
 *
 * @example
 * ```ts
 * const registry = await loadTemplates({ dir: 'templates', schema: buildSchema(sdl) });
 * const memo = registry.get('memo');
 * const result = await execute({ schema, document: memo.query, variableValues: { id } });
 * const page = memo.render(result.data, { digitStyle: 'THAI' });
 * ```
 */
export async function loadTemplates(options: LoadTemplatesOptions): Promise<TemplateRegistry> {
  const dir = resolve(options.dir);
  const sharedDir = resolve(options.sharedDir ?? join(dir, '_shared'));
  const problems: TemplateError[] = [];
  // Every template uses the shared files: a link among them refuses them all.
  const sharedLinks = await symbolicLinksUnder(sharedDir);
  if (sharedLinks.length > 0) return refusedRegistry(linkProblems('_shared', sharedDir, sharedLinks));
  const sharedAssets = await readImages(sharedDir, `${ASSET_ORIGIN}/shared`);
  if (options.loadFigures !== false) await loadFigures();
  // Every page's lines are cut with it (markLineBreaks): built at start-up, not in the first render, nor in a fill
  // thread's first fill, under its time limit.
  loadThaiDictionary();
  const templateAssets = new Map<string, ReadonlyMap<string, PageAsset>>();

  const handlebars = Handlebars.create();
  // The partial an error was thrown in, so a failed fill names that file rather than the template that called it.
  const thrownIn = new WeakMap<object, string>();
  registerHelpers(handlebars, (name, template) => {
    const url = [`${ASSET_ORIGIN}/templates/${template}/${name}`, `${ASSET_ORIGIN}/shared/${name}`].find(
      (candidate) => templateAssets.get(template)?.has(candidate) || sharedAssets.has(candidate),
    );
    if (!url) throw new Error(`No asset "${name}" in template "${template}" or the shared directory`);
    return url;
  });

  const sharedFiles = await readdir(sharedDir).catch(() => [] as string[]);
  const partialNames = new Set(sharedFiles.filter((file) => file.endsWith('.hbs')).map((file) => file.slice(0, -4)));
  const brokenPartials: string[] = [];
  for (const name of [...partialNames].sort()) {
    const file = join(sharedDir, `${name}.hbs`);
    const source = await readFile(file, 'utf8');
    const { template, problem } = compileHandlebars(handlebars, source, partialNames);
    if (problem) {
      problems.push(new TemplateError('_shared', displayPath(file), problem.line, problem.column, problem.reason));
      brokenPartials.push(name);
    } else {
      handlebars.registerPartial(name, noteFileOnError(template, displayPath(file), thrownIn));
    }
  }
  // A template that uses a broken partial is refused at load rather than failing at its first render.
  for (const name of brokenPartials) partialNames.delete(name);

  const sharedStyles: string[] = [];
  for (const file of sharedFiles.filter((name) => name.endsWith('.css')).sort()) {
    sharedStyles.push(await readFile(join(sharedDir, file), 'utf8'));
  }
  const shared = await loadSharedFragments(sharedDir, displayPath(sharedDir));
  for (const problem of shared.problems) {
    problems.push(new TemplateError('_shared', problem.file, problem.line, problem.column, problem.reason));
  }

  const context: LoadContext = {
    handlebars,
    partialNames,
    fragments: shared.fragments,
    schema: options.schema,
    styles: sharedStyles,
    sharedAssets,
    fonts: new Map(),
    thrownIn,
    fallback: await loadFallbackFace(),
  };
  const templates = new Map<string, LoadedTemplate>();
  const templateDirs = new Map<string, string>();
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter(
      (entry) =>
        (entry.isDirectory() || entry.isSymbolicLink()) && !entry.name.startsWith('_') && !entry.name.startsWith('.'),
    )
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    const templateDir = join(dir, name);
    if (resolve(templateDir) === sharedDir) continue;
    const links = await symbolicLinksUnder(templateDir);
    if (links.length > 0) {
      problems.push(...linkProblems(name, templateDir, links));
      continue;
    }
    templateDirs.set(name, templateDir);
    templateAssets.set(name, await readImages(templateDir, `${ASSET_ORIGIN}/templates/${name}`));
    if (options.compileFolders === false) continue;
    const files = await readTemplateFiles(templateDir);
    const compiled = await compileTemplate(name, templateDir, files, displayPath(templateDir), templateAssets, context);
    if (compiled.template) templates.set(name, compiled.template);
    else problems.push(...compiled.problems);
  }
  return {
    list: () => [...templates.values()],
    get: (name) => templates.get(name),
    problems,
    compile: (name, files, compileOptions) =>
      compileTemplate(
        name,
        templateDirs.get(name) ?? join(dir, name),
        files,
        '',
        templateAssets,
        context,
        compileOptions,
      ),
    use: (template) => {
      templates.set(template.name, template);
    },
    language: {
      helpers: [...HELPER_NAMES],
      partials: [...partialNames].sort(),
      fragments: [...shared.fragments.values()].map((fragment) => print(fragment)).join('\n\n'),
      faces: BUILT_IN_FACES,
    },
  };
}

/** A registry that loaded nothing, for these problems. */
function refusedRegistry(problems: readonly TemplateError[]): TemplateRegistry {
  return {
    list: () => [],
    get: () => undefined,
    problems,
    compile: async () => ({ problems }),
    use: () => {},
    language: { helpers: [...HELPER_NAMES], partials: [], fragments: '', faces: BUILT_IN_FACES },
  };
}

/** One problem per symbolic link found in a template's folder. */
function linkProblems(template: string, dir: string, links: readonly string[]): TemplateError[] {
  return links.map((link) => new TemplateError(template, displayPath(join(dir, link)), 1, 1, SYMBOLIC_LINK_REASON));
}

interface LoadContext {
  readonly handlebars: typeof Handlebars;
  readonly partialNames: ReadonlySet<string>;
  readonly fragments: SharedFragments;
  readonly schema: GraphQLSchema;
  readonly styles: readonly string[];
  readonly sharedAssets: ReadonlyMap<string, PageAsset>;
  /** Each face read once, for every template that prints in it. */
  readonly fonts: Map<FontFace, Promise<PageFonts>>;
  /** The partial each fill error was thrown in. */
  readonly thrownIn: WeakMap<object, string>;
  /** The face for what the document's face lacks, declared on every page. */
  readonly fallback: FallbackFace;
}

/** The text files of a package folder as {@link TemplateFiles}; a missing one is left out (compiling reports it). */
async function readTemplateFiles(dir: string): Promise<TemplateFiles> {
  const files: Record<string, string> = {};
  const examples = (await readdir(join(dir, 'examples')).catch(() => [] as string[]))
    .filter((file) => file.endsWith('.json'))
    .map((file) => `examples/${file}`);
  for (const file of [...TEMPLATE_FILE_NAMES, ...examples.sort()]) {
    const text = await readFile(join(dir, file), 'utf8').catch(() => undefined);
    if (text !== undefined) files[file] = text;
  }
  return files;
}

/**
 * Compiles one package from its files. `displayDir` prefixes the file names in problems ("" names them as in
 * {@link TemplateFiles}). Problems in different files are independent, so each file is checked and all are reported.
 */
async function compileTemplate(
  name: string,
  dir: string,
  files: TemplateFiles,
  displayDir: string,
  templateAssets: ReadonlyMap<string, ReadonlyMap<string, PageAsset>>,
  context: LoadContext,
  options: CompileOptions = {},
): Promise<TemplateCompilation> {
  const fileName = (file: string) => (displayDir ? join(displayDir, file) : file);
  const problems: TemplateError[] = [];
  const fail = (file: string, line: number, column: number, reason: string) => {
    problems.push(new TemplateError(name, file, line, column, reason));
    return { problems };
  };
  for (const file of TEMPLATE_FILE_NAMES) {
    if (files[file] === undefined) return fail(fileName(file), 1, 1, `Missing ${file}: a template package has it`);
  }
  const manifestText = files['template.json'] ?? '';
  const style = files['style.css'] ?? '';
  const manifest = parseTemplateManifest(manifestText, name, context.schema);
  if ('problem' in manifest) {
    const { line, column, reason } = manifest.problem;
    fail(fileName('template.json'), line, column, reason);
  }
  const compilation = compileHandlebars(context.handlebars, files['template.hbs'] ?? '', context.partialNames);
  if (compilation.problem) {
    const { line, column, reason } = compilation.problem;
    fail(fileName('template.hbs'), line, column, reason);
  }
  const query = buildTemplateQuery(
    new Source(files['query.graphql'] ?? '', fileName('query.graphql')),
    context.fragments,
    context.schema,
  );
  if ('problem' in query) {
    const { file, line, column, reason } = query.problem;
    fail(file, line, column, reason);
  }
  if ('problem' in manifest || !compilation.template || 'problem' in query) return { problems };

  const { title, kind, paper, font, continuation, footAtBottom } = manifest.manifest;
  let fonts: PageFonts;
  try {
    fonts = await loadFontsOnce(context.fonts, font);
  } catch (error) {
    if (!(error instanceof FontUnavailableError)) throw error;
    // Point at the "font" line of template.json: that is what chose the missing face.
    const line = manifestText.slice(0, Math.max(manifestText.indexOf('"font"'), 0)).split('\n').length;
    return fail(fileName('template.json'), line, 1, error.message);
  }
  const images = templateAssets.get(name) ?? new Map<string, PageAsset>();
  const compiled = compilation.template;
  // The assets of a page in each face, put together once per face: renders share them.
  const faceAssets = new WeakMap<PageFonts, ReadonlyMap<string, PageAsset>>();
  const template: LoadedTemplate = {
    name,
    title,
    kind,
    paper,
    font,
    fonts,
    continuation,
    footAtBottom,
    dir,
    files,
    version: options.version ?? null,
    query: query.query,
    render(data, options) {
      return template.page(template.fill(data, options), options);
    },
    fill(data, options) {
      const fill = (input: unknown) => compiled(input, { data: { template: name, digitStyle: options.digitStyle } });
      let body: string;
      try {
        body = fill(data);
      } catch (failed) {
        if (failed instanceof FiguresNotLoadedError) throw failed;
        // A query's result objects have no prototype, and Handlebars' strict-mode message ('"x" not defined in ' +
        // object) cannot turn one into a string: it fails with a TypeError that has no location. Filled again with
        // plain objects, the template fails where it did, with the message and location. Only a failure pays this.
        let error = failed;
        if (failed instanceof TypeError) {
          try {
            fill(structuredClone(data));
          } catch (located) {
            error = located;
          }
        }
        const file = (typeof error === 'object' && error && context.thrownIn.get(error)) || fileName('template.hbs');
        const { line, column, reason } = locatedProblem(error) ?? {
          line: 1,
          column: 1,
          reason: error instanceof Error ? error.message : String(error),
        };
        throw new TemplateFillError(name, file, line, column, reason);
      }
      // A string's length is known before its pieces are copied into one: the check costs nothing.
      if (options.memoryMb !== undefined && body.length > pageCharsWithin(options.memoryMb)) {
        throw new TemplateFillMemoryError(name, options.memoryMb, body.length);
      }
      const subject = (data as { document?: { subject?: unknown } } | null)?.document?.subject;
      const pageTitle = convertDigits(typeof subject === 'string' ? subject : title, options.digitStyle);
      const html = pageHtml({
        title: pageTitle,
        templateName: name,
        paper,
        digitStyle: options.digitStyle,
        // The fallback's rules first: where ranges overlap, the document's face is tried first (fallback-face.ts).
        styles: [context.fallback.css, (options.fonts ?? fonts).css, ...context.styles, style],
        body,
      });
      return { html: markLineBreaks(convertHtmlDigits(html, options.digitStyle)), title: pageTitle };
    },
    page({ html, title: pageTitle }, options) {
      const face = options.fonts ?? fonts;
      let assets = faceAssets.get(face);
      if (!assets) {
        assets = new Map([...context.fallback.assets, ...face.assets, ...context.sharedAssets, ...images]);
        faceAssets.set(face, assets);
      }
      return {
        html,
        assets,
        title: pageTitle,
        glyphs: () => glyphCoverage(html, face.assets, context.fallback.assets),
      };
    },
  };
  return { template, problems: [] };
}

/** A partial that notes its file on an error thrown in it, unless a partial it called did so first. */
function noteFileOnError(
  partial: HandlebarsTemplateDelegate,
  file: string,
  thrownIn: WeakMap<object, string>,
): HandlebarsTemplateDelegate {
  return (context, options) => {
    try {
      return partial(context, options);
    } catch (error) {
      if (typeof error === 'object' && error !== null && !thrownIn.has(error)) thrownIn.set(error, file);
      throw error;
    }
  };
}

function loadFontsOnce(cache: Map<FontFace, Promise<PageFonts>>, face: FontFace): Promise<PageFonts> {
  let fonts = cache.get(face);
  if (!fonts) {
    fonts = loadPageFonts(face);
    cache.set(face, fonts);
  }
  return fonts;
}

/** The images directly in `dir` and in its images/ directory, keyed by `urlBase`/relative path. */
async function readImages(dir: string, urlBase: string): Promise<Map<string, PageAsset>> {
  const assets = new Map<string, PageAsset>();
  for (const subdir of ['', 'images']) {
    const files = await readdir(join(dir, subdir)).catch(() => [] as string[]);
    for (const file of files.sort()) {
      const extension = extname(file).toLowerCase();
      if (!IMAGE_EXTENSIONS.has(extension)) continue;
      const path = subdir ? `${subdir}/${file}` : file;
      assets.set(`${urlBase}/${path}`, {
        contentType: ASSET_CONTENT_TYPES[extension] ?? 'application/octet-stream',
        body: await readFile(join(dir, path)),
      });
    }
  }
  return assets;
}

/** A path as problems print it: relative to the working directory when inside it. */
function displayPath(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath.startsWith('..') || isAbsolute(relativePath) ? path : relativePath;
}
