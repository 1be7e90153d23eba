import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

describe('createProgress', () => {
  const recorder = () => {
    const writes: string[] = [];
    return { writes, stderr: { write: (text: string) => writes.push(text) } };
  };

  it('stays silent during the first second and then redraws one line', () => {
    let clock = 0;
    const { writes, stderr } = recorder();
    const progress = createProgress(stderr, true, () => clock);
    progress.update('reading files', 1, 10);
    clock = 1500;
    progress.update('reading files', 5, 10);
    clock = 1550;
    progress.update('reading files', 6, 10);
    progress.clear();
    expect(writes).toEqual(['\r\u001b[2Kkubefit: reading files 5/10', '\r\u001b[2K']);
  });

  it('shows each new phase at once, with its size when it reports no steps, and clears the line', () => {
    let clock = 0;
    const { writes, stderr } = recorder();
    const progress = createProgress(stderr, true, () => clock);
    clock = 1500;
    progress.update('reading files', 10, 10);
    clock = 1510;
    progress.update('linting objects', 0, 1200);
    clock = 1520;
    progress.update('placing workloads', 0, 40);
    progress.clear();
    expect(writes).toEqual([
      '\r\u001b[2Kkubefit: reading files 10/10',
      '\r\u001b[2Kkubefit: linting objects (1200)',
      '\r\u001b[2Kkubefit: placing workloads (40)',
      '\r\u001b[2K',
    ]);
  });

  it('never writes when stderr is not a terminal', () => {
    let clock = 0;
    const { writes, stderr } = recorder();
    const progress = createProgress(stderr, false, () => clock);
    clock = 5000;
    progress.update('reading files', 5, 10);
    progress.clear();
    expect(writes).toEqual([]);
  });
});
