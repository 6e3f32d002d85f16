/**
 * Where each library sets a cookie, where the cookie's name, value and
 * options sit in the call, and what the library does with a flag the code
 * leaves out. Data only; `secure-cookie-flags` reads it (and
 * `no-client-token-storage` reads the browser-storage part at the end).
 */

/**
 * What a library does when the code leaves a flag out:
 * `unset`    the cookie goes without it (reported),
 * `set`      the library sets it,
 * `protocol` the library sets it when the request came over HTTPS (koa, cookie-session):
 *            not reported when absent, only an explicit `false` is.
 */
export type FlagDefault = 'unset' | 'set' | 'protocol';

export interface CookieDefaults {
  readonly httpOnly: FlagDefault;
  readonly secure: FlagDefault;
}

/** Where something sits in a call: an argument, optionally an option path inside it. */
export interface Slot {
  readonly arg: number;
  readonly option?: readonly string[];
}

/** Which call sets the cookie. */
export type SetterMatch =
  /** A call of `module` at exactly `path` (`()` for a call, `new` for a construction). */
  | { readonly kind: 'call'; readonly module: string | readonly string[]; readonly path: readonly string[] }
  /** A call whose resolved path starts with `prefix` and ends with `suffix` (`NextResponse.json(…).cookies.set`). */
  | { readonly kind: 'chain'; readonly module: string | readonly string[]; readonly prefix: readonly string[]; readonly suffix: readonly string[] }
  /**
   * A method on an object the file cannot trace to an import (a handler's `res`,
   * `reply`, `ctx`): `receiver: 'any'` takes any such object, `'cookies'` only
   * `x.cookies` or a `cookies` binding. `when` narrows by what the file imports
   * or its file name; the first matching entry wins.
   */
  /** A function taken from the array a hook returns: `const [cookies, setCookie] = useCookies()` (element `index`). */
  | { readonly kind: 'tuple'; readonly module: string | readonly string[]; readonly path: readonly string[]; readonly index: number }
  | {
      readonly kind: 'method';
      readonly method: string;
      readonly receiver: 'any' | 'cookies';
      readonly when?: { readonly imports?: readonly string[]; readonly filename?: RegExp };
    };

export interface CookieSetter {
  /** Display name in messages: "Express `res.cookie`". */
  readonly label: string;
  readonly match: SetterMatch;
  readonly name: Slot;
  readonly value: Slot;
  /** Where `httpOnly` / `secure` / `sameSite` sit. */
  readonly options: Slot;
  /** The cookie can also be one object `{ name, value, ...options }` at this argument (Next.js `cookies().set({ … })`). */
  readonly objectForm?: number;
  readonly defaults: CookieDefaults;
  /** An option that forces Secure when it has one of these values (hono `prefix: 'secure' | 'host'`). */
  readonly forcesSecure?: { readonly option: string; readonly values: readonly string[] };
  /** Set by script in the browser: the cookie can never be HttpOnly. */
  readonly client?: boolean;
  /** How to set the flags with this library, as message text. */
  readonly fix: string;
}

const NONE: CookieDefaults = { httpOnly: 'unset', secure: 'unset' };
const KOA: CookieDefaults = { httpOnly: 'set', secure: 'protocol' };
const BOTH: CookieDefaults = { httpOnly: 'set', secure: 'set' };

const optionsFix = (call: string): string =>
  `Pass \`{ httpOnly: true, secure: true, sameSite: 'lax' }\` in ${call} (an env-dependent \`secure\` such as \`process.env.NODE_ENV === 'production'\` is fine).`;

