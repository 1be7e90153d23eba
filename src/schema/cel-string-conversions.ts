// CEL's conversions from strings as cel-go makes them (common/types/string.go ConvertToType): Go's strconv and time
// parsers, and "type conversion error from 'string' to '<type>'" when they fail. @bufbuild/cel's own are laxer
// (int(" 5"), int("0x10"), duration("") and double("x") succeed) or word the failure otherwise, where the API server
// rejects the object with cel-go's error (cel-validations.ts: "<error> evaluating rule: <message>").
import type { CelFunc, CelValue } from '@bufbuild/cel';
import { parseGoDuration } from '../model/go-duration.js';

type Cel = typeof import('@bufbuild/cel');

/** The start of every such error, which cel-validations.ts reports as a violation of the rule. */
export const CONVERSION_ERROR = 'type conversion error from ';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** int(string), uint(string), double(string), bool(string), duration(string); `duration` makes a Duration value from nanoseconds. */
export function goStringConversions(cel: Cel, duration: { readonly type: Parameters<Cel['celFunc']>[2]; readonly of: (nanoseconds: bigint) => CelValue }): CelFunc[] {
  const { celFunc, celUint, CelScalar } = cel;
  const fail = (type: string): never => {
    throw new Error(`${CONVERSION_ERROR}'string' to '${type}'`);
  };
  return [
    // strconv.ParseInt(s, 10, 64)
    celFunc('int', [CelScalar.STRING], CelScalar.INT, (text) => {
      const value = /^[+-]?[0-9]+$/.test(text) ? BigInt(text) : undefined;
      return value !== undefined && value >= INT64_MIN && value <= INT64_MAX ? value : fail('int');
    }),
    // strconv.ParseUint(s, 10, 64): no sign
    celFunc('uint', [CelScalar.STRING], CelScalar.UINT, (text) => {
      const value = /^[0-9]+$/.test(text) ? BigInt(text) : undefined;
      return value !== undefined && value <= UINT64_MAX ? celUint(value) : fail('uint');
    }),
    // strconv.ParseFloat(s, 64): decimal forms, inf/infinity/nan in any case; out of range is an error
    celFunc('double', [CelScalar.STRING], CelScalar.DOUBLE, (text) => {
      const special = /^([+-]?)(inf|infinity|nan)$/i.exec(text);
      if (special) return special[2]?.toLowerCase() === 'nan' ? Number.NaN : special[1] === '-' ? -Infinity : Infinity;
      const value = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(text) ? Number(text) : Number.NaN;
      return Number.isFinite(value) ? value : fail('double');
    }),
    // strconv.ParseBool
    celFunc('bool', [CelScalar.STRING], CelScalar.BOOL, (text) => {
      if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
      return ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text) ? false : fail('bool');
    }),
    // time.ParseDuration
    celFunc('duration', [CelScalar.STRING], duration.type, (text) => {
      const nanoseconds = parseGoDuration(text);
      return typeof nanoseconds === 'bigint' ? duration.of(nanoseconds) : fail('google.protobuf.Duration');
    }),
  ] as CelFunc[];
}
