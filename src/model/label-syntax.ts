// Label keys and values as labels.NewRequirement accepts them (apimachinery validation.IsQualifiedName, IsValidLabelValue).
// The formats are upstream's (pkg/util/validation/validation.go, v1.36); schema validation words its errors with them.
export const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
export const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
export const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';

const NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

/**
 * A name of at most 63 characters, optionally after a DNS subdomain prefix of at most 253 and '/'. The patterns admit
 * only ASCII, so lengths are byte lengths.
 */
export function isQualifiedName(key: string): boolean {
  const slash = key.indexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (name.length > 63 || !NAME.test(name)) return false;
  return slash < 0 || (slash <= 253 && SUBDOMAIN.test(key.slice(0, slash)));
}

/** Empty, or at most 63 characters that start and end alphanumeric. */
export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && NAME.test(value));
}
