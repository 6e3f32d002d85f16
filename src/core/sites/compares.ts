/**
 * Compare sites: equality checks (`==`, `===`, `!=`, `!==`) where one side is a
 * secret worth a constant-time compare, extracted once per file.
 *
 *   if (req.headers['x-api-key'] === process.env.API_KEY)   → secret API_KEY, a credential check
 *   if (token === TokenType.REFRESH)                          → no site: an enum-like constant
 *   if (user.password === password)                           → no site: plaintext-password's
 *
 * A site records the compare, the operand that is the secret and the name that
 * says so, and whether both operands are strings (for the suggestion).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from '../file.js';
import { memo } from '../file.js';
import { calleeName, enclosingClass, enclosingFunction, functionName, memberRoot, nameOf, returnedExpressions, staticKey, stringOf, unwrap } from '../ast.js';
import { cryptoCall, describedBy, inAuthRoute, isBareTokenName, isLexerFile, localFunction } from '../flow.js';
import { isUserInput } from '../requests.js';
import { nodesIn, routeOf } from '../routes.js';
import { inUiCode } from '../claims.js';
import { isAssetTokenFile } from '../credentials.js';
import { dereference, resolveValue } from '../values.js';
import { isHashName, isPasswordName, isTimingSecretName, words } from '../names.js';

export type CompareOperator = '==' | '===' | '!=' | '!==';

/** One equality check of a secret. */
export interface CompareSite {
  readonly node: TSESTree.BinaryExpression;
  readonly operator: CompareOperator;
  /** The operand that is the secret, and the name that makes it one (`API_KEY`, `signature`). */
  readonly operand: TSESTree.Node;
  readonly name: string;
  /** Both operands are strings as far as the file shows (neither is something else): a string helper fits. */
  readonly strings: boolean;
}

const EQUALITY = new Set<string>(['==', '===', '!=', '!==']);
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'passphrase', 'passcode']);
const ENV_SECRET = /SECRET|KEY|TOKEN/;
const ENV_NOT_SECRET = /PUBLIC|(^|_)(ID|NAME|URL|URI|HOST|PATH|FILE|TYPE|LENGTH|TTL)($|_)/;
const HELPER_NAMES = ['safeEqual', 'timingSafeStringEqual', 'constantTimeEqual'];
/** Function names that say "this checks a credential": where a compare of a token-named value is a real secret check. */
const CHECK_FUNCTION = /verif|check|valid|auth|login|signin|webhook|otp|mfa|2fa|reset|signature|csrf|confirm|guard|canActivate|apikey|api_?key|secret|hmac|redeem|consume/i;

