/**
 * One vocabulary for the names the rules care about: passwords, secrets,
 * tokens, auth cookies. Every rule asks here instead of keeping its own regex.
 */

const wordCache = new Map<string, readonly string[]>();

/** Splits `jwtSecret`, `JWT_SECRET`, `jwt-secret`, `x-api-key` into lower-case words. */
export function words(name: string): readonly string[] {
  const hit = wordCache.get(name);
  if (hit) return hit;
  const result = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (wordCache.size > 50_000) wordCache.clear();
  wordCache.set(name, result);
  return result;
}

/** Words that, after a secret word, say the value is *about* the secret, not the secret. */
const META_WORDS = new Set([
  'name', 'names', 'env', 'var', 'variable', 'field', 'header', 'param', 'path', 'file', 'filename',
  'id', 'arn', 'ref', 'length', 'len', 'size', 'min', 'max', 'manager', 'store', 'provider',
  'version', 'label', 'placeholder', 'message', 'msg', 'error', 'hint', 'title', 'description',
  'url', 'uri', 'endpoint', 'location', 'type', 'kind', 'format', 'encoding', 'algorithm', 'alg',
  'regex', 'pattern', 'prefix', 'suffix', 'rotation', 'expiry', 'expires', 'ttl', 'count', 'key',
  'required', 'missing', 'invalid', 'set', 'exists', 'input', 'text', 'column', 'selector',
]);

const PUBLIC_WORDS = new Set(['public', 'pub', 'publishable', 'jwks', 'cert', 'certificate']);
/** Words of a name for a message or an error, wherever they stand in it. */
const MESSAGE_WORDS = new Set(['msg', 'err', 'error', 'errmsg', 'warning', 'hint', 'placeholder', 'tooltip']);

/** `publicKey`, `JWKS_URI`, `certPem`: names of public key material. */
export function isPublicName(name: string): boolean {
  return words(name).some((x) => PUBLIC_WORDS.has(x));
}

/** Substrings every secret name has (`secret`, `passphrase`, or `key` after a qualifier): a cheap reject before splitting words. */
const SECRET_NAME_HINT = /secret|passphrase|key/i;
/** Substrings every password name has (see PASSWORD_WORDS). */
const PASSWORD_NAME_HINT = /pass|pw/i;
/** Substrings every token name has (see isTokenName). */
const TOKEN_NAME_HINT = /token|jwt|bearer|key|sid|session|otp|nonce/i;

/**
 * Names that hold a signing/encryption secret: `SESSION_SECRET`, `jwtSecret`,
 * `privateKey`, `signingKey`, `hmacKey`, `secretKey`, `clientSecret`, `passphrase`.
 * Not `secretName`, `JWT_SECRET_ENV`, `IS_PUBLIC_KEY`, `publicKey`.
 */
export function isSecretName(name: string): boolean {
  if (name.includes('/') || name.includes('.')) return false; // a rule id, path or dotted key, not a binding
  if (!SECRET_NAME_HINT.test(name)) return false; // every accepted name has one of these words
  const w = words(name);
  if (w.length === 0) return false;
  if (w.some((x) => PUBLIC_WORDS.has(x))) return false;
  // A message about the secret (`MSG_INVALID_SECRET`, `errorMissingSecret`), not the secret.
  if (w.some((x) => MESSAGE_WORDS.has(x))) return false;
  const last = w[w.length - 1]!;
  const prev = w.length > 1 ? w[w.length - 2]! : '';
  if (last === 'secret' || last === 'secrets' || last === 'passphrase') return true;
  if (prev === 'secret' && last === 'key') return true;
  if (last === 'key' || last === 'keys') {
    return ['private', 'signing', 'sign', 'hmac', 'jwt', 'encryption', 'master', 'secret', 'aes', 'cipher', 'crypto'].includes(prev);
  }
  if (w.includes('secret') && (last === 'key' || !META_WORDS.has(last))) return true;
  return false;
}

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'passphrase', 'pw', 'passcode', 'pword']);
const HASH_WORDS = new Set(['hash', 'hashed', 'digest', 'encrypted', 'crypted', 'bcrypt', 'salt', 'salted', 'argon', 'argon2', 'scrypt']);
const NOT_PASSWORD_WORDS = new Set([
  'confirm', 'confirmation', 'confirmed', 'repeat', 'repeated', 'verify', 'again', 'retype', 'policy', 'strength',
  'reset', 'expires', 'expiry', 'expired', 'changed', 'updated', 'length', 'min', 'max', 'rules', 'label',
  'placeholder', 'field', 'input', 'error', 'message', 'visible', 'shown', 'show', 'hidden', 'type', 'required',
  'token', 'valid', 'invalid', 'match', 'matches', 'mismatch', 'forgot', 'is', 'has', 'should', 'can',
]);

