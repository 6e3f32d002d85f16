/**
 * Credential-carrying values: which values *are* a password, secret, token or
 * one-time code; which objects *contain* one (a user row whose password is
 * read, `this` in a save hook, `req.session`, a Feathers hook context, the
 * user a passport verify callback receives, an object literal with secret
 * keys); and which values only *name* a credential (token addresses and
 * counts, payment and unsubscribe tokens, nonces, tracing sessions, WebAuthn
 * public data, decoded claims). Library knowledge comes from models/; this
 * module only interprets it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { memo, type FileFacts } from './file.js';
import { calleeName, functionName, nameOf, staticKey, stringOf, unwrap } from './ast.js';
import { isCredentialName, isPasswordName, words } from './names.js';
import { userInputOf } from './requests.js';
import { fullPath, routeOf } from './routes.js';
import { resolveRef } from './modules.js';
import { arrayElements, getPropertyPath } from './values.js';
import {
  ASSET_TOKEN_MODULES, CREDENTIAL_CALLBACKS, DEVELOPMENT_FLAGS, HOOK_CONTEXT_NAMES, HOOK_CONTEXT_PARTS, HOOK_CONTEXT_SHAPE,
  NAMES_ONLY_WORDS, NON_AUTH_TOKEN_CONTEXT_WORDS, ONE_TIME_CONTEXT_WORDS, REDACT_OPTIONS, SESSION_CARRIERS, WEBAUTHN_CONTEXT_WORDS,
} from '../models/loggers.js';

type Node = TSESTree.Node;

const NAMES_ONLY = new Set(NAMES_ONLY_WORDS);
const NON_AUTH_CONTEXT = new Set(NON_AUTH_TOKEN_CONTEXT_WORDS);
const ONE_TIME_CONTEXT = new Set(ONE_TIME_CONTEXT_WORDS);
/** Words of a token name that say it is an authentication token whatever the file is about. */
const AUTH_TOKEN_WORDS = new Set(['access', 'refresh', 'auth', 'bearer', 'jwt', 'session', 'api', 'reset', 'csrf', 'xsrf', 'id', 'oauth', 'login', 'magic', 'verification', 'invite', 'secret', 'password']);

/** A name that only *names* a credential: `tokenAddress`, `tokenCount`, `billingToken`, `nonce`, `tokenInfo`, `wanCredentialAuthData`. */
export function namesOnly(name: string): boolean {
  const w = words(name);
  return w.some((x) => NAMES_ONLY.has(x));
}

/** A name for a credential in log output: {@link isCredentialName} without the names that only name one. */
export function isLoggedCredentialName(name: string): boolean {
  return isCredentialName(name) && !namesOnly(name);
}

/** `sessionId`, `session_id`, `sessionID`: a session identifier, a credential only when it is the live auth session's. */
export function isSessionIdName(name: string): boolean {
  const w = words(name);
  const last = w[w.length - 1];
  return last === 'sessionid' || (w.includes('session') && (last === 'id' || last === 'ids'));
}

/** A bare token word (`token`, `tokens`, `acceptedToken`) with nothing saying it authenticates. */
function isPlainTokenName(name: string): boolean {
  const w = words(name);
  return (w.includes('token') || w.includes('tokens')) && !w.some((x) => AUTH_TOKEN_WORDS.has(x));
}

// ---------------------------------------------------------------------------
// Context: what the file and the enclosing functions are about

const ASSET_FILE = Symbol('credentials.assetFile');

/** The file imports a blockchain library: there `token` names an ERC-20 contract, not a credential. */
export function isAssetTokenFile(file: FileFacts): boolean {
  return memo(file, ASSET_FILE, () => {
    for (const statement of file.sourceCode.ast.body) {
      const sources: string[] = [];
      if (statement.type === T.ImportDeclaration) sources.push(statement.source.value);
      if (statement.type === T.VariableDeclaration) {
        for (const d of statement.declarations) {
          const init = d.init ? unwrap(d.init) : null;
          if (init?.type === T.CallExpression && nameOf(init.callee) === 'require') sources.push(stringOf(init.arguments[0] ?? null) ?? '');
        }
      }
      if (sources.some((s) => ASSET_TOKEN_MODULES.some((m) => s === m || s.startsWith(`${m}/`)))) return true;
    }
    return false;
  });
}

