/**
 * Where predictable randomness comes from and where it goes: `Math.random()`
 * itself, generators seeded with it (a closure, a class instance, a module
 * variable or a seedable PRNG library), and the functions whose return value
 * is built on either (`randStr()`, `randomValue(32)` in a utils module).
 *
 * {@link predictableFlow} is `flowsInto` plus the state a generator keeps:
 *
 *   const rand = mulberry32(Math.random() * 2 ** 32)   the seed enters a parameter,
 *   function mulberry32(a) { return () => … a … }     the returned closure's value
 *   rand()                                            is predictable at each call;
 *   new Xorshift(seed) → this.state → next()          a class field read by a method;
 *   prand.xoroshiro128plus(seed) → rng                a library generator, and the
 *   prand.unsafeUniformIntDistribution(a, b, rng)     module calls that draw from it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { memo } from './file.js';
import { staticKey, unwrap } from './ast.js';
import { flowsInto, localFunction, type Destination } from './flow.js';
import { resolveRef } from './modules.js';
import { nodesIn } from './routes.js';
import { SEEDED_PRNG_MODULES } from '../models/randomness.js';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** How many values and generators one walk follows from a `Math.random()` call. */
const MAX_STARTS = 48;
/** How many `Math.random()` calls of a file are tried as the source of a helper's value. */
const MAX_SOURCES = 24;

/** `Math.random()` on the unshadowed global `Math`. */
export function isMathRandom(file: FileFacts, node: TSESTree.CallExpression): boolean {
  const callee = unwrap(node.callee);
  if (callee.type !== T.MemberExpression || staticKey(callee) !== 'random') return false;
  const obj = unwrap(callee.object);
  return obj.type === T.Identifier && obj.name === 'Math' && file.isGlobal(obj);
}

function isFunction(node: Node | null | undefined): node is FunctionNode {
  return !!node && (node.type === T.FunctionDeclaration || node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression);
}

function isClass(node: Node | null | undefined): node is ClassNode {
  return !!node && (node.type === T.ClassDeclaration || node.type === T.ClassExpression);
}

function enclosing<N extends Node>(node: Node, test: (n: Node) => n is N): N | null {
  for (let n = node.parent; n; n = n.parent) if (test(n)) return n;
  return null;
}

/** A call of the global `Math` (`Math.imul(a, b)`, `Math.floor(x)`): its value is computed from its arguments. */
function isMathCall(file: FileFacts, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrap(call.callee);
  if (call.type !== T.CallExpression || callee.type !== T.MemberExpression) return false;
  const obj = unwrap(callee.object);
  return obj.type === T.Identifier && obj.name === 'Math' && file.isGlobal(obj);
}

/** A call into a seedable PRNG library (see models/randomness.ts). */
function isPrngCall(file: FileFacts, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const ref = resolveRef(file, call.callee);
  return !!ref && SEEDED_PRNG_MODULES.includes(ref.module);
}

/** The class a `new C(…)` callee names in this file, if it is declared here. */
function localClass(file: FileFacts, callee: Node): ClassNode | null {
  const c = unwrap(callee);
  if (isClass(c)) return c;
  if (c.type !== T.Identifier) return null;
  const def = file.variableOf(c)?.defs[0];
  if (!def) return null;
  if (isClass(def.node)) return def.node;
  if (def.node.type === T.VariableDeclarator && def.node.init && isClass(unwrap(def.node.init))) return unwrap(def.node.init) as ClassNode;
  return null;
}

function constructorOf(cls: ClassNode): FunctionNode | null {
  for (const m of cls.body.body) {
    if (m.type === T.MethodDefinition && m.kind === 'constructor' && m.value.type === T.FunctionExpression) return m.value;
  }
  return null;
}

/** The variable a parameter binds (`a`, `a = 1`), if it is a plain name. */
function parameterVariable(file: FileFacts, fn: FunctionNode, index: number): TSESLint.Scope.Variable | null {
  let param: Node | undefined = fn.params[index];
  if (param?.type === T.TSParameterProperty) param = param.parameter;
  if (param?.type === T.AssignmentPattern) param = param.left;
  return param?.type === T.Identifier ? file.variableOf(param) : null;
}

/** The variable a function can be called through here (`function f`, `const f = () => …`). */
function functionVariable(file: FileFacts, fn: FunctionNode): TSESLint.Scope.Variable | null {
  if (fn.type === T.FunctionDeclaration && fn.id) return file.variableOf(fn.id);
  const parent = fn.parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return file.variableOf(parent.id);
  return null;
}

/** The function `node` is the value of: `return node`, or the body of an arrow. */
export function returnedFrom(node: Node): FunctionNode | null {
  const parent = node.parent;
  if (parent?.type === T.ReturnStatement) return enclosing(parent, isFunction);
  if (parent?.type === T.ArrowFunctionExpression && parent.body === node) return parent;
  return null;
}

