/**
 * Text made into one file name, readable in any file manager: characters file systems refuse become `replacement`,
 * and it is cut to `maxLength`; `fallback` when nothing is left. Thai letters stay as they are.
 *
 * @example
 * fileNameFrom('ขออนุมัติ ลพ 51009/1', { replacement: '-' }) // 'ขออนุมัติ ลพ 51009-1'
 */
export function fileNameFrom(
  text: string,
  options: { replacement?: string; maxLength?: number; fallback?: string } = {},
): string {
  const { replacement = ' ', maxLength = 120, fallback = 'document' } = options;
  return (
    text
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, replacement)
      .trim()
      .slice(0, maxLength) || fallback
  );
}