function enclosingFunctions(node: Node): TSESTree.FunctionLike[] {
  const out: TSESTree.FunctionLike[] = [];
  for (let n: Node | undefined = node.parent; n; n = n.parent) {
    if (n.type === T.FunctionDeclaration || n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression) out.push(n);
  }
  return out;
}

/** Words naming what the code around `node` does: the enclosing functions' names and the file's base name. */
function contextWords(file: FileFacts, node: Node): string[] {
  const names = enclosingFunctions(node).map((fn) => functionName(fn) ?? '');
  const parts = file.relativeFilename.split('/');
  let base = parts.pop()?.replace(/\.[^.]+$/, '') ?? '';
  if (base === 'index') base = parts.pop() ?? '';
  return [...names, base].flatMap((n) => [...words(n)]);
}

/** Claims an identity token decodes to: a value read for these is the decoded payload, not the bearer string. */
const CLAIM_KEYS = new Set(['id', 'sub', 'iat', 'exp', 'iss', 'aud', 'jti', 'email', 'userId', 'uid', 'role', 'roles', 'name', 'username', 'scope', 'scopes']);
/** Keys under which a record holds the credential itself (a token row's `token`, `value`, `hash`). */
const HELD_KEYS = /^(token|value|secret|key|plaintext|raw|hash|access_?token|refresh_?token)$/i;

/**
 * A token-named value that is a record, not a string: an asset read for its
 * symbol or address (`fromToken.symbol`), defaulted to an object, or decoded
 * claims read for `id` / `sub` / `email` and never for the credential itself.
 */
function isRecordOfNonCredential(file: FileFacts, id: TSESTree.Identifier): boolean {
  const variable = file.variableOf(id);
  if (!variable) return false;
  if (variable.defs.some((d) => d.name.parent?.type === T.AssignmentPattern && unwrap(d.name.parent.right).type === T.ObjectExpression)) return true;
  let claims = false;
  for (const r of variable.references) {
    const parent = r.identifier.parent;
    if (parent?.type !== T.MemberExpression || parent.object !== r.identifier) continue;
    const key = staticKey(parent) ?? '';
    if (namesOnly(key)) return true;
    if (HELD_KEYS.test(key)) return false;
    if (CLAIM_KEYS.has(key)) claims = true;
  }
  return claims;
}

/** A name that reads as a credential but, here, names something else (an ERC-20 token, a billing token, a tracing session). */
export function namesSomethingElse(file: FileFacts, node: Node, name: string): boolean {
  if (namesOnly(name)) return true;
  // WebAuthn credentials, challenges and assertions are public-key data, not secrets
  const w = words(name);
  if ((w.includes('credential') || w.includes('credentials')) && contextWords(file, node).some((x) => WEBAUTHN_CONTEXT_WORDS.includes(x))) return true;
  if (isPlainTokenName(name)) {
    if (isAssetTokenFile(file)) return true;
    if (contextWords(file, node).some((w) => NON_AUTH_CONTEXT.has(w))) return true;
    const n = unwrap(node);
    if (n.type === T.Identifier && isRecordOfNonCredential(file, n)) return true;
  }
  return false;
}

/**
 * Is this session-id value the live authentication session's? Read from a
 * cookie or header, `req.sessionID` / `req.session.id`, a socket handshake,
 * or the `sid` a session store method receives. A `sessionId` taken from
 * input parameters or a database (a tracing or audit session) is not.
 */
export function isLiveSessionId(file: FileFacts, node: Node): boolean {
  const n = unwrap(node);
  const input = userInputOf(file, n);
  if (input && (input.source === 'cookies' || input.source === 'headers')) return true;
  const start = n.type === T.Identifier ? initOf(file, n) ?? n : n;
  const target = unwrap(start);
  if (target !== n) {
    const fromInit = userInputOf(file, target);
    if (fromInit && (fromInit.source === 'cookies' || fromInit.source === 'headers')) return true;
  }
  if (target.type === T.MemberExpression) {
    const owner = nameOf(target.object);
    if (owner && words(owner).some((w) => SESSION_CARRIERS.includes(w))) return true;
  }
  return false;
}

function initOf(file: FileFacts, id: TSESTree.Identifier): Node | null {
  const variable = file.variableOf(id);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier) return null;
  return def.node.init ?? null;
}

