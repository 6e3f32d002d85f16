/**
 * "Does this handler check a credential the client sends?", decided by data
 * flow: request input (body, query, params, headers, cookies, form data, a
 * Nest DTO, a handler parameter the route table marks as input) reaching a
 * credential check:
 *
 *   bcrypt.compare(req.body.password, user.hash)          a password compare (models/credential-checks.ts)
 *   user.comparePassword(pw), verifyTotp(secret, code)    a call named like a check, given the input
 *   findOne({ where: { resetToken: req.query.token } })   a lookup by a token, code or key
 *   findUserByResetToken(req.params.token)                a lookup named like one
 *   if (code !== user.otpCode)                            a compare with a stored secret
 *   passport.authenticate('local')(req, res, next)        a passport strategy that checks credentials
 *   signIn('credentials', …), auth.api.signInEmail(…)     an auth library's sign-in
 *
 * The check may be a call or two away: a function of the same file, an
 * export of another project module (core → project layer), or a method of
 * a Nest service the controller injects. The answer is 'checks', 'none'
 * (the flow is known and reaches no check) or 'unknown' (the handler is not
 * here, hands the whole request to code we cannot see, or only responds):
 * only then may the route's words decide.
 *
 * Provider-issued identities (OAuth codes, ID tokens verified with the
 * provider) and bearer re-checks of a token the server issued are not
 * credentials an attacker can guess, so they are not checks here.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { isNeverReassigned } from './file.js';
import { functionName, staticKey, stringOf, unwrap } from './ast.js';
import { moduleMatches, patternPath, resolveRef } from './modules.js';
import { isCredentialName, isPasswordName, isTokenName, words } from './names.js';
import { isRequestObject, userInputOf } from './requests.js';
import { localFunction } from './flow.js';
import { nodesIn, type Route } from './routes.js';
import { importedFunction } from '../project/values.js';
import { definitionOf } from '../project/exports.js';
import {
  CHECK_VERBS, CHECKED_OTHER_WORDS, CREDENTIAL_CHECK_CALLS, NOT_CREDENTIAL_CODE_WORDS, CREDENTIAL_OBJECT_WORDS, CREDENTIAL_PROVIDERS, PASSPORT_CREDENTIAL_STRATEGIES,
  PROVIDER_WORDS, SIGN_IN_PAIRS, SIGN_IN_WORDS,
} from '../models/credential-checks.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type FunctionNode = TSESTree.FunctionLike;

export type CheckEvidence = 'checks' | 'none' | 'unknown';

/** How many calls away from the handler a check may be. */
const MAX_CALLS = 3;
const MAX_TAINT_DEPTH = 12;

const STRONG_VERBS = new Set(['compare', 'check', 'verify', 'validate', 'valid', 'match', 'matches', 'matched', 'correct', 'consume', 'redeem', 'authenticate']);
const VERBS = new Set(CHECK_VERBS);
const OBJECTS = new Set(CREDENTIAL_OBJECT_WORDS);
const SIGN_IN = new Set(SIGN_IN_WORDS);
const CHECKED_OTHER = new Set(CHECKED_OTHER_WORDS);
const NOT_CREDENTIAL_CODE = new Set(NOT_CREDENTIAL_CODE_WORDS);
const PROVIDERS = new Set(PROVIDER_WORDS);
const LOOKUP_VERBS = new Set(['find', 'get', 'fetch', 'lookup', 'load', 'query', 'select', 'read', 'retrieve', 'search']);
const LOOKUP_METHODS = new Set(['get', 'has']);
/** Methods whose result is still the input (`token.trim()`, `auth.replace('Bearer ', '')`, `header.split(' ')[1]`). */
const SAME_VALUE_METHODS = new Set([
  'trim', 'trimStart', 'trimEnd', 'toString', 'toLowerCase', 'toUpperCase', 'normalize', 'replace', 'replaceAll', 'slice',
  'substring', 'substr', 'split', 'at', 'valueOf', 'parse', 'parseAsync', 'safeParse', 'validate', 'validateSync', 'update', 'digest',
]);
const PARSE_WORDS = new Set(['parse', 'validate', 'body', 'json', 'payload', 'form', 'extract', 'sanitize', 'decode']);
const SAME_VALUE_FUNCTIONS = new Set(['String', 'decodeURIComponent', 'Number', 'parseInt', 'BigInt']);
const HASH_WORDS = new Set(['hash', 'sha', 'sha1', 'sha256', 'sha512', 'hmac', 'digest', 'md5', 'encode', 'decode', 'base64', 'hex']);
/** Response helpers: a handler that only calls these only responds. */
const RESPONSE_METHODS = new Set([
  'json', 'send', 'end', 'status', 'sendStatus', 'render', 'redirect', 'html', 'text', 'body', 'code', 'header', 'set', 'type',
  'sendFile', 'setHeader', 'writeHead', 'write', 'view', 'cookie', 'clearCookie', 'next', 'notFound',
]);

interface Scan {
  readonly file: FileFacts;
  readonly fn: FunctionNode;
  /** Parameters of `fn` that carry the input (as variables). */
  readonly tainted: ReadonlySet<Variable>;
  /** Of those, the ones that carry a header or cookie the client sends on every request (a bearer token, an API key). */
  readonly bearer: ReadonlySet<Variable>;
  readonly depth: number;
  readonly visiting: Set<FunctionNode>;
}

const ROUTE_CACHE = new WeakMap<Route, CheckEvidence>();
const FUNCTION_CACHE = new WeakMap<FunctionNode, Map<string, CheckEvidence>>();

/** Does the route's handler take a credential from the request and check it? */
export function routeCredentialEvidence(file: FileFacts, route: Route): CheckEvidence {
  const hit = ROUTE_CACHE.get(route);
  if (hit) return hit;
  const result = computeRoute(file, route);
  ROUTE_CACHE.set(route, result);
  return result;
}

