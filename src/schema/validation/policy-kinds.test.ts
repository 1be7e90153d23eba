import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../load/load-manifests.js';
import { validateObjects } from '../validate.js';

/** Every schema-stage finding of a fixture, as the CLI prints its position, id and message. */
async function check(file: string): Promise<string[]> {
  const { objects, findings } = await loadManifests([file], { cwd: 'fixtures/schema/validation' });
  expect(findings).toEqual([]);
  return validateObjects(objects, { kubernetesVersion: undefined, extraSchemas: new Map(), strictKinds: false })
    .map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
}

// The kinds of rbac.ts, policy.ts, autoscaling.ts, scheduling.ts and node.ts through the whole schema step
describe('API server validation of RBAC, PodDisruptionBudget, HorizontalPodAutoscaler, PriorityClass and RuntimeClass', () => {
  it('reports what the API server refuses, at the offending field (invalid-policy-kinds.yaml)', async () => {
    expect(await check('invalid-policy-kinds.yaml')).toEqual([
      '8:22 api-validation: rules[0].nonResourceURLs: Invalid value: ["/metrics"]: namespaced rules cannot apply to non-resource URLs',
      '17:9 api-validation: roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
      '20:5 api-validation: subjects[0].namespace: Required value',
      '29:3 api-validation: spec: Invalid value: {"MinAvailable":2,"Selector":{"matchLabels":{"app":"web"}},"MaxUnavailable":1,"UnhealthyPodEvictionPolicy":null}: minAvailable and maxUnavailable cannot be both set',
      '42:17 api-validation: spec.scaleTargetRef.apiVersion: Invalid value: "v1": apiVersion must specify API group',
      '46:16 api-validation: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`',
      '53:31 api-validation: spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0',
      '66:35 api-validation: spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0',
      "71:9 api-validation: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-critical-batch is not a known system priority class",
      '78:10 api-validation: handler: Invalid value: "run.sc": must not contain dots',
    ]);
  });

  it('accepts the same kinds as the API server does, defaults included (valid-policy-kinds.yaml)', async () => {
    expect(await check('valid-policy-kinds.yaml')).toEqual([]);
  });
});
