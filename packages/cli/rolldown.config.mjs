// The `saraban` command as users run it: dist/bin.js (built by `tsc -b`) and everything it imports, bundled into
// bundle/saraban.js. Node 20 loads an ES module file by file, and Saraban's dependencies are many small files
// (kysely ~280, puppeteer-core and graphql-yoga hundreds more): importing them took ~0.85 s of every start, the
// bundle ~0.2 s. Modules imported only when needed (fontkit, pdf-lib, puppeteer's WebDriver BiDi) stay in chunks
// beside it and load only then.
//
// better-sqlite3 stays outside: it finds its compiled .node file relative to its own files. So does jsdom (the DOM
// @saraban/figures sanitizes uploaded SVGs on, loaded only then), which reads files beside its own, and so does piscina
// (the fill threads' pool), which starts each thread on a script of its own. Four things resolve at run time from
// this package's node_modules, which is why the package depends on them: better-sqlite3, jsdom, piscina, and the
// Sarabun font files (@fontsource/sarabun, found by @saraban/engine). bundle/ sits at the same depth
// as dist/, so the built-in templates are found at the same relative path.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: {
    saraban: new URL('./dist/bin.js', import.meta.url).pathname,
    // The thread @saraban/finish finishes long PDFs on: it loads its script from beside the code that starts it.
    'finish-worker': new URL('../finish/dist/finish-worker.js', import.meta.url).pathname,
    // The thread @saraban/engine reads an uploaded font file on, the same way.
    'font-check-worker': new URL('../engine/dist/font-check-worker.js', import.meta.url).pathname,
    // The threads @saraban/engine fills templates in on (a piscina pool), the same way.
    'fill-worker': new URL('../engine/dist/fill-worker.js', import.meta.url).pathname,
  },
  platform: 'node',
  external: ['better-sqlite3', 'jsdom', 'piscina'],
  // Libraries check NODE_ENV for development aids; graphql's is a second instanceof check, for two copies of graphql
  // (which a bundle cannot have), that cost ~40 ms of every start building the schema and checking templates.
  transform: { define: { 'process.env.NODE_ENV': '"production"' } },
  output: {
    dir: new URL('./bundle', import.meta.url).pathname,
    format: 'esm',
    cleanDir: true,
    sourcemap: true,
  },
});
