// What the scheduling dry-run can report, as checks (a leaf module: listing them loads no scheduler code).
import type { RuleMeta } from '../model/rule-meta.js';
import { INVALID_QUANTITY } from './quantity-findings.js';

export const UNSCHEDULABLE: RuleMeta = {
  id: 'unschedulable',
  severity: 'error',
  category: 'scheduling',
  description: 'a pod of the workload fits on no node of the cluster',
  rationale:
    "kubefit runs kube-scheduler's filter plugins (NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, " +
    'NodePorts, NodeResourcesFit, PodTopologySpread, InterPodAffinity) against the Nodes and bound Pods it was given, ' +
    'then places every replica together. A pod that fits nowhere stays Pending. The volume plugins (VolumeRestrictions, ' +
    'NodeVolumeLimits, VolumeBinding, VolumeZone) and DynamicResources are not modelled.',
  remediation:
    'Read the reasons per node: lower the requests, add the missing tolerations or labels, relax the affinity or spread ' +
    'constraints, or add capacity to the cluster.',
  defaultOn: true,
  notConfigurable: 'an unschedulable replica always fails the run; use kubefit lint to skip the scheduling dry-run',
};

export const SCHEDULING_CHECKS: readonly RuleMeta[] = [UNSCHEDULABLE, INVALID_QUANTITY];
