import { type ActingKind, actingWord } from './official-words.js';

/** A signer's positions and, when they sign for another position, how and for which. */
export interface SignerPositions {
  /** The signer's own position lines, top to bottom. */
  readonly positions: readonly string[];
  readonly acting?: { readonly kind: ActingKind; readonly position: string } | null;
}

/**
 * The lines printed under a signer's name: the positions in order; when acting, the acting word joined with a space
 * to the last position line, then the position acted for on its own line.
 *
 * @example
 * ```ts
 * signerLines({
 *   positions: ['รองนายกองค์การบริหารส่วนจังหวัด'],
 *   acting: { kind: 'ON_BEHALF', position: 'นายกองค์การบริหารส่วนจังหวัดลำพูน' },
 * }) // ['รองนายกองค์การบริหารส่วนจังหวัด ปฏิบัติราชการแทน', 'นายกองค์การบริหารส่วนจังหวัดลำพูน']
 * ```
 */
export function signerLines({ positions, acting }: SignerPositions): string[] {
  if (!acting) return [...positions];
  const word = actingWord(acting.kind);
  const last = positions.at(-1);
  const own = last === undefined ? [word] : [...positions.slice(0, -1), `${last} ${word}`];
  return [...own, acting.position];
}
