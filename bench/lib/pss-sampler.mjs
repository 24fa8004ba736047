// Forked by startPssSampler: `node pss-sampler.mjs <nodePid> <browserPid> <intervalMs>` samples until the
// parent sends "stop", then sends back the peak and exits.
import { processTree, samplePss } from './processes.mjs';

const [nodePid, browserPid, intervalMs] = process.argv.slice(2).map(Number);
let peak = { totalBytes: 0, nodeBytes: 0, chromiumBytes: 0, chromiumProcesses: 0 };
let stopping = false;
process.once('message', () => {
  stopping = true;
});
/** @type {number[]} */
let tree = [];
let treeReadAt = 0;
while (!stopping) {
  // Chromium starts and ends renderer processes as tabs come and go; its tree is read again every few samples.
  if (browserPid && performance.now() - treeReadAt > 2000) {
    tree = await processTree(browserPid);
    treeReadAt = performance.now();
  }
  peak = await samplePss(nodePid, tree, peak);
  await new Promise((resolve) => setTimeout(resolve, intervalMs));
}
peak = await samplePss(nodePid, browserPid ? await processTree(browserPid) : [], peak);
process.send?.(peak, () => process.exit(0));
