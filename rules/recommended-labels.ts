// The app.kubernetes.io labels let tools and people find what belongs to which application.
import { defineRule } from '../src/lint/define-rule.js';
import { asRecord, asStringMap } from '../src/model/object.js';

const RECOMMENDED = ['app.kubernetes.io/name', 'app.kubernetes.io/instance'];

export default defineRule({
  meta: {
    id: 'recommended-labels',
    severity: 'info',
    category: 'metadata',
    description: 'workload lacks the recommended app.kubernetes.io/name and app.kubernetes.io/instance labels',
    rationale:
      'The recommended labels give dashboards, kubectl and policy tools a shared way to group the objects of one application instance. Off by default: it is a convention, not a defect.',
    remediation: 'Add metadata.labels app.kubernetes.io/name (the application) and app.kubernetes.io/instance (this installation of it).',
    defaultOn: false,
    appliesTo: { target: 'podSpec' },
    messages: { missing: '{{kind}} has no {{labels}} label' },
  },
  check(workload, { report }) {
    const labels = asStringMap(asRecord(workload.object.value['metadata'])?.['labels']);
    const missing = RECOMMENDED.filter((label) => labels[label] === undefined);
    if (missing.length === 0) return;
    const at = workload.object.has(['metadata', 'labels']) ? ['metadata', 'labels'] : ['metadata'];
    report({ messageId: 'missing', data: { kind: workload.kind, labels: missing.join(' or ') }, at, on: 'key' });
  },
});
