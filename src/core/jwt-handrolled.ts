/**
 * Hand-rolled JWT verifiers: functions that split a token on '.' and
 * base64-decode its header or payload themselves, instead of calling a JWT
 * library. Extracted once per file with the facts `secure-jwt` decides on:
 *
 *   const [h, p, s] = token.split('.')                  the parts, by index
 *   JSON.parse(Buffer.from(p, 'base64url').toString())  a decode of a part (also atob, base64url, local helpers)
 *   if (header.alg === 'none') return payload            accepts the unsigned algorithm
 *   createHmac(…) / timingSafeEqual / jwtVerify / s === expected   a signature check (here or in a function of the file it calls)
 *   keyring.check(data, s)                               the signature handed to code the file cannot see: unknown
 *
 * and, for a payload decoded without any check, what its claims drive (see `claims.ts`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { memo } from './file.js';
import { calleeName, enclosingFunction, returnedExpressions, staticKey, unwrap } from './ast.js';
import { invokedCryptoRef } from './match.js';
import { arrayElements, resolveValue } from './values.js';
import { words } from './names.js';
import { claimUse, isClientFile, type ClaimUse } from './claims.js';
import { nodesIn } from './routes.js';
import { moduleMatches } from './modules.js';
import { fromBrowser, fromProvider, inVerifyingCallback } from './sites/jwt.js';
import { ALGORITHM_FIELDS, AUTH_CLAIMS, BASE64_DECODERS, DECODER_NAME_WORDS, SEGMENT_CLEANUPS, SIGNATURE_CHECKS, type ModuleCall } from '../models/jwt.js';

type Node = TSESTree.Node;
type Fn = TSESTree.FunctionLike;

/** A decode of one part of the token: 0 the header, 1 the payload. */
export interface SegmentDecode {
  readonly segment: 0 | 1;
  /** The outermost expression that still holds the decoded part (`JSON.parse(…)`). */
  readonly node: Node;
}

/** Where unverified claims drive an auth decision: the payload decode itself, or a call of the decoding helper. */
export interface TrustedClaims {
  readonly node: Node;
  readonly use: ClaimUse;
}

/** A signature check: seen, not seen anywhere, or the signature went to code the file cannot see. */
export type SignatureCheck = 'checked' | 'absent' | 'unknown';

export interface HandRolledVerifier {
  /** The function that splits and decodes the token. */
  readonly fn: Fn;
  /** What is split (`token` in `token.split('.')`). */
  readonly token: Node;
  readonly decodes: readonly SegmentDecode[];
  /** The comparison or allow-list check that lets `alg: 'none'` through, if one does. */
  readonly acceptsNone: Node | null;
  readonly signature: SignatureCheck;
  /** With no signature check: where the payload's claims decide access (in the function, or at its callers in the file). */
  readonly trusted: readonly TrustedClaims[];
  /** Browser code, or a token the browser keeps or a provider handed over: its claims only drive what is shown. */
  readonly untrustedUseOnly: boolean;
}

