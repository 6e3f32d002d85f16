/**
 * JWT APIs per library, as data: which call issues a token, which verifies
 * one, which only decodes it, and where the payload, the options and the
 * expiry / algorithm settings sit. The `secure-jwt` rule reads this table;
 * adding a library is adding rows here.
 */

export type JwtLibrary =
  | 'jsonwebtoken'
  | 'jose'
  | 'express-jwt'
  | 'koa-jwt'
  | '@nestjs/jwt'
  | '@fastify/jwt'
  | 'hono/jwt'
  | 'passport-jwt'
  | 'jwt-simple'
  | 'jwt-decode'
  | 'fast-jwt';

/** A property path inside an options object: `['signOptions', 'expiresIn']`. */
export type OptionPath = readonly string[];

/** How a call is recognised. */
export type JwtMatch =
  /** A call or construction of `module` at `path` (`new`/`super(...)` end in `new`). */
  | { readonly by: 'call'; readonly module: string | readonly string[]; readonly path: readonly string[] }
  /** A fastify-style registration: `app.register(plugin, options)`. */
  | { readonly by: 'plugin'; readonly module: readonly string[] }
  /**
   * A method a plugin decorates onto objects the file cannot trace (`fastify.jwt.sign`
   * inside a route plugin, `reply.jwtSign`): matched by name, `object` being the
   * property it hangs off (`jwt`), or none for a direct method (`jwtSign`).
   */
  | { readonly by: 'method'; readonly object: string | null; readonly method: string };

/** Where the options sit: argument index, then a path into it (`()` steps into what a factory returns). */
export interface OptionsAt {
  readonly arg: number;
  readonly prefix?: readonly string[];
}

interface ApiBase {
  readonly library: JwtLibrary;
  /** How the construct is named in messages: "jsonwebtoken `sign`". */
  readonly label: string;
  readonly match: JwtMatch;
}

/** How an expiry is added for a library, for the message and the suggestion. */
export interface ExpiryFix {
  /** Message text: the fix for this library. */
  readonly text: string;
  /** What the suggestion inserts: an `expiresIn` option, an `exp` claim, or a chain call. */
  readonly suggest: 'expiresIn' | 'exp' | 'chain' | null;
}

/** A call that issues a token: `jwt.sign(payload, key, options)`. */
export interface SignApi extends ApiBase {
  readonly role: 'sign';
  /** Argument index of the payload (an `exp` claim in it counts as an expiry), or null. */
  readonly payload: number | null;
  readonly options: OptionsAt | null;
  /** Options that set a lifetime. */
  readonly expiryOptions: readonly OptionPath[];
  /** Options naming the signing algorithm (`'none'` is reported). */
  readonly algorithmOptions: readonly OptionPath[];
  /**
   * True when a module-level default (JwtModule `signOptions`, @fastify/jwt `sign`)
   * may supply the expiry: a call without one is then not reported itself, it only
   * tells the module configuration whether calls pass their own.
   */
  readonly configured: boolean;
  readonly expiry: ExpiryFix;
}

/** A builder chain that issues a token: `new SignJWT(payload).setX().sign(key)`. */
export interface ChainApi extends ApiBase {
  readonly role: 'chain';
  readonly payload: number;
  /** The method that ends the chain and produces the token. */
  readonly finish: string;
  /** Chain methods that set a lifetime. */
  readonly expiryMethods: readonly string[];
  readonly expiry: ExpiryFix;
}

/** A call that verifies a token (or configures verification): `jwt.verify(token, key, options)`. */
export interface VerifyApi extends ApiBase {
  readonly role: 'verify';
  /** Argument index of the token, or null when the call finds the token itself (`request.jwtVerify()`). */
  readonly token: number | null;
  readonly options: OptionsAt | null;
  readonly algorithms: readonly OptionPath[];
  readonly ignoreExpiration: readonly OptionPath[];
  readonly clockTolerance: readonly OptionPath[];
  /**
   * The library accepts whatever algorithm the key allows unless `algorithms`
   * is given (jsonwebtoken): the strict option asks for it. Holds the option
   * path to add, or null when the library pins algorithms by itself.
   */
  readonly pinAlgorithms: OptionPath | null;
}

/** A call that reads a token's claims without checking its signature. */
export interface DecodeApi extends ApiBase {
  readonly role: 'decode';
  readonly token: number;
  /** The call verifies unless this argument is literally `true` (jwt-simple `decode(token, key, noVerify)`). */
  readonly skipsVerifyWhenArgTrue?: number;
  /** What to call instead, as message text. */
  readonly fix: string;
}

