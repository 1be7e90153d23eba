// Pod resource requests as the scheduler computes them (component-helpers resource.PodRequests, framework.Resource).
import { appendAll } from '../model/append.js';
import type { Path } from '../model/document.js';
import { IdentityTrie } from '../model/identity-trie.js';
import { asArray, asRecord } from '../model/object.js';
import { addQuantities, ceilMilliValue, ceilValue, compareQuantities, parseResourceQuantity, type Quantity } from '../model/quantity.js';
import { defaultPodRequests, isSupportedPodLevelResource } from '../model/resource-totals.js';

/** Amounts in the scheduler's units: cpu in millicores, everything else in whole units (both rounded up). */
export type ResourceAmounts = Readonly<Record<string, bigint>>;

/** A quantity the API server would reject; the scheduler treats it as absent. */
export interface QuantityProblem {
  readonly path: Path;
  readonly value: unknown;
}

type ResourceList = Map<string, Quantity>;

export const CPU = 'cpu';
export const MEMORY = 'memory';
export const EPHEMERAL_STORAGE = 'ephemeral-storage';
export const PODS = 'pods';
/** Scoring's stand-ins for a container without requests (pkg/scheduler/util DefaultMilliCPURequest/DefaultMemoryRequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100n;
export const DEFAULT_MEMORY_REQUEST = 200n * 1024n * 1024n;

/** A path built only when a problem needs it (most resource lists have none). */
type LazyPath = Path | (() => Path);

function pathOf(path: LazyPath): Path {
  return typeof path === 'function' ? path() : path;
}

/** Reads a ResourceList mapping; malformed and negative quantities are reported and left out. */
export function readResourceList(value: unknown, path: LazyPath, problems: QuantityProblem[]): ResourceList {
  const list: ResourceList = new Map();
  const record = asRecord(value);
  if (!record) return list;
  for (const name in record) {
    const raw = record[name];
    const quantity = parseResourceQuantity(raw);
    if (quantity) list.set(name, quantity);
    else problems.push({ path: [...pathOf(path), name], value: raw });
  }
  return list;
}

/** requests, defaulted per resource from limits as API defaulting does for Pods. */
function requestsWithDefaults(resources: unknown, path: () => Path, problems: QuantityProblem[]): ResourceList {
  const record = asRecord(resources);
  const requests = readResourceList(record?.['requests'], () => [...path(), 'requests'], problems);
  if (record?.['limits'] === undefined) return requests;
  const limits = readResourceList(record['limits'], () => [...path(), 'limits'], problems);
  for (const [name, quantity] of limits) if (!requests.has(name)) requests.set(name, quantity);
  return requests;
}

function addInto(target: ResourceList, source: ReadonlyMap<string, Quantity>): void {
  for (const [name, quantity] of source) {
    const current = target.get(name);
    target.set(name, current ? addQuantities(current, quantity) : quantity);
  }
}

function maxInto(target: ResourceList, source: ReadonlyMap<string, Quantity>): void {
  for (const [name, quantity] of source) {
    const current = target.get(name);
    if (!current || compareQuantities(quantity, current) > 0) target.set(name, quantity);
  }
}

/** A pod's requests, and the same with scoring's defaults for containers that set no cpu or memory request. */
export interface PodRequests {
  readonly requests: ResourceAmounts;
  /**
   * The pod's requests as NodeResourcesFit's score reads them: every container that sets no cpu or memory request
   * counted at 100m / 200Mi (upstream: resourceAllocationScorer.calculatePodResourceRequest).
   */
  readonly nonZeroRequests: ResourceAmounts;
  /**
   * What the pod adds to its node's NonZeroRequested (upstream: framework PodInfo.calculateResource). The same as
   * nonZeroRequests unless the pod sets pod-level requests: then only a resource that neither the containers nor the
   * pod level request gets the defaults (getNonMissingContainerRequests).
   */
  readonly boundNonZeroRequests: ResourceAmounts;
  /** The part of `requests` that is spec.overhead (a RuntimeClass's), which no container request can shrink. */
  readonly overhead: ResourceAmounts;
}

/**
 * What a running pod's status says its containers hold (in-place resize: InPlacePodVerticalScaling, on by default from
 * v1.33): per container name, the status's resources.requests and allocatedResources.
 */
export interface StatusResources {
  readonly containers: ReadonlyMap<string, { readonly requests: ResourceList; readonly allocated: ResourceList }>;
  /** The pod's first PodResizePending condition says Infeasible: the spec's new requests will not be applied. */
  readonly infeasible: boolean;
}

