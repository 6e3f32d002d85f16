/**
 * What an expression evaluates to, as far as the file proves it:
 *
 *   literal   'abc', `abc`, 'a' + 'b', Buffer.from('abc'), new TextEncoder().encode('abc')
 *   env       process.env.X, process.env['X'], import.meta.env.X, Bun.env.X, Deno.env.get('X')
 *   fallback  process.env.X || 'abc', x ?? 'abc', NODE_ENV === 'production' ? env : 'abc',
 *             a parameter whose default is a literal
 *   unknown   anything else
 *
 * Followed through const / never-reassigned bindings, destructuring, object
 * literals and spreads, member access into them, and small functions that
 * return a literal. Object lookups have three answers (found, absent,
 * unknown): a spread of something unknown makes a key unknown, not absent.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { isNeverReassigned, memo } from './file.js';
import { concatOperands, staticKey, stringOf, unwrap } from './ast.js';
import { patternPath } from './modules.js';

type Node = TSESTree.Node;

export type Value =
  | { readonly kind: 'literal'; readonly text: string; readonly node: Node }
  | { readonly kind: 'env'; readonly name: string | null; readonly node: Node }
  | { readonly kind: 'fallback'; readonly name: string | null; readonly text: string; readonly node: Node; readonly literal: Node }
  | { readonly kind: 'unknown' };

export type Lookup =
  | { readonly kind: 'found'; readonly value: Node; readonly property: Node }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' };

const UNKNOWN: Value = { kind: 'unknown' };
const ABSENT: Lookup = { kind: 'absent' };
const UNKNOWN_LOOKUP: Lookup = { kind: 'unknown' };
const MAX_DEPTH = 32;
const VALUES = Symbol('values');

interface Walk {
  depth: number;
  readonly seen: Set<Node>;
}

function walk(): Walk {
  return { depth: 0, seen: new Set() };
}

/** Run `fn` one level deeper, refusing cycles and runaway depth. */
function deeper<R>(w: Walk, node: Node, fallback: R, fn: () => R): R {
  if (w.depth >= MAX_DEPTH || w.seen.has(node)) return fallback;
  w.depth++;
  w.seen.add(node);
  try {
    return fn();
  } finally {
    w.depth--;
    w.seen.delete(node);
  }
}

// ---------------------------------------------------------------------------
// Dereferencing: from a use to the expression that produced it

/**
 * Follow identifiers and member accesses to the expression they stand for:
 * `const opts = { a: 1 }; opts` → the object literal; `cfg.cookie` → the
 * property's value. Returns the node itself when it cannot go further.
 */
export function dereference(file: FileFacts, node: Node): Node {
  return deref(file, node, walk());
}

function deref(file: FileFacts, raw: Node, w: Walk): Node {
  const node = unwrap(raw);
  return deeper(w, node, node, () => {
    if (node.type === T.Identifier) {
      const target = bindingValue(file, node, w) ?? functionDeclaration(file, node);
      return target ? deref(file, target, w) : node;
    }
    if (node.type === T.MemberExpression) {
      const key = staticKey(node);
      if (key === null) return node;
      const found = lookup(file, node.object, key, w);
      return found.kind === 'found' ? deref(file, found.value, w) : node;
    }
    return node;
  });
}

/**
 * The expression a never-reassigned binding was initialised with, through
 * destructuring (`const { a: { b } } = x` → x.a.b). Parameters and imports
 * have none.
 */
function bindingValue(file: FileFacts, id: TSESTree.Identifier, w: Walk): Node | null {
  const variable = file.variableOf(id);
  if (!variable || variable.defs.length !== 1 || !isNeverReassigned(variable)) return null;
  const def = variable.defs[0]!;
  if (def.node.type !== T.VariableDeclarator || !def.node.init) return null;
  const path = patternPath(def.node.id, def.name as TSESTree.Identifier);
  if (path === null) return null;
  if (path.length === 0) return def.node.init;
  const found = lookupPath(file, def.node.init, path, w);
  return found.kind === 'found' ? found.value : null;
}

/** The declaration a function name refers to (`function f() {}` … `f`), if never reassigned. */
function functionDeclaration(file: FileFacts, id: TSESTree.Identifier): Node | null {
  const variable = file.variableOf(id);
  if (!variable || variable.defs.length !== 1 || !isNeverReassigned(variable)) return null;
  const def = variable.defs[0]!;
  return def.type === 'FunctionName' && def.node.type === T.FunctionDeclaration ? def.node : null;
}