/** A construct that produces or accepts unsigned (`alg: 'none'`) tokens. */
export interface UnsecuredApi extends ApiBase {
  readonly role: 'unsecured';
}

/** Module-level configuration of a library's signing and verifying (JwtModule, @fastify/jwt). */
export interface ConfigApi extends ApiBase {
  readonly role: 'config';
  readonly options: OptionsAt;
  readonly expiryOptions: readonly OptionPath[];
  readonly algorithmOptions: readonly OptionPath[];
  readonly algorithms: readonly OptionPath[];
  readonly ignoreExpiration: readonly OptionPath[];
  readonly expiry: ExpiryFix;
}

export type JwtApi = SignApi | ChainApi | VerifyApi | DecodeApi | UnsecuredApi | ConfigApi;

const call = (module: string | readonly string[], ...path: string[]): JwtMatch => ({ by: 'call', module, path });

const JSONWEBTOKEN_EXPIRY: ExpiryFix = {
  text: "pass `expiresIn: '15m'` in the options (and a refresh token for longer sessions)",
  suggest: 'expiresIn',
};
const JOSE_EXPIRY: ExpiryFix = { text: "add `.setExpirationTime('15m')` to the chain", suggest: 'chain' };
const CLAIM_EXPIRY: ExpiryFix = { text: 'put an `exp` claim 15 minutes ahead in the payload (`exp: Math.floor(Date.now() / 1000) + 15 * 60`)', suggest: 'exp' };
const NEST_EXPIRY: ExpiryFix = { text: "set `signOptions: { expiresIn: '15m' }` in the module options", suggest: 'expiresIn' };
const FASTIFY_EXPIRY: ExpiryFix = { text: "set `sign: { expiresIn: '15m' }` in the plugin options", suggest: 'expiresIn' };
const NEST_SIGN_EXPIRY: ExpiryFix = { text: "pass `expiresIn: '15m'` in the sign options", suggest: 'expiresIn' };

const JSONWEBTOKEN_VERIFY = "Use `jwt.verify(token, secret, { algorithms: ['HS256'] })` and trust only what it returns.";
const JOSE_VERIFY = 'Use `await jwtVerify(token, key)` (it also runs in edge middleware) and trust only the payload it returns.';

