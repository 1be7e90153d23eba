// What a rule may read from the lint index: what its meta.queries names, so the engine knows which objects to keep.
import { POD_KINDS } from '../model/kinds.js';
import type { KubeObject } from '../model/object.js';
import { UsageError } from '../model/usage-error.js';
import type { Workload } from '../model/workload.js';
import { buildLintIndex, CUSTOM_RESOURCES, EVERY_KIND, WORKLOADS, type LintIndex } from './lint-index.js';

/** A rule read something from ctx.index that its meta.queries does not name: a bug in the rule, not in the inputs. */
export class UndeclaredQuery extends UsageError {
  constructor(ruleId: string, what: string) {
    super(`rule ${ruleId} reads ${what} from ctx.index, which its meta.queries does not name`, `Add "${what}" to the rule's meta.queries (see docs/rules/README.md), or leave queries out to get every object.`);
  }
}

/** `base` as one rule may see it: a query its meta.queries does not name throws UndeclaredQuery. */
export function declaredIndex(base: LintIndex, ruleId: string, queries: ReadonlySet<string>): LintIndex {
  const need = (what: string) => {
    if (queries.has(what) || queries.has(EVERY_KIND) || (queries.has(WORKLOADS) && Object.hasOwn(POD_KINDS, what))) return;
    throw new UndeclaredQuery(ruleId, what);
  };
  return {
    get objects() {
      need(EVERY_KIND);
      return base.objects;
    },
    get workloads() {
      need(WORKLOADS);
      return base.workloads;
    },
    ofKind: (kind, namespace) => (need(kind), base.ofKind(kind, namespace)),
    nearby: (kind, object) => (need(kind), base.nearby(kind, object)),
    named: (kind, name, near) => (need(kind), base.named(kind, name, near)),
    clusterNamed: (kind, name, near) => (need(kind), base.clusterNamed(kind, name, near)),
    servicesSelecting: (workload) => (need('Service'), base.servicesSelecting(workload)),
    workloadsSelectedBy: (namespace, selector) => (need(WORKLOADS), base.workloadsSelectedBy(namespace, selector)),
    workloadsIn: (namespace) => (need(WORKLOADS), base.workloadsIn(namespace)),
    customResources: () => (need(CUSTOM_RESOURCES), base.customResources()),
    workloadOf: (object) => base.workloadOf(object),
    // per rule: a value another rule computed would let this one skip the checks above
    memo: (key, compute) => base.memo(`${ruleId}\0${key}`, compute),
  };
}

/** The index of a rule that queries nothing: only the workload of the object being linted (`current`). */
export function localIndex(current: () => { object: KubeObject | undefined; workload: Workload | undefined }): LintIndex {
  const empty = buildLintIndex([], []);
  return {
    ...empty,
    workloadOf: (object) => {
      const { object: linted, workload } = current();
      return object === linted ? workload : empty.workloadOf(object);
    },
  };
}
