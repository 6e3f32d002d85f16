/**
 * Where each library takes a secret: the call, and which argument or option
 * holds the key that signs sessions, cookies or tokens. Data only; the
 * `no-hardcoded-secret` rule and the remediation text read it.
 */

/** What an attacker who knows the secret can forge. */
export type Forgeable = 'session cookies' | 'signed cookies' | 'tokens' | 'HMAC signatures' | 'encrypted cookies' | 'encrypted tokens';

/** Where the secret sits in a matched call: argument index, then an option path inside it (`()` steps into a returned object). */
export interface SecretSlot {
  readonly arg: number;
  readonly option?: readonly string[];
}

interface SinkBase {
  /** Display name of the library and parameter, used in messages: "express-session `secret`". */
  readonly label: string;
  readonly module: string | readonly string[];
  readonly forges: Forgeable;
  /** The environment variable the suggestion and message propose. */
  readonly env: string;
  /** How to load the secret for this library, as message text. */
  readonly fix: string;
}

/** A call or construction of `module` at `path` (`new` appended for constructors). */
export interface CallSink extends SinkBase {
  readonly kind: 'call';
  readonly path: readonly string[];
  readonly slots: readonly SecretSlot[];
}

/** A method at the end of a builder chain that starts at `path` (`new SignJWT(…).setX().sign(key)`). */
export interface ChainSink extends SinkBase {
  readonly kind: 'chain';
  readonly path: readonly string[];
  readonly method: string;
  readonly slots: readonly SecretSlot[];
}

/** A fastify-style plugin registration: `x.register(plugin, options)`. */
export interface PluginSink extends SinkBase {
  readonly kind: 'plugin';
  readonly options: readonly (readonly string[])[];
}

/** An assignment to a property of an instance: `app.keys = [...]` on `new Koa()`. */
export interface AssignSink extends SinkBase {
  readonly kind: 'assign';
  readonly path: readonly string[];
  readonly property: string;
}

export type SecretSink = CallSink | ChainSink | PluginSink | AssignSink;

const envFix = (name: string, where: string): string =>
  `Read it from the environment (${where.replace('$', `process.env.${name}`)}) and throw at startup when \`process.env.${name}\` is missing, so the app never runs with a known key.`;

