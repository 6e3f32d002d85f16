/**
 * Session sites of a file, extracted once: where the authenticated identity is
 * written into a server-side session (`req.session.user = …`,
 * `request.session.set('user', …)`, `Object.assign(req.session, { user })`)
 * and where passport's `req.login` runs, each with the handler it belongs to
 * and what that handler does before it: check a credential, get a new session
 * id (`req.session.regenerate`, koa's `ctx.session = null`), log in through
 * passport. Vocabulary comes from `models/session-login.ts`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from '../file.js';
import { memo } from '../file.js';
import { calleeName, enclosingFunction, nameOf, staticKey, stringOf, unwrap } from '../ast.js';
import { isCallOf } from '../match.js';
import { normalizeModule, requiredModule, resolveRef } from '../modules.js';
import { isHashName, isPasswordName, words } from '../names.js';
import { nodesIn, routeOf } from '../routes.js';
import { getProperty } from '../values.js';
import {
  AUTHENTICATING_CALLS,
  CHECK_WORDS,
  COOKIE_STORED_SESSIONS,
  CREDENTIAL_OBJECT_WORDS,
  IDENTITY_WORD_PAIRS,
  IDENTITY_WORDS,
  LOGIN_CALL_WORDS,
  NOT_IDENTITY_WORDS,
  REGENERATE_WORD_PAIRS,
  REGENERATE_WORDS,
} from '../../models/session-login.js';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.FunctionLike;

/** A session expression: `req.session`, an alias of it, or a Nest `@Session()` parameter; `base` is the request object when known. */
export interface SessionRef {
  readonly base: Node | null;
  readonly baseText: string;
}

/** What the handler does before a site, each on every path to it or not. */
interface Before {
  /** The handler a site belongs to: the one that declares its request parameter, else the nearest route handler or function. */
  readonly handler: FunctionNode | null;
  /** A new session id is made first (`regenerate` runs before it, or it runs in `regenerate`'s callback). */
  readonly regenerated: boolean;
}

/** An identity written into the session. */
export interface IdentityWrite extends Before {
  readonly node: Node;
  readonly session: SessionRef;
  readonly key: string;
  /** Written with `session.set(key, …)` (fastify), not by assignment. */
  readonly viaSet: boolean;
  /** A credential is checked (or a login call made) earlier in the handler. */
  readonly authenticated: boolean;
  /** A passport `req.login` runs before it on every path. */
  readonly afterPassportLogin: boolean;
}

/** A passport `req.login(user, …)` / `req.logIn(…)` in a handler. */
export interface PassportLogin extends Before {
  readonly call: TSESTree.CallExpression;
}

export interface SessionSites {
  /** Identity writes in source order. */
  readonly writes: readonly IdentityWrite[];
  readonly logins: readonly PassportLogin[];
}

type EventKind = 'auth' | 'regenerate' | 'login';
interface Event {
  readonly kind: EventKind;
  readonly node: Node;
}

const SITES = Symbol('session-sites');
const EVENTS = Symbol('session-events');
const COOKIE_STORED = Symbol('cookie-stored-session');

// ---------------------------------------------------------------------------
// Names

function hasPair(w: readonly string[], pairs: readonly (readonly [string, string])[]): boolean {
  return pairs.some(([a, b]) => w.some((x, i) => x === a && w[i + 1] === b));
}

/** `user`, `userId`, `accountId`, `passport`, `isAuthenticated`, `loggedIn`; not `views`, `cart`, `loginAttempts`, `pendingUserId`. */
export function isIdentityKey(key: string): boolean {
  const w = words(key);
  if (w.some((x) => NOT_IDENTITY_WORDS.includes(x))) return false;
  return w.some((x) => IDENTITY_WORDS.includes(x)) || hasPair(w, IDENTITY_WORD_PAIRS);
}

function isPasswordNamed(node: Node | null | undefined): boolean {
  if (!node || node.type === T.SpreadElement) return false;
  const name = nameOf(node);
  return !!name && isPasswordName(name);
}

/** `user.password = …`, `user.passwordHash = …`: a new password is set. */
function isPasswordField(name: string | null): boolean {
  if (!name) return false;
  return isPasswordName(name) || (isHashName(name) && words(name).some((x) => x === 'password' || x === 'pass' || x === 'pwd' || x === 'passwd'));
}

