// V8's background threads (its optimising compiler's jobs, the GC's helpers) at the lowest scheduling priority, so that
// on a machine of few cores they run beside the analysis rather than in its place.
//
// Node starts four of them, whatever the machine: on two cores they and the main thread are five runnable threads for
// two CPUs, and `fit` of 1,000 pods on 5,000 nodes spent a fifth of its wall time with its main thread waiting for a
// core while TurboFan compiled (about 600 ms of compile and GC CPU beside 750 ms on the main thread). At the lowest
// priority they take the second core and whatever the main thread leaves, which cut that run's wall time by 6 to 8%
// (bench/README.md). `--v8-pool-size=1` does much the same, but only on node's command line.
import { readdirSync } from 'node:fs';
import { availableParallelism, setPriority } from 'node:os';

/** Linux's lowest priority: the highest nice value. */
const LOWEST_PRIORITY = 19;

/**
 * Lowers every thread of the process but the main one to the lowest priority (Linux: each thread has its own nice
 * value). Called first thing, when the other threads are V8's platform workers (and libuv's file-system pool, if a
 * module preloaded with --import started it): threads the main thread starts later inherit its normal priority. Left
 * alone on one core, where compiled code would wait behind the whole analysis, and where /proc is not Linux's.
 */
export function lowerBackgroundThreads(): void {
  if (process.platform !== 'linux' || availableParallelism() < 2) return;
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const task of tasks) {
    const id = Number(task);
    if (id === process.pid) continue;
    try {
      setPriority(id, LOWEST_PRIORITY);
    } catch {
      // a thread that has ended since, or a sandbox that refuses: it keeps its priority
    }
  }
}
