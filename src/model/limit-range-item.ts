// A LimitRange item as the API server stores it: what SetDefaults_LimitRangeItem fills in for a Container item.
import { asRecord } from './object.js';

/** A Container item's default limits and requests. */
export interface ItemDefaults {
  readonly limits: Readonly<Record<string, unknown>>;
  readonly requests: Readonly<Record<string, unknown>>;
}

// upstream: pkg/apis/core/v1/defaults.go SetDefaults_LimitRangeItem: the API server stores a Container item with max
// filling the missing defaults, then default and min filling the missing default requests
export function itemDefaults(item: Readonly<Record<string, unknown>>): ItemDefaults {
  const limits = { ...asRecord(item['max']), ...asRecord(item['default']) };
  return { limits, requests: { ...asRecord(item['min']), ...limits, ...asRecord(item['defaultRequest']) } };
}
