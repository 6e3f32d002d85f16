/**
 * Cookie strings and the modules a file uses, for the cookie rules:
 *
 *   'sid=' + id + '; Path=/; HttpOnly'       → name sid, value ⟨id⟩, attributes path, httponly
 *   `token=${t}; Max-Age=${age}; Secure`     → the hole in Max-Age is a value, not an attribute
 *   `${base}; ${flags}`                      → attributes incomplete: a missing flag is unknown
 *   ['token=' + t, 'HttpOnly'].join('; ')    → parts joined with their separator
 *
 * Strings are flattened into known text and holes (expressions the file cannot
 * evaluate), following const bindings; a hole never becomes "absent".
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { memo } from './file.js';
import { mentionedNames, staticKey, stringOf, unwrap } from './ast.js';
import { normalizeModule } from './modules.js';
import { isAuthCookieName, isTokenName, words } from './names.js';
import { arrayElements, dereference } from './values.js';

type Node = TSESTree.Node;

export type StringPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'hole'; readonly node: Node };

const MAX_PARTS = 256;
const MAX_DEPTH = 12;

/** The known text and holes a string expression is made of. */
export function stringParts(file: FileFacts, node: Node): StringPart[] {
  const out: StringPart[] = [];
  flatten(file, node, out, 0, new Set());
  return out;
}

function flatten(file: FileFacts, raw: Node, out: StringPart[], depth: number, seen: Set<Node>): void {
  if (out.length >= MAX_PARTS) return;
  const node = unwrap(raw);
  if (depth > MAX_DEPTH || seen.has(node)) {
    out.push({ kind: 'hole', node });
    return;
  }
  seen.add(node);
  try {
    switch (node.type) {
      case T.Literal:
        if (typeof node.value === 'string' || typeof node.value === 'number') out.push({ kind: 'text', text: String(node.value) });
        else out.push({ kind: 'hole', node });
        return;
      case T.TemplateLiteral:
        node.quasis.forEach((q, i) => {
          out.push({ kind: 'text', text: q.value.cooked ?? q.value.raw });
          const expr = node.expressions[i];
          if (expr) flatten(file, expr, out, depth + 1, seen);
        });
        return;
      case T.BinaryExpression: {
        if (node.operator !== '+') break;
        // Iterative over the left spine so long concatenations stay linear.
        const rights: Node[] = [];
        let current: Node = node;
        while (current.type === T.BinaryExpression && current.operator === '+') {
          rights.push(current.right);
          current = unwrap(current.left);
        }
        flatten(file, current, out, depth + 1, seen);
        for (let i = rights.length - 1; i >= 0; i--) flatten(file, rights[i]!, out, depth + 1, seen);
        return;
      }
      case T.Identifier:
      case T.MemberExpression: {
        const target = dereference(file, node);
        if (target !== node) {
          flatten(file, target, out, depth + 1, seen);
          return;
        }
        break;
      }
      case T.CallExpression: {
        const joined = joinedParts(file, node, out, depth, seen);
        if (joined) return;
        break;
      }
      default:
        break;
    }
    out.push({ kind: 'hole', node });
  } finally {
    seen.delete(node);
  }
}

/** `[a, b].join('; ')`: the elements with the separator between them. */
function joinedParts(file: FileFacts, node: TSESTree.CallExpression, out: StringPart[], depth: number, seen: Set<Node>): boolean {
  const callee = unwrap(node.callee);
  if (callee.type !== T.MemberExpression || staticKey(callee) !== 'join') return false;
  const sepNode = node.arguments[0];
  const sep = sepNode ? stringOf(sepNode) : ',';
  if (sep === null) return false;
  const elements = arrayElements(file, callee.object);
  if (!elements) return false;
  elements.forEach((el, i) => {
    if (i > 0) out.push({ kind: 'text', text: sep });
    flatten(file, el, out, depth + 1, seen);
  });
  return true;
}

export interface ParsedCookie {
  /** The cookie name when it is all known text, else null. */
  readonly name: string | null;
  /** Expressions inside the name and the value: what the cookie is about when its name is not known. */
  readonly holes: readonly Node[];
  /** The holes inside the name (`${name}=…`). */
  readonly nameHoles: readonly Node[];
  /** Attribute names (lower case) → their value text (`''` for flags). */
  readonly attributes: ReadonlyMap<string, string>;
  /** False when a hole could be a whole attribute (`; ${flags}`): a flag not seen is unknown, not absent. */
  readonly complete: boolean;
  /** The value when it is all known text (`''` for `token=; Max-Age=0`), else null. */
  readonly value: string | null;
}

