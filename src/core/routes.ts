/**
 * Route knowledge, per file: which calls, decorators and exports register an
 * HTTP route, with their method, path, middleware, options and handler, and
 * which middleware is applied to a route through its router or app.
 *
 *   express / Router   app.post('/login', mw, handler)   router.route('/x').post(h)   app.use('/auth', mw, router)
 *   koa-router         router.post('/login', mw, handler)   app.use(router.routes())
 *   fastify            app.post('/login', { config }, handler)   app.route({ method, url, handler })   app.register(plugin, opts)
 *   hono               app.post('/login', mw, handler)   app.on('POST', '/login', h)   app.route('/auth', sub)   app.use('*', mw)
 *   Nest               @Controller('auth') … @Post('login') login() {}
 *   Next.js            export async function POST() {} in app/…/route.ts; export default handler in pages/api/…
 *
 * A route's owner (the app, router or fastify instance it is registered on)
 * is identified by its variable, so `router.use(mw)` and `app.use('/auth',
 * mw, router)` reach the router's routes. Receivers that core/modules.ts
 * cannot resolve (a router passed in as a parameter, an app imported from
 * another file) are recognised by their type annotation or name, and only
 * when the call has a route's shape.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { memo } from './file.js';
import { enclosingClass, enclosingFunction, staticKey, stringOf, unwrap } from './ast.js';
import type { ModuleRef } from './modules.js';
import { resolveRef } from './modules.js';
import { arrayElements, dereference, resolveValue } from './values.js';
import { words } from './names.js';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

import type { RouteFramework } from '../models/frameworks.js';

export type { RouteFramework };

/** The app, router or instance routes are registered on: its variable, or its source text when it has none. */
export type OwnerKey = object | string;

export interface Owner {
  readonly key: OwnerKey;
  readonly framework: RouteFramework;
}

export interface Route {
  readonly framework: RouteFramework;
  /** Lower-case HTTP method (`post`, `get`, `all`); `any` for handlers that take every method (Next pages/api). */
  readonly method: string;
  /** The route's own path (`/login`, `/reset/:token`), null when it is not a literal. */
  readonly path: string | null;
  /** A path prefix known from where the route is declared (Nest `@Controller('auth')`, Next's file path). */
  readonly prefix: string | null;
  readonly owner: Owner | null;
  /** The registration: the call, the Nest route decorator, or the exported Next handler. */
  readonly node: Node;
  /** Where a report about the registration goes (the method name and path, the decorator, the exported name). */
  readonly loc: TSESTree.SourceLocation;
  /** Middleware arguments before the handler (may include SpreadElements). */
  readonly middleware: readonly Node[];
  /** fastify's route options object (`{ config, preHandler, handler }`), or null. */
  readonly options: Node | null;
  /** The handler expression, and the function it is when that is in this file. */
  readonly handler: Node | null;
  readonly handlerFunction: FunctionNode | null;
  /** The handler's name (`login`, `authController.signIn` → signIn, `passport.authenticate(…)` → authenticate). */
  readonly handlerName: string | null;
  /** Nest: decorators of the method and of its controller class. */
  readonly decorators: readonly TSESTree.Decorator[];
  readonly classDecorators: readonly TSESTree.Decorator[];
  /**
   * Handlers whose own parameters carry the user's input rather than a request
   * object (a Next.js server action's `FormData`, a GraphQL resolver's `args`,
   * an auth library's `authorize(credentials)`, a socket.io event payload):
   * the indices of those parameters. Absent for request/response handlers.
   */
  readonly inputParams?: readonly number[];
}

/** `owner.use(...)`, `owner.register(plugin, opts)`, `owner.addHook('onRequest', fn)`, hono `owner.route(prefix, sub)`. */
export interface Use {
  readonly kind: 'use' | 'register' | 'hook' | 'mount';
  readonly owner: Owner;
  readonly node: TSESTree.CallExpression;
  /** Path prefixes the use is limited to; null for every path. */
  readonly prefixes: readonly string[] | null;
  /** The middleware / plugin arguments (everything but the path and the options). */
  readonly middleware: readonly Node[];
  /** A router or plugin instance mounted by this call, and its index in `middleware`. */
  readonly child: Owner | null;
  readonly childIndex: number;
  /** fastify's register options. */
  readonly options: Node | null;
}

export interface RouteTable {
  readonly routes: readonly Route[];
  readonly uses: readonly Use[];
  /** Handler function → its route. */
  readonly handlers: ReadonlyMap<Node, Route>;
}

/** Middleware applied to a route through its owner: the use call and the arguments of it that reach the route. */
export interface AppliedMiddleware {
  readonly use: Use;
  readonly middleware: readonly Node[];
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'any', 'search']);
const HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler']);
const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Search']);
const OWNER_WORDS = new Set(['app', 'router', 'routes', 'route', 'server', 'fastify', 'api', 'instance', 'application', 'hono']);
const ROUTE_FILE = /(?:^|\/)app\/(?:(.*)\/)?route\.[cm]?[jt]sx?$/;
const PAGES_API_FILE = /(?:^|\/)pages\/(api\/.*?)(?:\/index)?\.[cm]?[jt]sx?$/;
const TABLE = Symbol('routes');

// ---------------------------------------------------------------------------
// Owners

function frameworkOfRef(ref: ModuleRef): RouteFramework | null {
  const { module, path } = ref;
  const p = path.join('.');
  if (module === 'express') {
    if (p === '()' || p === 'default.()' || p === 'Router.()' || p === 'default.Router.()') return 'express';
    return null;
  }
  if (module === 'koa') return p === 'new' || p === 'default.new' ? 'koa' : null;
  if (module === '@koa/router' || module === 'koa-router') {
    return p === 'new' || p === '()' || p === 'default.new' || p === 'Router.new' ? 'koa' : null;
  }
  if (module === 'fastify') {
    // Fastify(), Fastify().withTypeProvider<T>()
    const base = p.replace(/\.withTypeProvider\.\(\)$/, '');
    return base === '()' || base === 'default.()' || base === 'fastify.()' || base === 'Fastify.()' ? 'fastify' : null;
  }
  if (module === 'hono' || module.startsWith('hono/') || module === '@hono/zod-openapi') {
    // new Hono(), new Hono().basePath('/api')
    if (path.length < 2 || path[1] !== 'new' || !/Hono$/.test(path[0]!)) return null;
    // new Hono().basePath('/api'), and the instance a registration chain returns: new Hono().use(l).post(…)
    const rest = path.slice(2).join('.');
    return rest === '' || /^((basePath|get|post|put|patch|delete|all|on|use|route|options)\.\(\)\.?)+$/.test(rest) ? 'hono' : null;
  }
  return null;
}

function frameworkOfType(type: TSESTree.TypeNode | undefined): RouteFramework | null {
  if (!type || type.type !== T.TSTypeReference) return null;
  const name = type.typeName.type === T.Identifier ? type.typeName.name : type.typeName.type === T.TSQualifiedName ? type.typeName.right.name : '';
  if (/^Fastify(Instance)?$/.test(name)) return 'fastify';
  if (/^(Open[Aa]PI)?Hono$/.test(name)) return 'hono';
  if (/^(Express|Application|Router|IRouter)$/.test(name)) return 'express';
  if (/^(KoaRouter)$/.test(name)) return 'koa';
  return null;
}

function nameLooksLikeOwner(name: string): boolean {
  const w = words(name);
  return w.length > 0 && OWNER_WORDS.has(w[w.length - 1]!);
}

/** Which app / router / instance an expression is, or null when it is not one. */
function ownerOf(file: FileFacts, raw: Node): Owner | null {
  const node = unwrap(raw);
  const ref = resolveRef(file, node);
  if (ref) {
    const framework = frameworkOfRef(ref);
    if (framework) return { key: keyOf(file, chainRoot(node)), framework };
    // A package we know is not a router (axios, supertest, …): not an owner.
    if (!ref.module.startsWith('.') && !ref.module.startsWith('/') && !ref.module.startsWith('@/') && !ref.module.startsWith('~/')) return null;
  }
  if (node.type === T.Identifier) {
    const variable = file.variableOf(node);
    const def = variable?.defs[0];
    if (def?.type === 'Parameter' && def.name.type === T.Identifier) {
      const typed = frameworkOfType(def.name.typeAnnotation?.typeAnnotation);
      if (typed) return { key: keyOf(file, node), framework: typed };
      const fn = def.node as Node;
      if (pluginFunctions(file).has(fn)) return { key: keyOf(file, node), framework: 'fastify' };
    }
    if (nameLooksLikeOwner(node.name)) return { key: keyOf(file, node), framework: node.name === 'fastify' ? 'fastify' : 'unknown' };
    return null;
  }
  if (node.type === T.MemberExpression && node.object.type === T.ThisExpression) {
    const key = staticKey(node);
    if (key && nameLooksLikeOwner(key)) return { key: keyOf(file, node), framework: key === 'fastify' ? 'fastify' : 'unknown' };
  }
  return null;
}

