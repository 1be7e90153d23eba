// Which kube-scheduler plugin gave a reason, for reports that filter by plugin (the reasons are upstream's strings).

const PLUGIN_OF_REASON: readonly (readonly [RegExp, string])[] = [
  [/^node\(s\) were unschedulable$/, 'NodeUnschedulable'],
  [/^node\(s\) didn't match the requested node name$/, 'NodeName'],
  [/^node\(s\) had untolerated taint/, 'TaintToleration'],
  [/^node\(s\) didn't match Pod's node affinity\/selector$|^pod affinity terms conflict$|\[NodeAffinity\]$/, 'NodeAffinity'],
  [/^node\(s\) didn't have free ports/, 'NodePorts'],
  [/^Insufficient |^Too many pods$/, 'NodeResourcesFit'],
  [/ReadWriteOncePod|^node\(s\) had no available disk$/, 'VolumeRestrictions'],
  [/max volume count$/, 'NodeVolumeLimits'],
  [/volume node affinity conflict|unbound immediate PersistentVolumeClaims|persistent volumes to bind|persistentvolumeclaim ".*" not found|enough free storage|not provision/, 'VolumeBinding'],
  [/no available volume zone/, 'VolumeZone'],
  [/pod topology spread constraints|missing required label/, 'PodTopologySpread'],
  [/pod affinity rules|pod anti-affinity rules|existing pods anti-affinity/, 'InterPodAffinity'],
  [/^node\(s\) didn't match Pod's required features$/, 'NodeDeclaredFeatures'],
  [/daemon|DaemonSet/i, 'DaemonSet controller'],
];

/** The plugin that reports `reason`, or "other" for a reason this table does not know. */
export function pluginOfReason(reason: string): string {
  return PLUGIN_OF_REASON.find(([pattern]) => pattern.test(reason))?.[1] ?? 'other';
}
