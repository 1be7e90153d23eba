// Label keys and values as labels.NewRequirement accepts them (apimachinery validation.IsQualifiedName, IsValidLabelValue).
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A name of at most 63 characters, optionally after a DNS subdomain prefix and '/'. */
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