/** `password`, `pass`, `newPassword`, `userPassword`, `pwd`: a raw password. Not `passwordHash`, `confirmPassword`, `passwordResetToken`. */
export function isPasswordName(name: string): boolean {
  if (!PASSWORD_NAME_HINT.test(name)) return false;
  const w = words(name);
  if (!w.some((x) => PASSWORD_WORDS.has(x))) return false;
  if (w.some((x) => HASH_WORDS.has(x) || NOT_PASSWORD_WORDS.has(x))) return false;
  if (w.includes('pass') && (w.includes('port') || w.includes('through') || w.includes('by'))) return false;
  return true;
}

/** A name that says the value is a hash/digest of something (`passwordHash`, `hashed_password`). */
export function isHashName(name: string): boolean {
  return words(name).some((x) => HASH_WORDS.has(x));
}

/** A name that says the password is the confirmation copy (`confirmPassword`, `password2`, `passwordConfirmation`). */
export function isConfirmationName(name: string): boolean {
  const w = words(name);
  return w.some((x) => x === 'confirm' || x === 'confirmation' || x === 'confirmed' || x === 'repeat' || x === 'repeated' || x === 'retype' || x === 'again' || x === 'verify')
    || /^(password|pass|pwd)2$/i.test(name);
}

/** Names of auth tokens and keys: `token`, `accessToken`, `refresh_token`, `apiKey`, `sessionId`, `jwt`, `otp`. */
export function isTokenName(name: string): boolean {
  if (!TOKEN_NAME_HINT.test(name)) return false;
  const w = words(name);
  if (w.length === 0) return false;
  if (w.some((x) => PUBLIC_WORDS.has(x))) return false;
  // A message about the secret (`MSG_INVALID_SECRET`, `errorMissingSecret`), not the secret.
  if (w.some((x) => MESSAGE_WORDS.has(x))) return false;
  const last = w[w.length - 1]!;
  if (META_WORDS.has(last) && last !== 'key' && last !== 'id') return false;
  if (w.includes('token') || w.includes('tokens') || w.includes('jwt') || w.includes('idtoken') || w.includes('bearer')) return true;
  if (w.includes('api') && last === 'key') return true;
  if (last === 'apikey') return true;
  if ((w.includes('session') && (last === 'id' || last === 'key')) || last === 'sid' || last === 'sessionid') return true;
  if (last === 'otp' || last === 'totp' || last === 'nonce') return true;
  return false;
}

const AUTH_COOKIE_WORDS = new Set([
  'session', 'sess', 'sid', 'sessionid', 'token', 'jwt', 'auth', 'authentication', 'remember', 'refresh', 'access',
  'connect', 'login', 'identity', 'id', 'user', 'credential', 'credentials', 'bearer', 'csrf', 'xsrf',
]);
const NON_AUTH_COOKIE_WORDS = new Set([
  'theme', 'locale', 'lang', 'language', 'consent', 'analytics', 'ga', 'gid', 'tracking', 'utm', 'currency',
  'timezone', 'tz', 'sidebar', 'layout', 'color', 'mode', 'banner', 'dismissed', 'tour', 'preferences', 'prefs',
  // counters and timestamps about logins are not logins: `login_attempts`, `visits`, `last_login`
  'attempts', 'attempt', 'count', 'counter', 'tries', 'visits', 'views', 'last', 'seen', 'expires', 'expiry',
  // a double-submit CSRF cookie must be readable by script; it is not a login
  'csrf', 'xsrf',
]);

