import { existsSync } from 'node:fs';

/**
 * Debian's Chromium builds, lightest first. `chromium-headless-shell` is Chromium's old headless mode on its own: the
 * same Blink layout and Skia PDF writer without the browser's user interface, so it prints the same PDFs while
 * starting faster and using about a quarter less memory per process. The full browser serves when it is all there is.
 */
export const DEBIAN_CHROMIUM_PATHS: readonly string[] = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium',
];

/**
 * The Chromium to print with when none is given: the environment variable SARABAN_CHROMIUM, else the first of
 * {@link DEBIAN_CHROMIUM_PATHS} that is installed (the last one when none is, so the launch error names it).
 *
 * @example
 * ```ts
 * defaultChromiumPath() // '/usr/lib/chromium/chromium-headless-shell' with Debian's chromium-headless-shell installed
 * ```
 */
export function defaultChromiumPath(): string {
  const chosen = process.env.SARABAN_CHROMIUM;
  if (chosen) return chosen;
  return DEBIAN_CHROMIUM_PATHS.find((path) => existsSync(path)) ?? (DEBIAN_CHROMIUM_PATHS.at(-1) as string);
}