/** Cookie setters, most specific first: module-traced entries before structural ones. */
export const COOKIE_SETTERS: readonly CookieSetter[] = [
  {
    label: 'cookie `serialize`', match: { kind: 'call', module: 'cookie', path: ['serialize'] },
    name: { arg: 0 }, value: { arg: 1 }, options: { arg: 2 }, defaults: NONE,
    fix: optionsFix('`serialize(name, value, options)`'),
  },
  {
    label: 'hono `setCookie`', match: { kind: 'call', module: 'hono/cookie', path: ['setCookie'] },
    name: { arg: 1 }, value: { arg: 2 }, options: { arg: 3 }, defaults: NONE,
    forcesSecure: { option: 'prefix', values: ['secure', 'host'] },
    fix: "Pass `{ httpOnly: true, secure: true, sameSite: 'Lax' }` (or `prefix: 'host'`) as the options of `setCookie(c, name, value, options)`.",
  },
  {
    label: 'hono `setSignedCookie`', match: { kind: 'call', module: 'hono/cookie', path: ['setSignedCookie'] },
    name: { arg: 1 }, value: { arg: 2 }, options: { arg: 4 }, defaults: NONE,
    forcesSecure: { option: 'prefix', values: ['secure', 'host'] },
    fix: "Pass `{ httpOnly: true, secure: true, sameSite: 'Lax' }` (or `prefix: 'host'`) as the options of `setSignedCookie(c, name, value, secret, options)`.",
  },
  {
    label: 'Next.js `cookies().set`', match: { kind: 'call', module: 'next/headers', path: ['cookies', '()', 'set'] },
    name: { arg: 0 }, value: { arg: 1 }, options: { arg: 2 }, objectForm: 0, defaults: NONE,
    fix: optionsFix('`(await cookies()).set(name, value, options)`'),
  },
  {
    label: 'Next.js `response.cookies.set`', match: { kind: 'chain', module: 'next/server', prefix: ['NextResponse'], suffix: ['cookies', 'set'] },
    name: { arg: 0 }, value: { arg: 1 }, options: { arg: 2 }, objectForm: 0, defaults: NONE,
    fix: optionsFix('`response.cookies.set(name, value, options)`'),
  },
  {
    label: 'nookies `setCookie`', match: { kind: 'call', module: 'nookies', path: ['setCookie'] },
    name: { arg: 1 }, value: { arg: 2 }, options: { arg: 3 }, defaults: NONE,
    fix: optionsFix('`setCookie(ctx, name, value, options)`'),
  },
  {
    label: 'nookies `setCookie`', match: { kind: 'call', module: 'nookies', path: ['set'] },
    name: { arg: 1 }, value: { arg: 2 }, options: { arg: 3 }, defaults: NONE,
    fix: optionsFix('`setCookie(ctx, name, value, options)`'),
  },
  {
    label: 'cookies-next `setCookie`', match: { kind: 'call', module: 'cookies-next', path: ['setCookie'] },
    name: { arg: 0 }, value: { arg: 1 }, options: { arg: 2 }, defaults: NONE,
    fix: optionsFix('`setCookie(name, value, { req, res, ...options })`'),
  },
  {
    label: '`cookies` `cookies.set`', match: { kind: 'call', module: 'cookies', path: ['new', 'set'] },
    name: { arg: 0 }, value: { arg: 1 }, options: { arg: 2 }, defaults: KOA,
    fix: "Pass `{ httpOnly: true, secure: true, sameSite: 'lax' }` to `cookies.set(name, value, options)` (or construct it with `{ secure: true }` behind a TLS proxy).",
  },
  {
    label: 'react-cookie `setCookie`', match: { kind: 'tuple', module: 'react-cookie', path: ['useCookies', '()'], index: 1 },
    name: { arg: 0 }, value: { arg: 1 }, options: { arg: 2 }, defaults: NONE, client: true,
    fix: 'Let the server set the cookie with `Set-Cookie: …; HttpOnly; Secure; SameSite=Lax` and keep the token out of client code.',
  },
  {
    label: 'js-cookie `Cookies.set`', match: { kind: 'call', module: 'js-cookie', path: ['set'] },
    name: { arg: 0 }, value: { arg: 1 }, options: { arg: 2 }, defaults: NONE, client: true,
    fix: 'Let the server set the cookie with `Set-Cookie: …; HttpOnly; Secure; SameSite=Lax` and keep the token out of client code.',
  },
  {
    label: 'fastify `reply.cookie`', match: { kind: 'method', method: 'cookie', receiver: 'any', when: { imports: ['fastify'] } },
    name: { arg: 0 }, value: { arg: 1 }, options: { arg: 2 }, defaults: NONE,
    fix: optionsFix('`reply.cookie(name, value, options)` (@fastify/cookie sets neither flag by default)'),
  },
  {
    label: 'Express `res.cookie`', match: { kind: 'method', method: 'cookie', receiver: 'any' },
    name: { arg: 0 }, value: { arg: 1 }, options: { arg: 2 }, defaults: NONE,
    fix: optionsFix('`res.cookie(name, value, options)` (Express sets neither flag by default)'),
  },
  {
    label: 'fastify `reply.setCookie`', match: { kind: 'method', method: 'setCookie', receiver: 'any' },
    name: { arg: 0 }, value: { arg: 1 }, options: { arg: 2 }, defaults: NONE,
    fix: optionsFix('`reply.setCookie(name, value, options)` (@fastify/cookie sets neither flag by default)'),
  },
  {
    label: 'Astro `cookies.set`', match: { kind: 'method', method: 'set', receiver: 'cookies', when: { imports: ['astro', 'astro:middleware'] } },
    name: { arg: 0 }, value: { arg: 1 }, options: { arg: 2 }, defaults: NONE,
    fix: optionsFix('`cookies.set(name, value, options)` (Astro sets neither flag by default)'),
  },
  {
    label: 'SvelteKit `cookies.set`',
    match: { kind: 'method', method: 'set', receiver: 'cookies', when: { imports: ['@sveltejs/kit'], filename: /(^|\/)(\+[a-z]+\.server|\+server|hooks\.server)\.[cm]?[jt]s$/ } },
    name: { arg: 0 }, value: { arg: 1 }, options: { arg: 2 }, defaults: BOTH,
    fix: "Drop the `false`: SvelteKit's `cookies.set(name, value, { path: '/' })` is HttpOnly and Secure by default.",
  },
  {
    label: 'koa `ctx.cookies.set`', match: { kind: 'method', method: 'set', receiver: 'cookies' },
    name: { arg: 0 }, value: { arg: 1 }, options: { arg: 2 }, defaults: KOA,
    fix: "Pass `{ httpOnly: true, secure: true, sameSite: 'lax' }` to `ctx.cookies.set(name, value, options)` (behind a TLS proxy also set `app.proxy = true`).",
  },
];

