/**
 * Cheap per-file pre-filters, read from the source text once per file and
 * shared by every rule: which modules the file imports, and which families
 * of words it mentions at all. A rule whose findings all need a word family
 * (a cookie finding needs "cookie" or "session" somewhere in the text) asks
 * here first and skips the file when the answer is no, so most files of an
 * app pay one regular-expression scan instead of value resolution.
 *
 * Every pattern is a necessary condition, never a decision: it must match
 * whenever the rule could report (case-insensitive substrings, comments
 * included, so it over-approximates). When a rule or model learns a new kind
 * of source, its vocabulary goes here too; the fixture and rule tests fail if
 * a pattern is too narrow.
 */
import type { FileFacts } from './file.js';
import { memo } from './file.js';
import { normalizeModule } from './modules.js';

/**
 * A password word (`password`, `passwd`, `pass`, `pwd`, `pw`, `passcode`, `passphrase`, `pword`) standing as a
 * word the way `words()` splits names (`userPass`, `PASS_HASH`, `pwd`, `"password"`), not inside another word
 * (`passport`, `passed`, `bypass`, `compass`).
 */
const PASSWORD_WORD = /(?<![a-z0-9])(?:pass(?:w(?:or)?d|code|phrase)?|pwd|pw|pword)(?![a-z0-9])|(?:Pass(?:w(?:or)?d|code|phrase)?|Pwd|Pw|Pword)(?![a-z0-9])|(?<![A-Z0-9])(?:PASS(?:W(?:OR)?D|CODE|PHRASE)?|PWD|PW|PWORD)(?![A-Z0-9])/;

/** Word families in the text, each a superset of what a rule needs to see before it can report. */
const TOPICS = {
  /** Password names as words (see PASSWORD_WORD). */
  password: PASSWORD_WORD,
  /** Cookie setters and options, session middleware and stores, `Set-Cookie`. */
  cookie: ['cookie', 'session'],
  /** Slow and fast hash APIs and password names (weak settings need no password name). */
  hash: ['pass', 'pw', 'crypt', 'hash', 'argon', 'pbkdf', 'digest', 'md5', 'sha'],
  /** JWT libraries (`jsonwebtoken`, `jose`, `@fastify/jwt`, `JwtService`, `hono/jwt`, `fast-jwt`) and bearer tokens. */
  jwt: ['jwt', 'jose', 'jws', 'webtoken', 'bearer'],
  /** A hand-rolled verifier splits the token (with `jwtDecode`: and base64-decodes a part). */
  split: ['.split'],
  /** Base64 decoding: `Buffer.from(x, 'base64url')`, `atob`, a decoding helper. */
  jwtDecode: ['base64', 'b64', 'atob', 'decode'],
  /** Web storage (`localStorage`, `sessionStorage`, `AsyncStorage`, a `storage` wrapper) and persisted stores (zustand `persist`, mobx-persist-store). */
  storage: ['storage', 'persist'],
  /** Session writes and log-in calls. */
  session: ['session', 'login', 'passport'],
  /** Names of secrets, tokens, signatures and one-time codes a compare can hold. */
  compare: ['token', 'jwt', 'bearer', 'key', 'sid', 'otp', 'nonce', 'secret', 'passphrase', 'sig', 'mac', 'digest', 'code', 'pin', 'csrf', 'xsrf', 'auth', 'hash'],
} as const satisfies Record<string, readonly string[] | RegExp>;

export type Topic = keyof typeof TOPICS;

const MENTIONS = Symbol('prefilter-mentions');
const MODULES = Symbol('prefilter-modules');
/** One case-insensitive alternation per topic: a single scan of the text (faster than a scan per word). */
const PATTERNS = Object.fromEntries(
  Object.entries(TOPICS).map(([topic, words]) => [
    topic,
    words instanceof RegExp ? words : new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i'),
  ]),
) as Record<Topic, RegExp>;

/** The text mentions the word family (a necessary condition for the rules that ask; see the patterns above). */
export function mentions(file: FileFacts, topic: Topic): boolean {
  const known = memo(file, MENTIONS, () => new Map<Topic, boolean>());
  let hit = known.get(topic);
  if (hit === undefined) {
    hit = PATTERNS[topic].test(file.sourceCode.text);
    known.set(topic, hit);
  }
  return hit;
}

/** `import … from 'x'`, `export … from 'x'`, `import 'x'`, `require('x')`, `import('x')`. */
const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*(['"`])([^'"`\n]+)\1/g;

/**
 * Every module specifier the text names (normalised like module refs: no
 * `node:`). A module ref (core/modules.ts) only ever comes from one of these,
 * so a model table none of whose modules is here cannot match in this file.
 */
export function importedModules(file: FileFacts): ReadonlySet<string> {
  return memo(file, MODULES, () => {
    const out = new Set<string>();
    for (const m of file.sourceCode.text.matchAll(SPECIFIER)) out.add(normalizeModule(m[2]!));
    return out;
  });
}

/** The file imports at least one of `modules`. */
export function importsAny(file: FileFacts, modules: Iterable<string>): boolean {
  const imported = importedModules(file);
  if (imported.size === 0) return false;
  for (const m of modules) if (imported.has(m)) return true;
  return false;
}
