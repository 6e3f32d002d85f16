import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import path from 'node:path';
import { CHECK_TEST_FILES_OPTION, createRule } from '../src/create-rule.js';
import type { FileFacts } from '../src/core/file.js';
import { getFile, memo } from '../src/core/file.js';
import { staticKey, unwrap } from '../src/core/ast.js';
import type { ModuleRef } from '../src/core/modules.js';
import { moduleMatches, resolveRef } from '../src/core/modules.js';
import { arrayElements, dereference, getPropertyPath } from '../src/core/values.js';
import { words } from '../src/core/names.js';
import { nestGlobalThrottler } from '../src/core/packages.js';
import {
  appliedMiddleware,
  fullPath,
  functionOf,
  getRouteTable,
  nodesIn,
  type Route,
} from '../src/core/routes.js';
import {
  LIMITER_FIX,
  LIMITER_WORD_PAIRS,
  LIMITER_WORDS,
  RATE_LIMITERS,
  type LimiterRole,
} from '../src/models/rate-limiters.js';

export type MessageId = 'unlimited';
export type Options = [{ checkTestFiles?: boolean }];

type Node = TSESTree.Node;

// ---------------------------------------------------------------------------
// Which routes check credentials

/** Words of a path or handler name that say the route takes credentials. */
const CREDENTIAL_WORDS = new Set([
  'login', 'signin', 'logon', 'authenticate', 'authentication', 'auth', 'authn', 'token', 'tokens',
  'forgot', 'forgotten', 'reset', 'recover', 'recovery', 'password', 'passwd', 'otp', 'totp', 'mfa', '2fa', 'twofactor',
  'passcode', 'magic', 'magiclink', 'passwordless',
]);
const CREDENTIAL_PAIRS: readonly (readonly [string, string])[] = [
  ['sign', 'in'], ['log', 'in'], ['two', 'factor'], ['one', 'time'], ['verify', 'code'],
];
/** Words that make a route about something else even under `/auth`. */
const NOT_CREDENTIAL_WORDS = new Set([
  'logout', 'logoff', 'signout', 'register', 'registration', 'signup', 'me', 'profile', 'whoami', 'status',
  'refresh', 'providers', 'csrf', 'jwks', 'callback', 'config', 'health',
]);
const NOT_CREDENTIAL_PAIRS: readonly (readonly [string, string])[] = [['sign', 'out'], ['log', 'out'], ['sign', 'up'], ['well', 'known']];
/** Words that make a GET route consume a credential (a magic link) rather than render a form. */
const GET_CREDENTIAL_WORDS = new Set(['magic', 'magiclink', 'passwordless']);
/** Session routes count only when they create one. */
const SESSION_WORDS = new Set(['session', 'sessions']);
const RENDER_METHODS = new Set(['render', 'sendFile', 'view', 'html']);

function hasPair(w: readonly string[], pairs: readonly (readonly [string, string])[]): boolean {
  return pairs.some(([a, b]) => w.some((x, i) => x === a && w[i + 1] === b));
}

/** Path words without route parameters (`:token`, `{id}`, `[slug]`). */
function pathWords(p: string | null): string[] {
  if (!p) return [];
  return p
    .split(/[/ ]/)
    .filter((segment) => segment && !segment.startsWith(':') && !/^[{[(].*[}\])]$/.test(segment) && segment !== '*')
    .flatMap((segment) => [...words(segment)]);
}

function credentialWords(w: readonly string[]): boolean {
  return w.some((x) => CREDENTIAL_WORDS.has(x)) || hasPair(w, CREDENTIAL_PAIRS);
}

function excludedWords(w: readonly string[]): boolean {
  return w.some((x) => NOT_CREDENTIAL_WORDS.has(x)) || hasPair(w, NOT_CREDENTIAL_PAIRS);
}

