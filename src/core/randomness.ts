/**
 * Where predictable randomness comes from: `Math.random()` itself, and the
 * functions whose return value is built on it (`randStr()`, `randomValue(32)`
 * in a utils module), through the helpers they call in their own file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { staticKey, unwrap } from './ast.js';
import { flowsInto, localFunction } from './flow.js';
import { nodesIn } from './routes.js';

/** How many helpers deep a random value is followed inside one file (`randStr` → `pick` → `Math.random`). */
const MAX_HELPER_DEPTH = 3;

/** `Math.random()` on the unshadowed global `Math`. */
export function isMathRandom(file: FileFacts, node: TSESTree.CallExpression): boolean {
  const callee = unwrap(node.callee);
  if (callee.type !== T.MemberExpression || staticKey(callee) !== 'random') return false;
  const obj = unwrap(callee.object);
  return obj.type === T.Identifier && obj.name === 'Math' && file.isGlobal(obj);
}

const RETURNS_RANDOM = new WeakMap<TSESTree.Node, TSESTree.CallExpression | null>();

/**
 * The `Math.random()` call whose value `fn` returns (directly, or through a
 * helper of the same file whose result it returns), or null. Cached per
 * function node: a new parse of the file is a new node.
 */
export function randomReturnedBy(file: FileFacts, fn: TSESTree.FunctionLike, depth = 0): TSESTree.CallExpression | null {
  if (fn.type !== T.ArrowFunctionExpression && fn.type !== T.FunctionExpression && fn.type !== T.FunctionDeclaration) return null;
  if (RETURNS_RANDOM.has(fn)) return RETURNS_RANDOM.get(fn)!;
  RETURNS_RANDOM.set(fn, null); // recursion guard
  let found: TSESTree.CallExpression | null = null;
  for (const call of nodesIn(file, fn, T.CallExpression)) {
    let source: TSESTree.CallExpression | null = null;
    if (isMathRandom(file, call)) source = call;
    else if (depth < MAX_HELPER_DEPTH && (call.callee.type === T.Identifier || call.callee.type === T.MemberExpression)) {
      const helper = localFunction(file, call.callee);
      if (helper && helper !== fn) source = randomReturnedBy(file, helper, depth + 1);
    }
    if (source && flowsInto(file, call, (d) => d.kind === 'returned' && d.fn === fn)) {
      found = source;
      break;
    }
  }
  RETURNS_RANDOM.set(fn, found);
  return found;
}
