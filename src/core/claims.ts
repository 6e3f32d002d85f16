/**
 * Where the claims of a token go once it is decoded: do they decide who the
 * caller is or what they may do? Used to tell `decode` for display or logging
 * apart from `decode` standing in for a verify.
 *
 *   req.user = claims                 identity (`ctx.state.user`, `c.set('user', …)`, passport `done(null, …)`)
 *   if (claims.role !== 'admin')      condition (a claim read, or any check in request / auth code)
 *   User.findById(claims.sub)         lookup
 *   return claims (from auth code)    return
 *   res.json(claims), <p>{claims.name}</p>, logger.info(claims)   none
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import type { CallLike } from './match.js';
import { calleeName, enclosingFunction, functionName, memberRoot, mentionedNames, staticKey, unwrap } from './ast.js';
import { patternPath } from './modules.js';
import { words } from './names.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** How decoded claims drive a decision: they become the identity, decide a condition, pick an account, or are returned by auth code. */
export type ClaimUse = 'user' | 'condition' | 'lookup' | 'return';

/** Claims about time only: reading them is not an identity decision outside auth code. */
const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf']);

/** Parameters that make a function request handling / middleware (`req`, `ctx`, `next`, a Lambda `event`). */
const REQUEST_WORDS = new Set(['req', 'request', 'ctx', 'context', 'res', 'response', 'reply', 'next', 'event', 'locals']);

/** Words in a function's name that say it authenticates or authorises. */
const AUTH_FUNCTION_WORDS = new Set([
  'auth', 'authenticate', 'authenticated', 'authorize', 'authorized', 'authorization', 'user', 'session', 'identity',
  'principal', 'guard', 'role', 'roles', 'permission', 'permissions', 'admin', 'login', 'access', 'protect', 'protected',
  'require', 'current', 'middleware', 'can', 'activate', 'validate', 'verify', 'handler', 'authorizer',
]);

/** Property names that hold the authenticated identity when assigned (`req.user`, `ctx.state.auth`). */
const IDENTITY_WORDS = new Set([
  'user', 'auth', 'identity', 'principal', 'claims', 'session', 'role', 'roles', 'account', 'permission', 'permissions',
  'scope', 'scopes', 'tenant', 'admin', 'current',
]);

/** Nouns in a callee that say it loads an account (`User.findById`, `prisma.user.findUnique`). */
const ACCOUNT_WORDS = new Set(['user', 'users', 'account', 'accounts', 'member', 'members', 'customer', 'customers', 'profile', 'profiles', 'person', 'people', 'principal', 'tenant', 'employee', 'admin', 'admins']);

const RESPONSE_METHODS = new Set(['json', 'send', 'end', 'render', 'jsonp', 'write', 'html', 'text']);

const RESPONSE_FIELDS = new Set(['body', 'status', 'statusCode', 'message', 'type', 'headers', 'length']);

const LOOKUP_VERBS = new Set(['find', 'lookup', 'load', 'fetch']);

/** Passport-style callbacks that hand the identity to the framework. */
const DONE_CALLBACKS = new Set(['done', 'cb', 'callback', 'verified']);

const UI_MODULES = /^(react|react-dom|react-native|vue|svelte|solid-js|preact|@angular\/core|next\/navigation|next\/router)(\/|$)/;

/** Parameter names, including the keys of a destructured parameter (`({ req })` → req). */
function parameterNames(fn: TSESTree.FunctionLike): string[] {
  const out: string[] = [];
  for (const raw of fn.params) {
    const p = raw.type === T.TSParameterProperty ? raw.parameter : raw;
    const id = p.type === T.AssignmentPattern ? p.left : p;
    if (id.type === T.Identifier) out.push(id.name);
    else if (id.type === T.ObjectPattern) {
      for (const prop of id.properties) if (prop.type === T.Property) out.push(staticKey(prop) ?? '');
    }
  }
  return out;
}

/** Browser code (a `'use client'` file, or one importing a UI framework): what it decodes only drives what is shown. */
export function isClientFile(program: TSESTree.Program): boolean {
  for (const statement of program.body) {
    if (statement.type === T.ExpressionStatement && statement.directive === 'use client') return true;
    if (statement.type === T.ImportDeclaration && UI_MODULES.test(String(statement.source.value))) return true;
  }
  return false;
}

/** Code that runs in the browser to render: a `'use client'` file, or inside a React component or hook. */
export function inUiCode(program: TSESTree.Program, node: Node): boolean {
  if (program.body.some((s) => s.type === T.ExpressionStatement && s.directive === 'use client')) return true;
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) if (isUiFunction(fn)) return true;
  return false;
}

