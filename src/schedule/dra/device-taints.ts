// Device taints and the tolerations of a request (DRADeviceTaints, beta and on from 1.36): a device whose NoSchedule
// or NoExecute taint the request does not tolerate is not allocated to it; other effects (None) are ignored.
// upstream: structured/internal/incubating/allocator_incubating.go allocateDevice, taintPreventsAllocation,
// taintTolerated; resourceclaim/devicetoleration.go ToleratesTaint (v0.36.2)
import { asArray, asRecord, stringField } from '../../model/object.js';

export interface DeviceTaint {
  readonly key: string;
  readonly value: string;
  readonly effect: string;
}

export interface DeviceToleration {
  readonly key: string;
  /** "Equal" (also when empty) or "Exists"; any other tolerates nothing. */
  readonly operator: string;
  readonly value: string;
  /** Empty: every effect. */
  readonly effect: string;
}

const PREVENTING_EFFECTS: ReadonlySet<string> = new Set(['NoSchedule', 'NoExecute']);

export function deviceTaintsOf(raw: unknown): DeviceTaint[] {
  return asArray(raw).map((entry) => {
    const taint = asRecord(entry);
    return { key: stringField(taint, 'key'), value: stringField(taint, 'value'), effect: stringField(taint, 'effect') };
  });
}

export function deviceTolerationsOf(raw: unknown): DeviceToleration[] {
  return asArray(raw).map((entry) => {
    const toleration = asRecord(entry);
    return { key: stringField(toleration, 'key'), operator: stringField(toleration, 'operator'), value: stringField(toleration, 'value'), effect: stringField(toleration, 'effect') };
  });
}

/** taintPreventsAllocation: a NoSchedule or NoExecute taint no toleration tolerates. */
export function taintPreventsAllocation(taints: readonly DeviceTaint[], tolerations: readonly DeviceToleration[]): boolean {
  return taints.some((taint) => PREVENTING_EFFECTS.has(taint.effect) && !tolerations.some((toleration) => toleratesTaint(toleration, taint)));
}

function toleratesTaint(toleration: DeviceToleration, taint: DeviceTaint): boolean {
  if (toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  if (toleration.key !== '' && toleration.key !== taint.key) return false;
  if (toleration.operator === '' || toleration.operator === 'Equal') return toleration.value === taint.value;
  return toleration.operator === 'Exists';
}
