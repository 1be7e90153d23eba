// ResourceQuota objects in the inputs: the workloads of a namespace together must fit their hard limits.
import { defineRule } from '../src/lint/define-rule.js';
import { WORKLOADS, type LintIndex } from '../src/lint/lint-index.js';
import { containerItemDefaults, effectiveValues, podTotals } from '../src/lint/limit-range.js';
import { containerResources, isPodLevelResourcesSet } from '../src/lint/resources.js';
import { sharesNamespace } from '../src/model/apply-namespace.js';
import type { ItemDefaults } from '../src/model/limit-range-item.js';
import { asRecord, asStringMap, type KubeObject } from '../src/model/object.js';
import { addQuantities, compareQuantities, formatQuantity, parseQuantity, quantityFormat, type Quantity } from '../src/model/quantity.js';
import type { Workload } from '../src/model/workload.js';

interface Overrun {
  readonly workload: Workload;
  readonly quota: KubeObject;
  readonly resource: string;
  readonly total: Quantity;
  readonly hard: string;
}

/** A quota without scopes: it applies to every pod of its namespace (scoped quotas are not evaluated). */
function isUnscoped(quota: KubeObject): boolean {
  const spec = asRecord(quota.value['spec']);
  return spec?.['scopes'] === undefined && spec?.['scopeSelector'] === undefined;
}

/**
 * Quota keys for compute resources and pod count; scoped quotas are skipped. A pod's usage is counted as the quota
 * admission plugin sees it, after the LimitRanger plugin (which runs before it) filled in its namespace's defaults.
 */
// upstream: pkg/quota/v1/evaluator/core/pods.go podComputeUsageHelper; pkg/kubeapiserver/options/plugins.go (ResourceQuota last)
function demandOf(workload: Workload, resource: string, defaults: readonly ItemDefaults[]): Quantity | undefined {
  const count = typeof workload.replicas === 'number' ? BigInt(workload.replicas) : undefined;
  if (count === undefined) return undefined;
  if (resource === 'pods') return { numerator: count, denominator: 1n };
  const [field, name] = resource.startsWith('limits.') ? ['limits', resource.slice(7)] as const : ['requests', resource.replace(/^requests\./, '')] as const;
  const perPod = podTotals(workload, defaults, field).get(name);
  return perPod && { numerator: perPod.numerator * count, denominator: perPod.denominator };
}

/** The quota resources that make every container state its cpu or memory (a mistake upstream keeps for compatibility). */
// upstream: pkg/quota/v1/evaluator/core/pods.go validationSet, Constraints, enforcePodContainerConstraints
const VALIDATION_SET: ReadonlySet<string> = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/**
 * What the quota admission plugin refuses the workload's pods for: the cpu and memory requests and limits a quota on
 * them requires of every container and init container that lacks them after its LimitRange defaults, as
 * "limits.memory for: app; requests.cpu for: app,sidecar"; undefined when none is missing. A pod that sets pod-level
 * cpu or memory is not asked (PodLevelResources: container values are no longer mandatory).
 */
function missingConstraints(workload: Workload, quota: KubeObject, defaults: readonly ItemDefaults[]): string | undefined {
  if (isPodLevelResourcesSet(workload)) return undefined;
  const required = Object.keys(asStringMap(asRecord(quota.value['spec'])?.['hard'])).filter((name) => VALIDATION_SET.has(name));
  if (required.length === 0) return undefined;
  const missing = new Map<string, Set<string>>();
  for (const container of workload.containers) {
    if (container.type === 'ephemeralContainer') continue;
    const own = containerResources(container);
    const requests = effectiveValues(own, defaults, 'requests');
    const limits = effectiveValues(own, defaults, 'limits');
    const stated = (name: string) => (name.startsWith('limits.') ? limits[name.slice(7)] : requests[name.replace(/^requests\./, '')]) !== undefined;
    for (const name of required) if (!stated(name)) missing.set(name, (missing.get(name) ?? new Set()).add(container.name ?? ''));
  }
  if (missing.size === 0) return undefined;
  return [...missing.keys()].sort().map((name) => `${name} for: ${[...(missing.get(name) ?? [])].sort().join(',')}`).join('; ');
}

/**
 * The first unscoped quota sharing the workload's namespace whose constraints refuse its pods, and what they lack;
 * such pods are never created, so they count toward no quota.
 */
