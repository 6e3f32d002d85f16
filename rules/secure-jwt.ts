import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CHECK_TEST_FILES_OPTION, createRule } from '../src/create-rule.js';
import { getFile, type FileFacts } from '../src/core/file.js';
import { calleeName, enclosingFunction, mentionedNames, staticKey, unwrap } from '../src/core/ast.js';
import { argumentAt, invokedRef, registeredPlugin, type CallLike } from '../src/core/match.js';
import { refIs, type ModuleRef } from '../src/core/modules.js';
import { arrayElements, dereference, getPropertyPath, resolveValue, type Lookup } from '../src/core/values.js';
import { words } from '../src/core/names.js';
import { claimUse, isClientFile, type ClaimUse } from '../src/core/claims.js';
import {
  JWT_APIS,
  MAX_CLOCK_TOLERANCE_SECONDS,
  PIN_ALGORITHM,
  SUGGESTED_LIFETIME,
  type ChainApi,
  type ConfigApi,
  type DecodeApi,
  type ExpiryFix,
  type JwtApi,
  type JwtLibrary,
  type JwtMatch,
  type OptionPath,
  type OptionsAt,
  type SignApi,
  type VerifyApi,
} from '../src/models/jwt.js';

export type MessageId =
  | 'insecure'
  | 'decode'
  | 'unsecured'
  | 'addExpiresIn'
  | 'addExpirationTime'
  | 'addExp'
  | 'removeNone'
  | 'removeIgnoreExpiration'
  | 'addAlgorithms';
export type Options = [{ checkTestFiles?: boolean; requireAlgorithms?: boolean; checkClockTolerance?: boolean }];

type Node = TSESTree.Node;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

interface Suggestion {
  readonly messageId: MessageId;
  readonly data?: Record<string, string>;
  readonly fix: (fixer: Fixer) => Fix | Fix[];
}

/** One problem of a construct: its message text, and the quick fix if a safe edit exists. */
interface Problem {
  readonly text: string;
  readonly suggestion: Suggestion | null;
}

/** What the options of a call are: a node to look into, none at all, or not knowable here. */
type OptionsRoot = { readonly kind: 'found'; readonly node: Node } | { readonly kind: 'absent' } | { readonly kind: 'unknown' };

const USE_TEXT: Record<ClaimUse, string> = {
  user: "become the request's user",
  condition: 'decide access in a condition',
  lookup: 'pick the user to load',
  return: 'are returned as the caller’s identity',
};

const ABSENT_ROOT: OptionsRoot = { kind: 'absent' };
const UNKNOWN_ROOT: OptionsRoot = { kind: 'unknown' };
const ABSENT: Lookup = { kind: 'absent' };
const UNKNOWN: Lookup = { kind: 'unknown' };

const PUBLIC_KEY_WORDS = new Set(['public', 'pub', 'pem', 'cert', 'certificate', 'jwks', 'rsa', 'ec', 'spki']);
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const SCAN_LIMIT = 300;
/** The model indexed by how a call can match it, so each call only meets the entries it could be. */
const BY_MODULE = new Map<string, JwtApi[]>();
for (const api of JWT_APIS) {
  if (api.match.by !== 'call') continue;
  for (const module of [api.match.module].flat()) BY_MODULE.set(module, [...(BY_MODULE.get(module) ?? []), api]);
}
const PLUGIN_APIS = JWT_APIS.filter((a) => a.match.by === 'plugin');
const METHOD_APIS = JWT_APIS.filter((a) => a.match.by === 'method');
const EXPIRY_MENTION = /\bexpiresIn\b|\bsetExpirationTime\b|\bexp\s*:/;

// ---------------------------------------------------------------------------
// Matching the model

function matches(file: FileFacts, call: CallLike, match: JwtMatch, ref: ModuleRef | null, plugin: string | null): boolean {
  switch (match.by) {
    case 'call':
      return refIs(ref, match);
    case 'plugin':
      return plugin !== null && match.module.includes(plugin);
    case 'method': {
      if (call.type !== T.CallExpression) return false;
      if (ref && ref.module !== 'fastify') return false; // traced to another library
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression || staticKey(callee) !== match.method) return false;
      if (match.object === null) return true;
      const owner = unwrap(callee.object);
      return owner.type === T.MemberExpression && staticKey(owner) === match.object;
    }
  }
}

