/**
 * Where user-supplied data enters a file: request bodies, queries and params
 * in the server frameworks, form data, Nest DTOs, passport-local's verify
 * callback, next-auth's `authorize(credentials)`, and parameters named like a
 * password or credentials. Rules ask "does this expression carry user input,
 * and under which key?" instead of matching `req.body` themselves.
 *
 *   req.body.password                              body    [password]
 *   const { email, password } = req.body; password body    [password]
 *   ctx.request.body                               body    []          (koa)
 *   request.body / request.query                   body / query        (fastify)
 *   await c.req.json(), c.req.parseBody()          body    []          (hono)
 *   await request.json(), formData.get('password') body / form         (Next.js route handlers)
 *   async function action(formData: FormData)      form    []          (server actions)
 *   @Body() dto: LoginDto; dto.password            body    [password]  (Nest)
 *   new LocalStrategy((username, password, done))  passport [password]
 *   function login(email, password)                parameter [password]
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { isNeverReassigned, memo } from './file.js';
import { functionName, staticKey, stringOf, unwrap } from './ast.js';
import { patternPath, refIs, resolveRef } from './modules.js';
import { isConfirmationName, isPasswordName, words } from './names.js';

export type InputSource = 'body' | 'query' | 'params' | 'headers' | 'cookies' | 'form' | 'passport' | 'credentials' | 'parameter';

export interface UserInput {
  readonly source: InputSource;
  /** Property path below the source: `req.body.user.password` → ['user', 'password']. */
  readonly path: readonly string[];
  /** The name the value is known by where it was read (last path key, or the parameter/variable name). */
  readonly name: string | null;
}

const REQUEST_PARTS: Readonly<Record<string, InputSource>> = {
  body: 'body',
  query: 'query',
  params: 'params',
  param: 'params',
  headers: 'headers',
  cookies: 'cookies',
  signedCookies: 'cookies',
  fields: 'body',
  payload: 'body',
};

/** Methods on a request object that return its body (`await request.json()`, hono `c.req.parseBody()`, `c.req.valid('json')`). */
const BODY_METHODS: Readonly<Record<string, InputSource>> = {
  json: 'body',
  formData: 'form',
  parseBody: 'body',
  text: 'body',
  valid: 'body',
  query: 'query',
  queries: 'query',
  param: 'params',
  header: 'headers',
};

/** Calls that return their (first) argument's content unchanged for our purposes. */
const PASS_THROUGH = new Set([
  'String', 'trim', 'trimStart', 'trimEnd', 'toString', 'normalize', 'valueOf', 'parse', 'parseAsync', 'safeParse',
  'validate', 'validateSync', 'plainToInstance', 'plainToClass', 'fromEntries', 'assign', 'cast', 'clean',
]);

/** Handler parameter names that hold a request object (koa's `ctx` is both context and request). */
const REQUEST_NAMES = new Set(['req', 'request', 'ctx', 'httpRequest', 'incoming']);
const REQUEST_TYPES = new Set(['Request', 'NextRequest', 'FastifyRequest', 'IncomingMessage', 'Context', 'ParameterizedContext', 'HonoRequest', 'RequestEvent', 'NextApiRequest']);

const NEST_SOURCES: Readonly<Record<string, InputSource>> = { Body: 'body', Query: 'query', Param: 'params', Headers: 'headers' };
const NEST_REQUEST = new Set(['Req', 'Request']);

const CACHE = Symbol('requests');
const MAX_DEPTH = 16;

function cache(file: FileFacts): Map<TSESTree.Node, UserInput | null> {
  return memo(file, CACHE, () => new Map<TSESTree.Node, UserInput | null>());
}

/** True when `node` evaluates to data the client controls (body, query, params, form fields, login parameters). */
export function isUserInput(file: FileFacts, node: TSESTree.Node): boolean {
  return userInputOf(file, node) !== null;
}

/** Where a user-supplied value comes from, or null when the file does not show it coming from a request. */
export function userInputOf(file: FileFacts, node: TSESTree.Node | null | undefined): UserInput | null {
  if (!node) return null;
  return input(file, node, 0, new Set());
}

