import { escapeHtml } from './inline-markup.js';

/** The parts of a page the engine puts together around a template's output. */
export interface PageParts {
  /** The <title>: the document's subject. */
  readonly title: string;
  readonly templateName: string;
  readonly paper: 'A4' | 'A5';
  /** THAI or ARABIC: picks the page-number digits. */
  readonly digitStyle: 'THAI' | 'ARABIC';
  /** @font-face rules, the shared CSS, then the template's style.css. */
  readonly styles: readonly string[];
  /** The template's output. */
  readonly body: string;
}

/**
 * One self-contained HTML page: the styles inline, the paper size from template.json, and the counter style
 * `page-digits` (Thai or Arabic digits, as the document says) that page numbers print with:
 * `@top-center { content: "- " counter(page, page-digits) " -" }`.
 *
 * @example
 * ```ts
 * pageHtml({ title: 'เรื่อง', templateName: 'memo', paper: 'A4', digitStyle: 'THAI', styles: [], body: '<p>x</p>' })
 * ```
 */
export function pageHtml(parts: PageParts): string {
  const counterSystem = parts.digitStyle === 'THAI' ? 'thai' : 'decimal';
  const generated = `@counter-style page-digits { system: extends ${counterSystem}; }\n@page { size: ${parts.paper}; }`;
  return [
    '<!DOCTYPE html>',
    `<html lang="th" data-digit-style="${parts.digitStyle.toLowerCase()}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>\n${[generated, ...parts.styles].map(safeStyle).join('\n')}\n</style>`,
    '</head>',
    `<body class="template-${escapeHtml(parts.templateName)}">`,
    parts.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** CSS cannot end its <style> element early. */
function safeStyle(css: string): string {
  return css.replace(/<\/style/gi, '<\\/style');
}
