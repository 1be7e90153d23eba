// encoding/json reads a []byte field from a JSON list of byte numbers as well as from base64 text: a slice of uint8 is
// decoded element by element like any slice, and only a JSON string is base64 (a null element is 0). The API server
// so takes a Secret's `data: {a: [104, 105]}` for "hi"; the schema, which wants base64 text there, sees that text.
// upstream: sigs.k8s.io/json internal/golang/encoding/json decode.go array, literalStore (the API server's decoder)
import type { SchemaError } from './compiled-validator.js';
import { pointerPath, type Path } from '../model/document.js';
import { valueAt } from '../model/workload.js';

/** The []byte fields of the built-in kinds, by `apiVersion kind`; `*` is any key or index. */
// upstream: core/v1 Secret.Data, ConfigMap.BinaryData; admissionregistration/v1 WebhookClientConfig.CABundle;
// apiextensions/v1 WebhookClientConfig.CABundle; apiregistration/v1 APIServiceSpec.CABundle; certificates/v1
// CertificateSigningRequestSpec.Request, CertificateSigningRequestStatus.Certificate
const BYTES_FIELDS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'v1 Secret': [['data', '*']],
  'v1 ConfigMap': [['binaryData', '*']],
  'admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration': [['webhooks', '*', 'clientConfig', 'caBundle']],
  'admissionregistration.k8s.io/v1 MutatingWebhookConfiguration': [['webhooks', '*', 'clientConfig', 'caBundle']],
  'apiextensions.k8s.io/v1 CustomResourceDefinition': [['spec', 'conversion', 'webhook', 'clientConfig', 'caBundle']],
  'apiregistration.k8s.io/v1 APIService': [['spec', 'caBundle']],
  'certificates.k8s.io/v1 CertificateSigningRequest': [['spec', 'request'], ['status', 'certificate']],
};

/**
 * `value` with every list of byte numbers that `errors` reports where a []byte field of `kind` wants a string
 * replaced by its base64 text, or undefined when there is none.
 */
export function withByteLists(kind: string, value: unknown, errors: readonly SchemaError[]): unknown {
  const fields = BYTES_FIELDS[kind];
  if (!fields) return undefined;
  const lists = errors.flatMap((error) => {
    if (error.keyword !== 'type' || error.params['type'] !== 'string') return [];
    const path = pointerPath(value, error.instancePath);
    const bytes = fields.some((field) => matches(field, path)) ? byteList(valueAt(value, path)) : undefined;
    return bytes ? [{ path, text: Buffer.from(bytes).toString('base64') }] : [];
  });
  if (lists.length === 0) return undefined;
  const decoded = structuredClone(value);
  for (const { path, text } of lists) (valueAt(decoded, path.slice(0, -1)) as Record<string | number, unknown>)[path.at(-1) ?? ''] = text;
  return decoded;
}

function matches(field: readonly string[], path: Path): boolean {
  return field.length === path.length && field.every((step, index) => step === '*' || step === path[index]);
}

/**
 * The bytes of a list encoding/json reads into a []byte: whole numbers 0 to 255 (a number kubectl writes as JSON
 * without a fraction or exponent: json.Marshal writes -0 as "-0", which ParseUint refuses) or null.
 */
function byteList(value: unknown): number[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const bytes: number[] = [];
  for (const item of value as unknown[]) {
    if (item === null) bytes.push(0);
    else if (typeof item === 'number' && Number.isInteger(item) && item >= 0 && item <= 255 && !Object.is(item, -0)) bytes.push(item);
    else return undefined;
  }
  return bytes;
}