export const JWT_APIS: readonly JwtApi[] = [
  // --- jsonwebtoken -----------------------------------------------------------
  {
    role: 'sign', library: 'jsonwebtoken', label: 'jsonwebtoken `sign`', match: call('jsonwebtoken', 'sign'),
    payload: 0, options: { arg: 2 }, expiryOptions: [['expiresIn']], algorithmOptions: [['algorithm']], configured: false, expiry: JSONWEBTOKEN_EXPIRY,
  },
  {
    role: 'verify', library: 'jsonwebtoken', label: 'jsonwebtoken `verify`', match: call('jsonwebtoken', 'verify'),
    token: 0, options: { arg: 2 }, algorithms: [['algorithms']], ignoreExpiration: [['ignoreExpiration']], clockTolerance: [['clockTolerance']], pinAlgorithms: ['algorithms'],
  },
  { role: 'decode', library: 'jsonwebtoken', label: 'jsonwebtoken `decode`', match: call('jsonwebtoken', 'decode'), token: 0, fix: JSONWEBTOKEN_VERIFY },

  // --- jose -------------------------------------------------------------------
  {
    role: 'chain', library: 'jose', label: 'jose `SignJWT`', match: call('jose', 'SignJWT', 'new'),
    payload: 0, finish: 'sign', expiryMethods: ['setExpirationTime'], expiry: JOSE_EXPIRY,
  },
  {
    role: 'chain', library: 'jose', label: 'jose `EncryptJWT`', match: call('jose', 'EncryptJWT', 'new'),
    payload: 0, finish: 'encrypt', expiryMethods: ['setExpirationTime'], expiry: JOSE_EXPIRY,
  },
  {
    role: 'verify', library: 'jose', label: 'jose `jwtVerify`', match: call('jose', 'jwtVerify'),
    token: 0, options: { arg: 2 }, algorithms: [['algorithms']], ignoreExpiration: [], clockTolerance: [['clockTolerance']], pinAlgorithms: null,
  },
  {
    role: 'verify', library: 'jose', label: 'jose `jwtDecrypt`', match: call('jose', 'jwtDecrypt'),
    token: 0, options: { arg: 2 }, algorithms: [['keyManagementAlgorithms']], ignoreExpiration: [], clockTolerance: [['clockTolerance']], pinAlgorithms: null,
  },
  { role: 'decode', library: 'jose', label: 'jose `decodeJwt`', match: call('jose', 'decodeJwt'), token: 0, fix: JOSE_VERIFY },
  { role: 'unsecured', library: 'jose', label: 'jose `UnsecuredJWT`', match: call('jose', 'UnsecuredJWT', 'new') },
  { role: 'unsecured', library: 'jose', label: 'jose `UnsecuredJWT.decode`', match: call('jose', 'UnsecuredJWT', 'decode') },

  // --- express-jwt / koa-jwt (options go to jsonwebtoken's verify) ----------------
  {
    role: 'verify', library: 'express-jwt', label: 'express-jwt', match: call('express-jwt', 'expressjwt'),
    token: null, options: { arg: 0 }, algorithms: [['algorithms']], ignoreExpiration: [['ignoreExpiration']], clockTolerance: [['clockTolerance']], pinAlgorithms: null,
  },
  {
    role: 'verify', library: 'express-jwt', label: 'express-jwt', match: call('express-jwt'),
    token: null, options: { arg: 0 }, algorithms: [['algorithms']], ignoreExpiration: [['ignoreExpiration']], clockTolerance: [['clockTolerance']], pinAlgorithms: null,
  },
  {
    role: 'verify', library: 'koa-jwt', label: 'koa-jwt', match: call('koa-jwt'),
    token: null, options: { arg: 0 }, algorithms: [['algorithms']], ignoreExpiration: [['ignoreExpiration']], clockTolerance: [['clockTolerance']], pinAlgorithms: null,
  },

  // --- passport-jwt (also Nest `super({...})` in `PassportStrategy(Strategy)`) ---
  {
    role: 'verify', library: 'passport-jwt', label: 'passport-jwt `Strategy`', match: call('passport-jwt', 'Strategy', 'new'),
    token: null, options: { arg: 0 },
    algorithms: [['algorithms'], ['jsonWebTokenOptions', 'algorithms']],
    ignoreExpiration: [['ignoreExpiration'], ['jsonWebTokenOptions', 'ignoreExpiration']],
    clockTolerance: [['jsonWebTokenOptions', 'clockTolerance']],
    pinAlgorithms: null,
  },

  // --- @nestjs/jwt --------------------------------------------------------------
  ...(['sign', 'signAsync'] as const).map((method): SignApi => ({
    role: 'sign', library: '@nestjs/jwt', label: `@nestjs/jwt \`JwtService.${method}\``, match: call('@nestjs/jwt', 'JwtService', 'new', method),
    payload: 0, options: { arg: 1 }, expiryOptions: [['expiresIn']], algorithmOptions: [['algorithm']], configured: true, expiry: NEST_SIGN_EXPIRY,
  })),
  ...(['verify', 'verifyAsync'] as const).map((method): VerifyApi => ({
    role: 'verify', library: '@nestjs/jwt', label: `@nestjs/jwt \`JwtService.${method}\``, match: call('@nestjs/jwt', 'JwtService', 'new', method),
    token: 0, options: { arg: 1 }, algorithms: [['algorithms']], ignoreExpiration: [['ignoreExpiration']], clockTolerance: [['clockTolerance']], pinAlgorithms: null,
  })),
  { role: 'decode', library: '@nestjs/jwt', label: '@nestjs/jwt `JwtService.decode`', match: call('@nestjs/jwt', 'JwtService', 'new', 'decode'), token: 0, fix: 'Use `await this.jwtService.verifyAsync(token)` and trust only what it returns.' },
  ...([
    ['`JwtModule.register`', call('@nestjs/jwt', 'JwtModule', 'register'), []],
    ['`JwtModule.registerAsync`', call('@nestjs/jwt', 'JwtModule', 'registerAsync'), ['useFactory', '()']],
    ['`new JwtService`', call('@nestjs/jwt', 'JwtService', 'new'), []],
  ] as const).map(([label, match, prefix]): ConfigApi => ({
    role: 'config', library: '@nestjs/jwt', label: `@nestjs/jwt ${label}`, match, options: { arg: 0, prefix },
    expiryOptions: [['signOptions', 'expiresIn']], algorithmOptions: [['signOptions', 'algorithm']],
    algorithms: [['verifyOptions', 'algorithms']], ignoreExpiration: [['verifyOptions', 'ignoreExpiration']], expiry: NEST_EXPIRY,
  })),

  // --- @fastify/jwt -------------------------------------------------------------
  {
    role: 'config', library: '@fastify/jwt', label: '@fastify/jwt registration', match: { by: 'plugin', module: ['@fastify/jwt', 'fastify-jwt'] }, options: { arg: 1 },
    expiryOptions: [['sign', 'expiresIn']], algorithmOptions: [['sign', 'algorithm']],
    algorithms: [['verify', 'algorithms']], ignoreExpiration: [['verify', 'ignoreExpiration']], expiry: FASTIFY_EXPIRY,
  },
  {
    role: 'sign', library: '@fastify/jwt', label: '@fastify/jwt `jwt.sign`', match: { by: 'method', object: 'jwt', method: 'sign' },
    payload: 0, options: { arg: 1 }, expiryOptions: [['expiresIn'], ['sign', 'expiresIn']], algorithmOptions: [['algorithm'], ['sign', 'algorithm']], configured: true, expiry: FASTIFY_EXPIRY,
  },
  {
    role: 'sign', library: '@fastify/jwt', label: '@fastify/jwt `reply.jwtSign`', match: { by: 'method', object: null, method: 'jwtSign' },
    payload: 0, options: { arg: 1 }, expiryOptions: [['expiresIn'], ['sign', 'expiresIn']], algorithmOptions: [['algorithm'], ['sign', 'algorithm']], configured: true, expiry: FASTIFY_EXPIRY,
  },
  {
    role: 'verify', library: '@fastify/jwt', label: '@fastify/jwt `jwt.verify`', match: { by: 'method', object: 'jwt', method: 'verify' },
    token: 0, options: { arg: 1 }, algorithms: [['algorithms']], ignoreExpiration: [['ignoreExpiration']], clockTolerance: [['clockTolerance']], pinAlgorithms: null,
  },
  {
    role: 'verify', library: '@fastify/jwt', label: '@fastify/jwt `request.jwtVerify`', match: { by: 'method', object: null, method: 'jwtVerify' },
    token: null, options: { arg: 0 }, algorithms: [['algorithms'], ['verify', 'algorithms']], ignoreExpiration: [['ignoreExpiration'], ['verify', 'ignoreExpiration']], clockTolerance: [], pinAlgorithms: null,
  },
  { role: 'decode', library: '@fastify/jwt', label: '@fastify/jwt `jwt.decode`', match: { by: 'method', object: 'jwt', method: 'decode' }, token: 0, fix: 'Use `await request.jwtVerify()` (or `fastify.jwt.verify(token)`) and trust only what it returns.' },

  // --- hono/jwt -----------------------------------------------------------------
  ...([call(['hono/jwt', 'hono/utils/jwt/jwt'], 'sign'), call(['hono/utils/jwt', 'hono/jwt'], 'Jwt', 'sign')]).map((match): SignApi => ({
    role: 'sign', library: 'hono/jwt', label: 'hono `sign`', match,
    payload: 0, options: null, expiryOptions: [], algorithmOptions: [], configured: false, expiry: CLAIM_EXPIRY,
  })),
  ...([call(['hono/jwt', 'hono/utils/jwt/jwt'], 'verify'), call(['hono/utils/jwt', 'hono/jwt'], 'Jwt', 'verify')]).map((match): VerifyApi => ({
    role: 'verify', library: 'hono/jwt', label: 'hono `verify`', match,
    token: 0, options: null, algorithms: [], ignoreExpiration: [], clockTolerance: [], pinAlgorithms: null,
  })),
  {
    role: 'verify', library: 'hono/jwt', label: 'hono `jwt` middleware', match: call('hono/jwt', 'jwt'),
    token: null, options: { arg: 0 }, algorithms: [], ignoreExpiration: [], clockTolerance: [], pinAlgorithms: null,
  },
  ...([call(['hono/jwt', 'hono/utils/jwt/jwt'], 'decode'), call(['hono/utils/jwt', 'hono/jwt'], 'Jwt', 'decode')]).map((match): DecodeApi => ({
    role: 'decode', library: 'hono/jwt', label: 'hono `decode`', match, token: 0, fix: 'Use `await verify(token, c.env.JWT_SECRET)` (or the `jwt()` middleware) and trust only what it returns.',
  })),

  // --- jwt-simple ---------------------------------------------------------------
  {
    role: 'sign', library: 'jwt-simple', label: 'jwt-simple `encode`', match: call('jwt-simple', 'encode'),
    payload: 0, options: null, expiryOptions: [], algorithmOptions: [], configured: false, expiry: CLAIM_EXPIRY,
  },
  {
    role: 'decode', library: 'jwt-simple', label: 'jwt-simple `decode` with `noVerify`', match: call('jwt-simple', 'decode'), token: 0, skipsVerifyWhenArgTrue: 2,
    fix: 'Drop the `noVerify` argument so `jwt.decode(token, secret)` checks the signature.',
  },

  // --- fast-jwt (factories: the options of the signer / verifier apply to every token) ---
  {
    role: 'sign', library: 'fast-jwt', label: 'fast-jwt `createSigner`', match: call('fast-jwt', 'createSigner'),
    payload: null, options: { arg: 0 }, expiryOptions: [['expiresIn']], algorithmOptions: [['algorithm']], configured: false,
    expiry: { text: "pass `expiresIn: '15m'` to `createSigner`", suggest: 'expiresIn' },
  },
  {
    role: 'verify', library: 'fast-jwt', label: 'fast-jwt `createVerifier`', match: call('fast-jwt', 'createVerifier'),
    token: null, options: { arg: 0 }, algorithms: [['algorithms']], ignoreExpiration: [['ignoreExpiration']], clockTolerance: [], pinAlgorithms: null,
  },

  // --- jwt-decode (decoding only: v4 named export, v3 default export) -------------
  ...([call('jwt-decode', 'jwtDecode'), call('jwt-decode')]).map((match): DecodeApi => ({
    role: 'decode', library: 'jwt-decode', label: 'jwt-decode', match, token: 0,
    fix: 'Verify the token where the decision is made (`jwt.verify` from jsonwebtoken, `jwtVerify` from jose) and trust only what it returns.',
  })),
];

