// Preloaded into measured processes (node --import): writes peak RSS (KiB) and CPU time (ms) to $KUBEFIT_BENCH_PROBE
// at exit.
import { writeFileSync } from 'node:fs';

const target = process.env['KUBEFIT_BENCH_PROBE'];
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
