// The structured-parameters objects of resource.k8s.io/v1beta1 in the v1 shape the scheduler reads (the API server
// stores and serves them as v1): a request's fields move under `exactly` unless it has subrequests, and a device's
// fields come out of `basic`. v1beta2 has v1's shape.
// upstream: pkg/apis/resource/v1beta1/conversion.go Convert_v1beta1_DeviceRequest_To_resource_DeviceRequest,
// Convert_v1beta1_Device_To_resource_Device (v1.36)
import { asArray, asRecord, type KubeObject } from '../../model/object.js';

type Value = Readonly<Record<string, unknown>>;

const V1BETA1 = 'resource.k8s.io/v1beta1';

/** The object as DynamicResources reads it: its ref, and its value in the v1 shape. */
export type ResourceObject = Pick<KubeObject, 'ref' | 'value'>;

export function asResourceV1(object: KubeObject): ResourceObject {
  if (object.ref.apiVersion !== V1BETA1) return object;
  const value = object.value;
  const spec = asRecord(value['spec']);
  if (!spec) return object;
  switch (object.ref.kind) {
    case 'ResourceSlice':
      return { ref: object.ref, value: { ...value, spec: { ...spec, devices: asArray(spec['devices']).map(deviceToV1) } } };
    case 'ResourceClaim':
      return { ref: object.ref, value: { ...value, spec: claimSpecToV1(spec) } };
    case 'ResourceClaimTemplate': {
      const claimSpec = asRecord(spec['spec']);
      return claimSpec ? { ref: object.ref, value: { ...value, spec: { ...spec, spec: claimSpecToV1(claimSpec) } } } : object;
    }
    default:
      return object;
  }
}

function claimSpecToV1(spec: Value): Value {
  const devices = asRecord(spec['devices']);
  if (!devices) return spec;
  return { ...spec, devices: { ...devices, requests: asArray(devices['requests']).map(requestToV1) } };
}

/** A request with subrequests keeps only its name and them; any other becomes an exact request. */
function requestToV1(raw: unknown): unknown {
  const request = asRecord(raw);
  if (!request) return raw;
  const { name, firstAvailable, ...exactly } = request;
  if (asArray(firstAvailable).length > 0) return { name, firstAvailable };
  return { name, exactly };
}

function deviceToV1(raw: unknown): unknown {
  const device = asRecord(raw);
  const basic = asRecord(device?.['basic']);
  if (!device || !basic) return raw;
  const { basic: _basic, ...rest } = device;
  return { ...rest, ...basic };
}
