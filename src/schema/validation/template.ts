// What the controllers' validations share about their pod template: selector match and restartPolicy.
import { matchesSelector, toLabelSelector } from '../../model/labels.js';
import { forbidden, GoStringMap, invalid, notSupported, owned, type ErrorList, type FieldPath } from './field-error.js';
import { asRecord, intField, recordField, stringEntries, stringField } from './values.js';
import { appendAll } from '../../model/append.js';

export const SELECTOR_MISMATCH = 'selector-mismatch';
export const INVALID_RESTART_POLICY = 'invalid-restart-policy';

export type Selector = { readonly kind: 'set'; readonly labels: Readonly<Record<string, string>> } | { readonly kind: 'labelSelector'; readonly value: unknown };

// upstream: apps validation.go ValidatePodTemplateSpecForReplicaSet, ValidateStatefulSetSpec, ValidateDaemonSetSpec (v1.36)
export function validateTemplateMatchesSelector(selector: Selector, template: unknown, field: FieldPath): ErrorList {
  const labelsValue = recordField(asRecord(template), 'metadata')?.['labels'];
  const labels = Object.fromEntries(stringEntries(labelsValue));
  const parsed = selector.kind === 'set' ? toLabelSelector({ matchLabels: selector.labels }) : toLabelSelector(selector.value);
  if (!parsed.requirements || parsed.requirements.length === 0 || matchesSelector(parsed, labels)) return [];
  return selectorMismatch(field, labelsValue);
}

/** The template's labels do not match the selector; the message prints them as the Go map they decode to (nil when unset). */
export function selectorMismatch(field: FieldPath, labelsValue: unknown): ErrorList {
  const labels = new GoStringMap(asRecord(labelsValue) ? Object.fromEntries(stringEntries(labelsValue)) : null);
  return owned([invalid(field.concat('metadata', 'labels'), labels, '`selector` does not match template `labels`')], SELECTOR_MISMATCH);
}

/** The name upstream's message uses: Deployments are validated by ValidatePodTemplateSpecForReplicaSet. */
export type TemplateOwner = 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'ReplicationController';

/**
 * Controllers whose pods run forever: restartPolicy (defaulted to Always) must stay Always; activeDeadlineSeconds is
 * refused (Forbidden for the apps kinds, Invalid for a ReplicationController).
 */
// upstream: apps/validation/validation.go ValidatePodTemplateSpecForReplicaSet, ValidateDaemonSetSpec,
// ValidateStatefulSetSpec (field.Forbidden)
export function validateRestartPolicyAlways(kind: TemplateOwner, template: unknown, field: FieldPath): ErrorList {
  const spec = recordField(asRecord(template), 'spec');
  // an empty policy is the field unset, which SetDefaults_PodSpec makes Always (a plain Go string: "" is unset)
  const policy = stringField(spec, 'restartPolicy') || 'Always';
  const errors: ErrorList = [];
  if (policy !== 'Always') appendAll(errors, owned([notSupported(field.concat('spec', 'restartPolicy'), policy, ['Always'])], INVALID_RESTART_POLICY));
  const deadline = intField(spec, 'activeDeadlineSeconds');
  if (deadline === undefined) return errors;
  const at = field.concat('spec', 'activeDeadlineSeconds');
  const detail = `activeDeadlineSeconds in ${kind} is not Supported`;
  errors.push(kind === 'ReplicationController' ? invalid(at, deadline, detail) : forbidden(at, detail));
  return errors;
}