function refusal(index: LintIndex, workload: Workload): { readonly quota: KubeObject; readonly missing: string } | undefined {
  const defaults = containerItemDefaults(index, workload.object);
  for (const quota of index.nearby('ResourceQuota', workload.object).filter(isUnscoped)) {
    const missing = missingConstraints(workload, quota, defaults);
    if (missing) return { quota, missing };
  }
  return undefined;
}

/** The first workload, in input order, whose pods (those the quotas admit) take the namespace over each hard limit. */
function overruns(index: LintIndex, namespace: string): ReadonlyMap<Workload, Overrun[]> {
  return index.memo(`resourcequota:${namespace}`, () => {
    const found = new Map<Workload, Overrun[]>();
    const workloads = index.workloadsIn(namespace).filter((workload) => !refusal(index, workload));
    for (const quota of index.ofKind('ResourceQuota', namespace)) {
      if (!isUnscoped(quota)) continue;
      for (const [resource, hard] of Object.entries(asStringMap(asRecord(quota.value['spec'])?.['hard']))) {
        const limit = parseQuantity(hard);
        if (!limit || !/^(?:pods|cpu|memory|ephemeral-storage|(?:requests|limits)\.(?:cpu|memory|ephemeral-storage))$/.test(resource)) continue;
        let total: Quantity = { numerator: 0n, denominator: 1n };
        for (const workload of workloads.filter((candidate) => sharesNamespace(candidate.object, quota))) {
          const demand = demandOf(workload, resource, containerItemDefaults(index, workload.object));
          if (!demand) continue;
          total = addQuantities(total, demand);
          if (compareQuantities(total, limit) <= 0) continue;
          found.set(workload, [...(found.get(workload) ?? []), { workload, quota, resource, total, hard }]);
          break;
        }
      }
    }
    return found;
  });
}

export default defineRule({
  meta: {
    id: 'resourcequota',
    severity: 'error',
    category: 'resources',
    description: 'the workloads of a namespace together exceed a ResourceQuota of the inputs, or a pod lacks the cpu or memory requests and limits a quota requires',
    rationale:
      'The ResourceQuota admission plugin rejects a pod that would take its namespace over a hard limit, so the last workloads to scale up stay short of replicas. kubefit adds up requests (or limits, with the defaults the namespace\'s LimitRanges give containers that set none: the LimitRanger plugin runs before the quota) times replicas of the namespace\'s workloads in input order and reports the workload that crosses the limit. DaemonSets (their pod count depends on the nodes) and quotas with scopes are not counted. A quota on cpu or memory (requests or limits) also makes every container and init container state that value, after its LimitRange defaults: the plugin refuses the pod otherwise ("must specify limits.memory for: app"), unless the pod sets pod-level cpu or memory (spec.resources, PodLevelResources, on by default since 1.34).',
    remediation: 'Lower the requests or replicas of the namespace\'s workloads, or raise the ResourceQuota\'s hard limit.',
    defaultOn: true,
    queries: [WORKLOADS, 'ResourceQuota', 'LimitRange'],
    appliesTo: { target: 'podSpec' },
    messages: {
      exceeded: '{{kind}} takes {{resource}} in namespace "{{namespace}}" to {{total}}, above the hard limit {{hard}} of ResourceQuota "{{quota}}"',
      mustSpecify: '{{pods}} forbidden: failed quota: {{quota}}: must specify {{missing}}',
    },
  },
  check(workload, { index, report }) {
    const namespace = workload.object.ref.namespace;
    if (index.nearby('ResourceQuota', workload.object).length === 0) return;
    // the quota plugin checks a pod's constraints first: a refused pod is reported for that alone
    const refused = refusal(index, workload);
    if (refused) {
      const pods = workload.kind === 'Pod' ? `pods "${workload.object.ref.name}" is` : `the ${workload.kind}'s pods are`;
      report({ messageId: 'mustSpecify', data: { pods, quota: refused.quota.ref.name, missing: refused.missing }, at: workload.podSpecPath, on: 'key' });
      return;
    }
    for (const overrun of overruns(index, namespace).get(workload) ?? []) {
      const at = workload.object.has(['spec', 'replicas']) ? ['spec', 'replicas'] : workload.podSpecPath;
      report({
        messageId: 'exceeded',
        data: { kind: workload.kind, resource: overrun.resource, namespace, total: formatQuantity(overrun.total, quantityFormat(overrun.hard)), hard: overrun.hard, quota: overrun.quota.ref.name },
        at,
        on: 'key',
      });
    }
  },
});
