// encoding/json decodes []byte fields with base64.StdEncoding before any validation: a bad value fails the whole
// request with the decoder's message (Secret data, ConfigMap binaryData, the caBundle of webhooks, APIServices and CRD
// conversion webhooks).
import { holdsSubstitution } from '../../model/substitution.js';
import { invalid, key, type ErrorList, type FieldPath } from './field-error.js';
import { arrayField, asRecord, recordField, stringEntries, stringField, type Fields } from './values.js';

/** The []byte values of one kind, with their field paths. */
export type BytesFields = (object: Fields) => { readonly field: FieldPath; readonly value: string }[];

/** The first value that does not decode fails the request; nothing else of the object is validated. */
export function decodeBytesFields(kind: string, fields: BytesFields): (object: Fields) => ErrorList {
  return (object) => {
    for (const { field, value } of fields(object)) {
      // `${AWS_B64ENCODED_CREDENTIALS}` is replaced by base64 text before the object is applied (model/substitution.ts)
      if (holdsSubstitution(value)) continue;
      const offset = corruptBase64Offset(value);
      if (offset === undefined) continue;
      const text = `${kind} in version "v1" cannot be handled as a ${kind}: illegal base64 data at input byte ${offset}`;
      return [{ ...invalid(field, '', ''), text }];
    }
    return [];
  };
}

/** Every value of a map[string][]byte field (Secret data, ConfigMap binaryData). */
// kubectl sends the object as JSON, whose encoder writes a map's keys sorted by their bytes (encoding/json): the API
// server's decoder meets them, and fails at the first bad one, in that order, not the file's
export const mapValues = (name: string): BytesFields => (object) =>
  stringEntries(object[name])
    .sort(([a], [b]) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')))
    .map(([entry, value]) => ({ field: [name, key(entry)], value }));

/** webhooks[*].clientConfig.caBundle of Validating- and MutatingWebhookConfigurations. */
export const webhookCABundles: BytesFields = (object) =>
  arrayField(object, 'webhooks').flatMap((webhook, index) => {
    const value = stringField(recordField(asRecord(webhook), 'clientConfig'), 'caBundle');
    return value === undefined ? [] : [{ field: ['webhooks', index, 'clientConfig', 'caBundle'], value }];
  });

/** spec.conversion.webhook.clientConfig.caBundle of a CustomResourceDefinition. */
export const conversionWebhookCABundle: BytesFields = (object) => {
  const value = stringField(recordField(recordField(recordField(recordField(object, 'spec'), 'conversion'), 'webhook'), 'clientConfig'), 'caBundle');
  return value === undefined ? [] : [{ field: ['spec', 'conversion', 'webhook', 'clientConfig', 'caBundle'], value }];
};

/** spec.caBundle of an APIService. */
export const apiServiceCABundle: BytesFields = (object) => {
  const value = stringField(recordField(object, 'spec'), 'caBundle');
  return value === undefined ? [] : [{ field: ['spec', 'caBundle'], value }];
};

const BASE64 = /^[A-Za-z0-9+/]$/;

// upstream: Go encoding/base64 (*Encoding).Decode with StdEncoding (decodeQuantum): \r and \n are skipped, padding is required
export function corruptBase64Offset(text: string): number | undefined {
  const chars: { char: string; at: number }[] = [];
  for (let at = 0; at < text.length; at++) if (text[at] !== '\n' && text[at] !== '\r') chars.push({ char: text[at] ?? '', at });
  for (let index = 0; index < chars.length; index += 4) {
    const quantum = chars.slice(index, index + 4);
    for (let j = 0; j < quantum.length; j++) {
      const entry = quantum[j];
      if (!entry) continue;
      if (entry.char === '=') {
        if (j < 2) return entry.at;
        // a first '=' of two: at the end, the padding is short (len(src)); else the byte before the one not '='
        const second = quantum[3];
        if (j === 2 && second?.char !== '=') return second ? second.at - 1 : text.length;
        const trailing = chars[index + 4];
        if (trailing) return trailing.at;
        break;
      }
      if (!BASE64.test(entry.char)) return entry.at;
    }
    if (quantum.length < 4) return quantum[0]?.at ?? 0;
  }
  return undefined;
}
