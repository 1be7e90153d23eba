// The API server's validation of storage, quota and ingress-class objects through the CLI: each finding at its value.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const FIXTURES = 'fixtures/schema/validation';

async function lint(file: string): Promise<string[]> {
  const run = await runCli(['lint', '--format', 'json', `${FIXTURES}/${file}`]);
  const report = JSON.parse(run.stdout) as { findings: { line: number; column: number; ruleId: string; message: string }[] };
  return report.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
}

describe('kubefit lint: PersistentVolumeClaim, PersistentVolume, StorageClass, ResourceQuota, CSIDriver, IngressClass', () => {
  it('reports what the API server refuses, in its words (invalid-storage.yaml)', async () => {
    expect(await lint('invalid-storage.yaml')).toEqual([
      '8:16 api-validation: spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes',
      "9:21 api-validation: spec.storageClassName: Invalid value: \"Fast_SSD\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      '12:16 api-validation: spec.resources[storage]: Invalid value: "0": must be greater than zero',
      '19:3 api-validation: spec.nodeAffinity: Required value: Local volume requires node affinity',
      "23:11 api-validation: spec.local.path: Invalid value: \"/mnt/disks/../ssd1\": must not contain '..'",
      '30:16 api-validation: reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
      '39:11 api-validation: spec.hard[pods]: Invalid value: "10500m": must be an integer',
      '40:5 api-validation: spec.hard[storage]: Invalid value: "storage": must be a standard resource for quota',
      '47:15 api-validation: spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
    ]);
  });

  it('accepts the objects as their documentation shows them (valid-storage.yaml)', async () => {
    expect(await lint('valid-storage.yaml')).toEqual([]);
  });
});
