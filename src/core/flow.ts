/**
 * Data flow within one file, in both directions, for the secret-handling rules:
 *
 *   describedBy   what a value *is*, by the names along the way it was made:
 *                 `const code = generateOtp()` → ['code', 'generateOtp'];
 *                 `entry.code` where `entry = codes.get(k)` and
 *                 `codes.set(k, { code })` → ['code', …what `code` was made from]
 *   flowsInto     where a value *goes*: the bindings, properties, returns of
 *                 named functions and call arguments it reaches through
 *                 arithmetic, `Math.floor`, `toString(36)`, string building,
 *                 `+=`, array joins, `.map` callbacks and same-file helpers.
 *   request values  `req.body`, `ctx.request.body`, `await request.json()`,
 *                 Nest `@Body()`, and whether a handler is an auth route.
 *
 * Everything is bounded (depth, visited sets) and never throws on odd syntax.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { isNeverReassigned, memo } from './file.js';
import { resolveRef } from './modules.js';
import { functionName, returnedExpressions, staticKey, stringOf, unwrap } from './ast.js';
import { dereference, envName, getProperty, getPropertyPath, resolveValue } from './values.js';
import { isPasswordName, words } from './names.js';
import { isRequestObject } from './requests.js';
import { nodesIn } from './routes.js';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

const MAX_NAMES = 24;
const MAX_DEPTH = 8;

function isFunction(node: Node | undefined | null): node is FunctionNode {
  return !!node && (node.type === T.FunctionDeclaration || node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression);
}

// ---------------------------------------------------------------------------
// Backward: what a value is made of

/** String and number methods whose result is still "the same value" for naming purposes. */
const TRANSPARENT_METHODS = new Set([
  'toString', 'trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase', 'toLocaleUpperCase', 'toLocaleLowerCase',
  'normalize', 'valueOf', 'padStart', 'padEnd', 'concat', 'toFixed', 'toJSON',
]);
const TRANSPARENT_FUNCTIONS = new Set(['String', 'Number', 'parseInt', 'encodeURIComponent', 'decodeURIComponent']);

/** Verbs that start the name of a function producing the thing named after them: `generateResetToken`, `getApiKey`. */
const PRODUCER_VERBS = new Set([
  'generate', 'gen', 'create', 'make', 'build', 'compute', 'calc', 'calculate', 'new', 'random', 'rand', 'get', 'issue',
  'derive', 'mint', 'read', 'load', 'fetch', 'produce', 'next', 'random',
]);
/** Trailing words that qualify how a product is encoded, not what it is: `generateOtpSecure`, `hmacHex`. */
const ENCODING_WORDS = new Set(['secure', 'safe', 'random', 'crypto', 'hex', 'string', 'str', 'base64', 'b64', 'base64url', 'url', 'sync', 'async', 'value', 'raw', 'bytes', 'buffer', 'for', 'v2']);

/**
 * The thing a call produces, named from its callee: `generateOtpSecure` → `otp`,
 * `hmacHex` → `hmac`, `createHmac` → `hmac`, `sign` → `signature`, `countTokens` → null.
 */
export function producedName(callee: string): string | null {
  let w = [...words(callee)];
  if (w.length === 0) return null;
  if (w.length === 1 && (w[0] === 'sign' || w[0] === 'hmac')) return w[0] === 'sign' ? 'signature' : 'hmac';
  if (PRODUCER_VERBS.has(w[0]!)) w = w.slice(1);
  else if (!/^(hmac|token|otp|totp|nonce|salt|signature|secret|api|session|reset|csrf|xsrf|jwt)$/.test(w[0]!)) return null;
  while (w.length > 1 && ENCODING_WORDS.has(w[w.length - 1]!)) w = w.slice(0, -1);
  if (w.length === 0) return null;
  return w.map((x, i) => (i === 0 ? x : x[0]!.toUpperCase() + x.slice(1))).join('');
}

/** The local function a callee names (`function f() {}`, `const f = () => …`), or null. */
export function localFunction(file: FileFacts, callee: Node): FunctionNode | null {
  const target = dereference(file, callee);
  if (isFunction(target)) return target;
  if (target.type === T.Identifier) {
    const variable = file.variableOf(target);
    const def = variable?.defs[0];
    if (variable && variable.defs.length === 1 && def?.node.type === T.FunctionDeclaration) return def.node;
  }
  return null;
}