function computeRoute(file: FileFacts, route: Route): CheckEvidence {
  if (route.middleware.some((m) => passportChecks(file, m)) || guardChecks(file, route)) return 'checks';
  // router.post('/token', passport.authenticate('github')): the strategy decides
  const strategy = route.handler ? passportStrategy(file, route.handler) : undefined;
  if (strategy !== undefined) return strategy !== null && stringOf(unwrap(strategy)) === null && unwrap(strategy).type !== T.ArrayExpression ? 'unknown' : strategyChecks(file, strategy) ? 'checks' : 'none';
  const params = new Set(route.inputParams ?? []);
  const own = route.handlerFunction ? functionEvidence(file, route.handlerFunction, params, 0, new Set(), socketBearerParams(route)) : null;
  if (own === 'checks') return own;
  // router.get('/verify/:token', asyncHandler(auth.verify), asyncHandler(renders.verify)): handlers and
  // middleware defined elsewhere in the project, through a wrapper call.
  const parts = [...route.middleware, ...(route.handlerFunction ? [] : route.handler ? [route.handler] : [])];
  let seen: CheckEvidence | null = own;
  for (const part of parts) {
    const target = part.type === T.SpreadElement ? null : handlerTarget(file, part);
    // an OAuth step (`startOAuthFlow`) hands identity to a provider; it checks nothing guessable
    if (!target || isProviderName(functionName(target.fn) ?? '')) continue;
    const verdict = functionEvidence(target.file, target.fn, new Set(), 1, new Set());
    if (verdict === 'checks') return 'checks';
    if (part === route.handler) seen = verdict;
  }
  return seen ?? 'unknown';
}

/** Words of a token that is exchanged or checked once rather than carried by every request. */
const ONE_TIME_TOKEN_WORDS = new Set(['refresh', 'reset', 'otp', 'totp', 'code', 'verification', 'verify', 'invite', 'invitation', 'magic', 'recovery', 'backup']);

/**
 * socket.io: an event argument named like a plain token (`socket.on('auth', (token) => …)`,
 * `loginByToken(token)`) is the token the server issued for the connection, re-checked like a
 * bearer header; a refresh, reset or one-time token stays a credential.
 */
function socketBearerParams(route: Route): Set<number> {
  const out = new Set<number>();
  if (route.framework !== 'socketio' || !route.handlerFunction) return out;
  route.handlerFunction.params.forEach((p, i) => {
    const id = p.type === T.AssignmentPattern ? p.left : p;
    if (id.type !== T.Identifier) return;
    const w = words(id.name);
    if ((w.includes('token') || w.includes('jwt')) && !w.some((x) => ONE_TIME_TOKEN_WORDS.has(x))) out.add(i);
  });
  return out;
}

/** The function a handler or middleware expression runs: `auth.verify`, `asyncHandler(renders.reset)`, `wrap(fn)`. */
function handlerTarget(file: FileFacts, raw: Node): { file: FileFacts; fn: FunctionNode } | null {
  let node = unwrap(raw);
  // Controller.login.bind(this): the method itself
  if (node.type === T.CallExpression && isBindCall(node)) node = unwrap((unwrap(node.callee) as TSESTree.MemberExpression).object);
  if (node.type === T.CallExpression && node.arguments.length === 1 && node.arguments[0]!.type !== T.SpreadElement) node = unwrap(node.arguments[0]!);
  if (node.type === T.CallExpression && isBindCall(node)) node = unwrap((unwrap(node.callee) as TSESTree.MemberExpression).object);
  if (node.type === T.ArrowFunctionExpression || node.type === T.FunctionExpression) return { file, fn: node };
  if (node.type !== T.Identifier && node.type !== T.MemberExpression) return null;
  const local = localFunction(file, node);
  if (local) return { file, fn: local };
  return importedFunction(file, node) ?? exportedInstanceMethod(file, node);
}

function isBindCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression && staticKey(callee) === 'bind';
}

/** `Controller.login` where the project module exports `new Controller()`: the class's method. */
function exportedInstanceMethod(file: FileFacts, node: Node): { file: FileFacts; fn: FunctionNode } | null {
  const ref = resolveRef(file, node);
  if (!ref || !ref.module.startsWith('.') || ref.path.length === 0 || ref.path.includes('()') || ref.path.includes('new')) return null;
  const definition = definitionOf(file, { module: ref.module, path: ref.path.slice(0, -1) });
  if (!definition || definition.rest.length) return null;
  const created = unwrap(definition.at.node);
  if (created.type !== T.NewExpression || unwrap(created.callee).type !== T.Identifier) return null;
  const def = definition.at.file.variableOf(unwrap(created.callee) as TSESTree.Identifier)?.defs[0]?.node;
  if (!def || (def.type !== T.ClassDeclaration && def.type !== T.ClassExpression)) return null;
  const method = classMethod(def, ref.path[ref.path.length - 1]!);
  return method ? { file: definition.at.file, fn: method } : null;
}

/**
 * Does input reach a credential check in `fn`, when the parameters at
 * `inputParams` carry input (request objects and DTOs are found by
 * core/requests.ts whatever the indices)?
 */
