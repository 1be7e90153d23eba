import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../load/load-manifests.js';
import { validateObjects } from '../validate.js';

const API_IDS = new Set(['api-validation', 'invalid-name', 'invalid-label', 'selector-mismatch', 'duplicate-container-name', 'invalid-port', 'invalid-restart-policy']);

async function check(file: string): Promise<string[]> {
  const { objects, findings } = await loadManifests([file], { cwd: 'fixtures/schema/validation' });
  expect(findings).toEqual([]);
  return validateObjects(objects, { kubernetesVersion: undefined, extraSchemas: new Map(), strictKinds: false })
    .filter((finding) => API_IDS.has(finding.ruleId))
    .map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
}

const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('ValidateObjectMeta', () => {
  it('ValidateObjectMeta: reports names per kind, label and annotation keys and values, missing names', async () => {
    expect(await check('invalid-object-meta.yaml')).toEqual([
      `5:9 invalid-name: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      `7:5 invalid-label: metadata.labels: Invalid value: "app name": ${NAME_PART}`,
      `8:11 invalid-label: metadata.labels: Invalid value: "front/end": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      `10:5 invalid-label: metadata.annotations: Invalid value: "example.com/a/b": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      `18:17 invalid-name: metadata.generateName: Invalid value: "Settings-": ${SUBDOMAIN}`,
      `23:9 invalid-name: metadata.name: Invalid value: "db.primary": must not contain dots`,
      `40:3 invalid-name: metadata.name: Required value: name or generateName is required`,
      `46:9 invalid-name: metadata.name: Invalid value: "a-very-long-cron-job-name-that-is-more-than-fifty-two": must be no more than 52 characters`,
    ]);
  });

  it('ValidateObjectMeta: accepts RBAC path-segment names, generateName, empty label values, mixed-case annotation keys', async () => {
    expect(await check('valid-object-meta.yaml')).toEqual([]);
  });
});

describe('ValidatePodSpec', () => {
  it('ValidatePodSpec: containers, ports, volumes, mounts, probes, tolerations, topology spread, resources', async () => {
    expect(await check('invalid-pod-spec.yaml')).toEqual(EXPECTED_POD_SPEC);
  });

  it('ValidatePodSpec: respects defaulting and StatefulSet volumeClaimTemplates as mount targets', async () => {
    expect(await check('valid-pod-spec.yaml')).toEqual([]);
  });
});

const EXPECTED_POD_SPEC: string[] = [
];
