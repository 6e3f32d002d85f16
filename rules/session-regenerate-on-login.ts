import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CHECK_TEST_FILES_OPTION, createRule } from '../src/create-rule.js';
import type { FileFacts } from '../src/core/file.js';
import { getFile, memo } from '../src/core/file.js';
import { calleeName, enclosingFunction, nameOf, staticKey, stringOf, unwrap } from '../src/core/ast.js';
import { isCallOf } from '../src/core/match.js';
import { requiredModule, normalizeModule, resolveRef } from '../src/core/modules.js';
import { isHashName, isPasswordName, words } from '../src/core/names.js';
import { declaredRange, rangeAtLeast } from '../src/core/packages.js';
import { nodesIn, routeOf } from '../src/core/routes.js';
import {
  AUTHENTICATING_CALLS,
  CHECK_WORDS,
  COOKIE_STORED_SESSIONS,
  CREDENTIAL_OBJECT_WORDS,
  IDENTITY_WORD_PAIRS,
  IDENTITY_WORDS,
  LOGIN_CALL_WORDS,
  NOT_IDENTITY_WORDS,
  PASSPORT_REGENERATES_FROM,
  REGENERATE_FIX,
  REGENERATE_WORD_PAIRS,
  REGENERATE_WORDS,
  type SessionFlavor,
} from '../src/models/session-login.js';

export type MessageId = 'fixation' | 'passportLogin';
export type Options = [{ checkTestFiles?: boolean }];

type Node = TSESTree.Node;
type FunctionNode = TSESTree.FunctionLike;

/** A session expression: `req.session`, an alias of it, or a Nest `@Session()` parameter; `base` is the request object when known. */
interface SessionRef {
  readonly base: Node | null;
  readonly baseText: string;
}

/** An identity written into the session. */
interface Write {
  readonly node: Node;
  readonly session: SessionRef;
  readonly key: string;
  readonly viaSet: boolean;
}

type EventKind = 'auth' | 'regenerate' | 'login';
interface Event {
  readonly kind: EventKind;
  readonly node: Node;
}

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