/** A call argument that carries a password: `password`, `req.body.password`, `{ email, password }`, `{ where: { password } }`. */
function carriesPassword(arg: Node, depth = 0): boolean {
  const node = unwrap(arg);
  if (isPasswordNamed(node)) return true;
  if (node.type !== T.ObjectExpression || depth > 1) return false;
  return node.properties.some((p) => p.type === T.Property && (isPasswordName(staticKey(p) ?? '') || carriesPassword(p.value as Node, depth + 1)));
}

function isRegenerateName(name: string | null): boolean {
  if (!name) return false;
  const w = words(name);
  return w.some((x) => REGENERATE_WORDS.includes(x)) || hasPair(w, REGENERATE_WORD_PAIRS);
}

/** `totp.verify(…)` → `totp verify`, `user.comparePassword(…)` → `user comparePassword`: the receiver says what is checked. */
function receiverAndMethod(call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return null;
  const receiver = nameOf(callee.object);
  const method = staticKey(callee);
  return receiver && method ? `${receiver} ${method}` : null;
}

/** A name that says the call checks a credential or logs in: `verifyPassword`, `comparePassword`, `validateUser`, `authenticate`. */
function isAuthCallName(name: string | null): boolean {
  if (!name) return false;
  const w = words(name);
  if (w.some((x) => LOGIN_CALL_WORDS.includes(x)) || hasPair(w, [['sign', 'in'], ['log', 'in']])) return true;
  return w.some((x) => CHECK_WORDS.includes(x)) && w.some((x) => CREDENTIAL_OBJECT_WORDS.includes(x));
}

// ---------------------------------------------------------------------------
// Sessions, handlers and what they do

