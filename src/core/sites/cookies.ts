/**
 * Cookie sites: every place a file sets a cookie, extracted once per file.
 *
 *   res.cookie('token', jwt.sign(…), { httpOnly: true })   → a setter site (the model entry it matched)
 *   res.setHeader('Set-Cookie', 'sid=' + id + '; Secure')  → a raw `Set-Cookie` string site
 *   document.cookie = `token=${t}`                         → a script-side site
 *   app.use(session({ cookie: { secure: false } }))        → a session middleware site
 *
 * Each site records the node to report, the model entry, what the cookie is
 * about (auth / unresolved / other) and each flag as on / off / absent /
 * unknown. The rule applies the library's defaults and the user's scope.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from '../file.js';
import { memo } from '../file.js';
import { calleeName, mentionedNames, staticKey, unwrap } from '../ast.js';
import { argumentAt, invokedRef, isCallOf, isChainCallOf, registeredPlugin } from '../match.js';
import { moduleMatches, refIs, resolveRef, type ModuleRef } from '../modules.js';
import { nodesIn } from '../routes.js';
import { dereference, getProperty, getPropertyPath, resolveObject, resolveValue, type Lookup } from '../values.js';
import { isAuthCookieName, words } from '../names.js';
import {
  callsOf, fileModules, identifierNames, isBearerTokenName, isCookieDeletion, isMutatedBinding, isPreferenceCookieName, parameterOf,
  parseCookieString, stringParts, type ParsedCookie,
} from '../cookies.js';
import {
  COOKIE_SETTERS, DOCUMENT_COOKIE, SERVER_MODULES, SESSION_MIDDLEWARE, SET_COOKIE_HEADER_METHODS, SET_COOKIE_STRING_FIX, TOKEN_PRODUCERS,
  type CookieDefaults, type CookieSetter, type SessionMiddleware,
} from '../../models/cookies.js';

type Node = TSESTree.Node;

export type FlagState = 'on' | 'off' | 'absent' | 'unknown';
/** What a cookie is about: a session or token (`auth`), something else (`other`), or the file cannot tell (`unresolved`). */
export type CookieKind = 'auth' | 'unresolved' | 'other';

/**
 * How a suggestion can add flags, or null on the site where no safe edit exists:
 * `options`  set `flag: true` in this object (or wrap a non-literal in `{ ...x, … }`);
 * `append`   add an options object `{ flag: true }` after this last argument;
 * `nested`   add `key: { flag: true }` to this object;
 * `string`   append `; HttpOnly` / `; Secure` to this string expression.
 */
export type CookieEdit =
  | { readonly kind: 'options'; readonly target: Node }
  | { readonly kind: 'append'; readonly after: Node }
  | { readonly kind: 'nested'; readonly target: Node; readonly key: string }
  | { readonly kind: 'string'; readonly node: Node };

/** One cookie as the code sets it. */
export interface CookieSite {
  /** Where to report. */
  readonly node: Node;
  /** `setter`, `string` (`Set-Cookie` header value), `document` (`document.cookie = …`), `session` (session middleware). */
  readonly source: 'setter' | 'string' | 'document' | 'session';
  /** The model entry the site matched (null for raw strings). */
  readonly entry: CookieSetter | SessionMiddleware | null;
  readonly label: string;
  readonly fix: string;
  readonly kind: CookieKind;
  /** The cookie's name when the file resolves it. */
  readonly name: string | null;
  readonly httpOnly: FlagState;
  readonly secure: FlagState;
  readonly sameSiteNone: boolean;
  readonly defaults: CookieDefaults;
  /** Set by script in the browser: never HttpOnly. */
  readonly client: boolean;
  /** A raw `Set-Cookie` string: flags are attributes (`HttpOnly`, `Secure`), not options. */
  readonly raw: boolean;
  readonly edit: CookieEdit | null;
  /**
   * For an `unresolved` cookie set inside a helper (`function setCookie(name, value) {…}`):
   * the helper's calls in this file that set an auth cookie (reported at the call),
   * and whether every call could be judged (then the helper needs no report of its own).
   * Null when the name is not a parameter of a helper.
   */
  readonly helper: { readonly calls: readonly CookieSite[]; readonly judged: boolean } | null;
}