/** The algorithm the strict `algorithms` suggestion proposes for a key whose name says it is public (RS256) or not (HS256). */
export const PIN_ALGORITHM = { symmetric: 'HS256', asymmetric: 'RS256' } as const;

/** The lifetime the suggestions propose. */
export const SUGGESTED_LIFETIME = '15m';

/** A clock tolerance above this many seconds turns expiry off in practice (reported by the strict option). */
export const MAX_CLOCK_TOLERANCE_SECONDS = 3600;

/**
 * Claims an app stamps into the payload to enforce a lifetime itself (and
 * checks when it verifies): words of a claim named like an expiry
 * (`expiresAt`, `validUntil`), and words of an issue-time claim (`createdAt`,
 * `issuedAt`) that counts when its value is the current time. `iat` is not one:
 * the libraries set it themselves.
 */
export const CUSTOM_EXPIRY_CLAIMS = {
  expiry: ['expires', 'expiry', 'expiration', 'expire', 'until', 'ttl', 'lifetime'],
  issued: ['created', 'issued', 'timestamp', 'generated'],
} as const;

/**
 * Tokens that come from an identity provider's response to the app, not
 * from the client: the `id_token` of an OAuth token response, and a body the
 * app fetched itself (`await response.text()`). Reading their claims without a
 * signature check is what OIDC allows over TLS, so a decode of them is not reported.
 */