// ---------------------------------------------------------------------------
// Options and values: three-state lookups

/**
 * Is the object a binding stands for changed after its literal was written:
 * `opts.expiresIn = ttl`, `payload.exp = …`, `Object.assign(opts, …)`, `delete opts.x`?
 * Then its properties cannot be read off the literal.
 */
function isMutated(file: FileFacts, node: Node): boolean {
  const id = unwrap(node);
  if (id.type !== T.Identifier) return false;
  const variable = file.variableOf(id);
  if (!variable) return false;
  for (const ref of variable.references) {
    let n: Node = ref.identifier;
    while (n.parent?.type === T.MemberExpression && n.parent.object === n) n = n.parent;
    const parent = n.parent;
    if (n === ref.identifier) {
      if (parent?.type === T.CallExpression && parent.arguments[0] === n && unwrap(parent.callee).type === T.MemberExpression) {
        const callee = unwrap(parent.callee) as TSESTree.MemberExpression;
        const owner = unwrap(callee.object);
        if (owner.type === T.Identifier && owner.name === 'Object' && staticKey(callee) === 'assign') return true;
      }
      continue;
    }
    if (parent?.type === T.AssignmentExpression && parent.left === n) return true;
    if (parent?.type === T.UnaryExpression && parent.operator === 'delete') return true;
  }
  return false;
}

function optionsRoot(file: FileFacts, call: CallLike, at: OptionsAt | null): OptionsRoot {
  if (!at) return ABSENT_ROOT;
  const arg = argumentAt(call, at.arg);
  if (!arg) return call.arguments.slice(0, at.arg + 1).some((a) => a.type === T.SpreadElement) ? UNKNOWN_ROOT : ABSENT_ROOT;
  if (isMutated(file, arg)) return UNKNOWN_ROOT;
  const target = dereference(file, arg);
  if (!at.prefix?.length) {
    if (target.type === T.ArrowFunctionExpression || target.type === T.FunctionExpression) return ABSENT_ROOT; // the callback slot
    if (target.type === T.Identifier && target.name === 'undefined' && file.isGlobal(target)) return ABSENT_ROOT;
    return { kind: 'found', node: arg };
  }
  const found = getPropertyPath(file, arg, at.prefix);
  return found.kind === 'found' ? { kind: 'found', node: found.value } : UNKNOWN_ROOT;
}

/** The first of `paths` set in the options; absent when none is; unknown when one cannot be told. */
function lookupAny(file: FileFacts, root: OptionsRoot, paths: readonly OptionPath[]): Lookup {
  if (root.kind !== 'found') return root.kind === 'absent' ? ABSENT : UNKNOWN;
  let unknown = false;
  for (const p of paths) {
    const found = getPropertyPath(file, root.node, p);
    if (found.kind === 'found') return found;
    if (found.kind === 'unknown') unknown = true;
  }
  return unknown ? UNKNOWN : ABSENT;
}

function isTrue(file: FileFacts, node: Node): boolean {
  const target = dereference(file, node);
  return target.type === T.Literal && target.value === true;
}

function isNone(file: FileFacts, node: Node): boolean {
  const value = resolveValue(file, node);
  return value.kind === 'literal' && value.text.toLowerCase() === 'none';
}

/** The `'none'` element of an `algorithms` value, if it has one. */
function noneElement(file: FileFacts, node: Node): Node | null {
  const elements = arrayElements(file, node) ?? [node];
  return elements.find((el) => isNone(file, el)) ?? null;
}

const UNITS: Record<string, number> = { s: 1, sec: 1, secs: 1, second: 1, seconds: 1, m: 60, min: 60, mins: 60, minute: 60, minutes: 60, h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600, d: 86400, day: 86400, days: 86400, w: 604800, week: 604800, weeks: 604800, y: 31557600, year: 31557600, years: 31557600 };

