import { ApiError, graphql } from './api.js';
import { h } from './dom.js';
import { latestOnly } from './latest.js';
import { text } from './text.js';

/** A published version as the history lists it. */
export interface VersionSummary {
  version: number;
  source: string;
  note: string | null;
  createdAt: string;
}

const SAVE_DRAFT = /* GraphQL */ `
  mutation SaveDraft($name: String!, $files: [TemplateFileInput!]!, $revision: Int) {
    saveTemplateDraft(name: $name, files: $files, revision: $revision) { revision baseVersion }
  }
`;
const PUBLISH = /* GraphQL */ `
  mutation Publish($name: String!, $revision: Int!, $note: String) {
    publishTemplate(name: $name, revision: $revision, note: $note) { version }
  }
`;
const ROLLBACK = /* GraphQL */ `
  mutation Rollback($name: String!, $version: Int!) { rollbackTemplate(name: $name, version: $version) { version } }
`;
const HISTORY = /* GraphQL */ `
  query History($name: String!) { template(name: $name) { version versions { version source note createdAt } } }
`;
const DIFF = /* GraphQL */ `
  query Diff($name: String!, $from: Int!) { templateDiff(name: $name, from: $from) { path change patch } }
`;

/** How long edits must pause before the draft is saved. */
const SAVE_DELAY_MS = 800;

/**
 * The draft, publishing and history of one template in the designer: edits are saved as the draft (a stale save is
 * refused and said so), "เผยแพร่" checks and publishes it, and the history shows each version with its difference
 * from the draft and a rollback.
 *
 * @example
 * const versions = templateVersions('memo', 3, draftRevision, history, () => currentFiles());
 * versions.changed(); // after each edit
 */
export function templateVersions(
  name: string,
  published: number | null,
  draftRevision: number | null,
  history: VersionSummary[],
  files: () => Array<{ path: string; text: string }>,
) {
  let revision = draftRevision;
  let current = published;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  const state = h('span', { class: 'draft-state', 'data-revision': String(revision ?? '') });
  const version = h('span', { class: 'published-version' });
  const message = h('p', { class: 'version-message', 'aria-live': 'polite' });
  const note = h('input', {
    type: 'text',
    class: 'note',
    placeholder: text.publishNote,
    'aria-label': text.publishNote,
  });
  const publishButton = h('button', { class: 'primary publish', onclick: () => void publish() }, text.publish);
  const list = h('ul', { class: 'history' });
  const diff = h('pre', { class: 'diff', hidden: true });

  const showVersion = () => {
    version.textContent = current === null ? '' : text.publishedVersion(current);
    state.textContent = revision === null ? text.noDraft : text.draftSaved(revision);
    state.dataset.revision = String(revision ?? '');
  };
  const showHistory = (versions: VersionSummary[]) => {
    list.replaceChildren(
      ...versions.map((entry) =>
        h(
          'li',
          { 'data-version': String(entry.version) },
          h('strong', {}, text.versionLabel(entry.version)),
          ` ${new Date(entry.createdAt).toLocaleString('th-TH')} · ${entry.source === 'FOLDER' ? text.fromFolder : text.fromStudio}`,
          entry.note ? ` · ${entry.note}` : '',
          ' ',
          h('button', { class: 'link', onclick: () => void showDiff(entry.version) }, text.compare),
          entry.version === current
            ? ''
            : h('button', { class: 'link rollback', onclick: () => void rollback(entry.version) }, text.rollback),
        ),
      ),
    );
  };
  const refreshHistory = async () => {
    const { template } = await graphql<{ template: { version: number | null; versions: VersionSummary[] } }>(HISTORY, {
      name,
    });
    current = template.version;
    showHistory(template.versions);
    showVersion();
  };
  const fail = (error: unknown) => {
    message.className = 'version-message error';
    message.textContent =
      error instanceof ApiError && error.code === 'VERSION_CONFLICT' ? text.staleDraft : (error as Error).message;
  };
  const save = () => {
    saving = saving.then(async () => {
      state.textContent = text.savingDraft;
      try {
        const { saveTemplateDraft } = await graphql<{ saveTemplateDraft: { revision: number } }>(SAVE_DRAFT, {
          name,
          files: files(),
          revision,
        });
        revision = saveTemplateDraft.revision;
        showVersion();
      } catch (error) {
        fail(error);
        state.textContent = text.draftNotSaved;
      }
    });
    return saving;
  };
  const publish = async () => {
    clearTimeout(timer);
    await save();
    if (revision === null) return;
    message.className = 'version-message';
    message.textContent = text.publishing;
    try {
      const { publishTemplate } = await graphql<{ publishTemplate: { version: number } }>(PUBLISH, {
        name,
        revision,
        note: note.value || null,
      });
      revision = null;
      note.value = '';
      await refreshHistory();
      message.textContent = text.published(publishTemplate.version);
    } catch (error) {
      fail(error);
    }
  };
  const rollback = async (to: number) => {
    try {
      const { rollbackTemplate } = await graphql<{ rollbackTemplate: { version: number } }>(ROLLBACK, {
        name,
        version: to,
      });
      await refreshHistory();
      message.className = 'version-message';
      message.textContent = text.rolledBack(to, rollbackTemplate.version);
    } catch (error) {
      fail(error);
    }
  };
  // The difference shown is the one asked for last, whichever answer comes back first.
  const nextDiff = latestOnly();
  const showDiff = async (from: number) => {
    const current = nextDiff();
    const { templateDiff } = await graphql<{ templateDiff: Array<{ path: string; patch: string }> }>(DIFF, {
      name,
      from,
    });
    if (!current()) return;
    diff.hidden = false;
    diff.textContent = templateDiff.length ? templateDiff.map((change) => change.patch).join('\n') : text.noChanges;
  };
  showVersion();
  showHistory(history);

  return {
    /** The bar above the editors: the published version, the draft's state, the note and the publish button. */
    bar: h('div', { class: 'version-bar' }, version, state, note, publishButton),
    /** The history below the problems. */
    panel: h('section', { class: 'versions' }, h('h3', {}, text.history), message, list, diff),
    /** Call after each edit: the draft is saved once edits pause. */
    changed() {
      clearTimeout(timer);
      timer = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
  };
}
