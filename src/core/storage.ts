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
import { calleeName, returnedExpressions, staticKey, stringOf, unwrap } from './ast.js';
import { isCallOf } from './match.js';
import { parameterOf } from './cookies.js';
import { dereference, getProperty } from './values.js';
import { nodesIn } from './routes.js';
import { STORAGE_CALLS, STORAGE_HOSTS, WEB_STORAGES } from '../models/cookies.js';
import { PERSISTED_STORE_MODULES, PERSISTED_STORES } from '../models/persisted-stores.js';

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
    if (key && host.type === T.ThisExpression) return classFieldStorage(file, node, key, depth);
    return null;
  }
  if (node.type === T.ConditionalExpression) return webStorageName(file, node.consequent, depth + 1) ?? webStorageName(file, node.alternate, depth + 1);
  if (node.type === T.LogicalExpression) return webStorageName(file, node.left, depth + 1) ?? webStorageName(file, node.right, depth + 1);
  return null;
}

function enclosingClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  for (let n = node.parent; n; n = n.parent) if (n.type === T.ClassDeclaration || n.type === T.ClassExpression) return n;
  return null;
}

/** `this.interface` in a class that sets the field to a web storage (`this.interface = remember ? localStorage : sessionStorage`). */
function classFieldStorage(file: FileFacts, member: TSESTree.MemberExpression, field: string, depth: number): string | null {
  const cls = enclosingClass(member);
  if (!cls) return null;
  for (const element of cls.body.body) {
    if (element.type === T.PropertyDefinition && element.value && staticKey(element) === field) {
      const found = webStorageName(file, element.value, depth + 1);
      if (found) return found;
    }
  }
  for (const assignment of nodesIn(file, cls.body, T.AssignmentExpression)) {
    const left = unwrap(assignment.left);
    if (assignment.operator !== '=' || left.type !== T.MemberExpression || unwrap(left.object).type !== T.ThisExpression || staticKey(left) !== field) continue;
    const found = webStorageName(file, assignment.right, depth + 1);
    if (found) return found;
  }
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

/** Calls whose result shows the value they are given: `JSON.stringify(v)`, `String(v)`. */
const SERIALISERS = new Set(['stringify', 'String', 'btoa', 'encodeURIComponent']);

/** The index of the wrapper's own parameter a written value is made of: `v`, `JSON.stringify(v)`, `const value = JSON.stringify(v)`. */
function valueParameterIndex(file: FileFacts, fn: FunctionNode, node: Node, depth = 0): number | null {
  const direct = parameterIndex(file, fn, node);
  if (direct !== null || depth > 3) return direct;
  const n = unwrap(node);
  if (n.type === T.CallExpression && SERIALISERS.has(calleeName(n) ?? '') && n.arguments[0] && n.arguments[0].type !== T.SpreadElement) {
    return valueParameterIndex(file, fn, n.arguments[0], depth + 1);
  }
  if (n.type === T.Identifier) {
    const target = unwrap(dereference(file, n));
    if (target !== n) return valueParameterIndex(file, fn, target, depth + 1);
  }
  return null;
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
    const valueParam = valueParameterIndex(file, fn, write.value);
    if (valueParam === null && keyParam === null) continue;
    out.push({ storage: write.storage, keyParam, key: write.key, valueParam, value: write.value });
  }
  cache.set(fn, out);
  return out;
}

/** A storage write made by a store a factory returns: `createStorage(key)` → `{ set(v) { localStorage.setItem(key, v) } }`. */
export interface FactoryWrite {
  /** The method of the returned object that writes, or null when the factory returns the writing function itself. */
  readonly method: string | null;
  readonly storage: string;
  /** The factory's parameter that is the key, or null when the key is fixed or the method's own. */
  readonly keyParam: number | null;
  /** The method's parameter that is the value. */
  readonly valueParam: number | null;
}

const FACTORIES = Symbol('storage-factories');

/** The functions a factory returns, by method name (null: the returned function itself): `return { get, set }`, `return (v) => …`. */
function returnedFunctions(file: FileFacts, fn: FunctionNode): [string | null, FunctionNode][] {
  const out: [string | null, FunctionNode][] = [];
  const asFunction = (node: Node): FunctionNode | null => {
    const target = unwrap(dereference(file, node));
    return target.type === T.ArrowFunctionExpression || target.type === T.FunctionExpression || target.type === T.FunctionDeclaration ? target : null;
  };
  for (const returned of returnedExpressions(fn, 4)) {
    const value = unwrap(returned);
    if (value.type === T.ObjectExpression) {
      for (const p of value.properties) {
        const inner = p.type === T.Property ? asFunction(p.value) : null;
        if (inner && inner !== fn) out.push([staticKey(p), inner]);
      }
    } else {
      const inner = asFunction(value);
      if (inner && inner !== fn) out.push([null, inner]);
    }
  }
  return out;
}

