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