// ---------------------------------------------------------------------------
// One-time codes named only `code` / `guid`

/** Words of a function that sends something to the user: `sendCode`, `onSendCode`, `deliverOtp`, `emailPin`. */
const SENDING_WORDS = new Set(['send', 'resend', 'deliver', 'dispatch', 'mail', 'email', 'sms']);
/** Words of a function that sends a one-time code whatever it is for: `sendCode`, `sendPin`. */
const CODE_WORDS = new Set(['code', 'codes', 'pin', 'otp', 'passcode']);
/** Parameter names of a link, which carries the one-time token in it. */
const LINK_NAME = /^(url|link|href)$/i;

/** Does a function named `name` send a one-time value to the user in its parameter `param`? */
function sendsOneTimeValue(name: string, param: string): boolean {
  if (namesOnly(name)) return false;
  const w = words(name);
  const oneTime = w.some((x) => ONE_TIME_CONTEXT.has(x));
  if (LINK_NAME.test(param)) return oneTime && w.some((x) => SENDING_WORDS.has(x));
  return oneTime || (w.some((x) => SENDING_WORDS.has(x)) && w.some((x) => CODE_WORDS.has(x)));
}

/**
 * A value named only `code`, `token`, `guid` or `key` (or a link) that is a
 * one-time code here: a parameter of `sendVerificationEmail(email, code)`,
 * `sendOtp(code)`, `sendCode(phone, code)`, an `onSendCode: (code) => …`
 * option or callback, the `url` of `sendMagicLink({ email, url })`, or the
 * path parameter of a `/reset-password/:guid` route.
 */
export function oneTimeCodeHere(file: FileFacts, node: Node): string | null {
  const n = unwrap(node);
  const own = n.type === T.Identifier ? n.name : n.type === T.MemberExpression ? staticKey(n) : null;
  if (!own || !/^(code|guid|uuid|key|hash|pin|token|url|link|href)$/i.test(own)) return null;
  const input = userInputOf(file, n);
  if (input?.source === 'params') {
    const route = routeOf(file, n);
    const path = route ? fullPath(route) : null;
    if (path && words(path).some((w) => ONE_TIME_CONTEXT.has(w))) return `the path parameter of \`${path}\``;
  }
  if (n.type === T.Identifier) {
    const variable = file.variableOf(n);
    const def = variable?.defs[0];
    if (def?.type === 'Parameter') {
      const fn = def.node as TSESTree.FunctionLike;
      const name = functionName(fn);
      if (name) return sendsOneTimeValue(name, own) ? `a parameter of \`${name}()\`` : null;
      // a callback registered with a call named for it: `auth.onSendCode((code) => …)`
      const call = fn.parent;
      const registrar = call?.type === T.CallExpression && call.arguments.includes(fn as TSESTree.CallExpressionArgument) ? calleeName(call) : null;
      if (registrar && sendsOneTimeValue(registrar, own)) return `a parameter of the \`${registrar}()\` callback`;
    }
  }
  return null;
}

/**
 * The credential a template names just before a value: `Your verification
 * code is ${code}`, `password: ${p}`, `Bearer ${x}`. Null when the text names none.
 */
export function labelledCredential(text: string): string | null {
  const w = text.replace(/[:=]\s*$/, ' ').trim().split(/[^A-Za-z0-9_-]+/).filter(Boolean);
  while (w.length && /^(is|are|was|were|the|your|a|an)$/i.test(w[w.length - 1]!)) w.pop();
  if (!w.length || !LABEL_NOUNS.has(w[w.length - 1]!.toLowerCase())) return null;
  for (let i = w.length - 1; i >= Math.max(0, w.length - 3); i--) {
    const phrase = w.slice(i).join(' ');
    if (isLoggedCredentialName(phrase) && !isSessionIdName(phrase)) return phrase;
  }
  return null;
}

const GENERIC_VALUE_WORDS = new Set(['code', 'codes', 'value', 'val', 'result', 'str', 'text', 'raw', 'plain', 'generated', 'new', 'random', 'pin', 'guid']);

/** A value whose own name says nothing about what it is (`code`, `value`, `result`), so a label in the text may name it. */
export function isGenericValueName(name: string | null): boolean {
  const w = name ? words(name) : [];
  return w.length > 0 && w.every((x) => GENERIC_VALUE_WORDS.has(x));
}

