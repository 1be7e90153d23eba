import { describe, expect, it } from 'vitest';
import latestTag from '../../rules/latest-tag.js';
import livenessProbe from '../../rules/liveness-probe.js';
import { DEFAULT_CONFIG, type KubefitConfig } from '../config/config.js';
import { compareFindings } from '../model/finding.js';
import { applySuppressions, lintObjects } from './engine.js';
import { dedent, parseCase } from './rule-tester.js';

function run(code: string, config: Partial<KubefitConfig> = {}) {
  const { objects, workloads } = parseCase({ code });
  const input = { objects, workloads, rules: [latestTag, livenessProbe], config: { ...DEFAULT_CONFIG, ...config } };
  return applySuppressions(lintObjects(input), input).sort(compareFindings).map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.severity} ${finding.message}`);
}

const POD = `
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
      - name: app
        image: nginx
`;

describe('applySuppressions', () => {
  it('keeps findings nothing suppresses', () => {
    expect(run(POD)).toEqual([
      '7:13 liveness-probe warning container "app" has no livenessProbe',
      '8:14 latest-tag error image "nginx" has no tag, so it runs whatever latest is at pull time',
    ]);
  });

  it('drops findings named in the kubefit.dev/ignore annotation, with or without a reason', () => {
    const code = POD.replace('    name: web', '    name: web\n    annotations:\n      kubefit.dev/ignore: "latest-tag=pinned by Renovate, liveness-probe"');
    expect(run(code)).toEqual([]);
  });

  it('reports annotation entries that suppress nothing', () => {
    const code = POD.replace('    name: web', '    name: web\n    annotations:\n      kubefit.dev/ignore: "latest-tag, readiness-probe"');
    expect(run(code)).toEqual([
      '6:25 unused-suppression info "readiness-probe" in the kubefit.dev/ignore annotation suppresses no finding',
      '9:13 liveness-probe warning container "app" has no livenessProbe',
    ]);
  });

  it('names the kubefit rule when a suppression names a kube-linter, kube-score or Polaris check', () => {
    const code = `
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        annotations: {kubefit.dev/ignore: "latest-tag, no-liveness-probe"}
      spec:
        # kubefit-disable-next-line livenessProbeMissing, latest-tag
        containers: [{name: app, image: nginx}]
    `;
    expect(run(code)).toEqual([
      `5:37 unused-suppression info "no-liveness-probe" in the kubefit.dev/ignore annotation suppresses no finding (kube-linter's no-liveness-probe is kubefit's liveness-probe)`,
      `7:3 unused-suppression info "livenessProbeMissing" in kubefit-disable-next-line suppresses no finding (Polaris's livenessProbeMissing is kubefit's liveness-probe)`,
      '8:23 liveness-probe warning container "app" has no livenessProbe',
    ]);
  });

  it('honours the annotation on a pod template', () => {
    const code = `
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          metadata:
            annotations: {kubefit.dev/ignore: latest-tag}
          spec:
            containers: [{name: app, image: nginx, livenessProbe: {exec: {command: [true]}}}]
    `;
    expect(run(code)).toEqual([]);
  });

  it('honours the annotation on a CronJob\'s job template, which its Jobs carry', () => {
    const code = `
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: nightly}
      spec:
        schedule: "0 3 * * *"
        jobTemplate:
          metadata:
            annotations: {kubefit.dev/ignore: latest-tag}
          spec:
            template:
              spec:
                restartPolicy: Never
                containers: [{name: backup, image: backup}]
    `;
    expect(run(code)).toEqual([]);
  });

  it('honours kubefit-disable-next-line and kubefit-disable-line comments and reports unused ones', () => {
    const code = `
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers:
          # kubefit-disable-next-line liveness-probe -- a sidecar with its own watchdog
          - name: app
            image: nginx # kubefit-disable-line
          # kubefit-disable-next-line latest-tag
          - name: other
            image: "nginx:1.27" # kubefit-disable-line latest-tag, liveness-probe
    `;
    expect(run(code)).toEqual([
      '9:5 unused-suppression info "latest-tag" in kubefit-disable-next-line suppresses no finding',
      '10:13 liveness-probe warning container "other" has no livenessProbe',
      '11:27 unused-suppression info "latest-tag" in kubefit-disable-line suppresses no finding',
      '11:27 unused-suppression info "liveness-probe" in kubefit-disable-line suppresses no finding',
    ]);
  });

  it('ignores a directive-looking text inside a string', () => {
    const code = POD.replace('image: nginx', 'image: nginx\n        args: ["# kubefit-disable-line latest-tag"]');
    expect(run(code)).toContain('8:14 latest-tag error image "nginx" has no tag, so it runs whatever latest is at pull time');
  });

  it('applies config ignore entries by rule, kind, name glob, namespace, container and path', () => {
    const code = `
      apiVersion: v1
      kind: Pod
      metadata: {name: vendor-proxy, namespace: mesh}
      spec:
        containers:
          - {name: istio-proxy, image: proxy}
          - {name: app, image: app}
    `;
    const ignore = [{ rule: 'latest-tag', kind: 'Pod', name: 'vendor-*', namespace: 'mesh', container: 'istio-proxy' }, { rule: 'liveness-*', path: 'case.yaml' }];
    expect(run(code, { ignore })).toEqual(['7:26 latest-tag error image "app" has no tag, so it runs whatever latest is at pull time']);
    expect(run(code, { ignore: [{ rule: 'latest-tag', container: 'sidecar' }] })).toHaveLength(4);
  });

  it('applies config rule settings and per-file overrides to every finding, off included', () => {
    expect(run(POD, { rules: { 'latest-tag': 'warning', 'liveness-probe': 'off' } })).toEqual([
      '8:14 latest-tag warning image "nginx" has no tag, so it runs whatever latest is at pull time',
    ]);
    expect(run(POD, { overrides: [{ files: ['*.yaml'], rules: { 'latest-tag': 'off', 'liveness-probe': 'info' } }] })).toEqual([
      '7:13 liveness-probe info container "app" has no livenessProbe',
    ]);
    const code = POD.replace('    name: web', '    name: web\n    annotations: {kubefit.dev/ignore: readiness-probe}');
    expect(run(code, { rules: { 'unused-suppression': 'off' } })).toHaveLength(2);
  });
});

describe('dedent', () => {
  it('drops the first newline and the common indentation', () => {
    expect(dedent('\n    a: 1\n      b: 2\n  ')).toBe('a: 1\n  b: 2\n');
  });
});

describe('comment directives', () => {
  it('are not read inside block scalars, quoted strings or plain scalars', () => {
    const code = `
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        annotations:
          note: |
            # kubefit-disable-next-line latest-tag
          link: http://example.com/#kubefit-disable-line
      spec:
        containers:
          - name: app
            image: nginx
            args: ['it''s # kubefit-disable-line']
            livenessProbe: {exec: {command: [true]}}
    `;
    expect(run(code)).toEqual(['12:14 latest-tag error image "nginx" has no tag, so it runs whatever latest is at pull time']);
  });

  it('are read again after a block scalar that is the value of a sequence entry\'s key', () => {
    const code = `
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
          - command: |
              run
            image: nginx  # kubefit-disable-line latest-tag
            name: app
            args:
              - |
                # kubefit-disable-line liveness-probe
            livenessProbe: {exec: {command: [true]}}
    `;
    expect(run(code)).toEqual([]);
  });

  it('read CRLF files line by line as LF ones: a block scalar whose header has a comment still holds its text', () => {
    const code = dedent(`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        annotations:
          note: | # kept for the runbook
            # kubefit-disable-next-line liveness-probe
      spec:
        containers:
          - name: app
            image: nginx  # kubefit-disable-line latest-tag
    `).replace(/\n/g, '\r\n');
    expect(run(code)).toEqual(['10:13 liveness-probe warning container "app" has no livenessProbe']);
  });
});