/** A string that deletes the cookie (`token=; Max-Age=0`, `expires=Thu, 01 Jan 1970 …`) rather than sets one. */
export function isCookieDeletion(parsed: ParsedCookie): boolean {
  return parsed.value === '' || parsed.attributes.get('max-age') === '0' || /\b1970\b/.test(parsed.attributes.get('expires') ?? '');
}

/** Parse a `Set-Cookie` / `document.cookie` string from its parts. */
export function parseCookieString(parts: readonly StringPart[]): ParsedCookie {
  let state: 'name' | 'value' | 'attributes' = 'name';
  let name = '';
  let nameKnown = true;
  const holes: Node[] = [];
  const nameHoles: Node[] = [];
  let attributeText = '';
  let complete = true;
  let value = '';
  let valueKnown = true;
  let previous: StringPart | null = null;
  for (const part of parts) {
    const before = previous;
    previous = part;
    if (part.kind === 'hole') {
      // `${secure ? '; Secure' : ''}`, or a second expression right after the value: could be whole attributes
      if (state !== 'name' && (mayHoldAttributes(part.node) || before?.kind === 'hole')) complete = false;
      if (state === 'name') {
        nameKnown = false;
        holes.push(part.node);
        nameHoles.push(part.node);
      } else if (state === 'value') {
        holes.push(part.node);
        valueKnown = false;
      } else {
        // `Max-Age=${age}` is an attribute value; `; ${flags}` could be any attribute
        if (before?.kind !== 'text' || !/=\s*$/.test(before.text)) complete = false;
        attributeText += '\u0000';
      }
      continue;
    }
    let text = part.text;
    if (state === 'name') {
      const eq = text.indexOf('=');
      const semi = text.indexOf(';');
      if (eq === -1 && semi === -1) {
        name += text;
        continue;
      }
      if (eq !== -1 && (semi === -1 || eq < semi)) {
        name += text.slice(0, eq);
        text = text.slice(eq + 1);
        state = 'value';
      } else {
        name += text.slice(0, semi);
        text = text.slice(semi);
        state = 'value';
      }
    }
    if (state === 'value') {
      const semi = text.indexOf(';');
      if (semi === -1) {
        value += text;
        continue;
      }
      value += text.slice(0, semi);
      text = text.slice(semi);
      state = 'attributes';
    }
    attributeText += text;
  }
  // A string that never leaves the name part through literal text (`data`, `prefix + x`) may hold a whole serialized cookie: its flags are unknown.
  if (state === 'name' && nameHoles.length > 0) complete = false;
  const attributes = new Map<string, string>();
  for (const raw of attributeText.split(';')) {
    const item = raw.trim();
    if (!item || item.includes('\u0000') && !item.includes('=')) continue;
    const eq = item.indexOf('=');
    const key = (eq === -1 ? item : item.slice(0, eq)).trim().toLowerCase();
    attributes.set(key, eq === -1 ? '' : item.slice(eq + 1).trim());
  }
  return { name: nameKnown ? name.trim() : null, holes, nameHoles, attributes, complete, value: valueKnown && state !== 'name' ? value.trim() : null };
}

/** A conditional or fallback whose branches carry `;` (attributes added on a condition). */
function mayHoldAttributes(raw: Node): boolean {
  const stack: Node[] = [unwrap(raw)];
  let top = true;
  for (let steps = 0; stack.length && steps < 64; steps++) {
    const n = unwrap(stack.pop()!);
    if (n.type === T.ConditionalExpression) stack.push(n.consequent, n.alternate);
    else if (n.type === T.LogicalExpression) stack.push(n.left, n.right);
    else if (n.type === T.BinaryExpression && n.operator === '+') stack.push(n.left, n.right);
    else if (n.type === T.TemplateLiteral) {
      if (n.quasis.some((q) => (q.value.cooked ?? '').includes(';'))) return !top;
      stack.push(...n.expressions);
    } else if (n.type === T.Literal && typeof n.value === 'string' && n.value.includes(';')) return !top;
    top = false;
  }
  return false;
}

/** Is this an unshadowed `require('x')` call; its module or null. */
function requiredModuleOf(file: FileFacts, node: Node): string | null {
  if (node.type !== T.CallExpression || node.callee.type !== T.Identifier || node.callee.name !== 'require') return null;
  const name = stringOf(node.arguments[0]);
  if (name === null || !file.isGlobal(node.callee)) return null;
  return normalizeModule(name);
}

