/**
 * Turns for one thing on screen that more than one request may fill (a page, a print, a difference): each request
 * takes a turn when it starts, and only the latest turn may still show its answer. One asked for earlier that comes
 * back later, a slower answer or a longer document, thus never replaces a newer one.
 *
 * @example
 * const nextTurn = latestOnly();
 * const search = async () => {
 *   const current = nextTurn();
 *   const answer = await graphql(LIST);
 *   if (current()) show(answer);
 * };
 */
export function latestOnly(): () => () => boolean {
  let latest = 0;
  return () => {
    const turn = ++latest;
    return () => turn === latest;
  };
}
