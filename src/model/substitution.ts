// Substitution variables: Flux's post-build substitution and envsubst (`${APP}`, `${CAPACITY:=5Gi}`, `$SA_NAME`)
// replace them in the text before anything reaches the API server, so a value holding one is not the value applied.

/**
 * A variable reference as envsubst reads it: `$NAME`, or `${NAME}` perhaps with an operator and a default (drone/envsubst,
 * which Flux uses; cluster-api's test templates write `${ NAME }`). `$(NAME)` is Kubernetes' own dependent variable
 * syntax, not this. A `${NAME` whose closing brace lies beyond the string is one the YAML reading of the unsubstituted
 * template cut: cluster-api-provider-aws writes a whole annotation as `${ROLE/#arn/eks.amazonaws.com/role-arn: arn}`,
 * a key `${ROLE/#arn/eks.amazonaws.com/role-arn` to YAML.
 */
const VARIABLE = /\$(?:\{ *[A-Za-z_][A-Za-z0-9_]*(?:(?: *[:=+?^,#%/-][^}]*)? *\}|(?: *[:=+?^,#%/-][^}]*)?$)|[A-Za-z_][A-Za-z0-9_]*)/;

/** Whether `value` is a string with a substitution variable in it (its form is the substituted text's, unknown here). */
export function holdsSubstitution(value: unknown): boolean {
  return typeof value === 'string' && value.includes('$') && VARIABLE.test(value);
}

/** Whether a string anywhere in `value` (a whole object) holds a substitution variable. */
export function holdsSubstitutionDeep(value: unknown): boolean {
  if (typeof value === 'string') return holdsSubstitution(value);
  if (Array.isArray(value)) return value.some(holdsSubstitutionDeep);
  return value !== null && typeof value === 'object' && Object.values(value).some(holdsSubstitutionDeep);
}
