// pkg/apis/core/validation for pod-level spec.resources (PodLevelResources): names, requests against limits, and the
// containers' totals against the pod-level values.
import { appendAll } from '../../model/append.js';
import { compareQuantities, formatQuantity } from '../../model/quantity.js';
import { aggregateContainerTotals, defaultPodRequests, isSupportedPodLevelResource, quantities, type ContainerRole, type Totals } from '../../model/resource-totals.js';
import { validateResourceRequirements } from './core-container.js';
import { forbidden, invalid, key, notSupported, pointing, toPath, type ErrorList, type FieldPath } from './field-error.js';
import { canonicalQuantity } from './quantity-string.js';
import { isHugePages, resourceNameErrors, resourceNameValue } from './resource-names.js';
import { arrayField, asRecord, recordField, stringField, type Fields } from './values.js';

// upstream: staging/src/k8s.io/component-helpers/resource/helpers.go SupportedPodLevelResources (as the message lists them)
const SUPPORTED_AT_POD_LEVEL = ['cpu', 'hugepages-', 'memory'];


/** The errors of spec.resources; `isPod` when SetDefaults_Pod gave the containers their limits as requests. */
// upstream: validation.go validatePodResources (v1.34 to v1.36)
export function validatePodResources(spec: Fields, field: FieldPath, isPod: boolean): ErrorList {
  const resources = recordField(spec, 'resources');
  if (!resources) return [];
  const at = field.concat('resources');
  if (stringField(recordField(spec, 'os'), 'name') === 'windows') return [forbidden(at, 'may not be set for a windows pod')];
  const errors: ErrorList = [];
  // upstream text as stored at 000f2605 (1.33); the 1.34+ file is not among the stored sources
  if (resources['claims'] != null) errors.push(forbidden([...at, 'claims'], 'claims cannot be set for Resources at pod-level'));
  const defaulted = isPod ? withDefaultRequests(spec, resources) : resources;
  appendAll(errors, validateResourceRequirements(defaulted, at, podResourceNameErrors));
  return appendAll(errors, podResourceConsistency(spec, defaulted, { field, isPod }));
}

/** A Pod's spec.resources as the API server validates it: SetDefaults_Pod has filled in the missing requests. */
// upstream: pkg/apis/core/v1/defaults.go SetDefaults_Pod, defaultPodRequests (gated by PodLevelResources)
function withDefaultRequests(spec: Fields, resources: Fields): Fields {
  const requests = recordField(resources, 'requests') ?? {};
  const limits = recordField(resources, 'limits') ?? {};
  const totals = containerTotals(spec, (own) => ({ ...own.limits, ...own.requests }));
  const added = [...defaultPodRequests(quantities(requests), quantities(limits), totals)].filter(([name]) => !(name in requests));
  if (added.length === 0) return resources;
  return { ...resources, requests: { ...requests, ...Object.fromEntries(added.map(([name, value]) => [name, formatQuantity(value, value.format)])) } };
}

// upstream: validation.go validatePodResourceName, validateResourceName
function podResourceNameErrors(name: string, field: FieldPath): ErrorList {
  const errors = resourceNameErrors(name, field);
  if (errors.length === 0 && !isSupportedPodLevelResource(name)) errors.push(notSupported(field, resourceNameValue(name), SUPPORTED_AT_POD_LEVEL));
  return errors;
}

/**
 * Each pod-level request at least the containers' total request, each pod-level hugepages limit at least their total
 * limit, each regular container's limit at most the pod-level one (at upstream's own path, `containers[i][name].limits`
 * under spec.resources; the finding points at the container's limit).
 */
// upstream: validation.go validatePodResourceConsistency (v1.34 to v1.36)
function podResourceConsistency(spec: Fields, resources: Fields, { field, isPod }: { field: FieldPath; isPod: boolean }): ErrorList {
  const errors: ErrorList = [];
  const at = field.concat('resources');
  const compare = (list: 'requests' | 'limits', totals: Totals, only: (name: string) => boolean): void => {
    const values = recordField(resources, list) ?? {};
    const pod = quantities(values);
    for (const [name, total] of totals) {
      const value = pod.get(name);
      if (!only(name) || !value || compareQuantities(total, value) <= 0) continue;
      const detail = `must be greater than or equal to aggregate container ${list} of ${formatQuantity(total, total.format)}`;
      errors.push(invalid([...at, list, key(name)], canonicalQuantity(values[name]), detail));
    }
  };
  compare('requests', containerTotals(spec, (own) => (isPod ? { ...own.limits, ...own.requests } : own.requests)), () => true);
  compare('limits', containerTotals(spec, (own) => own.limits), isHugePages);
  const podLimits = recordField(resources, 'limits') ?? {};
  const limitsOfPod = quantities(podLimits);
  arrayField(spec, 'containers').forEach((entry, index) => {
    const limits = recordField(recordField(asRecord(entry), 'resources'), 'limits') ?? {};
    for (const [name, limit] of quantities(limits)) {
      const podLimit = limitsOfPod.get(name);
      if (!podLimit || compareQuantities(limit, podLimit) <= 0) continue;
      const error = invalid([...at, 'containers', index, key(name), 'limits'], canonicalQuantity(limits[name]), `must be less than or equal to pod limits of ${canonicalQuantity(podLimits[name])}`);
      errors.push(pointing(error, [...toPath(field), 'containers', index, 'resources', 'limits', name]));
    }
  });
  return errors;
}

interface OwnResources {
  readonly requests: Readonly<Record<string, unknown>>;
  readonly limits: Readonly<Record<string, unknown>>;
}

/** AggregateContainerRequests or AggregateContainerLimits of the spec's init and regular containers. */
function containerTotals(spec: Fields, valuesOf: (own: OwnResources) => Readonly<Record<string, unknown>>): Totals {
  const containers: { role: ContainerRole; values: Totals }[] = [];
  for (const [list, isInit] of [['initContainers', true], ['containers', false]] as const) {
    for (const entry of arrayField(spec, list)) {
      const container = asRecord(entry);
      const resources = recordField(container, 'resources');
      const own = { requests: recordField(resources, 'requests') ?? {}, limits: recordField(resources, 'limits') ?? {} };
      const role: ContainerRole = !isInit ? 'container' : container?.['restartPolicy'] === 'Always' ? 'sidecar' : 'init';
      containers.push({ role, values: quantities(valuesOf(own)) });
    }
  }
  return aggregateContainerTotals(containers);
}
