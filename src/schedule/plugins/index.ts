// The filter plugins kubefit runs, in kube-scheduler's default order (pkg/scheduler/apis/config/v1/default_plugins.go).
// DynamicResources follows InterPodAffinity (DynamicResourceAllocation, on by default from v1.34; it skips pods without
// claims and releases before). NodeDeclaredFeatures (v1.36+) is added
// by default_plugins.go's applyFeatureGates when its gate is on; no 1.36 default_plugins.go was at hand to confirm its
// slot, so kubefit runs it last. The slot only decides which reason a node that several filters reject reports.
import type { FilterPlugin } from '../framework.js';
import dynamicResources from './dynamic-resources.js';
import interPodAffinity from './inter-pod-affinity.js';
import nodeAffinity from './node-affinity.js';
import nodeDeclaredFeatures from './node-declared-features.js';
import nodeName from './node-name.js';
import nodePorts from './node-ports.js';
import nodeResourcesFit from './node-resources-fit.js';
import nodeUnschedulable from './node-unschedulable.js';
import nodeVolumeLimits from './node-volume-limits.js';
import podTopologySpread from './pod-topology-spread.js';
import taintToleration from './taint-toleration.js';
import volumeBinding from './volume-binding.js';
import volumeRestrictions from './volume-restrictions.js';
import volumeZone from './volume-zone.js';

export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  volumeRestrictions,
  nodeVolumeLimits,
  volumeBinding,
  volumeZone,
  podTopologySpread,
  interPodAffinity,
  dynamicResources,
  nodeDeclaredFeatures,
];