/** Registration calls that return the instance they are called on (hono's chains). */
const CHAINED = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'on', 'use', 'route', 'options']);

/** `new Hono().use(l).post(…)` → `new Hono()`, `app.use(l)` → `app`: one owner for the whole chain. */
function chainRoot(raw: Node): Node {
  let node = unwrap(raw);
  while (node.type === T.CallExpression && node.callee.type === T.MemberExpression && CHAINED.has(staticKey(node.callee) ?? '')) node = unwrap(node.callee.object);
  return node;
}

function keyOf(file: FileFacts, node: Node): OwnerKey {
  if (node.type === T.Identifier) return file.variableOf(node) ?? `global:${node.name}`;
  // each `new Hono()` is an instance of its own, whatever its text
  if (node.type === T.NewExpression) return node;
  return file.sourceCode.getText(node);
}

/** Functions passed as fastify plugins (`app.register(async (instance) => …)`): their first parameter is an instance. */
function pluginFunctions(file: FileFacts): Set<Node> {
  return memo(file, PLUGIN_FUNCTIONS, () => new Set<Node>());
}
const PLUGIN_FUNCTIONS = Symbol('plugin-functions');

// ---------------------------------------------------------------------------
// Small helpers

/** The function a handler or middleware expression is, when it is declared in this file. */
export function functionOf(file: FileFacts, raw: Node | null | undefined): FunctionNode | null {
  if (!raw) return null;
  const node = unwrap(raw);
  if (node.type === T.ArrowFunctionExpression || node.type === T.FunctionExpression || node.type === T.FunctionDeclaration) return node;
  if (node.type === T.Identifier) {
    const variable = file.variableOf(node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.node.type === T.FunctionDeclaration) return def.node;
    const target = dereference(file, node);
    if (target !== node && (target.type === T.ArrowFunctionExpression || target.type === T.FunctionExpression)) return target;
  }
  return null;
}

/** A name for a handler: `login`, `ctrl.signIn` → signIn, `asyncHandler(login)` → login, `passport.authenticate('x')` → authenticate. */
function handlerNameOf(raw: Node | null, file?: FileFacts): string | null {
  if (!raw) return null;
  const node = unwrap(raw);
  if (node.type === T.Identifier) {
    // const localStrategy = app.passport.authenticate('local', …): the strategy, as when written inline
    const target = file ? dereference(file, node) : node;
    if (target !== node && target.type === T.CallExpression && /^(authenticate|authorize)$/.test(nameOfNode(target.callee) ?? '')) return handlerNameOf(target);
    return node.name;
  }
  if (node.type === T.MemberExpression) return staticKey(node);
  if ((node.type === T.FunctionExpression || node.type === T.FunctionDeclaration) && node.id) return node.id.name;
  if (node.type === T.CallExpression) {
    const inner = node.arguments.find((a) => a.type === T.Identifier || a.type === T.MemberExpression);
    const callee = unwrap(node.callee);
    const calleeName = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? staticKey(callee) : null;
    if (inner && node.arguments.length === 1 && !/^(authenticate|authorize)$/.test(calleeName ?? '')) return handlerNameOf(inner);
    return calleeName;
  }
  return null;
}

/** A string path (`'/login'`, a const, `` `/login` ``), or the strings of an array of them joined by a space. */
function pathText(file: FileFacts, node: Node | undefined): string | null {
  if (!node || node.type === T.SpreadElement) return null;
  const direct = stringOf(node);
  if (direct !== null) return direct;
  const elements = arrayElements(file, node);
  if (elements) {
    const parts = elements.map((e) => pathText(file, e)).filter((p): p is string => p !== null);
    return parts.length ? parts.join(' ') : null;
  }
  const value = resolveValue(file, node);
  return value.kind === 'literal' ? value.text : null;
}

function isPathLike(file: FileFacts, node: Node | undefined): boolean {
  if (!node || node.type === T.SpreadElement) return false;
  const n = unwrap(node);
  if (n.type === T.Literal && 'regex' in n && n.regex) return true;
  const text = pathText(file, n);
  return text !== null && (text === '' || text.startsWith('/') || text.startsWith('*'));
}

/** `/api/*` → `/api`, `*` → '' (every path), `/auth/` → `/auth`. */
function normalizePrefix(prefix: string): string {
  return prefix.replace(/\(\.\*\)$/, '').replace(/\*+$/, '').replace(/\/+$/, '');
}

function prefixesOf(file: FileFacts, node: Node): string[] | null {
  const text = pathText(file, node);
  if (text === null) return null;
  return text.split(' ').map(normalizePrefix);
}

function underPrefix(path: string | null, prefixes: readonly string[] | null): boolean {
  if (prefixes === null || path === null) return true;
  return prefixes.some((p) => p === '' || path.split(' ').some((one) => one === p || one.startsWith(`${p}/`)));
}

/** Names that hold data, not handlers: `api.post('/login', state.credentials)` is a client call. */
const DATA_WORDS = new Set(['state', 'form', 'data', 'body', 'payload', 'credentials', 'values', 'props', 'params', 'input', 'json', 'options', 'config']);

/**
 * Could this argument be a request handler? Used only for receivers that are
 * not known apps or routers, so that client calls (`api.post('/login', body)`,
 * `api.post('/login', JSON.stringify(body))`) are not taken for routes.
 */
function isFunctionLike(file: FileFacts, raw: Node, depth = 0): boolean {
  const node = unwrap(raw);
  switch (node.type) {
    case T.ArrowFunctionExpression:
    case T.FunctionExpression:
      return true;
    case T.MemberExpression: {
      const names = [nameOfNode(node.object), staticKey(node)].filter((n): n is string => !!n);
      return !names.some((n) => words(n).some((w) => DATA_WORDS.has(w)));
    }
    case T.CallExpression: {
      // catchAsync(login), passport.authenticate('local'), controller.login.bind(controller)
      if (depth > 2) return false;
      const callee = unwrap(node.callee);
      const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? staticKey(callee) : null;
      if (name && /^(authenticate|bind|handler|wrap|asyncHandler)$|handler|async|catch|wrap/i.test(name)) return true;
      return node.arguments.some((a) => a.type !== T.SpreadElement && isFunctionLike(file, a, depth + 1));
    }
    case T.Identifier: {
      if (functionOf(file, node)) return true;
      if (words(node.name).some((w) => DATA_WORDS.has(w))) return false;
      const def = file.variableOf(node)?.defs[0];
      return def?.type === 'ImportBinding' || (def?.node.type === T.VariableDeclarator && def.node.init?.type === T.CallExpression);
    }
    default:
      return false;
  }
}

function nameOfNode(node: Node): string | null {
  const n = unwrap(node);
  if (n.type === T.Identifier) return n.name;
  if (n.type === T.MemberExpression) return staticKey(n);
  return null;
}

function isObjectArg(file: FileFacts, node: Node): boolean {
  return dereference(file, node).type === T.ObjectExpression;
}

function nodeLoc(start: Node, end: Node): TSESTree.SourceLocation {
  return { start: start.loc.start, end: end.loc.end };
}

// ---------------------------------------------------------------------------
// Collecting

interface Builder {
  readonly file: FileFacts;
  readonly routes: Route[];
  readonly uses: Use[];
}

function routeFromCall(b: Builder, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string, callArgs: readonly Node[] = call.arguments): void {
  const { file } = b;
  const property = callee.property;
  const target = unwrap(callee.object);
  // router.route('/login').post(h).get(h2)
  let chain: Node = target;
  while (chain.type === T.CallExpression) {
    const inner = unwrap(chain.callee);
    if (inner.type !== T.MemberExpression) break;
    const name = staticKey(inner);
    if (name === 'route' && chain.arguments.length === 1) {
      const owner = ownerOf(file, inner.object);
      if (!owner) return;
      const path = pathText(file, chain.arguments[0]);
      addRoute(b, call, owner, method, path, [...call.arguments], nodeLoc(property, property));
      return;
    }
    if (!name || !HTTP_METHODS.has(name)) break;
    chain = unwrap(inner.object);
  }
  const owner = ownerOf(file, target);
  if (!owner) return;
  const args = [...callArgs];
  if (method === 'on' && owner.framework !== 'fastify') {
    // hono: app.on('POST', '/login', ...handlers) / app.on(['POST', 'PUT'], …)
    const methods = pathText(file, args[0]);
    if (methods === null || !isPathLike(file, args[1])) return;
    const path = pathText(file, args[1]);
    addRoute(b, call, owner, methods.toLowerCase().split(' ')[0]!, path, args.slice(2), nodeLoc(property, args[1]!));
    return;
  }
  let index = 0;
  let path: string | null = null;
  const named = stringOf(args[0]);
  if (owner.framework === 'koa' && named !== null && !named.startsWith('/') && isPathLike(file, args[1])) {
    // koa-router named routes: router.post('login', '/login', …)
    path = pathText(file, args[1]);
    index = 2;
  } else if (isPathLike(file, args[0])) {
    path = pathText(file, args[0]);
    index = 1;
  } else if (owner.framework === 'unknown' || owner.framework === 'fastify') {
    return;
  }
  const rest = args.slice(index);
  // express settings (`app.get('env')`) and other calls without a handler
  if (rest.length === 0 || (rest.length === 1 && unwrap(rest[0]!).type === T.Literal)) return;
  if (owner.framework === 'unknown') {
    const last = rest[rest.length - 1];
    if (!last || !isFunctionLike(file, last)) {
      // fastify-style `server.route('/login', { handler })` from an instance this file cannot see
      const options = last && rest.length === 1 ? dereference(file, last) : null;
      if (!(options?.type === T.ObjectExpression && propertyValue(options, 'handler'))) return;
    }
  }
  const end = index > 0 ? args[index - 1]! : property;
  addRoute(b, call, owner, method, path, rest, nodeLoc(property, end));
}