/**
 * Names that describe what a value is: its own name, the key it was read
 * from, the environment variable, the thing its producing call makes, and the
 * same for whatever it was built from (bindings, templates, concatenation,
 * same-file helpers, values stored in a `Map` it was read back from).
 */
export function describedBy(file: FileFacts, node: Node): string[] {
  const out: string[] = [];
  describe(file, node, out, 0, new Set());
  return out;
}

function push(out: string[], name: string | null | undefined): void {
  if (name && out.length < MAX_NAMES && !out.includes(name)) out.push(name);
}

function describe(file: FileFacts, raw: Node, out: string[], depth: number, seen: Set<Node>): void {
  if (depth > MAX_DEPTH || out.length >= MAX_NAMES) return;
  const node = unwrap(raw);
  if (seen.has(node)) return;
  seen.add(node);
  const next = (n: Node | null | undefined): void => {
    if (n) describe(file, n, out, depth + 1, seen);
  };
  switch (node.type) {
    case T.Identifier: {
      push(out, node.name);
      const variable = file.variableOf(node);
      if (!variable || variable.defs.length !== 1 || !isNeverReassigned(variable)) return;
      const def = variable.defs[0]!;
      if (def.node.type === T.VariableDeclarator && def.node.init) {
        if (def.node.id.type === T.Identifier) next(def.node.init);
        else {
          const target = dereference(file, node);
          if (target !== node) next(target);
        }
      }
      return;
    }
    case T.MemberExpression: {
      const env = envName(file, node);
      if (env) push(out, env);
      const key = staticKey(node);
      if (key === null) return;
      push(out, key);
      // a generic key qualified by its owner: `otp.code` → `otpCode`, `verification.pin` → `verificationPin`
      if (GENERIC_KEYS.has(key)) push(out, qualifiedKey(node.object, key));
      for (const stored of storedValues(file, node.object, key)) next(stored);
      const target = dereference(file, node);
      if (target !== node) next(target);
      return;
    }
    case T.CallExpression: {
      const callee = unwrap(node.callee);
      const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? staticKey(callee) : null;
      if (name && TRANSPARENT_METHODS.has(name) && callee.type === T.MemberExpression) {
        next(callee.object);
        return;
      }
      if (name && TRANSPARENT_FUNCTIONS.has(name) && callee.type === T.Identifier) {
        next(node.arguments[0]);
        return;
      }
      // `req.get('authorization')`, `c.req.header('x-api-key')`, `headers.get('cookie')`
      if (name && /^(get|header|getHeader|get_header)$/.test(name)) push(out, stringOf(node.arguments[0] ?? null));
      if (name) push(out, producedName(name));
      // a chain: `crypto.createHmac(…).update(b).digest('hex')`
      if (callee.type === T.MemberExpression && unwrap(callee.object).type === T.CallExpression) next(callee.object);
      // a same-file helper: what it returns
      const fn = localFunction(file, callee);
      if (fn) for (const r of returnedExpressions(fn)) next(r);
      return;
    }
    case T.AwaitExpression:
      next(node.argument);
      return;
    case T.TemplateLiteral:
      for (const e of node.expressions) next(e);
      return;
    case T.BinaryExpression:
      if (node.operator === '+') {
        next(node.left);
        next(node.right);
      }
      return;
    case T.LogicalExpression:
      next(node.left);
      next(node.right);
      return;
    case T.ConditionalExpression:
      next(node.consequent);
      next(node.alternate);
      return;
    default:
      return;
  }
}

/** Keys that say what a value is only together with their owner (`otp.code`, `reset.code`). */
const GENERIC_KEYS = new Set(['code', 'pin']);

/** `otp.code` → `otpCode`; `this.resetRequest.code` → `resetRequestCode`; null when the owner has no name. */
export function qualifiedKey(owner: Node, key: string): string | null {
  const o = unwrap(owner);
  const name = o.type === T.Identifier ? o.name : o.type === T.MemberExpression ? staticKey(o) : null;
  return name ? `${name}${key[0]!.toUpperCase()}${key.slice(1)}` : null;
}

