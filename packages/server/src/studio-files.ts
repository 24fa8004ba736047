import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { studioSiteDir } from '@saraban/studio';
import type { Plugin } from 'graphql-yoga';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A built studio file, in memory. */
interface SiteFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

/**
 * A Yoga plugin that serves Saraban Studio: its page at / and its files under /studio/, read from the built
 * studio once, at the first request. Nothing the page loads comes from another host.
 *
 * @example
 * createYoga({ schema, plugins: [useStudio()] });
 */
export function useStudio(siteDir = studioSiteDir()): Plugin {
  let files: Promise<Map<string, SiteFile>> | undefined;
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const name = url.pathname === '/' ? 'index.html' : /^\/studio\/([\w.-]+)$/.exec(url.pathname)?.[1];
      if (!name) return;
      files ??= readSite(siteDir);
      const file = (await files).get(name);
      if (!file) {
        const missing = name === 'index.html' ? 'the studio is not built: run `node .ci/setup.mjs`' : 'no such file';
        endResponse(new fetchAPI.Response(`${url.pathname}: ${missing}\n`, { status: 404 }));
        return;
      }
      endResponse(
        new fetchAPI.Response(file.body, {
          headers: {
            'content-type': file.contentType,
            // The page always asks again (a new build must show); the files it loads change only with a build.
            'cache-control': name === 'index.html' ? 'no-cache' : 'public, max-age=3600',
          },
        }),
      );
    },
  };
}

async function readSite(dir: string): Promise<Map<string, SiteFile>> {
  const files = new Map<string, SiteFile>();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const contentType = CONTENT_TYPES[extname(name)];
    if (contentType) files.set(name, { body: new Uint8Array(await readFile(join(dir, name))), contentType });
  }
  return files;
}