function addRoute(b: Builder, call: TSESTree.CallExpression, owner: Owner, method: string, path: string | null, rest: Node[], loc: TSESTree.SourceLocation): void {
  const { file } = b;
  let options: Node | null = null;
  let handler: Node | null = rest.length ? rest[rest.length - 1]! : null;
  let middleware = rest.slice(0, -1);
  // fastify: (path, options, handler) or (path, { handler, … })
  if ((owner.framework === 'fastify' || owner.framework === 'unknown') && rest.length >= 1 && rest[0]!.type !== T.SpreadElement && isObjectArg(file, rest[0]!)) {
    options = rest[0]!;
    middleware = rest.slice(1, -1);
    if (rest.length === 1) {
      const obj = dereference(file, options) as TSESTree.ObjectExpression;
      handler = propertyValue(obj, 'handler');
      middleware = [];
    }
  }
  const framework = owner.framework === 'unknown' && options ? 'fastify' : owner.framework;
  const handlerFunction = functionOf(file, handler);
  b.routes.push({
    framework,
    method,
    path,
    prefix: null,
    owner: { key: owner.key, framework },
    node: call,
    loc,
    middleware,
    options,
    handler,
    handlerFunction,
    handlerName: handlerNameOf(handler, file),
    decorators: [],
    classDecorators: [],
  });
}

function propertyValue(obj: TSESTree.ObjectExpression, key: string): Node | null {
  for (const prop of obj.properties) {
    if (prop.type === T.Property && staticKey(prop) === key) return prop.value as Node;
  }
  return null;
}

/** fastify `app.route({ method: 'POST', url: '/login', config, handler })`. */
function routeFromOptions(b: Builder, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
  const { file } = b;
  const arg = call.arguments[0];
  if (!arg || call.arguments.length !== 1 || arg.type === T.SpreadElement) return;
  const obj = dereference(file, arg);
  if (obj.type !== T.ObjectExpression) return;
  const owner = ownerOf(file, callee.object);
  if (!owner) return;
  const methodNode = propertyValue(obj, 'method');
  const url = propertyValue(obj, 'url') ?? propertyValue(obj, 'path');
  if (!methodNode || !url) return;
  const method = (pathText(file, methodNode) ?? 'all').toLowerCase().split(' ')[0]!;
  const handler = propertyValue(obj, 'handler');
  b.routes.push({
    framework: 'fastify',
    method,
    path: pathText(file, url),
    prefix: null,
    owner: { key: owner.key, framework: 'fastify' },
    node: call,
    loc: nodeLoc(callee.property, callee.property),
    middleware: [],
    options: arg,
    handler,
    handlerFunction: functionOf(file, handler),
    handlerName: handlerNameOf(handler, file),
    decorators: [],
    classDecorators: [],
  });
}

function useFromCall(b: Builder, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, name: string, callArgs: readonly Node[] = call.arguments): void {
  const { file } = b;
  const owner = ownerOf(file, callee.object);
  if (!owner) return;
  const args = [...callArgs];
  if (name === 'register') {
    const plugin = args[0];
    if (!plugin) return;
    const options = args[1] ?? null;
    const fn = functionOf(file, plugin);
    let child: Owner | null = null;
    if (fn) {
      const param = fn.params[0];
      if (param?.type === T.Identifier) child = { key: file.variableOf(param) ?? `param:${param.name}`, framework: 'fastify' };
    }
    let prefixes: string[] | null = null;
    if (options && options.type !== T.SpreadElement) {
      const obj = dereference(file, options);
      const prefixNode = obj.type === T.ObjectExpression ? propertyValue(obj, 'prefix') : null;
      if (prefixNode) prefixes = prefixesOf(file, prefixNode);
    }
    b.uses.push({ kind: 'register', owner, node: call, prefixes: child ? prefixes : null, middleware: [plugin], child, childIndex: 0, options });
    return;
  }
  if (name === 'addHook') {
    const hook = stringOf(args[0]);
    if (!hook || !HOOKS.has(hook) || !args[1]) return;
    b.uses.push({ kind: 'hook', owner, node: call, prefixes: null, middleware: args.slice(1), child: null, childIndex: -1, options: null });
    return;
  }
  if (name === 'route') {
    // hono: app.route('/auth', authApp)
    if (args.length !== 2 || !isPathLike(file, args[0])) return;
    const child = ownerOf(file, args[1]!);
    b.uses.push({ kind: 'mount', owner, node: call, prefixes: prefixesOf(file, args[0]!), middleware: [args[1]!], child, childIndex: 0, options: null });
    return;
  }
  // use
  let index = 0;
  let prefixes: string[] | null = null;
  if (args[0] && args[0].type !== T.SpreadElement && (isPathLike(file, args[0]) || (arrayElements(file, args[0])?.every((e) => isPathLike(file, e)) ?? false))) {
    prefixes = prefixesOf(file, args[0]);
    index = 1;
  }
  const middleware = args.slice(index);
  let child: Owner | null = null;
  let childIndex = -1;
  middleware.forEach((arg, i) => {
    if (child || arg.type === T.SpreadElement) return;
    const mounted = mountedOwner(file, arg);
    if (mounted) {
      child = mounted;
      childIndex = i;
    }
  });
  b.uses.push({ kind: 'use', owner, node: call, prefixes, middleware, child, childIndex, options: null });
}

/** `authRouter`, koa `router.routes()` / `router.middleware()`: the router a use call mounts. */
function mountedOwner(file: FileFacts, raw: Node): Owner | null {
  const node = unwrap(raw);
  if (node.type === T.CallExpression) {
    const callee = unwrap(node.callee);
    if (callee.type === T.MemberExpression && (staticKey(callee) === 'routes' || staticKey(callee) === 'middleware')) return ownerOf(file, callee.object);
    return null;
  }
  if (node.type !== T.Identifier && node.type !== T.MemberExpression) return null;
  const owner = ownerOf(file, node);
  return owner;
}

function collectCall(b: Builder, call: TSESTree.CallExpression): void {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return;
  const name = staticKey(callee);
  // Cheap first: only a computed method (`app[r.method]`) or a registration name can register anything.
  if (!callee.computed && !(name !== null && REGISTRATION_NAMES.has(name))) return;
  const loop = loopOver(b.file, call, callee);
  if (loop) {
    // for (const r of routes) app[r.method](r.path, r.handler): one registration per entry of the literal table
    for (const element of loop.elements) {
      const sub = (n: Node): Node => substitute(b.file, n, loop.variable, element);
      const name = callee.computed ? pathText(b.file, sub(callee.property))?.toLowerCase() ?? null : staticKey(callee);
      if (!name) continue;
      const before = b.routes.length;
      collectNamed(b, call, callee, name, call.arguments.map((a) => (a.type === T.SpreadElement ? a : sub(a))));
      for (let i = before; i < b.routes.length; i++) b.routes[i] = { ...b.routes[i]!, loc: element.loc };
    }
    return;
  }
  if (!name) return;
  collectNamed(b, call, callee, name, call.arguments);
}

/** socket.io's own events and a stream's: not messages a client sends to the application. */
const SOCKET_RESERVED_EVENTS = new Set(['connect', 'connection', 'disconnect', 'disconnecting', 'error', 'close', 'end', 'data', 'drain', 'timeout', 'ready', 'finish', 'open', 'ping', 'pong', 'reconnect', 'connect_error', 'newListener', 'removeListener']);
/** Parameters of an event handler that are the acknowledgement callback, not input. */
const ACK_PARAM = /^(callback|cb|ack|done|fn|respond|reply|next)$/i;

/**
 * socket.io: `socket.on('login', async (data, callback) => …)` on a parameter named like a socket (the
 * connection handler's `socket`, a handler module's `(socket) => …`). The event's arguments are the
 * client's input; the acknowledgement callback is not.
 */
