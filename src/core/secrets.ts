/**
 * Is this literal a secret, and how to talk about it without printing it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { words } from './names.js';
import { concatOperands, enclosingFunction, nameOf, staticKey, stringOf, unwrap } from './ast.js';
import { nodesIn } from './routes.js';
import { argumentAt, indexModels, matchingEntries, type CallLike } from './match.js';
import { resolveRef } from './modules.js';
import { dereference, getPropertyPath, resolveValue, type Value } from './values.js';
import { CONFIG_DEFAULTS, CONFIG_GETTERS, KEY_LIST_TARGETS, SCHEMA_DEFAULT, TYPED_SINKS, type TypedSink } from '../models/secret-sinks.js';
import { moduleMatches } from './modules.js';

type Node = TSESTree.Node;

/** Values everyone copies from tutorials; always a secret when they reach a secret sink or name. */
const PLACEHOLDERS = new Set([
  'keyboard cat', 'secret', 'secretkey', 'secret-key', 'secret_key', 'mysecret', 'my-secret', 'my_secret',
  'changeme', 'change-me', 'change_me', 'changeit', 'please-change-me', 'please change me', 'pleasechangeme',
  'supersecret', 'super-secret', 'super_secret', 'shhhhh', 'shhhhhhared-secret', 'shh', 'shhh', 'shhhh',
  'default', 'password', 'dev-secret', 'development', 'abc123', '123456', 'qwerty', 'your-secret',
  'your_secret', 'your-secret-key', 'yoursecret', 'jwtsecret', 'jwt-secret', 'jwt_secret', 'session-secret',
  'sessionsecret', 'cookie-secret', 'some secret hurr', 'insecure', 'notasecret', 'not-a-secret',
]);

/** Words that mark a value as a stand-in wherever they appear in it (`'dummySecret'`, `'fake-api-key'`). */
const STAND_IN_PARTS = new Set(['dummy', 'fake', 'mock', 'mocked', 'placeholder', 'example', 'sample', 'changeme', 'xxx', 'xxxx']);

/** Short demo words (`'test'`, `'foo'`): stand-ins in a sample config, not a key anyone deploys (still reported at a library sink). */
const DEMO_WORDS = new Set(['test', 'tests', 'testing', 'foo', 'bar', 'baz', 'qux', 'demo', 'todo', 'tbd', 'example', 'sample', 'abc', 'xyz']);

function isPlaceholderSecret(text: string): boolean {
  return PLACEHOLDERS.has(text.trim().toLowerCase()) && !isInstruction(text);
}

/**
 * Text that tells the developer what to put there (`'your secret key'`,
 * `'change me'`, `'replace with a long random string'`), not a value anyone
 * deploys as a key: not reported as a default or a named secret.
 */
export function isInstruction(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (!/\s/.test(t)) return false;
  return /^(?:your|please|enter|insert|replace|put|change|add|set|use|generate|fill)\b/.test(t) || /\b(?:here|change me|your)\b/.test(t);
}

const PRIVATE_PEM = /-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----/;
const PUBLIC_PEM = /-----BEGIN ((RSA )?PUBLIC KEY|CERTIFICATE)-----/;

/** A PEM private key with key material after its header (a bare header string, as in a format check, is not a key). */
export function isPrivateKeyPem(text: string): boolean {
  const m = PRIVATE_PEM.exec(text);
  if (!m) return false;
  const body = text.slice(m.index + m[0].length).replace(/-----END[^-]*-----[\s\S]*$/, '');
  return /[A-Za-z0-9+/=]{16,}/.test(body.replace(/\\n|\s/g, ''));
}

/** Mentions a private-key PEM header (`-----BEGIN … PRIVATE KEY-----`), with or without material. */
export function hasPrivateKeyHeader(text: string): boolean {
  return PRIVATE_PEM.test(text);
}

function isPublicMaterial(text: string): boolean {
  return PUBLIC_PEM.test(text) || /^https?:\/\//i.test(text.trim());
}

/** `JWT_SECRET`, `SESSION_SECRET`: the *name* of an environment variable, not its value. */
function looksLikeEnvName(text: string): boolean {
  return /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(text);
}

/** Reads like prose: a message, label or sentence (`'Invalid password'`, `'JWT_SECRET is required'`). */
function looksLikeProse(text: string): boolean {
  const t = text.trim();
  if (/\s/.test(t) && /^[A-Z]/.test(t)) return true;
  if (t.split(/\s+/).length >= 4) return true;
  return /[.!?:]$/.test(t) && /\s/.test(t);
}