/** A site while it is built: with the expressions that give the cookie its name and value, to follow into a helper's callers. */
type RawSite = CookieSite & { readonly nameNodes: readonly Node[]; readonly valueNodes: readonly Node[] };

const SECURE_PREFIX = /^__(secure|host)-/i;
/** Raw `Set-Cookie` strings: a flag is there or it is not. */
const STRING_DEFAULTS: CookieDefaults = { httpOnly: 'unset', secure: 'unset' };
const SESSIONISH = new Set(['session', 'sess', 'sid', 'jwt', 'auth', 'token']);
const SITES = Symbol('sites.cookies');
const SET_COOKIE_TEXT = /set-cookie/i;

/** Every cookie the file sets, computed once per file, in source order. */
export function cookieSites(file: FileFacts): readonly CookieSite[] {
  return memo(file, SITES, () => {
    const out: CookieSite[] = [];
    const program = file.sourceCode.ast;
    for (const call of nodesIn(file, program, T.CallExpression)) callSites(file, call, out);
    for (const node of nodesIn(file, program, T.AssignmentExpression)) {
      if (node.operator === '=' && isDocumentCookie(file, node.left)) out.push(withHelper(file, documentCookieSite(file, node)));
    }
    // `{ 'Set-Cookie': … }` header objects: only where the text names the header at all.
    if (SET_COOKIE_TEXT.test(file.sourceCode.text)) {
      for (const node of nodesIn(file, program, T.Property)) {
        if (node.parent.type !== T.ObjectExpression || node.kind !== 'init') continue;
        const key = staticKey(node);
        if (key !== null && key.toLowerCase() === 'set-cookie') headerValueSites(file, node.value, '`Set-Cookie` header', out);
      }
    }
    // the order a traversal meets them: by start, an outer node before an inner one
    return out.sort((a, b) => a.node.range[0] - b.node.range[0] || b.node.range[1] - a.node.range[1]);
  });
}

function callSites(file: FileFacts, call: TSESTree.CallExpression, out: CookieSite[]): void {
  const setter = setterOf(file, call);
  if (setter) {
    if (!writesDocumentCookie(file, call)) out.push(withHelper(file, setterSite(file, setter, call, call.callee, false)));
    return;
  }
  if (headerCallSites(file, call, out)) return;
  const m = middlewareOf(file, call);
  const site = m ? middlewareSite(file, m, call) : null;
  if (site) out.push(site);
}

// --- what a cookie is about ----------------------------------------------------

function isTokenProducer(file: FileFacts, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return TOKEN_PRODUCERS.some((p) => (p.chainMethod ? isChainCallOf(file, call, p, p.chainMethod) : isCallOf(file, call, p)));
}

/** A value that is a token or session id: by origin (a JWT sign call) or by the names it is made of. */
function isTokenValue(file: FileFacts, raw: Node | null): boolean {
  if (!raw) return false;
  let target = unwrap(dereference(file, raw));
  if (target.type === T.AwaitExpression) target = unwrap(dereference(file, target.argument));
  if ((target.type === T.CallExpression || target.type === T.NewExpression) && isTokenProducer(file, target)) return true;
  if (target.type === T.CallExpression) {
    const callee = calleeName(target);
    if (callee && words(callee).some((w) => SESSIONISH.has(w))) return true;
  }
  return [raw, target].some((n) => identifierNames(n, 16).some((name) => isBearerTokenName(name) || (words(name).length === 1 && SESSIONISH.has(words(name)[0]!))));
}

/** Auth / other / unresolved, from the cookie's name (or the names its name is made of) and its value. */
function classifyCookie(file: FileFacts, name: string | null, nameNodes: readonly Node[], value: readonly Node[]): CookieKind {
  if (name !== null) {
    if (words(name).some((w) => w === 'csrf' || w === 'xsrf')) return 'other'; // read by script on purpose (double submit)
    if (isPreferenceCookieName(name)) return 'other';
    if (isAuthCookieName(name)) return 'auth';
    return value.some((v) => isTokenValue(file, v)) ? 'auth' : 'other';
  }
  const names = nameNodes.flatMap((n) => mentionedNames(n, 8));
  if (names.some((n) => words(n).some((w) => w === 'csrf' || w === 'xsrf'))) return 'other';
  if (names.some(isPreferenceCookieName)) return 'other';
  if (names.some(isAuthCookieName)) return 'auth';
  return value.some((v) => isTokenValue(file, v)) ? 'auth' : 'unresolved';
}

