/**
 * Hash sites: every call of a hash API in a file (`crypto.createHash`,
 * `md5`, `bcrypt.hash`, `crypto.pbkdf2Sync` …), extracted once per file with
 * what it hashes and the cost and salt it is given. `no-weak-password-hash`
 * iterates them and decides; the API table is models/hashes.ts, matched by
 * core/passwords.ts.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from '../file.js';
import { memo } from '../file.js';
import { boundName, calleeName, enclosingFunction, nameOf, staticKey, stringOf, unwrap } from '../ast.js';
import { argumentAt } from '../match.js';
import { dereference, getPropertyPath, resolveValue } from '../values.js';
import { isHashName, isPasswordName, isSecretName, isTokenName, words } from '../names.js';
import { hashApiOf } from '../passwords.js';
import { userPasswordOf } from '../requests.js';
import { nodesIn } from '../routes.js';
import { callsOf, parameterOf } from '../cookies.js';
import type { CostSlot, HashApi } from '../../models/hashes.js';

type Node = TSESTree.Node;

/** A number the file proves, and the literal that spells it when there is one (a fix can edit it). */
export interface ProvenNumber {
  readonly value: number;
  readonly literal: TSESTree.Literal | null;
}

/**
 * The cost a call passes: a proven number, not passed at all (the library default), or passed but not provable.
 * When the model knows the library's default, an absent cost is found with that value and `defaulted` set.
 */
export type CostLookup = ({ readonly kind: 'found'; readonly defaulted?: boolean } & ProvenNumber) | { readonly kind: 'absent' } | { readonly kind: 'unknown' };

/** Why a fast hash is taken to hash a password: its data, the name of its result, or where its result is stored. */
export type PasswordEvidence = 'data' | 'result-name' | 'stored';

export interface FastHashSite {
  readonly kind: 'fast';
  readonly call: TSESTree.CallExpression;
  readonly api: HashApi;
  /** The end of the call's method chain (`createHash(a).update(b).digest('hex')`): where a finding goes. */
  readonly end: TSESTree.CallExpression;
  /** What is hashed: the data argument, or every `.update(x)` argument. */
  readonly data: readonly Node[];
  /** The algorithm the API or its algorithm argument names (`md5`, `sha256`), null when the file does not show it. */
  readonly algorithm: string | null;
  /** Null when nothing says the hashed value is a password. */
  readonly password: PasswordEvidence | null;
}

export interface SlowHashSite {
  readonly kind: 'slow';
  readonly call: TSESTree.CallExpression;
  readonly api: HashApi & { readonly kind: Exclude<HashApi['kind'], 'fast'> };
  /** The data is key material (an env secret, a `key`/`token`-named value), not a password: a KDF deriving a key (never for bcrypt). */
  readonly keyMaterial: boolean;
  /** The cost passed (rounds, iterations, N); null when the API takes none. */
  readonly cost: CostLookup | null;
  /** A constant salt given where the cost goes (`bcrypt.hash(pw, '$2b$08$…')`), when the cost is not a number. */
  readonly saltInCost: string | null;
  /** A constant salt given in the API's salt slot. */
  readonly salt: string | null;
}

export type HashSite = FastHashSite | SlowHashSite;

const SITES = Symbol('hash-sites');
const ABSENT: CostLookup = { kind: 'absent' };
const UNKNOWN: CostLookup = { kind: 'unknown' };
const MAX_DEPTH = 8;

/** Data is fed through these without changing what it is. */
const WRAPPERS = new Set(['from', 'encode', 'String', 'trim', 'toString', 'normalize', 'concat', 'toLowerCase']);
/** Verbs of a helper name that leave the password part: `hashPassword`, `makePassword`. */
const HELPER_VERBS = new Set(['encrypt', 'make', 'create', 'generate', 'compute', 'get', 'to']);

