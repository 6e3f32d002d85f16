/**
 * JWT sites of a file, extracted once: every call the `models/jwt.ts` table
 * recognises (sign, builder chain, verify, decode, module configuration,
 * unsigned tokens), with the facts `secure-jwt` decides on already resolved —
 * three-state option lookups, the payload's `exp` claim, the `'none'`
 * algorithm, and whether a verify of the same token covers a decode and what
 * the decoded claims drive. Also the edits the rule's suggestions make.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from '../file.js';
import { importsAny } from '../prefilter.js';
import { memo } from '../file.js';
import { calleeName, enclosingFunction, functionName, mentionedNames, staticKey, unwrap } from '../ast.js';
import { argumentAt, indexModels, invokedRef, matchingEntries, type CallLike } from '../match.js';
import { arrayElements, dereference, getPropertyPath, isMutatedBinding, resolveValue, type Lookup } from '../values.js';
import { words } from '../names.js';
import { claimUse, isClientFile, type ClaimUse } from '../claims.js';
import { nodesIn } from '../routes.js';
import {
  BROWSER_TOKEN_SOURCES,
  CUSTOM_EXPIRY_CLAIMS,
  JWT_APIS,
  PIN_ALGORITHM,
  PROVIDER_TOKENS,
  VERIFYING_CALLBACKS,
  type ChainApi,
  type ConfigApi,
  type DecodeApi,
  type JwtApi,
  type OptionPath,
  type OptionsAt,
  type SignApi,
  type UnsecuredApi,
  type VerifyApi,
} from '../../models/jwt.js';
import type { ModelMatch } from '../../models/types.js';

type Node = TSESTree.Node;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;
export type Edit = (fixer: Fixer) => Fix;

/** What the options of a call are: a node to look into, none at all, or not knowable here. */
export type OptionsRoot = { readonly kind: 'found'; readonly node: Node } | { readonly kind: 'absent' } | { readonly kind: 'unknown' };

/** What a call's algorithm settings say: it signs with `'none'`, and the `'none'` element of its accepted `algorithms`. */
interface AlgorithmFacts {
  readonly signsNone: boolean;
  readonly acceptsNone: Node | null;
}

export interface SignSite extends AlgorithmFacts {
  readonly role: 'sign';
  readonly api: SignApi;
  readonly call: CallLike;
  readonly options: OptionsRoot;
  /** The first expiry option set (`expiresIn`): found, absent, unknown. */
  readonly expiryOption: Lookup['kind'];
  /** An `exp` claim in the payload: found, absent, unknown. */
  readonly expClaim: Lookup['kind'];
}

export interface ChainSite {
  readonly role: 'chain';
  readonly api: ChainApi;
  /** Where the chain starts (`new SignJWT(payload)`). */
  readonly call: CallLike;
  /** The call that ends the chain and produces the token, or null when the builder escapes into a binding. */
  readonly finish: TSESTree.CallExpression | null;
  /** A chain method before `finish` sets a lifetime. */
  readonly setsExpiry: boolean;
  readonly expClaim: Lookup['kind'];
}

export interface VerifySite extends AlgorithmFacts {
  readonly role: 'verify';
  readonly api: VerifyApi;
  readonly call: CallLike;
  readonly options: OptionsRoot;
  /** The `ignoreExpiration: true` property, if set. */
  readonly ignoresExpiration: Node | null;
  /** Seconds of `clockTolerance` when set and computable. */
  readonly clockTolerance: number | null;
  /** Whether `algorithms` is pinned (for libraries that need it), null when the library pins them itself. */
  readonly algorithmsPinned: Lookup['kind'] | null;
  /** The algorithm to suggest pinning, from how the key is named. */
  readonly keyAlgorithm: string;
}

export interface DecodeSite {
  readonly role: 'decode';
  readonly api: DecodeApi;
  readonly call: CallLike;
  /** A verify of the same token runs in the same function (or at module level for the whole file). */
  readonly verified: boolean;
  /** What the decoded claims drive, or null when nothing that decides access (not looked for when verified or in a client file). */
  readonly use: ClaimUse | null;
}

