import { describe, expect, it } from 'vitest';
import { matchesLabelSelector, selectsPodTemplate } from './label-selector.js';

describe('selectsPodTemplate', () => {
  it('needs every key, ignoring labels controllers add to pods', () => {
    expect(selectsPodTemplate({ app: 'web' }, { app: 'web', tier: 'front' })).toBe(true);
    expect(selectsPodTemplate({ app: 'web', tier: 'back' }, { app: 'web', tier: 'front' })).toBe(false);
    expect(selectsPodTemplate({ app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-0' }, { app: 'web' })).toBe(true);
    expect(selectsPodTemplate({}, { app: 'web' })).toBe(false);
  });
});

describe('matchesLabelSelector', () => {
  const labels = { app: 'web', tier: 'front' };
  it('evaluates matchLabels and every operator', () => {
    expect(matchesLabelSelector({}, labels)).toBe(true);
    expect(matchesLabelSelector({ matchLabels: { app: 'web' } }, labels)).toBe(true);
    expect(matchesLabelSelector({ matchLabels: { app: 'db' } }, labels)).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] }, labels)).toBe(true);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, labels)).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, labels)).toBe(true);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, labels)).toBe(true);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'app', operator: 'Bogus' }] }, labels)).toBe(false);
    expect(matchesLabelSelector('nonsense', labels)).toBe(false);
  });
});
