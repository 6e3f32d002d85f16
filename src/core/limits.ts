/**
 * Which expressions limit request rates: a known library's middleware,
 * check, plugin, Nest decorator or guard (models/rate-limiters.ts), a value
 * named like a limiter, or a local function whose body checks a limit. Asked
 * in whichever file holds the expression (the route's file, or the file
 * that mounts its router).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { memo } from './file.js';
import { staticKey, unwrap } from './ast.js';
import type { ModuleRef } from './modules.js';
import { moduleMatches, resolveRef } from './modules.js';
import { arrayElements, dereference, getPropertyPath } from './values.js';
import { words } from './names.js';
import { functionOf, nodesIn } from './routes.js';
import { BUCKET_CHECK_METHODS, BUCKET_WORDS, LIMITER_WORD_PAIRS, LIMITER_WORDS, RATE_LIMITERS, type LimiterRole } from '../models/rate-limiters.js';

type Node = TSESTree.Node;

/** The role a resolved ref plays in a known limiter library, or null. */
function limiterRole(ref: ModuleRef | null): LimiterRole | null {
  if (!ref) return null;
  for (const model of RATE_LIMITERS) {
    if (!moduleMatches({ module: model.module, path: [] }, ref.module)) continue;
    for (const r of model.refs) {
      if (r.role === 'check') {
        const last = ref.path[ref.path.length - 1];
        if (last && r.methods?.includes(last) && ref.path.length >= 2) return 'check';
        continue;
      }
      if (r.path.length === ref.path.length && r.path.every((s, i) => ref.path[i] === s)) return r.role;
    }
  }
  return null;
}

export function hasWordPair(w: readonly string[], pairs: readonly (readonly [string, string])[]): boolean {
  return pairs.some(([a, b]) => w.some((x, i) => x === a && w[i + 1] === b));
}

function isLimiterName(name: string | null): boolean {
  if (!name) return false;
  const w = words(name);
  return w.some((x) => LIMITER_WORDS.includes(x)) || hasWordPair(w, LIMITER_WORD_PAIRS);
}

/** Names along an expression's callee / member chain: `fastify.rateLimit()` → [rateLimit, fastify]. */
export function chainNames(raw: Node): string[] {
  const out: string[] = [];
  let node: Node = unwrap(raw);
  for (let i = 0; i < 8; i++) {
    if (node.type === T.Identifier) {
      out.push(node.name);
      break;
    }
    if (node.type === T.MemberExpression) {
      const key = staticKey(node);
      if (key) out.push(key);
      node = unwrap(node.object);
      continue;
    }
    if (node.type === T.CallExpression || node.type === T.NewExpression) {
      node = unwrap(node.callee);
      continue;
    }
    if (node.type === T.AwaitExpression) {
      node = unwrap(node.argument);
      continue;
    }
    break;
  }
  return out;
}

const LIMITING_FUNCTIONS = Symbol('limiting-functions');

/** A function in this file whose body checks a limit (a local `rateLimit(ctx, next)` around `limiter.consume`). */
export function functionLimits(file: FileFacts, fn: Node, depth = 0): boolean {
  const cache = memo(file, LIMITING_FUNCTIONS, () => new Map<Node, boolean>());
  const hit = cache.get(fn);
  if (hit !== undefined) return hit;
  cache.set(fn, false); // cycles
  const result = depth < 3 && nodesIn(file, fn, T.CallExpression).some((call) => isLimiterCall(file, call, depth + 1));
  cache.set(fn, result);
  return result;
}

/** A call that checks a limit: `limiter.consume(ip)`, `ratelimit.limit(id)`, `checkRateLimit(req)`, or a local function that does. */
function isLimiterCall(file: FileFacts, call: TSESTree.CallExpression, depth = 0): boolean {
  const role = limiterRole(resolveRef(file, call.callee));
  if (role === 'check' || role === 'middleware') return true;
  if (chainNames(call.callee).some(isLimiterName)) return true;
  if (isBucketCheck(call)) return true;
  const fn = functionOf(file, call.callee);
  return !!fn && functionLimits(file, fn, depth);
}

/** `totpBucket.check(id, 1)`, `loginBucket.consume(ip, 1)`: a hand-written token bucket. */
function isBucketCheck(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || !BUCKET_CHECK_METHODS.includes(staticKey(callee) ?? '')) return false;
  const names = chainNames(callee.object);
  return names.length > 0 && words(names[0]!).some((w) => BUCKET_WORDS.includes(w));
}