export interface ConfigSite extends AlgorithmFacts {
  readonly role: 'config';
  readonly api: ConfigApi;
  readonly call: CallLike;
  readonly options: OptionsRoot;
  readonly ignoresExpiration: Node | null;
  /** The options are known and set no expiry: the sign calls it serves must pass their own. */
  readonly noExpiry: boolean;
}

export interface UnsecuredSite {
  readonly role: 'unsecured';
  readonly api: UnsecuredApi;
  readonly call: CallLike;
}

export type JwtSite = SignSite | ChainSite | VerifySite | DecodeSite | ConfigSite | UnsecuredSite;

export interface JwtSites {
  /** In source order; a call matching several entries gives one site per entry, in table order. */
  readonly sites: readonly JwtSite[];
  /** Browser code (see `isClientFile`): what it decodes only drives what is shown. */
  readonly client: boolean;
}

const ABSENT_ROOT: OptionsRoot = { kind: 'absent' };
const UNKNOWN_ROOT: OptionsRoot = { kind: 'unknown' };
const ABSENT: Lookup = { kind: 'absent' };
const UNKNOWN: Lookup = { kind: 'unknown' };
const SITES = Symbol('jwt-sites');

const PUBLIC_KEY_WORDS = new Set(['public', 'pub', 'pem', 'cert', 'certificate', 'jwks', 'rsa', 'ec', 'spki']);
/** Call and plugin entries in the shape of the one model interpreter (`core/match.ts`), indexed by module. */
const MODEL_MATCHES = new Map<JwtApi, ModelMatch>();
for (const api of JWT_APIS) {
  if (api.match.by === 'call') MODEL_MATCHES.set(api, { kind: 'call', module: api.match.module, path: api.match.path });
  else if (api.match.by === 'plugin') MODEL_MATCHES.set(api, { kind: 'plugin', module: api.match.module });
}
const INDEX = indexModels([...MODEL_MATCHES.keys()], (api) => MODEL_MATCHES.get(api)!);
/** Modules with call entries: a call traced to one of them is that library's, never a local helper. */
const CALL_MODULES = new Set(JWT_APIS.flatMap((api) => (api.match.by === 'call' ? [api.match.module].flat() : [])));
/** Methods a plugin decorates onto objects the file cannot trace (`fastify.jwt.sign`, `reply.jwtSign`), matched by name. */
const METHOD_APIS = JWT_APIS.filter((api) => api.match.by === 'method');
/** Modules whose calls are resolved: the libraries above, and fastify (whose instances carry the decorated methods). */
const TRACED_MODULES = [...CALL_MODULES, 'fastify'];

// ---------------------------------------------------------------------------
// Extraction

/** The JWT sites of a file, computed once. */
export function jwtSites(file: FileFacts): JwtSites {
  return memo(file, SITES, () => extract(file));
}

/** A call that verifies a token (null token: the call finds the request's token itself). */
interface Verify {
  readonly call: CallLike;
  readonly token: Node | null;
}

function extract(file: FileFacts): JwtSites {
  const program = file.sourceCode.ast;
  const calls: CallLike[] = [...nodesIn(file, program, T.CallExpression), ...nodesIn(file, program, T.NewExpression)];
  calls.sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]); // traversal order: outer call first
  const found: { api: JwtApi; call: CallLike }[] = [];
  const verifies: Verify[] = [];
  // A file that imports none of them cannot resolve a call to one: skip the resolution.
  const traced = importsAny(file, TRACED_MODULES);
  for (const call of calls) {
    const ref = traced ? invokedRef(file, call) : null;
    const known = !!ref && CALL_MODULES.has(ref.module);
    const methods = !ref || ref.module === 'fastify' ? METHOD_APIS.filter((api) => decoratedMethod(call, api)) : [];
    let matched = false;
    for (const api of [...matchingEntries(file, call, INDEX), ...methods]) {
      matched = true;
      if (api.role === 'verify') verifies.push({ call, token: api.token === null ? null : argumentAt(call, api.token) });
      if (api.role === 'decode' && api.skipsVerifyWhenArgTrue !== undefined) {
        // jwt-simple `decode(token, key)` verifies unless its `noVerify` argument is `true`.
        const flag = argumentAt(call, api.skipsVerifyWhenArgTrue);
        if (!flag || !isTrue(file, flag)) {
          verifies.push({ call, token: argumentAt(call, api.token) });
          continue;
        }
      }
      found.push({ api, call });
    }
    // A local helper that verifies (`verifyToken(token)`) counts as a verify of that token.
    if (!matched && !known && call.type === T.CallExpression) {
      const name = calleeName(call);
      if (name && /verif|validat/i.test(name) && words(name).some((w) => w === 'verify' || w === 'validate')) verifies.push({ call, token: argumentAt(call, 0) });
    }
  }
  const client = found.some(({ api }) => api.role === 'decode') && isClientFile(program);
  const sites = found.map(({ api, call }) => (api.role === 'decode' ? decodeSite(file, api, call, verifies, client) : site(file, api, call)));
  return { sites, client };
}