const LEXER = Symbol('flow.lexer');
const LEXER_TEXT = /\b(getTokenBefore|getTokenAfter|getFirstToken|getLastToken|getTokens|getTokenByRangeStart|tokenize|tokenizer|Tokenizer|lexer|Lexer|Punctuator|SyntaxKind|TokenType\.\w+|tokTypes|createScanner)\b/;

/**
 * Does this file work with *lexical* tokens (a parser, a linter rule, a
 * formatter), where `token` means a piece of source text, not a credential?
 */
export function isLexerFile(file: FileFacts): boolean {
  return memo(file, LEXER, () => LEXER_TEXT.test(file.sourceCode.text));
}

/** A name that is a credential only through the bare word `token` (`token`, `firstToken`, `tokens`), which a lexer file uses for source text. */
export function isBareTokenName(name: string): boolean {
  const w = words(name);
  return (w.includes('token') || w.includes('tokens'))
    && !w.some((x) => ['api', 'secret', 'access', 'refresh', 'reset', 'session', 'csrf', 'xsrf', 'auth', 'bearer', 'jwt', 'id', 'verification', 'invite', 'magic', 'password', 'github', 'oauth'].includes(x));
}

/** Methods that write a record or map entry; the record is one of the object-literal arguments (or its `data`). */
const WRITE_METHODS = new Set([
  'set', 'save', 'create', 'insert', 'insertOne', 'insertMany', 'upsert', 'update', 'updateOne', 'put', 'add', 'hset',
  'hSet', 'store', 'write', 'push', 'setex', 'persist',
]);
const STORE_INDEX = Symbol('flow.stores');

/** Per file: the write calls on each store, keyed by the store's source text (`codes`, `this.otps`, `prisma.resetToken`). */
function storeWrites(file: FileFacts): Map<string, TSESTree.CallExpression[]> {
  return memo(file, STORE_INDEX, () => {
    const index = new Map<string, TSESTree.CallExpression[]>();
    for (const node of nodesIn(file, file.sourceCode.ast, T.CallExpression)) {
      const callee = unwrap(node.callee);
      if (callee.type === T.MemberExpression && WRITE_METHODS.has(staticKey(callee) ?? '')) {
        const text = file.sourceCode.getText(unwrap(callee.object));
        if (text.length <= 80) {
          const list = index.get(text) ?? [];
          list.push(node);
          index.set(text, list);
        }
      }
    }
    return index;
  });
}

/**
 * Values stored under `key` in the store an object was read from: for
 * `entry.code` with `const entry = codes.get(k)` (or `await this.otps.findLatest(id)`),
 * the `code` of every `codes.set(k, { code })` (`this.otps.save({ code })`,
 * `prisma.otp.create({ data: { code } })`) in the file.
 */
