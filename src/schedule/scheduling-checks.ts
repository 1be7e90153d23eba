// What the scheduling dry-run can report, as checks (a leaf module: listing them loads no scheduler code).
import { countText } from '../model/count-text.js';
import type { RuleMeta } from '../model/rule-meta.js';
import { DUPLICATE_CLUSTER_OBJECT } from './duplicate-cluster-objects.js';
import { DUPLICATE_WORKLOAD } from './duplicate-workloads.js';
import { INVALID_QUANTITY } from './quantity-findings.js';
import { MALFORMED_CLUSTER_OBJECT } from './malformed-cluster-objects.js';

export const UNSCHEDULABLE: RuleMeta = {
  id: 'unschedulable',
  severity: 'error',
  category: 'scheduling',
  description: 'a pod of the workload fits on no node of the cluster',
  rationale:
    "kubefit runs kube-scheduler's filter plugins (NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, " +
    'NodePorts, NodeResourcesFit, VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone, PodTopologySpread, ' +
    'InterPodAffinity) against the Nodes, bound Pods and storage objects it was given, then places every replica ' +
    'together. A pod that fits nowhere stays Pending unless preempting lower-priority pods makes room. ' +
    'DynamicResources is not modelled.',
  remediation:
    'Read the reasons per node: lower the requests, add the missing tolerations or labels, relax the affinity or spread ' +
    'constraints, or add capacity to the cluster.',
  defaultOn: true,
  notConfigurable: 'an unschedulable replica always fails the run; use kubefit lint to skip the scheduling dry-run',
};

export const VOLUMES_NOT_CHECKED: RuleMeta = {
  id: 'volumes-not-checked',
  severity: 'info',
  category: 'scheduling',
  description: 'a pod mounts a PersistentVolumeClaim whose claim, StorageClass or volume the inputs lack, so its volumes were not checked',
  rationale:
    'Without a cluster snapshot kubefit cannot tell a claim that exists in the cluster from one that does not, so the ' +
    'volume plugins (VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone) skip claims the inputs lack. ' +
    'Without a snapshot that holds storage objects (none, or one of nodes and pods only) the same goes for ' +
    'StorageClasses and PersistentVolumes: a claim whose class or volume the inputs lack (or that names no class while ' +
    'they hold no default one) counts as bound to a volume every node reaches. It is said once per run.',
  remediation:
    'Pass the cluster\'s storage objects with --cluster (kubectl get nodes,pods,pvc,pv,storageclass,csinode -A -o yaml), ' +
    'or add the PersistentVolumeClaims to the inputs.',
  defaultOn: true,
};

export const RESOURCE_CLAIMS_NOT_CHECKED: RuleMeta = {
  id: 'resource-claims-not-checked',
  severity: 'info',
  category: 'scheduling',
  description: 'a pod claims devices through resourceClaims or an extended resource a DeviceClass backs (Dynamic Resource Allocation), which the dry-run could not check',
  rationale:
    "kube-scheduler's DynamicResources plugin places a pod with spec.resourceClaims only on a node whose ResourceSlices " +
    'can allocate every claimed device (device classes, CEL selectors, counters). kubefit runs that filter from the ' +
    'ResourceSlices, DeviceClasses, ResourceClaims and ResourceClaimTemplates it is given, except where the inputs hold ' +
    'none of them, where a claim or template is missing, where a selector fails to evaluate or uses what kubefit cannot ' +
    'evaluate (CEL libraries beyond quantity, semver and cel.bind, such as url or ip) or where the claims or slices use a feature it does not model ' +
    '(distinctAttribute constraints, and from 1.36 partitionable devices, binding conditions, consumable capacity; device taints and ' +
    'request tolerations are checked). From Kubernetes 1.36 ' +
    '(DRAExtendedResource) an extended resource that a DeviceClass names (spec.extendedResourceName, or ' +
    'deviceclass.resource.kubernetes.io/<class>) on a node that does not advertise it is allocated devices of that class ' +
    'too, which kubefit checks unless the slices use such a feature or the class a selector it cannot evaluate. The nodes ' +
    'it reports for such a pod were checked for everything but the claimed devices.',
  remediation: 'Check the claims against the cluster\'s ResourceSlices yourself (kubectl get resourceslices), or turn the check off once you have.',
  defaultOn: true,
};

