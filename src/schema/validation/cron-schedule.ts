// robfig/cron/v3 ParseStandard, as the API server uses it for CronJob schedules: the same accepted syntax and error text.
import { parseGoDuration } from '../../model/go-duration.js';

interface Bounds { readonly min: number; readonly max: number; readonly names?: Readonly<Record<string, number>> }

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 }, { min: 0, max: 23 }, { min: 1, max: 31 }, { min: 1, max: 12, names: MONTHS }, { min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

// upstream: robfig/cron/v3 parser.go Parser.Parse (Minute | Hour | Dom | Month | Dow | Descriptor); undefined when valid
export function cronScheduleError(spec: string, isTimeZone: (name: string) => boolean): string | undefined {
  if (spec.length === 0) return 'empty spec string';
  let rest = spec;
  if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
    const space = rest.indexOf(' ');
    const location = rest.slice(rest.indexOf('=') + 1, space < 0 ? undefined : space);
    if (!isTimeZone(location)) return `provided bad location ${location}: unknown time zone ${location}`;
    rest = space < 0 ? '' : rest.slice(space).trim();
  }
  if (rest.startsWith('@')) return descriptorError(rest);
  const fields = rest.split(/\s+/).filter((field) => field !== '');
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (const [index, field] of fields.entries()) {
    for (const expr of field.split(',').filter((part) => part !== '')) {
      const error = rangeError(expr, FIELDS[index] ?? { min: 0, max: 0 });
      if (error) return error;
    }
  }
  return undefined;
}

// upstream: parser.go parseDescriptor
function descriptorError(descriptor: string): string | undefined {
  if (DESCRIPTORS.has(descriptor)) return undefined;
  if (descriptor.startsWith('@every ')) {
    const parsed = parseGoDuration(descriptor.slice('@every '.length));
    return typeof parsed === 'bigint' ? undefined : `failed to parse duration ${descriptor}: ${parsed}`;
  }
  return `unrecognized descriptor: ${descriptor}`;
}

// upstream: parser.go getRange
function rangeError(expr: string, bounds: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] ?? '').split('-');
  let start = bounds.min;
  let end = bounds.max;
  if (lowAndHigh[0] !== '*' && lowAndHigh[0] !== '?') {
    if (lowAndHigh.length > 2) return `too many hyphens: ${expr}`;
    const low = parseIntOrName(lowAndHigh[0] ?? '', bounds);
    if (typeof low === 'string') return low;
    const high = lowAndHigh.length === 2 ? parseIntOrName(lowAndHigh[1] ?? '', bounds) : low;
    if (typeof high === 'string') return high;
    [start, end] = [low, high];
  }
  let step = 1;
  if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (rangeAndStep.length === 2) {
    const parsed = mustParseInt(rangeAndStep[1] ?? '');
    if (typeof parsed === 'string') return parsed;
    step = parsed;
    if (lowAndHigh.length === 1) end = bounds.max;
  }
  if (start < bounds.min) return `beginning of range (${start}) below minimum (${bounds.min}): ${expr}`;
  if (end > bounds.max) return `end of range (${end}) above maximum (${bounds.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

function parseIntOrName(expr: string, bounds: Bounds): number | string {
  const named = bounds.names?.[expr.toLowerCase()];
  return named ?? mustParseInt(expr);
}

// upstream: parser.go mustParseInt with strconv.Atoi's error text
function mustParseInt(expr: string): number | string {
  if (!/^[+-]?\d+$/.test(expr)) return `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`;
  const value = Number(expr);
  if (value < 0) return `negative number (${value}) not allowed: ${expr}`;
  return value;
}
