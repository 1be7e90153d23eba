// Values that are credentials by their shape alone, whatever the variable or key holding them is called.
// Patterns follow the token formats the issuers document (the same ones gitleaks and GitHub secret scanning use).

export interface SecretShape {
  readonly name: string;
  readonly pattern: RegExp;
}

export const SECRET_SHAPES: readonly SecretShape[] = [
  { name: 'a private key', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/ },
  { name: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b/ },
  { name: 'a Slack token', pattern: /\bxox[baprs]-[0-9A-Za-z-]{10,}\b/ },
  { name: 'a Stripe live key', pattern: /\b[sr]k_live_[0-9A-Za-z]{24,}\b/ },
];

/** Documentation examples (AWS's AKIAIOSFODNN7EXAMPLE) and obvious placeholders are not credentials. */
const EXAMPLE = /EXAMPLE|x{8,}|X{8,}|\.\.\./;

/** The kind of credential the value is, or undefined. */
export function secretShapeOf(value: string): string | undefined {
  for (const shape of SECRET_SHAPES) {
    const match = shape.pattern.exec(value);
    if (match && !EXAMPLE.test(shape.name === 'a private key' ? privateKeyBody(value, match.index) : match[0])) return shape.name;
  }
  return undefined;
}

/** A private key block whose body is a placeholder (`...`, `xxxx`) is an example, not a key. */
function privateKeyBody(value: string, start: number): string {
  const end = value.indexOf('-----END', start + 11);
  const body = value.slice(value.indexOf('\n', start) + 1, end < 0 ? undefined : end).replace(/\s/g, '');
  return body.length < 64 ? '...' : body;
}
