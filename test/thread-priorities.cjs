// Preloaded (node -r) by background-threads.test.ts: writes to $KUBEFIT_TEST_PRIORITIES, at exit, the nice value of
// the main thread and of every thread that existed before the bin ran (V8's platform threads) and is still there.
const { readdirSync, readFileSync, writeFileSync } = require('node:fs');

const statOf = (id) => {
  try {
    return readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
  } catch {
    return undefined;
  }
};
// field 19, counted after the command name (which may hold spaces)
const niceOf = (stat) => Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[16]);
const early = readdirSync('/proc/self/task').map(Number).filter((id) => id !== process.pid);
process.on('exit', () => {
  const others = early.map(statOf).filter((stat) => stat !== undefined).map(niceOf);
  writeFileSync(process.env.KUBEFIT_TEST_PRIORITIES, JSON.stringify({ main: niceOf(statOf(process.pid)), others }));
});