/** Is `raw` a session object, and of which request? */
function sessionOf(file: FileFacts, raw: Node | null | undefined): SessionRef | null {
  if (!raw) return null;
  const node = unwrap(raw);
  if (node.type === T.MemberExpression && staticKey(node) === 'session') {
    const base = unwrap(node.object);
    if (base.type === T.ThisExpression) return null;
    return { base, baseText: file.sourceCode.getText(base) };
  }
  if (node.type !== T.Identifier) return null;
  const variable = file.variableOf(node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return null;
  if (def.node.type === T.VariableDeclarator && def.node.init) {
    const init = unwrap(def.node.init);
    if (def.node.id.type === T.Identifier) {
      const inner = init.type === T.AwaitExpression ? unwrap(init.argument) : init;
      return inner.type === T.MemberExpression && staticKey(inner) === 'session' ? sessionOf(file, inner) : null;
    }
    if (def.node.id.type === T.ObjectPattern) {
      const prop = def.node.id.properties.find((p) => p.type === T.Property && p.value === def.name && staticKey(p) === 'session');
      return prop ? { base: init, baseText: file.sourceCode.getText(init) } : null;
    }
    return null;
  }
  if (def.type === 'Parameter' && def.name.type === T.Identifier) {
    // Nest: login(@Session() session: Record<string, unknown>)
    const decorated = def.name.decorators?.some((d) => {
      const expr = unwrap(d.expression);
      const ref = resolveRef(file, expr.type === T.CallExpression ? expr.callee : expr);
      return ref ? ref.module === '@nestjs/common' && ref.path[0] === 'Session' : calleeName(expr as TSESTree.CallExpression) === 'Session';
    });
    if (decorated) return { base: null, baseText: 'req' };
  }
  return null;
}

/** The function a site belongs to: the one that declares its request parameter, else the nearest. */
function handlerOf(file: FileFacts, base: Node | null, node: Node): FunctionNode | null {
  const id = base ? unwrap(base) : null;
  if (id?.type === T.Identifier) {
    const def = file.variableOf(id)?.defs[0];
    if (def?.type === 'Parameter') return def.node as FunctionNode;
  }
  return routeOf(file, node)?.handlerFunction ?? enclosingFunction(node);
}

/** `req.login(…)` / `request.logIn(…)` on a handler's request parameter. */
function isPassportLogin(file: FileFacts, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return false;
  const name = staticKey(callee);
  if (name !== 'login' && name !== 'logIn') return false;
  const object = unwrap(callee.object);
  if (object.type !== T.Identifier || !/^(req|request)$/.test(object.name)) return false;
  if (file.variableOf(object)?.defs[0]?.type !== 'Parameter') return false;
  // `req.logIn(user, { session: false })`: a stateless (token) login, no session to fixate
  const options = call.arguments[1] && call.arguments[1].type !== T.SpreadElement ? getProperty(file, call.arguments[1], 'session') : null;
  return !(options?.kind === 'found' && unwrap(options.value).type === T.Literal && (unwrap(options.value) as TSESTree.Literal).value === false);
}

/** Authentication, regeneration and passport logins in a handler, once per function. */
function eventsIn(file: FileFacts, fn: FunctionNode): Event[] {
  const cache = memo(file, EVENTS, () => new Map<Node, Event[]>());
  const hit = cache.get(fn);
  if (hit) return hit;
  const events: Event[] = [];
  for (const call of nodesIn(file, fn, T.CallExpression)) {
    const callee = unwrap(call.callee);
    const name = calleeName(call);
    if (callee.type === T.MemberExpression && name === 'regenerate' && sessionOf(file, callee.object)) events.push({ kind: 'regenerate', node: call });
    else if (isRegenerateName(name)) events.push({ kind: 'regenerate', node: call });
    else if (isPassportLogin(file, call)) events.push({ kind: 'login', node: call });
    else if (
      AUTHENTICATING_CALLS.some((pattern) => isCallOf(file, call, pattern))
      || isAuthCallName(name)
      || isAuthCallName(receiverAndMethod(call))
      || call.arguments.some((a) => carriesPassword(a))
    ) {
      events.push({ kind: 'auth', node: call });
    }
  }
  // `promisify(req.session.regenerate.bind(req.session))`: the method passed as a value.
  for (const member of nodesIn(file, fn, T.MemberExpression)) {
    if (staticKey(member) !== 'regenerate' || !sessionOf(file, member.object)) continue;
    const parent = member.parent;
    if (parent.type === T.CallExpression && parent.callee === member) continue;
    events.push({ kind: 'regenerate', node: member });
  }
  for (const binary of nodesIn(file, fn, T.BinaryExpression)) {
    if (!['==', '===', '!=', '!=='].includes(binary.operator)) continue;
    if (isPasswordNamed(binary.left) || isPasswordNamed(binary.right)) events.push({ kind: 'auth', node: binary });
  }
  for (const assign of nodesIn(file, fn, T.AssignmentExpression)) {
    if (assign.left.type !== T.MemberExpression) continue;
    // koa: `ctx.session = null` drops the old session before a new one is created.
    if (staticKey(assign.left) === 'session' && unwrap(assign.right).type === T.Literal && (unwrap(assign.right) as TSESTree.Literal).value === null) {
      events.push({ kind: 'regenerate', node: assign });
    } else if (isPasswordField(staticKey(assign.left))) {
      events.push({ kind: 'auth', node: assign });
    }
  }
  cache.set(fn, events);
  return events;
}

/** Does an event of `kind` run before `target` on every path through the handler? */
function runsBefore(events: readonly Event[], kind: EventKind, target: Node): boolean {
  return events.some((e) => e.kind === kind && dominates(e.node, target));
}

// ---------------------------------------------------------------------------
// Extraction

/** The identity writes and passport logins of a file, computed once. */
export function sessionSites(file: FileFacts): SessionSites {
  return memo(file, SITES, () => extract(file));
}

function extract(file: FileFacts): SessionSites {
  const program = file.sourceCode.ast;
  const nodes: (TSESTree.AssignmentExpression | TSESTree.CallExpression)[] = [...nodesIn(file, program, T.AssignmentExpression), ...nodesIn(file, program, T.CallExpression)];
  nodes.sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]); // traversal order: outer node first
  const writes: IdentityWrite[] = [];
  const logins: PassportLogin[] = [];
  const addWrite = (node: Node, session: SessionRef, key: string, viaSet: boolean): void => {
    const handler = handlerOf(file, session.base, node);
    const events = handler ? eventsIn(file, handler) : [];
    writes.push({
      node,
      session,
      key,
      viaSet,
      handler,
      authenticated: events.some((e) => e.kind === 'auth' && e.node.range[0] < node.range[0]),
      regenerated: runsBefore(events, 'regenerate', node),
      afterPassportLogin: runsBefore(events, 'login', node),
    });
  };
  for (const node of nodes) {
    if (node.type === T.AssignmentExpression) {
      if (node.operator !== '=' || node.left.type !== T.MemberExpression) continue;
      const key = staticKey(node.left);
      if (!key) continue;
      const session = sessionOf(file, node.left.object);
      if (session) {
        if (isIdentityKey(key)) addWrite(node, session, key, false);
        continue;
      }
      // req.session.passport.user = …
      const outer = unwrap(node.left.object);
      if (outer.type === T.MemberExpression) {
        const outerKey = staticKey(outer);
        const parentSession = sessionOf(file, outer.object);
        if (parentSession && outerKey && isIdentityKey(outerKey)) addWrite(node, parentSession, outerKey, false);
      }
      continue;
    }
    const callee = unwrap(node.callee);
    if (callee.type !== T.MemberExpression) continue;
    const name = staticKey(callee);
    if (name === 'set') {
      // fastify: request.session.set('user', …)
      const session = sessionOf(file, callee.object);
      const key = stringOf(node.arguments[0]);
      if (session && key && isIdentityKey(key)) addWrite(node, session, key, true);
    } else if (name === 'assign' && unwrap(callee.object).type === T.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'Object') {
      // Object.assign(req.session, { user })
      const session = sessionOf(file, node.arguments[0]);
      const source = node.arguments[1] ? unwrap(node.arguments[1]) : null;
      if (!session || source?.type !== T.ObjectExpression) continue;
      const key = source.properties.map((p) => (p.type === T.Property ? staticKey(p) : null)).find((k): k is string => !!k && isIdentityKey(k));
      if (key) addWrite(node, session, key, false);
    } else if (isPassportLogin(file, node)) {
      const handler = handlerOf(file, callee.object, node);
      logins.push({ call: node, handler, regenerated: !!handler && runsBefore(eventsIn(file, handler), 'regenerate', node) });
    }
  }
  return { writes, logins };
}

