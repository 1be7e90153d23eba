// Preloaded into measured processes (node --import): writes the peak RSS in KiB to $KUBEFIT_BENCH_RSS at exit.
import { writeFileSync } from 'node:fs';

const target = process.env['KUBEFIT_BENCH_RSS'];
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