export function functionEvidence(file: FileFacts, fn: FunctionNode, inputParams: ReadonlySet<number>, depth = 0, visiting = new Set<FunctionNode>(), bearerParams: ReadonlySet<number> = new Set()): CheckEvidence {
  const key = `${[...inputParams].sort().join(',')}/${[...bearerParams].sort().join(',')}@${depth}`;
  let perFn = FUNCTION_CACHE.get(fn);
  const hit = perFn?.get(key);
  if (hit) return hit;
  if (visiting.has(fn)) return 'none';
  visiting.add(fn);
  const tainted = new Set<Variable>();
  const bearer = new Set<Variable>();
  fn.params.forEach((p, i) => {
    if (!inputParams.has(i)) return;
    const vars = new Set(file.sourceCode.getDeclaredVariables?.(p) ?? []);
    const inner = p.type === T.TSParameterProperty ? p.parameter : p;
    const id = inner.type === T.AssignmentPattern ? inner.left : inner;
    if (id.type === T.Identifier) {
      const v = file.variableOf(id);
      if (v) vars.add(v);
    }
    for (const v of vars) {
      tainted.add(v);
      if (bearerParams.has(i)) bearer.add(v);
    }
  });
  let result: CheckEvidence;
  try {
    result = scan({ file, fn, tainted, bearer, depth, visiting });
  } finally {
    visiting.delete(fn);
  }
  if (!perFn) FUNCTION_CACHE.set(fn, (perFn = new Map()));
  perFn.set(key, result);
  return result;
}

function scan(s: Scan): CheckEvidence {
  const { file, fn } = s;
  let unknown = false;
  let readsInput = s.tainted.size > 0;
  let acts = false;
  for (const call of nodesIn(file, fn, T.CallExpression)) {
    const verdict = callEvidence(s, call);
    if (verdict === 'checks') return 'checks';
    if (verdict === 'unknown') unknown = true;
    if (!isResponseCall(file, call)) acts = true;
  }
  for (const bin of nodesIn(file, fn, T.BinaryExpression)) {
    if (comparesSecret(s, bin)) return 'checks';
  }
  if (!readsInput) readsInput = nodesIn(file, fn, T.MemberExpression).some((m) => userInputOf(file, m) !== null);
  if (unknown) return 'unknown';
  // A handler that only responds is a placeholder: it says nothing about what the route checks.
  if (s.depth === 0 && !acts && !nodesIn(file, fn, T.NewExpression).length && !nodesIn(file, fn, T.IfStatement).length) return 'unknown';
  return readsInput || acts ? 'none' : 'unknown';
}

/** `res.json(…)`, `c.json(…)`, `reply.code(401).send()`, `NextResponse.json(…)`, `Response.json(…)`. */
function isResponseCall(file: FileFacts, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return callee.name === 'next' || callee.name === 'done' || callee.name === 'json' || callee.name === 'redirect' || callee.name === 'error' || callee.name === 'fail';
  if (callee.type !== T.MemberExpression) return false;
  const key = staticKey(callee);
  if (!key || !RESPONSE_METHODS.has(key)) return false;
  let root = unwrap(callee.object);
  while (root.type === T.CallExpression || root.type === T.MemberExpression) root = unwrap(root.type === T.CallExpression ? root.callee : root.object);
  return root.type === T.Identifier && !isRequestObject(file, root) && (file.variableOf(root)?.defs[0]?.type === 'Parameter' || ['NextResponse', 'Response'].includes(root.name));
}

// ---------------------------------------------------------------------------
// Taint: does an expression carry the input?

function tainted(s: Scan, raw: Node | null | undefined, depth = 0): boolean {
  if (!raw || raw.type === T.SpreadElement || depth > MAX_TAINT_DEPTH) return false;
  const node = unwrap(raw);
  if (userInputOf(s.file, node) !== null) return true;
  const next = (n: Node | null | undefined): boolean => tainted(s, n, depth + 1);
  switch (node.type) {
    case T.Identifier: {
      const variable = s.file.variableOf(node);
      if (!variable) return false;
      if (s.tainted.has(variable)) return true;
      if (variable.defs.length !== 1) return false;
      const def = variable.defs[0]!;
      if (def.node.type === T.VariableDeclarator && def.node.init && isNeverReassigned(variable)) {
        // const { password } = body; const [user, pass] = decoded.split(':')
        const keys = def.node.id.type === T.ArrayPattern ? [] : patternPath(def.node.id, def.name as TSESTree.Identifier);
        return keys !== null && next(def.node.init);
      }
      return false;
    }
    case T.AwaitExpression:
      return next(node.argument);
    case T.MemberExpression:
      return !isRequestObject(s.file, node.object) && next(node.object);
    case T.LogicalExpression:
      return next(node.left) || next(node.right);
    case T.ConditionalExpression:
      return next(node.consequent) || next(node.alternate);
    case T.TemplateLiteral:
      return node.expressions.some((e) => next(e));
    case T.BinaryExpression:
      return node.operator === '+' && (next(node.left) || next(node.right));
    case T.ArrayExpression:
      return node.elements.some((e) => next(e));
    case T.CallExpression: {
      const callee = unwrap(node.callee);
      if (callee.type === T.MemberExpression) {
        const key = staticKey(callee) ?? '';
        // formData.get('pin') on a parameter that carries the input; Buffer.from(token)
        if ((key === 'get' || key === 'getAll') && next(callee.object)) return true;
        if (key === 'from' && unwrap(callee.object).type === T.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'Buffer') return next(node.arguments[0]);
        if (SAME_VALUE_METHODS.has(key)) return next(callee.object) || (key === 'update' || key === 'parse' || key === 'safeParse' || key === 'validate' ? node.arguments.some((a) => next(a)) : false);
        if (words(key).some((w) => HASH_WORDS.has(w))) return node.arguments.some((a) => next(a));
        return false;
      }
      if (callee.type === T.Identifier) {
        if (SAME_VALUE_FUNCTIONS.has(callee.name) || words(callee.name).some((w) => HASH_WORDS.has(w))) return next(node.arguments[0]);
        // const { body } = await parseRequest(request, schema): a helper that reads the request for the handler
        if (words(callee.name).some((w) => PARSE_WORDS.has(w))) return node.arguments.some((a) => a.type !== T.SpreadElement && (isRequestObject(s.file, a) || next(a)));
      }
      return false;
    }
    default:
      return false;
  }
}

