// NodeDeclaredFeatures: a pod whose spec needs a feature of the node's kubelet fits only nodes that declare it in
// status.declaredFeatures (beta and on by default from v1.36, kubernetes#136042; alpha and off in v1.35).
// upstream: pkg/scheduler/framework/plugins/nodedeclaredfeatures/nodedeclaredfeatures.go (v1.36) and
// component-helpers/nodedeclaredfeatures (Framework.InferForPodScheduling over features.AllFeatures)
import { asArray, asRecord } from '../../model/object.js';
import { SUCCESS, definePlugin, unresolvable } from '../framework.js';
import type { NodeInfo } from '../node-info.js';

export const ERR_REASON_UNSATISFIED_REQUIREMENTS = "node(s) didn't match Pod's required features";

/** The NodeDeclaredFeatures gate turned on by default (it is off before, so the plugin does nothing). */
export const NODE_DECLARED_FEATURES_SINCE = 36;

/** restartallcontainers.Feature: a container restart rule with action RestartAllContainers. */
const RESTART_ALL_CONTAINERS = 'RestartAllContainersOnContainerExits';

function hasRestartAllContainersRule(container: unknown): boolean {
  return asArray(asRecord(container)?.['restartPolicyRules']).some((rule) => asRecord(rule)?.['action'] === 'RestartAllContainers');
}

/**
 * The features a pod spec needs of its node (InferForScheduling of each registered feature). Of 1.36's registry only
 * RestartAllContainers infers a requirement for a pod API validation admits with the default gates: the rule's field
 * (restartPolicyRules, ContainerRestartRules gate) is beta and on by default from 1.35, its RestartAllContainers action
 * (RestartAllContainersOnContainerExits gate) from 1.36 (kubernetes#136681; alpha and off in 1.35). Host networking
 * with hostUsers false needs the alpha UserNamespacesHostNetworkSupport gate; the resize features infer on update only.
 */
export function requiredNodeFeatures(spec: Readonly<Record<string, unknown>>): readonly string[] {
  const restartsAll = asArray(spec['containers']).some(hasRestartAllContainersRule) || asArray(spec['initContainers']).some(hasRestartAllContainersRule);
  return restartsAll ? RESTART_ALL_CONTAINERS_ONLY : NO_FEATURES;
}

const RESTART_ALL_CONTAINERS_ONLY: readonly string[] = Object.freeze([RESTART_ALL_CONTAINERS]);
const NO_FEATURES: readonly string[] = Object.freeze([]);

/** node.status.declaredFeatures as the node has it (a few names at most, so searched, not indexed). */
function declaredFeatures(node: NodeInfo): readonly unknown[] {
  return asArray(asRecord(node.object.value['status'])?.['declaredFeatures']);
}

/** The features of `required` the node does not declare. */
export function undeclaredFeatures(node: NodeInfo, required: readonly string[]): readonly string[] {
  const declared = declaredFeatures(node);
  return required.filter((feature) => !declared.includes(feature));
}

export default definePlugin<readonly string[]>({
  name: 'NodeDeclaredFeatures',
  ignoresNodeUsage: true,
  preFilter: (pod, cluster) =>
    cluster.minor < NODE_DECLARED_FEATURES_SINCE || pod.requiredNodeFeatures.length === 0 ? { kind: 'skip' } : { kind: 'state', state: pod.requiredNodeFeatures },
  filter(_pod, node, required) {
    const declared = declaredFeatures(node);
    return required.every((feature) => declared.includes(feature)) ? SUCCESS : unresolvable(ERR_REASON_UNSATISFIED_REQUIREMENTS);
  },
  // The node's declared features are not part of its class key: such pods are filtered node by node.
  usesNodeName: () => true,
});
