/**
 * The one decision "does this route check a credential" (login, sign-in,
 * token exchange, password reset, OTP/MFA), on top of the route table. Used
 * by every rule that treats credential routes specially.
 *
 * The data flow decides (core/credential-checks.ts: request input reaching a
 * password compare, a token lookup, an OTP verify, a sign-in call, here or a
 * call or two away). Only when that flow is unknown (the handler is in code
 * we cannot see, or only responds) do the words of the route's path, prefix,
 * handler name and file break the tie.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import path from 'node:path';
import type { FileFacts } from './file.js';
import { staticKey, unwrap } from './ast.js';
import { resolveRef } from './modules.js';
import { words } from './names.js';
import { hasWordPair } from './limits.js';
import { fullPath, nodesIn, type Route } from './routes.js';
import { routeCredentialEvidence } from './credential-checks.js';

type Node = TSESTree.Node;


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
/** Words of a session route that works on existing sessions (`/sessions/batch/delete`, `/session/sync`) rather than creating one. */
const SESSION_USE_WORDS = new Set(['delete', 'remove', 'revoke', 'sync', 'close', 'list', 'update', 'batch', 'progress', 'open', 'end', 'extend', 'touch']);
const RENDER_METHODS = new Set(['render', 'sendFile', 'view', 'html']);

/** Path words without route parameters (`:token`, `{id}`, `[slug]`). */
function pathWords(p: string | null): string[] {
  if (!p) return [];
  return p
    .split(/[/ ]/)
    .filter((segment) => segment && !segment.startsWith(':') && !/^[{[(].*[}\])]$/.test(segment) && segment !== '*')
    .flatMap((segment) => [...words(segment)]);
}

function credentialWords(w: readonly string[]): boolean {
  return w.some((x) => CREDENTIAL_WORDS.has(x)) || hasWordPair(w, CREDENTIAL_PAIRS);
}

function excludedWords(w: readonly string[]): boolean {
  return w.some((x) => NOT_CREDENTIAL_WORDS.has(x)) || hasWordPair(w, NOT_CREDENTIAL_PAIRS);
}

/**
 * `/websites/[websiteId]/reset`, `/users/:userId/password`: the credential word follows a resource's id,
 * so the route acts on that resource (a data reset, an admin setting a user's password), it takes no
 * credential to check.
 */
function actsOnResource(p: string): boolean {
  const segments = p.split('/').filter(Boolean);
  const paramOf = (segment: string | undefined): string | null =>
    segment === undefined ? null : /^:(\w+)\??$/.exec(segment)?.[1] ?? /^[{[]\.{0,3}(\w+)[}\]]$/.exec(segment)?.[1] ?? null;
  for (let i = 0; i < segments.length; i++) {
    if (paramOf(segments[i]) !== null || !credentialWords([...words(segments[i]!)])) continue;
    // the credential word right after `<collection>/<id>` (not after a mount's own parameters: `/:p0/:appId/request_password_reset`)
    const param = paramOf(segments[i - 1]);
    const collection = segments[i - 2];
    if (param === null || collection === undefined || paramOf(collection) !== null) return false;
    const w = words(param);
    return w.at(-1) === 'id' || w.at(-1) === 'ids' || w.at(-1) === 'uuid';
  }
  return false;
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

export function isCredentialRoute(file: FileFacts, route: Route): boolean {
  const method = route.method;
  if (method === 'delete' || method === 'del' || method === 'head' || method === 'options') return false;
  const evidence = routeCredentialEvidence(file, route);
  if (evidence !== 'unknown') return evidence === 'checks';
  return credentialByWords(file, route);
}

/** When the data flow is unknown (the handler is elsewhere, or only responds): the words of the path, handler and file. */
function credentialByWords(file: FileFacts, route: Route): boolean {
  const method = route.method;
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
  if (credentialWords(all)) return !actsOnResource(`${route.prefix ?? ''}/${route.path ?? ''}`);
  if (all.some((x) => SESSION_WORDS.has(x)) && method !== 'patch') {
    return !own.some((x) => SESSION_USE_WORDS.has(x)) && !actsOnResource(`${route.prefix ?? ''}/${route.path ?? ''}`);
  }
  return passportAuthenticate(file, route.handler) || route.middleware.some((m) => passportAuthenticate(file, m));
}


/** `POST /auth/login`, or the handler's name when the path says nothing. */
export function describeRoute(route: Route): string {
  if (route.framework === 'socketio') return `socket event '${route.path ?? ''}'`;
  const method = route.method === 'any' ? 'ANY' : route.method === 'del' ? 'DELETE' : route.method.toUpperCase();
  const where = fullPath(route);
  const handler = route.handlerName && pathWords(where).length === 0 ? ` (${route.handlerName})` : '';
  return `${method} ${where ?? ''}${handler}`.trim();
}