/** The name the input is known by: the identifier, the last property, or where it was read. */
function inputNames(s: Scan, raw: Node): string[] {
  const node = unwrap(raw);
  const out: string[] = [];
  if (node.type === T.Identifier) out.push(node.name);
  if (node.type === T.MemberExpression) {
    const k = staticKey(node);
    if (k && !/^\d+$/.test(k)) out.push(k);
    else out.push(...inputNames(s, node.object));
  }
  if (node.type === T.CallExpression && unwrap(node.callee).type === T.MemberExpression) out.push(...inputNames(s, (unwrap(node.callee) as TSESTree.MemberExpression).object));
  if (node.type === T.AwaitExpression) out.push(...inputNames(s, node.argument));
  if (node.type === T.LogicalExpression) out.push(...inputNames(s, node.left));
  const found = userInputOf(s.file, node);
  if (found?.name) out.push(found.name);
  if (found?.path.length) out.push(found.path[found.path.length - 1]!);
  return out;
}

function isCredentialInput(s: Scan, node: Node): boolean {
  return inputNames(s, node).some((n) => isCredentialName(n) && !isProviderName(n));
}

function isProviderName(name: string): boolean {
  const w = nameWords(name);
  return w.some((x) => PROVIDERS.has(x)) || (w.includes('id') && w.includes('token') && w.indexOf('id') + 1 === w.indexOf('token'));
}

/** The input is a token the client presents on every request (Authorization header, a cookie), not a refresh token. */
function isBearerInput(s: Scan, node: Node): boolean {
  if (inputNames(s, node).some((n) => words(n).includes('refresh'))) return false;
  const n = unwrap(node);
  const input = userInputOf(s.file, n) ?? (n.type === T.Identifier ? null : null);
  if (input) return input.source === 'headers' || input.source === 'cookies';
  // the value came from a header through a binding: `const token = auth.split(' ')[1]`
  return bearerOrigin(s, n, 0);
}

function bearerOrigin(s: Scan, node: Node, depth: number): boolean {
  if (depth > MAX_TAINT_DEPTH) return false;
  const n = unwrap(node);
  const found = userInputOf(s.file, n);
  if (found) return found.source === 'headers' || found.source === 'cookies';
  if (n.type === T.Identifier) {
    const variable = s.file.variableOf(n);
    if (variable && s.bearer.has(variable)) return true;
    const def = variable?.defs[0];
    return def?.node.type === T.VariableDeclarator && !!def.node.init && bearerOrigin(s, def.node.init, depth + 1);
  }
  if (n.type === T.TemplateLiteral) return n.expressions.some((e) => tainted(s, e)) && n.expressions.every((e) => !tainted(s, e) || bearerOrigin(s, e, depth + 1));
  if (n.type === T.CallExpression && unwrap(n.callee).type !== T.MemberExpression) return n.arguments.some((a) => tainted(s, a) && bearerOrigin(s, a, depth + 1));
  if (n.type === T.MemberExpression) return bearerOrigin(s, n.object, depth + 1);
  if (n.type === T.AwaitExpression) return bearerOrigin(s, n.argument, depth + 1);
  if (n.type === T.LogicalExpression) return bearerOrigin(s, n.left, depth + 1);
  if (n.type === T.CallExpression && unwrap(n.callee).type === T.MemberExpression) {
    const callee = unwrap(n.callee) as TSESTree.MemberExpression;
    const obj = unwrap(callee.object);
    // Buffer.from(header), createHash(…).update(key)
    if (obj.type === T.Identifier && obj.name === 'Buffer') return n.arguments.some((a) => tainted(s, a) && bearerOrigin(s, a, depth + 1));
    if (staticKey(callee) === 'update' && n.arguments.some((a) => tainted(s, a))) return n.arguments.every((a) => !tainted(s, a) || bearerOrigin(s, a, depth + 1));
    return bearerOrigin(s, callee.object, depth + 1);
  }
  return false;
}

// ---------------------------------------------------------------------------
// Calls

/** `words`, keeping `OAuth`, `OpenID` and `IdToken` whole (`startOAuthFlow` → start, oauth, flow). */
function nameWords(name: string): readonly string[] {
  const lower = name.toLowerCase();
  const extra = ['oauth', 'openid', 'idtoken', 'oidc'].filter((x) => lower.includes(x));
  return extra.length ? [...words(name), ...extra] : words(name);
}

/** The words of what a call invokes: `this.authService.verifyTotp` → verify totp; the receiver's words apart. */
function calleeWords(call: TSESTree.CallExpression): { name: readonly string[]; receiver: readonly string[] } {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return { name: nameWords(callee.name), receiver: [] };
  if (callee.type === T.MemberExpression) {
    const key = staticKey(callee);
    const obj = unwrap(callee.object);
    const receiver = obj.type === T.Identifier ? obj.name : obj.type === T.MemberExpression ? staticKey(obj) : null;
    return { name: key ? nameWords(key) : [], receiver: receiver ? nameWords(receiver) : [] };
  }
  return { name: [], receiver: [] };
}

function hasPair(w: readonly string[], pairs: readonly (readonly [string, string])[]): boolean {
  for (let i = 0; i + 1 < w.length; i++) if (pairs.some(([a, b]) => w[i] === a && w[i + 1] === b)) return true;
  return false;
}