/** The module at the root of `require('x')(…).y` / `await import('x')`, if any. */
function rootModule(file: FileFacts, raw: Node | null | undefined): string | null {
  let node: Node | null | undefined = raw;
  for (let i = 0; node && i < 16; i++) {
    node = unwrap(node);
    const required = requiredModuleOf(file, node);
    if (required !== null) return required;
    if (node.type === T.ImportExpression) return stringOf(node.source) === null ? null : normalizeModule(stringOf(node.source)!);
    if (node.type === T.CallExpression) node = node.callee;
    else if (node.type === T.MemberExpression) node = node.object;
    else if (node.type === T.AwaitExpression) node = node.argument;
    else if (node.type === T.NewExpression) node = node.callee;
    else return null;
  }
  return null;
}

const MODULES = Symbol('cookies.modules');

/** Every module the file imports or requires at top level (`import`, `require`, `export … from`). */
export function fileModules(file: FileFacts): ReadonlySet<string> {
  return memo(file, MODULES, () => {
    const out = new Set<string>();
    for (const statement of file.sourceCode.ast.body) {
      switch (statement.type) {
        case T.ImportDeclaration:
          out.add(normalizeModule(String(statement.source.value)));
          break;
        case T.ExportNamedDeclaration:
        case T.ExportAllDeclaration:
          if (statement.source) out.add(normalizeModule(String(statement.source.value)));
          break;
        case T.TSImportEqualsDeclaration:
          if (statement.moduleReference.type === T.TSExternalModuleReference) {
            const name = stringOf(statement.moduleReference.expression);
            if (name !== null) out.add(normalizeModule(name));
          }
          break;
        case T.VariableDeclaration:
          for (const decl of statement.declarations) {
            const module = rootModule(file, decl.init);
            if (module !== null) out.add(module);
          }
          break;
        case T.ExpressionStatement: {
          const module = rootModule(file, statement.expression);
          if (module !== null) out.add(module);
          break;
        }
        default:
          break;
      }
    }
    return out;
  });
}

// ---------------------------------------------------------------------------
// Vocabulary for cookies and stored tokens (built on core/names.ts)

const PREFERENCE_WORDS = new Set([
  'theme', 'locale', 'lang', 'language', 'consent', 'analytics', 'ga', 'gid', 'tracking', 'utm', 'currency',
  'timezone', 'tz', 'sidebar', 'layout', 'color', 'mode', 'banner', 'dismissed', 'tour', 'preferences', 'prefs',
  'cart', 'draft', 'drafts', 'tab', 'font', 'onboarding', 'visited', 'seen', 'gdpr', 'ab',
  'experiment', 'variant', 'region', 'country',
]);

/** Words that make a cookie name about a session rather than the session itself: `session_expires_at`, `last_login`, `auth_redirect`, `oauth_state`. */
const COOKIE_DESCRIPTOR_WORDS = new Set([
  'expires', 'expiry', 'expired', 'expiration', 'exp', 'at', 'ttl', 'age', 'time', 'timestamp', 'date', 'last',
  'count', 'hint', 'seen', 'visited', 'redirect', 'return', 'returnto', 'url', 'callback', 'next', 'state', 'nonce',
  'verifier', 'provider', 'method', 'error', 'flash', 'message',
]);

/**
 * A cookie name that says it holds a preference or a fact about the session,
 * not authentication: `theme`, `locale`, `cookie_consent`, `_ga`,
 * `session_expires_at`, `last_login`.
 */
export function isPreferenceCookieName(name: string): boolean {
  const w = words(name);
  if (w.some((x) => COOKIE_DESCRIPTOR_WORDS.has(x))) return true;
  return !isAuthCookieName(name) && w.some((x) => PREFERENCE_WORDS.has(x));
}

const NOT_BEARER_WORDS = new Set([
  'csrf', 'xsrf', 'nonce', 'state', 'verifier', 'challenge', 'push', 'fcm', 'apns', 'device', 'notification',
  'notifications', 'captcha', 'recaptcha', 'hcaptcha', 'turnstile', 'mapbox', 'otp', 'totp', 'public', 'publishable',
  // LLM token counts and costs: `costTokensOnObservationTree`, `maxTokens`, `tokenUsage`
  'cost', 'costs', 'usage', 'max', 'min', 'limit',
]);

/**
 * A token that authenticates whoever holds it: `token`, `accessToken`, `id_token`,
 * `refreshToken`, `jwt`, `sessionId`, `apiKey`. Not CSRF tokens, OAuth state /
 * nonce / PKCE verifiers, push-notification tokens or names about a token (`tokenExpiry`).
 */
