// With a mutable tag, IfNotPresent/Never means each node keeps whatever image it pulled first.
import { defineRule } from '../src/lint/define-rule.js';
import { isMutableReference, isPulledAsWritten, parseImageReference } from '../src/lint/image-reference.js';
import { pulledImages } from '../src/lint/pod-images.js';

export default defineRule({
  meta: {
    id: 'image-pull-policy',
    severity: 'warning',
    category: 'images',
    description: 'image with a mutable tag (latest or none) is not pulled with imagePullPolicy Always',
    rationale:
      'For latest or untagged images the default pull policy is Always, but an explicit IfNotPresent makes each node keep the image it happened to pull first, and Never (the kubelet never pulls) runs whatever image each node was given, so replicas on different nodes run different code; for an image loaded onto the nodes on purpose (kind load docker-image), pin a tag instead of using latest. Pinned tags and digests are not affected, nor are template placeholders (${IMAGE}, <image_url>), ko:// references and the images an OpenShift DeploymentConfig\'s ImageChange trigger sets, which are no image the kubelet pulls as written. An image volume\'s pullPolicy (spec.volumes[].image) is checked as a container\'s imagePullPolicy is.',
    remediation: 'Pin the image to a version or digest; until then set imagePullPolicy: Always or remove the field.',
    defaultOn: true,
    appliesTo: { target: 'podSpec' },
    messages: { notAlways: 'image "{{image}}" has a mutable tag but {{field}} is {{policy}}' },
  },
  check(workload, { report }) {
    for (const { image, policy, policyPath, containerName } of pulledImages(workload)) {
      if (typeof image !== 'string' || typeof policy !== 'string' || policy === 'Always' || !isPulledAsWritten(image, containerName)) continue;
      if (!isMutableReference(parseImageReference(image))) continue;
      report({ messageId: 'notAlways', data: { image, field: String(policyPath.at(-1)), policy }, at: policyPath });
    }
  },
});
