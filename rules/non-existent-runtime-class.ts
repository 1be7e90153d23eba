// A pod naming a RuntimeClass that does not exist is refused at creation (the RuntimeClass admission plugin).
import { defineRule } from '../src/lint/define-rule.js';
import { treeLacksClusterObject } from '../src/lint/evidence.js';
import { isNameLike } from '../src/lint/object-name.js';

export default defineRule({
  meta: {
    id: 'non-existent-runtime-class',
    severity: 'error',
    category: 'reliability',
    description: 'pod names a RuntimeClass that the inputs do not define, while they define others',
    rationale:
      'The RuntimeClass admission plugin refuses a pod whose runtimeClassName names no RuntimeClass ("pod rejected: RuntimeClass ... not found"), so its controller keeps failing to create it. The rule runs only when the inputs define at least one RuntimeClass in the pod\'s directory tree: then the manifests are meant to carry their RuntimeClasses, and a missing one is a typo or an omission.',
    remediation: 'Add the RuntimeClass to the manifests, or correct runtimeClassName.',
    defaultOn: true,
    queries: ['RuntimeClass'],
    appliesTo: { target: 'podSpec' },
    messages: { missing: 'pod rejected: RuntimeClass "{{name}}" not found: the inputs define other RuntimeClasses, and the API server refuses these pods' },
  },
  check(workload, { index, report }) {
    const name = workload.podSpec['runtimeClassName'];
    if (typeof name !== 'string' || name === '' || !isNameLike(name)) return;
    if (!treeLacksClusterObject(index, 'RuntimeClass', name, workload.object)) return;
    report({ messageId: 'missing', data: { name }, at: [...workload.podSpecPath, 'runtimeClassName'] });
  },
});
