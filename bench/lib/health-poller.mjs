// `node bench/lib/health-poller.mjs <url>`: asks <url> (a server's /healthz) every 5 ms, one request at a time,
// until its stdin closes or the server goes away; then prints one JSON line: each answer's wall-clock time (ms since
// the epoch, when it was asked) and how long it took. A process of its own, so the server's stalls are measured and
// not the asker's; the pause keeps it from taking a core from the server it measures.
const url = process.argv[2];
if (!url) throw new Error('usage: health-poller.mjs <url>');
/** @type {Array<[number, number]>} */
const answers = [];
let asking = true;
process.stdin.on('end', () => {
  asking = false;
});
process.stdin.resume();
process.stdout.write('ready\n');
while (asking) {
  const askedAt = Date.now();
  const startedAt = performance.now();
  const response = await fetch(url).catch(() => undefined);
  if (!response?.ok) break;
  await response.arrayBuffer();
  answers.push([askedAt, Math.round((performance.now() - startedAt) * 100) / 100]);
  await new Promise((resolve) => setTimeout(resolve, 5));
}
process.stdout.write(`${JSON.stringify(answers)}\n`);