export const PROVIDER_TOKENS = {
  properties: ['id_token', 'idToken'],
  bodyMethods: ['text', 'json'],
  /** Roots and steps of a member chain that carry the client's request: a token found under them is the client's. */
  requestRoots: ['req', 'request', 'ctx', 'c', 'event', 'context'],
  requestSteps: ['body', 'query', 'params', 'headers', 'cookies', 'form', 'formData', 'searchParams', 'request', 'req'],
} as const;

/**
 * Where a browser keeps its own token (js-cookie `Cookies.get`, Web Storage):
 * code that decodes a token read from there runs in the browser, where the
 * claims can only drive what is shown; the server verifies the token.
 */
export const BROWSER_TOKEN_SOURCES = {
  calls: [{ module: 'js-cookie', path: ['get'] }, { module: 'universal-cookie', path: ['new', 'get'] }],
  storage: ['localStorage', 'sessionStorage'],
} as const;

/**
 * Calls whose callback runs after a JWT strategy checked the token's
 * signature (`passport.authenticate('jwt', opts, (err, user, info) => …)`: a
 * `TokenExpiredError` in `info` is only raised after the signature check).
 */
export const VERIFYING_CALLBACKS = [{ method: 'authenticate', strategyArg: 0, strategies: ['jwt'] }] as const;

