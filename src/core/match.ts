/**
 * Matching calls against library models: "is this node a call of
 * `module` at `path`?" Every rule asks these instead of comparing callee names.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import type { ModuleRef, RefPattern } from './modules.js';
import { calleeRef, moduleMatches, resolveRef } from './modules.js';
import { staticKey, unwrap } from './ast.js';

export type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

/** The ref a call invokes, with `new` appended for constructions and `super(...)`. */
export function invokedRef(file: FileFacts, node: CallLike): ModuleRef | null {
  const ref = calleeRef(file, node);
  if (!ref) return null;
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
