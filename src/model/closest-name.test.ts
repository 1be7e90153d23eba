import { describe, expect, it } from 'vitest';
import { closestKind, closestName } from './closest-name.js';

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

describe('closestKind', () => {
  it.each([
    ['WorkflowRun', ['Workflow'], undefined],
    ['Pipeline', ['PipelineRun'], undefined],
    ['Deploymnt', ['Deployment', 'DeploymentRun'], 'Deployment'],
    ['Workflows', ['Workflow'], 'Workflow'],
  ])('%s among %j → %s', (kind, candidates, expected) => expect(closestKind(kind, candidates)).toBe(expected));
});
