/**
 * Matching calls against library models: "is this node a call of
 * `module` at `path`?" Every rule asks these instead of comparing callee names.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { memo } from './file.js';
import type { ModuleRef, RefPattern } from './modules.js';
import type { ModelMatch } from '../models/types.js';
import { calleeRef, moduleMatches, refIs, resolveRef } from './modules.js';
import { staticKey, unwrap } from './ast.js';
import { importsAny } from './prefilter.js';
import { dereference } from './values.js';

export type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

/** Wrappers that return a promise-returning version of the function they are given: a call of the result is a call of that function. */
const PROMISIFY: readonly RefPattern[] = [
  { module: 'util', path: ['promisify'] },
  { module: ['bluebird', 'es6-promisify'], path: ['promisify'] },
  { module: 'pify', path: [] },
];

/** `promisify(jwt.sign)` (called directly, or through a const binding): the ref of the wrapped function, else null. */
function promisified(file: FileFacts, callee: TSESTree.Node): ModuleRef | null {
  let n = unwrap(callee);
  if (n.type === T.Identifier) n = unwrap(dereference(file, n));
  if (n.type !== T.CallExpression || !n.arguments[0] || n.arguments[0].type === T.SpreadElement) return null;
  const wrapper = resolveRef(file, n.callee);
  if (!PROMISIFY.some((p) => refIs(wrapper, p))) return null;
  return resolveRef(file, n.arguments[0]);
}

/** The ref a call invokes, where a bare global `crypto` (WebCrypto: `crypto.subtle.digest(…)`) counts as `node:crypto`. */
export function invokedCryptoRef(file: FileFacts, call: TSESTree.CallExpression): ModuleRef | null {
  const ref = invokedRef(file, call);
  if (ref) return ref;
  const path: string[] = [];
  let current: TSESTree.Node = unwrap(call.callee);
  while (current.type === T.MemberExpression) {
    const key = staticKey(current);
    if (key === null) return null;
    path.unshift(key);
    current = unwrap(current.object);
  }
  return current.type === T.Identifier && current.name === 'crypto' && file.isGlobal(current) ? { module: 'crypto', path } : null;
}

/** The ref a call invokes, with `new` appended for constructions and `super(...)`; a promisified function counts as itself. */
export function invokedRef(file: FileFacts, node: CallLike): ModuleRef | null {
  const called = calleeRef(file, node);
  if (!called) return null;
  // Only a call of what a wrapper returned (`util` … `promisify`, `()`) is looked into.
  const wrapped = called.path[called.path.length - 1] === '()' && node.type === T.CallExpression && PROMISIFY.some((p) => moduleMatches(p, called.module));
  const ref = (wrapped ? promisified(file, node.callee) : null) ?? called;
  const construct = node.type === T.NewExpression || node.callee.type === T.Super;
  return construct ? { module: ref.module, path: [...ref.path, 'new'] } : ref;
}

/** `node` calls (or constructs) exactly `pattern`. */
export function isCallOf(file: FileFacts, node: CallLike, pattern: RefPattern): boolean {
  const ref = invokedRef(file, node);
  return !!ref && moduleMatches(pattern, ref.module) && ref.path.length === pattern.path.length && pattern.path.every((s, i) => ref.path[i] === s);
}

/** `node` is `.method(...)` at the end of a builder chain rooted at `pattern` (`new SignJWT(…).setX().sign(k)`). */
export function isChainCallOf(file: FileFacts, node: CallLike, pattern: RefPattern, method: string): boolean {
  if (node.type !== T.CallExpression) return false;
  const callee = unwrap(node.callee);
  if (callee.type !== T.MemberExpression || staticKey(callee) !== method) return false;
  const ref = resolveRef(file, callee.object);
  return !!ref && moduleMatches(pattern, ref.module) && ref.path.length >= pattern.path.length && pattern.path.every((s, i) => ref.path[i] === s);
}

/** For `x.register(plugin, options)`: the plugin's module (a whole-module import or require), else null. */
export function registeredPlugin(file: FileFacts, node: CallLike): string | null {
  if (node.type !== T.CallExpression) return null;
  const callee = unwrap(node.callee);
  if (callee.type !== T.MemberExpression || staticKey(callee) !== 'register') return null;
  const plugin = node.arguments[0];
  if (!plugin) return null;
  const ref = resolveRef(file, plugin);
  if (!ref) return null;
  if (ref.path.length === 0 || (ref.path.length === 1 && ref.path[0] === 'default')) return ref.module;
  return null;
}

