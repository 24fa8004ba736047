import type { DocumentData } from '@saraban/store';

/** The shared placeholder the garuda partial prints for an organization without an emblem (templates/_shared). */
const EMBLEM_PLACEHOLDER = 'garuda-placeholder.svg';

/**
 * What a filled page had to make do with, as the render's warnings say it: an organization without an emblem
 * printed the plain placeholder, named with how to give it one.
 *
 * @example
 * pageWarnings(document.data, page.html)
 * // ['organization "เทศบาลตำบลแม่ทา" has no emblem: a placeholder printed in its place. …']
 */
export function pageWarnings(document: DocumentData, html: string): string[] {
  const warnings: string[] = [];
  if (html.includes(EMBLEM_PLACEHOLDER)) {
    const { name } = document.organization;
    const how = document.organizationId
      ? `updateOrganization(id: "${document.organizationId}", input: { emblem: { mediaType, base64 } }), then write the document again`
      : 'createOrganization or updateOrganization with input.emblem, or organization.emblem in the DocumentInput';
    warnings.push(`organization "${name}" has no emblem: a placeholder printed in its place. Set one with ${how}.`);
  }
  return warnings;
}
