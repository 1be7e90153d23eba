// Objects without a namespace land wherever kubectl's current context points, often `default`.
import { defineRule } from '../src/lint/define-rule.js';
import { isClusterScoped } from '../src/model/kinds.js';
import { asRecord } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'default-namespace',
    severity: 'warning',
    category: 'metadata',
    description: 'namespaced object has no namespace or is in the default namespace',
    rationale:
      'An object without metadata.namespace is created in the namespace of whoever applies it, so the same manifest ends up in different places, and the default namespace mixes unrelated applications under the same policies and quotas. Off by default because many repositories set the namespace at apply time (kubectl -n, Kustomize, Helm).',
    remediation: 'Set metadata.namespace to the application\'s own namespace, or set it consistently with Kustomize\'s namespace field.',
    defaultOn: false,
    appliesTo: { target: 'object' },
    messages: { unset: '{{kind}} has no namespace', defaultNamespace: '{{kind}} is in the default namespace' },
  },
  check(object, { report }) {
    const { apiVersion, kind } = object.ref;
    if (isClusterScoped(apiVersion, kind) || kind === '') return;
    const namespace = asRecord(object.value['metadata'])?.['namespace'];
    if (namespace === 'default') report({ messageId: 'defaultNamespace', data: { kind }, at: ['metadata', 'namespace'] });
    else if (namespace === undefined) report({ messageId: 'unset', data: { kind }, at: ['metadata'], on: 'key' });
  },
});