/**
 * The resources a pod's status reports for its containers and restartable init containers, or undefined when it
 * reports none (a container status without `resources` is skipped, as upstream skips a nil cs.Resources).
 */
export function statusResources(status: unknown, problems: QuantityProblem[]): StatusResources | undefined {
  const record = asRecord(status);
  // most pods of a snapshot report no container statuses at all (nothing to read, nothing to allocate)
  if (record?.['containerStatuses'] === undefined && record?.['initContainerStatuses'] === undefined) return undefined;
  const containers = new Map<string, { requests: ResourceList; allocated: ResourceList }>();
  for (const field of ['containerStatuses', 'initContainerStatuses']) {
    asArray(record?.[field]).forEach((entry, index) => {
      const containerStatus = asRecord(entry);
      const name = containerStatus?.['name'];
      const resources = asRecord(containerStatus?.['resources']);
      if (typeof name !== 'string' || !resources) return;
      const path = ['status', field, index];
      containers.set(name, {
        requests: readResourceList(resources['requests'], () => [...path, 'resources', 'requests'], problems),
        allocated: readResourceList(containerStatus?.['allocatedResources'], () => [...path, 'allocatedResources'], problems),
      });
    });
  }
  if (containers.size === 0) return undefined;
  const resizePending = asArray(record?.['conditions']).map(asRecord).find((condition) => condition?.['type'] === 'PodResizePending');
  return { containers, infeasible: resizePending?.['reason'] === 'Infeasible' };
}

/**
 * A container's requests as the scheduler counts them while a resize may be under way: the largest of what the spec
 * asks, what the status reports and what the kubelet allocated; only the latter two when the resize is infeasible.
 * upstream: component-helpers/resource/helpers.go determineContainerReqs
 */
function withStatusRequests(requests: ResourceList, name: unknown, status: StatusResources | undefined): ResourceList {
  const reported = typeof name === 'string' ? status?.containers.get(name) : undefined;
  if (!status || !reported) return requests;
  const out: ResourceList = new Map(status.infeasible ? reported.requests : requests);
  if (!status.infeasible) maxInto(out, reported.requests);
  maxInto(out, reported.allocated);
  return out;
}

/** The requests a pod spec declares, each container read once (what both aggregates are computed from). */
interface DeclaredRequests {
  readonly containers: readonly ResourceList[];
  readonly initContainers: readonly { readonly requests: ResourceList; readonly restartable: boolean }[];
  readonly podLevel: ResourceList | undefined;
  readonly overhead: ResourceList;
}

/**
 * The pod's requests and non-zero requests; malformed quantities go to `problems` once.
 * podLevelResources: pod-level spec.resources replaces the container aggregate for cpu, memory and hugepages (v1.34+).
 */
export function podRequests(
  spec: Readonly<Record<string, unknown>>,
  specPath: Path,
  podLevelResources: boolean,
  problems: QuantityProblem[],
  status?: StatusResources,
): PodRequests {
  const declared = declaredRequests(spec, specPath, podLevelResources, problems, status);
  const total = totalRequests(declared, NO_DEFAULTS);
  const requests = toAmounts(total);
  const nonZeroRequests = toAmounts(totalRequests(declared, NON_ZERO_RESOURCES));
  const defaulted = nonMissingContainerRequests(declared, total);
  const boundNonZeroRequests = defaulted === NON_ZERO_RESOURCES ? nonZeroRequests : defaulted.length === 0 ? requests : toAmounts(totalRequests(declared, defaulted));
  return { requests, nonZeroRequests, boundNonZeroRequests, overhead: declared.overhead.size > 0 ? toAmounts(declared.overhead) : NO_OVERHEAD };
}

const NO_OVERHEAD: ResourceAmounts = {};

/** The resources scoring counts at a default for a container that does not request them. */
const NON_ZERO_RESOURCES: readonly string[] = [CPU, MEMORY];
const NO_DEFAULTS: readonly string[] = [];

/**
 * The resources NodeInfo counts at their defaults for the containers that do not request them: cpu and memory, or,
 * for a pod with pod-level requests, those of the two the pod's requests (`total`) lack.
 */
// upstream: pkg/scheduler/framework/types.go getNonMissingContainerRequests (v1.34+, PodLevelResources)
function nonMissingContainerRequests(declared: DeclaredRequests, total: ReadonlyMap<string, Quantity>): readonly string[] {
  const podLevelRequestsSet = declared.podLevel !== undefined && [...declared.podLevel.keys()].some(isSupportedPodLevelResource);
  return podLevelRequestsSet ? NON_ZERO_RESOURCES.filter((name) => !total.has(name)) : NON_ZERO_RESOURCES;
}

