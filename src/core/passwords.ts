/**
 * Password values: is this expression a raw password (user input, a
 * password-named binding, a literal), or the output of a hash? Shared by
 * `no-plaintext-password` and `no-weak-password-hash`; library knowledge
 * comes from models/hashes.ts.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { memo } from './file.js';
import { calleeName, returnedExpressions, staticKey, unwrap } from './ast.js';
import { moduleMatches } from './modules.js';
import { invokedCryptoRef } from './match.js';
import { isConfirmationName, isHashName, isPasswordName, words } from './names.js';
import { userPasswordOf, type UserInput } from './requests.js';
import { HASH_APIS, HASHING_HELPER_WORDS, type HashApi } from '../models/hashes.js';

type Node = TSESTree.Node;
const MAX_DEPTH = 12;

/** Calls that hand their receiver or first argument through unchanged. */
const PASS_THROUGH = new Set(['String', 'trim', 'trimStart', 'trimEnd', 'toString', 'normalize', 'valueOf']);

// ---------------------------------------------------------------------------
// Hash calls


const HASH_CALLS = Symbol('hash-calls');

/** The hash API a call invokes (`crypto.createHash`, `bcrypt.hash`, `md5`, `CryptoJS.SHA256`), or null. */
export function hashApiOf(file: FileFacts, call: TSESTree.CallExpression): HashApi | null {
  const cache = memo(file, HASH_CALLS, () => new Map<Node, HashApi | null>());
  if (cache.has(call)) return cache.get(call)!;
  const ref = invokedCryptoRef(file, call);
  let found: HashApi | null = null;
  if (ref) {
    for (const api of HASH_APIS) {
      if (moduleMatches(api, ref.module) && api.path.length === ref.path.length && api.path.every((s, i) => ref.path[i] === s)) {
        found = api;
        break;
      }
    }
  }
  cache.set(call, found);
  return found;
}

/** A helper whose name says it hashes: `hashPassword`, `encryptPassword`, `bcrypt.hash` of an unknown module. */
function isHashingHelperName(name: string | null): boolean {
  if (!name) return false;
  const w = words(name);
  if (w.includes('compare') || w.includes('verify') || w.includes('check')) return false;
  return w.some((x) => HASHING_HELPER_WORDS.has(x));
}

/** The functions a callee identifier names in this file (declaration or const arrow/function). */
function localFunction(file: FileFacts, callee: Node): TSESTree.FunctionLike | null {
  const c = unwrap(callee);
  if (c.type !== T.Identifier) return null;
  const v = file.variableOf(c);
  if (!v || v.defs.length !== 1) return null;
  const def = v.defs[0]!;
  if (def.node.type === T.FunctionDeclaration) return def.node;
  if (def.node.type === T.VariableDeclarator && def.node.init) {
    const init = unwrap(def.node.init);
    if (init.type === T.ArrowFunctionExpression || init.type === T.FunctionExpression) return init;
  }
  return null;
}

const HASHED = Symbol('hashed');

/**
 * True when the value comes out of a hash: a hash API call (also through
 * `await`, `.toString('hex')`, `.digest()`, a variable, a template like
 * `${salt}:${hash}`), a local helper that returns one, a helper named like
 * one (`hashPassword`), or a binding named like a hash (`passwordHash`).
 */
export function isHashed(file: FileFacts, node: Node): boolean {
  const cache = memo(file, HASHED, () => new Map<Node, boolean>());
  const hit = cache.get(node);
  if (hit !== undefined) return hit;
  const result = hashed(file, node, 0, new Set());
  cache.set(node, result);
  return result;
}

