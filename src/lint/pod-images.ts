// The images a pod pulls: each container's image, and each image volume's reference (ImageVolume), with their pull policies.
import type { Path } from '../model/document.js';
import { asArray, asRecord } from '../model/object.js';
import type { Workload } from '../model/workload.js';

export interface PulledImage {
  /** The reference as written (image of a container, image.reference of a volume); undefined when absent. */
  readonly image: unknown;
  readonly imagePath: Path;
  /** The pull policy as written (imagePullPolicy, image.pullPolicy); undefined when absent. */
  readonly policy: unknown;
  readonly policyPath: Path;
  /** The name of the container that runs the image; undefined for an image volume. */
  readonly containerName: unknown;
}

/**
 * The containers of a DeploymentConfig whose image an ImageChange trigger sets: a config not deployed yet always has
 * them updated to the image stream tag's image, so what is written there is not what runs.
 */
// upstream: openshift/api apps/v1 types.go DeploymentTriggerImageChangeParams (Automatic, ContainerNames)
function triggeredContainers(workload: Workload): ReadonlySet<unknown> {
  if (workload.kind !== 'DeploymentConfig') return new Set();
  const triggers = asArray(asRecord(workload.object.value['spec'])?.['triggers']).map(asRecord);
  return new Set(triggers.flatMap((trigger) => (trigger?.['type'] === 'ImageChange' ? asArray(asRecord(trigger['imageChangeParams'])?.['containerNames']) : [])));
}

/**
 * Every container's image (init, regular, ephemeral), then every image volume's. A volume's reference "behaves in the
 * same way as pod.spec.containers[*].image", and its pullPolicy defaults as a container's imagePullPolicy does. A
 * container whose image a DeploymentConfig's ImageChange trigger sets is left out.
 */
// upstream: staging/src/k8s.io/api/core/v1/types.go ImageVolumeSource
export function pulledImages(workload: Workload): PulledImage[] {
  const triggered = triggeredContainers(workload);
  const containers = triggered.size === 0 ? workload.containers : workload.containers.filter((container) => !triggered.has(container.value['name']));
  const images: PulledImage[] = containers.map((container) => ({
    image: container.value['image'],
    imagePath: container.path.concat('image'),
    policy: container.value['imagePullPolicy'],
    policyPath: container.path.concat('imagePullPolicy'),
    containerName: container.value['name'],
  }));
  asArray(workload.podSpec['volumes']).forEach((entry, index) => {
    const source = asRecord(asRecord(entry)?.['image']);
    if (!source) return;
    const path = workload.podSpecPath.concat('volumes', index, 'image');
    images.push({ image: source['reference'], imagePath: path.concat('reference'), policy: source['pullPolicy'], policyPath: path.concat('pullPolicy'), containerName: undefined });
  });
  return images;
}