/** `true` / `false` / absent / unknown, through const bindings. `'auto'` and other strings count as set. */
function flagState(file: FileFacts, found: Lookup): FlagState {
  if (found.kind !== 'found') return found.kind;
  const value = unwrap(dereference(file, found.value));
  if (value.type === T.Literal) {
    if (typeof value.value === 'boolean') return value.value ? 'on' : 'off';
    if (typeof value.value === 'string') return 'on';
    return 'unknown';
  }
  if (value.type === T.Identifier && value.name === 'undefined' && file.isGlobal(value)) return 'absent';
  return 'unknown';
}

function isSameSiteNone(file: FileFacts, found: Lookup): boolean {
  if (found.kind !== 'found') return false;
  const value = resolveValue(file, found.value);
  return value.kind === 'literal' && value.text.toLowerCase() === 'none';
}

// --- helpers of the file ---------------------------------------------------------

/** An unresolved cookie whose name is a helper's parameter: judge the helper's calls by the name and value each passes. */
function withHelper(file: FileFacts, site: RawSite): CookieSite {
  const { nameNodes, valueNodes, ...rest } = site;
  if (site.kind !== 'unresolved') return rest;
  const nameParam = nameNodes.length === 1 ? parameterOf(file, nameNodes[0]!) : null;
  if (!nameParam) return rest;
  const valueParam = valueNodes.map((n) => parameterOf(file, n)).find((p) => p?.fn === nameParam.fn) ?? null;
  const calls = callsOf(file, nameParam.fn);
  let judged = calls.length > 0;
  const sites: CookieSite[] = [];
  for (const call of calls) {
    const nameArg = argument(call, nameParam.index);
    if (typeof nameArg === 'string') {
      judged = false;
      continue;
    }
    const resolved = resolveValue(file, nameArg);
    const name = resolved.kind === 'literal' ? resolved.text : null;
    const valueArg = valueParam ? argument(call, valueParam.index) : 'absent';
    const kind = classifyCookie(file, name, [nameArg], typeof valueArg === 'string' ? valueNodes : [valueArg]);
    if (kind === 'unresolved') judged = false;
    if (kind === 'auth') sites.push({ ...rest, kind, name, node: call.callee });
  }
  return { ...rest, helper: { calls: sites, judged } };
}

// --- setter calls ----------------------------------------------------------------

/** The argument at `index`: the node, `absent` when the call has fewer arguments, `unknown` behind a spread. */
function argument(call: TSESTree.CallExpression, index: number): Node | 'absent' | 'unknown' {
  return argumentAt(call, index) ?? (call.arguments.slice(0, index + 1).some((a) => a.type === T.SpreadElement) ? 'unknown' : 'absent');
}

function lookupIn(file: FileFacts, options: Node | 'absent' | 'unknown', key: string): Lookup {
  if (options === 'absent') return { kind: 'absent' };
  if (options === 'unknown') return { kind: 'unknown' };
  const call = unwrap(options);
  // `cookieOptions()`: a local helper that returns the options object
  if (call.type === T.CallExpression && call.callee.type === T.Identifier) return getPropertyPath(file, call.callee, ['()', key]);
  return getProperty(file, options, key);
}

/** `res.cookie('token', '', { expires: new Date(0) })`, `set('token', null)`, `maxAge: 0`: deleting the cookie, not setting one. */
function clears(file: FileFacts, valueNode: Node | null, options: Node | 'absent' | 'unknown'): boolean {
  if (valueNode) {
    const v = unwrap(dereference(file, valueNode));
    if ((v.type === T.Literal && (v.value === '' || v.value === null)) || (v.type === T.Identifier && v.name === 'undefined')) return true;
  }
  const maxAge = lookupIn(file, options, 'maxAge');
  if (maxAge.kind === 'found') {
    const v = unwrap(dereference(file, maxAge.value));
    if (v.type === T.Literal && v.value === 0) return true;
  }
  const expires = lookupIn(file, options, 'expires');
  if (expires.kind === 'found') {
    const v = unwrap(dereference(file, expires.value));
    if (v.type === T.NewExpression && v.arguments.length === 1 && unwrap(v.arguments[0]!).type === T.Literal && (unwrap(v.arguments[0]!) as TSESTree.Literal).value === 0) return true;
  }
  return false;
}

