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
 * Samples the PSS of this Node process plus a browser's process tree until stopped, and keeps the peak.
 *
 * @example
 * const sampler = startPssSampler(() => printer.browserPid());
 * await work();
 * const { peakBytes } = await sampler.stop();
 * @param {() => number | undefined} browserPid
 * @param {number} [intervalMs]
 */
export function startPssSampler(browserPid, intervalMs = 100) {
  let peak = { totalBytes: 0, nodeBytes: 0, chromiumBytes: 0, chromiumProcesses: 0 };
  let running = true;
  /** @type {number[]} */
  let tree = [];
  let treeReadAt = 0;
  const sampleOnce = async () => {
    const pid = browserPid();
    // Walking all of /proc costs CPU the benchmark is measuring; Chromium's set of processes settles after launch.
    if (pid !== tree[0] || performance.now() - treeReadAt > 1000) {
      tree = pid === undefined ? [] : await processTree(pid);
      treeReadAt = performance.now();
    }
    const chromiumSizes = await Promise.all(tree.map(processPss));
    const chromiumBytes = chromiumSizes.reduce((sum, bytes) => sum + bytes, 0);
    const nodeBytes = await processPss(process.pid);
    if (nodeBytes + chromiumBytes > peak.totalBytes) {
      peak = { totalBytes: nodeBytes + chromiumBytes, nodeBytes, chromiumBytes, chromiumProcesses: tree.length };
    }
  };
  const loop = (async () => {
    while (running) {
      await sampleOnce();
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    await sampleOnce();
  })();
  return {
    async stop() {
      running = false;
      await loop;
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
    ticks += utime + stime + (pid === rootPid ? cutime + cstime : 0);
  }
  return (ticks * 1000) / clockTicksPerSecond;
}
