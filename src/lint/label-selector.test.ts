import { describe, expect, it } from 'vitest';
import { matchesLabelSelector, selectsPods, selectsSomePods } from './label-selector.js';
import { toWorkload } from '../model/workload.js';
import { objectsFromYaml } from '../schedule/test-support.js';

describe('selectsPods', () => {
  const workload = (yaml: string) => {
    const [object] = objectsFromYaml(yaml);
    const found = object && toWorkload(object);
    if (!found) throw new Error('no workload');
    return found;
  };
  const web = workload('apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec:\n  replicas: 3\n  ordinals: {start: 1}\n  template:\n    metadata: {labels: {app: web, tier: front}}\n');
  it('needs every key of the template or of the labels its controller adds', () => {
    expect(selectsPods({ app: 'web' }, web)).toBe(true);
    expect(selectsPods({ app: 'web', tier: 'back' }, web)).toBe(false);
    expect(selectsPods({}, web)).toBe(false);
    // ordinals 1 to 3 (spec.ordinals.start), as strconv.Itoa writes them
    expect(selectsPods({ 'statefulset.kubernetes.io/pod-name': 'web-1' }, web)).toBe(true);
    expect(selectsPods({ 'statefulset.kubernetes.io/pod-name': 'web-3', app: 'web' }, web)).toBe(true);
    expect(selectsPods({ 'statefulset.kubernetes.io/pod-name': 'web-0' }, web)).toBe(false);
    expect(selectsPods({ 'statefulset.kubernetes.io/pod-name': 'web-4' }, web)).toBe(false);
    expect(selectsPods({ 'statefulset.kubernetes.io/pod-name': 'web-01' }, web)).toBe(false);
    expect(selectsPods({ 'apps.kubernetes.io/pod-index': '2' }, web)).toBe(true);
    expect(selectsPods({ 'controller-revision-hash': 'web-6f7b9c' }, web)).toBe(true);
    expect(selectsPods({ 'pod-template-hash': '6f7b9c' }, web)).toBe(false);
  });
  it('knows what a Job\'s, a CronJob\'s and a DeploymentConfig\'s pods carry', () => {
    const job = workload('apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  completions: 2\n  completionMode: Indexed\n  template: {metadata: {labels: {app: pi}}}\n');
    expect(selectsPods({ 'job-name': 'pi' }, job)).toBe(true);
    expect(selectsPods({ 'batch.kubernetes.io/job-name': 'pi', 'batch.kubernetes.io/job-completion-index': '1' }, job)).toBe(true);
    expect(selectsPods({ 'batch.kubernetes.io/job-completion-index': '2' }, job)).toBe(false);
    expect(selectsPods({ 'job-name': 'pi2' }, job)).toBe(false);
    const manual = workload('apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  manualSelector: true\n  template: {metadata: {labels: {app: pi}}}\n');
    expect(selectsPods({ 'job-name': 'pi' }, manual)).toBe(false);
    const cron = workload('apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: backup}\nspec:\n  jobTemplate: {spec: {template: {metadata: {labels: {app: backup}}}}}\n');
    expect(selectsPods({ 'job-name': 'backup-29403120' }, cron)).toBe(true);
    expect(selectsPods({ 'job-name': 'backup' }, cron)).toBe(false);
    const config = workload('apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata: {name: web}\nspec:\n  template: {metadata: {labels: {deploymentconfig: other}}}\n');
    expect(selectsPods({ deploymentconfig: 'web' }, config)).toBe(true);
    expect(selectsPods({ deploymentconfig: 'other' }, config)).toBe(false);
    expect(selectsPods({ deployment: 'web-3' }, config)).toBe(true);
  });
});

describe('selectsSomePods', () => {
  it('reads a LabelSelector against the labels the controllers add too', () => {
    const [object] = objectsFromYaml('apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  replicas: 2\n  template: {metadata: {labels: {app: db}}}\n');
    const db = object && toWorkload(object);
    if (!db) throw new Error('no workload');
    const expression = (operator: string, values?: string[]) => ({ matchExpressions: [{ key: 'statefulset.kubernetes.io/pod-name', operator, values }] });
    expect(selectsSomePods(expression('In', ['db-1', 'db-7']), db)).toBe(true);
    expect(selectsSomePods(expression('In', ['db-2']), db)).toBe(false);
    // db-1 is not in the list
    expect(selectsSomePods(expression('NotIn', ['db-0']), db)).toBe(true);
    expect(selectsSomePods(expression('Exists'), db)).toBe(true);
    expect(selectsSomePods(expression('DoesNotExist'), db)).toBe(false);
    expect(selectsSomePods({ matchLabels: { app: 'db' }, matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }] }, db)).toBe(false);
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