function callEvidence(s: Scan, call: TSESTree.CallExpression): CheckEvidence | null {
  const { file } = s;
  if (passportChecks(file, call)) return 'checks';
  if (isResponseCall(file, call)) return null;
  const args = call.arguments;
  const taintedArgs = args.map((a) => tainted(s, a) || objectCarries(s, a));
  const passesRequest = args.some((a) => a.type !== T.SpreadElement && isRequestObject(file, a) && !isResponseLike(a));
  const { name, receiver } = calleeWords(call);
  const provider = name.some((w) => PROVIDERS.has(w)) || receiver.some((w) => PROVIDERS.has(w)) || (name.includes('id') && name.includes('token'));

  // Library checks by module.
  const ref = resolveRef(file, call.callee);
  if (ref) {
    for (const entry of CREDENTIAL_CHECK_CALLS) {
      if (!moduleMatches(entry, ref.module) || entry.path.length !== ref.path.length || !entry.path.every((p, i) => ref.path[i] === p)) continue;
      const indices = entry.args === 'any' ? args.map((_, i) => i) : entry.args;
      for (const i of indices) {
        const a = args[i];
        if (!a || !taintedArgs[i]) continue;
        // A token or key the client sends on every request authenticates that request; a password (HTTP Basic) is a login.
        if (!entry.password && isBearerInput(s, a)) continue;
        return 'checks';
      }
      return null;
    }
  }
  // sendResetLink(email), mailer.send(…): the first half of a reset or magic-link flow. It checks nothing
  // itself, but the annotated fixtures count such routes by their words, so the flow leaves them to the words.
  if (isMailCall(name, receiver)) return 'unknown';
  if (!taintedArgs.some(Boolean) && !passesRequest) {
    // `signIn('credentials', { redirect: false, ...form })` takes the form through a spread the taint does not see
    return null;
  }
  if (provider || name.some((w) => NOT_CREDENTIAL_CALL.has(w)) || receiver.some((w) => NOT_CREDENTIAL_CALL.has(w))) return null;
  // Only a bearer token, API key or session cookie reaches the call: request authentication, not a login.
  const bearerOnly = !passesRequest && args.every((a, i) => !taintedArgs[i] || (a.type !== T.SpreadElement && isBearerInput(s, a) && !isPasswordInput(s, a)));
  // `signIn('credentials', …)`: the provider argument decides.
  const first = stringOf(args[0] ?? null);
  const signIn = isSignInName(name);
  if (signIn && first !== null && args.length > 1) {
    if (CREDENTIAL_PROVIDERS.includes(first.toLowerCase())) return 'checks';
    return null;
  }
  // (a sign-in given only the token the connection or request carries re-checks it: `authenticateSocket(socket, token)`)
  if (signIn && !bearerOnly) return 'checks';
  // One call away (a function of this file, another module's export, a Nest service method): a body we
  // can read is judged by what it does, not by its name (`validatePassword(pw)` checking strength,
  // `validateInvite(email, orgId)`, `verifyToken(bearer)` check no credential).
  const visible = s.depth < MAX_CALLS ? calleeFunction(file, call) : null;
  if (bearerOnly && !visible) return null;
  if (!visible && namedCheck(s, call, name, taintedArgs)) return 'checks';
  const credentialArg = args.some((a, i) => taintedArgs[i] && a.type !== T.SpreadElement && (isCredentialInput(s, a) || carriesCredential(s, a)));
  // findOne({ where: { resetToken: token } }), Token.findOne({ token }); not create({ data: { password } })
  if (!WRITE_VERBS.has(name[0] ?? '') && !bearerOnly && args.some((a) => lookupByCredential(s, a, 0, LOOKUP_VERBS.has(name[0] ?? '') || name.includes('where')))) return 'checks';
  // codes.get(req.body.code), sessions.has(token)
  if (name.length === 1 && LOOKUP_METHODS.has(name[0]!) && credentialArg && unwrap(call.callee).type === T.MemberExpression) return 'checks';
  // SELECT … WHERE reset_token = $1
  if (sqlLookup(s, call)) return 'checks';
  if (visible) return bodyEvidence(s, call, visible, taintedArgs, bearerOnly || !namedCheck(s, call, name, taintedArgs));
  // Code we cannot see gets the whole request, or a credential: it may check it (a hash function,
  // a schema's parse, a built-in does not).
  if (name.some((w) => HASH_WORDS.has(w) || PARSE_WORDS.has(w) || w === 'safe') || isBuiltIn(file, call)) return null;
  if (passesRequest) return 'unknown';
  if (credentialArg) return 'unknown';
  if (args.some((a, i) => taintedArgs[i] && isWholeInput(s, a))) return 'unknown';
  return null;
}

/** A call named like a credential check: `verifyTotp(code)`, `user.comparePassword(pw)`, `findUserByResetToken(token)`. */
function namedCheck(s: Scan, call: TSESTree.CallExpression, name: readonly string[], taintedArgs: readonly boolean[]): boolean {
  const args = call.arguments;
  // `validateInvitationMessage(message)`, `validateDefaultLanguageCode(input)`: the name checks something else
  if (CHECKED_OTHER.has(name.at(-1) ?? '')) return false;
  const verb = name.find((w) => VERBS.has(w));
  const object = name.some((w, i) => OBJECTS.has(w) && !(w === 'code' && NOT_CREDENTIAL_CODE.has(name[i - 1] ?? '')));
  const credentialArg = args.some((a, i) => taintedArgs[i] && a.type !== T.SpreadElement && (isCredentialInput(s, a) || carriesCredential(s, a)));
  const tokenArg = args.some((a, i) => taintedArgs[i] && a.type !== T.SpreadElement && inputNames(s, a).some((n) => isCredentialName(n) && !isPasswordName(n) && !isProviderName(n)));
  if (verb && STRONG_VERBS.has(verb) && (object || credentialArg)) return true;
  if (verb && tokenArg) return true;
  // findUserByResetToken(token), getByApiKey(key)
  const by = name.indexOf('by');
  // (a bare `code` only with a qualifier or a credential argument: `findOneByCode(input.countryCode)` looks up a country)
  const after = name.slice(by + 1);
  const byCredential = after.some((w) => (OBJECTS.has(w) && w !== 'code') || w === 'hash') || (after.includes('code') && (after.some((w) => CODE_QUALIFIERS.has(w)) || credentialArg || tokenArg));
  return by > 0 && byCredential && LOOKUP_VERBS.has(name[0]!);
}

