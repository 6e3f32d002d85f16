/**
 * Is this literal a secret, and how to talk about it without printing it.
 */

/** Values everyone copies from tutorials; always a secret when they reach a secret sink or name. */
const PLACEHOLDERS = new Set([
  'keyboard cat', 'secret', 'secretkey', 'secret-key', 'secret_key', 'mysecret', 'my-secret', 'my_secret',
  'changeme', 'change-me', 'change_me', 'changeit', 'please-change-me', 'please change me', 'pleasechangeme',
  'supersecret', 'super-secret', 'super_secret', 'shhhhh', 'shhhhhhared-secret', 'shh', 'shhh', 'shhhh',
  'default', 'password', 'dev-secret', 'development', 'test', 'abc123', '123456', 'qwerty', 'your-secret',
  'your_secret', 'your-secret-key', 'yoursecret', 'jwtsecret', 'jwt-secret', 'jwt_secret', 'session-secret',
  'sessionsecret', 'cookie-secret', 'some secret hurr', 'insecure', 'notasecret', 'not-a-secret', 'todo',
]);

function isPlaceholderSecret(text: string): boolean {
  return PLACEHOLDERS.has(text.trim().toLowerCase()) && !isInstruction(text);
}

/**
 * Text that tells the developer what to put there (`'your secret key'`,
 * `'change me'`, `'replace with a long random string'`), not a value anyone
 * deploys as a key: not reported as a default or a named secret.
 */
export function isInstruction(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (!/\s/.test(t)) return false;
  return /^(?:your|please|enter|insert|replace|put|change|add|set|use|generate|fill)\b/.test(t) || /\b(?:here|change me|your)\b/.test(t);
}

const PRIVATE_PEM = /-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----/;
const PUBLIC_PEM = /-----BEGIN ((RSA )?PUBLIC KEY|CERTIFICATE)-----/;

/** A PEM private key with key material after its header (a bare header string, as in a format check, is not a key). */
export function isPrivateKeyPem(text: string): boolean {
  const m = PRIVATE_PEM.exec(text);
  if (!m) return false;
  const body = text.slice(m.index + m[0].length).replace(/-----END[^-]*-----[\s\S]*$/, '');
  return /[A-Za-z0-9+/=]{16,}/.test(body.replace(/\\n|\s/g, ''));
}

/** Mentions a private-key PEM header (`-----BEGIN … PRIVATE KEY-----`), with or without material. */
export function hasPrivateKeyHeader(text: string): boolean {
  return PRIVATE_PEM.test(text);
}

function isPublicMaterial(text: string): boolean {
  return PUBLIC_PEM.test(text) || /^https?:\/\//i.test(text.trim());
}

/** `JWT_SECRET`, `SESSION_SECRET`: the *name* of an environment variable, not its value. */
function looksLikeEnvName(text: string): boolean {
  return /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(text);
}

/** Reads like prose: a message, label or sentence (`'Invalid password'`, `'JWT_SECRET is required'`). */
function looksLikeProse(text: string): boolean {
  const t = text.trim();
  if (/\s/.test(t) && /^[A-Z]/.test(t)) return true;
  if (t.split(/\s+/).length >= 4) return true;
  return /[.!?:]$/.test(t) && /\s/.test(t);
}

/** Setting values and documented stand-ins, not secrets: `'broken-auth/no-hardcoded-secret': 'warn'`, `{ secret: 'required' }`, `clientSecret: 'dummy'`. */
const CONFIG_WORDS = new Set(['warn', 'error', 'off', 'on', 'true', 'false', 'none', 'null', 'undefined', 'auto', 'required', 'optional', 'enabled', 'disabled', 'string', 'hidden', 'text', 'yes', 'no', 'dummy', 'placeholder', 'example', 'sample', 'mock', 'fake', 'xxx']);

/**
 * A literal found at a place whose *name* says secret (not at a library sink):
 * is it worth reporting? Placeholders and private keys always are; otherwise a
 * token-like value (no spaces, not an env-var name, not prose, not public).
 */
export function isSecretLiteral(text: string): boolean {
  const t = text.trim();
  if (t.length === 0) return false;
  if (isPrivateKeyPem(t)) return true;
  if (isPublicMaterial(t)) return false;
  if (isPlaceholderSecret(t)) return true;
  if (isInstruction(t)) return false;
  if (looksLikeEnvName(t)) return false;
  if (looksLikeProse(t)) return false;
  if (CONFIG_WORDS.has(t.toLowerCase())) return false;
  if (/^(\$\{|\{\{|<%|%\(|<)/.test(t)) return false; // template placeholders, markup
  if (/^(process\.env|env\.|vault:|arn:|projects\/|sm:\/\/|ssm:)/i.test(t)) return false; // references to a secret store
  if (/^[./~]|\.(pem|key|json|txt|crt)$/i.test(t)) return false; // a path to a key file
  return t.length >= 4;
}

/**
 * A literal that reaches a library's secret parameter: anything non-empty
 * except public material (a verify key can be a public PEM or a JWKS URL).
 */
export function isSinkSecretLiteral(text: string): boolean {
  const t = text.trim();
  if (t.length === 0) return false;
  if (isPublicMaterial(t)) return false;
  if (looksLikeEnvName(t) && !isPlaceholderSecret(t)) return false;
  return true;
}

/** `"su…" (24 chars)`: never more than the first 2 characters and the length. */
export function mask(text: string): string {
  if (hasPrivateKeyHeader(text)) return `a PEM private key (${text.length} chars)`;
  const head = [...text].slice(0, 2).join('');
  return `"${head}…" (${text.length} chars)`;
}