/** A React component or hook: what it decodes is shown, not trusted. */
function isUiFunction(fn: TSESTree.FunctionLike): boolean {
  const name = functionName(fn);
  if (name && /^use[A-Z]/.test(name)) return true;
  const isJsx = (n: Node | null | undefined): boolean => {
    if (!n) return false;
    const u = unwrap(n);
    if (u.type === T.JSXElement || u.type === T.JSXFragment) return true;
    if (u.type === T.ConditionalExpression) return isJsx(u.consequent) || isJsx(u.alternate);
    if (u.type === T.LogicalExpression) return isJsx(u.right);
    return false;
  };
  if (fn.body?.type !== T.BlockStatement) return isJsx(fn.body);
  const stack: Node[] = [...fn.body.body];
  let budget = 2000;
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    switch (n.type) {
      case T.ReturnStatement:
        if (isJsx(n.argument)) return true;
        break;
      case T.BlockStatement:
        stack.push(...n.body);
        break;
      case T.IfStatement:
        stack.push(n.consequent);
        if (n.alternate) stack.push(n.alternate);
        break;
      case T.TryStatement:
        stack.push(n.block);
        if (n.handler) stack.push(n.handler.body);
        if (n.finalizer) stack.push(n.finalizer);
        break;
      case T.SwitchStatement:
        for (const c of n.cases) stack.push(...c.consequent);
        break;
      default:
        break;
    }
  }
  return false;
}

/** Request handling or auth code: a `req`/`ctx`/`next`/`event` parameter, or a name about auth, users, roles, guards. */
function isAuthFunction(fn: TSESTree.FunctionLike | null): boolean {
  if (!fn || isUiFunction(fn)) return false;
  if (parameterNames(fn).some((p) => words(p).some((w) => REQUEST_WORDS.has(w)))) return true;
  const name = functionName(fn);
  return !!name && words(name).some((w) => AUTH_FUNCTION_WORDS.has(w) || REQUEST_WORDS.has(w));
}

/** `req.user = …`, `ctx.state.user = …`, `res.locals.auth = …`, `request.session.userId = …`. */
function isIdentityTarget(left: TSESTree.MemberExpression): boolean {
  const key = staticKey(left);
  if (key && words(key).some((w) => IDENTITY_WORDS.has(w))) return true;
  if (key && RESPONSE_FIELDS.has(key)) return false; // `ctx.body = claims`: a response, not an identity
  const root = memberRoot(left);
  return root.type === T.Identifier && words(root.name).some((w) => REQUEST_WORDS.has(w) && w !== 'next' && w !== 'event');
}

/** `User.findById(…)`, `prisma.user.findUnique(…)`, `users.find(…)`, `this.usersService.findOne(…)`. */
function isAccountLookup(call: CallLike): boolean {
  const callee = unwrap(call.callee);
  const names = mentionedNames(callee, 8);
  if (names.some((n) => words(n).some((w) => ACCOUNT_WORDS.has(w)))) return true;
  const method = calleeName(call);
  return !!method && LOOKUP_VERBS.has(words(method)[0] ?? '');
}

function isDoneCallback(call: CallLike, arg: Node): boolean {
  const callee = unwrap(call.callee);
  return callee.type === T.Identifier && DONE_CALLBACKS.has(callee.name) && call.arguments.indexOf(arg as TSESTree.CallExpressionArgument) >= 1;
}

/** `res.json(x)`, `reply.send(x)`, `c.json(x)`, `NextResponse.json(x)`, `new Response(x)`: x only goes back to the client. */
function isResponse(call: CallLike): boolean {
  const callee = unwrap(call.callee);
  if (call.type === T.NewExpression) return callee.type === T.Identifier && callee.name === 'Response';
  const name = calleeName(call);
  return !!name && RESPONSE_METHODS.has(name) && callee.type === T.MemberExpression;
}

/** `c.set('user', claims)` (hono), `request.session.set('user', claims)`, `ctx.set('jwtPayload', claims)`: a context setter keyed by identity. */
function isIdentitySetter(call: CallLike, arg: Node): boolean {
  if (calleeName(call) !== 'set' || call.arguments[1] !== arg) return false;
  const key = call.arguments[0];
  const name = key && key.type === T.Literal && typeof key.value === 'string' ? key.value : null;
  return !!name && words(name).some((w) => IDENTITY_WORDS.has(w) || w === 'jwt');
}

type Step = { readonly use: ClaimUse } | { readonly declarator: TSESTree.VariableDeclarator; readonly claim: boolean } | { readonly assigned: TSESTree.Identifier; readonly claim: boolean } | null;

/**
 * Follow a decoded value up through the expression it sits in to where it
 * ends: an identity assignment, a condition, a user lookup, a return, or a
 * new binding to follow further. `claim` says a claim (not the whole token,
 * not only a time claim) has been read on the way.
 */
