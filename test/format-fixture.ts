// The fixed Report and context every formatter's golden test renders (fixtures/formats/report.json).
import { readFileSync } from 'node:fs';
import { createColors } from 'picocolors';
import type { RuleMeta } from '../src/model/rule-meta.js';
import type { FormatContext } from '../src/report/formatters/format-context.js';
import type { Report } from '../src/report/report.js';

export const FIXTURE_REPORT = JSON.parse(readFileSync(new URL('../fixtures/formats/report.json', import.meta.url), 'utf8')) as Report;

const rule = (id: string, severity: RuleMeta['severity'], description: string): RuleMeta => ({
  id,
  severity,
  category: id === 'latest-tag' ? 'images' : 'input',
  description,
  rationale: `Why ${id} matters.`,
  remediation: `How to fix ${id}.`,
  defaultOn: true,
});

/** Rules as a run would know them; `team-label` is deliberately missing (a rule without metadata). */
export const FIXTURE_RULES: readonly RuleMeta[] = [
  rule('yaml-syntax', 'error', 'the file is not valid YAML or JSON'),
  rule('duplicate-key', 'error', 'a mapping has the same key twice'),
  rule('not-kubernetes', 'info', 'the document is not a Kubernetes object'),
  rule('latest-tag', 'warning', 'an image uses the latest tag or no tag'),
];

export const FIXTURE_CONTEXT: FormatContext = { rules: FIXTURE_RULES, colors: createColors(false), cwd: '/repo', quiet: false };
