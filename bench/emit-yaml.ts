// A minimal block-style YAML emitter for generated benchmark input (the shape kubectl and Helm write).

const PLAIN = /^[A-Za-z0-9_/][A-Za-z0-9_./:@-]*$/;
/** Plain text that YAML 1.1 would read as a number. */
const NUMERIC = /^(?:[-+]?[0-9._]+(?:[eE][-+]?[0-9]+)?|0[xXoObB][0-9a-fA-F_]+)$/;
/** Words YAML 1.1 would read as something other than a string. */
const RESERVED = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

export function emitDocuments(values: readonly unknown[]): string {
  return values.map((value) => emitBlock(value, '')).join('---\n');
}

function emitBlock(value: unknown, indent: string): string {
  if (Array.isArray(value)) return value.map((item) => emitItem(item, indent)).join('');
  if (isRecord(value)) return Object.entries(value).map(([key, entry]) => emitEntry(key, entry, indent)).join('');
  return `${indent}${scalar(value)}\n`;
}

function emitEntry(key: string, value: unknown, indent: string): string {
  if (isEmpty(value)) return `${indent}${scalar(key)}: ${Array.isArray(value) ? '[]' : '{}'}\n`;
  if (Array.isArray(value)) return `${indent}${scalar(key)}:\n${emitBlock(value, `${indent}  `)}`;
  if (isRecord(value)) return `${indent}${scalar(key)}:\n${emitBlock(value, `${indent}  `)}`;
  return `${indent}${scalar(key)}: ${scalar(value)}\n`;
}

function emitItem(value: unknown, indent: string): string {
  if (isRecord(value) && !isEmpty(value)) {
    const nested = emitBlock(value, `${indent}  `);
    return `${indent}- ${nested.slice(indent.length + 2)}`;
  }
  if (Array.isArray(value) && !isEmpty(value)) return `${indent}-\n${emitBlock(value, `${indent}  `)}`;
  return `${indent}- ${isEmpty(value) ? (Array.isArray(value) ? '[]' : '{}') : scalar(value)}\n`;
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return PLAIN.test(value) && !RESERVED.test(value) && !NUMERIC.test(value) ? value : JSON.stringify(value);
  if (value === null) return 'null';
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}
