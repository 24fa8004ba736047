import { TemplateCheckError, type TemplateError, type TemplateRegistry } from '@saraban/engine';
import type { TemplateVersions } from '@saraban/graphql';
import type {
  TemplateDraft,
  TemplateFileTexts,
  TemplateVersion,
  TemplateVersionRepository,
  TemplateVersionSummary,
} from '@saraban/store';
import { NotFoundError, VersionConflictError } from '@saraban/store';

/**
 * Templates kept in the database as published versions and drafts, and printed with: the latest published version
 * of each template is the one the registry holds. The folders under templates/ are imported as published versions:
 * the first time, and again whenever a folder's files change.
 *
 * @example
 * const library = new TemplateLibrary(store.templates, templates);
 * for (const problem of await library.load()) console.error(problem.message);
 * await library.publishDraft('memo', draft.revision, 'wider margins');
 */
export class TemplateLibrary implements TemplateVersions {
  readonly #versions: TemplateVersionRepository;
  readonly #registry: TemplateRegistry;

  constructor(versions: TemplateVersionRepository, registry: TemplateRegistry) {
    this.#versions = versions;
    this.#registry = registry;
  }

  /**
   * Imports each template folder that changed since it was last imported (or never was) as a new published version,
   * then compiles the latest version of every template into the registry. A stored version that no longer compiles
   * (a shared partial it uses changed) is reported and the template stays as its folder has it.
   */
  async load(): Promise<TemplateError[]> {
    for (const template of this.#registry.list()) {
      const imported = await this.#versions.latestFromFolder(template.name);
      if (imported && sameFiles(imported.files, template.files)) continue;
      try {
        await this.#versions.publish(template.name, {
          files: { ...template.files },
          source: 'FOLDER',
          note: imported ? 'the templates folder changed' : 'imported from the templates folder',
        });
      } catch (error) {
        // Processes starting together on one PostgreSQL database (a server and its workers) import the same folder:
        // the one that lost the race finds it imported.
        const now = await this.#versions.latestFromFolder(template.name);
        if (!now || !sameFiles(now.files, template.files)) throw error;
      }
    }
    const problems: TemplateError[] = [];
    for (const version of await this.#versions.latestVersions()) {
      const compiled = await this.#registry.compile(version.template, version.files, { version: version.version });
      if (compiled.template) this.#registry.use(compiled.template);
      else problems.push(...compiled.problems);
    }
    return problems;
  }

  /**
   * Compiles into the registry every template whose latest stored version is newer than the one it prints with:
   * versions another process (another server, a worker) published. Returns the problems of versions that no longer
   * compile; those templates print as before.
   */
  async refresh(): Promise<TemplateError[]> {
    const problems: TemplateError[] = [];
    for (const [name, latest] of await this.#versions.latestVersionNumbers()) {
      const current = this.#registry.get(name)?.version ?? null;
      if (current !== null && current >= latest) continue;
      const version = await this.#versions.get(name, latest);
      if (!version) continue;
      const compiled = await this.#registry.compile(name, version.files, { version: latest });
      if (compiled.template) this.#registry.use(compiled.template);
      else problems.push(...compiled.problems);
    }
    return problems;
  }

  /**
   * Calls {@link refresh} every `intervalMs` until the returned function is called, so a publication in any process
   * sharing the database is printed with here within that time, without a restart. Polling works on SQLite and
   * PostgreSQL alike; one look costs one small grouped query.
   *
   * @example
   * const stop = library.watch(1000);
   * // …
   * stop();
   */
  watch(intervalMs: number): () => void {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      // A look that fails (the database is busy or closing) is retried at the next tick.
      this.refresh()
        .catch(() => [])
        .finally(() => {
          running = false;
        });
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  history(name: string): Promise<TemplateVersionSummary[]> {
    return this.#versions.history(name);
  }

  get(name: string, version?: number): Promise<TemplateVersion | undefined> {
    return this.#versions.get(name, version);
  }

  getDraft(name: string): Promise<TemplateDraft | undefined> {
    return this.#versions.getDraft(name);
  }

  async saveDraft(name: string, files: TemplateFileTexts, revision: number | null): Promise<TemplateDraft> {
    const published = await this.#published(name);
    return this.#versions.saveDraft(name, files, published.version, revision);
  }

  discardDraft(name: string, revision: number): Promise<void> {
    return this.#versions.deleteDraft(name, revision);
  }

  async publishDraft(name: string, revision: number, note: string | null): Promise<TemplateVersion> {
    const draft = await this.#versions.getDraft(name);
    if (!draft) throw new NotFoundError('template draft', name);
    if (draft.revision !== revision) {
      throw new VersionConflictError('template draft', name, revision, draft.revision, 'update');
    }
    const version = await this.#publish(name, draft.files, note);
    await this.#versions.deleteDraft(name, revision);
    return version;
  }

  async rollback(name: string, version: number, note: string | null): Promise<TemplateVersion> {
    const old = await this.#versions.get(name, version);
    if (!old) throw new NotFoundError('template version', `${name} ${version}`);
    return this.#publish(name, old.files, note ?? `rolled back to version ${version}`);
  }

  async #published(name: string): Promise<TemplateVersion> {
    const published = await this.#versions.get(name);
    if (!published) throw new NotFoundError('template version', name);
    return published;
  }

  async #publish(name: string, files: TemplateFileTexts, note: string | null): Promise<TemplateVersion> {
    // Checked before anything is written: a package with problems is never published.
    const checked = await this.#registry.compile(name, files);
    if (!checked.template) throw new TemplateCheckError(name, checked.problems);
    const version = await this.#versions.publish(name, { files, source: 'STUDIO', note });
    const compiled = await this.#registry.compile(name, files, { version: version.version });
    if (compiled.template) this.#registry.use(compiled.template);
    return version;
  }
}

function sameFiles(a: TemplateFileTexts, b: Readonly<TemplateFileTexts>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
