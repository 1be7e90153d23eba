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
  "12:9 api-validation: spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type",
  "16:7 api-validation: spec.containers[0].image: Required value",
  "18:17 invalid-port: spec.containers[0].ports[0].name: Invalid value: \"http-metrics-port\": must be no more than 15 characters",
  "20:17 invalid-port: spec.containers[0].ports[1].name: Invalid value: \"8080\": must contain at least one letter (a-z)",
  "23:26 invalid-port: spec.containers[0].ports[2].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
  "25:17 api-validation: spec.containers[0].volumeMounts[0].name: Not found: \"cache\"",
  "31:11 api-validation: spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
  "32:27 api-validation: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
  "34:9 api-validation: spec.containers[0].readinessProbe: Required value: must specify a handler type",
  "34:24 api-validation: spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0",
  "37:11 api-validation: spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1",
  "41:13 duplicate-container-name: spec.initContainers[0].name: Duplicate value: \"web\"",
  "45:17 api-validation: spec.tolerations[0].operator: Invalid value: \"gpu\": value must be empty when `operator` is 'Exists'",
  "47:17 api-validation: spec.tolerations[1].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
  "50:7 api-validation: spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: \"{zone, ScheduleAnyway}\"",
  "50:16 api-validation: spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
  "53:19 api-validation: spec.topologySpreadConstraints[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway",
];