/** Every hash call of the file, in source order, computed once. */
export function hashSites(file: FileFacts): readonly HashSite[] {
  return memo(file, SITES, () => {
    const out: HashSite[] = [];
    for (const call of nodesIn(file, file.sourceCode.ast, T.CallExpression)) {
      const api = hashApiOf(file, call);
      if (api) out.push(api.kind === 'fast' ? fastSite(file, call, api) : slowSite(file, call, api as SlowHashSite['api']));
    }
    return out;
  });
}

function fastSite(file: FileFacts, call: TSESTree.CallExpression, api: HashApi): FastHashSite {
  const data = api.update ? updatedData(file, call) : [argumentAt(call, api.data ?? 0)].filter((x): x is Node => !!x);
  const end = chainEnd(call);
  const password: PasswordEvidence | null = data.some((d) => carriesPassword(file, d))
    ? 'data'
    : isPasswordStorageName(boundName(end))
      ? 'result-name'
      : storedAsPassword(file, end)
        ? 'stored'
        : null;
  const algorithm = api.algorithm ?? (api.algorithmArg !== undefined ? stringOf(dereference(file, argumentAt(call, api.algorithmArg) ?? call)) : null);
  return { kind: 'fast', call, api, end, data, algorithm, password };
}

function slowSite(file: FileFacts, call: TSESTree.CallExpression, api: SlowHashSite['api']): SlowHashSite {
  const data = api.data !== undefined ? argumentAt(call, api.data) : null;
  const keyMaterial = !!data && api.kind !== 'bcrypt' && isKeyMaterial(file, data);
  const cost = api.cost ? withDefault(costOf(file, call, api.cost), api.cost) : null;
  const saltInCost = api.cost && cost?.kind !== 'found' && api.saltInCost ? constantSalt(file, argumentAt(call, api.cost.arg)) : null;
  let salt: string | null = null;
  if (api.salt) {
    const arg = argumentAt(call, api.salt.arg);
    const lookup = arg && api.salt.option ? getPropertyPath(file, arg, api.salt.option) : null;
    salt = constantSalt(file, lookup ? (lookup.kind === 'found' ? lookup.value : null) : arg);
  }
  return { kind: 'slow', call, api, keyMaterial, cost, saltInCost, salt };
}

/** A name for where a password (or its hash) lives: `password`, `passwordHash`, `hashedPassword`, `hashPassword`. Not `resetPasswordToken`. */
export function isPasswordStorageName(name: string | null): boolean {
  if (!name) return false;
  const kept = words(name).filter((w) => !isHashName(w) && !HELPER_VERBS.has(w));
  return kept.length > 0 && isPasswordName(kept.join('_'));
}

/** Does the expression carry a password (`password`, `this.password`, `salt + pw`, `Buffer.from(req.body.password)`)? */
function carriesPassword(file: FileFacts, raw: Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const node = unwrap(raw);
  const next = (n: Node | null | undefined): boolean => !!n && n.type !== T.SpreadElement && carriesPassword(file, n, depth + 1);
  switch (node.type) {
    case T.Identifier: {
      if (isPasswordName(node.name) || userPasswordOf(file, node)) return true;
      const target = dereference(file, node);
      return target !== node && next(target);
    }
    case T.MemberExpression: {
      const key = staticKey(node);
      return (key !== null && isPasswordName(key)) || !!userPasswordOf(file, node);
    }
    case T.BinaryExpression:
      return node.operator === '+' && (next(node.left) || next(node.right));
    case T.TemplateLiteral:
      return node.expressions.some((e) => next(e));
    case T.AwaitExpression:
      return next(node.argument);
    case T.CallExpression: {
      const callee = unwrap(node.callee);
      const name = calleeName(node);
      if (name && WRAPPERS.has(name)) return node.arguments.some((a) => next(a)) || (callee.type === T.MemberExpression && next(callee.object));
      return !!userPasswordOf(file, node);
    }
    default:
      return false;
  }
}