/** Cookie names that carry authentication state: `session`, `sid`, `connect.sid`, `token`, `jwt`, `remember_me`, `refresh_token`, `__Host-auth`. */
export function isAuthCookieName(name: string): boolean {
  const w = words(name);
  if (w.some((x) => NON_AUTH_COOKIE_WORDS.has(x))) return false;
  if (w.length === 1 && (w[0] === 'id' || w[0] === 'user')) return false;
  return w.some((x) => AUTH_COOKIE_WORDS.has(x) && x !== 'id' && x !== 'user')
    || (w.includes('user') && w.includes('id'));
}

/** Names of things that are a secret to compare in constant time: signatures, tokens, API keys, reset/OTP codes, HMACs. */
function isSecretCompareName(name: string): boolean {
  const w = words(name);
  if (isTokenName(name) || isSecretName(name)) return true;
  return w.some((x) => x === 'signature' || x === 'sig' || x === 'hmac' || x === 'mac' || x === 'digest')
    || (w.includes('code') && w.some((x) => ['otp', 'reset', 'verification', 'verify', 'login', 'auth', 'confirmation', 'mfa', 'totp', 'recovery', 'backup'].includes(x)));
}

/** Words that say a name is *about* a credential (its expiry, type, length, hash, where it lives), not the credential itself. */
const CREDENTIAL_DESCRIPTOR_WORDS = new Set([
  'expires', 'expiry', 'expired', 'expiration', 'exp', 'ttl', 'age', 'at', 'count', 'length', 'len', 'size', 'type',
  'types', 'kind', 'version', 'name', 'names', 'label', 'url', 'uri', 'endpoint', 'field', 'fields', 'env', 'var',
  'options', 'opts', 'config', 'settings', 'policy', 'rules', 'required', 'missing', 'invalid', 'valid', 'present',
  'exists', 'has', 'is', 'prefix', 'suffix', 'format', 'regex', 'pattern', 'path', 'file', 'store', 'storage',
  'service', 'manager', 'provider', 'strategy', 'error', 'message', 'msg', 'sent', 'used', 'revoked', 'issued',
  'created', 'updated', 'changed', 'hint', 'placeholder', 'input', 'strength', 'visible', 'shown', 'show', 'hidden',
  'fake', 'mock', 'dummy', 'sample', 'example', 'stub', 'demo', 'test',
  // lexer / parser tokens and pagination cursors: `firstToken`, `tokenBefore`, `nextToken`, `closingParenToken`
  'first', 'last', 'next', 'prev', 'previous', 'opening', 'closing', 'before', 'after', 'penultimate', 'following',
  'preceding', 'paren', 'comma', 'semi', 'semicolon', 'brace', 'bracket', 'punctuator', 'keyword', 'operator', 'lexer',
  'parser', 'eof', 'whitespace', 'comment', 'comments', 'jsx', 'page', 'cursor', 'continuation',
  // `passNumber`, `passCount`, `passThrough`: a pass of an algorithm, not a password
  'number', 'num', 'index', 'idx', 'phase', 'step', 'through', 'mode',
  // type signatures: `callSignature`, `MethodSignature`, `indexSignature`
  'call', 'construct', 'method', 'function', 'property', 'overload', 'declaration',
]);

const ONE_TIME_CODE_QUALIFIERS = new Set([
  'otp', 'totp', 'reset', 'verification', 'verify', 'login', 'auth', 'confirmation', 'confirm', 'mfa', 'recovery',
  'backup', 'activation', 'magic', 'sms', 'security', 'access', 'twofa', '2fa', 'one', 'time', 'pin',
  // a code that admits its holder to an account or a team: `inviteCode`, `joinCode`
  'invite', 'invitation', 'join',
]);

/** A one-time code: `otp`, `resetCode`, `verificationCode`, `mfaCode`, `pinCode`, `passcode`. Not a bare `code` (HTTP status, country). */
function isOneTimeCodeName(name: string): boolean {
  const w = words(name);
  if (w.some((x) => CREDENTIAL_DESCRIPTOR_WORDS.has(x))) return false;
  if (w.some((x) => x === 'otp' || x === 'totp' || x === 'passcode' || x === 'pin')) return true;
  return (w.includes('code') || w.includes('codes')) && w.some((x) => ONE_TIME_CODE_QUALIFIERS.has(x));
}

