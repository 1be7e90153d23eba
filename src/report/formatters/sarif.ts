// SARIF 2.1.0 for GitHub code scanning: one run, every known rule, results at file:line:col with stable fingerprints.
import { createHash } from '../../load/deferred-builtins.js';
import type { Finding, Severity } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule-meta.js';
import type { SchedulingResult } from '../../schedule/scheduling-result.js';
import { isUnschedulable } from '../build-report.js';
import { formatObjectRef, UNSCHEDULABLE_RULE, unschedulableMessage } from '../unschedulable.js';
import { artifactUri } from './artifact-uri.js';
import type { Formatter } from './format-context.js';
import { jsonChunks } from './json-chunks.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const REPOSITORY = 'https://github.com/kubefit/kubefit';
/** Bump when the fingerprint recipe changes, so code scanning treats old and new alerts as different. */
const FINGERPRINT_KEY = 'kubefit/v1';

type Level = 'error' | 'warning' | 'note';

interface Region {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** A result before its rule index and fingerprint are known. */
interface Located {
  readonly ruleId: string;
  readonly level: Level;
  readonly message: string;
  readonly file: string;
  readonly region: Region;
  readonly objectName: string | undefined;
  readonly path: string | null;
}

export const formatSarif: Formatter = (report, context) => {
  const located = [...report.findings.map(fromFinding), ...report.scheduling.filter(isUnschedulable).map(fromScheduling)];
  const rules = ruleList(context.rules, located);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const fingerprints = fingerprintsOf(located);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: REPOSITORY,
            rules: rules.map(toDescriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: located.map((result, index) => toResult(result, ruleIndex.get(result.ruleId) ?? 0, fingerprints[index] ?? '', context.cwd)),
      },
    ],
  };
  // streamed down to each result (log → runs → run → results → result)
  return jsonChunks(log, 4);
};

function fromFinding(finding: Finding): Located {
  return {
    ruleId: finding.ruleId,
    level: levelOf(finding.severity),
    message: finding.message,
    file: finding.file,
    region: {
      startLine: Math.max(1, finding.line),
      startColumn: Math.max(1, finding.column),
      endLine: Math.max(1, finding.line, finding.endLine),
      endColumn: Math.max(1, finding.endColumn),
    },
    objectName: finding.object ? formatObjectRef(finding.object) : undefined,
    path: finding.path,
  };
}

function fromScheduling(result: SchedulingResult): Located {
  return {
    ruleId: UNSCHEDULABLE_RULE.id,
    level: levelOf(UNSCHEDULABLE_RULE.severity),
    message: unschedulableMessage(result),
    file: result.file,
    region: { startLine: Math.max(1, result.line), startColumn: Math.max(1, result.column) },
    objectName: formatObjectRef(result.object),
    path: null,
  };
}

function levelOf(severity: Severity): Level {
  return severity === 'info' ? 'note' : severity;
}

/** Every rule the run knows, plus the scheduling check and any rule id that reported without metadata. */
function ruleList(known: readonly RuleMeta[], located: readonly Located[]): RuleMeta[] {
  const rules = new Map(known.map((rule) => [rule.id, rule]));
  if (!rules.has(UNSCHEDULABLE_RULE.id)) rules.set(UNSCHEDULABLE_RULE.id, UNSCHEDULABLE_RULE);
  for (const { ruleId } of located) if (!rules.has(ruleId)) rules.set(ruleId, unknownRule(ruleId));
  return [...rules.values()];
}

function unknownRule(id: string): RuleMeta {
  return { id, severity: 'warning', category: 'custom', description: id, rationale: '', remediation: '', defaultOn: true };
}

function toDescriptor(rule: RuleMeta) {
  const help = [rule.rationale, rule.remediation].filter((text) => text !== '').join(' ');
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.rationale === '' ? rule.description : rule.rationale },
    ...(help !== '' && { help: { text: help } }),
    helpUri: `${REPOSITORY}/blob/main/docs/rules/${rule.id}.md`,
    defaultConfiguration: { level: levelOf(rule.severity), enabled: rule.defaultOn },
    properties: { category: rule.category, tags: [rule.category] },
  };
}

function pascalCase(id: string): string {
  return id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

function toResult(result: Located, ruleIndex: number, fingerprint: string, cwd: string) {
  const uri = artifactUri(result.file, cwd);
  const artifactLocation = uri === undefined ? { description: { text: 'standard input' } } : { uri };
  return {
    ruleId: result.ruleId,
    ruleIndex,
    level: result.level,
    message: { text: result.message },
    locations: [
      {
        physicalLocation: { artifactLocation, region: result.region },
        ...(result.objectName !== undefined && {
          logicalLocations: [{ fullyQualifiedName: result.path === null ? result.objectName : `${result.objectName} ${result.path}`, kind: 'resource' }],
        }),
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
  };
}

/**
 * Fingerprints from what identifies a problem, not where it is: rule, file, object, path and message. Lines move when
 * unrelated edits happen; these do not. Identical problems in one file are told apart by their order.
 */
function fingerprintsOf(located: readonly Located[]): string[] {
  const seen = new Map<string, number>();
  return located.map((result) => {
    const identity = [result.ruleId, result.file, result.objectName ?? '', result.path ?? '', result.message].join('\u0000');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}