function socketEvent(b: Builder, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, args: readonly Node[]): boolean {
  const receiver = unwrap(callee.object);
  if (receiver.type !== T.Identifier || !words(receiver.name).includes('socket')) return false;
  const def = b.file.variableOf(receiver)?.defs[0];
  if (def?.type !== 'Parameter' || args.length !== 2) return false;
  // socket.on('login', …), socket.on(prefix + 'stop', …) with a constant prefix
  const event = args[0] && args[0].type !== T.SpreadElement && unwrap(args[0]).type !== T.ArrayExpression ? pathText(b.file, args[0]) : null;
  if (event === null || SOCKET_RESERVED_EVENTS.has(event)) return false;
  const handler = unwrap(args[1]!);
  if (handler.type !== T.ArrowFunctionExpression && handler.type !== T.FunctionExpression) return false;
  const inputs = paramIndices(handler, (p) => !ACK_PARAM.test(paramName(p) ?? ''));
  b.routes.push(routeOfFunction('socketio', 'post', event, null, call, args[0]!, handler, handler, event, inputs));
  return true;
}

/** Every method name `collectNamed` acts on. */
const REGISTRATION_NAMES = new Set([...HTTP_METHODS, 'on', 'route', 'use', 'register', 'addHook']);

function collectNamed(b: Builder, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, name: string, args: readonly Node[]): void {
  if (name === 'on' && socketEvent(b, call, callee, args)) return;
  if (HTTP_METHODS.has(name) || name === 'on') routeFromCall(b, call, callee, name, args);
  else if (name === 'route') {
    if (args.length === 1) routeFromOptions(b, call, callee);
    else useFromCall(b, call, callee, name, args);
  } else if (name === 'use' || name === 'register' || name === 'addHook') useFromCall(b, call, callee, name, args);
}

/** The loop a registration sits in when it reads the loop's variable: `for (const r of TABLE)` / `TABLE.forEach((r) => …)` over a literal array. */
function loopOver(file: FileFacts, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): { variable: TSESLint.Scope.Variable; elements: Node[] } | null {
  for (let current: Node | undefined = call.parent, depth = 0; current && depth < 6; current = current.parent, depth++) {
    let id: Node | null = null;
    let table: Node | null = null;
    if (current.type === T.ForOfStatement && current.left.type === T.VariableDeclaration) {
      id = current.left.declarations[0]?.id ?? null;
      table = current.right;
    } else if ((current.type === T.ArrowFunctionExpression || current.type === T.FunctionExpression) && current.parent?.type === T.CallExpression && current.parent.arguments[0] === current) {
      const outer = unwrap(current.parent.callee);
      if (outer.type === T.MemberExpression && staticKey(outer) === 'forEach') {
        id = current.params[0] ?? null;
        table = outer.object;
      }
    }
    if (!id || !table) continue;
    if (id.type !== T.Identifier) return null;
    const variable = file.variableOf(id);
    const elements = arrayElements(file, table);
    if (!variable || !elements || !elements.length || elements.length > 64) return null;
    const reads = [callee.property, ...call.arguments].some((a) => variable.references.some((r) => r.identifier.range[0] >= a.range[0] && r.identifier.range[1] <= a.range[1]));
    return reads && elements.every((e) => e.type !== T.SpreadElement) ? { variable, elements } : null;
  }
  return null;
}

/** An argument with the loop's variable replaced by one table entry: `r` → the entry, `r.path` → its `path`. */
function substitute(file: FileFacts, raw: Node, variable: TSESLint.Scope.Variable, element: Node): Node {
  const node = unwrap(raw);
  const isVar = (n: Node): boolean => n.type === T.Identifier && file.variableOf(n) === variable;
  if (isVar(node)) return element;
  if (node.type === T.MemberExpression && isVar(unwrap(node.object))) {
    const key = staticKey(node);
    const obj = dereference(file, element);
    const value = key && obj.type === T.ObjectExpression ? propertyValue(obj, key) : null;
    return value ?? node;
  }
  return node;
}

function decoratorRef(file: FileFacts, decorator: TSESTree.Decorator): { name: string; call: TSESTree.CallExpression | null } | null {
  const expr = unwrap(decorator.expression);
  const call = expr.type === T.CallExpression ? expr : null;
  const target = call ? unwrap(call.callee) : expr;
  const ref = resolveRef(file, target);
  if (ref) {
    if (ref.module !== '@nestjs/common' || ref.path.length !== 1) return null;
    return { name: ref.path[0]!, call };
  }
  return target.type === T.Identifier ? { name: target.name, call } : null;
}

function collectClass(b: Builder, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): void {
  const { file } = b;
  if (!cls.decorators?.length) return;
  let controllerPath: string | null = null;
  let isController = false;
  for (const d of cls.decorators) {
    const ref = decoratorRef(file, d);
    if (ref?.name !== 'Controller') continue;
    isController = true;
    const arg = ref.call?.arguments[0];
    if (arg && arg.type !== T.SpreadElement) {
      const obj = dereference(file, arg);
      controllerPath = obj.type === T.ObjectExpression ? pathText(file, propertyValue(obj, 'path') ?? undefined) : pathText(file, arg);
    }
  }
  if (!isController) return;
  for (const member of cls.body.body) {
    if (member.type !== T.MethodDefinition || !member.decorators?.length) continue;
    for (const d of member.decorators) {
      const ref = decoratorRef(file, d);
      if (!ref || !NEST_ROUTE_DECORATORS.has(ref.name)) continue;
      const arg = ref.call?.arguments[0];
      const path = arg ? pathText(file, arg) : '';
      const fn = member.value.type === T.FunctionExpression ? member.value : null;
      b.routes.push({
        framework: 'nest',
        method: ref.name.toLowerCase(),
        path: path === null ? null : path.startsWith('/') || path === '' ? path : `/${path}`,
        prefix: controllerPath === null ? null : controllerPath.startsWith('/') ? controllerPath : `/${controllerPath}`,
        owner: { key: cls, framework: 'nest' },
        node: d,
        loc: d.loc,
        middleware: [],
        options: null,
        handler: member.value,
        handlerFunction: fn,
        handlerName: staticKey(member),
        decorators: member.decorators,
        classDecorators: cls.decorators,
      });
    }
  }
}

/** `app/api/auth/login/route.ts` → `/api/auth/login`; `pages/api/login.ts` → `/api/login`. */
function nextRoutePath(relativeFilename: string): { path: string; pages: boolean } | null {
  const route = ROUTE_FILE.exec(relativeFilename);
  if (route) return { path: `/${(route[1] ?? '').split('/').filter((s) => !/^\(.*\)$/.test(s)).join('/')}`, pages: false };
  const pages = PAGES_API_FILE.exec(relativeFilename);
  if (pages) return { path: `/${pages[1]}`, pages: true };
  return null;
}

function collectNext(b: Builder, program: TSESTree.Program): void {
  const { file } = b;
  const where = nextRoutePath(file.relativeFilename);
  if (!where) return;
  const add = (method: string, id: Node, fnNode: Node | null | undefined, decl: Node): void => {
    const handlerFunction = functionOf(file, fnNode ?? null);
    b.routes.push({
      framework: 'next',
      method,
      path: where.path,
      prefix: null,
      owner: null,
      node: decl,
      loc: nodeLoc(decl, id),
      middleware: [],
      options: null,
      handler: fnNode ?? null,
      handlerFunction,
      handlerName: null,
      decorators: [],
      classDecorators: [],
    });
  };
  for (const statement of program.body) {
    if (!where.pages && statement.type === T.ExportNamedDeclaration && statement.declaration) {
      const decl = statement.declaration;
      if (decl.type === T.FunctionDeclaration && decl.id && /^[A-Z]+$/.test(decl.id.name) && HTTP_METHODS.has(decl.id.name.toLowerCase())) {
        add(decl.id.name.toLowerCase(), decl.id, decl, statement);
      } else if (decl.type === T.VariableDeclaration) {
        for (const d of decl.declarations) {
          if (d.id.type === T.Identifier && /^[A-Z]+$/.test(d.id.name) && HTTP_METHODS.has(d.id.name.toLowerCase())) {
            add(d.id.name.toLowerCase(), d.id, d.init, statement);
          }
        }
      }
    }
    if (where.pages && statement.type === T.ExportDefaultDeclaration) {
      const decl = statement.declaration;
      let fnNode: Node = decl;
      // export default withSession(handler)
      if (decl.type === T.CallExpression) fnNode = decl.arguments.find((a) => functionOf(file, a)) ?? decl;
      add('any', decl.type === T.FunctionDeclaration && decl.id ? decl.id : statement, fnNode, statement);
    }
  }
}

/**
 * The prefix a route's owner adds in this file: koa-router's `new Router({ prefix: '/auth' })`,
 * or where the router is mounted (`app.use('/auth', router)`, fastify `register(plugin, { prefix })`, hono `app.route('/auth', sub)`).
 */
