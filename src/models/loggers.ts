/**
 * Logging libraries: which calls write a log line, and how each library
 * redacts fields. Data only; `no-credential-logging` reads it.
 *
 * A logger *instance* is the value at one of `instances` (paths as in
 * core/modules.ts: property names, `()` for a call, `new` for a
 * construction); a log call is `<instance>.<level>(…)`, also through
 * `.child(…)` loggers. A log *function* is called directly (`debug('ns')(…)`).
 */

export interface LoggerModel {
  /** Display name used in messages. */
  readonly label: string;
  readonly module: string | readonly string[];
  readonly instances: readonly (readonly string[])[];
  readonly functions?: readonly (readonly string[])[];
  /** Method names that write a line; defaults to {@link LOG_LEVELS}. */
  readonly levels?: readonly string[];
  /** How to keep credentials out of this library's output, as message text. */
  readonly redact: string;
}

/** Method names that write a log line in the common libraries (pino, winston, bunyan, log4js, consola, Nest, fastify). */
export const LOG_LEVELS: readonly string[] = [
  'log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'http', 'notice', 'crit',
  'critical', 'alert', 'emerg', 'emergency', 'success', 'fail', 'ready', 'start', 'box', 'mark',
];

/** `console` methods that print their arguments. */
export const CONSOLE_METHODS: readonly string[] = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'assert'];

export const CONSOLE_REDACT = 'remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: [\'req.headers.authorization\', \'*.password\', \'*.token\'] })`';

const PINO_REDACT = "configure the logger's redaction: `pino({ redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'] })`";

export const LOGGERS: readonly LoggerModel[] = [
  {
    label: 'pino', module: ['pino'], instances: [['()'], ['default', '()'], ['pino', '()']],
    redact: PINO_REDACT,
  },
  {
    label: 'pino-http', module: ['pino-http'], instances: [['()', 'logger'], ['pinoHttp', '()', 'logger']],
    redact: "configure the logger's redaction: `pinoHttp({ redact: ['req.headers.authorization', 'req.headers.cookie', '*.password'] })`",
  },
  {
    label: 'winston', module: ['winston'], instances: [[], ['createLogger', '()'], ['loggers', 'get', '()'], ['Logger', 'new']],
    redact: 'log identifiers only, and add a winston `format` that deletes credential fields (password, token, authorization) before `format.json()`',
  },
  {
    label: 'bunyan', module: ['bunyan'], instances: [['createLogger', '()'], ['new'], ['default', 'createLogger', '()']],
    redact: 'log identifiers only, and give bunyan `serializers` that drop credential fields (`req` → method and url only)',
  },
  {
    label: 'log4js', module: ['log4js'], instances: [['getLogger', '()']],
    redact: 'log identifiers only; log4js has no field redaction, so never pass credentials to it',
  },
  {
    label: 'debug', module: ['debug'], instances: [], functions: [['()'], ['default', '()']],
    redact: 'log identifiers only; `debug` output has no redaction and is often switched on in production with `DEBUG=*`',
  },
  {
    label: 'Nest `Logger`', module: ['@nestjs/common'], instances: [['Logger', 'new'], ['Logger'], ['ConsoleLogger', 'new']],
    redact: "log identifiers only; Nest's `Logger` prints what it is given (with `nestjs-pino`, configure `pinoHttp: { redact: [...] }`)",
  },
  {
    label: 'fastify logger', module: ['fastify'], instances: [['()', 'log'], ['default', '()', 'log'], ['fastify', '()', 'log']],
    redact: "configure the logger's redaction: `Fastify({ logger: { redact: ['req.headers.authorization', '*.password', '*.token'] } })`",
  },
  {
    label: 'consola', module: ['consola'], instances: [[], ['consola'], ['createConsola', '()']],
    redact: 'log identifiers only; consola prints what it is given',
  },
  {
    label: 'loglevel', module: ['loglevel'], instances: [[], ['getLogger', '()']],
    redact: 'log identifiers only; loglevel prints what it is given',
  },
  {
    label: 'signale', module: ['signale'], instances: [[], ['Signale', 'new']],
    redact: 'log identifiers only, or use signale `secrets: [...]` to filter known values',
  },
  {
    label: 'npmlog', module: ['npmlog'], instances: [[]],
    redact: 'log identifiers only; npmlog prints what it is given',
  },
];

/** The fix text for a logger that is matched by name or by a local module rather than a known library. */
export const GENERIC_REDACT = "log identifiers only, and configure the logger's redaction (for pino: `pino({ redact: ['*.password', '*.token', 'req.headers.authorization'] })`)";

/** Words in a local module path or binding that mark it as the app's logger (`./logger`, `../lib/log`, `@/utils/logging`). */
export const LOCAL_LOGGER_WORDS: readonly string[] = ['log', 'logs', 'logger', 'loggers', 'logging'];

