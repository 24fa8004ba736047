// The one writer of content streams: a pass says what to insert and what to take out, by offset in the stream as
// read, and the stream is written once with all of it. What no edit touches stays byte for byte.

/** Text to put at an offset of a stream, or a range of it to take out. */
export type StreamEdit =
  | { readonly at: number; readonly insert: string }
  | { readonly from: number; readonly to: number; readonly remove: true };

/**
 * `stream` with `edits` made: insertions at their offsets (in the order given, for one offset), removals of their
 * ranges. Offsets are those of the stream as read; edits must not overlap.
 *
 * @example
 * ```ts
 * withEdits('BT\n<0023> Tj\nET', [{ at: 3, insert: 'X\n' }]) // 'BT\nX\n<0023> Tj\nET'
 * ```
 */
export function withEdits(stream: string, edits: readonly StreamEdit[]): string {
  if (edits.length === 0) return stream;
  const start = (edit: StreamEdit) => ('insert' in edit ? edit.at : edit.from);
  // Stable: insertions at one offset keep their order, and come before a removal starting there.
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort(
      (a, b) =>
        start(a.edit) - start(b.edit) || Number('remove' in a.edit) - Number('remove' in b.edit) || a.index - b.index,
    );
  const parts: string[] = [];
  let at = 0;
  for (const { edit } of ordered) {
    parts.push(stream.slice(at, start(edit)));
    if ('insert' in edit) {
      parts.push(edit.insert);
      at = edit.at;
    } else at = edit.to;
  }
  parts.push(stream.slice(at));
  return parts.join('');
}

/**
 * The range of the line that holds the operation from `start` to `end`, with its line break: what to remove to take
 * out an operation Skia wrote on a line of its own ("EMC", "ET", a span's "BDC").
 *
 * @example
 * ```ts
 * lineOf('BT\nET\n', 3, 5) // { from: 3, to: 6, remove: true }
 * ```
 */
export function lineOf(stream: string, start: number, end: number): StreamEdit {
  return { from: start, to: stream.charCodeAt(end) === 0x0a ? end + 1 : end, remove: true };
}

/**
 * A number as a content stream writes it: at most `decimals` decimals, no exponent, no "-0".
 *
 * @example
 * ```ts
 * writtenNumber(-12.50004); // "-12.5"
 * writtenNumber(0.86875, 6); // "0.86875"
 * ```
 */
export function writtenNumber(value: number, decimals = 4): string {
  const scale = 10 ** decimals;
  return String(Math.round(value * scale) / scale);
}
