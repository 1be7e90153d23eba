// The string formats the API server checks on custom resources (kube-openapi strfmt.Default), as Go parses them.
// upstream: apiextensions-apiserver pkg/apiserver/validation formats.go supportedVersionedFormats (v1.36) names the
// formats a CRD may use; kube-openapi pkg/validation/strfmt registers their checks. Left unchecked, because the Go
// behaviour differs between the kube-openapi versions Kubernetes ships or is not ported: hostname, email, uri, byte,
// isbn, isbn10, isbn13, creditcard, ssn, hexcolor, rgbcolor, quantity, and k8s-short-name / k8s-long-name (v1.34+);
// password accepts anything.

import { parseAddrStrict, parseCIDRSloppy, parseIPSloppy } from '../model/ip-address.js';

/** A format's check of a string value. */
export type FormatCheck = (value: string) => boolean;

const HEX = /^[0-9a-fA-F]+$/;

// upstream: kube-openapi strfmt default.go UUIDPattern, UUID3Pattern, UUID4Pattern, UUID5Pattern
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const UUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;

/** Checks by format name as upstream normalises it (dashes dropped: date-time is datetime). */
const CHECKS: Readonly<Record<string, FormatCheck>> = {
  // upstream: strfmt default.go isIPv4 (netutils.ParseIPSloppy, and a '.'), govalidator.IsIPv6 (net.ParseIP, which is
  // netip.ParseAddr without a zone, and a ':'), isCIDR (netutils.ParseCIDRSloppy)
  ipv4: (value) => parseIPSloppy(value) !== undefined && value.includes('.'),
  ipv6: (value) => !value.includes('%') && parseAddrStrict(value) !== undefined && value.includes(':'),
  cidr: (value) => parseCIDRSloppy(value) !== undefined,
  mac: isMAC,
  uuid: (value) => UUID.test(value),
  uuid3: (value) => UUID3.test(value),
  uuid4: (value) => UUID4.test(value),
  uuid5: (value) => UUID5.test(value),
  date: isDate,
  datetime: isDateTime,
  duration: isDuration,
  // upstream: strfmt bson.go IsBSONObjectID (primitive.ObjectIDFromHex: 24 hex digits)
  bsonobjectid: (value) => value.length === 24 && HEX.test(value),
};

/** The check of a format as a CRD spells it, or undefined for a format the API server does not check. */
export function formatCheck(name: string): FormatCheck | undefined {
  const normalized = name.replaceAll('-', '');
  return Object.hasOwn(CHECKS, normalized) ? CHECKS[normalized] : undefined;
}

/** The checks of `names` (as spelt), for a validator that refers to them by name. */
export function formatChecks(names: readonly string[]): Record<string, FormatCheck> {
  return Object.fromEntries(names.flatMap((name) => {
    const check = formatCheck(name);
    return check ? [[name, check]] : [];
  }));
}

/** upstream: Go net.ParseMAC: 6, 8 or 20 octets as xx:xx, xx-xx or xxxx.xxxx, one separator throughout. */
function isMAC(value: string): boolean {
  if (value.length < 14) return false;
  const separator = value[2] === ':' || value[2] === '-' ? value[2] : value[4] === '.' ? '.' : undefined;
  if (separator === undefined) return false;
  const width = separator === '.' ? 4 : 2;
  const groups = value.split(separator);
  const octets = (groups.length * width) / 2;
  return (octets === 6 || octets === 8 || octets === 20) && groups.every((group) => group.length === width && HEX.test(group));
}

/** upstream: strfmt date.go IsDate, time.Parse("2006-01-02"): the day must exist in that month. */
function isDate(value: string): boolean {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

function daysIn(month: number, year: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

// upstream: strfmt time.go DateTimePattern, matched on the lower-cased text after the first 't' ('.' is any rune but \n)
const TIME_OF_DAY = /^([0-9]{2}):([0-9]{2}):([0-9]{2})([^\n][0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/iu;

/** upstream: strfmt time.go IsDateTime: a date, a 't' (either case), a time of day; what follows a second 't' is ignored. */
function isDateTime(value: string): boolean {
  if (value.length < 4) return false;
  const [date, time] = value.split(/[tT]/);
  const match = time === undefined || !isDate(date ?? '') ? null : TIME_OF_DAY.exec(time);
  return match !== null && (match[1] ?? '') <= '23' && (match[2] ?? '') <= '59' && (match[3] ?? '') <= '59';
}

/** upstream: strfmt duration.go ParseDuration: Go's time.ParseDuration, else the Scala-like "3 hours 5 min". */
function isDuration(value: string): boolean {
  return isGoDuration(value) || isScalaDuration(value);
}

const TWO_63 = 1n << 63n;
const UNITS: Readonly<Record<string, bigint>> = { ns: 1n, us: 1000n, '\u00b5s': 1000n, '\u03bcs': 1000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };

/** upstream: Go time.ParseDuration, overflow included. */
function isGoDuration(value: string): boolean {
  const negative = value.startsWith('-');
  const body = negative || value.startsWith('+') ? value.slice(1) : value;
  if (body === '0') return true;
  if (body === '') return false;
  const part = /([0-9]*)(?:\.([0-9]*))?([^0-9.]*)/y;
  let total = 0n;
  for (let at = 0; at < body.length; at = part.lastIndex) {
    part.lastIndex = at;
    const [whole = '', integer = '', fraction, unitName = ''] = part.exec(body) ?? [];
    const unit = UNITS[unitName];
    if (whole === '' || (integer === '' && !fraction) || unit === undefined) return false;
    const v = addFraction(BigInt(integer || '0') * unit, fraction, unit);
    if (BigInt(integer || '0') > TWO_63 || v === undefined || (total += v) > TWO_63) return false;
  }
  return negative || total < TWO_63;
}

/** v plus the fraction's share of `unit` (Go truncates in float64), or undefined on overflow. */
function addFraction(v: bigint, fraction: string | undefined, unit: bigint): bigint | undefined {
  if (v > TWO_63) return undefined;
  let f = 0n;
  let scale = 1;
  for (const digit of fraction ?? '') {
    const next = f * 10n + BigInt(digit);
    if (f > (TWO_63 - 1n) / 10n || next > TWO_63) break;
    f = next;
    scale *= 10;
  }
  if (f === 0n) return v;
  const sum = v + BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
  return sum > TWO_63 ? undefined : sum;
}

const SCALA_DURATION = /^[\t\n\f\r ]*(?:[0-9]+[\t\n\f\r ]*[A-Za-z\u00b5]+[\t\n\f\r ]*)+$/;
const SCALA_PART = /([0-9]+)[\t\n\f\r ]*([A-Za-z\u00b5]+)/g;
const SCALA_UNITS: readonly (readonly string[])[] = [['ns', 'nano'], ['us', '\u00b5s', 'micro'], ['ms', 'milli'], ['s', 'sec'], ['m', 'min'], ['h', 'hr', 'hour'], ['d', 'day'], ['w', 'wk', 'week']];

/** upstream: strfmt duration.go's fallback: every number must fit an int64 (Atoi), and one unit must be known. */
function isScalaDuration(value: string): boolean {
  if (!SCALA_DURATION.test(value)) return false;
  let known = false;
  for (const [, count = '', name = ''] of value.matchAll(SCALA_PART)) {
    if (BigInt(count) > TWO_63 - 1n) return false;
    const unit = name.toLowerCase();
    known ||= SCALA_UNITS.some((variants) => variants.some((variant, index) => variant === unit || (index === variants.length - 1 && unit.startsWith(variant))));
  }
  return known;
}
