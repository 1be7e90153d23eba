// spec.serviceAccount is a deprecated alias of serviceAccountName.
import { defineRule } from '../src/lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'deprecated-service-account-field',
    severity: 'warning',
    category: 'metadata',
    description: 'pod spec uses the deprecated serviceAccount field',
    rationale:
      'The serviceAccount field is a deprecated alias kept for old clients. When both fields are set and disagree, serviceAccountName wins, so an edit to serviceAccount alone silently does nothing.',
    remediation: 'Rename serviceAccount to serviceAccountName (or delete it when serviceAccountName already has the same value).',
    defaultOn: true,
    appliesTo: { target: 'podSpec' },
    messages: { deprecated: 'serviceAccount is deprecated: use serviceAccountName' },
  },
  check(workload, { report }) {
    // an empty one is the field's zero value, as if it were absent (upstream: pkg/apis/core/v1 conversion.go Convert_v1_PodSpec_To_core_PodSpec)
    const deprecated = workload.podSpec['serviceAccount'];
    if (typeof deprecated !== 'string' || deprecated === '') return;
    report({ messageId: 'deprecated', at: workload.podSpecPath.concat('serviceAccount'), on: 'key' });
  },
});