/** The literal default of a parameter (`function f(secret = 'x')`), if the identifier is such a parameter. */
function parameterDefault(file: FileFacts, id: TSESTree.Identifier): Node | null {
  const variable = file.variableOf(id);
  if (!variable || variable.defs.length !== 1 || !isNeverReassigned(variable)) return null;
  const def = variable.defs[0]!;
  if (def.type !== 'Parameter') return null;
  const name = def.name;
  const parent = name.parent;
  if (parent?.type === T.AssignmentPattern && parent.left === name) return parent.right;
  // `function f({ secret = 'x' } = {})`
  if (parent?.type === T.AssignmentPattern && parent.parent?.type === T.Property) return parent.right;
  return null;
}

// ---------------------------------------------------------------------------
// Objects: three-state property lookup

/** The object literal an expression stands for, or null. */
export function resolveObject(file: FileFacts, node: Node): TSESTree.ObjectExpression | null {
  const target = dereference(file, node);
  return target.type === T.ObjectExpression ? target : null;
}

/** Look `key` up in whatever object `node` stands for. */
export function getProperty(file: FileFacts, node: Node, key: string): Lookup {
  return lookup(file, node, key, walk());
}

/**
 * Look a path up: `['cookie', 'secure']`. A `()` segment steps into what a
 * function returns (`useFactory: () => ({ secret })`).
 */
export function getPropertyPath(file: FileFacts, node: Node, path: readonly string[]): Lookup {
  return lookupPath(file, node, path, walk());
}

function lookupPath(file: FileFacts, node: Node, path: readonly string[], w: Walk): Lookup {
  let current: Lookup = { kind: 'found', value: node, property: node };
  for (const segment of path) {
    if (current.kind !== 'found') return current;
    if (segment === '()') {
      const returned = returnedExpression(file, current.value, w);
      current = returned ? { kind: 'found', value: returned, property: current.property } : UNKNOWN_LOOKUP;
      continue;
    }
    current = lookup(file, current.value, segment, w);
  }
  return current;
}

function lookup(file: FileFacts, node: Node, key: string, w: Walk): Lookup {
  if (isWrittenAt(file, node, key)) return UNKNOWN_LOOKUP;
  const target = deref(file, node, w);
  if (target.type !== T.ObjectExpression) return UNKNOWN_LOOKUP;
  return deeper(w, target, UNKNOWN_LOOKUP, () => {
    for (let i = target.properties.length - 1; i >= 0; i--) {
      const prop = target.properties[i]!;
      if (prop.type === T.SpreadElement) {
        const inner = lookup(file, prop.argument, key, w);
        if (inner.kind !== 'absent') return inner;
        continue;
      }
      const name = staticKey(prop);
      if (name === null) return UNKNOWN_LOOKUP; // a computed key could be this one
      if (name !== key) continue;
      if (prop.kind !== 'init') return UNKNOWN_LOOKUP; // getter / setter
      if (prop.method) return { kind: 'found', value: prop.value, property: prop };
      return { kind: 'found', value: prop.value as Node, property: prop };
    }
    return ABSENT;
  });
}

// ---------------------------------------------------------------------------
// Mutation: a later write makes what the declaration says unknown

/** A property path written through a variable (`opts.cookie.secure = …` → ['cookie', 'secure']); `*` for a computed key or a whole-object merge. */
type WritePath = readonly string[];

const WRITES = Symbol('writes');

/**
 * Every property path written through the variable after its declaration:
 * assignments and updates to `v.a.b`, `delete v.a`, `Object.assign(v, …)`
 * (every key), and array mutators (`v.push(…)`).
 */