// ---------------------------------------------------------------------------
// What log arguments hold (read by core/credentials.ts)

/**
 * Words that, in a name that looks like a credential, say it only names one:
 * crypto-currency tokens and LLM token usage, nonces, payment / newsletter /
 * push / channel tokens (they grant no sign-in), what is known *about* a
 * token (its decoded claims, metadata, state), WebAuthn public credential
 * data, and tracing or audit sessions.
 */
export const NAMES_ONLY_WORDS: readonly string[] = [
  'address', 'addresses', 'mapping', 'symbol', 'symbols', 'contract', 'decimals', 'balance', 'balances', 'amount',
  'supply', 'price', 'rate', 'rates', 'erc20', 'usage', 'budget', 'wei', 'nonce', 'nonces',
  'billing', 'card', 'payment', 'stripe', 'checkout', 'charge', 'donation', 'subscribe', 'unsubscribe', 'newsletter',
  'device', 'push', 'fcm', 'apns', 'channel',
  'info', 'payload', 'claims', 'decoded', 'details', 'metadata', 'state', 'stats', 'status',
  'webauthn', 'passkey', 'attestation', 'assertion', 'authenticator',
  'audit', 'trace', 'tracing',
  // where a credential is kept, not the credential: `credentialsFilename`, `secretsDir`
  'filename', 'filenames', 'filepath', 'dir', 'directory', 'folder',
  // rates, durations and limits about tokens: `tokensPerInterval`, `refreshTokenGracePeriod`, `tokenTtl`
  'per', 'interval', 'period', 'grace', 'remaining', 'ttl', 'lifetime', 'duration', 'timeout', 'expiry', 'expires', 'expiration',
  // flags about tokens: `shouldReturnRefreshToken`, `returnTokens`, `hasToken`, `isTokenValid`
  'should', 'is', 'has', 'return', 'enabled', 'allowed',
];

/** Function and file-name words under which a bare `token` is a payment or newsletter token (`update-billing.js`, `betaUnsubscribe`). */
export const NON_AUTH_TOKEN_CONTEXT_WORDS: readonly string[] = [
  'billing', 'payment', 'payments', 'donation', 'checkout', 'stripe', 'charge', 'subscribe', 'unsubscribe', 'newsletter',
];

/** Function and file-name words under which a `credential` is a WebAuthn public-key credential (`WebauthController`, `verifyPasskey`). */
export const WEBAUTHN_CONTEXT_WORDS: readonly string[] = ['webauth', 'webauthn', 'passkey', 'passkeys', 'fido', 'fido2', 'authenticator'];

/** Modules whose presence makes `token` an ERC-20 contract or a crypto asset, not a credential. */
export const ASSET_TOKEN_MODULES: readonly string[] = ['web3', 'ethers', 'viem', 'web3-utils', '@ethersproject', 'minimetoken', '@solana/web3.js'];

/** Function or route words under which a bare `code` / `guid` is a one-time code (`sendVerificationEmail(email, code)`, `/reset-password/:guid`). */
export const ONE_TIME_CONTEXT_WORDS: readonly string[] = [
  'verification', 'verify', 'otp', 'totp', 'reset', 'mfa', '2fa', 'twofa', 'magic', 'passcode', 'confirmation', 'activation', 'recovery',
];

/** Owners whose `sessionId` member is the live authentication session (`req.sessionID`, `handshakeData.sessionID`). */
export const SESSION_CARRIERS: readonly string[] = ['req', 'request', 'handshake', 'socket', 'ctx', 'session', 'cookies'];

/** Flags that mark a development-only branch (`if (isDev)`, `if (env.isDevelopment)`). */
export const DEVELOPMENT_FLAGS: readonly string[] = ['isDev', 'isDevelopment', 'IS_DEV', 'IS_DEVELOPMENT', 'DEV', '__DEV__', 'isLocal'];

/** A hook context (Feathers): parameter names, the parts that carry credentials, and the members that show the shape. */
export const HOOK_CONTEXT_NAMES: readonly string[] = ['hook', 'context'];
export const HOOK_CONTEXT_PARTS: readonly string[] = ['data', 'params', 'result'];
export const HOOK_CONTEXT_SHAPE: readonly string[] = ['type', 'path', 'method', 'service', 'app'];

/** Callbacks whose parameter holds the credentials being checked: `app.passport.verify(async (ctx, user) => …)` (egg-passport). */
export const CREDENTIAL_CALLBACKS: readonly { readonly path: string; readonly param: number; readonly what: string }[] = [
  { path: 'passport.verify', param: 1, what: 'credentials the passport strategy passes to `verify`: for the local strategy, the password' },
];

/** Where a logger's construction options list the field paths it redacts (pino `redact: [...]` / `redact: { paths }`). */
export const REDACT_OPTIONS: readonly (readonly string[])[] = [['redact'], ['redact', 'paths'], ['logger', 'redact'], ['logger', 'redact', 'paths']];
