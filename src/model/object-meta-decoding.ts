// kubectl's resource builder decodes every document's metadata into metav1.ObjectMeta before it uses the object, and
// refuses the document when that fails (a `name: y`, which go-yaml v2 reads as true, is no string): the object is
// never sent. kubefit's schema check reports such a field; the scheduling dry-run must not place the object either.
// upstream: cli-runtime pkg/resource/metadata_decoder.go metadataValidatingDecoder.Decode (v0.27.0..v0.36.0)
import type { Path } from './document.js';
import { describeValue } from './describe-value.js';

/** The ObjectMeta fields kubefit names an object by, each a Go string: encoding/json refuses any other JSON type but null. */
const IDENTITY_FIELDS = ['name', 'generateName', 'namespace'] as const;

export interface ObjectMetaError {
  readonly path: Path;
  /** Worded as the schema check words the same field (schema/explain.ts). */
  readonly message: string;
}

/** Why kubectl cannot decode the object's metadata (only the fields that identify it), or undefined. */
export function objectMetaDecodingError(value: Readonly<Record<string, unknown>>): ObjectMetaError | undefined {
  const metadata = value['metadata'];
  if (metadata === undefined || metadata === null) return undefined;
  if (typeof metadata !== 'object' || Array.isArray(metadata)) return { path: ['metadata'], message: `metadata must be a mapping, got ${describeValue(metadata)}` };
  const fields = metadata as Readonly<Record<string, unknown>>;
  const field = IDENTITY_FIELDS.find((key) => fields[key] !== undefined && fields[key] !== null && typeof fields[key] !== 'string');
  return field === undefined ? undefined : { path: ['metadata', field], message: `metadata.${field} must be a string, got ${describeValue(fields[field])}` };
}
