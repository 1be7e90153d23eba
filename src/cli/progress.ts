// A one-line progress display on a terminal's stderr, shown only for runs that take over a second: the phase, and
// how far it is (done/total) or how much it works on (total alone, for phases that report no steps).

export interface Progress {
  update(phase: string, done: number, total: number): void;
  clear(): void;
}

const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;

export function createProgress(stderr: { write(text: string): unknown }, enabled: boolean, now: () => number = Date.now): Progress {
  const started = now();
  let lastDraw = 0;
  let lastPhase = '';
  let shown = false;
  return {
    update(phase, done, total) {
      const time = now();
      const newPhase = phase !== lastPhase;
      lastPhase = phase;
      if (!enabled || time - started < SHOW_AFTER_MS || (!newPhase && time - lastDraw < REDRAW_EVERY_MS)) return;
      lastDraw = time;
      shown = true;
      stderr.write(`\r\u001b[2Kkubefit: ${phase} ${done === 0 ? `(${total})` : `${done}/${total}`}`);
    },
    clear() {
      if (shown) stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}