/**
 * podRequests of many pods that declare the same resources (a DaemonSet's pod on every node of a cluster snapshot),
 * worked out once per distinct declaration: the pods share the amounts, which are never changed.
 */
export class PodRequestsMemo {
  readonly #byDeclaration = new Map<string, PodRequests>();
  /**
   * By the identity of each value declarationKey spells (cluster values share equal ones, see load/shared-values.ts):
   * not by the container lists, which differ in each pod's own volumeMounts (kube-api-access-<random>).
   */
  readonly #byParts = new IdentityTrie<PodRequests>();

  podRequests(spec: Readonly<Record<string, unknown>>, specPath: Path, podLevelResources: boolean, problems: QuantityProblem[]): PodRequests {
    const parts = declarationParts(this.#byParts, spec, podLevelResources);
    const shared = parts.get();
    if (shared) return shared;
    const key = declarationKey(spec, podLevelResources);
    const known = this.#byDeclaration.get(key);
    if (known) {
      parts.set(known);
      return known;
    }
    const found: QuantityProblem[] = [];
    const requests = podRequests(spec, specPath, podLevelResources, found);
    // a malformed quantity is reported for every pod that has it, so such declarations are not memoised
    if (found.length > 0) appendAll(problems, found);
    else {
      this.#byDeclaration.set(key, requests);
      parts.set(requests);
    }
    return requests;
  }
}

/** The trie level of what declarationKey reads, value by value; the counts keep containers apart from init containers. */
function declarationParts<T>(trie: IdentityTrie<T>, spec: Readonly<Record<string, unknown>>, podLevelResources: boolean): IdentityTrie<T> {
  const containers = asArray(spec['containers']);
  const initContainers = asArray(spec['initContainers']);
  let level = trie.at(spec['overhead']).at(podLevelResources ? spec['resources'] : undefined).at(containers.length).at(initContainers.length);
  for (const container of containers) level = level.at(asRecord(container)?.['resources']);
  for (const container of initContainers) {
    const record = asRecord(container);
    level = level.at(record?.['resources']).at(record?.['restartPolicy']);
  }
  return level;
}

/** Everything podRequests reads from a pod spec, as text. */
function declarationKey(spec: Readonly<Record<string, unknown>>, podLevelResources: boolean): string {
  const containers = asArray(spec['containers']).map((container) => asRecord(container)?.['resources']);
  const initContainers = asArray(spec['initContainers']).map((container) => {
    const record = asRecord(container);
    return [record?.['resources'], record?.['restartPolicy']];
  });
  return JSON.stringify([spec['overhead'], podLevelResources ? spec['resources'] : undefined, containers, initContainers]);
}

function declaredRequests(
  spec: Readonly<Record<string, unknown>>,
  specPath: Path,
  podLevelResources: boolean,
  problems: QuantityProblem[],
  status: StatusResources | undefined,
): DeclaredRequests {
  const containers = asArray(spec['containers']).map((container, index) =>
    withStatusRequests(containerRequests(container, () => [...specPath, 'containers', index], problems), asRecord(container)?.['name'], status),
  );
  const initContainers = asArray(spec['initContainers']).map((container, index) => {
    const requests = containerRequests(container, () => [...specPath, 'initContainers', index], problems);
    // only a sidecar (restartable init container) is resized in place
    const restartable = asRecord(container)?.['restartPolicy'] === 'Always';
    return { requests: restartable ? withStatusRequests(requests, asRecord(container)?.['name'], status) : requests, restartable };
  });
  const overhead = readResourceList(spec['overhead'], () => [...specPath, 'overhead'], problems);
  if (!podLevelResources) return { containers, initContainers, podLevel: undefined, overhead };
  const podLevel = podLevelRequests(spec['resources'], () => [...specPath, 'resources'], { containers, initContainers }, problems);
  return { containers, initContainers, podLevel, overhead };
}

/**
 * The pod-level requests of the Pod the API server stores (v1.34+): a request missing beside a pod-level limit is the
 * containers' total request when they request the resource (hugepages aside), else the limit.
 */
// upstream: pkg/apis/core/v1/defaults.go SetDefaults_Pod, defaultPodRequests
function podLevelRequests(resources: unknown, path: () => Path, declared: Pick<DeclaredRequests, 'containers' | 'initContainers'>, problems: QuantityProblem[]): ResourceList {
  const record = asRecord(resources);
  const requests = readResourceList(record?.['requests'], () => [...path(), 'requests'], problems);
  if (record?.['limits'] === undefined) return requests;
  const limits = readResourceList(record['limits'], () => [...path(), 'limits'], problems);
  return defaultPodRequests(requests, limits, aggregateContainers(declared, (list) => list));
}

/**
 * max(sum(containers) + sum(restartable init containers), max_i(init[i] + restartable init before i)), the pod-level
 * requests replacing it where set, + overhead.
 * upstream: component-helpers/resource/helpers.go AggregateContainerRequests, PodRequests (v1.35)
 */
function totalRequests(declared: DeclaredRequests, defaulted: readonly string[]): ResourceList {
  const requests = aggregateContainers(declared, (list) => withNonZeroDefaults(list, defaulted));
  if (declared.podLevel) applyPodLevelRequests(requests, declared.podLevel);
  addInto(requests, declared.overhead);
  return requests;
}

/** The containers' requests, each as `own` reads it: regular containers and sidecars add up, init containers take the max. */
// upstream: component-helpers/resource/helpers.go AggregateContainerRequests
function aggregateContainers(declared: Pick<DeclaredRequests, 'containers' | 'initContainers'>, own: (list: ResourceList) => ResourceList): ResourceList {
  const requests: ResourceList = new Map();
  for (const container of declared.containers) addInto(requests, own(container));
  const restartable: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const container of declared.initContainers) {
    const list = own(container.requests);
    if (container.restartable) {
      addInto(requests, list);
      addInto(restartable, list);
      maxInto(initMax, restartable);
    } else {
      const total: ResourceList = new Map(list);
      addInto(total, restartable);
      maxInto(initMax, total);
    }
  }
  maxInto(requests, initMax);
  return requests;
}