/**
 * A user-supplied password: user input read under a password-like key or
 * bound to a password-like name (`req.body.password`, `const { pwd } = …`,
 * passport-local's second parameter, `formData.get('password')`). Never a
 * confirmation field (`confirmPassword`).
 */
export function userPasswordOf(file: FileFacts, node: TSESTree.Node): UserInput | null {
  const found = userInputOf(file, node);
  if (!found) return null;
  if (found.source === 'passport') return found;
  const n = unwrap(node);
  const local = n.type === T.Identifier ? n.name : n.type === T.MemberExpression ? staticKey(n) : null;
  const names = [local, found.name, found.path[found.path.length - 1]].filter((x): x is string => !!x);
  if (names.some((x) => isConfirmationName(x))) return null;
  return names.some((x) => isPasswordName(x)) ? found : null;
}

function with_(found: UserInput | null, ...keys: string[]): UserInput | null {
  if (!found || keys.length === 0) return found;
  return { source: found.source, path: [...found.path, ...keys], name: keys[keys.length - 1]! };
}

function input(file: FileFacts, raw: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): UserInput | null {
  if (depth > MAX_DEPTH) return null;
  const node = unwrap(raw);
  const memoized = cache(file);
  if (memoized.has(node)) return memoized.get(node)!;
  if (seen.has(node)) return null;
  seen.add(node);
  let result: UserInput | null;
  try {
    result = compute(file, node, depth, seen);
  } finally {
    seen.delete(node);
  }
  if (depth === 0 || result) memoized.set(node, result);
  return result;
}

function compute(file: FileFacts, node: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): UserInput | null {
  const next = (n: TSESTree.Node | null | undefined): UserInput | null => (n ? input(file, n, depth + 1, seen) : null);
  switch (node.type) {
    case T.Identifier:
      return identifier(file, node, depth, seen);
    case T.AwaitExpression:
      return next(node.argument);
    case T.LogicalExpression:
      return next(node.left) ?? (node.operator === '&&' ? null : next(node.right));
    case T.ConditionalExpression:
      return next(node.consequent) ?? next(node.alternate);
    case T.TemplateLiteral:
      return node.expressions.length === 1 && node.quasis.every((q) => q.value.cooked === '') ? next(node.expressions[0]) : null;
    case T.MemberExpression: {
      const key = staticKey(node);
      if (key === null) return null;
      if (isRequestObject(file, node.object, depth)) {
        const source = REQUEST_PARTS[key];
        return source ? { source, path: [], name: null } : null;
      }
      return with_(next(node.object), key);
    }
    case T.CallExpression:
      return call(file, node, depth, seen);
    default:
      return null;
  }
}

function call(file: FileFacts, node: TSESTree.CallExpression, depth: number, seen: Set<TSESTree.Node>): UserInput | null {
  const callee = unwrap(node.callee);
  const next = (n: TSESTree.Node | null | undefined): UserInput | null => (n && n.type !== T.SpreadElement ? input(file, n, depth + 1, seen) : null);
  if (callee.type === T.MemberExpression) {
    const method = staticKey(callee);
    if (method === null) return null;
    // await request.json(), c.req.parseBody(), c.req.query('email')
    const source = BODY_METHODS[method];
    if (source && isRequestObject(file, callee.object, depth)) {
      const key = stringOf(node.arguments[0]);
      return method === 'valid' || key === null ? { source, path: [], name: null } : { source, path: [key], name: key };
    }
    // express req.get('x-api-key') / req.header('authorization')
    if (method === 'get' && isRequestObject(file, callee.object, depth)) {
      const key = stringOf(node.arguments[0]);
      return key === null ? null : { source: 'headers', path: [key.toLowerCase()], name: key };
    }
    // formData.get('password'), searchParams.get('password')
    if ((method === 'get' || method === 'getAll') && node.arguments.length >= 1) {
      const holder = next(callee.object);
      const key = stringOf(node.arguments[0]);
      if (holder && key !== null) return with_(holder, key);
      return null;
    }
    if (PASS_THROUGH.has(method)) return next(callee.object) ?? next(node.arguments[0]);
    return null;
  }
  if (callee.type === T.Identifier && PASS_THROUGH.has(callee.name)) return next(node.arguments[0]);
  return null;
}

