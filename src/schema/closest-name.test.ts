import { describe, expect, it } from 'vitest';
import { closestName } from './closest-name.js';

describe('closestName', () => {
  const fields = ['resources', 'readinessProbe', 'restartPolicy', 'image', 'imagePullPolicy'];
  it.each([
    ['resource', 'resources'],
    ['Resources', 'resources'],
    ['imagePulPolicy', 'imagePullPolicy'],
    ['imgae', 'image'],
  ])('suggests a typo %s → %s', (typo, expected) => expect(closestName(typo, fields)).toBe(expected));
  it('suggests nothing for an unrelated name', () => expect(closestName('sidecars', fields)).toBeUndefined());
});