/**
 * A value that is itself a credential, whatever the context: a password,
 * secret, token, session id, API key, one-time code, Authorization or Cookie
 * header (`password`, `resetToken`, `apiKey`, `otp`, `authHeader`, `cookie`).
 * Not names about one (`tokenExpiresAt`, `passwordHash`, `tokenType`, `hasToken`).
 */
export function isCredentialName(name: string): boolean {
  const w = words(name);
  if (w.length === 0) return false;
  if (w.some((x) => CREDENTIAL_DESCRIPTOR_WORDS.has(x) || HASH_WORDS.has(x))) return false;
  if (isIdentifierOfToken(w)) return false;
  if (isPasswordName(name) || isSecretName(name) || isTokenName(name) || isOneTimeCodeName(name)) return true;
  if (w.some((x) => x === 'authorization' || x === 'cookie' || x === 'cookies' || x === 'credential' || x === 'credentials')) return true;
  return w.includes('auth') && (w[w.length - 1] === 'header' || w[w.length - 1] === 'headers');
}

/** `tokenId`, `refresh_token_id`, `tokenJti`: the identifier *of* a token (a row key), not the token. A session id stays a credential. */
function isIdentifierOfToken(w: readonly string[]): boolean {
  const last = w[w.length - 1];
  return w.length >= 2 && (last === 'id' || last === 'ids' || last === 'jti' || last === 'uuid') && w[w.length - 2] === 'token';
}

/**
 * A value that must be unguessable: a credential (see {@link isCredentialName})
 * or a salt / nonce (`generateResetToken`, `sessionId`, `apiKey`, `otp`, `salt`, `nonce`).
 */
export function isUnguessableName(name: string): boolean {
  const w = words(name);
  if (w.some((x) => CREDENTIAL_DESCRIPTOR_WORDS.has(x))) return false;
  if (w.some((x) => x === 'salt' || x === 'nonce' || x === 'csrf' || x === 'xsrf')) return true;
  return isCredentialName(name);
}

/**
 * A secret that must be compared in constant time: a token, API key, secret,
 * HMAC / webhook signature, one-time or reset code. Not `tokenType`,
 * `signatureAlgorithm`, nor passwords (those are hashed, not compared).
 */
export function isTimingSecretName(name: string): boolean {
  const w = words(name);
  if (w.length === 0) return false;
  if (w.some((x) => CREDENTIAL_DESCRIPTOR_WORDS.has(x) || x === 'algorithm' || x === 'alg')) return false;
  // a bare digest is usually a content hash (ETag, cache key); an HMAC digest says so
  if (w.includes('digest') && !w.some((x) => ['hmac', 'signature', 'sig', 'mac', 'token', 'secret', 'key'].includes(x))) return false;
  if (isPasswordName(name) || w.some((x) => PASSWORD_WORDS.has(x) && !w.includes('token') && !w.includes('code'))) return false;
  // an identifier of a token (`tokenId`, `keyId`) is not the secret, a session id is
  const last = w[w.length - 1]!;
  if ((last === 'id' || last === 'ids') && !w.includes('session')) return false;
  return isSecretCompareName(name) || isOneTimeCodeName(name);
}

/** Words before `session` that still name the user's login session (`userSessionId`, `authSessionId`); any other (`shareSessionId`, `auditSessionId`) is another thing's session. */
const LOGIN_SESSION_OWNERS = new Set(['user', 'auth', 'login', 'current', 'active', 'browser', 'web', 'cookie', 'my', 'app', 'express', 'connect', 'koa', 'next']);

/** A session id name that is the login session's: no qualifier before `session`, or one that names the user or the login. */
export function isLoginSessionName(name: string): boolean {
  const w = words(name);
  const at = w.findIndex((x) => x === 'session' || x === 'sessionid' || x === 'sess' || x === 'sid');
  return at <= 0 || LOGIN_SESSION_OWNERS.has(w[at - 1]!);
}
