// Whether a reference is a real object or port name, or a template placeholder left in the manifest.

/**
 * Lower-case DNS-1123 shape (object names, port names): `$K8S_SA_NAME`, `${PORT}`, `<KSA_NAME>` and `KSA_NAME` are
 * placeholders a script substitutes, and the schema stage reports them as invalid names.
 */
// upstream: apimachinery/pkg/util/validation/validation.go IsDNS1123Subdomain, IsValidPortName (the character sets)
export function isNameLike(value: string): boolean {
  return /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(value);
}