/** Data that is a key or secret, not a password: a KDF deriving an encryption key from it is out of scope. */
function isKeyMaterial(file: FileFacts, raw: Node, depth = 0): boolean {
  const node = unwrap(raw);
  const value = resolveValue(file, node);
  if (value.kind === 'env' || value.kind === 'fallback') return true;
  const name = nameOf(node);
  if (!!name && !isPasswordName(name) && (isSecretName(name) || isTokenName(name) || words(name).includes('key'))) return true;
  // A parameter (even one named `password`) that every call in the file fills with key material: `deriveKey(process.env.APP_SECRET, salt)`.
  const param = depth < 2 ? parameterOf(file, node) : null;
  if (!param) return false;
  const calls = callsOf(file, param.fn);
  return calls.length > 0 && calls.every((c) => {
    const arg = c.arguments[param.index];
    return !!arg && arg.type !== T.SpreadElement && isKeyMaterial(file, arg, depth + 1);
  });
}

/** Grow a call to the end of its method chain: `createHash(a).update(b).digest('hex')`. */
function chainEnd(call: TSESTree.CallExpression): TSESTree.CallExpression {
  let current: TSESTree.CallExpression = call;
  while (current.parent?.type === T.MemberExpression && current.parent.object === current && current.parent.parent?.type === T.CallExpression && current.parent.parent.callee === current.parent) {
    current = current.parent.parent;
  }
  return current;
}

/** Arguments of `.update(x)` calls on a hash object: in its chain and, when bound to a variable, on that variable. */
function updatedData(file: FileFacts, call: TSESTree.CallExpression): Node[] {
  const out: Node[] = [];
  let current: Node = call;
  while (current.parent?.type === T.MemberExpression && current.parent.object === current && current.parent.parent?.type === T.CallExpression) {
    const method = staticKey(current.parent);
    const outer: TSESTree.CallExpression = current.parent.parent;
    if (method === 'update' && outer.arguments[0]) out.push(outer.arguments[0]);
    current = outer;
  }
  const holder = current.parent;
  if (holder?.type === T.VariableDeclarator && holder.init === current && holder.id.type === T.Identifier) {
    const variable = file.variableOf(holder.id);
    for (const ref of variable?.references ?? []) {
      const member = ref.identifier.parent;
      if (member?.type === T.MemberExpression && member.object === ref.identifier && staticKey(member) === 'update' && member.parent?.type === T.CallExpression) {
        const arg = member.parent.arguments[0];
        if (arg) out.push(arg);
      }
    }
  }
  return out;
}

/** `const digest = md5(x); … { password: digest }` / `user.password = digest`: the bound result ends up as the password. */
function storedAsPassword(file: FileFacts, end: Node): boolean {
  let current: Node = end;
  while (current.parent && (current.parent.type === T.AwaitExpression || current.parent.type === T.TSAsExpression)) current = current.parent;
  const holder = current.parent;
  if (holder?.type !== T.VariableDeclarator || holder.init !== current || holder.id.type !== T.Identifier) return false;
  const variable = file.variableOf(holder.id);
  return !!variable && variable.references.some((ref) => {
    const parent = ref.identifier.parent;
    if (parent?.type === T.Property && parent.value === ref.identifier) return isPasswordStorageName(staticKey(parent));
    if (parent?.type === T.AssignmentExpression && parent.right === ref.identifier && parent.left.type === T.MemberExpression) return isPasswordStorageName(staticKey(parent.left));
    return false;
  });
}

/** A number the file proves: a literal, a const bound to one, `1 << 14`, `2 ** 14`, `100 * 1000`. */
function numberOf(file: FileFacts, raw: Node, depth = 0): ProvenNumber | null {
  if (depth > MAX_DEPTH) return null;
  const node = unwrap(dereference(file, raw));
  if (node.type === T.Literal && typeof node.value === 'number') return { value: node.value, literal: node };
  if (node.type === T.BinaryExpression && ['*', '**', '<<', '+'].includes(node.operator)) {
    const a = numberOf(file, node.left as Node, depth + 1);
    const b = numberOf(file, node.right, depth + 1);
    if (!a || !b) return null;
    const value = node.operator === '*' ? a.value * b.value : node.operator === '**' ? a.value ** b.value : node.operator === '<<' ? a.value << b.value : a.value + b.value;
    return { value, literal: null };
  }
  return null;
}