/** Nouns that end a label naming a credential (`… code is`, `password:`, `Bearer`). */
const LABEL_NOUNS = new Set(['password', 'passwd', 'pwd', 'passcode', 'passphrase', 'token', 'secret', 'code', 'otp', 'pin', 'cookie', 'authorization', 'credentials', 'bearer', 'jwt', 'apikey', 'key']);

// ---------------------------------------------------------------------------
// Development-only code

function isDevelopmentTest(raw: Node, negated: boolean): boolean {
  const node = unwrap(raw);
  if (node.type === T.UnaryExpression && node.operator === '!') return isDevelopmentTest(node.argument, !negated);
  if (node.type === T.LogicalExpression && node.operator === '&&' && !negated) return isDevelopmentTest(node.left, false) || isDevelopmentTest(node.right, false);
  if (node.type === T.BinaryExpression && ['===', '==', '!==', '!='].includes(node.operator)) {
    const sides = [node.left, node.right];
    const env = sides.find((s) => /(^|\.)NODE_ENV$|(^|\.)env$/i.test(nameOfMember(s)));
    const value = sides.map((s) => stringOf(s)).find((s) => s !== null);
    if (!env || !value) return false;
    const equal = node.operator === '===' || node.operator === '==';
    if (/^(development|dev|local)$/.test(value)) return equal !== negated;
    if (/^production$/.test(value)) return !equal !== negated;
    return false;
  }
  const name = node.type === T.MemberExpression ? staticKey(node) : node.type === T.Identifier ? node.name : null;
  return !negated && name !== null && DEVELOPMENT_FLAGS.includes(name);
}

function nameOfMember(raw: Node): string {
  const n = unwrap(raw);
  if (n.type === T.Identifier) return n.name;
  if (n.type === T.MemberExpression) {
    const key = staticKey(n);
    return `${nameOfMember(n.object)}.${key ?? ''}`;
  }
  return '';
}