/** Seconds a duration stands for: a number (seconds) or a vercel/ms-style string (`'2h'`), through bindings and `*`/`+`. */
function seconds(file: FileFacts, node: Node, depth = 0): number | null {
  if (depth > 16) return null;
  const n = dereference(file, node);
  if (n.type === T.Literal && typeof n.value === 'number') return n.value;
  if (n.type === T.BinaryExpression && (n.operator === '*' || n.operator === '+')) {
    const a = seconds(file, n.left, depth + 1);
    const b = seconds(file, n.right, depth + 1);
    if (a === null || b === null) return null;
    return n.operator === '*' ? a * b : a + b;
  }
  const value = resolveValue(file, n);
  if (value.kind !== 'literal') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value.text);
  if (!m) return null;
  const unit = m[2]!.toLowerCase();
  const factor = unit === '' ? 1 : UNITS[unit];
  return factor === undefined ? null : Number(m[1]) * factor;
}

/** Is an `exp` claim in the payload: found, absent, or unknown (spread of something unknown, a parameter). */
function payloadExpiry(file: FileFacts, call: CallLike, index: number | null): Lookup['kind'] {
  if (index === null) return 'absent';
  const arg = argumentAt(call, index);
  if (!arg) return call.arguments.some((a) => a.type === T.SpreadElement) ? 'unknown' : 'absent';
  if (isMutated(file, arg)) return 'unknown';
  return getPropertyPath(file, arg, ['exp']).kind;
}

// ---------------------------------------------------------------------------
// Edits for suggestions

/** `['signOptions', 'expiresIn']`, `"'15m'"` → `signOptions: { expiresIn: '15m' }`. */
function nested(keys: readonly string[], value: string): string {
  return keys.reduceRight((inner, key, i) => (i === keys.length - 1 ? `${key}: ${inner}` : `${key}: { ${inner} }`), value);
}

function within(node: Node, outer: Node): boolean {
  return node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1];
}

function insertProperty(fixer: Fixer, obj: TSESTree.ObjectExpression, text: string): Fix {
  const last = obj.properties[obj.properties.length - 1];
  if (!last) return fixer.replaceText(obj, `{ ${text} }`);
  if (last.loc.start.line !== obj.loc.start.line) return fixer.insertTextAfter(last, `,\n${' '.repeat(last.loc.start.column)}${text}`);
  return fixer.insertTextAfter(last, `, ${text}`);
}

/**
 * An edit that sets `keys` to `value` in the call's options, written in the
 * call itself: into the deepest inline object on the path, or as a new
 * options argument when there is none. Null when the options live elsewhere.
 */
function optionEdit(file: FileFacts, call: CallLike, at: OptionsAt, keys: OptionPath, value: string): ((fixer: Fixer) => Fix) | null {
  const arg = argumentAt(call, at.arg);
  if (!arg) {
    if (at.prefix?.length || call.arguments.length !== at.arg || at.arg === 0) return null;
    const last = call.arguments[call.arguments.length - 1]!;
    return (fixer) => fixer.insertTextAfter(last, `, { ${nested(keys, value)} }`);
  }
  const root = optionsRoot(file, call, at);
  if (root.kind === 'absent') {
    if (at.prefix?.length) return null;
    return (fixer) => fixer.insertTextBefore(arg, `{ ${nested(keys, value)} }, `);
  }
  if (root.kind !== 'found') return null;
  let obj = dereference(file, root.node);
  let i = 0;
  for (; i < keys.length - 1; i++) {
    const found = getPropertyPath(file, obj, [keys[i]!]);
    if (found.kind !== 'found') break;
    const inner = dereference(file, found.value);
    if (inner.type !== T.ObjectExpression) return null;
    obj = inner;
  }
  if (obj.type !== T.ObjectExpression || !within(obj, call)) return null;
  const target = obj;
  const text = nested(keys.slice(i), value);
  return (fixer) => insertProperty(fixer, target, text);
}

// ---------------------------------------------------------------------------
// Problems, as message text

const PROBLEM = {
  acceptsNone: "accepts `'none'` in `algorithms`, so a token without any signature passes and anyone can forge one: list only the algorithms you sign with",
  signsNone: "signs with `algorithm: 'none'`, so the token carries no signature and anyone can forge one: sign with `HS256` (shared secret) or `RS256` (key pair)",
  ignoreExpiration: 'sets `ignoreExpiration: true`, so expired and stolen tokens stay valid forever: remove it',
  clockTolerance: (s: number): string => `allows a \`clockTolerance\` of ${s} seconds, so tokens stay valid long after they expire: keep it to a few seconds`,
  noExpiry: (what: string, fix: ExpiryFix): string => `${what}, so a leaked token works forever: ${fix.text}`,
  noAlgorithms: (alg: string): string => `does not pin \`algorithms\`, so the token's own header chooses how it is checked: pass \`algorithms: ['${alg}']\``,
};

