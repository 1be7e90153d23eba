import { describe, expect, it } from 'vitest';
import { compareMinor, removedApiOf } from './deprecated-apis.js';

describe('deprecated APIs', () => {
  it('compares Kubernetes versions by major and minor', () => {
    expect(compareMinor('1.25', '1.25')).toBe(0);
    expect(compareMinor('v1.25.3', '1.26')).toBeLessThan(0);
    expect(compareMinor('1.100', '1.26')).toBeGreaterThan(0);
  });
  it('knows removed versions only for the kinds they served', () => {
    expect(removedApiOf('batch/v1beta1', 'CronJob')?.replacement).toBe('batch/v1');
    expect(removedApiOf('batch/v1beta1', 'Job')).toBeUndefined();
    expect(removedApiOf('apps/v1', 'Deployment')).toBeUndefined();
  });
});