/**
 * One call away: a function of this file, another module's export, a Nest service method, given the
 * tainted arguments. A body we cannot judge ('unknown') falls back to the call's name when `byBody`
 * is false (the name says it checks a credential).
 */
function bodyEvidence(s: Scan, call: TSESTree.CallExpression, target: { file: FileFacts; fn: FunctionNode }, taintedArgs: readonly boolean[], byBody: boolean): CheckEvidence | null {
  const args = call.arguments;
  const indices = new Set<number>();
  const bearerIndices = new Set<number>();
  taintedArgs.forEach((t, i) => {
    if (!t) return;
    indices.add(i);
    const a = args[i]!;
    if (a.type !== T.SpreadElement && isBearerInput(s, a) && !isPasswordInput(s, a)) bearerIndices.add(i);
  });
  const verdict = functionEvidence(target.file, target.fn, indices, s.depth + 1, s.visiting, bearerIndices);
  if (verdict === 'none') return null;
  if (verdict === 'unknown' && !byBody) return 'checks';
  return verdict;
}

const MAIL_WORDS = new Set(['mail', 'mailer', 'email', 'emails', 'sms', 'notify', 'notification']);

function isMailCall(name: readonly string[], receiver: readonly string[]): boolean {
  const mail = name.some((w) => MAIL_WORDS.has(w)) || receiver.some((w) => MAIL_WORDS.has(w));
  return (name[0] === 'send' || name[0] === 'queue' || name[0] === 'deliver' || name[0] === 'enqueue') && (mail || name.some((w) => w === 'link' || w === 'reset' || w === 'magic'));
}

function isResponseLike(node: Node): boolean {
  const n = unwrap(node);
  return n.type === T.Identifier && ['res', 'response', 'reply', 'h'].includes(n.name);
}

/** `req.body`, `await request.json()`, a DTO: the whole input object. */
function isWholeInput(s: Scan, node: Node): boolean {
  const n = unwrap(node);
  const found = userInputOf(s.file, n);
  return !!found && found.path.length === 0 && found.source !== 'parameter';
}

/** `Array.isArray(x)`, `JSON.stringify(x)`, `Object.keys(x)`, `console.log(x)`: the language's own functions. */
function isBuiltIn(file: FileFacts, call: TSESTree.CallExpression): boolean {
  let root = unwrap(call.callee);
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  return root.type === T.Identifier && BUILT_INS.has(root.name) && file.isGlobal(root);
}
const BUILT_INS = new Set(['Array', 'JSON', 'Object', 'Math', 'console', 'Number', 'String', 'Boolean', 'Promise', 'Date', 'Buffer', 'Reflect', 'URL', 'URLSearchParams', 'encodeURIComponent', 'decodeURIComponent', 'parseInt', 'parseFloat', 'isNaN', 'RegExp', 'Error', 'Symbol', 'Map', 'Set']);

/** An object argument whose properties carry the input (`{ email, password }`, `{ ...body }`). */
function objectCarries(s: Scan, raw: Node): boolean {
  const node = unwrap(raw);
  if (node.type !== T.ObjectExpression) return false;
  return node.properties.some((p) => (p.type === T.SpreadElement ? tainted(s, p.argument) : p.type === T.Property && (tainted(s, p.value) || objectCarries(s, p.value))));
}

/** An object argument with a credential under a credential-named key: `updatePassword({ userId, currentPassword })`. */
function carriesCredential(s: Scan, raw: Node): boolean {
  const node = unwrap(raw);
  if (node.type !== T.ObjectExpression) return false;
  return node.properties.some((p) => p.type === T.Property && isCredentialKey(staticKey(p) ?? '') && tainted(s, p.value) && !(isBearerInput(s, p.value) && !isPasswordInput(s, p.value)));
}

/** An object (at any depth up to 3) with a credential-named key whose value is the input: `{ where: { resetToken: token } }`. */
function lookupByCredential(s: Scan, raw: Node, depth: number, lookup: boolean): boolean {
  if (depth > 3 || raw.type === T.SpreadElement) return false;
  const node = unwrap(raw);
  if (node.type !== T.ObjectExpression) return false;
  for (const p of node.properties) {
    if (p.type !== T.Property) continue;
    const key = staticKey(p);
    if (key && WRITTEN_KEYS.has(key)) continue;
    if (key && isCredentialKey(key) && tainted(s, p.value) && !(isBearerInput(s, p.value) && !isPasswordInput(s, p.value))) {
      // a user looked up by the raw password (`findOne({ username, password })`) only through a lookup
      if (!isPasswordName(key) || lookup) return true;
    }
    if (lookupByCredential(s, p.value, depth + 1, lookup || key === 'where')) return true;
  }
  return false;
}

const WRITE_VERBS = new Set(['create', 'insert', 'save', 'add', 'push', 'set', 'put', 'store', 'write', 'upsert', 'register', 'log', 'emit', 'send', 'track']);
/** Objects that hold the values a write stores, not the row it looks up. */
const WRITTEN_KEYS = new Set(['data', 'values', 'set', '$set', 'update', 'create', 'payload', 'body', 'fields']);
/** Words before `session` in `…SessionId` that still mean the login session. */
const SESSION_OWNERS = new Set(['', 'user', 'auth', 'login', 'current', 'active', 'browser', 'web', 'cookie', 'my']);
const CODE_QUALIFIERS = new Set(['invite', 'invitation', 'join', 'access', 'team', 'share', 'pairing', 'device', 'install', 'registration', 'verification', 'reset', 'otp', 'mfa', 'backup', 'recovery']);