/** The storage writes of the stores a factory function returns, with the factory parameter that keys them. */
export function factoryWrites(file: FileFacts, fn: FunctionNode): readonly FactoryWrite[] {
  const cache = memo(file, FACTORIES, () => new Map<Node, readonly FactoryWrite[]>());
  const hit = cache.get(fn);
  if (hit) return hit;
  const out: FactoryWrite[] = [];
  cache.set(fn, out);
  for (const [method, inner] of returnedFunctions(file, fn)) {
    for (const call of nodesIn(file, inner, T.CallExpression)) {
      const write = storageWriteOf(file, call);
      if (!write) continue;
      const keyParam = parameterIndex(file, fn, write.key);
      const valueParam = valueParameterIndex(file, inner, write.value);
      if (keyParam !== null || valueParam !== null) out.push({ method, storage: write.storage, keyParam, valueParam });
    }
  }
  return out;
}

/** `this.asJson` where the class has `get asJson() { return { … } }`: what the getter returns. */
export function thisGetterValues(node: Node): Node[] {
  const n = unwrap(node);
  if (n.type !== T.MemberExpression || unwrap(n.object).type !== T.ThisExpression) return [];
  const key = staticKey(n);
  const cls = key ? enclosingClass(n) : null;
  if (!cls) return [];
  for (const element of cls.body.body) {
    if (element.type === T.MethodDefinition && element.kind === 'get' && staticKey(element) === key) return returnedExpressions(element.value, 4);
  }
  return [];
}

/** A store a state library persists to web storage: the persisting call, the storage, the store's name and the fields kept. */
export interface PersistedStore {
  readonly label: string;
  readonly storage: string;
  readonly name: string | null;
  readonly fields: readonly { readonly key: string; readonly node: Node }[];
}

/** The plain (non-function) fields of the object a state creator or pick function returns. */
function stateFields(file: FileFacts, node: Node): { key: string; node: Node }[] {
  const fn = unwrap(dereference(file, node));
  if (fn.type !== T.ArrowFunctionExpression && fn.type !== T.FunctionExpression) return [];
  const out: { key: string; node: Node }[] = [];
  for (const returned of returnedExpressions(fn, 4)) {
    const obj = unwrap(returned);
    if (obj.type !== T.ObjectExpression) continue;
    for (const p of obj.properties) {
      if (p.type !== T.Property || p.method) continue;
      const value = unwrap(p.value);
      const key = staticKey(p);
      if (key && value.type !== T.ArrowFunctionExpression && value.type !== T.FunctionExpression) out.push({ key, node: p });
    }
  }
  return out;
}

/** `persist((set) => ({ token: null }), { name: 'auth' })` (zustand): the store it writes to web storage, or null (another storage, or unknown). */
export function persistedStoreOf(file: FileFacts, call: TSESTree.CallExpression): PersistedStore | null {
  if (!importsAny(file, PERSISTED_STORE_MODULES)) return null;
  const model = PERSISTED_STORES.find((m) => isCallOf(file, call, m));
  if (!model) return null;
  const state = model.state === null ? null : call.arguments[model.state];
  const options = call.arguments[model.options];
  if (state?.type === T.SpreadElement || options?.type === T.SpreadElement) return null;
  let storage: string | null = model.defaultStorage;
  let fields = state ? stateFields(file, state) : [];
  let name: string | null = null;
  if (options) {
    const chosen = getProperty(file, options, model.storageOption);
    if (chosen.kind === 'unknown') return null;
    // `window.localStorage`, `createJSONStorage(() => sessionStorage)`: the storage it names or its function returns
    if (chosen.kind === 'found') storage = webStorageName(file, chosen.value) ?? nodesIn(file, chosen.value, T.Identifier).map((id) => webStorageName(file, id)).find((x) => x) ?? null;
    const pick = model.pickOption ? getProperty(file, options, model.pickOption) : null;
    if (pick?.kind === 'unknown') return null;
    if (pick?.kind === 'found') fields = stateFields(file, pick.value);
    const listed = model.fieldsOption ? getProperty(file, options, model.fieldsOption) : null;
    if (listed?.kind === 'found') fields = listedFields(file, listed.value);
    const named = getProperty(file, options, model.nameOption);
    name = named.kind === 'found' ? stringOf(unwrap(named.value)) : null;
  }
  return storage ? { label: model.label, storage, name, fields } : null;
}

/** `['token', { key: 'user' }]`: the fields a persisted-store option lists. */
function listedFields(file: FileFacts, node: Node): { key: string; node: Node }[] {
  const list = unwrap(dereference(file, node));
  if (list.type !== T.ArrayExpression) return [];
  return list.elements.flatMap((e) => {
    if (!e || e.type === T.SpreadElement) return [];
    const entry = unwrap(e);
    const key = entry.type === T.ObjectExpression ? (() => {
      const k = getProperty(file, entry, 'key');
      return k.kind === 'found' ? stringOf(unwrap(k.value)) : null;
    })() : stringOf(entry);
    return key ? [{ key, node: e }] : [];
  });
}

/** `this` in a class: the names of the fields the class declares or assigns (`accessToken = null`, `this.user = u`). */
export function thisFieldNames(node: Node): string[] {
  const cls = unwrap(node).type === T.ThisExpression ? enclosingClass(node) : null;
  if (!cls) return [];
  const names = new Set<string>();
  for (const element of cls.body.body) {
    if (element.type === T.PropertyDefinition && !element.static) {
      const key = staticKey(element);
      if (key) names.add(key);
    }
  }
  return [...names];
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