function withOwnerPrefix(file: FileFacts, route: Route, uses: readonly Use[]): Route {
  if (route.prefix !== null || !route.owner) return route;
  let prefix: string | null = null;
  const key = route.owner.key;
  if (typeof key === 'object' && 'defs' in key) {
    const def = (key as { defs: readonly { node: Node }[] }).defs[0];
    const init = def?.node.type === T.VariableDeclarator && def.node.init ? unwrap(def.node.init) : null;
    const options = init?.type === T.NewExpression ? init.arguments[0] : undefined;
    if (options && options.type !== T.SpreadElement) {
      const obj = dereference(file, options);
      const value = obj.type === T.ObjectExpression ? propertyValue(obj, 'prefix') : null;
      if (value) prefix = pathText(file, value);
    }
  }
  if (prefix === null) {
    const mount = uses.find((use) => use.child?.key === key && use.prefixes && use.prefixes.length === 1);
    if (mount) prefix = mount.prefixes![0]!;
  }
  if (!prefix) return route;
  return { ...route, prefix };
}

function build(file: FileFacts): RouteTable {
  const b: Builder = { file, routes: [], uses: [] };
  const program = file.sourceCode.ast;
  // The file's one shared node index (no walk of our own).
  const classes = [...nodesIn(file, program, T.ClassDeclaration), ...nodesIn(file, program, T.ClassExpression)].sort((x, y) => x.range[0] - y.range[0]);
  for (const cls of classes) {
    collectClass(b, cls);
    if (cls.decorators?.length) collectDecoratedClass(b, cls);
  }
  const calls = nodesIn(file, program, T.CallExpression);
  // Plugin functions first, so their parameters are known instances when routes are read.
  for (const call of calls) {
    const callee = unwrap(call.callee);
    if (callee.type === T.MemberExpression && staticKey(callee) === 'register' && call.arguments[0]) {
      const fn = functionOf(file, call.arguments[0]);
      if (fn) pluginFunctions(file).add(fn);
    }
  }
  for (const call of calls) collectCall(b, call);
  collectHelpers(b, calls);
  collectNext(b, program);
  collectServerActions(b, program);
  collectRemix(b, program);
  collectSvelteKit(b, program);
  collectResolverMaps(b, program);
  collectCredentialsCallbacks(b, program);
  const routes = b.routes.map((route) => withOwnerPrefix(file, route, b.uses));
  const handlers = new Map<Node, Route>();
  for (const route of routes) {
    if (route.handlerFunction && !handlers.has(route.handlerFunction)) handlers.set(route.handlerFunction, route);
  }
  return { routes, uses: b.uses, handlers };
}

// ---------------------------------------------------------------------------
// Handlers served because of where they are exported or what they are passed to
//
//   Next.js server action   'use server'; export async function signIn(formData) {}   export const signIn = validatedAction(schema, async (data) => …)
//   Remix / React Router    export async function action({ request }) {} in app/routes/login.tsx
//   SvelteKit               export const actions = { default: async (event) => … } in +page.server.ts; export const POST in +server.ts
//   GraphQL                 { Mutation: { login: (parent, args, ctx) => … } }   @Resolver() class { @Mutation() login(@Args('input') input) {} }
//   Auth.js / next-auth     Credentials({ async authorize(credentials) {} })
//   tegg                    @HTTPController() class { @HTTPMethod({ method: HTTPMethodEnum.POST, path: '/login' }) login(@HTTPBody() body) {} }

/** Parameter names that hold server-side context, not the user's input, in a wrapped action (`(data, formData, user) => …`). */
const CONTEXT_PARAM = /^(_.*|user|session|team|ctx|context|prev(ious)?State|state|info|req|request|res|response|event)$/;

function routeOfFunction(
  framework: RouteFramework,
  method: string,
  path: string | null,
  prefix: string | null,
  node: Node,
  locNode: Node,
  handler: Node | null,
  handlerFunction: FunctionNode | null,
  handlerName: string | null,
  inputParams?: readonly number[],
  extra?: { decorators?: readonly TSESTree.Decorator[]; classDecorators?: readonly TSESTree.Decorator[]; owner?: Owner | null; middleware?: readonly Node[] },
): Route {
  return {
    framework,
    method,
    path,
    prefix,
    owner: extra?.owner ?? null,
    node,
    loc: locNode.loc,
    middleware: extra?.middleware ?? [],
    options: null,
    handler,
    handlerFunction,
    handlerName,
    decorators: extra?.decorators ?? [],
    classDecorators: extra?.classDecorators ?? [],
    ...(inputParams ? { inputParams } : {}),
  };
}

function paramIndices(fn: FunctionNode, keep: (param: TSESTree.Parameter) => boolean = () => true): number[] {
  return fn.params.flatMap((p, i) => (keep(p) ? [i] : []));
}

function paramName(param: TSESTree.Parameter): string | null {
  const p = param.type === T.AssignmentPattern ? param.left : param.type === T.TSParameterProperty ? param.parameter : param;
  return p.type === T.Identifier ? p.name : null;
}

function hasDirective(body: readonly TSESTree.ProgramStatement[] | readonly TSESTree.Statement[], directive: string): boolean {
  for (const s of body) {
    if (s.type !== T.ExpressionStatement || !('directive' in s) || typeof s.directive !== 'string') return false;
    if (s.directive === directive) return true;
  }
  return false;
}

/** An exported value's function: the function itself, or the function a wrapper call is given (`validatedAction(schema, async (data) => …)`). */
function exportedFunction(file: FileFacts, raw: Node | null | undefined): { fn: FunctionNode; wrapped: boolean } | null {
  if (!raw) return null;
  const direct = functionOf(file, raw);
  if (direct) return { fn: direct, wrapped: false };
  const node = unwrap(raw);
  if (node.type !== T.CallExpression) return null;
  for (let i = node.arguments.length - 1; i >= 0; i--) {
    const arg = node.arguments[i]!;
    if (arg.type === T.SpreadElement) continue;
    const fn = functionOf(file, arg);
    if (fn) return { fn, wrapped: true };
  }
  return null;
}

/** `export function NAME`, `export const NAME = …`, `export default …`: each exported name with its declaration and value. */
function exportedValues(program: TSESTree.Program): { name: string; id: Node; value: Node | null; statement: Node }[] {
  const out: { name: string; id: Node; value: Node | null; statement: Node }[] = [];
  for (const statement of program.body) {
    if (statement.type === T.ExportNamedDeclaration && statement.declaration) {
      const decl = statement.declaration;
      if (decl.type === T.FunctionDeclaration && decl.id) out.push({ name: decl.id.name, id: decl.id, value: decl, statement });
      else if (decl.type === T.VariableDeclaration) {
        for (const d of decl.declarations) if (d.id.type === T.Identifier) out.push({ name: d.id.name, id: d.id, value: d.init, statement });
      }
    } else if (statement.type === T.ExportDefaultDeclaration) {
      const decl = statement.declaration;
      out.push({ name: 'default', id: decl.type === T.FunctionDeclaration && decl.id ? decl.id : statement, value: decl, statement });
    }
  }
  return out;
}

/** Next.js server actions: the exported async functions of a `'use server'` module, and functions whose body starts with `'use server'`. */
function collectServerActions(b: Builder, program: TSESTree.Program): void {
  const { file } = b;
  if (!file.sourceCode.text.includes('use server')) return;
  const seen = new Set<Node>();
  const add = (fn: FunctionNode, wrapped: boolean, name: string | null, node: Node, locNode: Node): void => {
    if (seen.has(fn)) return;
    seen.add(fn);
    const inputs = paramIndices(fn, (p) => !wrapped || !CONTEXT_PARAM.test(paramName(p) ?? ''));
    b.routes.push(routeOfFunction('next-action', 'post', null, null, node, locNode, fn, fn, name, inputs));
  };
  if (hasDirective(program.body, 'use server')) {
    for (const { name, id, value, statement } of exportedValues(program)) {
      const found = exportedFunction(file, value);
      if (found && (found.wrapped || found.fn.async)) add(found.fn, found.wrapped, name === 'default' ? null : name, statement, id);
    }
    return;
  }
  // Inline actions: async function create(formData) { 'use server'; … }
  const candidates: FunctionNode[] = [
    ...nodesIn(file, program, T.FunctionDeclaration),
    ...nodesIn(file, program, T.FunctionExpression),
    ...nodesIn(file, program, T.ArrowFunctionExpression),
  ];
  for (const fn of candidates) {
    if (!fn.async || fn.body?.type !== T.BlockStatement || !hasDirective(fn.body.body, 'use server')) continue;
    const parent = fn.parent;
    const id = fn.type !== T.ArrowFunctionExpression && fn.id ? fn.id : parent?.type === T.VariableDeclarator ? parent.id : fn;
    add(fn, false, id.type === T.Identifier ? id.name : null, fn, id);
  }
}

const REMIX_MODULE = /^(@remix-run\/|react-router$|react-router-dom$|@react-router\/)/;
const REMIX_ROUTE_FILE = /(?:^|\/)app\/routes\/(.+?)\.[cm]?[jt]sx?$/;

