// Replicas the scheduler may put on one node all go down with that node.
import { AUTOSCALER_QUERIES } from '../src/lint/hpa.js';
import type { Path } from '../src/model/document.js';
import { defineRule } from '../src/lint/define-rule.js';
import { selectsSomePods } from '../src/lint/label-selector.js';
import { replicaCount } from '../src/lint/replicas.js';
import { isEmptySelector, toLabelSelector } from '../src/model/labels.js';
import { asArray, asRecord } from '../src/model/object.js';
import { defaultedHostPort } from '../src/model/pod-defaults.js';
import { isRegularOrSidecar, type Workload } from '../src/model/workload.js';

interface AntiAffinityTerm {
  readonly term: Readonly<Record<string, unknown>>;
  readonly path: Path;
}

/** Required terms and the podAffinityTerm of each preferred one. */
function antiAffinityTerms(workload: Workload): AntiAffinityTerm[] {
  const base = workload.podSpecPath.concat('affinity', 'podAntiAffinity');
  const antiAffinity = asRecord(asRecord(workload.podSpec['affinity'])?.['podAntiAffinity']);
  const required = asArray(antiAffinity?.['requiredDuringSchedulingIgnoredDuringExecution']).map((term, index) => ({ term: asRecord(term), path: base.concat('requiredDuringSchedulingIgnoredDuringExecution', index) }));
  const preferred = asArray(antiAffinity?.['preferredDuringSchedulingIgnoredDuringExecution']).map((entry, index) => ({
    term: asRecord(asRecord(entry)?.['podAffinityTerm']),
    path: base.concat('preferredDuringSchedulingIgnoredDuringExecution', index, 'podAffinityTerm'),
  }));
  return [...required, ...preferred].flatMap(({ term, path }) => (term ? [{ term, path }] : []));
}

type TermProblem = { readonly messageId: 'termMissesOwnPods' | 'termExcludesNamespace' | 'constraintMissesOwnPods'; readonly at: Path } | undefined;

/**
 * Why a term does not keep the workload's own replicas apart: its selector misses their labels (matchLabelKeys take
 * their values from the pod, so they always match), or its namespaces leave out the pod's own.
 */
// upstream: pkg/scheduler/framework/types.go newAffinityTerm (an empty namespaces list and no selector = own namespace)
function termProblem(workload: Workload, { term, path }: AntiAffinityTerm): TermProblem {
  if (!selectsSomePods(term['labelSelector'], workload)) return { messageId: 'termMissesOwnPods', at: path.concat('labelSelector') };
  const namespaces = asArray(term['namespaces']);
  if (namespaces.length > 0 && term['namespaceSelector'] === undefined && !namespaces.includes(workload.object.ref.namespace)) {
    return { messageId: 'termExcludesNamespace', at: path.concat('namespaces') };
  }
  return undefined;
}

/**
 * Why a topology spread constraint does not spread the workload's own replicas: its labelSelector misses their labels,
 * or is empty or absent without matchLabelKeys to fill it, so the scheduler counts no pod in any domain and every
 * placement has the same skew.
 */
// upstream: podtopologyspread common.go countPodsMatchSelector (an empty selector counts nothing); apimachinery
// LabelSelectorAsSelector (an absent one selects nothing)
function constraintProblem(workload: Workload, constraint: unknown, path: Path): TermProblem {
  const record = asRecord(constraint);
  const selector = toLabelSelector(record?.['labelSelector']);
  const spreads = selector.requirements === null || isEmptySelector(selector) ? asArray(record?.['matchLabelKeys']).length > 0 : selectsSomePods(record?.['labelSelector'], workload);
  return spreads ? undefined : { messageId: 'constraintMissesOwnPods', at: record?.['labelSelector'] === undefined ? path : path.concat('labelSelector') };
}

/**
 * Whether two replicas can never share a node: a container (or a sidecar) claims a host port, which NodePorts refuses
 * on a node where it is taken ("node(s) didn't have free ports for the requested pod ports"); with hostNetwork every
 * containerPort is one.
 */
