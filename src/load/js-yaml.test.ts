import * as loaded from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { EVENT_ID, SCALAR_STYLE } from './js-yaml.js';

describe('js-yaml constants', () => {
  it('match the library they stand in for', () => {
    expect(EVENT_ID).toEqual(loaded.EVENT_ID);
    expect(SCALAR_STYLE).toEqual(loaded.SCALAR_STYLE);
  });
});
