// The filter plugins kubefit runs, in kube-scheduler's default order (pkg/scheduler/apis/config/v1/default_plugins.go).
// The volume plugins (VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone) and DynamicResources are not
// modelled: they need PersistentVolumes, StorageClasses, CSINodes and ResourceClaims.
import type { FilterPlugin } from '../framework.js';
import interPodAffinity from './inter-pod-affinity.js';
import nodeAffinity from './node-affinity.js';
import nodeName from './node-name.js';
import nodePorts from './node-ports.js';
import nodeResourcesFit from './node-resources-fit.js';
import nodeUnschedulable from './node-unschedulable.js';
import podTopologySpread from './pod-topology-spread.js';
import taintToleration from './taint-toleration.js';

export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  podTopologySpread,
  interPodAffinity,
];
