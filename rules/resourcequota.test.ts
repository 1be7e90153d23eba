import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './resourcequota.js';

const QUOTA = `
  ---
  apiVersion: v1
  kind: ResourceQuota
  metadata: {name: team-quota, namespace: team}
  spec:
    hard: {requests.cpu: "2", limits.memory: 4Gi, pods: "10"}
`;

/** A Deployment whose container states nothing, its namespace's LimitRange defaults (limits, requests), and the quota. */
function defaultedDeployment(limits: string, requests: string, replicas: number): string {
  return `
  apiVersion: v1
  kind: LimitRange
  metadata: {name: defaults, namespace: team}
  spec:
    limits: [{type: Container, default: ${limits}, defaultRequest: ${requests}}]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: team}
  spec:
    replicas: ${replicas}
    template: {spec: {containers: [{name: c, image: "c:1"}]}}
${QUOTA}`;
}

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'pod-level resources, which spare the containers', fixture: 'fixtures/rules/resourcequota/valid-pod-level-resources.yaml' },
    {
      name: 'exactly at the limit; scoped quotas are not evaluated',
      code: `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: team}
  spec:
    replicas: 4
    template: {spec: {containers: [{name: c, image: "c:1", resources: {requests: {cpu: 500m}, limits: {memory: 1Gi}}}]}}
  ---
  apiVersion: v1
  kind: ResourceQuota
  metadata: {name: best-effort, namespace: team}
  spec:
    hard: {pods: "1"}
    scopes: [BestEffort]
${QUOTA}`,
    },
    {
      name: 'a LimitRange default gives the containers the limit and request a quota on them requires',
      code: defaultedDeployment('{memory: 256Mi}', '{cpu: 100m}', 1),
    },
  ],
  invalid: [
    {
      name: 'pod-level resources count toward the quota',
      fixture: 'fixtures/rules/resourcequota/invalid-pod-level-resources-exceed.yaml',
      errors: [{ messageId: 'exceeded', line: 13, column: 3, data: { kind: 'Deployment', resource: 'requests.cpu', namespace: 'team', total: '2400m', hard: '2', quota: 'team-quota' } }],
    },
    {
      name: 'a pod the quota refuses for a missing limit counts toward no quota (the next one fits)',
      code: `
  apiVersion: v1
  kind: Pod
  metadata: {name: a, namespace: team}
  spec:
    containers: [{name: app, image: "a:1", resources: {requests: {cpu: 1500m}}}]
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: b, namespace: team}
  spec:
    containers: [{name: app, image: "b:1", resources: {requests: {cpu: 900m}, limits: {memory: 1Gi}}}]
${QUOTA}`,
      errors: [{ messageId: 'mustSpecify', line: 4, column: 1, data: { pods: 'pods "a" is', quota: 'team-quota', missing: 'limits.memory for: app' } }],
    },
    {
      name: 'a quota on requests.cpu and limits.memory refuses pods whose containers do not state them',
      code: `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: team}
  spec:
    template:
      spec:
        initContainers: [{name: setup, image: "s:1", resources: {requests: {cpu: 100m}}}]
        containers: [{name: app, image: "a:1", resources: {limits: {memory: 1Gi}}}, {name: proxy, image: "p:1", resources: {requests: {cpu: 50m}, limits: {memory: 64Mi}}}]
${QUOTA}`,
      errors: [{ messageId: 'mustSpecify', line: 6, column: 5, data: { pods: "the Deployment's pods are", quota: 'team-quota', missing: 'limits.memory for: setup; requests.cpu for: app' } }],
    },
    {
      name: 'the second workload crosses requests.cpu and limits.memory',
      code: `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: team}
  spec:
    replicas: 3
    template: {spec: {containers: [{name: c, image: "c:1", resources: {requests: {cpu: 500m}, limits: {memory: 1Gi}}}]}}
  ---
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db, namespace: team}
  spec:
    replicas: 2
    template: {spec: {containers: [{name: c, image: "c:1", resources: {limits: {cpu: 300m, memory: 1Gi}}}]}}
${QUOTA}`,
      errors: [
        { messageId: 'exceeded', line: 12, column: 3, data: { kind: 'StatefulSet', resource: 'requests.cpu', namespace: 'team', total: '2100m', hard: '2', quota: 'team-quota' } },
        { messageId: 'exceeded', line: 12, column: 3, data: { kind: 'StatefulSet', resource: 'limits.memory', namespace: 'team', total: '5Gi', hard: '4Gi', quota: 'team-quota' } },
      ],
    },
    {
      name: 'the namespace\'s LimitRange gives the containers that request nothing its defaults before the quota counts them',
      code: defaultedDeployment('{memory: 800Mi}', '{cpu: 600m}', 4),
      errors: [
        { messageId: 'exceeded', line: 11, column: 3, data: { kind: 'Deployment', resource: 'requests.cpu', namespace: 'team', total: '2400m', hard: '2', quota: 'team-quota' } },
      ],
    },
  ],
});
