import { FALLBACK_FACE_NAME, type GlyphCoverage } from '@saraban/engine';
import type { DocumentData } from '@saraban/store';

/** The shared placeholder the garuda partial prints for an organization without an emblem (templates/_shared). */
const EMBLEM_PLACEHOLDER = 'garuda-placeholder.svg';

/**
 * What a filled page had to make do with, as the render's warnings say it: an organization without an emblem
 * printed the plain placeholder (named, with how to give it one); characters the document's face lacks were drawn
 * by the embedded fallback face (named).
 *
 * @example
 * pageWarnings(document.data, page.html, filled.glyphs)
 * // ['organization "เทศบาลตำบลแม่ทา" has no emblem: a placeholder printed in its place. …']
 */
export function pageWarnings(document: DocumentData, html: string, glyphs: GlyphCoverage): string[] {
  const warnings: string[] = [];
  if (html.includes(EMBLEM_PLACEHOLDER)) {
    const { name } = document.organization;
    const how = document.organizationId
      ? `updateOrganization(id: "${document.organizationId}", input: { emblem: { mediaType, base64 } }) or \`saraban organizations emblem --id ${document.organizationId} --file <image>\`, then write the document again`
      : 'createOrganization or updateOrganization with input.emblem, or organization.emblem in the DocumentInput';
    warnings.push(`organization "${name}" has no emblem: a placeholder printed in its place. Set one with ${how}.`);
  }
  if (glyphs.fallback.length > 0) {
    warnings.push(
      `${characterList(glyphs.fallback)} are not in the document's face: drawn by the embedded fallback face ${FALLBACK_FACE_NAME}.`,
    );
  }
  return warnings;
}

/**
 * Characters as messages name them.
 *
 * @example
 * characterList(['☐', '☞']) // '"☐" (U+2610), "☞" (U+261E)'
 */
export function characterList(characters: readonly string[]): string {
  return characters
    .map((character) => {
      const codePoint = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      return `"${character}" (U+${codePoint})`;
    })
    .join(', ');
}
