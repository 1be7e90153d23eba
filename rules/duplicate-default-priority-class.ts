// A second PriorityClass marked globalDefault is refused when it is created: the Priority admission plugin lets one
// class be the default. upstream: plugin/pkg/admission/priority/admission.go validatePriorityClass
import { defineRule } from '../src/lint/define-rule.js';
import { treeClusterObjects } from '../src/lint/evidence.js';

export default defineRule({
  meta: {
    id: 'duplicate-default-priority-class',
    severity: 'error',
    category: 'reliability',
    description: 'PriorityClass is marked globalDefault while one applied before it is too',
    rationale:
      'The Priority admission plugin refuses to create a PriorityClass with globalDefault: true while another one is the ' +
      'default ("PriorityClass ... is already marked as default. Only one default can exist"), so of the manifests applied ' +
      'together (kubectl apply takes files in name order, documents in file order) only the first default class is ' +
      "created. Pods without a priorityClassName get the default's value, so which one wins matters. The rule compares the " +
      "PriorityClasses in one directory tree; a default class the cluster already has refuses even the first.",
    remediation: 'Keep globalDefault: true on one PriorityClass.',
    defaultOn: true,
    queries: ['PriorityClass'],
    appliesTo: { target: 'object', kinds: ['PriorityClass'] },
    messages: { second: 'PriorityClass {{first}} is already marked as default. Only one default can exist' },
  },
  check(priorityClass, { index, report }) {
    if (priorityClass.value['globalDefault'] !== true) return;
    const first = treeClusterObjects(index, 'PriorityClass', priorityClass).find((other) => other.value['globalDefault'] === true);
    // the same class written twice (an overlay's copy) is one class
    if (!first || first.ref.name === priorityClass.ref.name) return;
    report({ messageId: 'second', data: { first: first.ref.name }, at: ['globalDefault'] });
  },
});