export const SECRET_SINKS: readonly SecretSink[] = [
  // --- sessions and cookies -------------------------------------------------
  {
    kind: 'call', label: 'express-session `secret`', module: 'express-session', path: [], slots: [{ arg: 0, option: ['secret'] }],
    forges: 'session cookies', env: 'SESSION_SECRET', fix: envFix('SESSION_SECRET', '`session({ secret: $ })`'),
  },
  {
    kind: 'call', label: 'cookie-parser secret', module: 'cookie-parser', path: [], slots: [{ arg: 0 }],
    forges: 'signed cookies', env: 'COOKIE_SECRET', fix: envFix('COOKIE_SECRET', '`cookieParser($)`'),
  },
  {
    kind: 'call', label: 'cookie-session `keys`', module: 'cookie-session', path: [], slots: [{ arg: 0, option: ['keys'] }, { arg: 0, option: ['secret'] }],
    forges: 'session cookies', env: 'SESSION_KEYS', fix: envFix('SESSION_KEYS', "`cookieSession({ keys: $.split(',') })`"),
  },
  {
    kind: 'assign', label: 'koa `app.keys`', module: 'koa', path: ['new'], property: 'keys',
    forges: 'signed cookies', env: 'COOKIE_KEYS', fix: envFix('COOKIE_KEYS', "`app.keys = $.split(',')`"),
  },
  {
    kind: 'call', label: 'koa `keys` option', module: 'koa', path: ['new'], slots: [{ arg: 0, option: ['keys'] }],
    forges: 'signed cookies', env: 'COOKIE_KEYS', fix: envFix('COOKIE_KEYS', "`new Koa({ keys: $.split(',') })`"),
  },
  {
    kind: 'plugin', label: '@fastify/cookie `secret`', module: '@fastify/cookie', options: [['secret']],
    forges: 'signed cookies', env: 'COOKIE_SECRET', fix: envFix('COOKIE_SECRET', '`register(cookie, { secret: $ })`'),
  },
  {
    kind: 'plugin', label: '@fastify/session `secret`', module: '@fastify/session', options: [['secret']],
    forges: 'session cookies', env: 'SESSION_SECRET', fix: envFix('SESSION_SECRET', '`register(session, { secret: $ })`'),
  },
  {
    kind: 'plugin', label: '@fastify/secure-session key', module: '@fastify/secure-session', options: [['secret'], ['key'], ['salt']],
    forges: 'encrypted cookies', env: 'SESSION_KEY', fix: envFix('SESSION_KEY', "`register(secureSession, { key: Buffer.from($, 'hex') })`"),
  },
  {
    kind: 'call', label: 'hono `setSignedCookie` secret', module: 'hono/cookie', path: ['setSignedCookie'], slots: [{ arg: 3 }],
    forges: 'signed cookies', env: 'COOKIE_SECRET', fix: envFix('COOKIE_SECRET', '`setSignedCookie(c, name, value, c.env.COOKIE_SECRET)` or $'),
  },
  {
    kind: 'call', label: 'hono `getSignedCookie` secret', module: 'hono/cookie', path: ['getSignedCookie'], slots: [{ arg: 1 }],
    forges: 'signed cookies', env: 'COOKIE_SECRET', fix: envFix('COOKIE_SECRET', '`getSignedCookie(c, c.env.COOKIE_SECRET, name)` or $'),
  },
  {
    kind: 'call', label: 'cookie-signature `sign` secret', module: 'cookie-signature', path: ['sign'], slots: [{ arg: 1 }],
    forges: 'signed cookies', env: 'COOKIE_SECRET', fix: envFix('COOKIE_SECRET', '`sign(value, $)`'),
  },
  {
    kind: 'call', label: 'cookie-signature `unsign` secret', module: 'cookie-signature', path: ['unsign'], slots: [{ arg: 1 }],
    forges: 'signed cookies', env: 'COOKIE_SECRET', fix: envFix('COOKIE_SECRET', '`unsign(value, $)`'),
  },
  {
    kind: 'call', label: 'iron-session `password`', module: 'iron-session', path: ['getIronSession'], slots: [{ arg: 1, option: ['password'] }, { arg: 2, option: ['password'] }],
    forges: 'encrypted cookies', env: 'SESSION_PASSWORD', fix: envFix('SESSION_PASSWORD', '`getIronSession(cookies, { password: $, cookieName })` (at least 32 characters)'),
  },
  {
    kind: 'call', label: 'iron-session `sealData` password', module: 'iron-session', path: ['sealData'], slots: [{ arg: 1, option: ['password'] }],
    forges: 'encrypted cookies', env: 'SESSION_PASSWORD', fix: envFix('SESSION_PASSWORD', '`sealData(data, { password: $ })`'),
  },
  {
    kind: 'call', label: 'iron-session `unsealData` password', module: 'iron-session', path: ['unsealData'], slots: [{ arg: 1, option: ['password'] }],
    forges: 'encrypted cookies', env: 'SESSION_PASSWORD', fix: envFix('SESSION_PASSWORD', '`unsealData(seal, { password: $ })`'),
  },
  {
    kind: 'call', label: 'iron-session `withIronSessionApiRoute` password', module: ['iron-session/next', 'next-iron-session'], path: ['withIronSessionApiRoute'], slots: [{ arg: 1, option: ['password'] }],
    forges: 'encrypted cookies', env: 'SESSION_PASSWORD', fix: envFix('SESSION_PASSWORD', '`{ password: $ }`'),
  },
  {
    kind: 'call', label: 'next-auth `secret`', module: ['next-auth', 'next-auth/next'], path: [], slots: [{ arg: 0, option: ['secret'] }, { arg: 2, option: ['secret'] }],
    forges: 'session cookies', env: 'NEXTAUTH_SECRET', fix: envFix('NEXTAUTH_SECRET', 'Auth.js reads `AUTH_SECRET`/$ by itself: drop the option'),
  },
  {
    kind: 'call', label: 'Auth.js `secret`', module: ['@auth/core', '@auth/express', '@auth/sveltekit', '@auth/nextjs'], path: [], slots: [{ arg: 0, option: ['secret'] }],
    forges: 'session cookies', env: 'AUTH_SECRET', fix: envFix('AUTH_SECRET', '$'),
  },
  {
    kind: 'call', label: 'Auth.js `ExpressAuth` secret', module: '@auth/express', path: ['ExpressAuth'], slots: [{ arg: 0, option: ['secret'] }],
    forges: 'session cookies', env: 'AUTH_SECRET', fix: envFix('AUTH_SECRET', '$'),
  },
  {
    kind: 'call', label: 'better-auth `secret`', module: 'better-auth', path: ['betterAuth'], slots: [{ arg: 0, option: ['secret'] }],
    forges: 'session cookies', env: 'BETTER_AUTH_SECRET', fix: envFix('BETTER_AUTH_SECRET', 'better-auth reads $ by itself: drop the option'),
  },
  {
    kind: 'call', label: 'oidc-provider `cookies.keys`', module: 'oidc-provider', path: ['new'], slots: [{ arg: 1, option: ['cookies', 'keys'] }],
    forges: 'signed cookies', env: 'OIDC_COOKIE_KEYS', fix: envFix('OIDC_COOKIE_KEYS', "`new Provider(issuer, { cookies: { keys: $.split(',') } })`"),
  },
  // --- JWT ----------------------------------------------------------------------
  {
    kind: 'call', label: 'jsonwebtoken `sign` key', module: 'jsonwebtoken', path: ['sign'], slots: [{ arg: 1 }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`jwt.sign(payload, $, options)`'),
  },
  {
    kind: 'call', label: 'jsonwebtoken `verify` key', module: 'jsonwebtoken', path: ['verify'], slots: [{ arg: 1 }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`jwt.verify(token, $, options)`'),
  },
  {
    kind: 'call', label: 'jwt-simple `encode` key', module: 'jwt-simple', path: ['encode'], slots: [{ arg: 1 }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`jwt.encode(payload, $)`'),
  },
  {
    kind: 'call', label: 'jwt-simple `decode` key', module: 'jwt-simple', path: ['decode'], slots: [{ arg: 1 }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`jwt.decode(token, $)`'),
  },
  {
    kind: 'chain', label: 'jose `SignJWT.sign` key', module: 'jose', path: ['SignJWT', 'new'], method: 'sign', slots: [{ arg: 0 }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`new TextEncoder().encode($)`'),
  },
  {
    kind: 'chain', label: 'jose `EncryptJWT.encrypt` key', module: 'jose', path: ['EncryptJWT', 'new'], method: 'encrypt', slots: [{ arg: 0 }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`new TextEncoder().encode($)`'),
  },
  {
    kind: 'call', label: 'jose `jwtVerify` key', module: 'jose', path: ['jwtVerify'], slots: [{ arg: 1 }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`new TextEncoder().encode($)`'),
  },
  {
    kind: 'call', label: 'jose `jwtDecrypt` key', module: 'jose', path: ['jwtDecrypt'], slots: [{ arg: 1 }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`new TextEncoder().encode($)`'),
  },
  {
    kind: 'call', label: 'express-jwt `secret`', module: 'express-jwt', path: ['expressjwt'], slots: [{ arg: 0, option: ['secret'] }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`expressjwt({ secret: $, algorithms })`'),
  },
  {
    kind: 'call', label: 'express-jwt (v6) `secret`', module: 'express-jwt', path: [], slots: [{ arg: 0, option: ['secret'] }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`jwt({ secret: $, algorithms })`'),
  },
  {
    kind: 'call', label: 'koa-jwt `secret`', module: 'koa-jwt', path: [], slots: [{ arg: 0, option: ['secret'] }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`jwt({ secret: $ })`'),
  },
  {
    kind: 'call', label: 'passport-jwt `secretOrKey`', module: 'passport-jwt', path: ['Strategy', 'new'], slots: [{ arg: 0, option: ['secretOrKey'] }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`{ secretOrKey: $ }`'),
  },
  {
    kind: 'call', label: '@nestjs/jwt `JwtModule.register` secret', module: '@nestjs/jwt', path: ['JwtModule', 'register'], slots: [{ arg: 0, option: ['secret'] }, { arg: 0, option: ['privateKey'] }],
    forges: 'tokens', env: 'JWT_SECRET', fix: "Use `JwtModule.registerAsync` with `useFactory: (config) => ({ secret: config.getOrThrow('JWT_SECRET') })` so the app refuses to start without it.",
  },
  {
    kind: 'call', label: '@nestjs/jwt `JwtModule.registerAsync` secret', module: '@nestjs/jwt', path: ['JwtModule', 'registerAsync'], slots: [{ arg: 0, option: ['useFactory', '()', 'secret'] }, { arg: 0, option: ['useFactory', '()', 'privateKey'] }],
    forges: 'tokens', env: 'JWT_SECRET', fix: "Return `secret: config.getOrThrow('JWT_SECRET')` from `useFactory` so the app refuses to start without it.",
  },
  {
    kind: 'call', label: '@nestjs/jwt `JwtService.sign` secret', module: '@nestjs/jwt', path: ['JwtService', 'new', 'sign'], slots: [{ arg: 1, option: ['secret'] }, { arg: 1, option: ['privateKey'] }],
    forges: 'tokens', env: 'JWT_SECRET', fix: "Pass `secret: this.config.getOrThrow('JWT_SECRET')` (or configure it once in `JwtModule.registerAsync`).",
  },
  {
    kind: 'call', label: '@nestjs/jwt `JwtService.verify` secret', module: '@nestjs/jwt', path: ['JwtService', 'new', 'verify'], slots: [{ arg: 1, option: ['secret'] }, { arg: 1, option: ['publicKey'] }],
    forges: 'tokens', env: 'JWT_SECRET', fix: "Pass `secret: this.config.getOrThrow('JWT_SECRET')` (or configure it once in `JwtModule.registerAsync`).",
  },
  {
    kind: 'plugin', label: '@fastify/jwt `secret`', module: '@fastify/jwt', options: [['secret'], ['secret', 'private']],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`register(jwt, { secret: $ })`'),
  },
  {
    kind: 'call', label: 'hono `jwt` middleware `secret`', module: 'hono/jwt', path: ['jwt'], slots: [{ arg: 0, option: ['secret'] }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`jwt({ secret: c.env.JWT_SECRET })` per request, or $'),
  },
  {
    kind: 'call', label: 'hono `sign` key', module: 'hono/jwt', path: ['sign'], slots: [{ arg: 1 }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`sign(payload, c.env.JWT_SECRET)` or $'),
  },
  {
    kind: 'call', label: 'hono `verify` key', module: 'hono/jwt', path: ['verify'], slots: [{ arg: 1 }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`verify(token, c.env.JWT_SECRET)` or $'),
  },
  {
    kind: 'call', label: 'hono `utils/jwt` sign key', module: 'hono/utils/jwt', path: ['sign'], slots: [{ arg: 1 }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '$'),
  },
  {
    kind: 'call', label: 'fast-jwt `createSigner` key', module: 'fast-jwt', path: ['createSigner'], slots: [{ arg: 0, option: ['key'] }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`createSigner({ key: $ })`'),
  },
  {
    kind: 'call', label: 'fast-jwt `createVerifier` key', module: 'fast-jwt', path: ['createVerifier'], slots: [{ arg: 0, option: ['key'] }],
    forges: 'tokens', env: 'JWT_SECRET', fix: envFix('JWT_SECRET', '`createVerifier({ key: $ })`'),
  },
  // --- HMAC and ciphers -----------------------------------------------------------
  ...(['createCipheriv', 'createDecipheriv', 'createCipher', 'createDecipher'] as const).map((fn): CallSink => ({
    kind: 'call', label: `\`crypto.${fn}\` key`, module: 'crypto', path: [fn], slots: [{ arg: 1 }],
    forges: 'encrypted tokens', env: 'ENCRYPTION_KEY', fix: envFix('ENCRYPTION_KEY', `\`crypto.${fn}(alg, Buffer.from($, 'hex'), iv)\``),
  })),
  // --- HMAC ---------------------------------------------------------------------
  {
    kind: 'call', label: '`crypto.createHmac` key', module: 'crypto', path: ['createHmac'], slots: [{ arg: 1 }],
    forges: 'HMAC signatures', env: 'HMAC_SECRET', fix: envFix('HMAC_SECRET', '`crypto.createHmac(alg, $)`'),
  },
];

// --- config-library defaults ----------------------------------------------------

/**
 * A config library's default for a setting (`str({ devDefault: 'x' })` in an
 * envalid schema, `z.string().default('x')` in a zod env schema): a fallback
 * the app runs with when the variable is missing. Reported when the setting's
 * name (the schema key it sits under) says secret.
 */
export interface ConfigDefault {
  readonly label: string;
  readonly match:
    | { readonly kind: 'call'; readonly module: string | readonly string[]; readonly path: readonly string[] }
    | { readonly kind: 'chain'; readonly module: string | readonly string[]; readonly path: readonly string[]; readonly method: string };
  readonly slots: readonly SecretSlot[];
}

const ENVALID_VALIDATORS = ['str', 'host', 'url', 'json', 'makeValidator'] as const;

export const CONFIG_DEFAULTS: readonly ConfigDefault[] = [
  ...ENVALID_VALIDATORS.map((name): ConfigDefault => ({
    label: `envalid \`${name}\` default`, match: { kind: 'call', module: 'envalid', path: [name] },
    slots: [{ arg: 0, option: ['default'] }, { arg: 0, option: ['devDefault'] }],
  })),
  { label: 'zod `.default`', match: { kind: 'chain', module: ['zod', 'zod/v4'], path: [], method: 'default' }, slots: [{ arg: 0 }] },
  { label: 'zod `.catch`', match: { kind: 'chain', module: ['zod', 'zod/v4'], path: [], method: 'catch' }, slots: [{ arg: 0 }] },
  { label: 'joi `.default`', match: { kind: 'chain', module: ['joi', '@hapi/joi'], path: [], method: 'default' }, slots: [{ arg: 0 }] },
  { label: 'yup `.default`', match: { kind: 'chain', module: 'yup', path: [], method: 'default' }, slots: [{ arg: 0 }] },
];

/**
 * Schema objects of a config library written as plain data (convict:
 * `{ doc, format, default: 'x', env: 'JWT_SECRET' }`): an object with the
 * default key and at least one of the marker keys is a setting's schema.
 */
export const SCHEMA_DEFAULT = { key: 'default', markers: ['env', 'format', 'doc', 'arg', 'sensitive'] } as const;

/**
 * A config service read with an inline default (`configService.get('JWT_SECRET', 'x')`,
 * `config.get('jwt.secret', 'x')`): the method, the argument naming the setting,
 * the default's argument, and a word the receiver's name must contain.
 */
export const CONFIG_GETTERS = [{ method: 'get', receiver: 'config', name: 0, fallback: 1 }] as const;

/**
 * Framework key lists assigned on a config or app object without a traceable
 * library (Egg `config.keys = …`, `app.keys = […]` on an app passed in): the
 * property, and words one of which the object's name must end with.
 */
export const KEY_LIST_TARGETS = [{ property: 'keys', owners: ['config', 'app', 'application'] }] as const;

// --- options objects typed with a library's type ------------------------------------

/**
 * An object declared with a library's options type (`export const sessionOptions:
 * SessionOptions = { password: '…' }`, `satisfies SessionOptions`): the library
 * will read the secret from it wherever it is passed.
 */
export interface TypedSink extends SinkBase {
  readonly kind: 'typed';
  readonly type: string;
  readonly options: readonly (readonly string[])[];
}

export const TYPED_SINKS: readonly TypedSink[] = [
  {
    kind: 'typed', label: 'iron-session `SessionOptions.password`', module: ['iron-session', 'iron-session/next', 'next-iron-session'], type: 'SessionOptions', options: [['password']],
    forges: 'encrypted cookies', env: 'SESSION_PASSWORD', fix: envFix('SESSION_PASSWORD', '`{ password: $ }` (at least 32 characters)'),
  },
  {
    kind: 'typed', label: 'express-session `SessionOptions.secret`', module: 'express-session', type: 'SessionOptions', options: [['secret']],
    forges: 'session cookies', env: 'SESSION_SECRET', fix: envFix('SESSION_SECRET', '`{ secret: $ }`'),
  },
  {
    kind: 'typed', label: 'next-auth `NextAuthOptions.secret`', module: ['next-auth', 'next-auth/next'], type: 'NextAuthOptions', options: [['secret']],
    forges: 'session cookies', env: 'NEXTAUTH_SECRET', fix: envFix('NEXTAUTH_SECRET', 'Auth.js reads `AUTH_SECRET`/$ by itself: drop the option'),
  },
  {
    kind: 'typed', label: 'next-auth `AuthOptions.secret`', module: ['next-auth', 'next-auth/next'], type: 'AuthOptions', options: [['secret']],
    forges: 'session cookies', env: 'NEXTAUTH_SECRET', fix: envFix('NEXTAUTH_SECRET', 'Auth.js reads `AUTH_SECRET`/$ by itself: drop the option'),
  },
  {
    kind: 'typed', label: 'oidc-provider `Configuration.cookies.keys`', module: 'oidc-provider', type: 'Configuration', options: [['cookies', 'keys']],
    forges: 'signed cookies', env: 'OIDC_COOKIE_KEYS', fix: envFix('OIDC_COOKIE_KEYS', "`{ cookies: { keys: $.split(',') } }`"),
  },
];
