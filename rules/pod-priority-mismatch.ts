// A pod that sets spec.priority or spec.preemptionPolicy other than its PriorityClass gives is refused at creation: the
// Priority admission plugin works both out from the class and refuses a pod that says otherwise.
// upstream: plugin/pkg/admission/priority/admission.go admitPod, getDefaultPriorityClass
import { defineRule } from '../src/lint/define-rule.js';
import { treeClusterObject, treeClusterObjects } from '../src/lint/evidence.js';
import type { LintIndex } from '../src/lint/lint-index.js';
import type { KubeObject } from '../src/model/object.js';
import { SYSTEM_PRIORITY_CLASSES } from '../src/model/priority-classes.js';

/** The PriorityClass's preemptionPolicy when it sets none (the API server's default) and when no class applies. */
const PREEMPT_LOWER_PRIORITY = 'PreemptLowerPriority';

export default defineRule({
  meta: {
    id: 'pod-priority-mismatch',
    severity: 'error',
    category: 'reliability',
    description: "pod sets spec.priority or spec.preemptionPolicy to other than its PriorityClass's, which the API server refuses",
    rationale:
      'The Priority admission plugin works out a new pod\'s priority and preemptionPolicy from its priorityClassName (or from the ' +
      'PriorityClass marked globalDefault, the one of lowest value when several are) and refuses a pod that sets either to ' +
      'another value: "the integer value of priority (0) must not be provided in pod spec; priority admission controller computed 1000000 ' +
      'from the given PriorityClass name". It happens to a pod copied from `kubectl get pod -o yaml` and given another class. A ' +
      "workload's controller keeps failing to create such pods. The rule judges only classes it knows: the system classes and those " +
      "the inputs define in the pod's directory tree.",
    remediation: 'Remove spec.priority and spec.preemptionPolicy: the API server fills them in from the PriorityClass.',
    defaultOn: true,
    queries: ['PriorityClass'],
    appliesTo: { target: 'podSpec' },
    messages: {
      priority: 'the integer value of priority ({{given}}) must not be provided in pod spec; priority admission controller computed {{computed}} from the given PriorityClass name',
      preemptionPolicy: 'the string value of PreemptionPolicy ({{given}}) must not be provided in pod spec; priority admission controller computed {{computed}} from the given PriorityClass name',
    },
  },
  check(workload, { index, report }) {
    const { podSpec: spec, podSpecPath: path, object } = workload;
    const priority = spec['priority'];
    const policy = spec['preemptionPolicy'];
    if (typeof priority !== 'number' && typeof policy !== 'string') return;
    const computed = admittedPriority(spec['priorityClassName'], index, object);
    if (!computed) return;
    // the plugin returns its first refusal: priority before preemptionPolicy
    if (typeof priority === 'number' && priority !== computed.value) {
      report({ messageId: 'priority', data: { given: String(priority), computed: String(computed.value) }, at: [...path, 'priority'] });
    } else if (typeof policy === 'string' && policy !== computed.preemptionPolicy) {
      report({ messageId: 'preemptionPolicy', data: { given: policy, computed: computed.preemptionPolicy }, at: [...path, 'preemptionPolicy'] });
    }
  },
});

interface Admitted {
  readonly value: number;
  readonly preemptionPolicy: string;
}

/** What the plugin gives a pod naming `className`, when the class is known (a system class, or one in the inputs). */
function admittedPriority(className: unknown, index: LintIndex, object: KubeObject): Admitted | undefined {
  if (typeof className === 'string' && className !== '') {
    const system = SYSTEM_PRIORITY_CLASSES.get(className);
    if (system !== undefined) return { value: system, preemptionPolicy: PREEMPT_LOWER_PRIORITY };
    const defined = treeClusterObject(index, 'PriorityClass', className, object);
    return defined && classPriority(defined);
  }
  // no class: the globalDefault one of lowest value; without one in the inputs the cluster may still have one
  const defaults = treeClusterObjects(index, 'PriorityClass', object).filter((other) => other.value['globalDefault'] === true);
  return defaults.map(classPriority).filter((admitted) => admitted !== undefined).sort((a, b) => a.value - b.value)[0];
}

function classPriority(priorityClass: KubeObject): Admitted | undefined {
  const { value, preemptionPolicy } = priorityClass.value;
  if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
  return { value, preemptionPolicy: typeof preemptionPolicy === 'string' && preemptionPolicy !== '' ? preemptionPolicy : PREEMPT_LOWER_PRIORITY };
}
