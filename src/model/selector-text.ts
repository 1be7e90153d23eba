// Label selectors written as text (`app=web,tier in (a,b),!canary`), read as apimachinery's labels.Parse reads them.
import { isLabelValue, isQualifiedName } from './label-syntax.js';
import type { LabelSelector, Requirement } from './labels.js';

/** The selector `text` denotes ("" selects everything), or undefined when labels.Parse rejects it. */
export function parseSelectorText(text: string): LabelSelector | undefined {
  const requirements: Requirement[] = [];
  for (const part of splitRequirements(text)) {
    const requirement = parseRequirement(part.trim());
    if (!requirement) return undefined;
    requirements.push(requirement);
  }
  return { requirements };
}

/** The comma-separated requirements (commas inside `( )` belong to a set). */
function splitRequirements(text: string): string[] {
  if (text.trim() === '') return [];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const SET = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/;
const COMPARISON = /^([^\s=!<>]+)\s*(==|=|!=|<|>)\s*(\S*)$/;

function parseRequirement(text: string): Requirement | undefined {
  if (text.startsWith('!')) {
    const key = text.slice(1).trim();
    return isQualifiedName(key) ? { key, operator: 'DoesNotExist', values: [] } : undefined;
  }
  if (isQualifiedName(text)) return { key: text, operator: 'Exists', values: [] };
  const set = SET.exec(text);
  if (set) {
    const [, key = '', operator, list = ''] = set;
    const values = list.split(',').map((value) => value.trim());
    if (!isQualifiedName(key) || !values.every(isLabelValue)) return undefined;
    // a set of one empty value is `()`; labels.Parse reads it as the empty string
    return { key, operator: operator === 'in' ? 'In' : 'NotIn', values };
  }
  const comparison = COMPARISON.exec(text);
  if (!comparison) return undefined;
  const [, key = '', operator, value = ''] = comparison;
  if (!isQualifiedName(key)) return undefined;
  if (operator === '<' || operator === '>') return /^\d+$/.test(value) ? { key, operator: operator === '<' ? 'Lt' : 'Gt', values: [value] } : undefined;
  if (!isLabelValue(value)) return undefined;
  return { key, operator: operator === '!=' ? 'NotIn' : 'In', values: [value] };
}