/** Setting values and documented stand-ins, not secrets: `'broken-auth/no-hardcoded-secret': 'warn'`, `{ secret: 'required' }`, `clientSecret: 'dummy'`. */
const CONFIG_WORDS = new Set(['warn', 'error', 'off', 'on', 'true', 'false', 'none', 'null', 'undefined', 'auto', 'required', 'optional', 'enabled', 'disabled', 'string', 'hidden', 'text', 'yes', 'no', 'dummy', 'placeholder', 'example', 'sample', 'mock', 'fake', 'xxx']);

/**
 * A literal found at a place whose *name* says secret (not at a library sink):
 * is it worth reporting? Placeholders and private keys always are; otherwise a
 * token-like value (no spaces, not an env-var name, not prose, not public).
 */
export function isSecretLiteral(text: string): boolean {
  const t = text.trim();
  if (t.length === 0) return false;
  if (isPrivateKeyPem(t)) return true;
  if (isPublicMaterial(t)) return false;
  if (isPlaceholderSecret(t)) return true;
  if (isInstruction(t)) return false;
  if (looksLikeEnvName(t)) return false;
  if (looksLikeProse(t)) return false;
  if (CONFIG_WORDS.has(t.toLowerCase()) || DEMO_WORDS.has(t.toLowerCase())) return false;
  if (words(t).some((w) => STAND_IN_PARTS.has(w))) return false; // `dummySecret`, `example-key`
  if (/^(\$\{|\{\{|<%|%\(|<)/.test(t)) return false; // template placeholders, markup
  if (/^(process\.env|env\.|vault:|arn:|projects\/|sm:\/\/|ssm:)/i.test(t)) return false; // references to a secret store
  if (/^[./~]|\.(pem|key|json|txt|crt)$/i.test(t)) return false; // a path to a key file
  return t.length >= 4;
}

/**
 * A literal that reaches a library's secret parameter: anything non-empty
 * except public material (a verify key can be a public PEM or a JWKS URL).
 */
export function isSinkSecretLiteral(text: string): boolean {
  const t = text.trim();
  if (t.length === 0) return false;
  if (isPublicMaterial(t)) return false;
  if (looksLikeEnvName(t) && !isPlaceholderSecret(t)) return false;
  return true;
}

/** `"su…" (24 chars)`: never more than the first 2 characters and the length. */
export function mask(text: string): string {
  if (hasPrivateKeyHeader(text)) return `a PEM private key (${text.length} chars)`;
  const head = [...text].slice(0, 2).join('');
  return `"${head}…" (${text.length} chars)`;
}

/**
 * A name that says the value is a credential the app presents to another
 * service (`apiKey`, `x-api-key`, `accessToken`, `authToken`, `apiSecret`):
 * reported only when the literal looks like a real one (see `looksLikeRealCredential`).
 * Not `apiKeyHeader`, `accessTokenName`, `csrfToken`.
 */
export function isCredentialName(name: string): boolean {
  if (name.includes('/') || name.includes('.')) return false;
  if (!/key|token/i.test(name)) return false; // every accepted name ends in a key or token word
  const w = words(name);
  const last = w[w.length - 1];
  if (!last || w.some((x) => ABOUT_WORDS.has(x))) return false;
  if (last === 'apikey' || last === 'apitoken' || last === 'accesstoken' || last === 'authtoken') return true;
  const prev = w.length > 1 ? w[w.length - 2]! : '';
  if (last === 'key' || last === 'keys') return prev === 'api' || prev === 'access' || prev === 'app';
  if (last === 'token' || last === 'tokens') return CREDENTIAL_TOKEN_WORDS.has(prev);
  return false;
}

/** Key formats that are public by design (PostHog project keys, Stripe and Mapbox publishable keys). */
const PUBLISHABLE_PREFIXES = ['phc_', 'pk_live_', 'pk_test_', 'pk.ey'];

/** Names of error codes and checks about a credential, not the credential (`INVALID_ACCESS_TOKEN`, `MISSING_API_KEY`). */
const ABOUT_WORDS = new Set(['invalid', 'missing', 'expired', 'error', 'err', 'wrong', 'bad', 'no', 'revoked', 'unknown', 'required']);

const CREDENTIAL_TOKEN_WORDS = new Set(['api', 'access', 'auth', 'bearer', 'bot', 'private', 'personal', 'secret', 'service', 'admin', 'master', 'app']);

/**
 * A presented credential that looks real: 8+ characters without spaces, both
 * letters and digits (or 20+ token characters), not a placeholder, a demo
 * value, a masked display value or a counting sequence (`sk-1234567890abcdef`).
 */
export function looksLikeRealCredential(text: string): boolean {
  const t = text.trim();
  if (t.length < 8 || /\s/.test(t) || !isSecretLiteral(t) || isPlaceholderSecret(t)) return false;
  if (/[*•…]|\.\.\./.test(t)) return false; // masked for display
  const lower = t.toLowerCase();
  if (/0123|1234|2345|abcd|xxxx|0000|1111|aaaa/.test(lower)) return false;
  if (/^[a-z]+([-_/.:][a-z]+)*$/i.test(t)) return false; // a word, slug or code (`auth/invalid_access_token`): a name, not a key
  if (words(t).some((w) => w === 'test' || w === 'e2e' || w === 'demo')) return false; // a test or demo value
  if (PUBLISHABLE_PREFIXES.some((p) => t.startsWith(p))) return false;
  const mixed = /[a-z]/i.test(t) && /\d/.test(t);
  return mixed || (t.length >= 20 && /^[\w\-.+/=]+$/.test(t));
}

/** A value that only repeats its own key (`{ gocardless_secretKey: 'gocardless_secretKey' }`): an enum of names, not a secret. */
export function isOwnName(name: string, text: string): boolean {
  const a = words(name).join('_');
  return a.length > 0 && a === words(text).join('_');
}

/**
 * Story and sample files of a UI (`*.stories.tsx`) and test files under a
 * project's own naming (`*.clienttest.tsx`, `*.e2e-spec.ts`): fake keys for
 * display or tests, never deployed. Treated like test files.
 */
export function isSampleFile(filename: string): boolean {
  const f = filename.replace(/\\/g, '/');
  return /\.(stories|story)\.[cm]?[jt]sx?$/.test(f)
    || /\.(client|server|unit|int|integration|e2e|browser|node|dom|component|api)[-_]?(test|spec)s?\.[cm]?[jt]sx?$/i.test(f)
    || /(^|\/)(__mocks__|__fixtures__|\.storybook|stories|cypress|playwright)\//.test(f)
    || /(^|\/)(playwright|cypress|vitest|jest|karma)\.config\.[cm]?[jt]s$/.test(f); // test-runner configs
}

// ---------------------------------------------------------------------------
// Values derived from a literal, and defaults of config libraries

type Literal = Extract<Value, { kind: 'literal' }>;

/** The longest text a derived key is built up to (`'a'.repeat(n)`). */
const MAX_DERIVED = 4096;

/** A part of a concatenation that is public by its name (`appInfo.name`, `pkg.name`): the literal around it is the secret. */
function isPublicNamePart(node: Node): boolean {
  const name = nameOf(node);
  const w = name ? words(name) : [];
  return w[w.length - 1] === 'name';
}

/**
 * A key derived from a literal where `resolveValue` cannot say: a literal
 * suffix on a public name (`appInfo.name + '_1519…'`), a repeated literal
 * (`'a'.repeat(32)`), a hash of a literal
 * (`createHash('sha256').update('x').digest()`). The text is the literal part.
 */
export function derivedLiteral(file: FileFacts, raw: Node): Literal | null {
  const node = unwrap(dereference(file, raw));
  if (node.type === T.BinaryExpression && node.operator === '+') {
    let text = '';
    for (const part of concatOperands(node)) {
      const v = resolveValue(file, part);
      if (v.kind === 'literal') text += v.text;
      else if (!isPublicNamePart(unwrap(part))) return null;
    }
    return text ? { kind: 'literal', text, node } : null;
  }
  if (node.type !== T.CallExpression) return null;
  const callee = unwrap(node.callee);
  if (callee.type !== T.MemberExpression) return null;
  const method = staticKey(callee);
  if (method === 'repeat') {
    const base = resolveValue(file, callee.object);
    const times = node.arguments[0] ? unwrap(node.arguments[0]) : null;
    if (base.kind !== 'literal' || !base.text || times?.type !== T.Literal || typeof times.value !== 'number') return null;
    return { kind: 'literal', text: base.text.repeat(Math.max(1, Math.min(times.value, Math.ceil(MAX_DERIVED / base.text.length)))), node };
  }
  if (method === 'digest') return hashedLiteral(file, callee.object, node);
  return null;
}

/** `createHash(alg).update('x')` (any number of updates, all literal) under a `.digest()`: the literal input. */
function hashedLiteral(file: FileFacts, chain: Node, whole: Node): Literal | null {
  let text = '';
  let current = unwrap(chain);
  for (let i = 0; i < 8 && current.type === T.CallExpression; i++) {
    const callee = unwrap(current.callee);
    if (callee.type === T.MemberExpression && staticKey(callee) === 'update') {
      const arg = current.arguments[0];
      const v = arg ? resolveValue(file, arg) : null;
      if (v?.kind !== 'literal') return null;
      text = v.text + text;
      current = unwrap(callee.object);
      continue;
    }
    const ref = resolveRef(file, current.callee);
    return ref?.module === 'crypto' && ref.path.length === 1 && ref.path[0] === 'createHash' && text ? { kind: 'literal', text, node: whole } : null;
  }
  return null;
}

/** A setting's default found in a config schema or service read: the setting's name and the default's node. */
export interface ConfigDefaultSite {
  readonly name: string;
  readonly value: Node;
  /** The environment variable the schema reads the setting from (convict `env: 'JWT_SECRET'`), when it says. */
  readonly env?: string | null;
}

const DEFAULTS_INDEX = indexModels(CONFIG_DEFAULTS, (d) => d.match);

/** The key a schema entry sits under: `JWT_SECRET: str(…)`, `JWT_SECRET: z.string().min(32).default(…)`. */
function settingName(node: Node): string | null {
  let current: Node | undefined = node;
  for (let i = 0; i < 12 && current; i++) {
    const parent: Node | undefined = current.parent;
    if (!parent) return null;
    if (parent.type === T.Property && parent.value === current) return staticKey(parent);
    if (parent.type === T.VariableDeclarator && parent.init === current) return parent.id.type === T.Identifier ? parent.id.name : null;
    if (parent.type === T.PropertyDefinition && parent.value === current) return staticKey(parent);
    const chained = (parent.type === T.MemberExpression && parent.object === current) || (parent.type === T.CallExpression && parent.callee === current);
    if (!chained && parent.type !== T.TSAsExpression && parent.type !== T.TSNonNullExpression) return null;
    current = parent;
  }
  return null;
}

/** Defaults a config library call sets (envalid, zod, joi, yup, a config service's `get(name, default)`). */
export function configDefaults(file: FileFacts, call: CallLike): ConfigDefaultSite[] {
  const out: ConfigDefaultSite[] = [];
  const entries = matchingEntries(file, call, DEFAULTS_INDEX);
  if (entries.length) {
    const name = settingName(call);
    if (!name) return out;
    for (const entry of entries) {
      for (const slot of entry.slots) {
        const arg = argumentAt(call, slot.arg);
        if (!arg) continue;
        const found = slot.option ? getPropertyPath(file, arg, slot.option) : { kind: 'found' as const, value: arg };
        if (found.kind === 'found') out.push({ name, value: found.value });
      }
    }
    return out;
  }
  if (call.type !== T.CallExpression) return out;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return out;
  for (const getter of CONFIG_GETTERS) {
    if (staticKey(callee) !== getter.method) continue;
    const receiver = nameOf(callee.object);
    if (!receiver || !words(receiver).includes(getter.receiver)) continue;
    const name = stringOf(argumentAt(call, getter.name));
    const value = argumentAt(call, getter.fallback);
    if (name && value) out.push({ name: name.replace(/[./]/g, '_'), value });
  }
  return out;
}

/** `default: 'x'` in a plain-data schema entry (`{ doc, format, default, env }`), with the entry's key as name. */
export function schemaDefault(property: TSESTree.Property): ConfigDefaultSite | null {
  if (staticKey(property) !== SCHEMA_DEFAULT.key || property.parent.type !== T.ObjectExpression) return null;
  const entry = property.parent;
  const markers: readonly string[] = SCHEMA_DEFAULT.markers;
  if (!entry.properties.some((p) => p.type === T.Property && markers.includes(staticKey(p) ?? ''))) return null;
  const holder = entry.parent;
  if (holder?.type !== T.Property || holder.value !== entry) return null;
  const name = staticKey(holder);
  const env = entry.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'env');
  return name ? { name, value: property.value as Node, env: env ? stringOf(env.value) : null } : null;
}

/** `config.keys = …` / `app.keys = […]` on an object the file cannot trace: the name to report it under. */
export function keyListName(target: TSESTree.MemberExpression): string | null {
  const property = staticKey(target);
  const owner = nameOf(target.object);
  if (!property || !owner) return null;
  const last = words(owner).at(-1);
  for (const t of KEY_LIST_TARGETS) {
    if (t.property === property && last && (t.owners as readonly string[]).includes(last)) return `${owner}.${property}`;
  }
  return null;
}

/**
 * The value is, or falls back from, something named as public
 * (`env.NEXT_PUBLIC_POSTHOG_KEY ?? FALLBACK_KEY`): a publishable key shipped
 * to browsers, not a secret.
 */
export function readsPublicName(node: Node): boolean {
  const stack: Node[] = [node];
  for (let i = 0; i < 32 && stack.length; i++) {
    const n = unwrap(stack.pop()!);
    const name = n.type === T.Identifier || n.type === T.MemberExpression ? nameOf(n) : null;
    if (name && words(name).some((w) => w === 'public' || w === 'publishable')) return true;
    if (n.type === T.LogicalExpression) stack.push(n.left, n.right);
    else if (n.type === T.ConditionalExpression) stack.push(n.consequent, n.alternate);
  }
  return false;
}

/** The library options type an object is declared with (`const o: SessionOptions = {…}`, `{…} satisfies SessionOptions`), if a typed sink knows it. */
export function typedSinks(file: FileFacts, declarator: TSESTree.VariableDeclarator): { sink: TypedSink; object: Node }[] {
  if (!declarator.init) return [];
  const init = unwrap(declarator.init);
  let annotation: TSESTree.TypeNode | undefined;
  if (declarator.id.type === T.Identifier) annotation = declarator.id.typeAnnotation?.typeAnnotation;
  if (!annotation && declarator.init.type === T.TSSatisfiesExpression) annotation = declarator.init.typeAnnotation;
  if (annotation?.type !== T.TSTypeReference || annotation.typeName.type !== T.Identifier) return [];
  const ref = resolveRef(file, annotation.typeName);
  if (!ref) return [];
  const type = ref.path.length === 1 ? ref.path[0] : null;
  return TYPED_SINKS.filter((s) => s.type === type && moduleMatches({ module: s.module, path: [] }, ref.module)).map((sink) => ({ sink, object: init }));
}

/**
 * Module constants and class fields that hold one value for the whole app
 * (`const ADMIN_PASSWORD = '…'`, `static KEY = '…'`): where a bare `key` or a
 * password name is a credential, not a lookup key or a form field.
 */
export function isAppConstant(node: TSESTree.VariableDeclarator | TSESTree.PropertyDefinition): boolean {
  if (node.type === T.PropertyDefinition) return node.static || node.readonly;
  const decl = node.parent;
  if (decl.type !== T.VariableDeclaration || decl.kind !== 'const') return false;
  const holder = decl.parent;
  return holder?.type === T.Program || (holder?.type === T.ExportNamedDeclaration && holder.parent?.type === T.Program);
}

// ---------------------------------------------------------------------------
// Report helpers: env names, report nodes, rotation maps

/** `jwtSecret` → `JWT_SECRET`. */
export function envNameFor(name: string): string {
  const w = words(name);
  if (w.length === 1) return w[0] === 'secret' ? 'APP_SECRET' : isCredentialName(name) ? w[0]!.toUpperCase() : `${w[0]!.toUpperCase()}_SECRET`;
  return w.join('_').toUpperCase();
}

/** Grow a PEM literal to the concatenation / template it is part of, so it is one finding with its binding. */
export function outermostConcat(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && ((current.parent.type === T.BinaryExpression && current.parent.operator === '+') || current.parent.type === T.TemplateLiteral)) {
    current = current.parent;
  }
  return current;
}

/** The statement at Program level that contains `node`, where a startup check can go before it. */
export function topLevelStatement(node: TSESTree.Node): TSESTree.Node | null {
  let current: TSESTree.Node | undefined = node;
  while (current?.parent && current.parent.type !== T.Program) current = current.parent;
  if (!current?.parent) return null;
  // An export wrapper: put the check before the export statement.
  return current;
}

/** The suggestion's edit: the literal (or `env || 'lit'`) becomes `process.env.NAME`, with a startup check before its top-level statement. */
export function envReadFix(target: Node, env: string): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] {
  const statement = topLevelStatement(target);
  return (fixer) => {
    const fixes = [fixer.replaceText(target, `process.env.${env}`)];
    if (statement && statement.range[0] < target.range[0]) {
      const indent = ' '.repeat(statement.loc.start.column);
      fixes.unshift(fixer.insertTextBefore(statement, `if (!process.env.${env}) {\n${indent}  throw new Error('${env} must be set');\n${indent}}\n${indent}`));
    }
    return fixes;
  };
}

/** Keys of a key-rotation map: versions and slots (`v1`, `2`, `current`, `previous`). */
const ROTATION_KEY = /^(v?\d+|current|previous|prev|next|old|new|primary|secondary|active|legacy|latest)$/i;

/** The values of an object literal keyed like versions or slots (`{ v1: 'a', current: 'b' }`), or null. */
export function rotationValues(file: FileFacts, node: Node): Node[] | null {
  const obj = dereference(file, node);
  if (obj.type !== T.ObjectExpression || obj.properties.length === 0) return null;
  const out: Node[] = [];
  for (const p of obj.properties) {
    if (p.type !== T.Property || p.computed || !ROTATION_KEY.test(staticKey(p) ?? '')) return null;
    out.push(p.value);
  }
  return out;
}


// ---------------------------------------------------------------------------
// A sink fed by a local helper's parameter

/** Calls of a helper looked at per sink. */
const MAX_HELPER_CALLS = 16;

/**
 * A sink fed by a parameter of a local helper (`aseEncode(data, password)` →
 * `createCipher(alg, password)`): what the helper's callers in this file pass
 * there, or a value that was defaulted just before the call
 * (`cfg.key = cfg.key || DEFAULT_KEY; aseEncode(x, cfg.key)`).
 */
export function parameterArguments(file: FileFacts, node: Node): Node[] {
  const n = unwrap(node);
  if (n.type !== T.Identifier) return [];
  const fn = enclosingFunction(n);
  if (!fn) return [];
  const index = fn.params.findIndex((p) => p.type === T.Identifier && p.name === n.name);
  if (index < 0 || file.variableOf(n)?.defs[0]?.type !== 'Parameter') return [];
  // A call names the helper through its binding (`createKey(…)` for `function createKey`), or, for a method or a
  // function written to a property, through that property (`this.sign(…)`, `exports.sign(…)`): never another
  // object's method of the same name (`signer.sign(…)` inside `function sign`).
  const parent = fn.parent;
  const property = parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition || (parent?.type === T.Property && parent.value === fn)
    ? staticKey(parent)
    : parent?.type === T.AssignmentExpression && parent.left.type === T.MemberExpression ? staticKey(parent.left) : null;
  // `const name = function …`, `const name = (…) => …`, `function name`, a named function expression's own name.
  const declared = parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier ? parent.id : null;
  const binding = declared ?? (fn.type === T.FunctionDeclaration || fn.type === T.FunctionExpression ? fn.id : null);
  const variable = binding ? file.variableOf(binding) : null;
  if (!property && !variable) return [];
  const out: Node[] = [];
  for (const call of nodesIn(file, file.sourceCode.ast, T.CallExpression)) {
    if (out.length >= MAX_HELPER_CALLS) break;
    const arg = call.arguments[index];
    if (!arg || arg.type === T.SpreadElement) continue;
    const callee = unwrap(call.callee);
    const calls = callee.type === T.Identifier
      ? !!variable && file.variableOf(callee) === variable
      : callee.type === T.MemberExpression && property !== null && staticKey(callee) === property;
    if (calls) out.push(defaultedBefore(file, call, arg) ?? arg);
  }
  return out;
}

/** The value a member was given by an assignment in one of the few statements before the call's own (`x.key = x.key || 'k'`). */
function defaultedBefore(file: FileFacts, call: Node, arg: Node): Node | null {
  const target = unwrap(arg);
  if (target.type !== T.MemberExpression) return null;
  const text = file.sourceCode.getText(target);
  let stmt: Node = call;
  while (stmt.parent && stmt.parent.type !== T.BlockStatement && stmt.parent.type !== T.Program) stmt = stmt.parent;
  const block = stmt.parent;
  if (!block || (block.type !== T.BlockStatement && block.type !== T.Program)) return null;
  const body = block.body as Node[];
  const at = body.indexOf(stmt);
  for (let i = at - 1; i >= 0 && i >= at - 4; i--) {
    const s = body[i]!;
    if (s.type !== T.ExpressionStatement || s.expression.type !== T.AssignmentExpression || s.expression.operator !== '=') continue;
    if (file.sourceCode.getText(s.expression.left) === text) return s.expression.right;
  }
  return null;
}
