/**
 * What a login handler looks like to `session-regenerate-on-login`: the calls
 * that authenticate a user, the session keys that hold an identity, and how
 * each session library renews the session id. Data only.
 */
import type { RefPattern } from './types.js';

/** Calls that check (or set) a credential: a handler that makes one and then writes the identity into the session is a login. */
export const AUTHENTICATING_CALLS: readonly RefPattern[] = [
  { module: ['bcrypt', 'bcryptjs', '@node-rs/bcrypt'], path: ['compare'] },
  { module: ['bcrypt', 'bcryptjs', '@node-rs/bcrypt'], path: ['compareSync'] },
  { module: ['bcrypt', 'bcryptjs', '@node-rs/bcrypt'], path: ['verify'] },
  { module: ['bcrypt', 'bcryptjs', '@node-rs/bcrypt'], path: ['hash'] },
  { module: ['bcrypt', 'bcryptjs', '@node-rs/bcrypt'], path: ['hashSync'] },
  { module: ['argon2', '@node-rs/argon2'], path: ['verify'] },
  { module: ['argon2', '@node-rs/argon2'], path: ['hash'] },
  { module: 'crypto', path: ['timingSafeEqual'] },
  { module: 'crypto', path: ['scrypt'] },
  { module: 'crypto', path: ['scryptSync'] },
  { module: 'crypto', path: ['pbkdf2'] },
  { module: 'crypto', path: ['pbkdf2Sync'] },
  { module: 'passport', path: ['authenticate'] },
  { module: 'otplib', path: ['authenticator', 'verify'] },
  { module: 'otplib', path: ['totp', 'verify'] },
  { module: 'otplib', path: ['authenticator', 'check'] },
  { module: 'speakeasy', path: ['totp', 'verify'] },
  { module: 'speakeasy', path: ['verify'] },
  { module: 'jsonwebtoken', path: ['verify'] },
  { module: 'jose', path: ['jwtVerify'] },
];

/** Verbs of a call that checks something (`verifyPassword`, `user.comparePassword`, `authService.validateUser`). */
export const CHECK_WORDS: readonly string[] = ['verify', 'compare', 'check', 'validate', 'valid', 'match', 'matches', 'authenticate', 'authorize'];
/** What such a call checks for it to be a login. */
export const CREDENTIAL_OBJECT_WORDS: readonly string[] = [
  'password', 'passwd', 'pass', 'pwd', 'credential', 'credentials', 'user', 'login', 'otp', 'totp', 'code', 'token', 'hash', 'mfa', 'passcode',
];
/** Calls that are a login by their name alone (`authenticate(email, pw)`, `auth.login(…)`, `signIn(…)`). */
export const LOGIN_CALL_WORDS: readonly string[] = ['authenticate', 'login', 'signin'];

/** Session keys that hold who the user is, or what they may do. */
export const IDENTITY_WORDS: readonly string[] = [
  'user', 'users', 'uid', 'userid', 'account', 'member', 'customer', 'principal', 'identity', 'passport', 'auth',
  'authenticated', 'authed', 'loggedin', 'login', 'username', 'email', 'admin', 'role', 'roles', 'owner', 'employee',
  'staff', 'subject', 'sub', 'person', 'profile', 'tenant',
];
export const IDENTITY_WORD_PAIRS: readonly (readonly [string, string])[] = [['logged', 'in'], ['signed', 'in'], ['is', 'authenticated']];
/** Session keys about something else even when they mention a user (`loginAttempts`, `pendingUserId`, `returnTo`). */
export const NOT_IDENTITY_WORDS: readonly string[] = [
  'views', 'view', 'count', 'counter', 'cart', 'flash', 'theme', 'return', 'returnto', 'redirect', 'csrf', 'xsrf', 'lang',
  'locale', 'attempt', 'attempts', 'pending', 'temp', 'tmp', 'preferences', 'prefs', 'state', 'nonce', 'challenge',
  'captcha', 'last', 'visited', 'error', 'errors', 'message', 'messages', 'draft', 'filter', 'filters', 'page', 'sort',
];

/** Names of helpers that renew the session id (`regenerateSession(req)`, `rotateSession()`). */
export const REGENERATE_WORDS: readonly string[] = ['regenerate', 'regenerated'];
export const REGENERATE_WORD_PAIRS: readonly (readonly [string, string])[] = [['rotate', 'session'], ['renew', 'session']];

export type SessionFlavor = 'express' | 'koa' | 'fastify';

/** How to renew the session id before writing the identity, per library. */
export const REGENERATE_FIX: Readonly<Record<SessionFlavor, (base: string, key: string) => string>> = {
  express: (base, key) =>
    `Renew the session id first and write the identity inside the callback: \`${base}.session.regenerate((err) => { if (err) return next(err); ${base}.session.${key} = …; … })\``,
  koa: (base, key) =>
    `Renew the session id first: \`await ${base}.session.regenerate()\` (koa-session 6.4+), or \`${base}.session = null\` and create it anew, then set \`${base}.session.${key}\``,
  fastify: (base, key) =>
    `Renew the session id first: \`await ${base}.session.regenerate()\` (@fastify/session), then \`${base}.session.set('${key}', …)\``,
};

/** Passport regenerates the session in `req.login()` from this version on. */
export const PASSPORT_REGENERATES_FROM: readonly [number, number] = [0, 6];

/**
 * Session libraries that keep the whole session in a sealed cookie: there is
 * no server-side session id to fix, the cookie is rewritten at login. A file
 * that uses one of these is not reported.
 */
export const COOKIE_STORED_SESSIONS: readonly string[] = [
  'cookie-session', 'iron-session', 'iron-session/next', 'iron-session/edge', 'next-iron-session', '@fastify/secure-session',
  'fastify-secure-session', 'client-sessions',
];