/** Reads of `this.<field>` inside a class (not the targets of a plain assignment). */
function fieldReads(file: FileFacts, cls: ClassNode, field: string): TSESTree.MemberExpression[] {
  return nodesIn(file, cls.body, T.MemberExpression).filter((m) => {
    if (unwrap(m.object).type !== T.ThisExpression || staticKey(m) !== field) return false;
    const p = m.parent;
    return !(p?.type === T.AssignmentExpression && p.left === m && p.operator === '=');
  });
}

/** Where the value of `node` can be read again: the reads of the binding or `this` field it is stored in. */
function readsOfStored(file: FileFacts, node: Node): Node[] {
  let child = node;
  let parent = node.parent;
  while (parent && (parent.type === T.AwaitExpression || parent.type === T.TSAsExpression || parent.type === T.TSNonNullExpression || parent.type === T.ChainExpression)) {
    child = parent;
    parent = parent.parent;
  }
  let variable: TSESLint.Scope.Variable | null = null;
  if (parent?.type === T.VariableDeclarator && parent.init === child && parent.id.type === T.Identifier) variable = file.variableOf(parent.id);
  else if (parent?.type === T.AssignmentExpression && parent.right === child && parent.operator === '=') {
    const left = unwrap(parent.left);
    if (left.type === T.Identifier) variable = file.variableOf(left);
    else if (left.type === T.MemberExpression && unwrap(left.object).type === T.ThisExpression) {
      const cls = enclosing(left, isClass);
      const key = staticKey(left);
      return cls && key ? fieldReads(file, cls, key) : [];
    }
  } else if (parent?.type === T.PropertyDefinition && parent.value === child) {
    const cls = enclosing(parent, isClass);
    const key = staticKey(parent);
    return cls && key ? fieldReads(file, cls, key) : [];
  }
  if (!variable) return [];
  return variable.references.filter((r) => r.isRead()).map((r) => r.identifier as Node);
}

/** What a generator is: calling it yields numbers, calling one of these methods does, or (a library's) any use does. */
type GeneratorKind = { readonly kind: 'call' } | { readonly kind: 'methods'; readonly methods: ReadonlySet<string> } | { readonly kind: 'library' };

/**
 * Follow a predictable value forward from `start` (a `Math.random()` call)
 * like `flowsInto`, and also through the generators it seeds; `visit` sees
 * every destination; stops (and returns true) when it returns true.
 */
