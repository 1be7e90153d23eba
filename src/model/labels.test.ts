// Label syntax itself is tested through name-validation.test.ts (upstream's TestIsQualifiedName, TestIsValidLabelValue).
import { describe, expect, it } from 'vitest';
import { toLabelSelector } from './labels.js';

describe('toLabelSelector', () => {
  it('selects nothing when a matchLabels or matchExpressions entry cannot be a label requirement', () => {
    expect(toLabelSelector({ matchLabels: { app: 'web' } }).requirements).toHaveLength(1);
    expect(toLabelSelector({ matchLabels: { 'example.com/app': '' } }).requirements).toHaveLength(1);
    expect(toLabelSelector({ matchLabels: { app: 'not valid' } }).requirements).toBeNull();
    expect(toLabelSelector({ matchLabels: { 'Example.com/app': 'web' } }).requirements).toBeNull();
    expect(toLabelSelector({ matchExpressions: [{ key: 'app', operator: 'In', values: ['-x'] }] }).requirements).toBeNull();
  });
});