export const NAMESPACE_LABELS_UNKNOWN: RuleMeta = {
  id: 'namespace-labels-unknown',
  severity: 'info',
  category: 'scheduling',
  description: "a pod affinity term's namespaceSelector reads labels of a namespace whose Namespace object the inputs and --cluster lack",
  rationale:
    "kube-scheduler matches a pod (anti-)affinity term's namespaceSelector against the labels of the cluster's " +
    'Namespace objects: the incoming pod\'s terms select among all Namespaces, and an existing pod\'s terms are matched ' +
    "against the incoming pod's Namespace. A namespace that holds pods exists, but without its object kubefit knows " +
    'only the kubernetes.io/metadata.name label the API server sets on every Namespace, and matches the selector ' +
    'against that label alone: a term selecting other labels (team: data) may then match nothing, or a NotIn or ' +
    'DoesNotExist term everything, where the cluster would decide otherwise. A selector that reads only ' +
    'kubernetes.io/metadata.name, or an empty one (all namespaces), needs no Namespace object.',
  remediation:
    'Pass the cluster\'s Namespaces with --cluster (kubectl get namespaces,nodes,pods -A -o yaml), or add the Namespace ' +
    'objects to the inputs.',
  defaultOn: true,
};

export const SCHEDULING_GATED: RuleMeta = {
  id: 'scheduling-gated',
  severity: 'info',
  category: 'scheduling',
  description: 'pods carry spec.schedulingGates, so kube-scheduler holds them until the gates are removed',
  rationale:
    'A pod created with scheduling gates stays Pending (PodScheduled False, reason SchedulingGated) and kube-scheduler ' +
    'does not try to place it until every gate is removed, usually by the controller that added it (Kueue, quota or ' +
    'gang schedulers). kubefit places such pods after the pods without gates, which kube-scheduler tries first, as it will ' +
    'once the gates are gone, and says that they wait first.',
  remediation: 'Nothing to fix if a controller removes the gates; otherwise remove spec.schedulingGates, or the pods never start.',
  defaultOn: true,
};

export const DEPLOYMENT_PAUSED: RuleMeta = {
  id: 'deployment-paused',
  severity: 'info',
  category: 'scheduling',
  description: 'a new Deployment is paused, so its controller creates no pods until it is resumed',
  rationale:
    'The deployment controller only syncs a paused Deployment: it creates no ReplicaSet for one that has none, so a ' +
    'Deployment applied with spec.paused: true runs no pods until spec.paused is false (an existing one keeps the pods ' +
    'it has and rolls out no change). kubefit places the pods after the others, as they will run once resumed, and ' +
    'says that nothing runs before.',
  remediation: 'Set spec.paused to false (or `kubectl rollout resume`) when the Deployment should run.',
  defaultOn: true,
};

export const JOB_SUSPENDED: RuleMeta = {
  id: 'job-suspended',
  severity: 'info',
  category: 'scheduling',
  description: 'a Job (or CronJob) is suspended, so its controller creates no pods until it is resumed',
  rationale:
    'A Job with spec.suspend: true gets no pods (condition Suspended, reason JobSuspended) until spec.suspend is false; a ' +
    'suspended CronJob creates no Jobs. Queue controllers such as Kueue create Jobs suspended and resume the ones they ' +
    'admit. kubefit places the pods after the others, as they will run once resumed, and says that nothing runs before.',
  remediation: 'Nothing to fix if a controller resumes the Job; otherwise set spec.suspend to false, or the Job never runs.',
  defaultOn: true,
};

export const NO_SCHEDULER_PROFILE: RuleMeta = {
  id: 'no-scheduler-profile',
  severity: 'warning',
  category: 'scheduling',
  description: 'a pod names a schedulerName no scheduler profile has, so the dry-run does not place it',
  rationale:
    'kube-scheduler only schedules pods whose spec.schedulerName is one of its profiles: "default-scheduler", or the ' +
    'profiles of the KubeSchedulerConfiguration given with --scheduler-config. A pod naming another scheduler stays ' +
    'Pending until a scheduler of that name places it, so kubefit cannot say where it would run. A pod created with ' +
    'spec.nodeName goes to no scheduler, so it is checked on its node whatever scheduler it names.',
  remediation:
    'Pass the KubeSchedulerConfiguration that defines the profile with --scheduler-config, or remove ' +
    'spec.schedulerName so that the default scheduler places the pod.',
  defaultOn: true,
};