/** A Remix / React Router route file's URL: `_auth+/login` → /login, `accept-invite.$id` → /accept-invite/:id, `($lang).x` → /:lang/x. */
function remixPath(relative: string): string {
  const segments: string[] = [];
  for (const part of relative.split('/')) {
    const name = part.replace(/\+$/, '').replace(/\[([^\]]*)\]/g, (_, inner: string) => inner.replace(/\./g, ''));
    for (const raw of name.split('.')) {
      const seg = raw.replace(/^\((.*)\)$/, '$1').replace(/_$/, '');
      if (!seg || seg.startsWith('_') || seg === 'route' || seg === 'index') continue;
      segments.push(seg === '$' ? '*' : seg.startsWith('$') ? `:${seg.slice(1)}` : seg);
    }
  }
  return `/${segments.join('/')}`;
}

function importsModule(program: TSESTree.Program, test: RegExp): boolean {
  return program.body.some((s) => s.type === T.ImportDeclaration && test.test(s.source.value));
}

/** Remix / React Router: a route module's exported `action` (it serves every non-GET request to the route's URL). */
function collectRemix(b: Builder, program: TSESTree.Program): void {
  const { file } = b;
  const where = REMIX_ROUTE_FILE.exec(file.relativeFilename);
  if (!where && !importsModule(program, REMIX_MODULE)) return;
  if (PAGES_API_FILE.test(file.relativeFilename)) return;
  for (const { name, id, value, statement } of exportedValues(program)) {
    if (name !== 'action') continue;
    const found = exportedFunction(file, value);
    if (!found) continue;
    b.routes.push(routeOfFunction('remix', 'post', where ? remixPath(where[1]!) : null, null, statement, id, value, found.fn, 'action'));
  }
}

const SVELTE_PAGE_SERVER = /(?:^|\/)src\/routes\/(?:(.*)\/)?\+page\.server\.[cm]?[jt]s$/;
const SVELTE_SERVER = /(?:^|\/)src\/routes\/(?:(.*)\/)?\+server\.[cm]?[jt]s$/;

