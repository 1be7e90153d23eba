import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './peer-suppression.js';

// The annotation forms of kube-linter pkg/ignore/ignore.go ObjectForCheck, kube-score scorecard/enabled.go isEnabled
// and Polaris pkg/validator/schema.go hasExemptionAnnotation.
new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'forms the peer tools themselves do not honour: an empty kube-score list, a Polaris value other than true',
      code: `
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          annotations:
            kube-score/ignore: " , "
            polaris.fairwinds.com/exempt: "false"
            polaris.fairwinds.com/tagNotSpecified-exempt: "yes"
            ignore-check.kube-linter.io/: ""
            kube-score/enable: container-seccomp-profile
      `,
    },
    {
      name: 'the kubefit.dev/ignore of the same metadata already covers the equivalent checks',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
          annotations:
            ignore-check.kube-linter.io/no-read-only-root-fs: "legacy app writes to /tmp"
            kubefit.dev/ignore: read-only-root-filesystem=legacy app writes to /tmp
        spec:
          template:
            metadata:
              annotations:
                kube-score/ignore: pod-probes
                kubefit.dev/ignore: readiness-probe, liveness-probe
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          annotations:
            polaris.fairwinds.com/exempt: "TRUE"
            kubefit.dev/ignore: "*=vendor image"
      `,
    },
  ],
  invalid: [
    {
      name: 'kube-linter: a check name in the key (any value), and ignore-all',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
          annotations:
            ignore-check.kube-linter.io/no-read-only-root-fs: "legacy app writes to /tmp"
            kube-linter.io/ignore-all: ""
      `,
      errors: [
        {
          messageId: 'notHonoured',
          line: 6,
          column: 5,
          data: {
            tool: 'kube-linter',
            key: 'ignore-check.kube-linter.io/no-read-only-root-fs',
            advice: "; kubefit's equivalent is kubefit.dev/ignore: read-only-root-filesystem=<reason>",
          },
        },
        {
          messageId: 'notHonoured',
          line: 7,
          column: 5,
          data: { tool: 'kube-linter', key: 'kube-linter.io/ignore-all', advice: "; kubefit's equivalent is kubefit.dev/ignore: \"*=<reason>\"" },
        },
      ],
    },
    {
      name: 'kube-score: a comma-separated list, on the pod template too; names without a counterpart or unknown',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
          annotations:
            kube-score/ignore: "container-resources, pod-networkpolicy,no-such-check,constructor"
        spec:
          template:
            metadata:
              annotations:
                kube-score/ignore: pod-probes
                kubefit.dev/ignore: readiness-probe
      `,
      errors: [
        {
          messageId: 'notHonoured',
          line: 6,
          column: 5,
          data: {
            tool: 'kube-score',
            key: 'kube-score/ignore',
            advice:
              "; kubefit's equivalent is kubefit.dev/ignore: requests-missing=<reason>, memory-limit-missing=<reason>, ephemeral-storage=<reason>; kubefit has no counterpart of pod-networkpolicy; no-such-check, constructor are no kube-score checks kubefit knows",
          },
        },
        {
          messageId: 'notHonoured',
          line: 11,
          column: 9,
          data: { tool: 'kube-score', key: 'kube-score/ignore', advice: "; kubefit's equivalent is kubefit.dev/ignore: liveness-probe=<reason>" },
        },
      ],
    },
    {
      name: 'Polaris: <check>-exempt and exempt, when "true" in any case',
      code: `
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: c
          annotations:
            polaris.fairwinds.com/exempt: "True"
        spec:
          jobTemplate:
            metadata:
              annotations:
                polaris.fairwinds.com/notReadOnlyRootFilesystem-exempt: "true"
      `,
      errors: [
        { messageId: 'notHonoured', line: 6, column: 5, data: { tool: 'Polaris', key: 'polaris.fairwinds.com/exempt', advice: "; kubefit's equivalent is kubefit.dev/ignore: \"*=<reason>\"" } },
        {
          messageId: 'notHonoured',
          line: 11,
          column: 9,
          data: {
            tool: 'Polaris',
            key: 'polaris.fairwinds.com/notReadOnlyRootFilesystem-exempt',
            advice: "; kubefit's equivalent is kubefit.dev/ignore: read-only-root-filesystem=<reason>",
          },
        },
      ],
    },
  ],
});