function identifier(file: FileFacts, id: TSESTree.Identifier, depth: number, seen: Set<TSESTree.Node>): UserInput | null {
  const variable = file.variableOf(id);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type === 'Parameter') return parameter(file, def.name as TSESTree.Identifier);
  if (def.node.type !== T.VariableDeclarator || !def.node.init || !isNeverReassigned(variable)) return null;
  const keys = patternPath(def.node.id, def.name as TSESTree.Identifier);
  if (keys === null) return null;
  // const { body } = req; const { body: { password } } = ctx.request
  if (keys.length > 0 && REQUEST_PARTS[keys[0]!] && isRequestObject(file, def.node.init, depth + 1)) {
    const rest = keys.slice(1);
    return { source: REQUEST_PARTS[keys[0]!]!, path: rest, name: rest.length ? rest[rest.length - 1]! : id.name };
  }
  const found = input(file, def.node.init, depth + 1, seen);
  if (!found) return null;
  return keys.length ? with_(found, ...keys) : { ...found, name: found.name ?? id.name };
}

/** The function a parameter belongs to and its position, through destructuring and defaults. */
function parameterSlot(name: TSESTree.Identifier): { fn: TSESTree.FunctionLike; index: number; param: TSESTree.Parameter } | null {
  let current: TSESTree.Node = name;
  while (current.parent && current.parent.type !== T.FunctionDeclaration && current.parent.type !== T.FunctionExpression && current.parent.type !== T.ArrowFunctionExpression && current.parent.type !== T.TSDeclareFunction && current.parent.type !== T.TSEmptyBodyFunctionExpression) {
    current = current.parent;
    if (current.type === T.BlockStatement || current.type === T.Program) return null;
  }
  const fn = current.parent as TSESTree.FunctionLike | undefined;
  if (!fn) return null;
  const index = fn.params.indexOf(current as TSESTree.Parameter);
  return index < 0 ? null : { fn, index, param: current as TSESTree.Parameter };
}

function decoratorName(d: TSESTree.Decorator): string | null {
  const e = unwrap(d.expression);
  if (e.type === T.CallExpression) {
    const c = unwrap(e.callee);
    return c.type === T.Identifier ? c.name : null;
  }
  return e.type === T.Identifier ? e.name : null;
}

function parameter(file: FileFacts, name: TSESTree.Identifier): UserInput | null {
  const slot = parameterSlot(name);
  if (!slot) return null;
  const { fn, index, param } = slot;
  const inner = param.type === T.TSParameterProperty ? param.parameter : param;
  const keys = patternPath(inner.type === T.AssignmentPattern ? inner.left : inner, name) ?? [];
  // Nest: @Body() dto, @Body('password') password, @Query() q
  const decorators = param.decorators ?? [];
  for (const d of decorators) {
    const dn = decoratorName(d);
    if (dn && NEST_SOURCES[dn]) {
      const e = unwrap(d.expression);
      const key = e.type === T.CallExpression ? stringOf(e.arguments[0]) : null;
      const base: UserInput = { source: NEST_SOURCES[dn], path: key ? [key] : [], name: key ?? name.name };
      return keys.length ? with_(base, ...keys) : base;
    }
  }
  // passport-local: new LocalStrategy([options,] (username, password, done) => …)
  const local = passportLocalIndex(file, fn);
  if (local !== null && index === local && keys.length === 0) return { source: 'passport', path: ['password'], name: name.name };
  // next-auth Credentials({ authorize(credentials) { … } })
  if (index === 0 && isCredentialsAuthorize(file, fn)) return keys.length ? { source: 'credentials', path: keys, name: keys[keys.length - 1]! } : { source: 'credentials', path: [], name: name.name };
  // Server actions: (formData: FormData) / (prevState, formData: FormData)
  if (keys.length === 0 && typeName(inner) === 'FormData') return { source: 'form', path: [], name: name.name };
  // A parameter named like a password or a credentials object.
  if (keys.length === 0 && (isPasswordName(name.name) || isCredentialsName(name.name))) return { source: 'parameter', path: [], name: name.name };
  // comparePassword(candidate), UserSchema.methods.checkPassword = function (attempt) { … }
  if (keys.length === 0 && isPasswordCheckName(functionName(fn)) && !isRecordName(name.name)) return { source: 'parameter', path: ['password'], name: name.name };
  if (keys.length > 0 && isPasswordName(keys[keys.length - 1]!)) {
    // ({ email, password }) destructured from a request-like parameter or any object parameter
    const base = isRequestLikeParam(inner) ? { source: 'body' as const, path: [], name: null } : { source: 'parameter' as const, path: [], name: null };
    return with_(base, ...keys);
  }
  return null;
}

