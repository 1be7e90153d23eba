// An image without a tag or with `latest` is not reproducible: every pull may run different code.
import { defineRule } from '../src/lint/define-rule.js';
import { isPulledAsWritten, parseImageReference } from '../src/lint/image-reference.js';
import { pulledImages } from '../src/lint/pod-images.js';

export default defineRule({
  meta: {
    id: 'latest-tag',
    severity: 'error',
    category: 'images',
    description: 'image has the tag latest or no tag and no digest',
    rationale:
      'An image reference without a tag means latest, and latest moves: two nodes may run different code under the same manifest, a rollback does not roll back, and nobody can tell which version is running. A digest pins the exact image, with or without a tag. The references of image volumes (spec.volumes[].image.reference) are checked as container images are. Template placeholders such as <image_url>, ${IMAGE} or FILLED BY THE OPERATOR (text that is no image reference) and build-time references such as ko://github.com/org/cmd (replaced by a pinned digest when ko resolves them) Istio\'s image: auto of an istio-proxy container (replaced by the sidecar injector) and the image of an OpenShift DeploymentConfig container that an ImageChange trigger names (replaced by the image stream tag\'s image before the first rollout) are not reported, and neither are images from the registries the allowedRegistries option names.',
    remediation: 'Pin the image to a version tag such as nginx:1.27.2, or better to a digest (nginx@sha256:...).',
    defaultOn: true,
    appliesTo: { target: 'podSpec' },
    messages: {
      noTag: 'image "{{image}}" has no tag, so it runs whatever latest is at pull time',
      latestTag: 'image "{{image}}" uses the mutable tag latest',
    },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowedRegistries: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description: 'Registries (or registry/path prefixes) whose images may float, such as a local development registry (localhost:5000, kind.local).',
          },
        },
      },
      defaults: { allowedRegistries: [] as readonly string[] },
    },
  },
  check(workload, { options, report }) {
    for (const { image, imagePath, containerName } of pulledImages(workload)) {
      if (typeof image !== 'string' || !isPulledAsWritten(image, containerName)) continue;
      if (options.allowedRegistries.some((registry) => image.startsWith(`${registry.replace(/\/+$/, '')}/`))) continue;
      const reference = parseImageReference(image);
      if (reference.digest !== undefined) continue;
      if (reference.tag === undefined) report({ messageId: 'noTag', data: { image }, at: imagePath });
      else if (reference.tag === 'latest') report({ messageId: 'latestTag', data: { image }, at: imagePath });
    }
  },
});