/** Inside `if (isDev)`, `if (env.isDevelopment)`, `if (process.env.NODE_ENV !== 'production')` (not the else branch). */
export function inDevelopmentOnly(node: Node): boolean {
  let child: Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (n.type === T.IfStatement && n.consequent === child && isDevelopmentTest(n.test, false)) return true;
    if (n.type === T.ConditionalExpression && n.consequent === child && isDevelopmentTest(n.test, false)) return true;
    if (n.type === T.LogicalExpression && n.operator === '&&' && n.right === child && isDevelopmentTest(n.left, false)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Objects that carry credentials

/**
 * What an object logged whole carries, described, or null: a Feathers hook
 * context part (`hook.params`, `hook.data`, `hook.result`), the user a
 * passport verify callback receives, `req.session`, an object whose credential
 * member the same function reads (`user.password`, `this.password` in a save
 * hook, `config.jwtSecret`, `row.apiKey`), or one built with credential keys.
 */
export function carriedCredential(file: FileFacts, raw: Node): string | null {
  const node = unwrap(raw);
  if (node.type === T.MemberExpression) {
    const key = staticKey(node);
    const owner = unwrap(node.object);
    if (key && HOOK_CONTEXT_PARTS.includes(key) && owner.type === T.Identifier && isHookContext(file, owner)) {
      return 'a hook context part that holds authentication data, request headers and issued tokens';
    }
    if (key === 'session' && isRequestBinding(file, owner)) return 'the whole session';
    // socket.handshake.headers: the Cookie and Authorization headers of the connection
    if (key === 'headers' && words(nameOf(owner) ?? '').includes('handshake')) return 'the handshake headers with the Cookie and Authorization headers';
  }
  if (node.type === T.Identifier) {
    const callback = credentialCallbackParam(file, node);
    if (callback) return callback;
  }
  if (node.type === T.Identifier || node.type === T.ThisExpression) {
    const member = credentialMemberRead(file, node);
    if (member) return `its \`${member}\` field`;
  }
  if (node.type === T.Identifier) {
    const init = initOf(file, node);
    const key = init ? credentialKeyBuilt(unwrap(init)) : null;
    if (key) return `its \`${key}\` field`;
  }
  return null;
}

/** Calls that merge their object arguments into the result: `Object.assign({}, defaults, { secret })`, `merge(a, b)`, `defu(a, b)`. */
const MERGE_CALLS = new Set(['assign', 'merge', 'mergeDeep', 'deepmerge', 'defaults', 'defaultsDeep', 'defu', 'extend']);

/** A credential key of an object built here: `{ port, jwtSecret }`, `{ ...defaults, clientSecret }`, `Object.assign({}, base, { apiKey })`. */
function credentialKeyBuilt(value: Node, depth = 0): string | null {
  if (depth > 2) return null;
  if (value.type === T.ObjectExpression) {
    for (const p of value.properties) {
      const key = p.type === T.Property ? staticKey(p) : null;
      if (key && isLoggedCredentialName(key) && !isSessionIdName(key)) return key;
    }
    return null;
  }
  if (value.type === T.CallExpression && MERGE_CALLS.has(calleeName(value) ?? '')) {
    for (const a of value.arguments) {
      const found = a.type === T.SpreadElement ? null : credentialKeyBuilt(unwrap(a), depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** A local `req` / `request` / `ctx` binding (a handler's request object). */
function isRequestBinding(file: FileFacts, owner: Node): boolean {
  return owner.type === T.Identifier && /^(req|request|ctx)$/.test(owner.name) && file.variableOf(owner) !== null;
}

/** `hook` / `context` parameter of a function that also reads two of its `type` / `path` / `method` / `service` / `app`: a Feathers-style hook context. */
function isHookContext(file: FileFacts, id: TSESTree.Identifier): boolean {
  if (!HOOK_CONTEXT_NAMES.includes(id.name)) return false;
  const variable = file.variableOf(id);
  if (!variable || variable.defs[0]?.type !== 'Parameter') return false;
  const shape = new Set<string>();
  for (const r of variable.references) {
    const parent = r.identifier.parent;
    const key = parent?.type === T.MemberExpression && parent.object === r.identifier ? staticKey(parent) : null;
    if (key && HOOK_CONTEXT_SHAPE.includes(key)) shape.add(key);
  }
  return shape.size >= 2;
}

/** The `user` parameter of `app.passport.verify(async (ctx, user) => …)`: the strategy's credentials (username, password). */
function credentialCallbackParam(file: FileFacts, id: TSESTree.Identifier): string | null {
  const variable = file.variableOf(id);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Parameter') return null;
  const fn = def.node as TSESTree.FunctionLike;
  const call = fn.parent;
  if (call?.type !== T.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return null;
  const index = fn.params.findIndex((p) => p === def.name || (p.type === T.AssignmentPattern && p.left === def.name));
  const ref = resolveRef(file, call.callee);
  const path = ref ? ref.path.join('.') : textPath(call.callee);
  for (const model of CREDENTIAL_CALLBACKS) {
    if (model.param === index && (path === model.path || path.endsWith(`.${model.path}`))) return `the ${model.what}`;
  }
  return null;
}

function textPath(raw: Node): string {
  const n = unwrap(raw);
  if (n.type === T.Identifier) return n.name;
  if (n.type === T.MemberExpression) return `${textPath(n.object)}.${staticKey(n) ?? '?'}`;
  return '?';
}

/** A credential member (`password`, `apiKey`, `jwtSecret`) read from this object in the function that logs it. */
function credentialMemberRead(file: FileFacts, node: TSESTree.Identifier | TSESTree.ThisExpression): string | null {
  const fn = enclosingFunctions(node)[0] ?? null;
  if (node.type === T.ThisExpression) {
    if (!fn || fn.type === T.ArrowFunctionExpression) return null;
    return membersOf(fn, (m) => unwrap(m.object).type === T.ThisExpression);
  }
  const variable = file.variableOf(node);
  if (!variable || variable.defs[0]?.type === 'ImportBinding') return null;
  for (const r of variable.references) {
    const parent = r.identifier.parent;
    if (parent?.type !== T.MemberExpression || parent.object !== r.identifier) continue;
    const key = staticKey(parent);
    // a bare `token` field is too often an LLM, lexer or asset token to make the whole object a carrier
    if (!key || !isLoggedCredentialName(key) || isSessionIdName(key) || isPlainTokenName(key) || namesSomethingElse(file, parent, key)) continue;
    // a field assigned a cleared value is not carried (`user.password = undefined`)
    if (parent.parent?.type === T.AssignmentExpression && parent.parent.left === parent) continue;
    if (parent.parent?.type === T.UnaryExpression && parent.parent.operator === 'delete') return null;
    if (enclosingFunctions(r.identifier)[0] !== fn) continue;
    return key;
  }
  return null;
}

function membersOf(fn: TSESTree.FunctionLike, accept: (m: TSESTree.MemberExpression) => boolean): string | null {
  let found: string | null = null;
  const visit = (n: Node, depth: number): void => {
    if (found || depth > 40) return;
    if (n !== fn && (n.type === T.FunctionDeclaration || n.type === T.FunctionExpression)) return;
    if (n.type === T.MemberExpression && accept(n)) {
      const key = staticKey(n);
      if (key && isPasswordName(key)) {
        found = key;
        return;
      }
    }
    for (const k of Object.keys(n) as (keyof typeof n)[]) {
      if (k === 'parent') continue;
      const v = n[k] as unknown;
      if (Array.isArray(v)) v.forEach((c) => c && typeof (c as Node).type === 'string' && visit(c as Node, depth + 1));
      else if (v && typeof (v as Node).type === 'string') visit(v as Node, depth + 1);
    }
  };
  if (fn.body) visit(fn.body, 0);
  return found;
}

// ---------------------------------------------------------------------------
// Values that are numbers, names about a credential, helpers' parameters

const CREDENTIAL_WORDS = new Set(['token', 'tokens', 'password', 'passwords', 'secret', 'secrets', 'pass', 'pwd', 'otp', 'credential', 'credentials', 'jwt', 'key', 'keys', 'cookie', 'session']);
/** Words that make a credential-word name a count, a flag or metadata (`tokenCount`, `passwordLength`, `secretName`, `hasToken`). */
const ABOUT_WORDS = new Set([
  'count', 'counts', 'total', 'length', 'len', 'size', 'number', 'num', 'limit', 'limits', 'max', 'min', 'expires', 'expiry',
  'expiration', 'ttl', 'age', 'type', 'kind', 'format', 'version', 'name', 'names', 'index', 'idx', 'used', 'valid', 'invalid',
  'missing', 'required', 'enabled', 'exists', 'present', 'has', 'is', 'policy', 'rules', 'strength',
]);

/** `tokenCount`, `passwordPolicy`, `secretName`: a credential word with words that make it a count, flag or metadata. */
export function aboutCredential(name: string): boolean {
  const w = words(name);
  return w.length >= 2 && w.some((x) => CREDENTIAL_WORDS.has(x)) && w.some((x) => ABOUT_WORDS.has(x)) && !isCredentialName(name);
}

function isNumeric(raw: Node | null | undefined): boolean {
  if (!raw) return false;
  const n = unwrap(raw);
  if (n.type === T.Literal) return typeof n.value === 'number';
  if (n.type === T.UnaryExpression) return isNumeric(n.argument);
  if (n.type === T.BinaryExpression) return ['-', '*', '/', '%'].includes(n.operator);
  return false;
}

/** A variable that only ever holds a number: `for (let pass = 1; …; pass++)`, `let attempts = 0`. */
export function holdsNumber(file: FileFacts, raw: Node): boolean {
  const node = unwrap(raw);
  if (node.type !== T.Identifier) return false;
  const variable = file.variableOf(node);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || !isNumeric(def.node.init)) return false;
  const declared = def.node.id;
  return variable.references.every((r) => {
    if (!r.isWrite() || r.identifier === declared) return true;
    const parent = r.identifier.parent;
    if (parent?.type === T.UpdateExpression) return true;
    return parent?.type === T.AssignmentExpression && parent.left === r.identifier && (parent.operator !== '=' || isNumeric(parent.right));
  });
}

/**
 * The arguments callers in this file pass for a function parameter:
 * `function send(email, code) { log(code) }` … `send(user.email, otp)` gives `otp`.
 */
export function argumentsFor(file: FileFacts, id: TSESTree.Identifier, limit = 8): TSESTree.Node[] {
  const variable = file.variableOf(id);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Parameter') return [];
  const fn = def.node as TSESTree.FunctionLike;
  const index = fn.params.findIndex((p) => p === def.name || (p.type === T.AssignmentPattern && p.left === def.name));
  if (index < 0) return [];
  const binding = fn.type === T.FunctionDeclaration && fn.id ? fn.id
    : fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier ? fn.parent.id : null;
  const fnVariable = binding ? file.variableOf(binding) : null;
  if (!fnVariable) return [];
  const out: TSESTree.Node[] = [];
  for (const r of fnVariable.references) {
    const call = r.identifier.parent;
    if (call?.type !== T.CallExpression || call.callee !== r.identifier) continue;
    const arg = call.arguments[index];
    if (arg && arg.type !== T.SpreadElement) out.push(arg);
    if (out.length >= limit) break;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Redaction configured on the logger

/** The field paths the logger behind a log call redacts (`pino({ redact: ['password', '*.token'] })`), or []. */
export function redactedBy(file: FileFacts, call: TSESTree.CallExpression): string[] {
  let receiver: Node = unwrap(call.callee);
  if (receiver.type !== T.MemberExpression) return [];
  receiver = unwrap(receiver.object);
  // logger.child({ … }).info(…)
  while (receiver.type === T.CallExpression && unwrap(receiver.callee).type === T.MemberExpression && calleeKey(receiver) === 'child') {
    receiver = unwrap((unwrap(receiver.callee) as TSESTree.MemberExpression).object);
  }
  if (receiver.type !== T.Identifier) return [];
  const init = initOf(file, receiver);
  const made = init ? unwrap(init) : null;
  if (made?.type !== T.CallExpression && made?.type !== T.NewExpression) return [];
  const options = made.arguments[0];
  if (!options || options.type === T.SpreadElement) return [];
  for (const path of REDACT_OPTIONS) {
    const found = getPropertyPath(file, options, path);
    if (found.kind !== 'found') continue;
    const list = arrayElements(file, found.value);
    if (list) return list.map((e) => stringOf(e)).filter((s): s is string => s !== null);
  }
  return [];
}

function calleeKey(call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression ? staticKey(callee) : null;
}

/** Does one of the redaction paths cover this field key (`password`, `*.password`, `user.password`, `headers["x-api-key"]`)? */
export function isRedactedKey(paths: readonly string[], key: string): boolean {
  return paths.some((p) => {
    const segments = p.split(/\.|\[["']?|["']?\]/).filter(Boolean);
    return segments[segments.length - 1] === key;
  });
}

// ---------------------------------------------------------------------------
// Values that show what they hold, and calls that hide it

/** Calls whose result shows their argument as it is. */
export const SHOWING_CALLS: ReadonlySet<string> = new Set<string>(['stringify', 'String', 'inspect', 'format', 'toString', 'toJSON', 'trim', 'concat']);
/** Words of a helper that keeps a credential out of its result. */
const REDACTING_WORDS = new Set([
  'redact', 'redacted', 'mask', 'masked', 'sanitize', 'sanitise', 'sanitized', 'scrub', 'censor', 'obfuscate', 'omit',
  'anonymize', 'anonymise', 'truncate', 'hash', 'fingerprint', 'pick', 'safe', 'strip', 'hide', 'filter', 'without',
]);
/** Does a property value show what it holds (a variable, member, template, `String(x)`), rather than a constant, flag or redaction? */
export function carries(raw: TSESTree.Node): boolean {
  const value = unwrap(raw);
  switch (value.type) {
    case T.Identifier:
      return value.name !== 'undefined';
    case T.MemberExpression:
      return !/^(length|size|byteLength)$/.test(staticKey(value) ?? '');
    case T.TemplateLiteral:
      return value.expressions.length > 0;
    case T.CallExpression: {
      const name = calleeName(value);
      return !isRedacting(name) && SHOWING_CALLS.has(name ?? '');
    }
    default:
      return false;
  }
}

/** A call that keeps credentials out of its result: `redact(x)`, `mask(token)`, `token.slice(0, 6)`, `sanitize(req.body)`. */
export function isRedacting(name: string | null): boolean {
  if (!name) return false;
  if (name === 'slice' || name === 'substring' || name === 'substr' || name === 'replace' || name === 'replaceAll') return true;
  return words(name).some((w) => REDACTING_WORDS.has(w));
}