// upstream: pkg/scheduler/framework/plugins/nodeports/node_ports.go Filter; pkg/apis/core/v1/defaults.go defaultHostNetworkPorts
function claimsHostPort(workload: Workload): boolean {
  const hostNetwork = workload.podSpec['hostNetwork'] === true;
  return workload.containers.some(
    (container) =>
      isRegularOrSidecar(container) &&
      asArray(container.value['ports']).some((port) => {
        const hostPort = defaultedHostPort(port, hostNetwork);
        return typeof hostPort === 'number' && hostPort > 0;
      }),
  );
}

export default defineRule({
  meta: {
    id: 'pod-anti-affinity',
    severity: 'warning',
    category: 'reliability',
    description: 'workload with several replicas is not spread: no topology spread constraint or pod anti-affinity term that selects its own pods',
    rationale:
      'The default scheduler spreads replicas only as a soft preference, after resources and other scores, so several replicas can end up on one node or in one zone and fail together. A podAntiAffinity term or a topologySpreadConstraint makes the spread explicit, but a term spreads the replicas only when its labelSelector matches the pod\'s own labels and its namespaces include the pod\'s namespace; a term that keeps the pods away from another application does not. Likewise a constraint spreads them only when its labelSelector matches their labels; an empty or absent labelSelector counts no pod (unless matchLabelKeys fill it), so it spreads nothing, and a podAntiAffinity without terms spreads nothing either. Replicas that claim a host port (or run with hostNetwork and a containerPort) never share a node, so they are spread already. Only workloads with at least minReplicas replicas (or an HorizontalPodAutoscaler minReplicas that high) are checked.',
    remediation: 'Add a topologySpreadConstraint on kubernetes.io/hostname (and topology.kubernetes.io/zone), or a preferred podAntiAffinity term, selecting the workload\'s own pod labels.',
    defaultOn: true,
    queries: [...AUTOSCALER_QUERIES],
    appliesTo: { target: 'podSpec', kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DeploymentConfig', 'Rollout'] },
    messages: {
      notSpread: '{{kind}} runs {{replicas}} replicas with neither podAntiAffinity nor topologySpreadConstraints',
      termMissesOwnPods: 'podAntiAffinity term does not select the pod\'s own labels, so the {{replicas}} replicas of this {{kind}} are not spread',
      termExcludesNamespace: 'podAntiAffinity term looks only in other namespaces than "{{namespace}}", so the {{replicas}} replicas of this {{kind}} are not spread',
      constraintMissesOwnPods: 'topologySpreadConstraint does not select the pod\'s own labels, so the {{replicas}} replicas of this {{kind}} are not spread',
    },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { minReplicas: { type: 'integer', minimum: 2, description: 'Fewest replicas for which the rule asks for a spread.' } },
      },
      defaults: { minReplicas: 2 },
    },
  },
  check(workload, { index, options, report }) {
    const replicas = replicaCount(workload, index);
    if (!replicas || replicas.count < options.minReplicas || claimsHostPort(workload)) return;
    const data = { kind: workload.kind, replicas: replicas.count };
    const constraintsPath = workload.podSpecPath.concat('topologySpreadConstraints');
    const problems = [
      ...asArray(workload.podSpec['topologySpreadConstraints']).map((constraint, index) => constraintProblem(workload, constraint, constraintsPath.concat(index))),
      ...antiAffinityTerms(workload).map((term) => termProblem(workload, term)),
    ];
    if (problems.length === 0) report({ messageId: 'notSpread', data, at: replicas.at, on: replicas.source === 'replicas' ? 'value' : 'key' });
    if (problems.some((problem) => problem === undefined)) return;
    for (const problem of problems) {
      if (problem?.messageId === 'termExcludesNamespace') report({ messageId: problem.messageId, data: { ...data, namespace: workload.object.ref.namespace }, at: problem.at, on: 'key' });
      else if (problem) report({ messageId: problem.messageId, data, at: problem.at, on: 'key' });
    }
  },
});