function writtenPaths(file: FileFacts, variable: TSESLint.Scope.Variable): readonly WritePath[] {
  const cache = memo(file, WRITES, () => new Map<TSESLint.Scope.Variable, readonly WritePath[]>());
  const hit = cache.get(variable);
  if (hit) return hit;
  const out: WritePath[] = [];
  for (const ref of variable.references) {
    let n: Node = ref.identifier;
    const path: string[] = [];
    while (n.parent?.type === T.MemberExpression && n.parent.object === n) {
      path.push(staticKey(n.parent) ?? '*');
      n = n.parent;
    }
    const parent = n.parent;
    if (!parent) continue;
    if (path.length === 0) {
      if (parent.type === T.CallExpression && parent.arguments[0] === n && isObjectAssign(parent.callee)) out.push(['*']);
      continue;
    }
    if ((parent.type === T.AssignmentExpression && parent.left === n) || parent.type === T.UpdateExpression || (parent.type === T.UnaryExpression && parent.operator === 'delete')) {
      out.push(path);
    } else if (parent.type === T.CallExpression && parent.callee === n && ARRAY_MUTATORS.has(path[path.length - 1]!)) {
      out.push(path.length === 1 ? ['*'] : [...path.slice(0, -1), '*']);
    } else if (parent.type === T.CallExpression && parent.arguments[0] === n && isObjectAssign(parent.callee)) {
      out.push([...path, '*']);
    }
  }
  cache.set(variable, out);
  return out;
}

const ARRAY_MUTATORS = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'fill', 'copyWithin', 'set']);

function isObjectAssign(callee: Node): boolean {
  const c = unwrap(callee);
  if (c.type !== T.MemberExpression || (staticKey(c) !== 'assign' && staticKey(c) !== 'defineProperty')) return false;
  const owner = unwrap(c.object);
  return owner.type === T.Identifier && owner.name === 'Object';
}

/** The variable an expression is rooted at and the property path to it (`opts.cookie` → opts, ['cookie']). */
function rootPath(file: FileFacts, raw: Node): { variable: TSESLint.Scope.Variable; path: string[] } | null {
  const path: string[] = [];
  let node = unwrap(raw);
  while (node.type === T.MemberExpression) {
    const key = staticKey(node);
    if (key === null) return null;
    path.unshift(key);
    node = unwrap(node.object);
  }
  if (node.type !== T.Identifier) return null;
  const variable = file.variableOf(node);
  return variable ? { variable, path } : null;
}

/** Has `node.key` (or something inside it, or the whole object) been written after the declaration? */
function isWrittenAt(file: FileFacts, node: Node, key: string): boolean {
  const root = rootPath(file, node);
  if (!root) return false;
  const wanted = [...root.path, key];
  return writtenPaths(file, root.variable).some((written) => {
    for (let i = 0; i < written.length && i < wanted.length; i++) {
      if (written[i] === '*') return true;
      if (written[i] !== wanted[i]) return false;
    }
    return true;
  });
}

/** True when the array or object a variable holds is changed after its declaration (`keys.push(k)`, `opts.x = …`). */
export function isMutatedBinding(file: FileFacts, node: Node): boolean {
  const root = rootPath(file, node);
  if (!root) return false;
  return writtenPaths(file, root.variable).some((written) => root.path.every((seg, i) => written[i] === undefined || written[i] === '*' || written[i] === seg));
}

/**
 * Is the value written here replaced before anyone can read it as written?
 * `const opts = { secret: 'x' }; opts.secret = env` (the property), `let k =
 * 'x'; k = env` (the binding).
 */
export function isOverwritten(file: FileFacts, holder: TSESTree.Property | TSESTree.VariableDeclarator): boolean {
  if (holder.type === T.VariableDeclarator) {
    if (holder.id.type !== T.Identifier) return false;
    const variable = file.variableOf(holder.id);
    return !!variable && !isNeverReassigned(variable);
  }
  const key = staticKey(holder);
  if (key === null) return false;
  const path = [key];
  let object: Node = holder.parent as Node;
  for (let i = 0; i < 8; i++) {
    const parent = object.parent;
    if (!parent) return false;
    if (parent.type === T.Property && parent.value === object) {
      const outer = staticKey(parent);
      if (outer === null) return false;
      path.unshift(outer);
      object = parent.parent as Node;
      continue;
    }
    if (parent.type === T.VariableDeclarator && parent.init === object && parent.id.type === T.Identifier) {
      const variable = file.variableOf(parent.id);
      if (!variable) return false;
      return writtenPaths(file, variable).some((written) => written.every((seg, i) => seg === '*' || seg === path[i]) || path.every((seg, i) => written[i] === undefined || written[i] === seg));
    }
    return false;
  }
  return false;
}

