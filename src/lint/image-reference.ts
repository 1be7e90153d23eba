// Container image references: `[registry[:port]/]repository[:tag][@digest]`, split the way the container runtime does.
// upstream: github.com/distribution/reference (normalize.go ParseNormalizedNamed): the tag is after the last `:` of
// the last path component, so `registry:5000/app` has no tag.

export interface ImageReference {
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const digest = at < 0 ? undefined : image.slice(at + 1);
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  return colon < 0
    ? { repository: name, tag: undefined, digest }
    : { repository: name.slice(0, colon), tag: name.slice(colon + 1), digest };
}

/** A tag that may point at different images over time: none, or `latest`. Digests pin the image. */
export function isMutableReference(reference: ImageReference): boolean {
  return reference.digest === undefined && (reference.tag === undefined || reference.tag === 'latest');
}

// upstream: github.com/distribution/reference regexp.go: the grammar ParseNormalizedNamed reads (the kubelet refuses
// anything else with InvalidImageName before any pull)
const ALPHANUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::${TAG})?(?:@${DIGEST})?$`);
const NAME_TOTAL_LENGTH_MAX = 255;

/** Whether `image` is an image reference at all (a placeholder such as "FILLED BY THE OPERATOR" is not). */
export function isImageReference(image: string): boolean {
  const match = REFERENCE.exec(image);
  return match !== null && (match[1] ?? '').length <= NAME_TOTAL_LENGTH_MAX;
}

/**
 * Template placeholders (`<image_url>`, `${IMAGE}`, `$(IMAGE)`, `{{ .Image }}`) and build-time resolver references
 * (`ko://github.com/org/cmd`, which ko resolve replaces by a digest) are not image references.
 */
const PLACEHOLDER = /[<>{}$]|^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Whether `image` of the container named `containerName` names an image the kubelet would pull as written: not a
 * placeholder, and text the reference grammar takes (`FILLED BY THE OPERATOR`, which an operator replaces, is none).
 * Istio's sidecar injector replaces `image: auto` of a container named istio-proxy (how Istio installs gateways).
 */
// upstream: istio pkg/kube/inject (testdata/inject/gateway.yaml: `image: auto` becomes the proxy image; docs: Installing Gateways)
export function isPulledAsWritten(image: string, containerName: unknown): boolean {
  if (image === 'auto' && containerName === 'istio-proxy') return false;
  return image !== '' && !PLACEHOLDER.test(image) && isImageReference(image);
}