/** A key a row is looked up by that is a credential: `resetToken`, `token`, `accessCode`, `inviteCode`, `apiKey`, `password`. */
function isCredentialKey(key: string): boolean {
  if (isProviderName(key)) return false;
  // `credentialId`, `tokenId`, `keyId`: the public id of a credential, not the secret (a session id stays one)
  const w0 = words(key);
  const last = w0.at(-1);
  if ((last === 'id' || last === 'ids') && !w0.includes('session')) return false;
  // `auditSessionId`, `chatSessionId`: a session of something else, not the login session
  if ((last === 'id' || last === 'ids') && w0.length > 2 && !SESSION_OWNERS.has(w0[w0.indexOf('session') - 1] ?? '')) return false;
  if (isCredentialName(key) || isTokenName(key)) return true;
  const w = words(key);
  return w.includes('code') && w.some((x) => CODE_QUALIFIERS.has(x));
}

/** The comparison is the value of an object property (`{ current: a === b }`), through `!!`, `&&` and `||`. */
function isReportedValue(bin: TSESTree.BinaryExpression): boolean {
  let node: Node = bin;
  let parent = node.parent;
  while (parent && (parent.type === T.LogicalExpression || parent.type === T.UnaryExpression || parent.type === T.TSAsExpression)) {
    node = parent;
    parent = node.parent;
  }
  return parent?.type === T.Property && parent.value === node && parent.parent?.type === T.ObjectExpression;
}

const CONFIRM_WORDS = new Set(['confirm', 'confirmation', 'confirmed', 'repeat', 'repeated', 'again', 'retype', 'retyped']);

/** `session.id`, `row.uuid`, `userId`: an identifier, not a secret. */
function isIdName(raw: Node): boolean {
  const n = unwrap(raw);
  const key = n.type === T.Identifier ? n.name : n.type === T.MemberExpression ? staticKey(n) : null;
  if (!key) return false;
  const w = words(key);
  const last = w.at(-1);
  return (last === 'id' || last === 'ids' || last === 'uuid') && !w.some((x) => x === 'session' || OBJECTS.has(x));
}

/** Predicates (`isStrictLogin`, `hasSignIn`): they ask about a login, they do not sign in. */
const PREDICATE_WORDS = new Set(['is', 'has', 'can', 'should', 'was', 'needs', 'requires']);

/** `login`, `signIn`, `signInEmail`, `userLogin`, `authenticate`: the first or last words say it signs in (not `setPlanByLoginId`). */
function isSignInName(name: readonly string[]): boolean {
  if (name.length === 0 || PREDICATE_WORDS.has(name[0]!)) return false;
  // `authenticateRequest(req)`, `authenticateScimRequest(request)`: a request authenticated by what it carries
  // (not `authenticateUserFromRequest(req)`, which signs a user in from the request's credentials)
  if ((name.at(-1) === 'request' || name.at(-1) === 'req') && name[0] === 'authenticate' && !name.some((w) => w === 'user' || OBJECTS.has(w))) return false;
  if (SIGN_IN.has(name[0]!) || SIGN_IN.has(name[name.length - 1]!)) return true;
  return hasPair(name.slice(0, 2), SIGN_IN_PAIRS) || hasPair(name.slice(-2), SIGN_IN_PAIRS);
}

/** Calls about things that look like credentials but are not logins: unsubscribe links, captchas, CSRF tokens, webhooks. */
const NOT_CREDENTIAL_CALL = new Set([
  'unsubscribe', 'subscribe', 'captcha', 'recaptcha', 'hcaptcha', 'turnstile', 'csrf', 'xsrf', 'webhook', 'track', 'tracking', 'passkey', 'passkeys', 'webauthn', 'assertion',
  // commerce codes: a coupon or voucher grants a discount, not an account
  'coupon', 'coupons', 'promo', 'promotion', 'voucher', 'discount', 'gift',
]);

/** The input is a password (HTTP Basic's, a form's), not a token. */
function isPasswordInput(s: Scan, node: Node): boolean {
  return inputNames(s, node).some((n) => isPasswordName(n));
}

const SQL_LOOKUP = /\bwhere\b[\s\S]*\b\w*(token|code|otp|password|passwd|api_?key|secret)\w*\s*(=|in\b)/i;

function sqlLookup(s: Scan, call: TSESTree.CallExpression): boolean {
  const [sql, ...rest] = call.arguments;
  if (!sql) return false;
  const text = sqlText(sql);
  if (!text || !SQL_LOOKUP.test(text)) return false;
  const n = unwrap(sql);
  if (n.type === T.TemplateLiteral && n.expressions.some((e) => tainted(s, e))) return true;
  return rest.some((a) => tainted(s, a));
}

function sqlText(raw: Node): string | null {
  const n = unwrap(raw);
  if (n.type === T.TemplateLiteral) return n.quasis.map((q) => q.value.cooked ?? '').join(' ? ');
  return stringOf(n);
}

