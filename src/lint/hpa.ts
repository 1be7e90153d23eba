// The autoscaler of a workload among the inputs: a HorizontalPodAutoscaler (scaleTargetRef kind + name, same
// namespace), or a KEDA ScaledObject, from which KEDA makes the workload's HPA (scaleTargetRef kind defaulting to
// Deployment). upstream: kedacore/keda controllers/keda/hpa.go newHPAForScaledObject, getHPAMinReplicas
import { WORKLOADS } from './lint-index.js';
import { groupOf } from '../model/kinds.js';
import { asRecord, isKnownAs, type KubeObject } from '../model/object.js';
import type { Workload } from '../model/workload.js';
import type { LintIndex } from './lint-index.js';

/** The kinds a rule that asks for the autoscaler queries. */
export const AUTOSCALER_KINDS = ['HorizontalPodAutoscaler', 'ScaledObject'] as const;

/**
 * What a rule that asks hpaScaling must declare in meta.queries: the autoscalers, and the workloads, of which the one
 * of the target's name closest to the autoscaler is the one it scales.
 */
export const AUTOSCALER_QUERIES: readonly string[] = [WORKLOADS, ...AUTOSCALER_KINDS];

/** The HPA of the inputs that scales the workload, else the KEDA ScaledObject that makes one, if any. */
export function hpaScaling(index: LintIndex, workload: Workload): KubeObject | undefined {
  const { object } = workload;
  const scales = (scaler: KubeObject, defaultKind?: string): boolean => {
    const target = asRecord(asRecord(scaler.value['spec'])?.['scaleTargetRef']);
    const name = target?.['name'];
    if ((target?.['kind'] ?? defaultKind) !== object.ref.kind || typeof name !== 'string' || !isKnownAs(object, name)) return false;
    // of several objects of that name (alternative renders of one release), the one closest to the autoscaler
    const closest = index.named(object.ref.kind, name, scaler);
    return closest === undefined || closest === object;
  };
  return (
    index.nearby('HorizontalPodAutoscaler', object).find((hpa) => scales(hpa)) ??
    index.nearby('ScaledObject', object).find((scaledObject) => groupOf(scaledObject.ref.apiVersion) === 'keda.sh' && scales(scaledObject, 'Deployment'))
  );
}

/** The field that holds the autoscaler's lowest replica count. */
export function minReplicasField(scaler: KubeObject): 'minReplicas' | 'minReplicaCount' {
  return scaler.ref.kind === 'ScaledObject' ? 'minReplicaCount' : 'minReplicas';
}

/**
 * The autoscaler's lowest replica count: an HPA's minReplicas (1 when unset, as the API defaults it); a ScaledObject's
 * minReplicaCount when above 0, else the 1 KEDA gives the HPA it makes (scaling to zero when idle is KEDA's own).
 */
export function hpaMinReplicas(scaler: KubeObject): number {
  const min = asRecord(scaler.value['spec'])?.[minReplicasField(scaler)];
  if (scaler.ref.kind === 'ScaledObject') return typeof min === 'number' && min > 0 ? min : 1;
  return typeof min === 'number' ? min : 1;
}

/** How a message names the autoscaler's minimum: "minReplicas of its HorizontalPodAutoscaler". */
export function autoscalerMinimumText(scaler: KubeObject): string {
  return scaler.ref.kind === 'ScaledObject' ? 'minReplicaCount of its KEDA ScaledObject' : 'minReplicas of its HorizontalPodAutoscaler';
}