/** A GET handler that only renders a page (`res.render('login')`, `c.html(...)`). */
function rendersOnly(file: FileFacts, route: Route): boolean {
  const fn = route.handlerFunction;
  if (!fn) return route.handler === null;
  const calls = nodesIn(file, fn, T.CallExpression);
  return calls.some((call) => {
    const callee = unwrap(call.callee);
    return callee.type === T.MemberExpression && RENDER_METHODS.has(staticKey(callee) ?? '');
  });
}

function passportAuthenticate(file: FileFacts, node: Node | null): boolean {
  if (!node || node.type === T.SpreadElement) return false;
  const ref = resolveRef(file, node);
  return !!ref && ref.module === 'passport' && ref.path[0] === 'authenticate';
}

function isCredentialRoute(file: FileFacts, route: Route): boolean {
  const method = route.method;
  if (method === 'delete' || method === 'del' || method === 'head' || method === 'options') return false;
  const own = [...pathWords(route.path), ...(route.handlerName ? words(route.handlerName) : [])];
  if (excludedWords(own)) return false;
  let all = [...pathWords(route.prefix), ...own];
  const ownPath = pathWords(route.path);
  if (ownPath.length === 0 && route.prefix === null && !credentialWords(all)) {
    // router.post('/', handler) in routes/login.js: the file says what the router is mounted for.
    const base = path.basename(file.filename).replace(/\.[^.]+$/, '');
    const fileWords = words(base === 'index' || base === 'route' ? path.basename(path.dirname(file.filename)) : base);
    if (!excludedWords(fileWords)) all = [...all, ...fileWords];
  }
  if (method === 'get') {
    return all.some((x) => GET_CREDENTIAL_WORDS.has(x)) && !rendersOnly(file, route);
  }
  if (credentialWords(all)) return true;
  if (all.some((x) => SESSION_WORDS.has(x)) && method !== 'patch') return true;
  return passportAuthenticate(file, route.handler) || route.middleware.some((m) => passportAuthenticate(file, m));
}

// ---------------------------------------------------------------------------
// Which expressions are limiters

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

function isLimiterName(name: string | null): boolean {
  if (!name) return false;
  const w = words(name);
  return w.some((x) => LIMITER_WORDS.includes(x)) || hasPair(w, LIMITER_WORD_PAIRS);
}