/** Modules whose objects the structural (`method`) entries may be called on when the receiver is traced at all. */
export const SERVER_MODULES: readonly string[] = ['express', 'fastify', 'koa', '@sveltejs/kit', 'http', 'https', 'http2'];

/** Header calls that take a raw `Set-Cookie` string (or array): `res.setHeader('Set-Cookie', …)`. */
export const SET_COOKIE_HEADER_METHODS: readonly string[] = ['setHeader', 'appendHeader', 'append', 'set', 'header', 'writeHeader'];

/** The fix for a raw `Set-Cookie` string. */
export const SET_COOKIE_STRING_FIX =
  'Add `; HttpOnly; Secure` to the `Set-Cookie` string (or build it with `cookie.serialize(name, value, { httpOnly: true, secure: true, sameSite: \'lax\' })`).';

/** Script-side writes: `document.cookie = …`. */
export const DOCUMENT_COOKIE = {
  label: '`document.cookie`',
  fix: 'Have the server set it with `Set-Cookie: …; HttpOnly; Secure; SameSite=Lax` and keep the token out of client code.',
} as const;

/** Session middleware whose own cookie carries the session id. */
export interface SessionMiddleware {
  readonly label: string;
  readonly match:
    | { readonly kind: 'call'; readonly module: string | readonly string[]; readonly path: readonly string[] }
    /** A fastify plugin: `app.register(plugin, options)`. */
    | { readonly kind: 'plugin'; readonly module: string | readonly string[] };
  /** Argument positions that may hold the options; the first that is an object literal is used. */
  readonly options: readonly number[];
  /** Path from the options to the object with the cookie flags (`[]`: top level). */
  readonly cookie: readonly string[];
  readonly defaults: CookieDefaults;
  readonly fix: string;
}

/** Remix and React Router 7 export the same session API from each runtime package. */
const REMIX = ['@remix-run/node', '@remix-run/cloudflare', '@remix-run/deno', '@remix-run/server-runtime', 'react-router', '@react-router/node'];