export default createRule<Options, MessageId>({
  name: 'session-regenerate-on-login',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a new session id (`req.session.regenerate`) before storing the logged-in user in the session',
      category: 'session-fixation',
      recommended: 'recommended',
    },
    messages: {
      fixation:
        'Session fixation: `{{target}}` stores the authenticated identity in the session that existed before login, keeping its id. An attacker who planted that session id (a crafted link, a shared computer, a subdomain cookie) is now logged in as this user. {{fix}}.',
      passportLogin:
        '`{{target}}` logs the user in without a new session id: passport {{version}} keeps the session from before login (it regenerates only from 0.6), so a planted session id becomes authenticated. Upgrade passport to 0.6 or later, or call `req.session.regenerate((err) => { …; req.login(user, …); })` first.',
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
    const writes: Write[] = [];
    const logins: TSESTree.CallExpression[] = [];
    const reportedHandlers = new Set<Node>();
    let passport: { range: string | null; regenerates: boolean } | null = null;

    function passportInfo(): { range: string | null; regenerates: boolean } {
      if (!passport) {
        const range = declaredRange(file.filename, 'passport');
        passport = { range, regenerates: range === null ? true : (rangeAtLeast(range, PASSPORT_REGENERATES_FROM) ?? true) };
      }
      return passport;
    }

    /** Is `raw` a session object, and of which request? */
    function sessionOf(raw: Node | null | undefined): SessionRef | null {
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
          return inner.type === T.MemberExpression && staticKey(inner) === 'session' ? sessionOf(inner) : null;
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

    /** The function a write belongs to: the one that declares its request parameter, else the nearest. */
    function handlerOf(session: SessionRef, node: Node): FunctionNode | null {
      const base = session.base ? unwrap(session.base) : null;
      if (base?.type === T.Identifier) {
        const def = file.variableOf(base)?.defs[0];
        if (def?.type === 'Parameter') return def.node as FunctionNode;
      }
      return routeOf(file, node)?.handlerFunction ?? enclosingFunction(node);
    }

    function isPassportLogin(call: TSESTree.CallExpression): boolean {
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression) return false;
      const name = staticKey(callee);
      if (name !== 'login' && name !== 'logIn') return false;
      const object = unwrap(callee.object);
      if (object.type !== T.Identifier || !/^(req|request)$/.test(object.name)) return false;
      return file.variableOf(object)?.defs[0]?.type === 'Parameter';
    }

    /** Authentication, regeneration and passport logins in a handler, once per function. */
    function eventsIn(fn: FunctionNode): Event[] {
      const cache = memo(file, EVENTS, () => new Map<Node, Event[]>());
      const hit = cache.get(fn);
      if (hit) return hit;
      const events: Event[] = [];
      for (const call of nodesIn(file, fn, T.CallExpression)) {
        const callee = unwrap(call.callee);
        const name = calleeName(call);
        if (callee.type === T.MemberExpression && name === 'regenerate' && sessionOf(callee.object)) events.push({ kind: 'regenerate', node: call });
        else if (isRegenerateName(name)) events.push({ kind: 'regenerate', node: call });
        else if (isPassportLogin(call)) events.push({ kind: 'login', node: call });
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
        if (staticKey(member) !== 'regenerate' || !sessionOf(member.object)) continue;
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

    function report(write: Write): void {
      const route = routeOf(file, write.node);
      const flavor: SessionFlavor =
        route?.framework === 'koa' || (route?.framework !== 'fastify' && write.session.baseText === 'ctx') ? 'koa'
          : route?.framework === 'fastify' || write.viaSet ? 'fastify'
            : 'express';
      const target = file.sourceCode.getText(write.node.type === T.AssignmentExpression ? write.node.left : write.node);
      context.report({
        node: write.node,
        messageId: 'fixation',
        data: { target: target.length > 60 ? `${target.slice(0, 57)}…` : target, fix: REGENERATE_FIX[flavor](write.session.baseText, write.key) },
      });
    }

    function check(write: Write): void {
      const fn = handlerOf(write.session, write.node);
      if (!fn) return;
      const events = eventsIn(fn);
      const authenticated = events.some((e) => e.kind === 'auth' && e.node.range[0] < write.node.range[0]);
      if (!authenticated) return;
      const loginRegenerates = passportInfo().regenerates;
      const renewed = events.some((e) => (e.kind === 'regenerate' || (e.kind === 'login' && loginRegenerates)) && dominates(e.node, write.node));
      // One finding per login handler: the first identity write the fix has to move behind `regenerate`.
      if (!renewed && !reportedHandlers.has(fn)) {
        reportedHandlers.add(fn);
        report(write);
      }
    }

    function checkLogin(call: TSESTree.CallExpression): void {
      const info = passportInfo();
      if (info.regenerates) return;
      const callee = unwrap(call.callee) as TSESTree.MemberExpression;
      const fn = handlerOf({ base: callee.object, baseText: '' }, call);
      if (fn && eventsIn(fn).some((e) => e.kind === 'regenerate' && dominates(e.node, call))) return;
      context.report({ node: call.callee, messageId: 'passportLogin', data: { target: `${file.sourceCode.getText(callee)}()`, version: info.range ?? '' } });
    }

    return {
      AssignmentExpression(node) {
        if (node.operator !== '=' || node.left.type !== T.MemberExpression) return;
        const key = staticKey(node.left);
        if (!key) return;
        const session = sessionOf(node.left.object);
        if (session) {
          if (isIdentityKey(key)) writes.push({ node, session, key, viaSet: false });
          return;
        }
        // req.session.passport.user = …
        const outer = unwrap(node.left.object);
        if (outer.type === T.MemberExpression) {
          const outerKey = staticKey(outer);
          const parentSession = sessionOf(outer.object);
          if (parentSession && outerKey && isIdentityKey(outerKey)) writes.push({ node, session: parentSession, key: outerKey, viaSet: false });
        }
      },
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== T.MemberExpression) return;
        const name = staticKey(callee);
        if (name === 'set') {
          // fastify: request.session.set('user', …)
          const session = sessionOf(callee.object);
          const key = stringOf(node.arguments[0]);
          if (session && key && isIdentityKey(key)) writes.push({ node, session, key, viaSet: true });
        } else if (name === 'assign' && unwrap(callee.object).type === T.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'Object') {
          // Object.assign(req.session, { user })
          const session = sessionOf(node.arguments[0]);
          const source = node.arguments[1] ? unwrap(node.arguments[1]) : null;
          if (!session || source?.type !== T.ObjectExpression) return;
          const key = source.properties.map((p) => (p.type === T.Property ? staticKey(p) : null)).find((k): k is string => !!k && isIdentityKey(k));
          if (key) writes.push({ node, session, key, viaSet: false });
        } else if (isPassportLogin(node)) {
          logins.push(node);
        }
      },
      'Program:exit'() {
        if ((writes.length || logins.length) && usesCookieStoredSession(file)) return;
        for (const write of writes) check(write);
        for (const login of logins) checkLogin(login);
      },
    };
  },
});

const EVENTS = Symbol('session-events');

/** The file loads a session library that keeps the session in a sealed cookie (cookie-session, iron-session, …), by import, require or `import()`. */
function usesCookieStoredSession(file: FileFacts): boolean {
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
