// The studio as the browser loads it: app/main.ts and everything it imports (CodeMirror, pdf.js, graphql) bundled
// into site/studio.js, beside index.html, studio.css and pdf.js's worker. The server serves site/ as it is: nothing
// loads from any other host, so the studio works on an intranet without internet.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'rolldown';

const here = (path) => new URL(path, import.meta.url).pathname;
const require = createRequire(import.meta.url);

/** Files copied into the output as they are. */
const copied = {
  'index.html': here('./app/index.html'),
  'studio.css': here('./app/studio.css'),
  'pdf.worker.min.mjs': require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'),
};

export default defineConfig({
  input: { studio: here('./app/main.ts') },
  platform: 'browser',
  transform: { define: { 'process.env.NODE_ENV': '"production"' } },
  plugins: [
    {
      name: 'copy-site-files',
      generateBundle() {
        for (const [fileName, path] of Object.entries(copied)) {
          this.emitFile({ type: 'asset', fileName, source: readFileSync(path) });
        }
      },
    },
  ],
  output: {
    dir: here('./site'),
    format: 'esm',
    cleanDir: true,
    minify: true,
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
  },
});