function receiverAllowed(file: FileFacts, receiver: Node): boolean {
  const ref = resolveRef(file, receiver);
  return ref === null || SERVER_MODULES.includes(ref.module);
}

function matches(file: FileFacts, setter: CookieSetter, call: TSESTree.CallExpression, ref: ModuleRef | null): boolean {
  const m = setter.match;
  switch (m.kind) {
    case 'call':
      return refIs(ref, m);
    case 'chain': {
      if (!ref || !moduleMatches({ module: m.module, path: [] }, ref.module) || ref.path.length < m.prefix.length + m.suffix.length) return false;
      const tail = ref.path.slice(ref.path.length - m.suffix.length);
      return m.prefix.every((s, i) => ref.path[i] === s) && m.suffix.every((s, i) => tail[i] === s);
    }
    case 'tuple': {
      const callee = unwrap(call.callee);
      const variable = callee.type === T.Identifier ? file.variableOf(callee) : null;
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!def || def.node.type !== T.VariableDeclarator || def.node.id.type !== T.ArrayPattern || def.node.id.elements[m.index] !== def.name) return false;
      return refIs(resolveRef(file, def.node.init), m);
    }
    case 'method': {
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression || staticKey(callee) !== m.method) return false;
      const receiver = unwrap(callee.object);
      if (m.receiver === 'cookies' && !((receiver.type === T.MemberExpression && staticKey(receiver) === 'cookies') || (receiver.type === T.Identifier && receiver.name === 'cookies'))) return false;
      const first = call.arguments[0];
      if (!first || call.arguments.length < 2 || first.type === T.ObjectExpression || first.type === T.ArrayExpression || first.type === T.SpreadElement) return false;
      if (!receiverAllowed(file, receiver)) return false;
      if (m.when) {
        const imports = fileModules(file);
        const byImport = m.when.imports?.some((x) => imports.has(x)) ?? false;
        const byName = m.when.filename?.test(file.relativeFilename) ?? false;
        if (!byImport && !byName) return false;
      }
      return true;
    }
  }
}

/** The cookie setter model entry this call matches, or null. */
function setterOf(file: FileFacts, call: TSESTree.CallExpression): CookieSetter | null {
  const ref = invokedRef(file, call);
  return COOKIE_SETTERS.find((s) => matches(file, s, call, ref)) ?? null;
}

function setterSite(file: FileFacts, setter: CookieSetter, call: TSESTree.CallExpression, report: Node, client: boolean): RawSite {
  let nameNode: Node | null;
  let valueNode: Node | null;
  let options: Node | 'absent' | 'unknown';
  const objectArg = setter.objectForm !== undefined ? argument(call, setter.objectForm) : 'absent';
  if (typeof objectArg !== 'string' && call.arguments.length === 1 && resolveObject(file, objectArg)) {
    const name = getProperty(file, objectArg, 'name');
    const value = getProperty(file, objectArg, 'value');
    nameNode = name.kind === 'found' ? name.value : null;
    valueNode = value.kind === 'found' ? value.value : null;
    options = objectArg;
  } else {
    const n = argument(call, setter.name.arg);
    const v = argument(call, setter.value.arg);
    nameNode = typeof n === 'string' ? null : n;
    valueNode = typeof v === 'string' ? null : v;
    options = argument(call, setter.options.arg);
  }
  if (typeof options !== 'string' && isMutatedBinding(file, options)) options = 'unknown';
  const nameValue = nameNode ? resolveValue(file, nameNode) : null;
  const name = nameValue?.kind === 'literal' ? nameValue.text : null;
  const kind = clears(file, valueNode, options) ? 'other' : classifyCookie(file, name, nameNode ? [nameNode] : [], valueNode ? [valueNode] : []);
  let secure = flagState(file, lookupIn(file, options, 'secure'));
  if (name !== null && SECURE_PREFIX.test(name)) secure = 'on';
  if (setter.forcesSecure && secure !== 'on') {
    const prefix = lookupIn(file, options, setter.forcesSecure.option);
    if (prefix.kind === 'found') {
      const v = resolveValue(file, prefix.value);
      if (v.kind === 'literal' && setter.forcesSecure.values.includes(v.text)) secure = 'on';
      else if (v.kind !== 'literal') secure = 'unknown';
    }
  }
  let edit: CookieEdit | null = null;
  if (!client && !setter.client) {
    if (typeof options !== 'string') edit = { kind: 'options', target: options };
    else if (options === 'absent' && call.arguments.length === setter.options.arg) edit = { kind: 'append', after: call.arguments[call.arguments.length - 1]! };
  }
  return {
    node: report,
    source: 'setter',
    entry: setter,
    label: setter.label,
    fix: setter.fix,
    kind,
    name,
    nameNodes: nameNode ? [nameNode] : [],
    valueNodes: valueNode ? [valueNode] : [],
    httpOnly: flagState(file, lookupIn(file, options, 'httpOnly')),
    secure,
    sameSiteNone: isSameSiteNone(file, lookupIn(file, options, 'sameSite')),
    defaults: setter.defaults,
    client: client || !!setter.client,
    raw: false,
    edit,
    helper: null,
  };
}