function costOf(file: FileFacts, call: TSESTree.CallExpression, slot: CostSlot): CostLookup {
  const arg = argumentAt(call, slot.arg);
  if (!arg) return call.arguments.some((a) => a.type === T.SpreadElement) ? UNKNOWN : ABSENT;
  const proven = (node: Node): CostLookup => {
    const n = numberOf(file, node);
    return n ? { kind: 'found', ...n } : UNKNOWN;
  };
  if (!slot.options) return proven(arg);
  let unknown = false;
  for (const option of slot.options) {
    const found = getPropertyPath(file, arg, option);
    if (found.kind === 'found') return proven(found.value);
    if (found.kind === 'unknown') unknown = true;
  }
  return unknown ? UNKNOWN : ABSENT;
}

/** An absent cost is the library's default, when the model knows it. */
function withDefault(cost: CostLookup, slot: CostSlot): CostLookup {
  return cost.kind === 'absent' && slot.default !== undefined ? { kind: 'found', value: slot.default, literal: null, defaulted: true } : cost;
}

/** A salt the file proves is constant: a literal, `Buffer.from('…')`, or a const bound to one. */
function constantSalt(file: FileFacts, node: Node | null): string | null {
  if (!node) return null;
  const value = resolveValue(file, node);
  return value.kind === 'literal' && value.text !== '' ? value.text : null;
}

/** A fast hash a helper applies to one of its own parameters (`function digest(text) { return md5(text) }`). */
export interface ParameterHash {
  readonly site: FastHashSite;
  readonly index: number;
}

/** The fast hashes `fn` applies to its parameters, with the parameter's index. */
export function parameterHashes(file: FileFacts, fn: TSESTree.FunctionLike): ParameterHash[] {
  const out: ParameterHash[] = [];
  for (const site of hashSites(file)) {
    if (site.kind !== 'fast' || site.call.range[0] < fn.range[0] || site.call.range[1] > fn.range[1]) continue;
    for (const data of site.data) {
      const param = parameterOf(file, data);
      if (param && param.fn === fn) out.push({ site, index: param.index });
    }
  }
  return out;
}

/**
 * A fast hash that only prepares a password for a slow one (`bcrypt.hash(sha256(pw), 12)`,
 * a common fix for bcrypt's 72-byte limit): its result is the data of a slow hash call.
 */
export function isPrehash(file: FileFacts, site: FastHashSite): boolean {
  const slowData = memo(file, SLOW_DATA, () => {
    const out = new Set<Node>();
    for (const other of hashSites(file)) {
      if (other.kind !== 'slow' || other.api.data === undefined) continue;
      const arg = argumentAt(other.call, other.api.data);
      if (!arg) continue;
      out.add(unwrap(arg));
      out.add(unwrap(dereference(file, arg)));
    }
    return out;
  });
  let node: Node = site.end;
  while (node.parent && (node.parent.type === T.AwaitExpression || node.parent.type === T.TSAsExpression || node.parent.type === T.TSNonNullExpression)) node = node.parent;
  return slowData.has(node) || slowData.has(site.end);
}
const SLOW_DATA = Symbol('slow-hash-data');

/** SHA-1 of a password for the Have I Been Pwned range API (k-anonymity: only 5 hex characters leave), not a stored hash. */
export function isBreachCheck(file: FileFacts, site: FastHashSite): boolean {
  if (site.algorithm?.toLowerCase() !== 'sha1') return false;
  const fn = enclosingFunction(site.call);
  const scope: Node = fn ?? file.sourceCode.ast;
  const mentions = (text: string | null | undefined): boolean => !!text && /pwnedpasswords|haveibeenpwned/i.test(text);
  return nodesIn(file, scope, T.Literal).some((l) => typeof l.value === 'string' && mentions(l.value)) || nodesIn(file, scope, T.TemplateElement).some((t) => mentions(t.value.cooked));
}