/** A comparison of the input with a stored or configured secret: `code !== user.otpCode`, `key === process.env.API_KEY`. */
function comparesSecret(s: Scan, bin: TSESTree.BinaryExpression): boolean {
  if (!['===', '!==', '==', '!='].includes(bin.operator)) return false;
  const sides = [bin.left, bin.right];
  for (const [a, b] of [sides, [...sides].reverse()] as [Node, Node][]) {
    if (!tainted(s, a) || (isBearerInput(s, a) && !isPasswordInput(s, a))) continue;
    const other = unwrap(b);
    if (!isCredentialInput(s, a) && !inputNames(s, other).some((n) => isCredentialName(n) && !isProviderName(n))) continue;
    if (other.type === T.Literal || other.type === T.UnaryExpression || other.type === T.TemplateLiteral) continue;
    if (other.type === T.Identifier && other.name === 'undefined') continue;
    if (tainted(s, other)) continue;
    const names = inputNames(s, other);
    if (names.some((n) => /^(length|type|typeof|size)$/i.test(n))) continue;
    if (a.type === T.MemberExpression && staticKey(a) === 'length') continue;
    // `session.id === sessionIdToRevoke`: a row's public id picks a row, it is no secret
    if (isIdName(other)) continue;
    // `{ current: session.refreshToken === refreshToken }`: a value the handler reports, not a gate
    if (isReportedValue(bin)) continue;
    // `password !== confirmPassword`: a new password typed twice
    if ([a, other].some((side) => inputNames(s, side).some((n) => words(n).some((w) => CONFIRM_WORDS.has(w))))) continue;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// passport, Nest guards, callee resolution

/** `passport.authenticate('local', …)`, called or not, with a strategy that checks what the client sends. */
function passportChecks(file: FileFacts, node: Node | null): boolean {
  const strategy = passportStrategy(file, node);
  // a strategy chosen at run time (`passport.authenticate(provider.id)`) is no evidence either way
  return strategy !== undefined && (strategy === null || stringOf(unwrap(strategy)) !== null || unwrap(strategy).type === T.ArrayExpression) && strategyChecks(file, strategy);
}

/** The strategy argument of `passport.authenticate(…)` (null when absent), or undefined when `node` is not that call. */
function passportStrategy(file: FileFacts, node: Node | null): Node | null | undefined {
  if (!node || node.type === T.SpreadElement) return undefined;
  let n = unwrap(node);
  // passport.authenticate('local')(req, res, next)
  if (n.type === T.CallExpression && unwrap(n.callee).type === T.CallExpression) n = unwrap(n.callee);
  if (n.type !== T.CallExpression) return undefined;
  const ref = resolveRef(file, n.callee);
  if (!ref || ref.module !== 'passport' || ref.path[0] !== 'authenticate' || ref.path.length !== 1) return undefined;
  return n.arguments[0] ?? null;
}

function strategyChecks(file: FileFacts, arg: Node | null): boolean {
  if (!arg) return true;
  const n = unwrap(arg);
  if (n.type === T.ArrayExpression) return n.elements.some((e) => e && strategyChecks(file, e));
  const name = stringOf(n);
  if (name === null) return true; // a strategy we cannot read may check credentials
  if (PASSPORT_CREDENTIAL_STRATEGIES.includes(name.toLowerCase())) return true;
  // API keys and bearer tokens sent with every request authenticate it; they are not a login
  const w = words(name);
  if (isProviderName(name) || w.some((x) => ['jwt', 'bearer', 'session', 'anonymous', 'cookie', 'api', 'apikey', 'header', 'token'].includes(x))) return false;
  return w.some((x) => OBJECTS.has(x) || x === 'local');
}

/** Nest: `@UseGuards(AuthGuard('local'))`, `@UseGuards(LocalAuthGuard)`. */
function guardChecks(file: FileFacts, route: Route): boolean {
  for (const d of route.decorators) {
    const e = unwrap(d.expression);
    if (e.type !== T.CallExpression) continue;
    const callee = unwrap(e.callee);
    if (callee.type !== T.Identifier || callee.name !== 'UseGuards') continue;
    for (const arg of e.arguments) {
      const a = unwrap(arg);
      if (a.type === T.CallExpression) {
        const ref = resolveRef(file, a.callee);
        if (ref?.module === '@nestjs/passport' && ref.path[0] === 'AuthGuard' && strategyChecks(file, a.arguments[0] ?? null) && a.arguments.length > 0) return true;
      } else if (a.type === T.Identifier) {
        const w = words(a.name);
        if (w.includes('guard') && (w.includes('local') || w.some((x) => x === 'password' || x === 'credentials' || x === 'otp' || x === 'totp'))) return true;
      }
    }
  }
  return false;
}

/** The function a call runs when the project shows it: same file, an imported export, a method of this class or of an injected service. */
function calleeFunction(file: FileFacts, call: TSESTree.CallExpression): { file: FileFacts; fn: FunctionNode } | null {
  const callee = unwrap(call.callee);
  const local = localFunction(file, callee);
  if (local) return { file, fn: local };
  if (callee.type === T.MemberExpression && unwrap(callee.object).type === T.ThisExpression) {
    const key = staticKey(callee);
    const method = key ? classMethod(enclosingClass(callee), key) : null;
    if (method) return { file, fn: method };
  }
  const imported = importedFunction(file, callee);
  if (imported) return imported;
  // this.authService.login(dto), authService.login(dto) where authService is an instance of an imported class
  const ref = resolveRef(file, callee);
  if (!ref || ref.path.length < 3 || ref.path[ref.path.length - 2] !== 'new' || ref.module.startsWith('@') || !ref.module.startsWith('.')) return null;
  const definition = definitionOf(file, { module: ref.module, path: ref.path.slice(0, -2) });
  if (!definition || definition.rest.length) return null;
  const cls = unwrap(definition.at.node);
  if (cls.type !== T.ClassDeclaration && cls.type !== T.ClassExpression) return null;
  const method = classMethod(cls, ref.path[ref.path.length - 1]!);
  return method ? { file: definition.at.file, fn: method } : null;
}

function enclosingClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  let current: Node | undefined = node.parent;
  while (current && current.type !== T.ClassDeclaration && current.type !== T.ClassExpression) current = current.parent;
  return current ?? null;
}

function classMethod(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression | null, name: string): FunctionNode | null {
  if (!cls) return null;
  for (const member of cls.body.body) {
    if (member.type === T.MethodDefinition && member.kind === 'method' && staticKey(member) === name) return member.value;
    if (member.type === T.PropertyDefinition && staticKey(member) === name && member.value) {
      const v = unwrap(member.value);
      if (v.type === T.ArrowFunctionExpression || v.type === T.FunctionExpression) return v;
    }
  }
  return null;
}