/** The argument at `index`, unless a spread comes at or before it (then its position is unknown). */
export function argumentAt(node: CallLike, index: number): TSESTree.Node | null {
  for (let i = 0; i <= index && i < node.arguments.length; i++) {
    if (node.arguments[i]!.type === T.SpreadElement) return null;
  }
  return node.arguments[index] ?? null;
}

// ---------------------------------------------------------------------------
// The one interpreter of model tables, indexed by module

/** A model table indexed by the modules its entries can match, so a call is only tried against its own module's entries. */
export interface ModelIndex<E> {
  readonly byModule: ReadonlyMap<string, readonly E[]>;
  readonly assigns: ReadonlyMap<string, readonly E[]>;
  /** The modules the assignment entries can match. */
  readonly assignModules: ReadonlySet<string>;
  readonly match: (entry: E) => ModelMatch;
}

/** Index a table once (at module load): entries by module name, assignment entries by property. */
export function indexModels<E>(entries: readonly E[], match: (entry: E) => ModelMatch): ModelIndex<E> {
  const byModule = new Map<string, E[]>();
  const assigns = new Map<string, E[]>();
  const assignModules = new Set<string>();
  for (const entry of entries) {
    const m = match(entry);
    if (m.kind === 'assign') {
      for (const module of typeof m.module === 'string' ? [m.module] : m.module) assignModules.add(module);
      const list = assigns.get(m.property) ?? [];
      list.push(entry);
      assigns.set(m.property, list);
      continue;
    }
    for (const module of typeof m.module === 'string' ? [m.module] : m.module) {
      const list = byModule.get(module) ?? [];
      list.push(entry);
      byModule.set(module, list);
    }
  }
  return { byModule, assigns, assignModules, match };
}

function pathIs(path: readonly string[], want: readonly string[]): boolean {
  return path.length === want.length && want.every((s, i) => path[i] === s);
}

function pathStarts(path: readonly string[], want: readonly string[]): boolean {
  return path.length >= want.length && want.every((s, i) => path[i] === s);
}

const MATCHES = Symbol('model-matches');

/**
 * The entries of `index` that `node` matches: a call or construction (`call`),
 * the end of a builder chain (`chain`), or a plugin registration (`plugin`).
 * The callee is resolved once per node and file, whatever the number of tables.
 */
export function matchingEntries<E>(file: FileFacts, node: CallLike, index: ModelIndex<E>): E[] {
  const perIndex = memo(file, MATCHES, () => new Map<ModelIndex<unknown>, Map<CallLike, unknown[]> | null>());
  let cache = perIndex.get(index as ModelIndex<unknown>);
  if (cache === undefined) {
    // A table none of whose modules the file names cannot match any call in it.
    cache = importsAny(file, index.byModule.keys()) ? new Map() : null;
    perIndex.set(index as ModelIndex<unknown>, cache);
  }
  if (cache === null) return [];
  const hit = cache.get(node);
  if (hit) return hit as E[];
  const out: E[] = [];
  const ref = invokedRef(file, node);
  if (ref) {
    for (const entry of index.byModule.get(ref.module) ?? []) {
      const m = index.match(entry);
      if (m.kind === 'call' && pathIs(ref.path, m.path)) out.push(entry);
    }
  }
  // A chain's ref is that of its receiver: `new SignJWT(p).setX()` + `.sign`.
  if (node.type === T.CallExpression) {
    const callee = unwrap(node.callee);
    if (callee.type === T.MemberExpression) {
      const method = staticKey(callee);
      const receiver = method ? resolveRef(file, callee.object) : null;
      if (receiver) {
        for (const entry of index.byModule.get(receiver.module) ?? []) {
          const m = index.match(entry);
          if (m.kind === 'chain' && m.method === method && pathStarts(receiver.path, m.path)) out.push(entry);
        }
      }
    }
    const plugin = registeredPlugin(file, node);
    if (plugin !== null) {
      for (const entry of index.byModule.get(plugin) ?? []) if (index.match(entry).kind === 'plugin') out.push(entry);
    }
  }
  cache.set(node, out);
  return out;
}

/** The `assign` entries an assignment `target.property = value` matches (`app.keys = […]` on `new Koa()`). */
export function matchingAssigns<E>(file: FileFacts, target: TSESTree.MemberExpression, index: ModelIndex<E>): E[] {
  const property = staticKey(target);
  const candidates = property === null ? undefined : index.assigns.get(property);
  if (!candidates?.length || !importsAny(file, index.assignModules)) return [];
  const ref = resolveRef(file, target.object);
  if (!ref) return [];
  return candidates.filter((entry) => {
    const m = index.match(entry);
    return m.kind === 'assign' && moduleMatches(m, ref.module) && pathIs(ref.path, m.path);
  });
}