/** A function whose name says it checks a password (`comparePassword`, `checkPassword`, `UserSchema.methods.validPassword`). */
export function isPasswordCheckFunction(fn: TSESTree.FunctionLike): boolean {
  return isPasswordCheckName(functionName(fn));
}

/** `comparePassword`, `checkPassword`, `isValidPassword`, `verifyPassword`, `passwordMatches`. */
function isPasswordCheckName(name: string | null): boolean {
  if (!name) return false;
  const w = words(name);
  return w.some((x) => x === 'password' || x === 'pass' || x === 'pwd') && w.some((x) => ['compare', 'check', 'verify', 'validate', 'valid', 'match', 'matches', 'correct', 'authenticate'].includes(x));
}

/** Parameters of a password check that hold the record or the hash, not the attempt. */
function isRecordName(name: string): boolean {
  const w = words(name);
  if (w.some((x) => ['input', 'given', 'provided', 'typed', 'attempt', 'candidate', 'entered', 'plain', 'raw', 'supplied'].includes(x))) return false;
  if (w.length === 2 && w[0] === 'from' && w[1] === 'user') return false;
  return w.some((x) => ['user', 'account', 'record', 'row', 'member', 'stored', 'saved', 'db', 'database', 'hash', 'hashed', 'salt', 'digest', 'encrypted', 'expected', 'actual', 'real', 'correct', 'cb', 'callback', 'done', 'next'].includes(x));
}

function isCredentialsName(name: string): boolean {
  const w = words(name);
  return w.length === 1 && (w[0] === 'credentials' || w[0] === 'creds' || w[0] === 'credential');
}

function typeName(param: TSESTree.Node): string | null {
  const annotation = 'typeAnnotation' in param ? (param.typeAnnotation as TSESTree.TSTypeAnnotation | undefined) : undefined;
  const t = annotation?.typeAnnotation;
  if (!t || t.type !== T.TSTypeReference) return null;
  if (t.typeName.type === T.Identifier) return t.typeName.name;
  if (t.typeName.type === T.TSQualifiedName) return t.typeName.right.name;
  return null;
}

function isRequestLikeParam(param: TSESTree.Node): boolean {
  const t = typeName(param);
  return t !== null && REQUEST_TYPES.has(t);
}

/** The index of the password parameter when `fn` is passport-local's verify callback, else null. */
function passportLocalIndex(file: FileFacts, fn: TSESTree.FunctionLike): number | null {
  const parent = fn.parent;
  if (parent && (parent.type === T.NewExpression || parent.type === T.CallExpression) && parent.arguments[parent.arguments.length - 1] === fn) {
    const ref = resolveRef(file, parent.callee);
    const isLocal = refIs(ref, { module: 'passport-local', path: ['Strategy'] }) || refIs(ref, { module: 'passport-local', path: [] });
    if (!isLocal) return null;
    const opts = parent.arguments.length > 1 ? unwrap(parent.arguments[0]!) : null;
    const passReq = opts?.type === T.ObjectExpression && opts.properties.some((p) => p.type === T.Property && staticKey(p) === 'passReqToCallback' && p.value.type === T.Literal && p.value.value === true);
    return passReq ? 2 : 1;
  }
  // Nest: class LocalStrategy extends PassportStrategy(Strategy) { validate(username, password) }
  if (parent?.type === T.MethodDefinition && staticKey(parent) === 'validate') {
    const cls = parent.parent.parent;
    if ((cls.type === T.ClassDeclaration || cls.type === T.ClassExpression) && cls.superClass?.type === T.CallExpression) {
      const inner = cls.superClass.arguments[0];
      if (inner && refIs(resolveRef(file, inner), { module: 'passport-local', path: ['Strategy'] })) return 1;
    }
  }
  return null;
}