/** A middleware expression that limits: a known library's middleware, a limiter-named value, or a local function that checks a limit. */
export function isLimiter(file: FileFacts, raw: Node): boolean {
  if (raw.type === T.SpreadElement) {
    const elements = arrayElements(file, raw.argument);
    return elements ? elements.some((e) => isLimiter(file, e)) : true;
  }
  const node = unwrap(raw);
  if (node.type === T.ArrayExpression) return node.elements.some((e) => !!e && isLimiter(file, e));
  const role = limiterRole(resolveRef(file, node));
  if (role === 'middleware' || role === 'check') return true;
  if (chainNames(node).some(isLimiterName)) return true;
  const target = dereference(file, node);
  if (target !== node && target.type === T.ArrayExpression) return target.elements.some((e) => !!e && isLimiter(file, e));
  const fn = functionOf(file, node);
  return !!fn && functionLimits(file, fn);
}

/** fastify route options: `config: { rateLimit }` (false turns it off), or a limiter in `onRequest` / `preHandler`. */
export function optionsLimit(file: FileFacts, options: Node | null): boolean | null {
  if (!options) return null;
  const config = getPropertyPath(file, options, ['config', 'rateLimit']);
  if (config.kind === 'found') {
    const value = unwrap(config.value);
    return !(value.type === T.Literal && value.value === false);
  }
  for (const hook of ['onRequest', 'preHandler', 'preValidation', 'preParsing']) {
    const found = getPropertyPath(file, options, [hook]);
    if (found.kind === 'found' && isLimiter(file, found.value)) return true;
  }
  return null;
}

/** A fastify rate-limit plugin registration that applies to every route (not `global: false`). */
export function globalPlugin(file: FileFacts, plugin: Node, options: Node | null): boolean {
  const ref = resolveRef(file, plugin);
  const isRateLimit = (ref && limiterRole(ref.path[ref.path.length - 1] === 'default' ? { module: ref.module, path: [] } : ref) === 'plugin') || chainNames(plugin).some(isLimiterName);
  if (!isRateLimit) return false;
  if (!options || options.type === T.SpreadElement) return true;
  const global = getPropertyPath(file, options, ['global']);
  if (global.kind !== 'found') return true;
  const value = unwrap(global.value);
  return !(value.type === T.Literal && value.value === false);
}

// ---------------------------------------------------------------------------
// Nest

export interface NestDecorator {
  readonly role: LimiterRole | 'guards' | null;
  readonly call: TSESTree.CallExpression | null;
}

export function nestDecorator(file: FileFacts, decorator: TSESTree.Decorator): NestDecorator {
  const expr = unwrap(decorator.expression);
  const call = expr.type === T.CallExpression ? expr : null;
  const ref = resolveRef(file, call ? call.callee : expr);
  if (ref?.module === '@nestjs/common' && ref.path[0] === 'UseGuards') return { role: 'guards', call };
  const role = limiterRole(call ? (ref ? { module: ref.module, path: [...ref.path, '()'] } : null) : ref);
  if (role) return { role, call };
  const names = chainNames(call ? call.callee : expr);
  if (names.includes('UseGuards')) return { role: 'guards', call };
  if (names.some((n) => /^SkipThrottle$/.test(n))) return { role: 'skip', call };
  if (names.some(isLimiterName)) return { role: 'decorator', call };
  return { role: null, call };
}

export function isThrottlerGuard(file: FileFacts, node: Node): boolean {
  if (node.type === T.SpreadElement) return false;
  const n = unwrap(node);
  const target = n.type === T.NewExpression ? n.callee : n;
  return limiterRole(resolveRef(file, target)) === 'guard' || chainNames(target).some(isLimiterName);
}

/**
 * The throttler names a `@SkipThrottle(...)` turns off: `default` for
 * `@SkipThrottle()` (its parameter defaults to `{ default: true }`), else the
 * keys set to true (`{ short: true }`); null when the argument cannot be read.
 */
export function skippedThrottlers(file: FileFacts, call: TSESTree.CallExpression | null): ReadonlySet<string> | null {
  const arg = call?.arguments[0];
  if (!arg) return new Set(['default']); // SkipThrottle(skip = { default: true })
  if (arg.type === T.SpreadElement) return null;
  const obj = dereference(file, arg);
  if (obj.type !== T.ObjectExpression) return null;
  const out = new Set<string>();
  for (const prop of obj.properties) {
    if (prop.type !== T.Property) return null;
    const key = staticKey(prop);
    if (key === null) return null;
    const value = unwrap(prop.value as Node);
    if (value.type === T.Literal && value.value === false) continue;
    if (value.type === T.Literal && value.value === true) out.add(key);
    else return null;
  }
  return out;
}