/** Names along an expression's callee / member chain: `fastify.rateLimit()` → [rateLimit, fastify]. */
function chainNames(raw: Node): string[] {
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
function functionLimits(file: FileFacts, fn: Node, depth = 0): boolean {
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
  const fn = functionOf(file, call.callee);
  return !!fn && functionLimits(file, fn, depth);
}

/** A middleware expression that limits: a known library's middleware, a limiter-named value, or a local function that checks a limit. */
function isLimiter(file: FileFacts, raw: Node): boolean {
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
function optionsLimit(file: FileFacts, options: Node | null): boolean | null {
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
function globalPlugin(file: FileFacts, plugin: Node, options: Node | null): boolean {
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

interface NestDecorator {
  readonly role: LimiterRole | 'guards' | null;
  readonly call: TSESTree.CallExpression | null;
}

function nestDecorator(file: FileFacts, decorator: TSESTree.Decorator): NestDecorator {
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

function isThrottlerGuard(file: FileFacts, node: Node): boolean {
  if (node.type === T.SpreadElement) return false;
  const n = unwrap(node);
  const target = n.type === T.NewExpression ? n.callee : n;
  return limiterRole(resolveRef(file, target)) === 'guard' || chainNames(target).some(isLimiterName);
}

/** `@SkipThrottle()` (or `@SkipThrottle({ default: true })`) turns throttling off; `@SkipThrottle({ default: false })` does not. */
function skipsThrottle(file: FileFacts, call: TSESTree.CallExpression | null): boolean {
  const arg = call?.arguments[0];
  if (!arg) return true;
  const found = getPropertyPath(file, arg, ['default']);
  if (found.kind !== 'found') return true;
  const value = unwrap(found.value);
  return !(value.type === T.Literal && value.value === false);
}

function nestLimit(file: FileFacts, route: Route): boolean | null {
  let limited: boolean | null = null;
  for (const decorators of [route.decorators, route.classDecorators]) {
    for (const d of decorators) {
      const info = nestDecorator(file, d);
      if (info.role === 'skip' && skipsThrottle(file, info.call)) return false;
      if (info.role === 'decorator') limited = true;
      if (info.role === 'guards' && info.call?.arguments.some((a) => isThrottlerGuard(file, a))) limited = true;
    }
  }
  return limited;
}

// ---------------------------------------------------------------------------

function describeRoute(route: Route): string {
  const method = route.method === 'any' ? 'ANY' : route.method === 'del' ? 'DELETE' : route.method.toUpperCase();
  const where = fullPath(route);
  const handler = route.handlerName && pathWords(where).length === 0 ? ` (${route.handlerName})` : '';
  return `${method} ${where ?? ''}${handler}`.trim();
}

export default createRule<Options, MessageId>({
  name: 'login-rate-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a rate limiter on routes that check credentials (login, token, password reset, OTP)',
      category: 'rate-limit',
      recommended: 'recommended',
    },
    messages: {
      unlimited:
        '`{{route}}` checks credentials but no rate limiter covers it (not on the route, its router or the app in this file): an attacker can guess passwords, reset codes or OTPs, or stuff leaked credentials, as fast as the server answers. To fix, {{fix}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkTestFiles: CHECK_TEST_FILES_OPTION,
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkTestFiles: false }],
  },
  defaultOptions: [{ checkTestFiles: false }],
  create(context, [options]) {
    const file = getFile(context);
    if (file.isTest && !options.checkTestFiles) return {};
    /** Nest: a `ThrottlerModule` or an `APP_GUARD` throttler provider in this file throttles everything it declares. */
    let fileThrottled = false;

    function isLimited(route: Route): boolean {
      const explicit = optionsLimit(file, route.options);
      if (explicit !== null) return explicit;
      if (route.framework === 'nest') {
        const nest = nestLimit(file, route);
        if (nest !== null) return nest;
        return fileThrottled || nestGlobalThrottler(file.filename);
      }
      if (route.middleware.some((m) => isLimiter(file, m))) return true;
      // export const POST = withRateLimit(handler), router.post('/login', limited(login))
      if (route.handler && unwrap(route.handler).type === T.CallExpression && isLimiter(file, route.handler)) return true;
      if (route.handlerFunction && functionLimits(file, route.handlerFunction)) return true;
      for (const applied of appliedMiddleware(file, route)) {
        if (applied.use.kind === 'register') {
          if (globalPlugin(file, applied.middleware[0] ?? applied.use.middleware[0]!, applied.use.options)) return true;
          continue;
        }
        if (applied.middleware.some((m) => isLimiter(file, m))) return true;
      }
      return false;
    }

    return {
      CallExpression(node) {
        if (fileThrottled) return;
        const callee = unwrap(node.callee);
        if (callee.type !== T.MemberExpression || !/^(forRoot|forRootAsync)$/.test(staticKey(callee) ?? '')) return;
        const ref = resolveRef(file, callee);
        if (ref && ref.module === '@nestjs/throttler' && ref.path[0] === 'ThrottlerModule') fileThrottled = true;
      },
      Property(node) {
        if (fileThrottled || staticKey(node) !== 'useClass' || node.parent.type !== T.ObjectExpression) return;
        const provide = node.parent.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'provide');
        if (!provide) return;
        const provided = resolveRef(file, provide.value);
        const isAppGuard = (provided?.module === '@nestjs/core' && provided.path[0] === 'APP_GUARD') || chainNames(provide.value).includes('APP_GUARD');
        if (isAppGuard && isThrottlerGuard(file, node.value)) fileThrottled = true;
      },
      'Program:exit'() {
        const { routes } = getRouteTable(file);
        for (const route of routes) {
          if (!isCredentialRoute(file, route) || isLimited(route)) continue;
          context.report({
            loc: route.loc,
            messageId: 'unlimited',
            data: { route: describeRoute(route), fix: LIMITER_FIX[route.framework] },
          });
        }
      },
    };
  },
});