/** The single expression a function returns (arrow body or a lone `return`). */
function returnedExpression(file: FileFacts, node: Node, w: Walk): Node | null {
  const fn = deref(file, node, w);
  if (fn.type !== T.ArrowFunctionExpression && fn.type !== T.FunctionExpression && fn.type !== T.FunctionDeclaration) return null;
  if (fn.body.type !== T.BlockStatement) return fn.body;
  const returns = fn.body.body.filter((s): s is TSESTree.ReturnStatement => s.type === T.ReturnStatement);
  if (returns.length !== 1 || !returns[0]!.argument) return null;
  return returns[0]!.argument;
}

/** The elements of the array an expression stands for (spreads of arrays flattened), or null. */
export function arrayElements(file: FileFacts, node: Node): Node[] | null {
  if (isMutatedBinding(file, node)) return null;
  const target = dereference(file, node);
  if (target.type !== T.ArrayExpression) return null;
  const out: Node[] = [];
  for (const el of target.elements) {
    if (!el) continue;
    if (el.type === T.SpreadElement) {
      const inner = arrayElements(file, el.argument);
      if (!inner) return null;
      out.push(...inner);
    } else out.push(el);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Values

export function resolveValue(file: FileFacts, node: Node): Value {
  return evaluate(file, node, walk());
}

/** Longer proven strings are treated as unknown: no secret is that long, and `d = c + c` chains must not grow without bound. */
const MAX_TEXT = 64 * 1024;

/**
 * Every sub-expression is evaluated once per file: `const d1 = d0 + d0; const
 * d2 = d1 + d1; …` stays linear instead of doubling at each binding.
 */
function evaluate(file: FileFacts, raw: Node, w: Walk): Value {
  const node = unwrap(raw);
  const cache = memo(file, VALUES, () => new Map<Node, Value>());
  const hit = cache.get(node);
  if (hit) return hit;
  const cutOff = w.depth >= MAX_DEPTH || w.seen.has(node);
  const value = deeper(w, node, UNKNOWN, () => evaluateNode(file, node, w));
  const bounded = (value.kind === 'literal' || value.kind === 'fallback') && value.text.length > MAX_TEXT ? UNKNOWN : value;
  if (!cutOff) cache.set(node, bounded);
  return bounded;
}

function evaluateNode(file: FileFacts, node: Node, w: Walk): Value {
  switch (node.type) {
    case T.Literal:
      return typeof node.value === 'string' ? { kind: 'literal', text: node.value, node } : UNKNOWN;
    case T.TemplateLiteral:
      return template(file, node, w);
    case T.BinaryExpression:
      return node.operator === '+' ? concat(file, node, w) : UNKNOWN;
    case T.Identifier: {
      const init = bindingValue(file, node, w);
      if (init) return evaluate(file, init, w);
      const dflt = parameterDefault(file, node);
      if (dflt) {
        const v = evaluate(file, dflt, w);
        if (v.kind === 'literal') return { kind: 'fallback', name: null, text: v.text, node: v.node, literal: v.node };
        return v.kind === 'fallback' ? v : UNKNOWN;
      }
      return UNKNOWN;
    }
    case T.MemberExpression: {
      const env = envName(file, node);
      if (env !== undefined) return { kind: 'env', name: env, node };
      const key = staticKey(node);
      if (key === null) return UNKNOWN;
      const found = lookup(file, node.object, key, w);
      return found.kind === 'found' ? evaluate(file, found.value, w) : UNKNOWN;
    }
    case T.LogicalExpression:
      return logical(file, node, w);
    case T.ConditionalExpression:
      return conditional(file, node, w);
    case T.CallExpression:
      return call(file, node, w);
    case T.AssignmentExpression:
      return node.operator === '=' ? evaluate(file, node.right, w) : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function template(file: FileFacts, node: TSESTree.TemplateLiteral, w: Walk): Value {
  let text = node.quasis[0]?.value.cooked ?? '';
  for (let i = 0; i < node.expressions.length; i++) {
    const part = evaluate(file, node.expressions[i]!, w);
    if (part.kind !== 'literal') return UNKNOWN;
    text += part.text + (node.quasis[i + 1]?.value.cooked ?? '');
  }
  return { kind: 'literal', text, node };
}

function concat(file: FileFacts, node: TSESTree.BinaryExpression, w: Walk): Value {
  let text = '';
  for (const part of concatOperands(node)) {
    const p = unwrap(part);
    if (p.type === T.Literal && typeof p.value === 'number') {
      text += String(p.value);
      continue;
    }
    const v = evaluate(file, p, w);
    if (v.kind !== 'literal') return UNKNOWN;
    text += v.text;
  }
  return { kind: 'literal', text, node };
}

function logical(file: FileFacts, node: TSESTree.LogicalExpression, w: Walk): Value {
  if (node.operator === '&&') return UNKNOWN;
  const left = evaluate(file, node.left, w);
  if (left.kind === 'literal' && (node.operator === '??' || left.text !== '')) return left;
  if (left.kind === 'fallback') return left;
  const right = evaluate(file, node.right, w);
  if (right.kind === 'literal' && right.text !== '') {
    return { kind: 'fallback', name: left.kind === 'env' ? left.name : null, text: right.text, node, literal: right.node };
  }
  if (right.kind === 'fallback') return { ...right, name: left.kind === 'env' ? left.name : right.name, node };
  if (left.kind === 'env') return left;
  return UNKNOWN;
}

function conditional(file: FileFacts, node: TSESTree.ConditionalExpression, w: Walk): Value {
  const yes = evaluate(file, node.consequent, w);
  const no = evaluate(file, node.alternate, w);
  if (yes.kind === 'literal' && no.kind === 'literal') return yes.text !== '' ? yes : no;
  const lit = yes.kind === 'literal' && yes.text !== '' ? yes : no.kind === 'literal' && no.text !== '' ? no : null;
  const other = lit === yes ? no : yes;
  if (lit) return { kind: 'fallback', name: other.kind === 'env' ? other.name : null, text: lit.text, node, literal: lit.node };
  if (yes.kind === 'fallback') return yes;
  if (no.kind === 'fallback') return no;
  if (yes.kind === 'env') return yes;
  if (no.kind === 'env') return no;
  return UNKNOWN;
}

function call(file: FileFacts, node: TSESTree.CallExpression, w: Walk): Value {
  const callee = unwrap(node.callee);
  const first = node.arguments[0];
  // Buffer.from('x'), new TextEncoder().encode('x'), String(x)
  if (callee.type === T.MemberExpression && first && first.type !== T.SpreadElement) {
    const key = staticKey(callee);
    const obj = unwrap(callee.object);
    const isBufferFrom = key === 'from' && obj.type === T.Identifier && obj.name === 'Buffer';
    const isEncode = key === 'encode' && obj.type === T.NewExpression && unwrap(obj.callee).type === T.Identifier && (unwrap(obj.callee) as TSESTree.Identifier).name === 'TextEncoder';
    if (isBufferFrom || isEncode) {
      return evaluate(file, first, w);
    }
    // Deno.env.get('X')
    if (key === 'get' && isDenoEnv(callee.object)) {
      const name = stringOf(first);
      return { kind: 'env', name, node };
    }
  }
  if (callee.type === T.Identifier && callee.name === 'String' && first && first.type !== T.SpreadElement && file.isGlobal(callee)) {
    return evaluate(file, first, w);
  }
  // A local helper that returns a literal: function secret() { return 'x' }
  if (callee.type === T.Identifier) {
    const returned = returnedExpression(file, callee, w);
    if (returned) {
      const v = evaluate(file, returned, w);
      if (v.kind === 'literal' || v.kind === 'fallback') return v;
    }
  }
  return UNKNOWN;
}

function isDenoEnv(node: Node): boolean {
  const n = unwrap(node);
  return n.type === T.MemberExpression && staticKey(n) === 'env' && unwrap(n.object).type === T.Identifier && (unwrap(n.object) as TSESTree.Identifier).name === 'Deno';
}

/**
 * `process.env.X` → 'X', `process.env[name]` → null, not an env read → undefined.
 * Also `import.meta.env.X` and `Bun.env.X`.
 */
export function envName(file: FileFacts, node: Node): string | null | undefined {
  const n = unwrap(node);
  if (n.type !== T.MemberExpression) return undefined;
  const obj = unwrap(n.object);
  if (obj.type !== T.MemberExpression || staticKey(obj) !== 'env') return undefined;
  const base = unwrap(obj.object);
  const isEnvBase =
    (base.type === T.Identifier && (base.name === 'process' || base.name === 'Bun') && file.isGlobal(base))
    || (base.type === T.MetaProperty && base.meta.name === 'import');
  if (!isEnvBase) return undefined;
  return staticKey(n);
}