export const SESSION_MIDDLEWARE: readonly SessionMiddleware[] = [
  {
    label: 'express-session', match: { kind: 'call', module: 'express-session', path: [] }, options: [0], cookie: ['cookie'],
    defaults: { httpOnly: 'set', secure: 'unset' },
    fix: "Set `cookie: { secure: true, httpOnly: true, sameSite: 'lax' }` (or `secure: 'auto'`, or `process.env.NODE_ENV === 'production'`), and `app.set('trust proxy', 1)` behind a TLS proxy.",
  },
  {
    label: 'cookie-session', match: { kind: 'call', module: 'cookie-session', path: [] }, options: [0], cookie: [],
    defaults: KOA,
    fix: 'Remove the `false` (cookie-session sets HttpOnly, and Secure over HTTPS, by default) or set `secure: true, httpOnly: true`.',
  },
  {
    label: 'koa-session', match: { kind: 'call', module: 'koa-session', path: [] }, options: [0, 1], cookie: [],
    defaults: KOA,
    fix: 'Remove the `false` (koa-session sets HttpOnly, and Secure over HTTPS, by default) or set `secure: true, httpOnly: true`.',
  },
  {
    label: '@fastify/session', match: { kind: 'plugin', module: ['@fastify/session', 'fastify-session'] }, options: [1], cookie: ['cookie'],
    defaults: BOTH,
    fix: 'Remove the `false` from `cookie` (@fastify/session defaults to `secure: true` and `httpOnly: true`), or use `secure: \'auto\'`.',
  },
  {
    label: '@fastify/secure-session', match: { kind: 'plugin', module: ['@fastify/secure-session', 'fastify-secure-session'] }, options: [1], cookie: ['cookie'],
    defaults: KOA,
    fix: "Set `cookie: { path: '/', httpOnly: true, secure: true }` instead of `false`.",
  },
  {
    label: 'Remix session storage', match: { kind: 'call', module: REMIX, path: ['createCookieSessionStorage'] }, options: [0], cookie: ['cookie'],
    defaults: NONE,
    fix: "Set `cookie: { httpOnly: true, secure: true, sameSite: 'lax' }` (an env-dependent `secure` is fine); Remix sets neither flag by default.",
  },
  {
    label: 'Remix session storage', match: { kind: 'call', module: REMIX, path: ['createSessionStorage'] }, options: [0], cookie: ['cookie'],
    defaults: NONE,
    fix: "Set `cookie: { httpOnly: true, secure: true, sameSite: 'lax' }` (an env-dependent `secure` is fine); Remix sets neither flag by default.",
  },
  {
    label: 'Remix session storage', match: { kind: 'call', module: REMIX, path: ['createMemorySessionStorage'] }, options: [0], cookie: ['cookie'],
    defaults: NONE,
    fix: "Set `cookie: { httpOnly: true, secure: true, sameSite: 'lax' }` (an env-dependent `secure` is fine); Remix sets neither flag by default.",
  },
  {
    label: 'Remix session storage', match: { kind: 'call', module: REMIX, path: ['createFileSessionStorage'] }, options: [0], cookie: ['cookie'],
    defaults: NONE,
    fix: "Set `cookie: { httpOnly: true, secure: true, sameSite: 'lax' }` (an env-dependent `secure` is fine); Remix sets neither flag by default.",
  },
  {
    label: 'iron-session', match: { kind: 'call', module: 'iron-session', path: ['getIronSession'] }, options: [1, 2], cookie: ['cookieOptions'],
    defaults: BOTH,
    fix: 'Remove the `false` from `cookieOptions` (iron-session defaults to `httpOnly: true` and `secure: true`).',
  },
];

/**
 * Calls whose result is a signed token: a cookie holding one is an auth cookie
 * whatever its name. Each entry: module, path (`new` for a construction).
 */
export const TOKEN_PRODUCERS: readonly { readonly module: string | readonly string[]; readonly path: readonly string[]; readonly chainMethod?: string }[] = [
  { module: 'jsonwebtoken', path: ['sign'] },
  { module: 'hono/jwt', path: ['sign'] },
  { module: 'jwt-simple', path: ['encode'] },
  { module: 'jose', path: ['SignJWT', 'new'], chainMethod: 'sign' },
  { module: 'jose', path: ['EncryptJWT', 'new'], chainMethod: 'encrypt' },
  { module: '@nestjs/jwt', path: ['JwtService', 'new', 'sign'] },
  { module: '@nestjs/jwt', path: ['JwtService', 'new', 'signAsync'] },
  { module: 'iron-session', path: ['sealData'] },
];

// ---------------------------------------------------------------------------
// Browser storage (no-client-token-storage)

/** Globals that are Web Storage objects. */
export const WEB_STORAGES: readonly string[] = ['localStorage', 'sessionStorage'];

/** Globals through which the storages are reached: `window.localStorage`. */
export const STORAGE_HOSTS: readonly string[] = ['window', 'self', 'globalThis', 'global'];

/** Storage libraries with a `setItem(key, value)`-like call, which scripts can read as easily. */
export const STORAGE_CALLS: readonly { readonly label: string; readonly module: string | readonly string[]; readonly path: readonly string[]; readonly key: number; readonly value: number }[] = [
  { label: 'localforage', module: 'localforage', path: ['setItem'], key: 0, value: 1 },
  { label: 'store2', module: 'store2', path: ['set'], key: 0, value: 1 },
  { label: 'store', module: 'store', path: ['set'], key: 0, value: 1 },
];
