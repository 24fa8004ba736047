#!/usr/bin/env node
// Takes a fresh clone on a machine with only Node 20 and npm to a working tree, and does nothing that is
// already done: a second run takes seconds. Used by `npm start`, `npm test` and `.ci/run`.
//
// 1. pnpm, pinned in package.json's "packageManager", run through npx (corepack's signature check fails on
//    some registries, so it is not used).
// 2. Dependencies from the lockfile; better-sqlite3 is allowed to compile (pnpm-workspace.yaml).
// 3. Debian's chromium, poppler-utils (pdftotext, pdffonts), fonts-tlwg-laksaman and postgresql (the tests start a
//    temporary server of their own; the cluster Debian creates is left alone), installed with apt-get when we run as
//    root.
// 4. The packages, built by `tsc -b` (incremental), the studio's web app and the `saraban` command bundled by
//    rolldown.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const started = Date.now();
const log = (message) => console.log(`[setup] ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`[setup] failed: ${command} ${args.join(' ')} (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const { packageManager, engines } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// 0: a Node too old to build the command fails here, with what to install, rather than deep in a dependency.
const [major, minor] = process.versions.node.split('.').map(Number);
const [needMajor, needMinor] = /(\d+)\.(\d+)/.exec(engines.node).slice(1).map(Number);
if (major < needMajor || (major === needMajor && minor < needMinor)) {
  console.error(`[setup] Saraban needs Node ${engines.node}; this is Node ${process.versions.node}`);
  process.exit(1);
}

// 1 and 2: install dependencies when the lockfile changed since the last install.
const lockfile = readFileSync(join(root, 'pnpm-lock.yaml'));
const lockHash = createHash('sha256').update(lockfile).update(packageManager).digest('hex');
const stamp = join(root, 'node_modules', '.saraban-install');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  log(`installing dependencies with ${packageManager}`);
  const env = { ...process.env, COREPACK_INTEGRITY_KEYS: '0', PUPPETEER_SKIP_DOWNLOAD: '1' };
  // node-gyp downloads Node's headers unless told where they are; machines without general internet access
  // fail there. Node installed from a distribution package ships them under its prefix.
  const nodePrefix = dirname(dirname(process.execPath));
  if (!env.npm_config_nodedir && existsSync(join(nodePrefix, 'include', 'node', 'node.h'))) {
    env.npm_config_nodedir = nodePrefix;
  }
  run('npx', ['-y', packageManager, 'install', '--frozen-lockfile'], { env });
  writeFileSync(stamp, lockHash);
}

// 3: system packages.
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const missing = [];
// Debian's old headless shell prints with Chromium's own layout and PDF writer, starting faster and lighter than the
// full browser (@saraban/print's defaultChromiumPath picks it first). The full browser prints the same PDFs: where it
// is installed, the shell is worth installing but not worth failing for.
const chromium = process.env.SARABAN_CHROMIUM ?? '/usr/lib/chromium/chromium-headless-shell';
const shellMissing = !existsSync(chromium);
const fullBrowser = !process.env.SARABAN_CHROMIUM && existsSync('/usr/bin/chromium');
if (shellMissing && !fullBrowser) missing.push('chromium-headless-shell');
if (!commandExists('pdftotext') || !commandExists('pdffonts')) missing.push('poppler-utils');
// Laksaman, TLWG's clone of TH SarabunPSK: templates may print in it ("font": "laksaman"), and the layout tests
// compare Sarabun's lines per page with it.
if (!existsSync('/usr/share/fonts/truetype/tlwg/Laksaman.ttf')) missing.push('fonts-tlwg-laksaman');
// The tests run the store and the render workers on a real PostgreSQL: initdb and pg_ctl from any major version.
const postgresVersions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
if (!postgresVersions.some((version) => existsSync(`/usr/lib/postgresql/${version}/bin/initdb`)))
  missing.push('postgresql');
if (missing.length > 0) {
  if (!isRoot || !commandExists('apt-get')) {
    console.error(
      `[setup] missing system packages: ${missing.join(', ')}.\n` +
        `        Install them as root, for example: apt-get update && apt-get install -y ${missing.join(' ')}\n` +
        '        (or set SARABAN_CHROMIUM to the path of a Chromium or Chrome binary), then run this again.',
    );
    process.exit(1);
  }
  log(`installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}
if (shellMissing && fullBrowser && isRoot && commandExists('apt-get')) {
  log('installing chromium-headless-shell with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptGet = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  const installed =
    aptGet(['update', '-qq']) && aptGet(['install', '-y', '-qq', '--no-install-recommends', 'chromium-headless-shell']);
  if (!installed) log('chromium-headless-shell could not be installed; printing with /usr/bin/chromium');
}

// 4: build: the packages, then the studio (served by `saraban serve`) and the `saraban` command bundled from them
// (what `npm start` runs).
run(join(root, 'node_modules', '.bin', 'tsc'), ['-b']);
for (const config of ['packages/studio/rolldown.config.mjs', 'packages/cli/rolldown.config.mjs']) {
  run(join(root, 'node_modules', '.bin', 'rolldown'), ['--config', join(root, config)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
