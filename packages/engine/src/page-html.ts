import type { DigitStyle } from '@saraban/thai';
import { escapeHtml } from './inline-markup.js';

/** The parts of a page the engine puts together around a template's output. */
export interface PageParts {
  /** The <title>: the document's subject. */
  readonly title: string;
  readonly templateName: string;
  readonly paper: 'A4' | 'A5';
  /** THAI or ARABIC: picks the page-number digits. */
  readonly digitStyle: DigitStyle;
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
  const generated = [
    `@counter-style page-digits { system: extends ${counterSystem}; }`,
    `@page { size: ${parts.paper}; }`,
    '.font-primer { position: absolute; top: 0; left: 0; visibility: hidden; }',
  ].join('\n');
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
    // Chromium loads a font face only when laid-out text needs it, and the print waits only for those: text that
    // lives in the page margins alone (a bold secrecy mark) would print in no font. Hidden text needs every face.
    '<div class="font-primer" aria-hidden="true">กA<b>กA</b></div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** CSS cannot end its <style> element early. */
function safeStyle(css: string): string {
  return css.replace(/<\/style/gi, '<\\/style');
}
