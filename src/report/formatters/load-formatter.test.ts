import { describe, expect, it } from 'vitest';
import { FORMATTERS } from './index.js';
import { FORMAT_NAMES, loadFormatter } from './load-formatter.js';

describe('loadFormatter', () => {
  it('loads the same formatter the library registry holds, for every format name', async () => {
    expect(FORMAT_NAMES).toEqual(Object.keys(FORMATTERS));
    for (const name of FORMAT_NAMES) expect(await loadFormatter(name)).toBe(FORMATTERS[name]);
  });

  it('falls back to text for a name it does not know', async () => {
    expect(await loadFormatter('yaml')).toBe(FORMATTERS['text']);
  });
});