function decodeSite(file: FileFacts, api: DecodeApi, call: CallLike, verifies: readonly Verify[], client: boolean): DecodeSite {
  const fn = enclosingFunction(call);
  const token = argumentAt(call, api.token);
  const verified = verifies.some((v) => (inside(v.call, fn) && sameToken(file, v.token, token)) || (v.token === null && !enclosingFunction(v.call)));
  if (verified || client || (token && (fromProvider(file, token) || fromBrowser(file, token)))) return { role: 'decode', api, call, verified, use: null };
  if (inVerifyingCallback(file, call)) return { role: 'decode', api, call, verified: true, use: null };
  const use = claimUse(file, call);
  // A helper that decodes and returns the claims, whose callers in this file all verify the token they pass.
  if (use === 'return' && fn && token && callersVerify(file, fn, token, verifies)) return { role: 'decode', api, call, verified: true, use: null };
  return { role: 'decode', api, call, verified, use };
}

/** The member chain of a token expression, root first: `params.id_token` → ['params', 'id_token']. */
function memberChain(node: Node): string[] | null {
  const out: string[] = [];
  let n = unwrap(node);
  for (let i = 0; i < 8 && n.type === T.MemberExpression; i++) {
    const key = staticKey(n);
    if (key === null) return null;
    out.unshift(key);
    n = unwrap(n.object);
  }
  if (n.type !== T.Identifier) return null;
  out.unshift(n.name);
  return out;
}

/**
 * The token is one an identity provider handed the app (see `PROVIDER_TOKENS`):
 * the `id_token` of a token response, or a body the app fetched (`await res.text()`),
 * through bindings and string clean-ups (`.trim()`).
 */
export function fromProvider(file: FileFacts, raw: Node): boolean {
  let n = unwrap(raw);
  for (let i = 0; i < 8; i++) {
    if (n.type === T.CallExpression && n.callee.type === T.MemberExpression && staticKey(n.callee) === 'trim') n = unwrap(n.callee.object);
    else if (n.type === T.AwaitExpression) n = unwrap(n.argument);
    else if (n.type === T.Identifier) {
      const next = unwrap(dereference(file, n));
      if (next === n) break;
      n = next;
    } else break;
  }
  if (n.type === T.CallExpression && n.callee.type === T.MemberExpression) {
    const method = staticKey(n.callee);
    return method !== null && (PROVIDER_TOKENS.bodyMethods as readonly string[]).includes(method) && n.arguments.length === 0 && !fromRequest(memberChain(n.callee.object));
  }
  const chain = memberChain(n);
  return !!chain && chain.length > 1 && (PROVIDER_TOKENS.properties as readonly string[]).includes(chain[chain.length - 1]!) && !fromRequest(chain);
}

/** The token is the browser's own (see `BROWSER_TOKEN_SOURCES`): `Cookies.get('jwt')`, `localStorage.getItem('token')`. */
export function fromBrowser(file: FileFacts, raw: Node): boolean {
  const n = unwrap(dereference(file, raw));
  if (n.type !== T.CallExpression) return false;
  const ref = invokedRef(file, n);
  if (ref && BROWSER_TOKEN_SOURCES.calls.some((c) => c.module === ref.module && c.path.length === ref.path.length && c.path.every((s, i) => ref.path[i] === s))) return true;
  const callee = unwrap(n.callee);
  if (callee.type !== T.MemberExpression || staticKey(callee) !== 'getItem') return false;
  const owner = unwrap(callee.object);
  const name = owner.type === T.Identifier ? owner.name : owner.type === T.MemberExpression ? staticKey(owner) : null;
  return name !== null && (BROWSER_TOKEN_SOURCES.storage as readonly string[]).includes(name);
}