function hashed(file: FileFacts, raw: Node, depth: number, seen: Set<Node>): boolean {
  const node = unwrap(raw);
  if (depth > MAX_DEPTH || seen.has(node)) return false;
  seen.add(node);
  const next = (n: Node | null | undefined): boolean => !!n && hashed(file, n, depth + 1, seen);
  switch (node.type) {
    case T.AwaitExpression:
      return next(node.argument);
    case T.TemplateLiteral:
      return node.expressions.some((e) => next(e));
    case T.BinaryExpression:
      return node.operator === '+' && (next(node.left) || next(node.right));
    case T.ConditionalExpression:
      return next(node.consequent) || next(node.alternate);
    case T.LogicalExpression:
      return next(node.left) || next(node.right);
    case T.Identifier: {
      if (isHashName(node.name)) return true;
      const v = file.variableOf(node);
      if (!v || v.defs.length !== 1) return false;
      const def = v.defs[0]!;
      const init = def.node.type === T.VariableDeclarator ? def.node.init : null;
      if (init && def.node.type === T.VariableDeclarator && def.node.id.type === T.Identifier && next(init)) return true;
      // let password = …; password = await bcrypt.hash(password, 12)
      return v.references.some((r) => r.isWrite() && !!r.writeExpr && r.writeExpr !== init && next(r.writeExpr));
    }
    case T.MemberExpression: {
      const key = staticKey(node);
      if (key === null) return false;
      if (isHashName(key)) return true;
      // user.password = await bcrypt.hash(user.password, 10); … { password: user.password }
      const object = unwrap(node.object);
      if (object.type !== T.Identifier) return false;
      const v = file.variableOf(object);
      return !!v && v.references.some((r) => {
        const member = r.identifier.parent;
        if (member?.type !== T.MemberExpression || member.object !== r.identifier || staticKey(member) !== key) return false;
        const assign = member.parent;
        return assign?.type === T.AssignmentExpression && assign.left === member && assign.operator === '=' && next(assign.right);
      });
    }
    case T.CallExpression: {
      if (hashApiOf(file, node)) return true;
      const callee = unwrap(node.callee);
      if (callee.type === T.MemberExpression) {
        // createHash(…).update(x).digest('hex'), (await bcrypt.hash(x)).toString(), hashPromise.then(…)
        if (next(callee.object)) return true;
      }
      if (isHashingHelperName(calleeName(node))) return true;
      const fn = localFunction(file, node.callee);
      if (fn) return returnedExpressions(fn).some((e) => next(e));
      return false;
    }
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Raw passwords

export interface RawPassword {
  /** How the value reads in messages: `password`, `req.body.password`, a literal's mask is the caller's job. */
  readonly kind: 'input' | 'named' | 'literal';
  readonly node: Node;
  readonly input: UserInput | null;
}

/**
 * A password that is not hashed: user input read as a password, a binding
 * or member named like a password (`password`, `input.password`, `pwd`), or
 * a non-empty string literal. Null for hashes, confirmations and unknowns.
 */
export function rawPasswordOf(file: FileFacts, node: Node): RawPassword | null {
  return raw(file, node, 0, new Set());
}

function raw(file: FileFacts, source: Node, depth: number, seen: Set<Node>): RawPassword | null {
  const node = unwrap(source);
  if (depth > MAX_DEPTH || seen.has(node)) return null;
  seen.add(node);
  if (isHashed(file, node)) return null;
  const next = (n: Node | null | undefined): RawPassword | null => (n && n.type !== T.SpreadElement ? raw(file, n, depth + 1, seen) : null);
  switch (node.type) {
    case T.Literal:
      return typeof node.value === 'string' && node.value !== '' ? { kind: 'literal', node, input: null } : null;
    case T.AwaitExpression:
      return next(node.argument);
    case T.LogicalExpression:
      return node.operator === '&&' ? null : next(node.left);
    case T.TemplateLiteral:
      return node.expressions.length === 1 && node.quasis.every((q) => q.value.cooked === '') ? next(node.expressions[0]) : null;
    case T.CallExpression: {
      const callee = unwrap(node.callee);
      if (callee.type === T.Identifier && PASS_THROUGH.has(callee.name)) return next(node.arguments[0]);
      if (callee.type === T.MemberExpression && PASS_THROUGH.has(staticKey(callee) ?? '')) return next(callee.object);
      const input = userPasswordOf(file, node);
      return input ? { kind: 'input', node, input } : null;
    }
    case T.Identifier: {
      if (isConfirmationName(node.name)) return null;
      const input = userPasswordOf(file, node);
      if (input) return { kind: 'input', node, input };
      if (!isPasswordName(node.name)) return null;
      const v = file.variableOf(node);
      const def = v?.defs.length === 1 ? v.defs[0]! : null;
      if (def?.node.type === T.VariableDeclarator && def.node.init && def.node.id.type === T.Identifier) {
        // const password = req.body.password → follow; const password = generate() → still a raw password by name
        return next(def.node.init) ?? { kind: 'named', node, input: null };
      }
      return { kind: 'named', node, input: null };
    }
    case T.MemberExpression: {
      const input = userPasswordOf(file, node);
      if (input) return { kind: 'input', node, input };
      const key = staticKey(node);
      return key !== null && isPasswordName(key) && !isConfirmationName(key) ? { kind: 'named', node, input: null } : null;
    }
    default:
      return null;
  }
}
