// The same env name twice: the API accepts it and the last one silently wins.
import { containerLabel } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { asArray, asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'duplicate-env-var',
    severity: 'warning',
    category: 'reliability',
    description: 'container defines the same environment variable twice',
    rationale:
      'The API server accepts duplicate env names and the kubelet keeps the last one, so an edit to the first entry has no effect. It usually comes from a merge or a patch that appended instead of replacing.',
    remediation: 'Remove one of the entries, keeping the value the container should get.',
    defaultOn: true,
    appliesTo: { target: 'container' },
    messages: { duplicate: 'env {{name}} of container "{{container}}" is already defined at env[{{first}}]' },
  },
  check(container, { report }) {
    const seen = new Map<string, number>();
    asArray(container.value['env']).forEach((entry, index) => {
      const name = asRecord(entry)?.['name'];
      if (typeof name !== 'string') return;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, index);
      else report({ messageId: 'duplicate', data: { name, container: containerLabel(container), first }, at: container.path.concat('env', index, 'name') });
    });
  },
});
