// Applies the three suppression forms to every finding of a run and reports the suppressions that matched nothing.
import type { IgnoreEntry, KubefitConfig } from '../config/config.js';
import { detached } from '../model/detached.js';
import { findingAt, type Finding } from '../model/finding.js';
import { matchesGlob, matchesPathGlob } from '../model/glob.js';
import { POD_KINDS, podKindOf } from '../model/kinds.js';
import type { ObjectRef } from '../model/object-ref.js';
import { asRecord, asStringMap, type KubeObject } from '../model/object.js';
import { valueAt } from '../model/workload.js';
import { commentDirectivesIn, type CommentDirective } from './comment-directives.js';
import { IGNORE_ANNOTATION, parseIgnoreAnnotation } from './ignore-annotation.js';
import { suppressionMetadataPaths } from './suppression-metadata.js';
import { peerNameHint } from './peer-check-names.js';
import { didYouMean } from '../model/closest-name.js';
import { UNUSED_SUPPRESSION } from './lint-checks.js';
import { settingResolver } from './rule-settings.js';

interface Suppression {
  /** Rule ids it names; empty for every rule. */
  readonly ruleIds: readonly string[];
  readonly used: Set<string>;
  /** The unused-suppression finding for one of its ids (undefined: the whole suppression); `ruleIds` are the checks of the run. */
  unused(ruleId: string | undefined, ruleIds: readonly string[] | undefined): Finding;
}

/** What config ignore entries naming a container need of an object: its kind and pod template. */
type ObjectValue = Pick<KubeObject, 'ref' | 'value'>;

interface Suppressions {
  readonly byObject: ReadonlyMap<string, Suppression[]>;
  readonly byLine: ReadonlyMap<string, Suppression[]>;
  readonly objects: ReadonlyMap<string, ObjectValue>;
}

const ALL = '*';

export function suppressFindings(findings: readonly Finding[], objects: readonly KubeObject[], config: KubefitConfig): Finding[] {
  const collector = new SuppressionCollector(config);
  for (const object of objects) collector.add(object);
  return collector.apply(findings);
}

/**
 * The suppressions of a streamed run: `add` reads an object's annotations and its file's comment directives while
 * the document is in memory (keeping no document), `apply` filters the run's findings at the end.
 */
export class SuppressionCollector {
  readonly #config: KubefitConfig;
  readonly #keepsValues: boolean;
  readonly #byObject = new Map<string, Suppression[]>();
  readonly #byLine = new Map<string, Suppression[]>();
  readonly #objects = new Map<string, ObjectValue>();
  readonly #filesRead = new Set<string>();

  constructor(config: KubefitConfig) {
    this.#config = config;
    this.#keepsValues = config.ignore.some((entry) => entry.container !== undefined);
  }

