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