function storedValues(file: FileFacts, object: Node, key: string): Node[] {
  let source = dereference(file, object);
  if (source.type === T.AwaitExpression) source = unwrap(source.argument);
  if (source.type !== T.CallExpression) return [];
  const callee = unwrap(source.callee);
  if (callee.type !== T.MemberExpression) return [];
  const writes = storeWrites(file).get(file.sourceCode.getText(unwrap(callee.object))) ?? [];
  const out: Node[] = [];
  for (const call of writes) {
    for (const arg of call.arguments) {
      if (arg.type === T.SpreadElement) continue;
      const found = getProperty(file, arg, key);
      if (found.kind === 'found') out.push(found.value);
      const nested = getPropertyPath(file, arg, ['data', key]);
      if (nested.kind === 'found') out.push(nested.value);
    }
    if (out.length >= 8) break;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Forward: where a value goes

export type Destination =
  /** A variable, assignment target, object property or class field the value is stored under. */
  | { readonly kind: 'named'; readonly name: string; readonly node: Node }
  /** The return value of a function (its name, when it has one). */
  | { readonly kind: 'returned'; readonly name: string | null; readonly fn: FunctionNode }
  /** An argument of a call the flow does not see into. */
  | {
    readonly kind: 'argument';
    readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
    readonly index: number;
    /** When the value sits in an array literal passed as the argument (`query(sql, [a, b])`), its position there. */
    readonly element?: number;
  };

/** Calls whose result is computed from their argument (`Math.floor(x)`, `String(x)`). */
const DERIVING_FUNCTIONS = new Set(['String', 'Number', 'parseInt', 'parseFloat', 'BigInt']);
const DERIVING_MATH = new Set(['floor', 'round', 'ceil', 'trunc', 'abs', 'min', 'max']);
/** Methods whose result is derived from the receiver: `x.toString(36)`, `s.substring(2)`, `parts.join('')`. */
const DERIVING_METHODS = new Set([
  'toString', 'substring', 'substr', 'slice', 'padStart', 'padEnd', 'toUpperCase', 'toLowerCase', 'toFixed', 'toPrecision',
  'join', 'concat', 'repeat', 'replace', 'replaceAll', 'split', 'trim', 'map', 'reduce', 'valueOf', 'toJSON', 'charAt',
]);
/** Methods whose callback's return values make up the result: `arr.map(() => …)`, `Array.from(x, () => …)`, `s.replace(re, () => …)`. */
const CALLBACK_METHODS = new Set(['map', 'from', 'replace', 'replaceAll', 'flatMap', 'reduce']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);

/** The variable a function can be called through in this file, if any. */
function functionVariable(file: FileFacts, fn: FunctionNode): TSESLint.Scope.Variable | null {
  if (fn.type === T.FunctionDeclaration && fn.id) return file.variableOf(fn.id);
  const parent = fn.parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return file.variableOf(parent.id);
  return null;
}

/**
 * Follow a value forward from `start` and call `visit` with each destination
 * it reaches; stop as soon as `visit` returns true (and return true). Through
 * variables (their reads), `+=` accumulators, returns (the function's call
 * sites in this file), callbacks of `map`/`Array.from`/`replace`, arithmetic,
 * `Math.floor`, `toString`, slicing, templates, concatenation and arrays.
 */
export function flowsInto(file: FileFacts, start: Node, visit: (d: Destination) => boolean, options: FlowOptions = {}): boolean {
  const queue: { node: Node; hops: number }[] = [{ node: start, hops: 0 }];
  const seen = new Set<Node>();
  const followVariable = (variable: TSESLint.Scope.Variable | null, hops: number): void => {
    if (!variable || hops >= MAX_DEPTH) return;
    for (const ref of variable.references) {
      if (ref.isRead() && !seen.has(ref.identifier)) queue.push({ node: ref.identifier, hops: hops + 1 });
    }
  };
  while (queue.length) {
    const { node: from, hops } = queue.shift()!;
    if (seen.has(from) || seen.size > 400) continue;
    seen.add(from);
    let child: Node = from;
    let parent: Node | undefined = from.parent;
    let element: number | undefined;
    // Climb while the parent's value is derived from the child's.
    for (let steps = 0; parent && steps < 64; steps++) {
      const up = options.unchanged ? unchangedParent(child, parent) : derivedParent(file, child, parent);
      if (up === 'stop') break;
      if (up !== null) {
        element = parent.type === T.ArrayExpression ? parent.elements.indexOf(child as TSESTree.Expression) : undefined;
        child = up;
        parent = up.parent;
        continue;
      }
      // A destination.
      if (parent.type === T.VariableDeclarator && parent.init === child) {
        if (parent.id.type === T.Identifier) {
          if (visit({ kind: 'named', name: parent.id.name, node: parent.id })) return true;
          followVariable(file.variableOf(parent.id), hops);
        }
      } else if (parent.type === T.AssignmentExpression && parent.right === child) {
        const left = parent.left;
        const name = left.type === T.Identifier ? left.name : left.type === T.MemberExpression ? staticKey(left) : null;
        if (name && visit({ kind: 'named', name, node: left })) return true;
        if (left.type === T.Identifier) followVariable(file.variableOf(left), hops);
        // the assignment expression's own value continues (`return (x = …)`)
        queue.push({ node: parent, hops });
      } else if ((parent.type === T.Property && parent.value === child) || (parent.type === T.PropertyDefinition && parent.value === child)) {
        const name = staticKey(parent);
        if (name && visit({ kind: 'named', name, node: parent.key })) return true;
        if (parent.type === T.Property && parent.parent.type === T.ObjectExpression) queue.push({ node: parent.parent, hops });
      } else if (parent.type === T.ReturnStatement || (isFunction(parent) && parent.body === child)) {
        const fn = isFunction(parent) ? parent : enclosingFn(parent);
        if (fn) {
          if (isCallbackOfDerivingCall(fn)) {
            queue.push({ node: fn.parent as Node, hops });
          } else {
            if (visit({ kind: 'returned', name: functionName(fn), fn })) return true;
            followCalls(file, fn, hops, queue, seen);
          }
        }
      } else if ((parent.type === T.CallExpression || parent.type === T.NewExpression) && parent.callee !== child) {
        const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
        const accumulator = arrayPushTarget(parent);
        if (accumulator) {
          // `parts.push(x)`: the array accumulates the value; its reads carry it on
          if (visit({ kind: 'named', name: accumulator.name, node: accumulator })) return true;
          followVariable(file.variableOf(accumulator), hops);
        } else if (index >= 0 && visit({ kind: 'argument', call: parent, index, element })) return true;
      }
      break;
    }
  }
  return false;
}

/** `parts.push(x)` / `parts.unshift(x)` on a local array: the array's identifier. */
function arrayPushTarget(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Identifier | null {
  if (call.type !== T.CallExpression) return null;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return null;
  const key = staticKey(callee);
  const obj = unwrap(callee.object);
  return (key === 'push' || key === 'unshift') && obj.type === T.Identifier ? obj : null;
}

function enclosingFn(node: Node): FunctionNode | null {
  let current = node.parent;
  while (current) {
    if (isFunction(current)) return current;
    current = current.parent;
  }
  return null;
}

/** `arr.map(fn)`, `Array.from(x, fn)`, `s.replace(re, fn)`: the callback's returns make up the call's value. */
function isCallbackOfDerivingCall(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== T.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression && CALLBACK_METHODS.has(staticKey(callee) ?? '');
}

export interface FlowOptions {
  /** Follow the value only where it stays itself (bindings, returns, `await`, `x as T`, `a ?? b`), not into values built from it. */
  readonly unchanged?: boolean;
}

/** {@link derivedParent} for values that must stay themselves. */
function unchangedParent(child: Node, parent: Node): Node | null | 'stop' {
  switch (parent.type) {
    case T.TSAsExpression:
    case T.TSNonNullExpression:
    case T.TSSatisfiesExpression:
    case T.TSTypeAssertion:
    case T.ChainExpression:
    case T.AwaitExpression:
      return parent;
    case T.LogicalExpression:
      return parent.left === child && parent.operator === '&&' ? 'stop' : parent;
    case T.ConditionalExpression:
      return parent.test === child ? 'stop' : parent;
    case T.AssignmentExpression:
      return parent.right === child && parent.operator === '=' ? null : 'stop';
    case T.VariableDeclarator:
    case T.Property:
    case T.PropertyDefinition:
    case T.ReturnStatement:
    case T.ArrowFunctionExpression:
    case T.CallExpression:
    case T.NewExpression:
      return null;
    default:
      return 'stop';
  }
}

/** Continue from every call of `fn` in this file. */
function followCalls(file: FileFacts, fn: FunctionNode, hops: number, queue: { node: Node; hops: number }[], seen: Set<Node>): void {
  if (hops >= MAX_DEPTH) return;
  const variable = functionVariable(file, fn);
  if (!variable) return;
  for (const ref of variable.references) {
    const id = ref.identifier;
    const call = id.parent;
    if (call?.type === T.CallExpression && call.callee === id && !seen.has(call)) queue.push({ node: call, hops: hops + 1 });
  }
}

/**
 * When `child`'s value makes up `parent`'s value, the node to continue from
 * (the parent, or the call a member access belongs to); null when `parent`
 * is a destination or a place to decide at; 'stop' when the value ends here
 * (a comparison, an index, a condition).
 */
function derivedParent(file: FileFacts, child: Node, parent: Node): Node | null | 'stop' {
  switch (parent.type) {
    case T.TSAsExpression:
    case T.TSNonNullExpression:
    case T.TSSatisfiesExpression:
    case T.TSTypeAssertion:
    case T.ChainExpression:
    case T.AwaitExpression:
    case T.TemplateLiteral:
    case T.ArrayExpression:
      return parent;
    case T.SpreadElement:
      return parent.parent?.type === T.ArrayExpression ? parent.parent : 'stop';
    case T.UnaryExpression:
      return parent.operator === '-' || parent.operator === '+' || parent.operator === '~' ? parent : 'stop';
    case T.BinaryExpression:
      return ARITHMETIC.has(parent.operator) ? parent : 'stop';
    case T.LogicalExpression:
      return parent.left === child && parent.operator === '&&' ? 'stop' : parent;
    case T.ConditionalExpression:
      return parent.test === child ? 'stop' : parent;
    case T.SequenceExpression:
      return parent.expressions[parent.expressions.length - 1] === child ? parent : 'stop';
    case T.AssignmentExpression:
      if (parent.right !== child) return 'stop';
      // `key += …`: the target accumulates the value; decided as a destination
      return null;
    case T.MemberExpression: {
      // `chars[Math.floor(Math.random() * chars.length)]`: a character picked from a charset
      if (parent.computed && parent.property === child) return isCharset(file, parent.object) ? parent : 'stop';
      if (parent.object !== child) return 'stop';
      // `Math.random().toString(36)[2]`: a character of the derived string
      if (parent.computed && parent.property.type === T.Literal && typeof parent.property.value === 'number') return parent;
      const key = staticKey(parent);
      const call = parent.parent;
      if (key && DERIVING_METHODS.has(key) && call?.type === T.CallExpression && call.callee === parent) return call;
      return 'stop';
    }
    case T.CallExpression: {
      if (parent.callee === child) return 'stop';
      const callee = unwrap(parent.callee);
      if (callee.type === T.Identifier && DERIVING_FUNCTIONS.has(callee.name) && file.isGlobal(callee)) return parent;
      if (callee.type === T.MemberExpression) {
        const obj = unwrap(callee.object);
        const key = staticKey(callee);
        if (obj.type === T.Identifier && obj.name === 'Math' && key && DERIVING_MATH.has(key) && file.isGlobal(obj)) return parent;
        if (key === 'from' && obj.type === T.Identifier && obj.name === 'Array' && parent.arguments[0] === child) return parent;
        if (key === 'fromCharCode' && obj.type === T.Identifier && obj.name === 'String') return parent;
        if (key && CHARSET_PICKS.has(key) && parent.arguments[0] === child && isCharset(file, callee.object)) return parent;
      }
      return null;
    }
    case T.NewExpression:
      return null;
    case T.VariableDeclarator:
    case T.Property:
    case T.PropertyDefinition:
    case T.ReturnStatement:
    case T.ArrowFunctionExpression:
      return null;
    default:
      return 'stop';
  }
}

const CHARSET_WORDS = new Set(['chars', 'charset', 'characters', 'alphabet', 'letters', 'digits', 'symbols', 'alphanumeric', 'alnum', 'possible', 'pool', 'dictionary', 'dict']);

/** Methods that pick characters of a charset at the index they are given: `chars.charAt(i)`, `chars.substr(i, 1)`. */
const CHARSET_PICKS = new Set(['charAt', 'at', 'codePointAt', 'charCodeAt', 'substr', 'substring', 'slice']);

/** A string of characters to pick from: a string literal (through bindings), its characters (`chars.split('')`), or a name like `chars`, `ALPHABET`, `charset`. */
function isCharset(file: FileFacts, node: Node, depth = 0): boolean {
  const n = unwrap(node);
  const init = depth < 2 && n.type === T.Identifier ? unwrap(dereference(file, n)) : null;
  if (init?.type === T.CallExpression && init.arguments.length === 1 && stringOf(init.arguments[0]) === '') {
    const callee = unwrap(init.callee);
    if (callee.type === T.MemberExpression && staticKey(callee) === 'split' && isCharset(file, callee.object, depth + 1)) return true;
  }
  // a string constant, or a parameter defaulting to one (`dict = 'abc…'`)
  const kind = resolveValue(file, n).kind;
  if (kind === 'literal' || kind === 'fallback') return true;
  const name = n.type === T.Identifier ? n.name : n.type === T.MemberExpression ? staticKey(n) : null;
  return !!name && words(name).some((w) => CHARSET_WORDS.has(w));
}

// ---------------------------------------------------------------------------
// Request values and auth routes

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head', 'route', 'on']);
const NEST_BODY = new Set(['Body', 'Headers']);
const AUTH_ROUTE_WORDS = new Set([
  'login', 'logon', 'signin', 'signup', 'register', 'registration', 'auth', 'authenticate', 'authentication', 'token',
  'tokens', 'password', 'passwords', 'reset', 'forgot', 'otp', 'mfa', '2fa', 'twofa', 'totp', 'verify', 'session',
  'sessions', 'oauth', 'credentials', 'refresh', 'magic', 'passwordless',
]);

/**
 * The whole request body or header set: `req.body`, `ctx.request.body`,
 * `req.headers`, `await request.json()`, `await c.req.parseBody()`, a Nest
 * `@Body()` / `@Headers()` parameter, or a binding of one of those.
 * Returns which part, or null.
 */
export function wholeRequestPart(file: FileFacts, node: Node): 'body' | 'headers' | null {
  const n = dereference(file, node);
  const target = unwrap(n.type === T.AwaitExpression ? n.argument : n);
  if (target.type === T.MemberExpression && isRequestObject(file, target.object)) {
    const key = staticKey(target);
    if (key === 'body') return 'body';
    if (key === 'headers') return 'headers';
    return null;
  }
  if (target.type === T.CallExpression) {
    const callee = unwrap(target.callee);
    if (callee.type === T.MemberExpression && isRequestObject(file, callee.object)) {
      const key = staticKey(callee);
      if (key === 'json' || key === 'parseBody' || key === 'formData' || key === 'text') return 'body';
      if (key === 'header' && target.arguments.length === 0) return 'headers';
    }
    return null;
  }
  if (target.type === T.Identifier) {
    const def = file.variableOf(target)?.defs[0];
    if (def?.type !== 'Parameter') return null;
    const param = def.name.parent;
    const decorated = param?.type === T.TSParameterProperty ? param : def.name;
    const decorators = 'decorators' in decorated ? (decorated.decorators ?? []) : [];
    for (const d of decorators) {
      const expr = unwrap(d.expression);
      const name = expr.type === T.CallExpression && unwrap(expr.callee).type === T.Identifier ? (unwrap(expr.callee) as TSESTree.Identifier).name : null;
      if (name && NEST_BODY.has(name) && expr.type === T.CallExpression && expr.arguments.length === 0) return name === 'Body' ? 'body' : 'headers';
    }
  }
  return null;
}

/**
 * Does the request this body / header object belongs to carry a password in
 * this file: `req.body.password`, `const { email, password } = req.body`,
 * `ctx.request.body.newPassword`?
 */
export function requestCarriesPassword(file: FileFacts, part: Node): boolean {
  const n = unwrap(part);
  if (n.type !== T.MemberExpression) return false;
  const key = staticKey(n);
  let base: Node = unwrap(n.object);
  while (base.type === T.MemberExpression) base = unwrap(base.object);
  if (base.type !== T.Identifier || key === null) return false;
  const variable = file.variableOf(base);
  if (!variable) return false;
  for (const ref of variable.references) {
    // climb `req` → `req.body` (or `ctx` → `ctx.request` → `ctx.request.body`) to the same part
    let node: Node = ref.identifier;
    while (node.parent?.type === T.MemberExpression && node.parent.object === node && staticKey(node.parent) !== key) node = node.parent;
    const member = node.parent;
    if (member?.type !== T.MemberExpression || member.object !== node || staticKey(member) !== key) continue;
    const use = member.parent;
    if (use?.type === T.MemberExpression && use.object === member && isPasswordName(staticKey(use) ?? '')) return true;
    if (use?.type === T.VariableDeclarator && use.init === member && use.id.type === T.ObjectPattern) {
      if (use.id.properties.some((p) => p.type === T.Property && isPasswordName(staticKey(p) ?? ''))) return true;
    }
  }
  return false;
}

/** A route path or a handler / file name about authentication: `/login`, `/auth/reset-password`, `handleSignIn`. */
function isAuthRouteText(text: string): boolean {
  const w = words(text.replace(/sign[-_ ]?(in|up)/gi, (m) => m.replace(/[-_ ]/g, '').toLowerCase()).replace(/log[-_ ]?(in|on)/gi, (m) => m.replace(/[-_ ]/g, '').toLowerCase()));
  return w.some((x) => AUTH_ROUTE_WORDS.has(x));
}

/**
 * Is `node` inside a handler of an auth route: a function passed to
 * `router.post('/login', …)` (express, koa, fastify, hono), a fastify
 * `route({ url, handler })`, a Nest method whose decorators name an auth
 * path (or in an auth controller), a Next.js route file under an auth path,
 * or a function named like `login`, `resetPassword`, `verifyOtp`.
 */
export function inAuthRoute(file: FileFacts, node: Node): boolean {
  for (let fn = enclosingFn(node); fn; fn = enclosingFn(fn)) {
    const name = functionName(fn);
    if (name && isAuthRouteText(name) && !/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) return true;
    const parent = fn.parent;
    if (parent?.type === T.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      const callee = unwrap(parent.callee);
      const method = callee.type === T.MemberExpression ? staticKey(callee) : null;
      const path = stringOf(parent.arguments[0] ?? null);
      if (method && ROUTE_METHODS.has(method) && path !== null && isAuthRouteText(path)) return true;
    }
    if (parent?.type === T.Property && parent.parent.type === T.ObjectExpression) {
      const url = getProperty(file, parent.parent, 'url');
      const routePath = url.kind === 'found' ? stringOf(url.value) : null;
      if (routePath && isAuthRouteText(routePath)) return true;
    }
    if (parent?.type === T.MethodDefinition) {
      for (const d of [...(parent.decorators ?? []), ...classDecorators(parent)]) {
        const expr = unwrap(d.expression);
        if (expr.type === T.CallExpression) {
          const arg = stringOf(expr.arguments[0] ?? null);
          if (arg && isAuthRouteText(arg)) return true;
        }
      }
    }
    if (name && /^(GET|POST|PUT|PATCH|DELETE)$/.test(name) && isAuthRouteText(file.relativeFilename.replace(/\.[^.]+$/, '').replace(/\broute$/, ''))) {
      return true;
    }
  }
  return false;
}

function classDecorators(method: TSESTree.MethodDefinition): TSESTree.Decorator[] {
  const cls = method.parent.parent;
  return cls && (cls.type === T.ClassDeclaration || cls.type === T.ClassExpression) ? (cls.decorators ?? []) : [];
}

// ---------------------------------------------------------------------------
// Node's crypto module in this file (for suggestions that call it)

export interface CryptoNames {
  /** The local name of the whole module (`const crypto = require('crypto')`, `import * as c from 'node:crypto'`). */
  readonly namespace: string | null;
  /** Local names of named imports: `randomBytes` → `rb` for `import { randomBytes as rb } from 'crypto'`. */
  readonly named: ReadonlyMap<string, string>;
}

const CRYPTO = Symbol('flow.crypto');

/** The module-level names through which this file reaches Node's `crypto`. */
function nodeCryptoNames(file: FileFacts): CryptoNames {
  return memo(file, CRYPTO, () => {
    let namespace: string | null = null;
    const named = new Map<string, string>();
    const global = file.sourceCode.scopeManager?.globalScope;
    const scopes = global ? [global, ...global.childScopes.filter((s) => s.type === 'module')] : [];
    for (const scope of scopes) {
      for (const variable of scope.variables) {
        const def = variable.defs[0];
        if (variable.defs.length !== 1 || !def || def.name.type !== T.Identifier) continue;
        const ref = resolveRef(file, def.name);
        if (!ref || ref.module !== 'crypto') continue;
        if (ref.path.length === 0 || (ref.path.length === 1 && ref.path[0] === 'default')) namespace ??= variable.name;
        else if (ref.path.length === 1) named.set(ref.path[0]!, variable.name);
      }
    }
    return { namespace, named };
  });
}

/** How to call `crypto.<fn>` here (`crypto.randomInt`, `randomInt`), or null when the file does not import Node's crypto. */
export function cryptoCall(file: FileFacts, fn: string): string | null {
  const names = nodeCryptoNames(file);
  if (names.named.has(fn)) return names.named.get(fn)!;
  return names.namespace ? `${names.namespace}.${fn}` : null;
}