/** `authorize(credentials)` of next-auth's / Auth.js's Credentials provider. */
function isCredentialsAuthorize(file: FileFacts, fn: TSESTree.FunctionLike): boolean {
  const prop = fn.parent;
  if (!prop || prop.type !== T.Property || staticKey(prop) !== 'authorize') return false;
  const obj = prop.parent;
  const callNode = obj?.parent;
  if (!callNode || callNode.type !== T.CallExpression) return false;
  const ref = resolveRef(file, callNode.callee);
  return !!ref && (ref.module.includes('providers/credentials') || ref.path.includes('Credentials') || ref.path.includes('CredentialsProvider'));
}

/**
 * A request (or request context) object: a handler parameter named or typed
 * like one (`req`, `request`, `ctx`, `c.req`, `ctx.request`, `event.request`),
 * a Nest `@Req()` parameter, or something destructured from one.
 */
export function isRequestObject(file: FileFacts, raw: TSESTree.Node, depth = 0): boolean {
  const node = unwrap(raw);
  if (node.type === T.MemberExpression) {
    const key = staticKey(node);
    // hono c.req, koa ctx.request, SvelteKit event.request
    if (key === 'req' || key === 'request' || key === 'raw') return isContextLike(file, node.object, depth + 1);
    return false;
  }
  if (node.type !== T.Identifier || depth > MAX_DEPTH) return false;
  const variable = file.variableOf(node);
  if (!variable || variable.defs.length !== 1) return false;
  const def = variable.defs[0]!;
  if (def.type !== 'Parameter') {
    if (def.node.type === T.VariableDeclarator && def.node.init && isNeverReassigned(variable) && depth < MAX_DEPTH) {
      const keys = patternPath(def.node.id, def.name as TSESTree.Identifier);
      // const { request } = event; const req = c.req
      if (keys && keys.length === 0) return isRequestObject(file, def.node.init, depth + 1);
      if (keys && keys.length === 1 && (keys[0] === 'request' || keys[0] === 'req')) return isContextLike(file, def.node.init, depth + 1);
    }
    return false;
  }
  const slot = parameterSlot(def.name as TSESTree.Identifier);
  if (!slot) return false;
  const inner = slot.param.type === T.TSParameterProperty ? slot.param.parameter : slot.param;
  if ((slot.param.decorators ?? []).some((d) => NEST_REQUEST.has(decoratorName(d) ?? ''))) return true;
  const keys = patternPath(inner.type === T.AssignmentPattern ? inner.left : inner, def.name as TSESTree.Identifier);
  if (keys && keys.length === 1 && (keys[0] === 'request' || keys[0] === 'req')) return true; // ({ request }) => …
  if (keys && keys.length > 0) return false;
  const t = typeName(inner);
  if (t !== null && REQUEST_TYPES.has(t) && t !== 'Context') return true;
  if (t === 'Context' || t === 'ParameterizedContext') return isKoaContextName(node.name);
  return REQUEST_NAMES.has(node.name);
}

function isKoaContextName(name: string): boolean {
  return name === 'ctx' || name === 'context';
}

/** A handler context that carries a request (`c`, `ctx`, `context`, `event`, a typed `Context`). */
function isContextLike(file: FileFacts, raw: TSESTree.Node, depth: number): boolean {
  const node = unwrap(raw);
  if (node.type !== T.Identifier || depth > MAX_DEPTH) return false;
  const variable = file.variableOf(node);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Parameter') return false;
  return ['c', 'ctx', 'context', 'event', 'e', 'evt', 'req', 'request'].includes(node.name) || typeName(variable.defs[0]!.name) !== null;
}