function keyAlgorithm(file: FileFacts, call: CallLike): string {
  const key = argumentAt(call, 1);
  if (!key) return PIN_ALGORITHM.symmetric;
  const names = mentionedNames(dereference(file, key), 16).concat(mentionedNames(key, 16));
  return names.some((n) => words(n).some((w) => PUBLIC_KEY_WORDS.has(w))) ? PIN_ALGORITHM.asymmetric : PIN_ALGORITHM.symmetric;
}

/** Files near `filename` (its folder, three levels down) that set an expiry somewhere: the sign calls a module configuration serves. */
function neighboursSetExpiry(filename: string): boolean {
  if (!path.isAbsolute(filename)) return false;
  const self = path.resolve(filename);
  const stack: { dir: string; depth: number }[] = [{ dir: path.dirname(self), depth: 0 }];
  let budget = SCAN_LIMIT;
  while (stack.length && budget > 0) {
    const { dir, depth } = stack.pop()!;
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (budget-- <= 0) break;
      if (entry === 'node_modules' || entry.startsWith('.') || entry === 'dist' || entry === 'build') continue;
      const full = path.join(dir, entry);
      try {
        const stat = statSync(full);
        if (stat.isDirectory()) {
          if (depth < 3) stack.push({ dir: full, depth: depth + 1 });
        } else if (SOURCE.test(entry) && full !== self && stat.size < 500_000 && EXPIRY_MENTION.test(readFileSync(full, 'utf8'))) {
          return true;
        }
      } catch {
        // unreadable: skip
      }
    }
  }
  return false;
}

interface Construct {
  readonly node: Node;
  readonly label: string;
  readonly problems: Problem[];
}