/**
 * The most pods the dry-run runs on one node. The kubelet's maxPods defaults to 110 and managed clusters allow a few
 * hundred; a node claiming a billion pod slots (a hand-written snapshot meaning "no limit", or hostile input) would
 * otherwise take a billion replicas one bind at a time, each copying its growing pod list: the run would not end.
 */
export const MAX_NODE_PODS = 2500n;

export const NODE_PODS_CAPPED: RuleMeta = {
  id: 'node-pods-capped',
  severity: 'info',
  category: 'scheduling',
  description: `a Node claims more allocatable pods than the dry-run runs on one node (${MAX_NODE_PODS}), and the dry-run filled it to that many`,
  rationale:
    "The kubelet runs at most its maxPods (110 by default, a few hundred on managed clusters), and the Node's " +
    'status.allocatable.pods says how many. kube-scheduler binds pods one at a time, and so does the dry-run: a node ' +
    `claiming millions of pod slots would keep it placing replicas for hours. kubefit runs at most ${MAX_NODE_PODS} pods on a ` +
    'node and says so when it filled one to that limit: "Too many pods" on that node then comes earlier than it would ' +
    'in the cluster.',
  remediation: "Give the node its real pod capacity (kubectl get node NAME -o jsonpath='{.status.allocatable.pods}').",
  defaultOn: true,
};

/**
 * The most pods the dry-run places in one run, every workload together: more than a cluster may hold (Kubernetes'
 * scalability limits: 150,000 pods in all, 5,000 nodes). The ceiling per node alone does not bound a run: 400 nodes
 * claiming a billion pod slots each took a Deployment of two billion replicas 1,000,000 binds (40 s), 5,000 such nodes
 * would take ten minutes.
 */
export const MAX_PLACED_PODS = 250_000;

const NOT_TRIED = 'not tried: ';

/** The placement message of the replicas a run left untried once it had placed its most pods. */
export function notTriedMessage(maxPlaced: number): string {
  return `${NOT_TRIED}the dry-run places at most ${maxPlaced} pods in one run`;
}

export function isNotTriedMessage(message: string | null | undefined): boolean {
  return message?.startsWith(NOT_TRIED) === true;
}

export const PLACEMENT_STOPPED: RuleMeta = {
  id: 'placement-stopped',
  severity: 'info',
  category: 'scheduling',
  description: `the dry-run placed ${countText(MAX_PLACED_PODS)} pods, the most it places in one run, and tried no more replicas`,
  rationale:
    'A cluster holds at most 150,000 pods (Kubernetes\' scalability limits), and kube-scheduler binds them one at a time, ' +
    'as the dry-run does. Workloads asking for more replicas than that, on nodes that claim room for them, would keep ' +
    `the dry-run binding for minutes. After ${countText(MAX_PLACED_PODS)} pods it stops: the replicas it did not try count as ` +
    'unschedulable, with a message that says they were not tried, not why they would not fit.',
  remediation: 'Check the replica counts of the workloads, and the pods the Nodes claim (status.allocatable.pods).',
  defaultOn: true,
};

export const SCHEDULING_CHECKS: readonly RuleMeta[] = [UNSCHEDULABLE, INVALID_QUANTITY, DUPLICATE_CLUSTER_OBJECT, DUPLICATE_WORKLOAD, MALFORMED_CLUSTER_OBJECT, VOLUMES_NOT_CHECKED, RESOURCE_CLAIMS_NOT_CHECKED, NAMESPACE_LABELS_UNKNOWN, SCHEDULING_GATED, JOB_SUSPENDED, DEPLOYMENT_PAUSED, NO_SCHEDULER_PROFILE, NODE_PODS_CAPPED, PLACEMENT_STOPPED];
