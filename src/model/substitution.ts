// Substitution variables: Flux's post-build substitution and envsubst (`${APP}`, `${CAPACITY:=5Gi}`, `${TAG:-1.0}`)
// replace them in the text before anything reaches the API server, so a value holding one is not the value applied.

/** A variable reference in drone/envsubst's syntax (which Flux uses): a name, then perhaps an operator and a default. */
const VARIABLE = /\$\{[A-Za-z_][A-Za-z0-9_]*(?:[:=+?^,#%/-][^}]*)?\}/;

/** Whether `value` is a string with a substitution variable in it (its form is the substituted text's, unknown here). */
export function holdsSubstitution(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${') && VARIABLE.test(value);
}