export function predictableFlow(file: FileFacts, start: Node, visit: (d: Destination) => boolean): boolean {
  const starts: Node[] = [start];
  const queued = new Set<Node>(starts);
  /** The calls through which the seed entered a function or a class. */
  const entries = new Map<Node, Node[]>();
  const push = (n: Node): void => {
    if (queued.has(n) || queued.size >= MAX_STARTS) return;
    queued.add(n);
    starts.push(n);
  };
  const enter = (owner: Node, call: Node): void => {
    const list = entries.get(owner) ?? [];
    if (!list.includes(call)) list.push(call);
    entries.set(owner, list);
  };

  /** The uses of a generator whose value is a drawn number. */
  const draw = (generator: Node, how: GeneratorKind): void => {
    const direct = generator.parent;
    if (how.kind !== 'methods' && direct?.type === T.CallExpression && direct.callee === generator) push(direct);
    for (const read of readsOfStored(file, generator)) {
      const p = read.parent;
      if (p?.type === T.CallExpression && p.callee === read && how.kind !== 'methods') push(p);
      else if (p?.type === T.MemberExpression && p.object === read && p.parent?.type === T.CallExpression && p.parent.callee === p) {
        const method = staticKey(p);
        if (how.kind === 'library' || (how.kind === 'methods' && method && how.methods.has(method))) push(p.parent);
      } else if (how.kind === 'library' && (p?.type === T.CallExpression || p?.type === T.NewExpression) && p.arguments.includes(read as TSESTree.CallExpressionArgument) && isPrngCall(file, p)) {
        // `prand.unsafeUniformIntDistribution(a, b, rng)`, `new Random(engine)`: a number, or a generator over the same state
        push(p);
        if (!queued.has(p.parent as Node)) draw(p, how);
      }
    }
  };

  const enterCall = (call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): void => {
    if (isMathCall(file, call)) {
      push(call);
      return;
    }
    const fn = call.type === T.CallExpression ? localFunction(file, call.callee) : null;
    const cls = call.type === T.NewExpression ? localClass(file, call.callee) : null;
    const target = fn ?? (cls ? constructorOf(cls) : null);
    if (target) {
      const variable = parameterVariable(file, target, index);
      if (!variable) return;
      enter(fn ?? cls!, call);
      for (const r of variable.references) if (r.isRead()) push(r.identifier);
      return;
    }
    if (isPrngCall(file, call)) draw(call, { kind: 'library' });
  };

  /** A value stored in a class field (`this.state = seed`, `state = seed`): every read of the field in the class. */
  const enterState = (node: Node): void => {
    const member = node.type === T.MemberExpression && unwrap(node.object).type === T.ThisExpression ? node : null;
    const field = member ? staticKey(member) : node.parent?.type === T.PropertyDefinition && node.parent.key === node ? staticKey(node.parent) : null;
    const cls = field ? enclosing(node, isClass) : null;
    if (cls && field) for (const read of fieldReads(file, cls, field)) push(read);
  };

  /** Calls of `fn` here: those the seed entered through, else every call. */
  const callsOf = (fn: FunctionNode): Node[] => {
    const entered = entries.get(fn);
    if (entered) return entered;
    const variable = functionVariable(file, fn);
    return (variable?.references ?? []).flatMap((r) => {
      const p = r.identifier.parent;
      return p?.type === T.CallExpression && p.callee === r.identifier ? [p] : [];
    });
  };

  /** A function returned a predictable value: when nothing calls it by name, find the generator it belongs to. */
  const leaveFunction = (fn: FunctionNode): void => {
    const parent = fn.parent;
    // a method of a class: the instances built with the seed (or every instance when the class seeds itself)
    if (parent?.type === T.MethodDefinition && parent.kind === 'method') {
      const cls = enclosing(parent, isClass);
      const method = staticKey(parent);
      if (!cls || !method) return;
      for (const instance of entries.get(cls) ?? instancesOf(file, cls)) draw(instance, { kind: 'methods', methods: new Set([method]) });
      return;
    }
    if (functionVariable(file, fn)) return; // flowsInto follows its calls
    // a closure returned by a factory: `const rand = mulberry32(seed); rand()`
    const factory = returnedFrom(fn);
    if (factory) {
      for (const call of callsOf(factory)) draw(call, { kind: 'call' });
      return;
    }
    // a method of an object a factory returns: `const gen = lcg(seed); gen.next()`
    if (parent?.type === T.Property && parent.value === fn && parent.parent.type === T.ObjectExpression) {
      const owner = returnedFrom(parent.parent);
      const method = staticKey(parent);
      if (owner && method) for (const call of callsOf(owner)) draw(call, { kind: 'methods', methods: new Set([method]) });
    }
  };

  for (let i = 0; i < starts.length; i++) {
    const found = flowsInto(file, starts[i]!, (d) => {
      if (visit(d)) return true;
      if (d.kind === 'argument') enterCall(d.call, d.index);
      else if (d.kind === 'named') enterState(d.node);
      else leaveFunction(d.fn);
      return false;
    });
    if (found) return true;
  }
  return false;
}

/** `new C(…)` of a class declared here. */
function instancesOf(file: FileFacts, cls: ClassNode): Node[] {
  // a class declaration binds its name twice (around it and inside it): the instances are made through either
  const declarator = cls.parent?.type === T.VariableDeclarator ? cls.parent : null;
  const variables = [...file.sourceCode.getDeclaredVariables(cls), ...(declarator ? file.sourceCode.getDeclaredVariables(declarator) : [])];
  return variables.flatMap((v) => v.references).flatMap((r) => {
    const p = r.identifier.parent;
    return p?.type === T.NewExpression && p.callee === r.identifier ? [p] : [];
  });
}

const RANDOM_CALLS = Symbol('randomness.calls');

/** Every `Math.random()` call of the file. */
function mathRandomCalls(file: FileFacts): TSESTree.CallExpression[] {
  return memo(file, RANDOM_CALLS, () => nodesIn(file, file.sourceCode.ast, T.CallExpression).filter((c) => isMathRandom(file, c)));
}

const RETURNS_RANDOM = new WeakMap<TSESTree.Node, TSESTree.CallExpression | null>();

/**
 * The `Math.random()` call whose value `fn` returns (directly, through a
 * helper of the same file, or through a generator it seeds), or null. Cached
 * per function node: a new parse of the file is a new node.
 */
export function randomReturnedBy(file: FileFacts, fn: TSESTree.FunctionLike): TSESTree.CallExpression | null {
  if (!isFunction(fn)) return null;
  if (RETURNS_RANDOM.has(fn)) return RETURNS_RANDOM.get(fn)!;
  RETURNS_RANDOM.set(fn, null); // recursion guard
  const all = mathRandomCalls(file);
  const inside = all.filter((c) => c.range[0] >= fn.range[0] && c.range[1] <= fn.range[1]);
  const sources = [...inside, ...all.filter((c) => !inside.includes(c))].slice(0, MAX_SOURCES);
  const found = sources.find((call) => predictableFlow(file, call, (d) => d.kind === 'returned' && d.fn === fn)) ?? null;
  RETURNS_RANDOM.set(fn, found);
  return found;
}
