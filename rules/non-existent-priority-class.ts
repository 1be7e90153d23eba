// A pod naming a PriorityClass that does not exist is refused at creation (the Priority admission plugin).
import { defineRule } from '../src/lint/define-rule.js';
import { treeLacksClusterObject } from '../src/lint/evidence.js';
import { isNameLike } from '../src/lint/object-name.js';
import { SYSTEM_PRIORITY_CLASSES } from '../src/model/priority-classes.js';

export default defineRule({
  meta: {
    id: 'non-existent-priority-class',
    severity: 'error',
    category: 'reliability',
    description: 'pod names a PriorityClass that the inputs do not define, while they define others',
    rationale:
      'The Priority admission plugin refuses a pod whose priorityClassName names no PriorityClass ("no PriorityClass with name ... was found"), so its controller keeps failing to create it. The rule runs only when the inputs define at least one PriorityClass in the pod\'s directory tree: then the manifests are meant to carry their PriorityClasses, and a missing one is a typo or an omission. system-node-critical and system-cluster-critical exist in every cluster.',
    remediation: 'Add the PriorityClass to the manifests, or correct priorityClassName.',
    defaultOn: true,
    queries: ['PriorityClass'],
    appliesTo: { target: 'podSpec' },
    messages: { missing: 'no PriorityClass with name {{name}} was found: the inputs define other PriorityClasses, and the API server refuses these pods' },
  },
  check(workload, { index, report }) {
    const name = workload.podSpec['priorityClassName'];
    if (typeof name !== 'string' || name === '' || SYSTEM_PRIORITY_CLASSES.has(name) || !isNameLike(name)) return;
    if (!treeLacksClusterObject(index, 'PriorityClass', name, workload.object)) return;
    report({ messageId: 'missing', data: { name }, at: [...workload.podSpecPath, 'priorityClassName'] });
  },
});
