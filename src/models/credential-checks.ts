/**
 * Calls that check a credential the client sends: password hashes, one-time
 * codes, tokens the server issued, passport strategies, auth libraries'
 * sign-in APIs. A route whose request input reaches one of these (in the
 * handler or a call or two away) checks a credential. Data only; read by
 * core/credential-checks.ts.
 */
import type { RefPattern } from './types.js';

export interface CredentialCheckCall extends RefPattern {
  /** Which arguments carry the attempt (the others are the stored hash, the secret, options); 'any' for every argument. */
  readonly args: readonly number[] | 'any';
  /** A password hash check: it counts even when the password comes in a header (HTTP Basic). */
  readonly password?: boolean;
}

export const CREDENTIAL_CHECK_CALLS: readonly CredentialCheckCall[] = [
  { module: ['bcrypt', 'bcryptjs', '@node-rs/bcrypt', 'bcrypt-nodejs'], path: ['compare'], args: [0], password: true },
  { module: ['bcrypt', 'bcryptjs', '@node-rs/bcrypt', 'bcrypt-nodejs'], path: ['compareSync'], args: [0], password: true },
  { module: ['@node-rs/bcrypt'], path: ['verify'], args: [0], password: true },
  { module: ['argon2', '@node-rs/argon2'], path: ['verify'], args: [1], password: true },
  { module: ['@node-rs/argon2'], path: ['verifySync'], args: [1], password: true },
  { module: 'crypto', path: ['timingSafeEqual'], args: 'any' },
  { module: 'otplib', path: ['authenticator', 'verify'], args: 'any' },
  { module: 'otplib', path: ['authenticator', 'check'], args: 'any' },
  { module: 'otplib', path: ['totp', 'verify'], args: 'any' },
  { module: 'otplib', path: ['totp', 'check'], args: 'any' },
  { module: 'otplib', path: ['hotp', 'verify'], args: 'any' },
  { module: 'otplib', path: ['hotp', 'check'], args: 'any' },
  { module: 'otplib', path: ['verify'], args: 'any' },
  { module: 'otplib', path: ['verifySync'], args: 'any' },
  { module: 'speakeasy', path: ['totp', 'verify'], args: 'any' },
  { module: 'speakeasy', path: ['totp', 'verifyDelta'], args: 'any' },
  { module: 'speakeasy', path: ['hotp', 'verify'], args: 'any' },
  { module: 'speakeasy', path: ['verify'], args: 'any' },
  { module: ['node-2fa', '2fa-util'], path: ['verifyToken'], args: 'any' },
  { module: 'jsonwebtoken', path: ['verify'], args: [0] },
  { module: 'jose', path: ['jwtVerify'], args: [0] },
  { module: '@node-rs/jsonwebtoken', path: ['verify'], args: [0] },
];

/** passport strategies that check what the client sends (not OAuth redirects, not bearer re-checks). */
export const PASSPORT_CREDENTIAL_STRATEGIES: readonly string[] = [
  'local', 'basic', 'digest', 'totp', 'otp', 'ldapauth', 'ldap', 'localapikey',
  'magiclink', 'magic-link', 'passwordless', 'hash', 'custom',
];

/** Sign-in calls of auth libraries named by their provider argument: `signIn('credentials', …)`; other providers are OAuth redirects. */
export const CREDENTIAL_PROVIDERS: readonly string[] = ['credentials', 'credential', 'email', 'password', 'otp', 'nodemailer', 'resend', 'passkey', 'webauthn'];

/**
 * Words that make a call or value about a third party's identity (an OAuth
 * code, a provider-signed ID token): the provider checks those, an attacker
 * cannot guess them, so they are not credentials to rate-limit.
 */
export const PROVIDER_WORDS: readonly string[] = [
  'oauth', 'oauth2', 'oidc', 'openid', 'idtoken', 'google', 'github', 'gitlab', 'apple', 'facebook', 'twitter', 'microsoft',
  'azure', 'discord', 'slack', 'linkedin', 'auth0', 'okta', 'keycloak', 'saml', 'sso', 'provider', 'authorization', 'webhook',
];

/** Verbs of a call that checks what it is given (`verifyTotp`, `checkToken`, `passwordMatch`, `consumeMagicLink`). */
export const CHECK_VERBS: readonly string[] = [
  'compare', 'check', 'verify', 'validate', 'valid', 'match', 'matches', 'matched', 'correct', 'consume', 'redeem',
  'confirm', 'accept', 'authenticate', 'activate', 'join', 'reset', 'use', 'claim',
];
/** What such a call checks, by its name: a password, a token, a code, a key. */
export const CREDENTIAL_OBJECT_WORDS: readonly string[] = [
  'password', 'passwd', 'pass', 'pwd', 'passphrase', 'passcode', 'credential', 'credentials', 'creds', 'token', 'otp', 'totp', 'hotp',
  'code', 'pin', 'key', 'apikey', 'mfa', '2fa', 'twofa', 'secret', 'magic', 'invite', 'invitation', 'backup', 'recovery',
];
/** Calls that sign a user in by their name alone (`authService.login(dto)`, `signIn(…)`, `auth.api.signInEmail`). */
export const SIGN_IN_WORDS: readonly string[] = ['login', 'signin', 'logon', 'authenticate'];
export const SIGN_IN_PAIRS: readonly (readonly [string, string])[] = [['sign', 'in'], ['log', 'in']];
/**
 * Last words of a check's name that make it about something other than the
 * credential it mentions: `validateInvitationMessage`, `checkPasswordStrength`,
 * `validateInviteEmail` check a format, a policy or an address, not a secret.
 */
export const CHECKED_OTHER_WORDS: readonly string[] = [
  'message', 'messages', 'format', 'strength', 'policy', 'policies', 'length', 'schema', 'complexity', 'requirement',
  'requirements', 'rule', 'rules', 'permission', 'permissions', 'role', 'roles', 'settings', 'config',
  'expiry', 'expiration', 'name', 'names', 'url', 'uri', 'quota', 'limit', 'limits',
];
/** Words before `code` that make it a code of something else: `languageCode`, `countryCode`, `fulfillmentHandlerCode`. */
export const NOT_CREDENTIAL_CODE_WORDS: readonly string[] = [
  'language', 'lang', 'locale', 'country', 'currency', 'region', 'postal', 'zip', 'area', 'status', 'error', 'http',
  'response', 'exit', 'handler', 'fulfillment', 'shipping', 'product', 'color', 'iso', 'source', 'tax', 'unit',
];