// --- Set-Cookie strings and document.cookie --------------------------------------

function stringSite(file: FileFacts, node: Node, parsed: ParsedCookie, label: string, client: boolean, edit: CookieEdit | null): RawSite {
  const kind = isCookieDeletion(parsed) ? 'other' : classifyCookie(file, parsed.name, parsed.name === null ? parsed.holes : [], parsed.holes);
  const flag = (attr: string): FlagState => (parsed.attributes.has(attr) ? 'on' : parsed.complete ? 'absent' : 'unknown');
  let secure = flag('secure');
  if (parsed.name !== null && SECURE_PREFIX.test(parsed.name)) secure = 'on';
  return {
    node,
    source: client ? 'document' : 'string',
    entry: null,
    label,
    fix: client ? DOCUMENT_COOKIE.fix : SET_COOKIE_STRING_FIX,
    kind,
    name: parsed.name,
    nameNodes: parsed.nameHoles,
    valueNodes: parsed.holes.filter((h) => !parsed.nameHoles.includes(h)),
    httpOnly: flag('httponly'),
    secure,
    sameSiteNone: parsed.attributes.get('samesite')?.toLowerCase() === 'none',
    defaults: STRING_DEFAULTS,
    client,
    raw: !client,
    edit,
    helper: null,
  };
}

/** A cookie string expression, or each element of an array of them. */
function headerValueSites(file: FileFacts, value: Node, label: string, out: CookieSite[]): void {
  const target = unwrap(dereference(file, value));
  const elements = target.type === T.ArrayExpression ? target.elements : [value];
  const inline = unwrap(value).type === T.ArrayExpression;
  for (const el of elements) {
    if (!el || el.type === T.SpreadElement) continue;
    const produced = unwrap(dereference(file, el));
    if (produced.type === T.CallExpression && setterOf(file, produced)) continue; // a site of its own
    const parsed = parseCookieString(stringParts(file, el));
    const at = inline || target.type !== T.ArrayExpression ? el : value;
    out.push(withHelper(file, stringSite(file, at, parsed, label, false, at === el ? { kind: 'string', node: el } : null)));
  }
}

function isSetCookieName(file: FileFacts, node: Node | undefined): boolean {
  if (!node || node.type === T.SpreadElement) return false;
  const v = resolveValue(file, node);
  return v.kind === 'literal' && v.text.toLowerCase() === 'set-cookie';
}

/** `res.setHeader('Set-Cookie', …)`: true when the call is one (its value may still be out of sight). */
function headerCallSites(file: FileFacts, call: TSESTree.CallExpression, out: CookieSite[]): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return false;
  const method = staticKey(callee);
  if (!method || !SET_COOKIE_HEADER_METHODS.includes(method)) return false;
  if (call.arguments.length < 2 || !isSetCookieName(file, call.arguments[0])) return false;
  const value = call.arguments[1]!;
  if (value.type !== T.SpreadElement) headerValueSites(file, value, `\`${method}('Set-Cookie', …)\``, out);
  return true;
}