export default createRule<Options, MessageId>({
  name: 'secure-jwt',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require JWTs to be verified with a real algorithm and to expire',
      category: 'jwt',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      insecure: '{{api}} {{problems}}.',
      decode: "{{api}} reads the token without checking its signature, yet its claims {{use}}: anyone can forge a token with any user or role. {{fix}}",
      unsecured: "{{api}} makes or accepts tokens with no signature (`alg: 'none'`), so anyone can forge one. Sign with `new SignJWT(claims).sign(key)` and read tokens with `jwtVerify(token, key)`.",
      addExpiresIn: `Add \`expiresIn: '${SUGGESTED_LIFETIME}'\``,
      addExpirationTime: `Add \`.setExpirationTime('${SUGGESTED_LIFETIME}')\``,
      addExp: 'Add an `exp` claim 15 minutes ahead',
      removeNone: "Remove `'none'` from `algorithms`",
      removeIgnoreExpiration: 'Remove `ignoreExpiration: true`',
      addAlgorithms: "Add `algorithms: ['{{alg}}']`",
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkTestFiles: CHECK_TEST_FILES_OPTION,
          requireAlgorithms: {
            type: 'boolean',
            description: "Report jsonwebtoken `verify` calls that do not pin `algorithms` (jsonwebtoken 9 already refuses `'none'`; on in `strict`).",
          },
          checkClockTolerance: {
            type: 'boolean',
            description: 'Report a verify `clockTolerance` above one hour, which keeps expired tokens valid (on in `strict`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkTestFiles: false, requireAlgorithms: false, checkClockTolerance: false }],
  },
  defaultOptions: [{ checkTestFiles: false, requireAlgorithms: false, checkClockTolerance: false }],
  create(context, [options]) {
    const file = getFile(context);
    if (file.isTest && !options.checkTestFiles) return {};
    const sourceCode = context.sourceCode;
    const constructs = new Map<Node, Construct>();
    const decodes: { api: DecodeApi; call: CallLike }[] = [];
    /** Calls that verify a token (null token: the call finds the request's token itself). */
    const verifies: { call: CallLike; token: Node | null }[] = [];
    /** Module configurations without an expiry, decided at the end of the file. */
    const pendingConfigs: { api: ConfigApi; call: CallLike; problems: Problem[] }[] = [];
    /** Libraries whose sign calls in this file pass their own expiry. */
    const signsWithExpiry = new Set<JwtLibrary>();

    function add(node: Node, label: string, problems: Problem[]): void {
      if (problems.length === 0) return;
      const prev = constructs.get(node);
      if (prev) prev.problems.push(...problems.filter((p) => !prev.problems.some((q) => q.text === p.text)));
      else constructs.set(node, { node, label, problems });
    }

    function expiryProblem(what: string, fix: ExpiryFix, suggestion: Suggestion | null): Problem {
      return { text: PROBLEM.noExpiry(what, fix), suggestion };
    }

    function expiresInSuggestion(call: CallLike, at: OptionsAt | null, keys: OptionPath | undefined): Suggestion | null {
      if (!at || !keys) return null;
      const edit = optionEdit(file, call, at, keys, `'${SUGGESTED_LIFETIME}'`);
      return edit ? { messageId: 'addExpiresIn', fix: edit } : null;
    }

    function expClaimSuggestion(call: CallLike, index: number | null): Suggestion | null {
      const arg = index === null ? null : argumentAt(call, index);
      if (!arg) return null;
      const obj = dereference(file, arg);
      if (obj.type !== T.ObjectExpression || !within(obj, call)) return null;
      return { messageId: 'addExp', fix: (fixer) => insertProperty(fixer, obj, 'exp: Math.floor(Date.now() / 1000) + 15 * 60') };
    }

    function algorithmProblems(root: OptionsRoot, signPaths: readonly OptionPath[], verifyPaths: readonly OptionPath[]): Problem[] {
      const out: Problem[] = [];
      const alg = lookupAny(file, root, signPaths);
      if (alg.kind === 'found' && isNone(file, alg.value)) out.push({ text: PROBLEM.signsNone, suggestion: null });
      const algs = lookupAny(file, root, verifyPaths);
      const none = algs.kind === 'found' ? noneElement(file, algs.value) : null;
      if (none) out.push({ text: PROBLEM.acceptsNone, suggestion: removeNoneSuggestion(none) });
      return out;
    }

    function ignoreExpirationProblem(root: OptionsRoot, paths: readonly OptionPath[]): Problem | null {
      const found = lookupAny(file, root, paths);
      if (found.kind !== 'found' || !isTrue(file, found.value)) return null;
      return { text: PROBLEM.ignoreExpiration, suggestion: removePropertySuggestion(found.property) };
    }

    function removeNoneSuggestion(element: Node): Suggestion | null {
      const array = element.parent;
      if (array?.type !== T.ArrayExpression || array.elements.length < 2) return null;
      const index = array.elements.indexOf(element as TSESTree.Expression);
      if (index < 0) return null;
      const next = array.elements[index + 1];
      const prev = array.elements[index - 1];
      const range: [number, number] = next ? [element.range[0], next.range[0]] : [prev!.range[1], element.range[1]];
      return { messageId: 'removeNone', fix: (fixer) => fixer.removeRange(range) };
    }

    function removePropertySuggestion(prop: Node): Suggestion | null {
      if (prop.type !== T.Property || prop.parent.type !== T.ObjectExpression) return null;
      const before = sourceCode.getTokenBefore(prop);
      const after = sourceCode.getTokenAfter(prop);
      if (!before || !after) return null;
      let range: [number, number];
      if (after.value === ',') range = [before.range[1], after.range[1]]; // the property, its comma and the space before it
      else if (before.value === ',') range = [before.range[0], prop.range[1]]; // the last property and the comma before it
      else range = [before.range[1], after.range[0]]; // the only property: `{}`
      return { messageId: 'removeIgnoreExpiration', fix: (fixer) => fixer.removeRange(range) };
    }

    function checkSign(api: SignApi, call: CallLike): void {
      const root = optionsRoot(file, call, api.options);
      const problems = algorithmProblems(root, api.algorithmOptions, []);
      const option = lookupAny(file, root, api.expiryOptions);
      const claim = payloadExpiry(file, call, api.payload);
      const expires = option.kind === 'found' || claim === 'found';
      const never = !expires && (api.options === null || option.kind === 'absent') && claim === 'absent';
      if (api.configured) {
        if (expires) signsWithExpiry.add(api.library);
      } else if (never) {
        const suggestion = api.expiry.suggest === 'exp' ? expClaimSuggestion(call, api.payload) : expiresInSuggestion(call, api.options, api.expiryOptions[0]);
        const what = api.options ? 'issues a token that never expires (no `expiresIn` option and no `exp` claim)' : 'issues a token that never expires (no `exp` claim in the payload)';
        problems.push(expiryProblem(what, api.expiry, suggestion));
      }
      add(call, api.label, problems);
    }

    function checkChain(api: ChainApi, start: CallLike): void {
      const methods: string[] = [];
      let current: Node = start;
      let finish: TSESTree.CallExpression | null = null;
      for (;;) {
        const member: Node | undefined = current.parent;
        if (member?.type !== T.MemberExpression || member.object !== current) break;
        const next: Node | undefined = member.parent;
        if (next?.type !== T.CallExpression || next.callee !== member) break;
        const name = staticKey(member) ?? '';
        methods.push(name);
        current = next;
        if (name === api.finish) {
          finish = next;
          break;
        }
      }
      if (!finish) return; // the builder escapes into a binding: not followed
      if (methods.some((m) => api.expiryMethods.includes(m))) return;
      if (payloadExpiry(file, start, api.payload) !== 'absent') return;
      const member = finish.callee as TSESTree.MemberExpression;
      const dot = sourceCode.getTokenBefore(member.property);
      const before = dot ? sourceCode.getTokenBefore(dot) : null;
      const text = `.setExpirationTime('${SUGGESTED_LIFETIME}')`;
      const suggestion: Suggestion = {
        messageId: 'addExpirationTime',
        fix: (fixer) =>
          dot && before && dot.loc.start.line !== before.loc.end.line
            ? fixer.insertTextBeforeRange(dot.range, `${text}\n${' '.repeat(dot.loc.start.column)}`)
            : fixer.insertTextAfter(member.object, text),
      };
      add(start, api.label, [expiryProblem('issues a token that never expires (no `setExpirationTime` and no `exp` claim)', api.expiry, suggestion)]);
    }

    function checkVerify(api: VerifyApi, call: CallLike): void {
      verifies.push({ call, token: api.token === null ? null : argumentAt(call, api.token) });
      const root = optionsRoot(file, call, api.options);
      const problems = algorithmProblems(root, [], api.algorithms);
      const ignore = ignoreExpirationProblem(root, api.ignoreExpiration);
      if (ignore) problems.push(ignore);
      if (options.checkClockTolerance) {
        const tolerance = lookupAny(file, root, api.clockTolerance);
        const s = tolerance.kind === 'found' ? seconds(file, tolerance.value) : null;
        if (s !== null && s > MAX_CLOCK_TOLERANCE_SECONDS) problems.push({ text: PROBLEM.clockTolerance(s), suggestion: null });
      }
      if (options.requireAlgorithms && api.pinAlgorithms && api.options && lookupAny(file, root, [api.pinAlgorithms]).kind === 'absent') {
        const alg = keyAlgorithm(file, call);
        const edit = optionEdit(file, call, api.options, api.pinAlgorithms, `['${alg}']`);
        problems.push({ text: PROBLEM.noAlgorithms(alg), suggestion: edit ? { messageId: 'addAlgorithms', data: { alg }, fix: edit } : null });
      }
      add(call, api.label, problems);
    }

    function checkConfig(api: ConfigApi, call: CallLike): void {
      const root = optionsRoot(file, call, api.options);
      const problems = algorithmProblems(root, api.algorithmOptions, api.algorithms);
      const ignore = ignoreExpirationProblem(root, api.ignoreExpiration);
      if (ignore) problems.push(ignore);
      if (root.kind === 'found' && lookupAny(file, root, api.expiryOptions).kind === 'absent') pendingConfigs.push({ api, call, problems });
      else add(call, api.label, problems);
    }

    function checkDecode(api: DecodeApi, call: CallLike): void {
      if (api.skipsVerifyWhenArgTrue !== undefined) {
        const flag = argumentAt(call, api.skipsVerifyWhenArgTrue);
        if (!flag || !isTrue(file, flag)) {
          verifies.push({ call, token: argumentAt(call, api.token) });
          return;
        }
      }
      decodes.push({ api, call });
    }

    function check(api: JwtApi, call: CallLike): void {
      switch (api.role) {
        case 'sign':
          return checkSign(api, call);
        case 'chain':
          return checkChain(api, call);
        case 'verify':
          return checkVerify(api, call);
        case 'decode':
          return checkDecode(api, call);
        case 'config':
          return checkConfig(api, call);
        case 'unsecured':
          constructs.set(call, { node: call, label: api.label, problems: [] });
          return;
      }
    }

    function onCall(call: CallLike): void {
      const ref = invokedRef(file, call);
      const plugin = registeredPlugin(file, call);
      const known = ref ? BY_MODULE.get(ref.module) : undefined;
      const candidates = [
        ...(known ?? []),
        ...(plugin !== null ? PLUGIN_APIS : []),
        ...(!ref || ref.module === 'fastify' ? METHOD_APIS : []),
      ];
      let matched = false;
      for (const api of candidates) {
        if (!matches(file, call, api.match, ref, plugin)) continue;
        matched = true;
        check(api, call);
      }
      // A local helper that verifies (`verifyToken(token)`) counts as a verify of that token.
      if (!matched && !known && call.type === T.CallExpression) {
        const name = calleeName(call);
        if (name && words(name).some((w) => w === 'verify' || w === 'validate')) verifies.push({ call, token: argumentAt(call, 0) });
      }
    }

    function tokenTexts(node: Node): Set<string> {
      const out = new Set([sourceCode.getText(unwrap(node))]);
      out.add(sourceCode.getText(unwrap(dereference(file, node))));
      return out;
    }

    function sameToken(a: Node | null, b: Node | null): boolean {
      if (!a || !b) return true;
      const x = unwrap(a);
      const y = unwrap(b);
      if (x.type === T.Identifier && y.type === T.Identifier) {
        const vx = file.variableOf(x);
        const vy = file.variableOf(y);
        if (vx && vy) return vx === vy;
      }
      const tx = tokenTexts(a);
      return [...tokenTexts(b)].some((t) => tx.has(t));
    }

    function inside(node: Node, fn: TSESTree.FunctionLike | null): boolean {
      if (!fn) return true;
      for (let n: Node | undefined = node; n; n = n.parent) if (n === fn) return true;
      return false;
    }

    function reportConstruct(c: Construct): void {
      if (c.problems.length === 0) {
        context.report({ node: c.node, messageId: 'unsecured', data: { api: c.label } });
        return;
      }
      const suggest = c.problems.flatMap((p) => (p.suggestion ? [p.suggestion] : []));
      context.report({
        node: c.node,
        messageId: 'insecure',
        data: { api: c.label, problems: c.problems.map((p) => p.text).join('; it also ') },
        suggest: suggest.map((s) => ({ messageId: s.messageId, data: s.data, fix: s.fix })),
      });
    }

    return {
      CallExpression: onCall,
      NewExpression: onCall,
      'Program:exit'() {
        for (const pending of pendingConfigs) {
          const problems = [...pending.problems];
          if (!signsWithExpiry.has(pending.api.library) && !neighboursSetExpiry(file.filename)) {
            const suggestion = expiresInSuggestion(pending.call, pending.api.options, pending.api.expiryOptions[0]);
            const option = pending.api.expiryOptions[0]?.join('.') ?? 'expiresIn';
            problems.push(expiryProblem(`issues tokens that never expire (no \`${option}\`, and no sign call passes an expiry)`, pending.api.expiry, suggestion));
          }
          add(pending.call, pending.api.label, problems);
        }
        const client = decodes.length > 0 && isClientFile(sourceCode.ast);
        for (const { api, call } of decodes) {
          const fn = enclosingFunction(call);
          const token = argumentAt(call, api.token);
          if (client) break;
          if (verifies.some((v) => (inside(v.call, fn) && sameToken(v.token, token)) || (v.token === null && !enclosingFunction(v.call)))) continue;
          const use = claimUse(file, call);
          if (use) context.report({ node: call, messageId: 'decode', data: { api: api.label, use: USE_TEXT[use], fix: api.fix } });
        }
        for (const c of constructs.values()) reportConstruct(c);
      },
    };
  },
});
