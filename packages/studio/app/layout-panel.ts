import { h } from './dom.js';
import type { PageMeasures } from './layout-measures.js';
import { text } from './text.js';

/** A measure as the panel writes it, and the details behind a count (the words, lines or text it counts). */
const COLUMNS: ReadonlyArray<{
  key: string;
  label: string;
  value: (page: PageMeasures) => string;
  details?: (page: PageMeasures) => readonly string[];
}> = [
  { key: 'typeSize', label: text.typeSize, value: (page) => sizeText(page.typeSize, page.smallestSize) },
  {
    key: 'margins',
    label: text.margins,
    value: ({ margins }) => (margins ? `${margins.top} / ${margins.right} / ${margins.bottom} / ${margins.left}` : '—'),
  },
  {
    key: 'brokenWords',
    label: text.brokenWords,
    value: (page) => String(page.brokenWords.length),
    details: (page) => page.brokenWords,
  },
  {
    key: 'overflowing',
    label: text.overflowing,
    value: (page) => String(page.overflowing.length),
    details: (page) => page.overflowing,
  },
  { key: 'widows', label: text.widows, value: (page) => String(page.widows.length), details: (page) => page.widows },
];

function sizeText(size: number | null, smallest: number | null): string {
  if (size === null) return '—';
  return smallest !== null && smallest < size ? `${size} (${text.smallest} ${smallest})` : String(size);
}

/**
 * The layout panel under the preview: page by page, what the layout harness measures of the print (type size in
 * official points, margins in centimetres, words broken across lines, text overflowing its cell, lone lines at page
 * breaks) and the page count. A value that changed since the previous print is marked, with the old value on hover,
 * so a designer sees a regression as they make it.
 *
 * @example
 * const panel = layoutPanel();
 * preview.append(panel.element);
 * panel.show(await measureLayout(pdf, scales));
 */
export function layoutPanel() {
  const summary = h('p', { class: 'layout-summary' });
  const rows = h('tbody', {});
  const element = h(
    'section',
    { class: 'layout-panel', 'aria-label': text.layout },
    h('h3', {}, text.layout),
    summary,
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, text.page), ...COLUMNS.map((column) => h('th', {}, column.label)))),
      rows,
    ),
  );
  let previous: PageMeasures[] | undefined;
  return {
    element,
    /** Shows a print's measures, marking what changed since the last ones shown. */
    show(pages: PageMeasures[]) {
      const before = previous;
      summary.textContent = text.pageCount(pages.length);
      summary.classList.toggle('changed', before !== undefined && before.length !== pages.length);
      if (before && before.length !== pages.length) summary.title = text.before(String(before.length));
      else summary.removeAttribute('title');
      summary.dataset.pages = String(pages.length);
      rows.replaceChildren(
        ...pages.map((page, index) =>
          h(
            'tr',
            { 'data-page': String(page.page) },
            h('th', {}, String(page.page)),
            ...COLUMNS.map((column) => {
              const value = column.value(page);
              const old = before?.[index] && column.value(before[index]);
              const details = column.details?.(page) ?? [];
              return h(
                'td',
                {
                  'data-measure': column.key,
                  class: [old !== undefined && old !== value ? 'changed' : '', details.length > 0 ? 'warn' : '']
                    .filter(Boolean)
                    .join(' '),
                  title: [old !== undefined && old !== value ? text.before(old) : '', ...details]
                    .filter(Boolean)
                    .join('\n'),
                },
                value,
                details.length > 0 ? h('small', {}, ` ${details.slice(0, 3).join(' · ')}`) : '',
              );
            }),
          ),
        ),
      );
      previous = pages;
    },
    /** Says the print could not be measured, and why. */
    failed(message: string) {
      summary.textContent = `${text.layoutFailed}: ${message}`;
      rows.replaceChildren();
    },
  };
}