function isDocumentCookie(file: FileFacts, node: Node): boolean {
  const n = unwrap(node);
  if (n.type !== T.MemberExpression || staticKey(n) !== 'cookie') return false;
  const doc = unwrap(n.object);
  if (doc.type === T.Identifier) return doc.name === 'document' && file.isGlobal(doc);
  if (doc.type === T.MemberExpression && staticKey(doc) === 'document') {
    const host = unwrap(doc.object);
    return host.type === T.Identifier && ['window', 'globalThis', 'self'].includes(host.name) && file.isGlobal(host);
  }
  return false;
}

function documentCookieSite(file: FileFacts, node: TSESTree.AssignmentExpression): RawSite {
  const produced = unwrap(dereference(file, node.right));
  const setter = produced.type === T.CallExpression ? setterOf(file, produced) : null;
  if (setter && produced.type === T.CallExpression) {
    return { ...setterSite(file, setter, produced, node.left, true), source: 'document', label: DOCUMENT_COOKIE.label, fix: DOCUMENT_COOKIE.fix };
  }
  return stringSite(file, node.left, parseCookieString(stringParts(file, node.right)), DOCUMENT_COOKIE.label, true, null);
}

/** The call is the right-hand side of `document.cookie = …` (a site there, as a script-side cookie). */
function writesDocumentCookie(file: FileFacts, call: Node): boolean {
  let current: Node = call;
  while (current.parent && (current.parent.type === T.AwaitExpression || current.parent.type === T.TSAsExpression || current.parent.type === T.TSNonNullExpression)) current = current.parent;
  const parent = current.parent;
  return parent?.type === T.AssignmentExpression && parent.right === current && isDocumentCookie(file, parent.left);
}

// --- session middleware --------------------------------------------------------------

function middlewareOf(file: FileFacts, call: TSESTree.CallExpression): SessionMiddleware | null {
  const plugin = registeredPlugin(file, call);
  for (const m of SESSION_MIDDLEWARE) {
    if (m.match.kind === 'plugin' ? plugin !== null && moduleMatches({ module: m.match.module, path: [] }, plugin) : isCallOf(file, call, m.match)) return m;
  }
  return null;
}

/** The session cookie of a middleware call, or null when its options are out of sight (unknown, spread, mutated). */
function middlewareSite(file: FileFacts, m: SessionMiddleware, call: TSESTree.CallExpression): CookieSite | null {
  let options: TSESTree.ObjectExpression | null = null;
  for (const index of m.options) {
    const arg = argument(call, index);
    if (arg === 'unknown' || (arg !== 'absent' && isMutatedBinding(file, arg))) return null;
    if (arg !== 'absent') options = resolveObject(file, arg);
    if (options) break;
  }
  if (!options && call.arguments.length > Math.min(...m.options)) return null; // options the file cannot see
  const cookie: Lookup = !options ? { kind: 'absent' } : m.cookie.length ? getPropertyPath(file, options, m.cookie) : { kind: 'found', value: options, property: options };
  if (cookie.kind === 'unknown' || (cookie.kind === 'found' && isMutatedBinding(file, cookie.value))) return null;
  const flags = (key: string): Lookup => (cookie.kind === 'found' ? getProperty(file, cookie.value, key) : { kind: 'absent' });
  let edit: CookieEdit | null = null;
  if (options && m.cookie.length <= 1) {
    if (m.cookie.length === 0) edit = { kind: 'options', target: options };
    else if (cookie.kind === 'found') edit = { kind: 'options', target: cookie.value };
    else edit = { kind: 'nested', target: options, key: m.cookie[0]! };
  }
  return {
    node: call.callee,
    source: 'session',
    entry: m,
    label: m.label,
    fix: m.fix,
    kind: 'auth',
    name: null,
    httpOnly: flagState(file, flags('httpOnly')),
    secure: flagState(file, flags('secure')),
    sameSiteNone: isSameSiteNone(file, flags('sameSite')),
    defaults: m.defaults,
    client: false,
    raw: false,
    edit,
    helper: null,
  };
}