function climb(start: Node, claimIn: boolean): Step {
  let n = start;
  let claim = claimIn;
  const condition = (at: Node): Step => {
    const fn = enclosingFunction(at);
    if (fn && isUiFunction(fn)) return null; // a component choosing what to show
    return claim || isAuthFunction(fn) ? { use: 'condition' } : null;
  };
  for (let i = 0; i < 64; i++) {
    const p: Node | undefined = n.parent;
    if (!p) return null;
    switch (p.type) {
      case T.MemberExpression: {
        if (p.object !== n) return null;
        const key = staticKey(p);
        if (key === 'header') return null; // reading the header (kid, alg) to pick a key
        if (key !== 'payload' && !(key !== null && TIME_CLAIMS.has(key))) claim = true;
        n = p;
        continue;
      }
      case T.UnaryExpression:
        if (p.operator === 'typeof') return null; // a type check of a claim decides nothing about access
        n = p;
        continue;
      case T.ChainExpression:
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.TSSatisfiesExpression:
      case T.TSTypeAssertion:
      case T.AwaitExpression:
      case T.BinaryExpression:
      case T.LogicalExpression:
      case T.TemplateLiteral:
      case T.ArrayExpression:
      case T.SpreadElement:
      case T.ObjectExpression:
        n = p;
        continue;
      case T.Property:
        if (p.value !== n || p.parent.type !== T.ObjectExpression) return null;
        n = p;
        continue;
      case T.ConditionalExpression:
        if (p.test === n) return condition(p);
        n = p;
        continue;
      case T.IfStatement:
      case T.WhileStatement:
      case T.DoWhileStatement:
      case T.ForStatement:
        return p.test === n ? condition(p) : null;
      case T.SwitchStatement:
        return p.discriminant === n ? condition(p) : null;
      case T.CallExpression:
      case T.NewExpression:
        if (p.callee !== n) {
          if (isResponse(p)) return null; // claims echoed in a response body
          if (isAccountLookup(p)) return { use: 'lookup' };
          if (isDoneCallback(p, n) || isIdentitySetter(p, n)) return { use: 'user' };
        }
        n = p;
        continue;
      case T.ArrowFunctionExpression:
        if (p.body !== n) return null;
        if ((p.parent.type === T.CallExpression || p.parent.type === T.NewExpression) && p.parent.callee !== p) {
          return isAccountLookup(p.parent) ? { use: 'lookup' } : null;
        }
        return isAuthFunction(p) ? { use: 'return' } : null;
      case T.ReturnStatement:
        return isAuthFunction(enclosingFunction(p)) ? { use: 'return' } : null;
      case T.AssignmentExpression:
        if (p.right !== n || p.operator !== '=') return null;
        if (p.left.type === T.MemberExpression) {
          // `this.user = claims` is an identity only in code that authenticates (a client SDK keeps it as display state).
          if (memberRoot(p.left).type === T.ThisExpression && !isAuthFunction(enclosingFunction(p))) return null;
          return isIdentityTarget(p.left) ? { use: 'user' } : null;
        }
        return p.left.type === T.Identifier ? { assigned: p.left, claim } : null;
      case T.VariableDeclarator:
        return p.init === n ? { declarator: p, claim } : null;
      default:
        return null;
    }
  }
  return null;
}

/**
 * How the claims of a decoded (unverified) token drive an auth decision,
 * following the value and the bindings it flows into within the file: an
 * identity assignment, an access condition, an account lookup, or a return
 * from auth code. Null when it is only shown, logged or echoed back.
 */
export function claimUse(file: FileFacts, decoded: Node): ClaimUse | null {
  const queue: { node: Node; claim: boolean }[] = [{ node: decoded, claim: false }];
  const seen = new Set<Variable>();
  const follow = (variable: Variable, claim: boolean): void => {
    if (seen.has(variable)) return;
    seen.add(variable);
    for (const ref of variable.references) {
      if (ref.isRead() && ref.identifier.type === T.Identifier) queue.push({ node: ref.identifier, claim });
    }
  };
  for (let steps = 0; queue.length && steps < 128; steps++) {
    const { node, claim } = queue.shift()!;
    const step = climb(node, claim);
    if (!step) continue;
    if ('use' in step) return step.use;
    if ('assigned' in step) {
      const variable = file.variableOf(step.assigned);
      if (variable) follow(variable, step.claim);
      continue;
    }
    for (const variable of file.sourceCode.getDeclaredVariables(step.declarator)) {
      const id = variable.defs[0]?.name;
      if (!id || id.type !== T.Identifier) continue;
      const keys = patternPath(step.declarator.id, id);
      if (keys === null || keys.includes('header')) continue;
      const claimed = step.claim || keys.some((k) => k !== 'payload' && !TIME_CLAIMS.has(k));
      follow(variable, claimed);
    }
  }
  return null;
}