  add(object: KubeObject): void {
    const key = objectKey(object.file, object.ref);
    if (this.#keepsValues) this.#objects.set(key, { ref: object.ref, value: object.value });
    const found = annotationSuppressions(object);
    if (found.length > 0) this.#byObject.set(key, [...(this.#byObject.get(key) ?? []), ...found]);
    if (this.#filesRead.has(object.file)) return;
    this.#filesRead.add(object.file);
    for (const found of commentDirectivesIn(object.document)) {
      const directive = { ...found, ruleIds: found.ruleIds.map(detached) };
      const lineKey = `${object.file}\0${directive.targetLine}`;
      this.#byLine.set(lineKey, [...(this.#byLine.get(lineKey) ?? []), commentSuppression(object.file, directive)]);
    }
  }

  /**
   * Drops suppressed findings, applies config severities, adds unused-suppression findings; with the run's check ids,
   * one naming no check says so (and which check it likely meant).
   */
  apply(findings: readonly Finding[], ruleIds?: readonly string[]): Finding[] {
    const config = this.#config;
    const resolve = settingResolver(config);
    const suppressions: Suppressions = { byObject: this.#byObject, byLine: this.#byLine, objects: this.#objects };
    const kept: Finding[] = [];
    const keep = (finding: Finding, trackUse: boolean) => {
      const setting = resolve(finding.ruleId, { severity: finding.severity, defaultOn: true }, finding.file);
      if (setting === 'off' || isIgnoredByConfig(finding, config.ignore, suppressions.objects)) return;
      if (trackUse && isSuppressed(finding, suppressions)) return;
      kept.push(setting === finding.severity ? finding : { ...finding, severity: setting });
    };
    for (const finding of findings) keep(finding, true);
    for (const finding of unusedFindings(suppressions, ruleIds)) keep(finding, false);
    return kept;
  }
}

function objectKey(file: string, ref: ObjectRef): string {
  return `${file}\0${ref.apiVersion}\0${ref.kind}\0${ref.namespace}\0${ref.name}`;
}

/** The object's own annotation and, for workloads, each template's: a CronJob's job template and its pod template. */
function annotationSuppressions(object: KubeObject): Suppression[] {
  const out: Suppression[] = [];
  for (const metadataPath of suppressionMetadataPaths(object.ref)) {
    const value = asStringMap(asRecord(valueAt(object.value, metadataPath))?.['annotations'])[IGNORE_ANNOTATION];
    if (value === undefined) continue;
    const at = metadataPath.concat('annotations', IGNORE_ANNOTATION);
    const ruleIds = parseIgnoreAnnotation(value).map((entry) => entry.ruleId);
    // positioned now: the document may be gone when the run asks
    const unused = findingAt(object, at, { ...unusedSpec(), message: '' });
    out.push({
      ruleIds,
      used: new Set(),
      unused: (ruleId, ruleIds) => ({ ...unused, message: unusedIdMessage(ruleId ?? '', `the ${IGNORE_ANNOTATION} annotation`, ruleIds) }),
    });
  }
  return out;
}

function commentSuppression(file: string, directive: CommentDirective): Suppression {
  const name = `kubefit-${directive.kind}`;
  return {
    ruleIds: directive.ruleIds,
    used: new Set(),
    unused: (ruleId, ruleIds) => ({
      ...unusedSpec(),
      message: ruleId === undefined ? `${name} suppresses no finding` : unusedIdMessage(ruleId, name, ruleIds),
      file,
      line: directive.line,
      column: directive.column,
      endLine: directive.line,
      endColumn: directive.endColumn,
      object: null,
      path: null,
    }),
  };
}

/**
 * `"latest-tag" in kubefit-disable-line suppresses no finding`; an id that is a peer tool's check name gets the kubefit
 * id, and one that names no check is worded as the config's unknown rule ids are (with the likely one, for a typo).
 */
function unusedIdMessage(ruleId: string, where: string, ruleIds: readonly string[] | undefined): string {
  const peer = peerNameHint(ruleId);
  if (peer !== '' || ruleIds === undefined || ruleIds.includes(ruleId)) return `"${ruleId}" in ${where} suppresses no finding${peer}`;
  return `unknown rule "${ruleId}" in ${where}${didYouMean(ruleId, ruleIds)}: it suppresses nothing`;
}

function unusedSpec() {
  return { ruleId: UNUSED_SUPPRESSION.id, severity: UNUSED_SUPPRESSION.severity };
}

/** Marks every suppression that covers the finding as used; true when at least one does. */
function isSuppressed(finding: Finding, suppressions: Suppressions): boolean {
  if (suppressions.byLine.size === 0 && suppressions.byObject.size === 0) return false;
  const candidates = [
    ...(suppressions.byLine.get(`${finding.file}\0${finding.line}`) ?? []),
    ...(finding.object ? suppressions.byObject.get(objectKey(finding.file, finding.object)) ?? [] : []),
  ];
  let suppressed = false;
  for (const suppression of candidates) {
    if (suppression.ruleIds.length === 0) suppression.used.add(ALL);
    else if (suppression.ruleIds.includes(finding.ruleId)) suppression.used.add(finding.ruleId);
    else continue;
    suppressed = true;
  }
  return suppressed;
}

function unusedFindings(suppressions: Suppressions, ruleIds: readonly string[] | undefined): Finding[] {
  const out: Finding[] = [];
  for (const list of [...suppressions.byObject.values(), ...suppressions.byLine.values()]) {
    for (const suppression of list) {
      if (suppression.ruleIds.length === 0) {
        if (suppression.used.size === 0) out.push(suppression.unused(undefined, ruleIds));
      } else {
        for (const ruleId of new Set(suppression.ruleIds)) if (!suppression.used.has(ruleId)) out.push(suppression.unused(ruleId, ruleIds));
      }
    }
  }
  return out;
}

function isIgnoredByConfig(finding: Finding, entries: readonly IgnoreEntry[], objects: ReadonlyMap<string, ObjectValue>): boolean {
  return entries.some((entry) => matchesEntry(finding, entry, objects));
}

function matchesEntry(finding: Finding, entry: IgnoreEntry, objects: ReadonlyMap<string, ObjectValue>): boolean {
  if (entry.rule !== undefined && !matchesGlob(finding.ruleId, entry.rule)) return false;
  if (entry.path !== undefined && !matchesPathGlob(finding.file, entry.path)) return false;
  const needsObject = entry.kind !== undefined || entry.name !== undefined || entry.namespace !== undefined || entry.container !== undefined;
  if (!needsObject) return true;
  const ref = finding.object;
  if (!ref) return false;
  if (entry.kind !== undefined && ref.kind !== entry.kind) return false;
  if (entry.name !== undefined && !matchesGlob(ref.name, entry.name)) return false;
  if (entry.namespace !== undefined && ref.namespace !== entry.namespace) return false;
  if (entry.container === undefined) return true;
  const object = objects.get(objectKey(finding.file, ref));
  return object !== undefined && containerNameAt(object, finding.path) === entry.container;
}

const CONTAINER_IN_PATH = /(?:^|\.)(initContainers|containers|ephemeralContainers)\[(\d+)\]/;

/** The name of the container a finding's path points into, if any. */
function containerNameAt(object: ObjectValue, path: string | null): string | undefined {
  const match = path === null ? null : CONTAINER_IN_PATH.exec(path);
  const kind = podKindOf(object.ref.apiVersion, object.ref.kind);
  if (!match || !kind) return undefined;
  const name = valueAt(object.value, [...POD_KINDS[kind].templatePath, 'spec', match[1] ?? '', Number(match[2]), 'name']);
  return typeof name === 'string' ? name : undefined;
}
