import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { getFile, type FileFacts } from '../src/core/file.js';
import { boundName, calleeName, functionName, staticKey, stringOf, unwrap } from '../src/core/ast.js';
import { cryptoCall, flowsInto, producedName, qualifiedKey, type Destination } from '../src/core/flow.js';
import { isAuthCookieName, isUnguessableName, words } from '../src/core/names.js';
import { isMathRandom, predictableFlow, randomReturnedBy, returnedFrom } from '../src/core/randomness.js';
import { importedFunction, importedModuleMayMention, isProjectImport } from '../src/project/values.js';
import { locationFrom } from '../src/project/files.js';


export type MessageId = 'insecure' | 'insecureHelper' | 'useRandomBytes' | 'useRandomUUID' | 'useRandomInt';
export type Options = [{ checkTestFiles?: boolean }];

/** What an unguessable value was found to be, as message text. */
type Target = string;

/** Cookie setters: the callee's method name; the cookie's name is the string argument just before the value. */
const COOKIE_SETTERS = new Set(['cookie', 'setCookie', 'set', 'serialize']);
const SQL_WRITE = /\b(insert\s+into|update\s+\S+\s+set)\b/i;

/** `res.cookie('sid', v)`, `setCookie(c, 'session', v)`, `cookies.set('token', v)`: the auth cookie's name, if the value is one. */
function cookieTarget(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): string | null {
  if (call.type !== T.CallExpression || index < 1) return null;
  const method = calleeName(call);
  if (!method || !COOKIE_SETTERS.has(method)) return null;
  if (method === 'set') {
    const callee = unwrap(call.callee);
    const owner = callee.type === T.MemberExpression ? unwrap(callee.object) : null;
    const ownerName = owner?.type === T.Identifier ? owner.name : owner?.type === T.MemberExpression ? staticKey(owner) : owner?.type === T.CallExpression ? calleeName(owner) : null;
    if (!ownerName || !words(ownerName).includes('cookies')) return null;
  }
  const name = stringOf(call.arguments[index - 1] ?? null);
  return name !== null && isAuthCookieName(name) ? name : null;
}

/**
 * The SQL columns a statement writes, by placeholder position:
 * `UPDATE users SET reset_token = $1 WHERE id = $2` → ['reset_token', 'id'];
 * `INSERT INTO t (a, b) VALUES (?, ?)` → ['a', 'b'].
 */