const REQUEST_ROOTS = new Set(['req', 'request', 'ctx', 'c', 'event']);
const REQUEST_PARTS = new Set(['body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'session', 'header', 'get', 'request']);

const SITES = Symbol('sites.compares');
const HELPER = Symbol('sites.compares.helper');

/** Every equality check of a secret in the file, in source order, computed once. */
export function compareSites(file: FileFacts): readonly CompareSite[] {
  return memo(file, SITES, () => {
    const out: CompareSite[] = [];
    for (const node of nodesIn(file, file.sourceCode.ast, T.BinaryExpression)) {
      const site = compareSite(file, node);
      if (site) out.push(site);
    }
    return out;
  });
}

function compareSite(file: FileFacts, node: TSESTree.BinaryExpression): CompareSite | null {
  if (!EQUALITY.has(node.operator) || node.left.type === T.PrivateIdentifier) return null;
  const { left, right } = node;
  // Cheap first: literals and password operands by syntax, then the names, and only then values resolved.
  if (isLiteralLike(left) || isLiteralLike(right)) return null;
  if (isPasswordOperand(left) || isPasswordOperand(right)) return null;
  const leftName = secretName(file, left);
  const rightName = secretName(file, right);
  if (leftName === null && rightName === null) return null;
  // In blockchain code a `token` is an ERC-20 contract (an address): public chain data.
  if (isAssetTokenFile(file) && [leftName, rightName].every((n) => n === null || words(n).some((w) => w === 'token' || w === 'tokens'))) return null;
  // Two values of one object (`masterKey === readOnlyMasterKey` destructured from the same options, `this.a === this.b`,
  // `req.body.a === req.body.b`): both come from the same holder, so neither side is a guess against the other.
  if (sameHolder(file, left, right)) return null;
  // A flag about a secret (`header.wasSecret !== header.isSecret`) is a boolean, not the secret.
  if (isFlagOperand(left) || isFlagOperand(right)) return null;
  if (isConstantLike(file, left) || isConstantLike(file, right)) return null;
  // Digests on either side (`row.tokenHash !== sha256(token)`): what a timing difference could leak is the hash, not the secret.
  if (isDigest(file, left) || isDigest(file, right)) return null;
  // Rendering code in the browser: nobody times it from outside.
  if (inUiCode(file.sourceCode.ast, node)) return null;
  // Name the operand that is a secret by its own name (`API_KEY`) over one that only came from one (`key`).
  const useRight = rightName !== null && (leftName === null || (nameOf(unwrap(left)) !== leftName && nameOf(unwrap(right)) === rightName));
  const name = useRight ? rightName : leftName;
  if (!name) return null;
  if (!isCredentialCheck(file, node, resolveValue(file, left).kind === 'env' || resolveValue(file, right).kind === 'env')) return null;
  const sides = [stringness(file, left), stringness(file, right)];
  return { node, operator: node.operator as CompareOperator, operand: useRight ? right : left, name, strings: !sides.includes('other') && sides.includes('string') };
}

/** `req.query.token`, `ctx.request.body.code`, `req.get('x-signature')`: read off a request-looking object even where the handler is not visible. */
function isRequestShaped(raw: TSESTree.Node): boolean {
  let node = unwrap(raw);
  let sawPart = false;
  for (let i = 0; i < 8; i++) {
    if (node.type === T.CallExpression) node = unwrap(node.callee);
    else if (node.type === T.MemberExpression) {
      const key = staticKey(node);
      if (key && REQUEST_PARTS.has(key)) sawPart = true;
      node = unwrap(node.object);
    } else break;
  }
  return sawPart && node.type === T.Identifier && REQUEST_ROOTS.has(node.name);
}

/**
 * Precision gate: a token-named value is a secret worth a constant-time
 * compare when the compare is a credential check — one side comes from the
 * request, it sits in a route handler or a function that verifies/checks/
 * authenticates, or the secret is a `process.env` secret. Elsewhere
 * (dependency-injection tokens, lexer tokens, cache keys) the name alone
 * proves nothing.
 */
function isCredentialCheck(file: FileFacts, node: TSESTree.BinaryExpression, envSecret: boolean): boolean {
  if (envSecret) return true;
  if (isUserInput(file, node.left) || isUserInput(file, node.right)) return true;
  if (isRequestShaped(node.left) || isRequestShaped(node.right)) return true;
  if (routeOf(file, node) || inAuthRoute(file, node)) return true;
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const name = functionName(fn as Parameters<typeof functionName>[0]);
    if (name && CHECK_FUNCTION.test(name)) return true;
  }
  return false;
}

/** The object a value is read from: the parameter a destructured binding comes from, or a member chain's root. */
function holderOf(file: FileFacts, raw: TSESTree.Node): unknown {
  const node = memberRoot(raw);
  if (node.type === T.ThisExpression) return enclosingClass(node);
  if (node.type !== T.Identifier) return null;
  const variable = file.variableOf(node);
  const def = variable?.defs[0];
  if (!variable || !def) return null;
  // `function f({ a, b })`: the pattern; `const { a, b } = options`: the object destructured
  if (def.type === 'Parameter' && raw.type === T.Identifier) {
    let pattern: TSESTree.Node | null = null;
    for (let n: TSESTree.Node | undefined = def.name.parent; n && (n as TSESTree.Node) !== (def.node as TSESTree.Node); n = n.parent) if (n.type === T.ObjectPattern) pattern = n;
    return pattern;
  }
  if (def.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.id.type === T.ObjectPattern && raw.type === T.Identifier) {
    const init = def.node.init ? unwrap(def.node.init) : null;
    return init?.type === T.Identifier ? file.variableOf(init) ?? def.node : def.node;
  }
  return raw.type === T.Identifier ? null : variable;
}

function sameHolder(file: FileFacts, left: TSESTree.Node, right: TSESTree.Node): boolean {
  const a = holderOf(file, left);
  return a !== null && a === holderOf(file, right);
}

/** Words that open a boolean's name: `isSecret`, `wasSecret`, `hasToken`, `shouldRefreshToken`. */
const FLAG_WORDS = new Set(['is', 'was', 'has', 'had', 'should', 'can', 'did', 'needs', 'use', 'uses', 'show', 'allow']);

function isFlagOperand(raw: TSESTree.Node): boolean {
  const name = nameOf(unwrap(raw));
  return !!name && FLAG_WORDS.has(words(name)[0] ?? '');
}

/** Helpers whose result is a plain digest: `sha256(x)`, `md5(x)`, `hashToken(x)`, `createHash` chains. Never an HMAC. */
const DIGEST_CALL = /^(sha\d*|sha[-_]?\d+|md5|hash\w*|\w*Hash)$/i;
const MAC_WORDS = /hmac|mac$|sig|sign/i;

/**
 * A plain digest (not an HMAC), computed here or bound from one (`const hashed = sha256(token)`), or named as
 * one (`tokenHash`, `hashedToken`): comparing digests can leak only the digest, which gives no way to a token.
 */
function isDigest(file: FileFacts, raw: TSESTree.Node, depth = 0): boolean {
  const node = unwrap(raw);
  const name = nameOf(node);
  if (name && MAC_WORDS.test(name)) return false;
  if (name && words(name).some((w) => w === 'hash' || w === 'hashed')) return true;
  if (node.type === T.AwaitExpression) return isDigest(file, node.argument, depth);
  if (node.type === T.CallExpression) {
    const callee = calleeName(node);
    if (!callee) return false;
    if (DIGEST_CALL.test(callee) && !MAC_WORDS.test(callee)) return true;
    // createHash(…).update(…).digest('hex'), and `.toString('hex')` after it; a createHmac chain is a MAC
    if ((callee === 'digest' || callee === 'toString') && depth < 6) {
      const inner = unwrap(node.callee);
      return inner.type === T.MemberExpression && isDigest(file, inner.object, depth + 1);
    }
    if (callee === 'update' && depth < 6) {
      const inner = unwrap(node.callee);
      return inner.type === T.MemberExpression && isDigest(file, inner.object, depth + 1);
    }
    return callee === 'createHash';
  }
  if (node.type === T.Identifier && depth < 3) {
    const target = dereference(file, node);
    return target !== node && isDigest(file, target, depth + 1);
  }
  return false;
}

/** A literal by its syntax alone (the part of `isConstantLike` that resolves nothing). */
function isLiteralLike(raw: TSESTree.Node): boolean {
  const node = unwrap(raw);
  return node.type === T.Literal || node.type === T.UnaryExpression || (node.type === T.TemplateLiteral && node.expressions.length === 0);
}

/**
 * A constant, or a value that is not the secret itself: literals, holes-free
 * templates, `undefined`, `typeof x`, `!x`, numbers, lengths, values that
 * resolve to a string literal (enum-like constants), TS enum members.
 */
function isConstantLike(file: FileFacts, raw: TSESTree.Node): boolean {
  const node = unwrap(raw);
  if (isLiteralLike(node)) return true;
  switch (node.type) {
    case T.TemplateLiteral:
      return false; // with holes: not a constant
    case T.Identifier: {
      if ((node.name === 'undefined' || node.name === 'NaN' || node.name === 'Infinity') && file.isGlobal(node)) return true;
      // A sentinel constant that is not a string (`const TOKEN_EXPIRATION_NEVER = -1`, `const NONE = null`): no secret.
      const target = unwrap(dereference(file, node));
      if (target !== node && ((target.type === T.Literal && typeof target.value !== 'string') || (target.type === T.UnaryExpression && target.operator === '-'))) return true;
      break;
    }
    case T.BinaryExpression:
      return node.operator !== '+';
    case T.ArrayExpression:
    case T.ObjectExpression:
    case T.ArrowFunctionExpression:
    case T.FunctionExpression:
    case T.ClassExpression:
      return true;
    case T.MemberExpression: {
      const key = staticKey(node);
      if (key === 'length' || key === 'size' || key === 'byteLength') return true;
      const obj = unwrap(node.object);
      if (obj.type === T.Identifier && file.variableOf(obj)?.defs[0]?.type === 'TSEnumName') return true;
      // enum-like constants: `SyntaxKind.MethodSignature`, `AST_NODE_TYPES.TSCallSignature`, `TokenType.REFRESH`
      const owner = nameOf(obj);
      if (key && /^[A-Z]/.test(key) && owner && /^[A-Z]/.test(owner) && !/^[A-Z0-9_]*(ENV|CONFIG|SECRETS?|KEYS?)$/.test(owner)) return true;
      break;
    }
    case T.CallExpression: {
      const name = calleeName(node);
      if (name && /^(now|getTime|valueOf|parseInt|parseFloat|Number|includes|startsWith|endsWith|test|has|indexOf|some|every)$/.test(name)) return true;
      break;
    }
    default:
      break;
  }
  return resolveValue(file, node).kind === 'literal';
}

/** A raw password or a password hash: that compare is `plaintext-password`'s (the fix is hashing, not timing). */
function isPasswordOperand(raw: TSESTree.Node): boolean {
  const name = nameOf(unwrap(raw));
  if (!name) return false;
  if (isPasswordName(name)) return true;
  const w = words(name);
  return isHashName(name) && w.some((x) => PASSWORD_WORDS.has(x));
}

/** The name that makes this operand a secret (`apiKey`, `signature`, `process.env.WEBHOOK_SECRET`, `generateOtp`), or null. */
function secretName(file: FileFacts, node: TSESTree.Node): string | null {
  const lexer = isLexerFile(file);
  for (const name of describedBy(file, node)) {
    if (lexer && isBareTokenName(name)) continue;
    if (/^[A-Z0-9_]+$/.test(name) && name.includes('_') || /^[A-Z0-9]+$/.test(name) && name.length > 2) {
      if (ENV_SECRET.test(name) && !ENV_NOT_SECRET.test(name)) return name;
      continue;
    }
    if (isTimingSecretName(name)) return name;
  }
  return null;
}

type Stringness = 'string' | 'other' | 'unknown';

/** Is this operand a string, as far as the file shows (type annotations, templates, `.digest('hex')`, headers, env)? */
function stringness(file: FileFacts, raw: TSESTree.Node, depth = 0): Stringness {
  if (depth > 4) return 'unknown';
  const node = dereference(file, unwrap(raw));
  const annotated = annotationOf(file, unwrap(raw));
  if (annotated) return annotated;
  switch (node.type) {
    case T.TemplateLiteral:
      return 'string';
    case T.Literal:
      return typeof node.value === 'string' ? 'string' : 'other';
    case T.BinaryExpression:
      if (node.operator !== '+') return 'other';
      return stringness(file, node.left, depth + 1) === 'string' || stringness(file, node.right, depth + 1) === 'string' ? 'string' : 'unknown';
    case T.AwaitExpression:
      return stringness(file, node.argument, depth + 1);
    case T.NewExpression:
    case T.ArrayExpression:
    case T.ObjectExpression:
      return 'other';
    case T.MemberExpression: {
      const obj = unwrap(node.object);
      if (obj.type === T.MemberExpression && (staticKey(obj) === 'env' || staticKey(obj) === 'params' || staticKey(obj) === 'headers')) return 'string';
      return 'unknown';
    }
    case T.CallExpression: {
      const name = calleeName(node);
      const callee = unwrap(node.callee);
      if (name === 'digest') return node.arguments.length > 0 ? 'string' : 'other';
      if (name === 'toString' || name === 'String' || name === 'join' || name === 'padStart' || name === 'toUpperCase' || name === 'toLowerCase' || name === 'trim' || name === 'slice' || name === 'substring') return 'string';
      if (name === 'from' && callee.type === T.MemberExpression && unwrap(callee.object).type === T.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'Buffer') return 'other';
      if ((name === 'get' || name === 'header') && stringOf(node.arguments[0] ?? null) !== null) return 'string';
      const fn = localFunction(file, callee);
      if (fn) {
        if (fn.returnType) return typeStringness(fn.returnType.typeAnnotation);
        const results = returnedExpressions(fn).map((r) => stringness(file, r, depth + 1));
        if (results.length && results.every((r) => r === 'string')) return 'string';
        if (results.includes('other')) return 'other';
      }
      return 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** A declared type of an identifier (`key: string`, `let sig: string | undefined`), if any. */
function annotationOf(file: FileFacts, node: TSESTree.Node): Stringness | null {
  if (node.type !== T.Identifier) return null;
  const def = file.variableOf(node)?.defs[0];
  const id = def?.name;
  if (!id || id.type !== T.Identifier || !id.typeAnnotation) return null;
  return typeStringness(id.typeAnnotation.typeAnnotation);
}

function typeStringness(type: TSESTree.TypeNode): Stringness {
  if (type.type === T.TSStringKeyword) return 'string';
  if (type.type === T.TSUnionType) {
    const parts = type.types.filter((t) => t.type !== T.TSUndefinedKeyword && t.type !== T.TSNullKeyword);
    return parts.length > 0 && parts.every((t) => t.type === T.TSStringKeyword) ? 'string' : 'other';
  }
  if (type.type === T.TSTypeReference && type.typeName.type === T.Identifier && type.typeName.name === 'Promise') {
    const arg = type.typeArguments?.params[0];
    return arg ? typeStringness(arg) : 'unknown';
  }
  if (type.type === T.TSAnyKeyword || type.type === T.TSUnknownKeyword) return 'unknown';
  return 'other';
}

/** Where a module-level helper can go: after the leading imports / requires, else at the top. */
function helperAnchor(program: TSESTree.Program): TSESTree.Node | null {
  let anchor: TSESTree.Node | null = null;
  for (const statement of program.body) {
    const isImport = statement.type === T.ImportDeclaration
      || (statement.type === T.VariableDeclaration && statement.declarations.every((d) => d.init && unwrap(d.init).type === T.CallExpression && calleeName(unwrap(d.init) as TSESTree.CallExpression) === 'require'))
      || (statement.type === T.ExpressionStatement && statement.directive !== undefined);
    if (!isImport) break;
    anchor = statement;
  }
  return anchor;
}

/** An existing module-level helper that already does the constant-time string compare, or a free name for a new one. */
function helperName(file: FileFacts): { name: string; exists: boolean } | null {
  const scope = file.sourceCode.scopeManager?.globalScope;
  const scopes = scope ? [scope, ...scope.childScopes.filter((s) => s.type === 'module')] : [];
  const taken = (n: string): TSESLint.Scope.Variable | undefined => scopes.map((s) => s.set.get(n)).find((v) => v && v.defs.length > 0);
  for (const name of HELPER_NAMES) {
    const existing = taken(name);
    if (!existing) return { name, exists: false };
    const def = existing.defs[0]!.node;
    if (def.type === T.FunctionDeclaration && file.sourceCode.getText(def).includes('timingSafeEqual')) return { name, exists: true };
  }
  return null;
}

/** Where a suggestion gets its constant-time helper: `crypto.timingSafeEqual` as the file can call it, the helper's name, whether it exists, and where a new one goes. */
export interface SafeEqualHelper {
  readonly timingSafeEqual: string;
  readonly name: string;
  readonly exists: boolean;
  /** The statement after which a new helper goes (the last leading import), or null for the top of the file. */
  readonly anchor: TSESTree.Node | null;
}

/** The file's constant-time compare helper, or null when none can be offered (no `timingSafeEqual` in reach, no free name). */
export function safeEqualHelper(file: FileFacts): SafeEqualHelper | null {
  return memo(file, HELPER, () => {
    const timingSafeEqual = cryptoCall(file, 'timingSafeEqual');
    if (!timingSafeEqual) return null;
    const helper = helperName(file);
    if (!helper) return null;
    return { timingSafeEqual, ...helper, anchor: helperAnchor(file.sourceCode.ast) };
  });
}

