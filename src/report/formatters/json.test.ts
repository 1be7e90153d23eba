import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTEXT, FIXTURE_REPORT } from '../../../test/format-fixture.js';
import type { Report } from '../report.js';
import { formatJson, formatJsonChunks } from './json.js';

describe('json formatter', () => {
  it('writes exactly JSON.stringify(report, null, 2), one array element per chunk', () => {
    expect(formatJson(FIXTURE_REPORT, FIXTURE_CONTEXT)).toBe(`${JSON.stringify(FIXTURE_REPORT, null, 2)}\n`);
    const chunks = [...formatJsonChunks(FIXTURE_REPORT)];
    expect(chunks.length).toBeGreaterThan(FIXTURE_REPORT.findings.length + FIXTURE_REPORT.scheduling.length);
  });

  it('handles empty arrays and optional top-level fields like JSON.stringify', () => {
    const report: Report = { ...FIXTURE_REPORT, findings: [], scheduling: [], nodeGroups: { g0: ['a', 'b'] } };
    expect(formatJson(report, FIXTURE_CONTEXT)).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });
});
