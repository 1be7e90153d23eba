import { describe, expect, it } from 'vitest';
import { SUCCESS, unresolvable } from '../framework.js';
import { toNodeInfo } from '../node-info.js';
import { node, place, pod, schedule } from '../integration-test-support.js';
import { clusterOf, objectOf, podInfoOf, runFilter } from '../test-support.js';
import plugin, { ERR_REASON_UNSATISFIED_REQUIREMENTS, requiredNodeFeatures } from './node-declared-features.js';

const restartAll = { action: 'RestartAllContainers', exitCodes: { operator: 'In', values: [42] } };
const restart = { action: 'Restart', exitCodes: { operator: 'In', values: [42] } };
const container = (rules: readonly object[] = []) => ({ name: 'c', image: 'app', ...(rules.length > 0 && { restartPolicy: 'Never', restartPolicyRules: rules }) });

function nodeDeclaring(features: readonly unknown[] | undefined) {
  const status = { allocatable: { cpu: '1', memory: '1Gi', pods: '10' }, ...(features && { declaredFeatures: features }) };
  return toNodeInfo(objectOf({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node' }, status }), [], []);
}

// upstream: component-helpers/nodedeclaredfeatures/features/restartallcontainers InferForScheduling (v1.36): a
// RestartAllContainers rule on a container or an init container needs RestartAllContainersOnContainerExits.
describe('NodeDeclaredFeatures inference', () => {
  it.each([
    ['no restart rules', { containers: [container()] }, []],
    ['a Restart rule only', { containers: [container([restart])] }, []],
    ['a RestartAllContainers rule on a container', { containers: [container([restart, restartAll])] }, ['RestartAllContainersOnContainerExits']],
    ['a RestartAllContainers rule on an init container', { initContainers: [container([restartAll])], containers: [container()] }, ['RestartAllContainersOnContainerExits']],
  ] as const)('%s', (_name, spec, want) => {
    expect(requiredNodeFeatures(spec)).toEqual(want);
  });
});

// upstream: plugins/nodedeclaredfeatures/nodedeclaredfeatures.go PreFilter (Skip without requirements) and Filter
// (the requirements must be a subset of the node's declared features, else UnschedulableAndUnresolvable with
// errReasonUnsatisfiedRequirements), default on from v1.36 (pkg/features NodeDeclaredFeatures: 1.35 alpha off, 1.36
// beta on).
describe('NodeDeclaredFeatures', () => {
  const needsFeature = { containers: [container([restartAll])] };
  it.each([
    ['v1.36: a pod without requirements fits a node declaring nothing', { containers: [container()] }, undefined, 36, SUCCESS],
    ['v1.36: the node declares the feature', needsFeature, ['RestartAllContainersOnContainerExits', 'X'], 36, SUCCESS],
    ['v1.36: the node declares other features only', needsFeature, ['GuaranteedQoSPodCPUResize'], 36, unresolvable(ERR_REASON_UNSATISFIED_REQUIREMENTS)],
    ['v1.36: the node declares nothing (older kubelet or gate off)', needsFeature, undefined, 36, unresolvable(ERR_REASON_UNSATISFIED_REQUIREMENTS)],
    ['v1.36: entries that are not names never match', needsFeature, [7, null, { name: 'RestartAllContainersOnContainerExits' }], 36, unresolvable(ERR_REASON_UNSATISFIED_REQUIREMENTS)],
    ['v1.36: the feature among entries that are not names', needsFeature, [7, 'RestartAllContainersOnContainerExits'], 36, SUCCESS],
    ['v1.35: the gate is off by default, the plugin does nothing', needsFeature, undefined, 35, SUCCESS],
  ] as const)('%s', (_name, spec, declared, minor, want) => {
    const node = nodeDeclaring(declared);
    expect(runFilter(plugin, podInfoOf(spec, {}, minor), node, clusterOf([node], minor))).toEqual(want);
    expect(ERR_REASON_UNSATISFIED_REQUIREMENTS).toBe("node(s) didn't match Pod's required features");
  });
});

// The whole scheduler (integration-test-support): the plugin runs after the others, and its nodes are
// UnschedulableAndUnresolvable, so preemption does not help on them.
describe('NodeDeclaredFeatures in the scheduler (v1.36)', () => {
  const declaring = (name: string, features?: readonly string[]) => {
    const doc = node({ name, capacity: { cpu: '4', memory: '8Gi' } });
    return { ...doc, status: { ...(doc['status'] as object), ...(features && { declaredFeatures: features }) } };
  };
  const needsFeature = pod({ name: 'p', requests: { cpu: '1' }, spec: { containers: [container([restartAll])] } });

  it('places the pod on the node that declares the feature', () => {
    expect(place([declaring('a'), declaring('b', ['RestartAllContainersOnContainerExits']), declaring('c', ['X']), needsFeature])).toEqual(['b']);
  });

  it("reports kube-scheduler's message when no node declares it", () => {
    const [result] = schedule([declaring('a'), declaring('b', ['X']), needsFeature]);
    expect(result?.message).toBe(
      "0/2 nodes are available: 2 node(s) didn't match Pod's required features. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });
});