// ---------------------------------------------------------------------------
// Hand-rolled verifiers: code that splits a token on '.' and decodes its parts itself

/** A module function, by module and export path. */
export interface ModuleCall {
  readonly module: string | readonly string[];
  readonly path: readonly string[];
}

/**
 * What base64-decodes a token segment: `Buffer.from(part, 'base64url')`,
 * `atob(part)`, the base64url / js-base64 packages, jose's `base64url.decode`.
 */
export const BASE64_DECODERS = {
  /** `Buffer.from(x, encoding)` with one of these encodings. */
  bufferEncodings: ['base64', 'base64url'],
  /** Global functions that decode base64. */
  globals: ['atob'],
  calls: [
    { module: 'base64url', path: [] },
    { module: 'base64url', path: ['decode'] },
    { module: 'base64url', path: ['default', 'decode'] },
    { module: 'jose', path: ['base64url', 'decode'] },
    { module: 'js-base64', path: ['Base64', 'decode'] },
    { module: 'js-base64', path: ['decode'] },
    { module: 'js-base64', path: ['fromBase64'] },
  ] satisfies readonly ModuleCall[],
  /** Steps between the base64 decode and the claims object that keep the decoded content: `.toString()`, `JSON.parse`, `TextDecoder#decode`. */
  methods: ['toString', 'decode', 'replace', 'replaceAll', 'trim'],
  globalsAfter: ['decodeURIComponent', 'escape', 'unescape'],
  staticAfter: [['JSON', 'parse'], ['Uint8Array', 'from'], ['Buffer', 'from']],
} as const;

/** Name words of a helper the file cannot see into that decodes the token part it is given (`b64uToJSON(part)`, `base64UrlDecode(part)`). */
export const DECODER_NAME_WORDS: ReadonlySet<string> = new Set(['decode', 'base64', 'base64url', 'b64', 'b64u', 'b64url', 'atob', 'unbase64']);

/** String clean-ups applied to a segment before it is decoded (base64url → base64, padding). */
export const SEGMENT_CLEANUPS: readonly string[] = ['replace', 'replaceAll', 'padEnd', 'padStart', 'trim', 'toString'];

/**
 * Calls that check a signature or a MAC: seeing one in a hand-rolled verifier
 * (or a function of the file it calls) means the token is not trusted blindly.
 */
export const SIGNATURE_CHECKS: readonly ModuleCall[] = [
  { module: 'crypto', path: ['createHmac'] },
  { module: 'crypto', path: ['createVerify'] },
  { module: 'crypto', path: ['verify'] },
  { module: 'crypto', path: ['timingSafeEqual'] },
  { module: 'crypto', path: ['subtle', 'verify'] },
  { module: 'crypto', path: ['webcrypto', 'subtle', 'verify'] },
  { module: 'jsonwebtoken', path: ['verify'] },
  { module: 'jsonwebtoken', path: ['default', 'verify'] },
  { module: 'jose', path: ['jwtVerify'] },
  { module: 'jose', path: ['compactVerify'] },
  { module: 'jose', path: ['flattenedVerify'] },
  { module: 'jws', path: ['verify'] },
  { module: 'tweetnacl', path: ['sign', 'detached', 'verify'] },
  { module: '@noble/ed25519', path: ['verify'] },
];

/** Names of the header field that carries the algorithm. */
export const ALGORITHM_FIELDS: readonly string[] = ['alg', 'algorithm'];

/** The fix for a hand-rolled verifier, as message text. */
export const HAND_ROLLED_FIX =
  "Verify the token with a library and trust only what it returns: `await jwtVerify(token, key, { algorithms: ['HS256'] })` (jose) or `jwt.verify(token, secret, { algorithms: ['HS256'] })` (jsonwebtoken).";

/**
 * Claims that say who the caller is, what they may do, or whether the token
 * still holds: a hand-rolled decode that branches on one of them is making an
 * auth decision (one that branches on `url` or `theme` is reading data).
 */
export const AUTH_CLAIMS: ReadonlySet<string> = new Set([
  'sub', 'iss', 'aud', 'exp', 'nbf', 'iat', 'jti', 'typ', 'type',
  'id', 'uid', 'userid', 'user', 'username', 'email', 'account', 'accountid',
  'role', 'roles', 'admin', 'isadmin', 'scope', 'scopes', 'permission', 'permissions', 'perms', 'groups', 'group',
  'tenant', 'tenantid', 'org', 'orgid', 'organization', 'organizationid', 'team', 'teamid', 'session', 'sessionid', 'sid',
]);