export function isBearerTokenName(name: string): boolean {
  const w = words(name);
  if (w.includes('token') && w[w.length - 1] === 'key') return false; // TOKEN_KEY: where a token is kept
  return isTokenName(name) && !w.some((x) => NOT_BEARER_WORDS.has(x) || TOKEN_DESCRIPTOR_WORDS.has(x));
}

/** Words that make a name about a token rather than the token: `tokenExpiresAt`, `token_type`, `hasToken`. */
const TOKEN_DESCRIPTOR_WORDS = new Set([
  'expires', 'expiry', 'expired', 'expiration', 'exp', 'at', 'ttl', 'age', 'type', 'kind', 'length', 'count',
  'has', 'is', 'should', 'valid', 'invalid', 'missing', 'name', 'header', 'prefix', 'scope', 'scopes',
  'url', 'endpoint', 'status', 'error', 'time', 'timestamp', 'date', 'issued', 'last',
]);

/**
 * The identifier and property names an expression is made of (not its string
 * literals), bounded: `data.token` → token, data; `JSON.stringify(x)` → stringify, JSON, x.
 */
export function identifierNames(node: Node, limit = 32): string[] {
  return mentionedNames(node, limit, { literals: false, spreads: true });
}

/**
 * True when the object a binding holds is changed after its declaration
 * (`sess.cookie.secure = true`, `Object.assign(opts, …)`, `delete opts.x`):
 * then what its literal says is not the whole story.
 */
export function isMutatedBinding(file: FileFacts, raw: Node): boolean {
  const node = unwrap(raw);
  if (node.type !== T.Identifier) return false;
  const variable = file.variableOf(node);
  if (!variable) return false;
  for (const ref of variable.references) {
    let current: Node = ref.identifier;
    while (current.parent?.type === T.MemberExpression && current.parent.object === current) current = current.parent;
    const parent = current.parent;
    if (current === ref.identifier) {
      if (parent?.type === T.CallExpression && parent.arguments[0] === current && isObjectAssign(parent)) return true;
      continue;
    }
    if (parent?.type === T.AssignmentExpression && parent.left === current) return true;
    if (parent?.type === T.UnaryExpression && parent.operator === 'delete') return true;
    if (parent?.type === T.CallExpression && parent.arguments[0] === current && isObjectAssign(parent)) return true;
  }
  return false;
}

function isObjectAssign(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression && staticKey(callee) === 'assign' && unwrap(callee.object).type === T.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'Object';
}

// ---------------------------------------------------------------------------
// Helpers of the file: a cookie or storage write inside a small function whose
// name and value come from its callers.

/** The parameter `node` stands for, in a function of this file: `function setCookie(name, value)` → name is #0. */
export function parameterOf(file: FileFacts, node: Node): { fn: TSESTree.FunctionLike; index: number } | null {
  const id = unwrap(node);
  if (id.type !== T.Identifier) return null;
  const variable = file.variableOf(id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def || def.type !== 'Parameter') return null;
  const fn = def.node as TSESTree.FunctionLike;
  const index = fn.params.findIndex((p) => p === def.name || (p.type === T.AssignmentPattern && p.left === def.name));
  return index === -1 ? null : { fn, index };
}

/**
 * The calls of a function in this file: `function f() {}` / `const f = () => {}`
 * called as `f(…)`, and a method of a const object literal
 * (`const storage = { set(k, v) {…} }`) called as `storage.set(…)`.
 */
export function callsOf(file: FileFacts, fn: TSESTree.FunctionLike): TSESTree.CallExpression[] {
  const parent = fn.parent;
  let id: TSESTree.Identifier | null = null;
  let method: string | null = null;
  if (fn.type === T.FunctionDeclaration) id = fn.id;
  else if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) id = parent.id;
  else if (parent?.type === T.Property && parent.parent.type === T.ObjectExpression && parent.parent.parent?.type === T.VariableDeclarator && parent.parent.parent.id.type === T.Identifier) {
    method = staticKey(parent);
    id = parent.parent.parent.id;
  }
  const variable = id ? file.variableOf(id) : null;
  if (!variable || (method === null && id === null)) return [];
  const out: TSESTree.CallExpression[] = [];
  for (const ref of variable.references) {
    const use = ref.identifier;
    if (method === null) {
      if (use.parent?.type === T.CallExpression && use.parent.callee === use) out.push(use.parent);
      continue;
    }
    const member = use.parent;
    if (member?.type === T.MemberExpression && member.object === use && staticKey(member) === method && member.parent?.type === T.CallExpression && member.parent.callee === member) {
      out.push(member.parent);
    }
  }
  return out;
}