const VERIFIERS = Symbol('jwt-hand-rolled');
const DECODERS = Symbol('jwt-hand-rolled-decoders');
/** Cheap text tests before any walk: a split on '.' and a base64 decode. */
const SPLIT_TEXT = /\.split\(\s*(['"`])\.\1\s*\)/;
const DECODE_TEXT = /atob|base64|b64|decode/i;
const EQUALITY = new Set(['==', '===', '!=', '!==']);
const BROWSER_GLOBALS = new Set(['window', 'document', 'localStorage', 'sessionStorage']);
/** Callee words of a call that refuses the request (`res.status(401)`, `reject(…)`, `new Error(…)`). */
const REFUSAL_WORDS = new Set(['reject', 'error', 'fail', 'deny', 'unauthorized', 'unauthorised', 'forbidden', 'redirect', 'abort', 'throw']);
/** Response methods (`res.status(401).json(…)`, `reply.send(…)`): the branch answers the request itself. */
const RESPONSE_METHODS = new Set(['status', 'sendStatus', 'send', 'json', 'end', 'redirect', 'code']);
/** Member names that hold the authenticated identity when assigned (`req.user = claims`). */
const IDENTITY_KEYS = new Set(['user', 'auth', 'claims', 'identity', 'principal', 'account', 'payload', 'session']);
/** Callee words of a call that hands back the claims (`JSON.parse`, `decodePayload`). */
const CLAIM_READERS = new Set(['parse', 'decode', 'claims', 'payload']);
const CALLBACKS = new Set(['done', 'cb', 'callback', 'next', 'resolve']);
const VERIFY_WORDS = new Set(['verify', 'validate']);

/** The hand-rolled verifiers of a file, computed once. */
export function handRolledVerifiers(file: FileFacts): readonly HandRolledVerifier[] {
  return memo(file, VERIFIERS, () => {
    const text = file.sourceCode.text;
    if (!SPLIT_TEXT.test(text) || !DECODE_TEXT.test(text)) return [];
    const byFn = new Map<Fn, TSESTree.CallExpression[]>();
    for (const call of nodesIn(file, file.sourceCode.ast, T.CallExpression)) {
      if (!isDotSplit(file, call)) continue;
      const fn = enclosingFunction(call);
      if (!fn) continue;
      const list = byFn.get(fn) ?? [];
      list.push(call);
      byFn.set(fn, list);
    }
    const client = isClientFile(file.sourceCode.ast) || usesBrowserGlobals(file);
    const out: HandRolledVerifier[] = [];
    for (const [fn, splits] of byFn) {
      const parts = new Map<number, Node[]>();
      const whole: Node[] = [];
      for (const split of splits) collectParts(file, split, parts, whole);
      const decodes: SegmentDecode[] = [];
      for (const segment of [0, 1] as const) {
        for (const ref of parts.get(segment) ?? []) {
          const node = decodeOf(file, ref, 0);
          if (node) decodes.push({ segment, node });
        }
      }
      if (decodes.length === 0) continue;
      const token = unwrap((splits[0]!.callee as TSESTree.MemberExpression).object);
      const signature = signatureCheck(file, fn, [...(parts.get(2) ?? []), ...whole, ...tokenRefs(file, fn, token, splits)]);
      const untrustedUseOnly = client || fromBrowser(file, token) || fromProvider(file, token) || inVerifyingCallback(file, splits[0]!);
      const trusted = signature === 'absent' && !untrustedUseOnly ? trustedClaims(file, fn, decodes) : [];
      out.push({ fn, token, decodes, acceptsNone: acceptsNone(file, fn), signature, trusted, untrustedUseOnly });
    }
    return out;
  });
}

/**
 * Where the claims of payloads decoded with no signature check decide access:
 * in the function itself, or — for a helper that returns them (`parseJwt`) —
 * at each call of it in the file whose function checks no signature either.
 */
function trustedClaims(file: FileFacts, fn: Fn, decodes: readonly SegmentDecode[]): TrustedClaims[] {
  const payloads = decodes.filter((d) => d.segment === 1);
  for (const d of payloads) {
    const use = authUse(file, d.node);
    if (use) return [{ node: d.node, use }];
  }
  if (!payloads.some((d) => returnsValue(file, fn, d.node))) return [];
  const out: TrustedClaims[] = [];
  for (const call of nodesIn(file, file.sourceCode.ast, T.CallExpression)) {
    if (localFunction(file, call) !== fn) continue;
    const caller = enclosingFunction(call);
    const token = call.arguments[0];
    if (!caller || caller === fn || checksIn(file, caller, 0, new Set()) || (token && (fromBrowser(file, token) || fromProvider(file, token)))) continue;
    const use = authUse(file, call);
    if (use) out.push({ node: call, use });
  }
  return out;
}

/**
 * What decoded claims drive (see `claimUse`); a condition counts only when it
 * can be about auth: a claim read from the value is one of `AUTH_CLAIMS`
 * (a split-and-decoded value may be any dotted base64 format, and a branch on
 * its `url` decides nothing about access).
 */
function authUse(file: FileFacts, decoded: Node): ClaimUse | null {
  const use = claimUse(file, decoded);
  if (use !== 'condition') return use;
  return readKeys(file, decoded).some((k) => AUTH_CLAIMS.has(k.toLowerCase().replace(/_/g, ''))) ? use : null;
}

/** The property names read from a value: `v.role`, `const { sub } = v`, and those read through the const it is bound to. */
function readKeys(file: FileFacts, value: Node): string[] {
  let n = value;
  while (n.parent && (n.parent.type === T.TSAsExpression || n.parent.type === T.TSNonNullExpression || n.parent.type === T.AwaitExpression)) n = n.parent;
  const p = n.parent;
  const keyOf = (m: Node | undefined, of: Node): string | null => (m?.type === T.MemberExpression && m.object === of ? staticKey(m) : null);
  const direct = keyOf(p, n);
  if (direct) return [direct];
  if (p?.type !== T.VariableDeclarator || p.init !== n) return [];
  if (p.id.type === T.ObjectPattern) return p.id.properties.flatMap((prop) => (prop.type === T.Property ? [staticKey(prop) ?? ''] : []));
  if (p.id.type !== T.Identifier) return [];
  const out: string[] = [];
  for (const ref of file.variableOf(p.id)?.references ?? []) {
    const key = keyOf(ref.identifier.parent, ref.identifier);
    if (key) out.push(key);
  }
  return out;
}

/** `fn` returns `value`: directly, or through a const it is bound to. */
function returnsValue(file: FileFacts, fn: Fn, value: Node): boolean {
  let n: Node = value;
  while (n.parent && (n.parent.type === T.TSAsExpression || n.parent.type === T.TSNonNullExpression)) n = n.parent;
  const returned = returnedExpressions(fn).map((e) => unwrap(e));
  if (returned.includes(unwrap(n))) return true;
  const holder = n.parent;
  if (holder?.type !== T.VariableDeclarator || holder.id.type !== T.Identifier) return false;
  const variable = file.variableOf(holder.id);
  return returned.some((e) => e.type === T.Identifier && file.variableOf(e) === variable);
}

// ---------------------------------------------------------------------------
// The parts of a token

/** `x.split('.')` */
function isDotSplit(file: FileFacts, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || staticKey(callee) !== 'split' || call.arguments.length !== 1) return false;
  const value = resolveValue(file, call.arguments[0]!);
  return value.kind === 'literal' && value.text === '.';
}

function indexOf(node: Node): number | null {
  const n = unwrap(node);
  return n.type === T.Literal && typeof n.value === 'number' && Number.isInteger(n.value) && n.value >= 0 ? n.value : null;
}

/**
 * The uses of the parts array an expression evaluates to: `parts[1]`,
 * `parts.at(1)`, the names of `const [h, p, s] = …`, and the array handed
 * whole to a call (`check(parts)`).
 */
function collectParts(file: FileFacts, expr: Node, parts: Map<number, Node[]>, whole: Node[], depth = 0): void {
  const add = (i: number, node: Node): void => {
    const list = parts.get(i) ?? [];
    list.push(node);
    parts.set(i, list);
  };
  let n = expr;
  while (n.parent && (n.parent.type === T.TSAsExpression || n.parent.type === T.TSNonNullExpression)) n = n.parent;
  const p = n.parent;
  if (!p || depth > 3) return;
  if (p.type === T.MemberExpression && p.object === n) {
    const at = p.computed ? indexOf(p.property) : null;
    if (at !== null) add(at, p);
    else if (staticKey(p) === 'at' && p.parent?.type === T.CallExpression && p.parent.callee === p && p.parent.arguments[0]) {
      const i = indexOf(p.parent.arguments[0]);
      if (i !== null) add(i, p.parent);
    }
  } else if (p.type === T.VariableDeclarator && p.init === n) {
    if (p.id.type === T.Identifier) {
      for (const ref of file.variableOf(p.id)?.references ?? []) if (ref.isRead()) collectParts(file, ref.identifier, parts, whole, depth + 1);
    } else if (p.id.type === T.ArrayPattern) {
      p.id.elements.forEach((el, i) => {
        const id = el?.type === T.AssignmentPattern ? el.left : el;
        if (id?.type !== T.Identifier) return;
        for (const ref of file.variableOf(id)?.references ?? []) if (ref.isRead()) add(i, ref.identifier);
      });
    }
  } else if ((p.type === T.CallExpression || p.type === T.NewExpression) && p.callee !== n) {
    whole.push(n);
  }
}

// ---------------------------------------------------------------------------
// Decoding a part

function matchesCall(file: FileFacts, call: TSESTree.CallExpression, list: readonly ModuleCall[]): boolean {
  const ref = invokedCryptoRef(file, call);
  return !!ref && list.some((c) => moduleMatches(c, ref.module) && c.path.length === ref.path.length && c.path.every((s, i) => ref.path[i] === s));
}

/** A global called by name or through `window.` / `globalThis.`. */
function globalCallee(file: FileFacts, call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return file.isGlobal(callee) ? callee.name : null;
  if (callee.type === T.MemberExpression && callee.object.type === T.Identifier && ['window', 'globalThis', 'self'].includes(callee.object.name)) return staticKey(callee);
  return null;
}

/** `Buffer.from(x, 'base64url')`, `atob(x)`, the base64url / js-base64 packages. */
function isBase64Decode(file: FileFacts, call: TSESTree.CallExpression): boolean {
  const global = globalCallee(file, call);
  if (global !== null && (BASE64_DECODERS.globals as readonly string[]).includes(global)) return true;
  const callee = unwrap(call.callee);
  if (callee.type === T.MemberExpression && callee.object.type === T.Identifier && callee.object.name === 'Buffer' && staticKey(callee) === 'from') {
    const enc = call.arguments[1] ? resolveValue(file, call.arguments[1]) : null;
    return enc?.kind === 'literal' && (BASE64_DECODERS.bufferEncodings as readonly string[]).includes(enc.text);
  }
  return matchesCall(file, call, BASE64_DECODERS.calls);
}

/** Steps after the decode that keep the content: `JSON.parse`, `new TextDecoder().decode`, `Uint8Array.from`, `decodeURIComponent`. */
function isAfterDecode(file: FileFacts, call: TSESTree.CallExpression): boolean {
  const global = globalCallee(file, call);
  if (global !== null && (BASE64_DECODERS.globalsAfter as readonly string[]).includes(global)) return true;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return false;
  const key = staticKey(callee);
  const owner = unwrap(callee.object);
  if (owner.type === T.Identifier && BASE64_DECODERS.staticAfter.some(([o, m]) => o === owner.name && m === key)) return true;
  return key === 'decode';
}

/**
 * The outermost expression that holds the decoded content of a part, or null
 * when the part is not base64-decoded here: through clean-ups before the
 * decode (`.replace(/-/g, '+')`), the decode itself (or a function of the
 * file that decodes its parameter) and the steps after it (`.toString()`, `JSON.parse`).
 */
function decodeOf(file: FileFacts, start: Node, depth: number): Node | null {
  let n = start;
  let decoded = false;
  for (let i = 0; i < 16; i++) {
    const p: Node | undefined = n.parent;
    if (!p) break;
    if (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.AwaitExpression || p.type === T.ChainExpression) {
      n = p;
      continue;
    }
    if (p.type === T.MemberExpression && p.object === n && p.parent?.type === T.CallExpression && p.parent.callee === p) {
      const method = staticKey(p) ?? '';
      if ((!decoded && SEGMENT_CLEANUPS.includes(method)) || (decoded && (BASE64_DECODERS.methods as readonly string[]).includes(method))) {
        n = p.parent;
        continue;
      }
      break;
    }
    if (p.type === T.CallExpression && p.callee !== n && p.arguments[0] === n) {
      if (!decoded && (isBase64Decode(file, p) || (depth < 2 && decodesParameter(file, p)) || namedDecoder(file, p))) decoded = true;
      else if (!(decoded && isAfterDecode(file, p))) break;
      n = p;
      continue;
    }
    break;
  }
  return decoded ? n : null;
}

/** The function of the file a call invokes: a declaration, a const arrow / function, or a method of the same class (`this.decode(x)`). */
function localFunction(file: FileFacts, call: TSESTree.CallExpression): Fn | null {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) {
    const def = file.variableOf(callee)?.defs[0];
    if (!def) return null;
    if (def.node.type === T.FunctionDeclaration) return def.node;
    if (def.node.type === T.VariableDeclarator && def.node.init) {
      const init = unwrap(def.node.init);
      if (init.type === T.ArrowFunctionExpression || init.type === T.FunctionExpression) return init;
    }
    return null;
  }
  if (callee.type === T.MemberExpression && callee.object.type === T.ThisExpression) {
    const name = staticKey(callee);
    let cls: Node | undefined = callee.parent;
    while (cls && cls.type !== T.ClassBody) cls = cls.parent;
    if (!cls || cls.type !== T.ClassBody) return null;
    for (const m of cls.body) {
      if (m.type === T.MethodDefinition && staticKey(m) === name) return m.value;
      if (m.type === T.PropertyDefinition && staticKey(m) === name && m.value && (m.value.type === T.ArrowFunctionExpression || m.value.type === T.FunctionExpression)) return m.value;
    }
  }
  return null;
}

/** A helper the file cannot see into, named as a decoder (`b64uToJSON(part)`): given a token part, it decodes it. */
function namedDecoder(file: FileFacts, call: TSESTree.CallExpression): boolean {
  const name = calleeName(call);
  return !!name && !localFunction(file, call) && words(name).some((w) => DECODER_NAME_WORDS.has(w));
}

/** `decodePart(parts[1])` where `decodePart` returns the base64-decoded content of that parameter. */
function decodesParameter(file: FileFacts, call: TSESTree.CallExpression): boolean {
  const fn = localFunction(file, call);
  if (!fn) return false;
  const cache = memo(file, DECODERS, () => new Map<Fn, boolean>());
  const known = cache.get(fn);
  if (known !== undefined) return known;
  cache.set(fn, false); // cycles
  const param = fn.params[0];
  const id = param?.type === T.AssignmentPattern ? param.left : param;
  let result = false;
  if (id?.type === T.Identifier) {
    const returned = new Set(returnedExpressions(fn).map((e) => unwrap(e)));
    for (const ref of file.variableOf(id)?.references ?? []) {
      const decoded = ref.isRead() ? decodeOf(file, ref.identifier, 1) : null;
      if (decoded && returned.has(unwrap(decoded))) result = true;
    }
  }
  cache.set(fn, result);
  return result;
}

// ---------------------------------------------------------------------------
// 'none' accepted

function namesAlgorithm(raw: Node): boolean {
  const n = unwrap(raw);
  if (n.type === T.CallExpression && n.callee.type === T.MemberExpression && ['toLowerCase', 'toUpperCase', 'trim', 'toString'].includes(staticKey(n.callee) ?? '')) return namesAlgorithm(n.callee.object);
  const name = n.type === T.Identifier ? n.name : n.type === T.MemberExpression ? staticKey(n) : null;
  return !!name && words(name).some((w) => ALGORITHM_FIELDS.includes(w));
}

function isNone(file: FileFacts, node: Node): boolean {
  const value = resolveValue(file, node);
  return value.kind === 'literal' && value.text.toLowerCase() === 'none';
}

/** The truth of a condition when the algorithm is `'none'`: true, false, possibly true (`none && x`), or not decided by it. */
type Truth = true | false | 'maybe' | null;

/**
 * Where a check that is `truth` for an unsigned token leads: the branch taken
 * (a statement or expression), or `true` when a function returns the check itself.
 */
function takenBranch(check: Node, truth: Truth): Node | true | null {
  let n = check;
  let t = truth;
  for (let i = 0; i < 12 && t !== null; i++) {
    const p: Node | undefined = n.parent;
    if (!p) return null;
    switch (p.type) {
      case T.UnaryExpression:
        if (p.operator !== '!') return null;
        t = t === true ? false : t === false ? true : null;
        break;
      case T.LogicalExpression:
        if (p.operator === '||') t = t === true ? true : null;
        else if (p.operator === '&&') t = t === false ? false : t;
        else return null;
        break;
      case T.TSAsExpression:
      case T.TSNonNullExpression:
        break;
      case T.IfStatement:
        if (p.test !== n) return null;
        return t === false ? p.alternate ?? null : p.consequent;
      case T.ConditionalExpression:
        if (p.test !== n) return null;
        return t === false ? p.alternate : p.consequent;
      case T.ReturnStatement:
        return t === true ? true : null;
      case T.ArrowFunctionExpression:
        return p.body === n && t === true ? true : null;
      default:
        return null;
    }
    n = p;
  }
  return null;
}

/** A value that lets the request through: the claims, an object, `true` — not `null`, `false`, an error or a refusal. */
function acceptingValue(raw: Node): boolean {
  const n = unwrap(raw);
  switch (n.type) {
    case T.Literal:
      return n.value === true;
    case T.Identifier:
      return n.name !== 'undefined';
    case T.MemberExpression:
    case T.ObjectExpression:
      return true;
    case T.AwaitExpression:
      return acceptingValue(n.argument);
    case T.ConditionalExpression:
      return acceptingValue(n.consequent) || acceptingValue(n.alternate); // accepted in one configuration
    case T.CallExpression:
    case T.NewExpression: {
      const name = calleeName(n);
      if (n.type === T.NewExpression || !name || words(name).some((w) => REFUSAL_WORDS.has(w))) return false;
      if (unwrap(n.callee).type === T.MemberExpression && RESPONSE_METHODS.has(name)) return false;
      if (CALLBACKS.has(name)) return name === 'next' ? n.arguments.length === 0 : n.arguments.length >= 2 && acceptingValue(n.arguments[1]!);
      return words(name).some((w) => CLAIM_READERS.has(w) || DECODER_NAME_WORDS.has(w)); // `return JSON.parse(atob(p))`
    }
    default:
      return false;
  }
}

/** A branch that lets the token through: returns the claims or `true`, calls `next()`, or stores the claims as the identity; never when it throws. */
function acceptsIn(branch: Node): boolean {
  if (branch.type !== T.BlockStatement && branch.type !== T.ExpressionStatement && branch.type !== T.ReturnStatement && branch.type !== T.ThrowStatement) {
    return acceptingValue(branch);
  }
  const statements = branch.type === T.BlockStatement ? branch.body : [branch];
  for (const s of statements) {
    if (s.type === T.ThrowStatement) return false;
    if (s.type === T.ReturnStatement) return !!s.argument && acceptingValue(s.argument);
    if (s.type !== T.ExpressionStatement) continue;
    const e = unwrap(s.expression);
    if (e.type === T.CallExpression && acceptingValue(e)) return true;
    if (e.type === T.AssignmentExpression && e.left.type === T.MemberExpression && words(staticKey(e.left) ?? '').some((w) => IDENTITY_KEYS.has(w))) return true;
  }
  return false;
}

/** The check in `fn` that lets `alg: 'none'` through: `if (header.alg === 'none') return payload`, an allow-list holding `'none'`. */
function acceptsNone(file: FileFacts, fn: Fn): Node | null {
  for (const bin of nodesIn(file, fn, T.BinaryExpression)) {
    if (!EQUALITY.has(bin.operator) || enclosingFunction(bin) !== fn) continue;
    const left = bin.left as Node;
    const pair = isNone(file, bin.right) && namesAlgorithm(left) ? true : isNone(file, left) && namesAlgorithm(bin.right);
    if (!pair) continue;
    const branch = takenBranch(bin, bin.operator === '===' || bin.operator === '==');
    if (branch === true || (branch && acceptsIn(branch))) return bin;
  }
  for (const call of nodesIn(file, fn, T.CallExpression)) {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || !['includes', 'indexOf'].includes(staticKey(callee) ?? '') || !call.arguments[0] || !namesAlgorithm(call.arguments[0])) continue;
    const list = arrayElements(file, callee.object);
    if (list?.some((el) => isNone(file, el)) && enclosingFunction(call) === fn) return call;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Signature checks

/** A call that checks a signature, in `fn` or (two levels deep) a function of the file it calls. */
function checksIn(file: FileFacts, fn: Fn, depth: number, seen: Set<Fn>): boolean {
  if (seen.has(fn)) return false;
  seen.add(fn);
  for (const call of nodesIn(file, fn, T.CallExpression)) {
    if (matchesCall(file, call, SIGNATURE_CHECKS)) return true;
    const name = calleeName(call);
    if (name && words(name).some((w) => VERIFY_WORDS.has(w))) return true;
    const local = depth < 2 ? localFunction(file, call) : null;
    if (local && checksIn(file, local, depth + 1, seen)) return true;
  }
  return false;
}

/**
 * Is the signature checked: a signature-checking call in the function (or a
 * function of the file it calls), a comparison of the signature part; unknown
 * when the signature part goes to a call the file cannot see into.
 */
function signatureCheck(file: FileFacts, fn: Fn, signatureRefs: readonly Node[]): SignatureCheck {
  if (checksIn(file, fn, 0, new Set())) return 'checked';
  let unknown = false;
  for (const ref of signatureRefs) {
    let n = ref;
    for (let i = 0; i < 8; i++) {
      const p: Node | undefined = n.parent;
      if (!p) break;
      if (p.type === T.BinaryExpression && EQUALITY.has(p.operator)) {
        if (!isConstant(p.left === n ? p.right : (p.left as Node))) return 'checked';
        break;
      }
      if ((p.type === T.CallExpression || p.type === T.NewExpression) && p.callee !== n) {
        if (p.type === T.CallExpression && (isBase64Decode(file, p) || isAfterDecode(file, p) || globalCallee(file, p) === 'String')) {
          n = p;
          continue;
        }
        if (!(p.type === T.CallExpression && (localFunction(file, p) || isConsole(file, p)))) unknown = true;
        break;
      }
      if (p.type === T.MemberExpression && p.object === n && p.parent?.type === T.CallExpression && p.parent.callee === p) {
        n = p.parent;
        continue;
      }
      if (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.AwaitExpression || p.type === T.TemplateLiteral || (p.type === T.BinaryExpression && p.operator === '+')) {
        n = p;
        continue;
      }
      break;
    }
  }
  return unknown ? 'unknown' : 'absent';
}

/** `null`, `undefined`, a literal: comparing with one checks presence or format, not a signature. */
function isConstant(raw: Node): boolean {
  const n = unwrap(raw);
  return n.type === T.Literal || (n.type === T.Identifier && n.name === 'undefined') || n.type === T.TemplateLiteral;
}

function isConsole(file: FileFacts, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression && callee.object.type === T.Identifier && callee.object.name === 'console' && file.isGlobal(callee.object);
}

/**
 * The other reads of the token in the function (not the splits): handed to a
 * call the file cannot see (`sessions.lookup(token)`, a provider's `getUser(token)`),
 * the token may be checked there, so the check is unknown.
 */
function tokenRefs(file: FileFacts, fn: Fn, token: Node, splits: readonly TSESTree.CallExpression[]): Node[] {
  if (token.type !== T.Identifier) return [];
  const receivers = new Set(splits.map((s) => unwrap((s.callee as TSESTree.MemberExpression).object)));
  const inside = (n: Node): boolean => n.range[0] >= fn.range[0] && n.range[1] <= fn.range[1];
  return (file.variableOf(token)?.references ?? []).filter((r) => r.isRead() && !receivers.has(r.identifier) && inside(r.identifier)).map((r) => r.identifier);
}

/** The file uses the browser's globals (`window`, `document`, `localStorage`): it runs in the browser. */
function usesBrowserGlobals(file: FileFacts): boolean {
  return nodesIn(file, file.sourceCode.ast, T.MemberExpression).some((m) => m.object.type === T.Identifier && BROWSER_GLOBALS.has(m.object.name) && file.isGlobal(m.object));
}