/** The file loads a session library that keeps the session in a sealed cookie (cookie-session, iron-session, …), by import, require or `import()`. */
export function usesCookieStoredSession(file: FileFacts): boolean {
  return memo(file, COOKIE_STORED, () => {
    for (const statement of file.sourceCode.ast.body) {
      if (statement.type === T.ImportDeclaration && COOKIE_STORED_SESSIONS.includes(normalizeModule(String(statement.source.value)))) return true;
    }
    for (const call of nodesIn(file, file.sourceCode.ast, T.CallExpression)) {
      const module = requiredModule(file, call);
      if (module && COOKIE_STORED_SESSIONS.includes(module)) return true;
    }
    for (const dynamic of nodesIn(file, file.sourceCode.ast, T.ImportExpression)) {
      const source = stringOf(dynamic.source);
      if (source && COOKIE_STORED_SESSIONS.includes(normalizeModule(source))) return true;
    }
    return false;
  });
}

// ---------------------------------------------------------------------------
// Order within a handler

/** `regen` runs before `target` on every path to it: `target` is in its callback, or it precedes it unconditionally. */
function dominates(regen: Node, target: Node): boolean {
  const call = regen.type === T.CallExpression ? regen : regen.parent?.type === T.CallExpression && regen.parent.callee === regen ? regen.parent : null;
  if (call) {
    for (const arg of call.arguments) {
      if ((arg.type === T.ArrowFunctionExpression || arg.type === T.FunctionExpression) && contains(arg, target)) return true;
    }
  }
  if (regen.range[1] > target.range[0]) return false;
  const ancestors = new Set<Node>();
  for (let n: Node | undefined = target; n; n = n.parent) ancestors.add(n);
  let child: Node = regen;
  for (let n: Node | undefined = regen.parent; n && !ancestors.has(n); child = n, n = n.parent) {
    if (isConditional(n, child)) return false;
    if ((n.type === T.ArrowFunctionExpression || n.type === T.FunctionExpression) && !isPromiseExecutor(n)) return false;
  }
  return true;
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** `child` runs only on some paths through `parent` (a branch, a short-circuit, a loop body, a catch). */
function isConditional(parent: Node, child: Node): boolean {
  switch (parent.type) {
    case T.IfStatement:
      return child !== parent.test;
    case T.ConditionalExpression:
      return child !== parent.test;
    case T.LogicalExpression:
      return child === parent.right;
    case T.SwitchCase:
    case T.CatchClause:
      return true;
    case T.ForStatement:
    case T.ForInStatement:
    case T.ForOfStatement:
    case T.WhileStatement:
      return child === parent.body;
    default:
      return false;
  }
}

/** `new Promise((resolve, reject) => req.session.regenerate(...))`: runs before the awaiting code continues. */
function isPromiseExecutor(fn: Node): boolean {
  const parent = fn.parent;
  return parent?.type === T.NewExpression && parent.arguments[0] === fn && unwrap(parent.callee).type === T.Identifier && (unwrap(parent.callee) as TSESTree.Identifier).name === 'Promise';
}