/** The call runs inside the callback of a JWT strategy's authenticate (see `VERIFYING_CALLBACKS`). */
export function inVerifyingCallback(file: FileFacts, node: Node): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const parent = fn.parent;
    if (parent?.type !== T.CallExpression || parent.callee === fn) continue;
    const name = calleeName(parent);
    for (const cb of VERIFYING_CALLBACKS) {
      if (name !== cb.method) continue;
      const strategy = argumentAt(parent, cb.strategyArg);
      const value = strategy ? resolveValue(file, strategy) : null;
      if (value?.kind === 'literal' && (cb.strategies as readonly string[]).includes(value.text)) return true;
    }
  }
  return false;
}

function fromRequest(chain: readonly string[] | null): boolean {
  if (!chain) return false;
  const roots: readonly string[] = PROVIDER_TOKENS.requestRoots;
  const steps: readonly string[] = PROVIDER_TOKENS.requestSteps;
  return roots.includes(chain[0]!) || chain.slice(1).some((s) => steps.includes(s));
}

/** Every call of `fn` in the file (at least one) runs in a function that verifies the token it passes for `token`. */
function callersVerify(file: FileFacts, fn: TSESTree.FunctionLike, token: Node, verifies: readonly Verify[]): boolean {
  const name = functionName(fn);
  const param = unwrap(token);
  const index = param.type === T.Identifier ? fn.params.findIndex((p) => p.type === T.Identifier && p.name === param.name) : -1;
  if (!name || index < 0) return false;
  const calls = nodesIn(file, file.sourceCode.ast, T.CallExpression).filter((c) => calleeName(c) === name && c.arguments.length > index);
  return calls.length > 0 && calls.every((c) => {
    const caller = enclosingFunction(c);
    const passed = c.arguments[index]!;
    return !!caller && verifies.some((v) => v.token !== null && inside(v.call, caller) && sameToken(file, v.token, passed));
  });
}

function site(file: FileFacts, api: Exclude<JwtApi, DecodeApi>, call: CallLike): JwtSite {
  switch (api.role) {
    case 'sign': {
      const options = optionsRoot(file, call, api.options);
      return { role: 'sign', api, call, options, ...algorithmFacts(file, options, api.algorithmOptions, []), expiryOption: lookupAny(file, options, api.expiryOptions).kind, expClaim: payloadExpiry(file, call, api.payload) };
    }
    case 'chain':
      return chainSite(file, api, call);
    case 'verify': {
      const options = optionsRoot(file, call, api.options);
      const tolerance = lookupAny(file, options, api.clockTolerance);
      return {
        role: 'verify',
        api,
        call,
        options,
        ...algorithmFacts(file, options, [], api.algorithms),
        ignoresExpiration: ignoreExpiration(file, options, api.ignoreExpiration),
        clockTolerance: tolerance.kind === 'found' ? seconds(file, tolerance.value) : null,
        algorithmsPinned: api.pinAlgorithms && api.options ? lookupAny(file, options, [api.pinAlgorithms]).kind : null,
        keyAlgorithm: keyAlgorithm(file, call),
      };
    }
    case 'config': {
      const options = optionsRoot(file, call, api.options);
      return {
        role: 'config',
        api,
        call,
        options,
        ...algorithmFacts(file, options, api.algorithmOptions, api.algorithms),
        ignoresExpiration: ignoreExpiration(file, options, api.ignoreExpiration),
        noExpiry: options.kind === 'found' && lookupAny(file, options, api.expiryOptions).kind === 'absent',
      };
    }
    case 'unsecured':
      return { role: 'unsecured', api, call };
  }
}

/** `new SignJWT(payload).setX().sign(key)`: follow the chain from its start to the method that produces the token. */
function chainSite(file: FileFacts, api: ChainApi, start: CallLike): ChainSite {
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
  const setsExpiry = methods.some((m) => api.expiryMethods.includes(m));
  return { role: 'chain', api, call: start, finish, setsExpiry, expClaim: payloadExpiry(file, start, api.payload) };
}

