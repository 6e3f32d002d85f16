/**
 * Web storage writes: `localStorage.setItem(k, v)`, `window.sessionStorage[k]
 * = v`, a binding to either, and storage libraries (localforage, store2).
 * Used for the linted file's own writes and, through the project layer, for
 * a storage wrapper another module exports (`storage.set('token', t)`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { importsAny } from './prefilter.js';
import { memo } from './file.js';
import { staticKey, unwrap } from './ast.js';
import { isCallOf } from './match.js';
import { parameterOf } from './cookies.js';
import { dereference } from './values.js';
import { nodesIn } from './routes.js';
import { STORAGE_CALLS, STORAGE_HOSTS, WEB_STORAGES } from '../models/cookies.js';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.FunctionLike;

const MAX_DEPTH = 8;

/** `localStorage`, `window.sessionStorage`, or a binding to one (`const store = remember ? localStorage : sessionStorage`); null otherwise. */
export function webStorageName(file: FileFacts, raw: Node, depth = 0): string | null {
  if (depth > MAX_DEPTH) return null;
  const node = unwrap(raw);
  if (node.type === T.Identifier) {
    if (WEB_STORAGES.includes(node.name) && file.isGlobal(node)) return node.name;
    const target = unwrap(dereference(file, node));
    return target === node ? null : webStorageName(file, target, depth + 1);
  }
  if (node.type === T.MemberExpression) {
    const key = staticKey(node);
    const host = unwrap(node.object);
    if (key && WEB_STORAGES.includes(key) && host.type === T.Identifier && STORAGE_HOSTS.includes(host.name) && file.isGlobal(host)) return key;
    return null;
  }
  if (node.type === T.ConditionalExpression) return webStorageName(file, node.consequent, depth + 1) ?? webStorageName(file, node.alternate, depth + 1);
  if (node.type === T.LogicalExpression) return webStorageName(file, node.left, depth + 1) ?? webStorageName(file, node.right, depth + 1);
  return null;
}

/** The modules of the storage libraries: a file that imports none of them makes no library write. */
const STORAGE_MODULES = STORAGE_CALLS.flatMap((lib) => [lib.module].flat());

/** A write to a storage: where it goes, and the key and value expressions. */
export interface StorageWrite {
  readonly node: Node;
  readonly storage: string;
  readonly key: Node | null;
  readonly value: Node;
}

/** `x.setItem(k, v)` on a web storage, or a storage library's set call; null otherwise. */
export function storageWriteOf(file: FileFacts, call: TSESTree.CallExpression): StorageWrite | null {
  const callee = unwrap(call.callee);
  const [key, value] = call.arguments;
  if (!key || !value || key.type === T.SpreadElement || value.type === T.SpreadElement) return null;
  if (callee.type === T.MemberExpression && staticKey(callee) === 'setItem') {
    const storage = webStorageName(file, callee.object);
    if (storage) return { node: call, storage, key, value };
  }
  if (!importsAny(file, STORAGE_MODULES)) return null;
  for (const lib of STORAGE_CALLS) {
    if (!isCallOf(file, call, lib)) continue;
    const k = call.arguments[lib.key];
    const v = call.arguments[lib.value];
    if (k && v && k.type !== T.SpreadElement && v.type !== T.SpreadElement) return { node: call, storage: lib.label, key: k, value: v };
    return null;
  }
  return null;
}

/** A storage write inside a wrapper function, with which of the wrapper's parameters feed its key and value. */
export interface WrapperWrite {
  readonly storage: string;
  /** Parameter index that is the key, or null when the key is fixed (`key` then holds it, in the wrapper's file). */
  readonly keyParam: number | null;
  readonly key: Node | null;
  readonly valueParam: number | null;
  readonly value: Node;
}

/** The index of the wrapper's own parameter `node` is, or null (see `parameterOf`). */
function parameterIndex(file: FileFacts, fn: FunctionNode, node: Node | null): number | null {
  const param = node ? parameterOf(file, node) : null;
  return param && param.fn === fn ? param.index : null;
}

const WRAPPERS = Symbol('storage-wrappers');

/** The storage writes a function makes with its own parameters or fixed keys (`set(key, value) { localStorage.setItem(key, value) }`). */
export function wrapperWrites(file: FileFacts, fn: FunctionNode): readonly WrapperWrite[] {
  const cache = memo(file, WRAPPERS, () => new Map<Node, readonly WrapperWrite[]>());
  const hit = cache.get(fn);
  if (hit) return hit;
  const out: WrapperWrite[] = [];
  for (const call of nodesIn(file, fn, T.CallExpression)) {
    const write = storageWriteOf(file, call);
    if (!write) continue;
    const keyParam = parameterIndex(file, fn, write.key);
    const valueParam = parameterIndex(file, fn, write.value);
    if (valueParam === null && keyParam === null) continue;
    out.push({ storage: write.storage, keyParam, key: write.key, valueParam, value: write.value });
  }
  cache.set(fn, out);
  return out;
}

const NAME_METHODS = new Set(['getItem', 'setItem', 'removeItem', 'cookie', 'clearCookie', 'getCookie', 'setCookie', 'deleteCookie']);
const KEYED_METHODS = new Set(['get', 'set', 'delete', 'remove', 'has']);
const KEYED_RECEIVERS = new Set(['cookies', 'cookie', 'headers', 'storage', 'localStorage', 'sessionStorage', 'store', 'Cookies']);

/**
 * Is the binding declared here used as the *name* of a stored value — the
 * key of a storage, cookie or header access (`localStorage.getItem(SIGN_KEY)`,
 * `cookies.set(TOKEN_COOKIE, t)`)? Then its literal is a name, not a secret.
 */
export function isUsedAsName(file: FileFacts, declarator: TSESTree.VariableDeclarator): boolean {
  if (declarator.id.type !== T.Identifier) return false;
  const variable = file.variableOf(declarator.id);
  if (!variable) return false;
  return variable.references.some((ref) => {
    const id = ref.identifier as Node;
    const call = id.parent;
    if (call?.type !== T.CallExpression || call.arguments[0] !== id) return false;
    const callee = unwrap(call.callee);
    if (callee.type === T.Identifier) return NAME_METHODS.has(callee.name);
    if (callee.type !== T.MemberExpression) return false;
    const method = staticKey(callee);
    if (method && NAME_METHODS.has(method)) return true;
    const receiver = unwrap(callee.object);
    const receiverName = receiver.type === T.Identifier ? receiver.name : receiver.type === T.MemberExpression ? staticKey(receiver) : null;
    return !!method && KEYED_METHODS.has(method) && !!receiverName && KEYED_RECEIVERS.has(receiverName);
  });
}