/** `src/routes/(auth)/login/[id]` → /login/:id. */
function sveltePath(dir: string | undefined): string {
  const segments = (dir ?? '').split('/').filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.map((s) => s.replace(/^\[\[?(?:\.\.\.)?([^\]=]+)(?:=[^\]]*)?\]?\]$/, ':$1')).join('/')}`;
}

/** SvelteKit: form actions of a `+page.server` module and the method handlers of a `+server` module. */
function collectSvelteKit(b: Builder, program: TSESTree.Program): void {
  const { file } = b;
  const page = SVELTE_PAGE_SERVER.exec(file.relativeFilename);
  const server = page ? null : SVELTE_SERVER.exec(file.relativeFilename);
  if (!page && !server) return;
  const path = sveltePath((page ?? server)![1]);
  for (const { name, id, value, statement } of exportedValues(program)) {
    if (server && /^[A-Z]+$/.test(name) && HTTP_METHODS.has(name.toLowerCase())) {
      const fn = exportedFunction(file, value);
      b.routes.push(routeOfFunction('sveltekit', name.toLowerCase(), path, null, statement, id, value, fn?.fn ?? null, null));
    }
    if (page && name === 'actions' && value) {
      const obj = dereference(file, value);
      if (obj.type !== T.ObjectExpression) continue;
      for (const prop of obj.properties) {
        if (prop.type !== T.Property) continue;
        const key = staticKey(prop);
        const fn = functionOf(file, prop.value as Node);
        if (!key || !fn) continue;
        b.routes.push(routeOfFunction('sveltekit', 'post', path, null, prop, prop.key, prop.value as Node, fn, key === 'default' ? null : key));
      }
    }
  }
}

const GRAPHQL_ROOTS = new Set(['Mutation', 'Query']);

/** Apollo-style resolver maps: `{ Mutation: { login: (parent, args, ctx) => … } }`; `args` is the user's input. */
function collectResolverMaps(b: Builder, program: TSESTree.Program): void {
  const { file } = b;
  for (const prop of nodesIn(file, program, T.Property)) {
    const root = staticKey(prop);
    if (!root || !GRAPHQL_ROOTS.has(root) || prop.parent?.type !== T.ObjectExpression) continue;
    const obj = dereference(file, prop.value as Node);
    if (obj.type !== T.ObjectExpression) continue;
    const fields = obj.properties.filter((p): p is TSESTree.Property => p.type === T.Property);
    const resolved = fields.map((field) => ({ field, fn: functionOf(file, field.value as Node) }));
    // A resolver map holds functions; a schema or a type map holding strings or types is not one.
    if (!resolved.length || resolved.some((r) => !r.fn)) continue;
    for (const { field, fn } of resolved) {
      // A resolver without `args` (`users() { return {} }`, a namespace) takes no input.
      if (fn!.params.length < 2) continue;
      b.routes.push(routeOfFunction('graphql', 'post', null, null, field, field.key, field.value as Node, fn, staticKey(field), [1]));
    }
  }
}

const CREDENTIALS_PROVIDER = /^(next-auth|@auth\/core|@auth\/[\w-]+)\/providers\/credentials$/;

/** Auth.js / next-auth `Credentials({ authorize(credentials) {…} })`: served at `/api/auth/callback/<id>`. */
function collectCredentialsCallbacks(b: Builder, program: TSESTree.Program): void {
  const { file } = b;
  if (!file.sourceCode.text.includes('authorize')) return;
  for (const call of nodesIn(file, program, T.CallExpression)) {
    const ref = resolveRef(file, call.callee);
    const isProvider = ref
      ? CREDENTIALS_PROVIDER.test(ref.module) || (/^(next-auth|@auth\/core)\/providers$/.test(ref.module) && ref.path[0] === 'Credentials')
      : /^Credentials(Provider)?$/.test(nameOfNode(call.callee) ?? '');
    if (!isProvider || !call.arguments[0] || call.arguments[0].type === T.SpreadElement) continue;
    const options = dereference(file, call.arguments[0]);
    if (options.type !== T.ObjectExpression) continue;
    const authorize = options.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'authorize');
    const fn = authorize ? functionOf(file, authorize.value as Node) : null;
    if (!authorize || !fn) continue;
    const id = propertyValue(options, 'id');
    const provider = (id && stringOf(id)) ?? 'credentials';
    // Reported at the provider (`Credentials(`), which is what serves the callback.
    b.routes.push(routeOfFunction('auth-callback', 'post', `/${provider}`, '/api/auth/callback', call, call.callee, authorize.value as Node, fn, 'authorize', fn.params.length ? [0] : []));
  }
}

/** A decorator's name and call, with the module it comes from when the file imports it (null for an unresolved name). */
function decoratorInfo(file: FileFacts, decorator: TSESTree.Decorator): { name: string; module: string | null; call: TSESTree.CallExpression | null } | null {
  const expr = unwrap(decorator.expression);
  const call = expr.type === T.CallExpression ? expr : null;
  const target = call ? unwrap(call.callee) : expr;
  const ref = resolveRef(file, target);
  if (ref) return ref.path.length === 1 ? { name: ref.path[0]!, module: ref.module, call } : null;
  return target.type === T.Identifier ? { name: target.name, module: null, call } : null;
}

const GRAPHQL_DECORATOR_MODULES = /^(@nestjs\/graphql|type-graphql|@nestjs\/apollo)$/;
const TEGG_MODULES = /^(egg|@eggjs\/tegg|@eggjs\/tegg-controller-decorator|@eggjs\/controller-decorator)$/;
/** Parameter decorators whose value is the user's input. */
const INPUT_PARAM_DECORATORS = new Set(['Args', 'Arg', 'HTTPBody', 'HTTPQuery', 'HTTPQueries', 'HTTPParam']);

function inputParamsOf(file: FileFacts, fn: FunctionNode | null): number[] {
  if (!fn) return [];
  return paramIndices(fn, (p) => (p.decorators ?? []).some((d) => INPUT_PARAM_DECORATORS.has(decoratorInfo(file, d)?.name ?? '')));
}

/** Middleware given by decorator: type-graphql `@UseMiddleware(mw)`, tegg `@Middleware(mw)`. */
const MIDDLEWARE_DECORATORS = new Set(['UseMiddleware', 'Middleware']);

function decoratorMiddleware(file: FileFacts, decorators: readonly TSESTree.Decorator[]): Node[] {
  return decorators.flatMap((d) => {
    const info = decoratorInfo(file, d);
    return info?.call && MIDDLEWARE_DECORATORS.has(info.name) ? [...info.call.arguments] : [];
  });
}

/**
 * GraphQL resolver classes (Nest `@Resolver()` with `@Mutation()` / `@Query()`,
 * type-graphql) and tegg `@HTTPController()` classes with `@HTTPMethod({ method, path })`.
 */
function collectDecoratedClass(b: Builder, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): void {
  const { file } = b;
  let kind: 'resolver' | 'tegg' | null = null;
  let framework: RouteFramework = 'graphql';
  let prefix: string | null = null;
  for (const d of cls.decorators ?? []) {
    const info = decoratorInfo(file, d);
    if (!info) continue;
    if (info.name === 'Resolver' && (info.module === null || GRAPHQL_DECORATOR_MODULES.test(info.module))) {
      kind = 'resolver';
      framework = info.module === 'type-graphql' ? 'graphql' : 'nest';
    } else if (info.name === 'HTTPController' && (info.module === null || TEGG_MODULES.test(info.module))) {
      kind = 'tegg';
      framework = 'egg';
      const arg = info.call?.arguments[0];
      const obj = arg && arg.type !== T.SpreadElement ? dereference(file, arg) : null;
      const path = obj?.type === T.ObjectExpression ? propertyValue(obj, 'path') : null;
      prefix = path ? pathText(file, path) : null;
    }
  }
  if (!kind) return;
  const classMiddleware = decoratorMiddleware(file, cls.decorators ?? []);
  for (const member of cls.body.body) {
    if (member.type !== T.MethodDefinition || !member.decorators?.length) continue;
    const fn = member.value.type === T.FunctionExpression ? member.value : null;
    const middleware = [...classMiddleware, ...decoratorMiddleware(file, member.decorators)];
    for (const d of member.decorators) {
      const info = decoratorInfo(file, d);
      if (!info) continue;
      let method: string | null = null;
      let path: string | null = null;
      if (kind === 'resolver' && (info.name === 'Mutation' || info.name === 'Query')) method = 'post';
      if (kind === 'tegg' && info.name === 'HTTPMethod') {
        const arg = info.call?.arguments[0];
        const obj = arg && arg.type !== T.SpreadElement ? dereference(file, arg) : null;
        if (obj?.type !== T.ObjectExpression) continue;
        const m = propertyValue(obj, 'method');
        const p = propertyValue(obj, 'path');
        const mUnwrapped = m ? unwrap(m) : null;
        method = (mUnwrapped?.type === T.MemberExpression ? staticKey(mUnwrapped) : m ? pathText(file, m) : 'get')?.toLowerCase() ?? null;
        path = p ? pathText(file, p) : null;
        if (!method || !HTTP_METHODS.has(method)) continue;
      }
      if (!method) continue;
      b.routes.push(
        routeOfFunction(framework, method, path, prefix, d, d, member.value, fn, staticKey(member), inputParamsOf(file, fn), {
          decorators: member.decorators,
          classDecorators: cls.decorators ?? [],
          owner: { key: cls, framework },
          middleware,
        }),
      );
      break;
    }
  }
}

// ---------------------------------------------------------------------------
// The project's own registration helpers
//
//   function route(method, path, handler) { router[method.toLowerCase()](path, wrap(handler)) }   route('POST', '/login', login)
//   this.route('POST', '/login', handler)   (a router class's method with the (method, path, ...handlers) signature)

/** Parameters of `fn` that an expression mentions, in order (`base + path` → [base, path]). */
function mentionedParams(fn: FunctionNode, raw: Node): number[] {
  const out: number[] = [];
  const visit = (node: Node, depth: number): void => {
    if (depth > 4) return;
    const n = unwrap(node);
    if (n.type === T.Identifier) {
      const i = fn.params.findIndex((p) => paramName(p) === n.name);
      if (i >= 0 && !out.includes(i)) out.push(i);
    } else if (n.type === T.BinaryExpression) {
      visit(n.left, depth + 1);
      visit(n.right, depth + 1);
    } else if (n.type === T.TemplateLiteral) n.expressions.forEach((e) => visit(e, depth + 1));
    else if (n.type === T.CallExpression && unwrap(n.callee).type === T.MemberExpression) visit((unwrap(n.callee) as TSESTree.MemberExpression).object, depth + 1);
  };
  visit(raw, 0);
  return out;
}

interface HelperTemplate {
  readonly fn: FunctionNode;
  readonly inner: TSESTree.CallExpression;
  readonly owner: Owner | null;
  /** The parameter the owner is, when the helper is given the router (`createAction(router, …)`). */
  readonly ownerParam: number;
  readonly pathParams: readonly number[];
  readonly methodParam: number;
  readonly method: string | null;
}

/** A named function of this file whose body registers a route on a path from its parameters. */
function helperTemplate(file: FileFacts, call: TSESTree.CallExpression): HelperTemplate | null {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || !call.arguments[0] || call.arguments[0].type === T.SpreadElement) return null;
  // Cheap first: an HTTP verb (`app.post`) or a computed method (`app[method]`).
  const name = staticKey(callee);
  if (!callee.computed && !(name && HTTP_METHODS.has(name))) return null;
  const fn = enclosingFunction(call) as FunctionNode | null;
  if (!fn || fn.type === T.FunctionExpression && fn.parent?.type === T.MethodDefinition) return null;
  const named = fn.type === T.FunctionDeclaration ? fn.id : fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier ? fn.parent.id : null;
  if (!named) return null;
  const pathParams = mentionedParams(fn, call.arguments[0]);
  if (!pathParams.length) return null;
  let method: string | null = null;
  let methodParam = -1;
  if (name && HTTP_METHODS.has(name)) method = name;
  else if (callee.computed) {
    const m = mentionedParams(fn, callee.property);
    if (m.length !== 1) return null;
    methodParam = m[0]!;
  } else return null;
  const objectParams = mentionedParams(fn, callee.object);
  const ownerParam = objectParams.length === 1 && unwrap(callee.object).type === T.Identifier ? objectParams[0]! : -1;
  const owner = ownerParam >= 0 ? null : ownerOf(file, callee.object);
  if (ownerParam < 0 && !owner) return null;
  return { fn, inner: call, owner, ownerParam, pathParams, methodParam, method };
}

/** Names of a registration helper with the (method, path, ...handlers) signature. */
const ROUTE_VERBS = /^(route|addRoute|registerRoute|createRoute|defineRoute|addEndpoint|endpoint)$/;

function collectHelpers(b: Builder, calls: readonly TSESTree.CallExpression[]): void {
  const { file } = b;
  const templates = new Map<Node, HelperTemplate>();
  for (const call of calls) {
    const t = helperTemplate(file, call);
    if (t && !templates.has(t.fn)) templates.set(t.fn, t);
  }
  if (templates.size) {
    const inner = new Set([...templates.values()].map((t) => t.inner as Node));
    for (let i = b.routes.length - 1; i >= 0; i--) if (inner.has(b.routes[i]!.node)) b.routes.splice(i, 1);
  }
  for (const call of calls) {
    const callee = unwrap(call.callee);
    const fn = templates.size && callee.type === T.Identifier ? functionOf(file, callee) : null;
    const t = fn ? templates.get(fn) : undefined;
    if (t) {
      const args = call.arguments;
      const parts = t.pathParams.map((i) => (args[i] ? pathText(file, args[i]) : null));
      const path = parts.every((p) => p !== null) ? parts.join('') : null;
      const method = t.method ?? (args[t.methodParam] ? pathText(file, args[t.methodParam]!)?.toLowerCase() ?? null : null);
      if (!method || !HTTP_METHODS.has(method)) continue;
      const owner = t.owner ?? (args[t.ownerParam] ? ownerOf(file, args[t.ownerParam]!) : null);
      if (!owner) continue;
      const used = new Set([...t.pathParams, t.methodParam, t.ownerParam]);
      const rest = args.filter((a, i) => !used.has(i));
      const lastPath = args[t.pathParams[t.pathParams.length - 1]!];
      addRoute(b, call, owner, method, path, rest, nodeLoc(callee, lastPath ?? callee));
      continue;
    }
    // (method, path, ...handlers): this.route('POST', '/login', h); not a test stub (`cy.intercept('POST', '/login', h)`)
    if (!ROUTE_VERBS.test((callee.type === T.MemberExpression ? staticKey(callee) : nameOfNode(callee)) ?? '')) continue;
    const first = call.arguments[0];
    const method = first ? stringOf(first) : null;
    const path = call.arguments[1] ? (pathText(file, call.arguments[1]) ?? templatePath(call.arguments[1])) : null;
    if (!method || !/^(GET|POST|PUT|PATCH|DELETE|get|post|put|patch|delete)$/.test(method) || !path?.startsWith('/')) continue;
    const rest = call.arguments.slice(2);
    if (!rest.length || !rest.every((a) => a.type !== T.SpreadElement && isFunctionLike(file, a))) continue;
    if (b.routes.some((r) => r.node === call)) continue;
    const receiver = callee.type === T.MemberExpression ? unwrap(callee.object) : null;
    const key: OwnerKey = receiver?.type === T.ThisExpression ? (enclosingClass(call) ?? 'this') : receiver ? keyOf(file, receiver) : 'helper';
    addRoute(b, call, { key, framework: 'unknown' }, method.toLowerCase(), path, rest, nodeLoc(callee, call.arguments[1]!));
  }
}

/** `` `/${base}/:id/reset` `` → `/:base/:id/reset`: a template path whose holes are taken for parameters. */
function templatePath(raw: Node): string | null {
  const node = unwrap(raw);
  if (node.type !== T.TemplateLiteral) return null;
  return node.quasis.map((q, i) => `${q.value.cooked ?? ''}${i < node.expressions.length ? `:p${i}` : ''}`).join('');
}

// ---------------------------------------------------------------------------
// Queries

/** Every route and use of the file, computed once. */
export function getRouteTable(file: FileFacts): RouteTable {
  return memo(file, TABLE, () => build(file));
}

/** The route whose handler contains `node`, or null. */
export function routeOf(file: FileFacts, node: Node): Route | null {
  const { handlers } = getRouteTable(file);
  for (let current: Node | undefined = node; current; current = current.parent) {
    const route = handlers.get(current);
    if (route) return route;
  }
  return null;
}

/** The full path of a route as far as the file knows it (`/auth/login` for Nest's controller + method). */
export function fullPath(route: Route): string | null {
  if (route.path === null) return route.prefix;
  if (route.prefix === null) return route.path;
  return `${route.prefix.replace(/\/+$/, '')}${route.path === '/' ? '' : route.path}`;
}

function sameOwner(a: Owner, b: Owner): boolean {
  return a.key === b.key;
}

/**
 * The middleware that reaches a route through its owner: `owner.use(mw)` and
 * `owner.use('/prefix', mw)` covering its path, hooks and plugins registered on
 * it, and, for a mounted router or plugin, what its parent applies before
 * mounting it (`app.use('/auth', limiter, authRouter)`) and above.
 */
export function appliedMiddleware(file: FileFacts, route: Route): AppliedMiddleware[] {
  return route.owner ? ownerMiddleware(file, route.owner, route.path) : [];
}

/** The middleware that reaches routes of `owner` at `path` (null: any path) from this file's uses, through its parents in this file. */
export function ownerMiddleware(file: FileFacts, owner: Owner, path: string | null): AppliedMiddleware[] {
  const { uses } = getRouteTable(file);
  const out: AppliedMiddleware[] = [];
  const seen = new Set<OwnerKey>();
  const added = new Set<Use>();
  const visit = (current: Owner, at: string | null): void => {
    if (seen.has(current.key)) return;
    seen.add(current.key);
    for (const use of uses) {
      if (added.has(use)) continue;
      if (sameOwner(use.owner, current)) {
        if (use.child && use.kind !== 'use') continue;
        if (!underPrefix(at, use.prefixes)) continue;
        added.add(use);
        out.push({ use, middleware: use.child ? use.middleware.slice(0, use.childIndex) : use.middleware });
      } else if (use.child && sameOwner(use.child, current)) {
        added.add(use);
        out.push({ use, middleware: use.middleware.slice(0, use.childIndex) });
        const prefix = use.prefixes?.[0] ?? '';
        visit(use.owner, at === null ? null : `${prefix}${at === '/' ? '' : at}`);
      }
    }
  };
  visit(owner, path);
  return out;
}

/** The owners a file's mounts reach upwards from `owner` (itself first): the chain whose own mounts may live in other files. */
export function ownerAncestors(file: FileFacts, owner: Owner): Owner[] {
  const { uses } = getRouteTable(file);
  const out: Owner[] = [];
  const seen = new Set<OwnerKey>();
  const visit = (current: Owner): void => {
    if (seen.has(current.key)) return;
    seen.add(current.key);
    out.push(current);
    for (const use of uses) if (use.child && sameOwner(use.child, current)) visit(use.owner);
  };
  visit(owner);
  return out;
}

/** Node types kept in the file's shared index; a query for another type walks its root on its own. */
const INDEXED = new Set<string>([
  T.CallExpression, T.NewExpression, T.AssignmentExpression, T.BinaryExpression, T.Property, T.VariableDeclarator,
  T.TemplateElement, T.TaggedTemplateExpression, T.MethodDefinition, T.MemberExpression, T.Literal, T.ImportExpression,
  T.ClassExpression, T.ClassDeclaration,
]);
/** Subtrees that hold types only: no runtime value inside, never walked. */
const TYPE_ONLY = new Set<string>([
  T.TSTypeAnnotation, T.TSTypeParameterDeclaration, T.TSTypeParameterInstantiation, T.TSInterfaceDeclaration, T.TSTypeAliasDeclaration,
]);

function walkInto(file: FileFacts, root: Node, keep: (type: string) => boolean): Map<string, Node[]> {
  const byType = new Map<string, Node[]>();
  const keys = file.sourceCode.visitorKeys;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (TYPE_ONLY.has(node.type)) continue;
    if (keep(node.type)) {
      let list = byType.get(node.type);
      if (!list) byType.set(node.type, (list = []));
      list.push(node);
    }
    const childKeys = keys[node.type] ?? [];
    for (let k = childKeys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[childKeys[k]!];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i] as Node | null;
          if (child && typeof child.type === 'string') stack.push(child);
        }
      } else if (value && typeof (value as Node).type === 'string') stack.push(value as Node);
    }
  }
  return byType;
}

/**
 * Every node of a kind inside `root` (the program or a function, nested
 * functions included), in source order. One walk of the file serves every
 * query: a function's nodes are the file's, filtered by range.
 */
export function nodesIn<K extends TSESTree.AST_NODE_TYPES>(file: FileFacts, root: Node, type: K): Extract<Node, { type: K }>[] {
  const cache = memo(file, NODES_IN, () => ({ program: null as Map<string, Node[]> | null, byRoot: new Map<Node, Map<string, Node[]>>() }));
  let perRoot = cache.byRoot.get(root);
  if (!perRoot) cache.byRoot.set(root, (perRoot = new Map()));
  const hit = perRoot.get(type);
  if (hit) return hit as Extract<Node, { type: K }>[];
  let found: Node[];
  if (INDEXED.has(type)) {
    cache.program ??= sortedBySource(fromSteps(file) ?? walkInto(file, file.sourceCode.ast, (t) => INDEXED.has(t)));
    const all = cache.program.get(type) ?? [];
    found = root === file.sourceCode.ast ? all : within(all, root);
  } else {
    found = walkInto(file, root, (t) => t === type).get(type) ?? [];
  }
  perRoot.set(type, found);
  return found as Extract<Node, { type: K }>[];
}
const NODES_IN = Symbol('nodes-in');

interface TraversalStep {
  readonly kind: number;
  readonly target: unknown;
  readonly phase?: number;
}

/**
 * The index from the traversal ESLint made of the linted file before running
 * any rule (`SourceCode#traverse()`, cached by ESLint): the same nodes the
 * walk below finds, without walking again. Null where it is not available
 * (older ESLint, another module the project layer parsed).
 */
function fromSteps(file: FileFacts): Map<string, Node[]> | null {
  if (!file.linted) return null;
  const sourceCode = file.sourceCode as unknown as { traverse?: () => Iterable<TraversalStep> };
  if (typeof sourceCode.traverse !== 'function') return null;
  let steps: Iterable<TraversalStep>;
  try {
    steps = sourceCode.traverse();
  } catch {
    return null;
  }
  // One list per indexed type, looked up by property (the hottest loop of the analysis: two steps per node).
  const lists: Record<string, Node[] | undefined> = Object.create(null) as Record<string, Node[] | undefined>;
  for (const type of INDEXED) lists[type] = [];
  let typeOnly = 0;
  for (const step of steps) {
    if (step.kind !== 1) continue; // code-path events
    const type = (step.target as Node).type;
    if (step.phase === 1) {
      if (TYPE_ONLY.has(type)) typeOnly++;
      else if (typeOnly === 0) lists[type]?.push(step.target as Node);
    } else if (typeOnly !== 0 && TYPE_ONLY.has(type)) typeOnly--;
  }
  const byType = new Map<string, Node[]>();
  for (const type of INDEXED) if (lists[type]!.length) byType.set(type, lists[type]!);
  return byType;
}

/** Each list in source order (the walk visits a template's quasis before its expressions, so nested templates come out of order). */
function sortedBySource(byType: Map<string, Node[]>): Map<string, Node[]> {
  for (const list of byType.values()) {
    for (let i = 1; i < list.length; i++) {
      if (list[i - 1]!.range[0] > list[i]!.range[0]) {
        list.sort((a, b) => a.range[0] - b.range[0]);
        break;
      }
    }
  }
  return byType;
}

/** The nodes of `all` (in source order, as the walk pushes them) inside `root`: a binary search for the first, then a slice. */
function within(all: readonly Node[], root: Node): Node[] {
  const [start, end] = root.range;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (all[mid]!.range[0] < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Node[] = [];
  for (let i = lo; i < all.length && all[i]!.range[0] < end; i++) if (all[i]!.range[1] <= end) out.push(all[i]!);
  return out;
}