/** A container's requests, defaulted from its limits (what the API server stores). */
export function containerRequests(container: unknown, path: () => Path, problems: QuantityProblem[]): ResourceList {
  return requestsWithDefaults(asRecord(container)?.['resources'], () => [...path(), 'resources'], problems);
}

/** A container's requests with scoring's defaults for the `defaulted` resources (cpu, memory) it does not request. */
// upstream: component-helpers/resource/helpers.go applyNonMissing
function withNonZeroDefaults(requests: ResourceList, defaulted: readonly string[]): ResourceList {
  if (defaulted.every((name) => requests.has(name))) return requests;
  const out: ResourceList = new Map(requests);
  if (defaulted.includes(CPU) && !out.has(CPU)) out.set(CPU, { numerator: DEFAULT_MILLI_CPU_REQUEST, denominator: 1000n });
  if (defaulted.includes(MEMORY) && !out.has(MEMORY)) out.set(MEMORY, { numerator: DEFAULT_MEMORY_REQUEST, denominator: 1n });
  return out;
}

function applyPodLevelRequests(requests: ResourceList, podLevel: ResourceList): void {
  for (const [name, quantity] of podLevel) {
    if (isSupportedPodLevelResource(name)) requests.set(name, quantity);
  }
}

/** framework.Resource: cpu in millicores, known and scalar resources in units; other names are not scheduled. */
export function toAmounts(list: ReadonlyMap<string, Quantity>): ResourceAmounts {
  const amounts: Record<string, bigint> = {};
  for (const [name, quantity] of list) {
    if (name === CPU) amounts[name] = ceilMilliValue(quantity);
    else if (name === MEMORY || name === EPHEMERAL_STORAGE || name === PODS || isScalarResourceName(name)) {
      amounts[name] = ceilValue(quantity);
    }
  }
  return amounts;
}

/** Extended (domain-prefixed), prefixed native, hugepages-* and attachable-volumes-* resources. */
export function isScalarResourceName(name: string): boolean {
  return name.includes('/') || name.startsWith('hugepages-') || name.startsWith('attachable-volumes-');
}

export function addAmounts(a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts {
  const out: Record<string, bigint> = { ...a };
  addAmountsInto(out, b);
  return out;
}

/** Adds `b` into `target` in place. */
export function addAmountsInto(target: Record<string, bigint>, b: ResourceAmounts): void {
  for (const [name, value] of Object.entries(b)) target[name] = (target[name] ?? 0n) + value;
}

export function subtractAmounts(a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts {
  const out: Record<string, bigint> = { ...a };
  for (const [name, value] of Object.entries(b)) out[name] = (out[name] ?? 0n) - value;
  return out;
}

/** A stable text form of amounts, for equivalence-class keys. */
export function amountsKey(amounts: ResourceAmounts): string {
  return Object.keys(amounts)
    .sort()
    .map((name) => `${name}=${amounts[name]}`)
    .join(',');
}
