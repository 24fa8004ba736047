import { fork } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/**
 * Proportional set size of one process in bytes, from /proc/<pid>/smaps_rollup; 0 when it has exited.
 *
 * @example
 * await processPss(process.pid); // 61_440_000
 * @param {number} pid
 * @returns {Promise<number>}
 */
export async function processPss(pid) {
  try {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kilobytes = /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1];
    return kilobytes ? Number(kilobytes) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * A process and all its descendants (Chromium's zygotes, renderers and utility processes), from the parent ids
 * in /proc/<pid>/stat.
 *
 * @example
 * await processTree(printer.browserPid()); // [4242, 4250, 4251, ...]
 * @param {number} rootPid
 * @returns {Promise<number[]>}
 */
export async function processTree(rootPid) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The command name in parentheses may contain spaces; the parent id is the second field after it.
    const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(parentPid)) children.set(parentPid, []);
    children.get(parentPid)?.push(Number(entry));
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

/**
 * @typedef {{ totalBytes: number, nodeBytes: number, chromiumBytes: number, chromiumProcesses: number }} PssPeak
 */

/**
 * Samples the PSS of a Node process plus a browser's process tree until stopped, and keeps the peak.
 *
 * @example
 * let peak = emptyPeak;
 * peak = await samplePss(process.pid, browserPid, [browserPid, ...], peak);
 * @param {number} nodePid
 * @param {number[]} tree the browser's process tree
 * @param {PssPeak} peak the peak so far
 * @returns {Promise<PssPeak>}
 */
export async function samplePss(nodePid, tree, peak) {
  const chromiumBytes = (await Promise.all(tree.map(processPss))).reduce((sum, bytes) => sum + bytes, 0);
  const nodeBytes = await processPss(nodePid);
  if (nodeBytes + chromiumBytes <= peak.totalBytes) return peak;
  return { totalBytes: nodeBytes + chromiumBytes, nodeBytes, chromiumBytes, chromiumProcesses: tree.length };
}

/**
 * Samples the PSS of this Node process plus Chromium's process tree in a child process until stopped, and
 * returns the peak. Reading smaps_rollup of Chromium's processes costs the kernel some 30 ms of CPU a sample:
 * done here, it would count as the pipeline's Node time and slow the event loop the benchmark measures.
 *
 * @example
 * const sampler = startPssSampler(printer.browserPid());
 * await work();
 * const { totalBytes } = await sampler.stop();
 * @param {number | undefined} browserPid
 * @param {number} [intervalMs]
 */
export function startPssSampler(browserPid, intervalMs = 500) {
  const child = fork(new URL('./pss-sampler.mjs', import.meta.url), [
    String(process.pid),
    String(browserPid ?? 0),
    String(intervalMs),
  ]);
  /** @type {Promise<PssPeak>} */
  const peak = new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(/** @type {PssPeak} */ (message)));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the PSS sampler exited with ${code} before reporting`)));
  });
  return {
    /** Takes a last sample and returns the peak. */
    stop() {
      child.send('stop');
      return peak;
    },
  };
}

/**
 * Bytes to mebibytes, for the report.
 *
 * @example
 * mebibytes(734_003_200); // 700
 * @param {number} bytes
 */
export function mebibytes(bytes) {
  return Math.round(bytes / 1024 / 1024);
}

const clockTicksPerSecond = 100;

/**
 * CPU time in milliseconds used so far by a process tree: user and system time of every live process, plus what
 * the root collected from children that exited.
 *
 * @example
 * const before = await treeCpuMs(pid);
 * await work();
 * const used = (await treeCpuMs(pid)) - before;
 * @param {number} rootPid
 * @returns {Promise<number>}
 */
export async function treeCpuMs(rootPid) {
  let ticks = 0;
  for (const pid of await processTree(rootPid)) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Fields after the command name: state is the first, utime the 12th, stime, cutime, cstime follow.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    // A process that exited between listing and reading has no fields left.
    if (!Number.isFinite(utime + stime + cutime + cstime)) continue;
    ticks += utime + stime + cutime + cstime;
  }
  return (ticks * 1000) / clockTicksPerSecond;
}
