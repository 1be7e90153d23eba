// kustomize's `images` transformer: the image names, tags and digests `kustomize build` writes into containers
// (upstream: api/filters/imagetag, LegacyFilter and the images field specs; api/internal/image). A kubebuilder
// project's `image: controller:latest` is deployed as the tag its kustomization sets, and is checked as such.
import { asArray, asRecord } from '../model/object.js';
import { mapItems } from './kustomized-document.js';
import { kustomizeRegExp } from './kustomize-regexp.js';
import { derivedMap } from './value-origins.js';

/** One `images` entry. */
export interface ImageRule {
  readonly name: string;
  readonly newName: string;
  readonly newTag: string;
  readonly digest: string;
  readonly tagSuffix: string;
}

/** The `images` entries of a kustomization, in order. */
export function imageRulesOf(kustomization: Readonly<Record<string, unknown>>): ImageRule[] {
  return asArray(kustomization['images']).flatMap(imageRuleOf);
}

/**
 * The rule of a builtin ImageTagTransformer configuration (`transformers:` of a kustomization): its `imageTag` is an
 * `images` entry, applied to containers as the `images` field is (upstream: api/builtins ImageTagTransformer, whose
 * Transform runs imagetag.LegacyFilter before its fieldSpecs).
 */
export function imageTagTransformerRule(config: unknown): ImageRule | undefined {
  const record = asRecord(config);
  if (record?.['apiVersion'] !== 'builtin' || record['kind'] !== 'ImageTagTransformer') return undefined;
  return imageRuleOf(record['imageTag'])[0];
}

function imageRuleOf(entry: unknown): ImageRule[] {
  const image = asRecord(entry);
  const text = (key: string) => (typeof image?.[key] === 'string' ? (image[key] as string) : typeof image?.[key] === 'number' ? String(image[key]) : '');
  const name = text('name');
  return name === '' ? [] : [{ name, newName: text('newName'), newTag: text('newTag'), digest: text('digest'), tagSuffix: text('tagSuffix') }];
}

/**
 * `value` with the rule applied to every `containers` and `initContainers` list in it (LegacyFilter) and to image
 * volumes (`spec/volumes[]/image/reference`, also in a template); `value` itself when nothing changes. Not a
 * CustomResourceDefinition's schema.
 */
export function withImage(value: Readonly<Record<string, unknown>>, rule: ImageRule): Readonly<Record<string, unknown>> {
  if (value['kind'] === 'CustomResourceDefinition') return value;
  return (retagged(value, rule) as Record<string, unknown> | undefined) ?? value;
}

/** `node` with its containers' images (and image volumes' references) retagged, or undefined when unchanged. */
function retagged(node: unknown, rule: ImageRule): unknown {
  if (Array.isArray(node)) {
    const items = mapItems(node as unknown[], (item) => retagged(item, rule) ?? item);
    return items === node ? undefined : items;
  }
  const map = asRecord(node);
  if (!map) return undefined;
  let out: Record<string, unknown> | undefined;
  for (const [key, child] of Object.entries(map)) {
    let next = retagged(child, rule);
    const list = next ?? child;
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(list)) next = withContainerImages(list, rule) ?? next;
    if (key === 'volumes' && Array.isArray(list)) next = withVolumeImages(list, rule) ?? next;
    if (next !== undefined) (out ??= { ...map })[key] = next;
  }
  return out;
}

/** Containers (or init containers) with their images retagged, or undefined when none changes. */
function withContainerImages(containers: readonly unknown[], rule: ImageRule): readonly unknown[] | undefined {
  const next = mapItems(containers, (container) => {
    const record = asRecord(container);
    const image = record?.['image'];
    const updated = typeof image === 'string' ? retaggedImage(image, rule) : undefined;
    return updated === undefined || !record ? container : derivedMap({ ...record, image: updated }, record, new Map());
  });
  return next === containers ? undefined : next;
}

/** Image volumes with their references retagged, or undefined when none changes. */
function withVolumeImages(volumes: readonly unknown[], rule: ImageRule): readonly unknown[] | undefined {
  const next = mapItems(volumes, (volume) => {
    const record = asRecord(volume);
    const image = asRecord(record?.['image']);
    const reference = image?.['reference'];
    const updated = typeof reference === 'string' ? retaggedImage(reference, rule) : undefined;
    return updated === undefined || !record || !image ? volume : { ...record, image: { ...image, reference: updated } };
  });
  return next === volumes ? undefined : next;
}

/** The image as the rule rewrites it (upstream: imageTagUpdater.SetImageValue), or undefined when it does not match. */
export function retaggedImage(image: string, rule: ImageRule): string | undefined {
  if (!isImageMatched(image, rule.name)) return undefined;
  let [name, tag, digest] = splitImage(image);
  if (rule.newName !== '') name = rule.newName;
  if (rule.newTag !== '' && rule.digest !== '') [tag, digest] = [rule.newTag, rule.digest];
  else if (rule.newTag !== '') [tag, digest] = [rule.newTag, ''];
  else if (rule.digest !== '') [tag, digest] = ['', rule.digest];
  else if (rule.tagSuffix !== '') [tag, digest] = [tag + rule.tagSuffix, ''];
  const out = `${name}${tag !== '' ? `:${tag}` : ''}${digest !== '' ? `@${digest}` : ''}`;
  return out === image ? undefined : out;
}

/** upstream: image.IsImageMatched (the name is a regular expression there too). */
function isImageMatched(image: string, name: string): boolean {
  return kustomizeRegExp(name, (source) => `^${source}(:[a-zA-Z0-9_.{}-]*)?(@[a-zA-Z0-9]+([.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{}-]*)?$`)?.test(image) ?? false;
}

/** upstream: image.Split: name, tag and digest (a registry port's colon is not a tag's). */
function splitImage(image: string): [string, string, string] {
  const slash = image.indexOf('/');
  const offset = slash > 0 ? slash : 0;
  const search = image.slice(offset);
  const at = search.indexOf('@');
  const colon = search.indexOf(':');
  if (colon < 0 && at < 0) return [image, '', ''];
  if (at >= 0 && (at < colon || colon < 0)) return [image.slice(0, offset + at), '', image.slice(offset + at + 1)];
  if (at >= 0 && colon >= 0) return [image.slice(0, offset + colon), image.slice(offset + colon + 1, offset + at), image.slice(offset + at + 1)];
  return [image.slice(0, offset + colon), image.slice(offset + colon + 1), ''];
}
