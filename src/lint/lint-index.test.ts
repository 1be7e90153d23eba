import { describe, expect, it } from 'vitest';
import { directoryOf } from './lint-index.js';

describe('directoryOf', () => {
  it('is the part before the last separator, or empty', () => {
    expect(directoryOf('deploy/base/app.yaml')).toBe('deploy/base');
    expect(directoryOf('C:\\deploy\\app.yaml')).toBe('C:\\deploy');
    expect(directoryOf('app.yaml')).toBe('');
  });
});