function sqlColumns(sql: string): string[] {
  const insert = /insert\s+into\s+[\w."`]+\s*\(([^)]*)\)\s*values\s*\(([^)]*)\)/i.exec(sql);
  if (insert) return insert[1]!.split(',').map((c) => c.trim().replace(/["`]/g, ''));
  const out: string[] = [];
  let question = 0;
  for (const m of sql.matchAll(/([A-Za-z_][\w.]*)["`]?\s*=\s*(\?|\$(\d+))/g)) {
    const position = m[3] ? Number(m[3]) - 1 : question++;
    out[position] = m[1]!.split('.').pop()!;
  }
  return out;
}

/** `db.query('UPDATE users SET reset_token = $1 …', [value])`: the credential column the value is written to, if any. */
function sqlTarget(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, element: number | undefined): string | null {
  for (let i = 0; i < index; i++) {
    const sql = stringOf(call.arguments[i] ?? null);
    if (!sql || !SQL_WRITE.test(sql)) continue;
    const position = element ?? index - i - 1;
    const column = sqlColumns(sql)[position];
    return column && isUnguessableName(column) ? column : null;
  }
  return null;
}

/**
 * A field written to a named store: `Otp.create({ code })` → `OtpCode`,
 * `prisma.verificationToken.create({ data: { value } })` → `verificationTokenValue`.
 */
function recordName(key: TSESTree.Node): { name: string; text: string } | null {
  const prop = key.parent;
  if (prop?.type !== T.Property || prop.key !== key) return null;
  let obj: TSESTree.Node | undefined = prop.parent;
  // `{ data: { code } }`
  if (obj?.parent?.type === T.Property && obj.parent.parent.type === T.ObjectExpression && staticKey(obj.parent) === 'data') obj = obj.parent.parent;
  const call = obj?.parent;
  if (call?.type !== T.CallExpression || !call.arguments.includes(obj as TSESTree.CallExpressionArgument)) return null;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return null;
  const field = staticKey(prop);
  const name = field ? qualifiedKey(callee.object, field) : null;
  const owner = unwrap(callee.object);
  const ownerName = owner.type === T.Identifier ? owner.name : owner.type === T.MemberExpression ? staticKey(owner) : null;
  return name ? { name, text: `the \`${field}\` field written to \`${ownerName}\`` } : null;
}

/** Fields that say what they hold only with their record's name: `{ code }`. */
const GENERIC_FIELDS = new Set(['code', 'pin']);

/** A generic field of a record a named function returns: `{ code }` in `createPasswordResetRequest()` → `passwordResetRequestCode`. */
function returnedRecordName(key: TSESTree.Node): { name: string; text: string } | null {
  const prop = key.parent;
  if (prop?.type !== T.Property || prop.key !== key || prop.parent.type !== T.ObjectExpression) return null;
  const field = staticKey(prop);
  const fn = field && GENERIC_FIELDS.has(field) ? returnedFrom(prop.parent) : null;
  const name = fn ? functionName(fn) : null;
  const made = name ? producedName(name) : null;
  return made && field ? { name: `${made}${field[0]!.toUpperCase()}${field.slice(1)}`, text: `the \`${field}\` field of \`${name}()\`` } : null;
}

/** Decide whether a destination of a `Math.random()` value needs an unguessable value; the message text if so. */
function targetOf(d: Destination): Target | null {
  switch (d.kind) {
    case 'named': {
      if (isUnguessableName(d.name)) return `\`${d.name}\``;
      const record = recordName(d.node) ?? returnedRecordName(d.node);
      return record && isUnguessableName(record.name) ? record.text : null;
    }
    case 'returned':
      return d.name && isUnguessableName(d.name) ? `the value of \`${d.name}()\`` : null;
    case 'argument': {
      const cookie = cookieTarget(d.call, d.index);
      if (cookie) return `the \`${cookie}\` cookie`;
      const column = sqlTarget(d.call, d.index, d.element);
      return column ? `the \`${column}\` column` : null;
    }
  }
}

function integerLiteral(node: TSESTree.Node | undefined): number | null {
  if (!node) return null;
  const n = unwrap(node);
  return n.type === T.Literal && typeof n.value === 'number' && Number.isSafeInteger(n.value) && n.value >= 0 ? n.value : null;
}

function isMathCall(node: TSESTree.Node | undefined, method: string): node is TSESTree.CallExpression {
  if (!node || node.type !== T.CallExpression) return false;
  const callee = unwrap(node.callee);
  return callee.type === T.MemberExpression && staticKey(callee) === method && unwrap(callee.object).type === T.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'Math';
}

/** Is `name` declared in `scope` or a scope around it (not merely a configured global)? */
function isBound(scope: TSESLint.Scope.Scope, name: string): boolean {
  for (let s: TSESLint.Scope.Scope | null = scope; s; s = s.upper) {
    if (s.set.get(name)?.defs.length) return true;
  }
  return false;
}

interface Rewrite {
  readonly messageId: Extract<MessageId, 'useRandomBytes' | 'useRandomUUID' | 'useRandomInt'>;
  readonly node: TSESTree.Node;
  readonly text: string;
}

/**
 * The id builders we know how to rewrite:
 *   Math.random().toString(36)[.substring(2[, n]) | .slice(2[, n]) | .substr(2[, n])] → crypto.randomBytes(16).toString('hex')
 *   Math.floor(Math.random() * N)                                                      → crypto.randomInt(N)
 *   Math.floor(A + Math.random() * N), Math.floor(Math.random() * N) + A                → crypto.randomInt(A, A + N)
 */
function rewriteOf(file: FileFacts, random: TSESTree.CallExpression): Rewrite | null {
  const parent = random.parent;
  // Math.random().toString(36)…
  if (parent?.type === T.MemberExpression && parent.object === random && staticKey(parent) === 'toString' && parent.parent?.type === T.CallExpression) {
    const radix = integerLiteral(parent.parent.arguments[0]);
    if (radix === null || radix < 2) return null;
    let node: TSESTree.Node = parent.parent;
    const up = node.parent;
    if (up?.type === T.MemberExpression && up.object === node && ['substring', 'slice', 'substr'].includes(staticKey(up) ?? '') && up.parent?.type === T.CallExpression) {
      node = up.parent;
    }
    const bytes = cryptoCall(file, 'randomBytes');
    if (bytes) return { messageId: 'useRandomBytes', node, text: `${bytes}(16).toString('hex')` };
    return isBound(file.scopeOf(random), 'crypto') ? null : { messageId: 'useRandomUUID', node, text: 'crypto.randomUUID()' };
  }
  // Math.floor(… Math.random() * N …)
  if (parent?.type !== T.BinaryExpression || parent.operator !== '*') return null;
  const n = integerLiteral(parent.left === random ? parent.right : parent.left);
  if (n === null || n < 1) return null;
  const randomInt = cryptoCall(file, 'randomInt');
  if (!randomInt) return null;
  const outer = parent.parent;
  if (isMathCall(outer, 'floor') && outer.arguments[0] === parent) {
    const plus = outer.parent;
    if (plus?.type === T.BinaryExpression && plus.operator === '+') {
      const a = integerLiteral(plus.left === outer ? plus.right : plus.left);
      if (a !== null) return { messageId: 'useRandomInt', node: plus, text: `${randomInt}(${a}, ${a + n})` };
    }
    return { messageId: 'useRandomInt', node: outer, text: `${randomInt}(${n})` };
  }
  if (outer?.type === T.BinaryExpression && outer.operator === '+' && isMathCall(outer.parent, 'floor') && outer.parent.arguments[0] === outer) {
    const a = integerLiteral(outer.left === parent ? outer.right : outer.left);
    if (a !== null) return { messageId: 'useRandomInt', node: outer.parent, text: `${randomInt}(${a}, ${a + n})` };
  }
  return null;
}

function kindOf(target: Target): string {
  return /cookie|session|sid/i.test(target) ? 'session ids' : /otp|code|pin/i.test(target) ? 'codes' : /password|salt|nonce/i.test(target) ? 'values' : 'tokens';
}

export default createRule<Options, MessageId>({
  name: 'no-insecure-token-randomness',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `Math.random()` for session ids, tokens, reset codes, OTPs, API keys, passwords and salts',
      category: 'insecure-randomness',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      insecure:
        '`Math.random()` produces {{target}}, which must be unguessable: it is not a cryptographic generator and its output can be predicted from a few observed values, so an attacker can compute valid {{kind}} and take over accounts. Use `crypto.randomBytes(32).toString(\'hex\')` or `crypto.randomUUID()` for tokens and ids, and `crypto.randomInt(min, max)` for numeric codes.',
      insecureHelper:
        '`{{helper}}()` is built on `Math.random()` ({{where}}) and produces {{target}} here, which must be unguessable: `Math.random()` is not a cryptographic generator and its output can be predicted from a few observed values, so an attacker can compute valid {{kind}}. Build the helper on `crypto.randomBytes`, `crypto.randomUUID()` or `crypto.randomInt(min, max)` instead.',
      useRandomBytes: "Replace with `crypto.randomBytes(16).toString('hex')` (32 hex characters from the OS CSPRNG).",
      useRandomUUID: 'Replace with `crypto.randomUUID()` (122 random bits from the CSPRNG).',
      useRandomInt: 'Replace with `crypto.randomInt(…)` (uniform integers from the CSPRNG).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkTestFiles: {
            type: 'boolean',
            description: 'Also report in test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`), where random tokens are usually test data; skipped by default.',
          },
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
    /**
     * A helper another module of the project exports, built on `Math.random()`
     * (`randStr()` in utils), whose result becomes a token, salt or code here:
     * reported at this use, naming the helper. Cheap first: a project import,
     * then a destination that must be unguessable, then the helper itself.
     */
    function checkImportedHelper(call: TSESTree.CallExpression): void {
      if (call.callee.type !== T.Identifier && call.callee.type !== T.MemberExpression) return;
      const bound = boundName(call);
      if (bound === null || !isUnguessableName(bound) || !isProjectImport(file, call.callee)) return;
      let target: Target | null = null;
      flowsInto(file, call, (d) => {
        target = targetOf(d);
        return target !== null;
      });
      if (target === null) return;
      if (!importedModuleMayMention(file, call.callee, 'random')) return;
      const imported = importedFunction(file, call.callee);
      const random = imported ? randomReturnedBy(imported.file, imported.fn) : null;
      if (!imported || !random) return;
      const found: Target = target;
      const where = locationFrom(file.filename, imported.file.filename, random.loc.start.line);
      context.report({
        node: call,
        messageId: 'insecureHelper',
        data: { helper: context.sourceCode.getText(call.callee).slice(0, 40), where, target: found, kind: kindOf(found) },
      });
    }

    return {
      CallExpression(node) {
        if (!isMathRandom(file, node)) {
          checkImportedHelper(node);
          return;
        }
        let target: Target | null = null;
        predictableFlow(file, node, (d) => {
          target = targetOf(d);
          return target !== null;
        });
        if (target === null) return;
        const found: Target = target;
        const kind = kindOf(found);
        const rewrite = rewriteOf(file, node);
        context.report({
          node,
          messageId: 'insecure',
          data: { target: found, kind },
          suggest: rewrite ? [{ messageId: rewrite.messageId, fix: (fixer) => fixer.replaceText(rewrite.node, rewrite.text) }] : [],
        });
      },
    };
  },
});