/** `x.jwt.sign(…)` for `{ object: 'jwt', method: 'sign' }`, `reply.jwtSign(…)` for `{ object: null, method: 'jwtSign' }`. */
function decoratedMethod(call: CallLike, api: JwtApi): boolean {
  const match = api.match;
  if (match.by !== 'method' || call.type !== T.CallExpression) return false;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || staticKey(callee) !== match.method) return false;
  if (match.object === null) return true;
  const owner = unwrap(callee.object);
  return owner.type === T.MemberExpression && staticKey(owner) === match.object;
}

// ---------------------------------------------------------------------------
// Options and values: three-state lookups

function optionsRoot(file: FileFacts, call: CallLike, at: OptionsAt | null): OptionsRoot {
  if (!at) return ABSENT_ROOT;
  const arg = argumentAt(call, at.arg);
  if (!arg) return call.arguments.slice(0, at.arg + 1).some((a) => a.type === T.SpreadElement) ? UNKNOWN_ROOT : ABSENT_ROOT;
  if (isMutatedBinding(file, arg)) return UNKNOWN_ROOT;
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

function algorithmFacts(file: FileFacts, root: OptionsRoot, signPaths: readonly OptionPath[], verifyPaths: readonly OptionPath[]): AlgorithmFacts {
  const alg = lookupAny(file, root, signPaths);
  const algs = lookupAny(file, root, verifyPaths);
  return { signsNone: alg.kind === 'found' && isNone(file, alg.value), acceptsNone: algs.kind === 'found' ? noneElement(file, algs.value) : null };
}

/** The property that sets `ignoreExpiration: true`, if one does. */
function ignoreExpiration(file: FileFacts, root: OptionsRoot, paths: readonly OptionPath[]): Node | null {
  const found = lookupAny(file, root, paths);
  return found.kind === 'found' && isTrue(file, found.value) ? found.property : null;
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
  if (isMutatedBinding(file, arg)) return 'unknown';
  const exp = getPropertyPath(file, arg, ['exp']).kind;
  return exp === 'absent' && customExpiryClaim(file, arg) ? 'found' : exp;
}

/**
 * The payload carries a lifetime the app enforces itself: a claim named like
 * an expiry (`expiresAt`), or the issue time (`createdAt: new Date()`) it ages
 * the token by when it verifies (see `CUSTOM_EXPIRY_CLAIMS`).
 */
export function hasExpiryClaim(file: FileFacts, arg: Node): boolean {
  return getPropertyPath(file, arg, ['exp']).kind === 'found' || customExpiryClaim(file, arg);
}

function customExpiryClaim(file: FileFacts, arg: Node): boolean {
  const obj = dereference(file, arg);
  if (obj.type !== T.ObjectExpression) return false;
  const expiry: readonly string[] = CUSTOM_EXPIRY_CLAIMS.expiry;
  const issued: readonly string[] = CUSTOM_EXPIRY_CLAIMS.issued;
  return obj.properties.some((p) => {
    if (p.type !== T.Property) return false;
    const key = staticKey(p);
    const w = key ? words(key) : [];
    if (w.some((x) => expiry.includes(x))) return true;
    return w.some((x) => issued.includes(x)) && isCurrentTime(p.value as Node);
  });
}

/** `new Date()`, `Date.now()`, and what is computed from them (`new Date().toISOString()`, `Math.floor(Date.now() / 1000)`). */
function isCurrentTime(node: Node): boolean {
  const stack: Node[] = [node];
  for (let i = 0; i < 32 && stack.length; i++) {
    const n = unwrap(stack.pop()!);
    if (n.type === T.NewExpression && n.callee.type === T.Identifier && n.callee.name === 'Date' && n.arguments.length === 0) return true;
    if (n.type === T.MemberExpression) {
      if (n.object.type === T.Identifier && n.object.name === 'Date' && staticKey(n) === 'now') return true;
      stack.push(n.object);
    } else if (n.type === T.CallExpression) stack.push(n.callee, ...n.arguments);
    else if (n.type === T.BinaryExpression) stack.push(n.left, n.right);
  }
  return false;
}

/** `RS256` when the verify key is named like public-key material, else `HS256`. */
function keyAlgorithm(file: FileFacts, call: CallLike): string {
  const key = argumentAt(call, 1);
  if (!key) return PIN_ALGORITHM.symmetric;
  const names = mentionedNames(dereference(file, key), 16).concat(mentionedNames(key, 16));
  return names.some((n) => words(n).some((w) => PUBLIC_KEY_WORDS.has(w))) ? PIN_ALGORITHM.asymmetric : PIN_ALGORITHM.symmetric;
}

// ---------------------------------------------------------------------------
// Which verify covers which decode

function tokenTexts(file: FileFacts, node: Node): Set<string> {
  const out = new Set([file.sourceCode.getText(unwrap(node))]);
  out.add(file.sourceCode.getText(unwrap(dereference(file, node))));
  return out;
}

function sameToken(file: FileFacts, a: Node | null, b: Node | null): boolean {
  if (!a || !b) return true;
  const x = unwrap(a);
  const y = unwrap(b);
  if (x.type === T.Identifier && y.type === T.Identifier) {
    const vx = file.variableOf(x);
    const vy = file.variableOf(y);
    if (vx && vy) return vx === vy;
  }
  const tx = tokenTexts(file, a);
  return [...tokenTexts(file, b)].some((t) => tx.has(t));
}

function inside(node: Node, fn: TSESTree.FunctionLike | null): boolean {
  if (!fn) return true;
  for (let n: Node | undefined = node; n; n = n.parent) if (n === fn) return true;
  return false;
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
export function optionEdit(file: FileFacts, call: CallLike, at: OptionsAt, keys: OptionPath, value: string): Edit | null {
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

/** Adds `text` as a property of the payload object literal written in the call, if there is one. */
export function payloadEdit(file: FileFacts, call: CallLike, index: number | null, text: string): Edit | null {
  const arg = index === null ? null : argumentAt(call, index);
  if (!arg) return null;
  const obj = dereference(file, arg);
  if (obj.type !== T.ObjectExpression || !within(obj, call)) return null;
  return (fixer) => insertProperty(fixer, obj, text);
}

/** Removes an element of an array literal of two or more, with its separator. */
export function removeElementEdit(element: Node): Edit | null {
  const array = element.parent;
  if (array?.type !== T.ArrayExpression || array.elements.length < 2) return null;
  const index = array.elements.indexOf(element as TSESTree.Expression);
  if (index < 0) return null;
  const next = array.elements[index + 1];
  const prev = array.elements[index - 1];
  const range: [number, number] = next ? [element.range[0], next.range[0]] : [prev!.range[1], element.range[1]];
  return (fixer) => fixer.removeRange(range);
}

/** Removes a property of an object literal with its comma. */
export function removePropertyEdit(file: FileFacts, prop: Node): Edit | null {
  if (prop.type !== T.Property || prop.parent.type !== T.ObjectExpression) return null;
  const before = file.sourceCode.getTokenBefore(prop);
  const after = file.sourceCode.getTokenAfter(prop);
  if (!before || !after) return null;
  let range: [number, number];
  if (after.value === ',') range = [before.range[1], after.range[1]]; // the property, its comma and the space before it
  else if (before.value === ',') range = [before.range[0], prop.range[1]]; // the last property and the comma before it
  else range = [before.range[1], after.range[0]]; // the only property: `{}`
  return (fixer) => fixer.removeRange(range);
}

/** Inserts a chain call (`text`) before the call that ends a builder chain, on its own line when the chain is split over lines. */
export function chainEdit(file: FileFacts, finish: TSESTree.CallExpression, text: string): Edit {
  const member = finish.callee as TSESTree.MemberExpression;
  const dot = file.sourceCode.getTokenBefore(member.property);
  const before = dot ? file.sourceCode.getTokenBefore(dot) : null;
  return (fixer) =>
    dot && before && dot.loc.start.line !== before.loc.end.line
      ? fixer.insertTextBeforeRange(dot.range, `${text}\n${' '.repeat(dot.loc.start.column)}`)
      : fixer.insertTextAfter(member.object, text);
}
