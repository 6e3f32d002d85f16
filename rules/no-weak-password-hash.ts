import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { getFile, type FileFacts } from '../src/core/file.js';
import { staticKey, stringOf, unwrap } from '../src/core/ast.js';
import { argumentAt } from '../src/core/match.js';
import { dereference, getPropertyPath, resolveValue } from '../src/core/values.js';
import { isHashName, isPasswordName, isSecretName, isTokenName, words } from '../src/core/names.js';
import { hashApiOf } from '../src/core/passwords.js';
import { userPasswordOf } from '../src/core/requests.js';
import { mask } from '../src/core/secrets.js';
import { PASSWORD_HASH_FIX, type CostSlot, type HashApi } from '../src/models/hashes.js';

export type MessageId = 'fastHash' | 'weakSettings' | 'raiseCost';
export type Options = [{ checkTestFiles?: boolean; minBcryptCost?: number; minPbkdf2Iterations?: number }];

type Node = TSESTree.Node;

interface CostProblem {
  readonly slot: CostSlot;
  readonly value: number;
  readonly min: number;
  /** The number literal, when one at a known place sets the cost (the suggestion edits it). */
  readonly literal: TSESTree.Literal | null;
}

/** Data is fed through these without changing what it is. */
const WRAPPERS = new Set(['from', 'encode', 'String', 'trim', 'toString', 'normalize', 'concat', 'toLowerCase']);

/** A name for where a password (or its hash) lives: `password`, `passwordHash`, `hashedPassword`, `hashPassword`. Not `resetPasswordToken`. */
function isPasswordStorageName(name: string | null): boolean {
  if (!name) return false;
  const kept = words(name).filter((w) => !isHashName(w) && w !== 'encrypt' && w !== 'make' && w !== 'create' && w !== 'generate' && w !== 'compute' && w !== 'get' && w !== 'to');
  return kept.length > 0 && isPasswordName(kept.join('_'));
}

/** Does the expression carry a password (`password`, `this.password`, `salt + pw`, `Buffer.from(req.body.password)`)? */
function carriesPassword(file: FileFacts, raw: Node, depth = 0): boolean {
  if (depth > 8) return false;
  const node = unwrap(raw);
  const next = (n: Node | null | undefined): boolean => !!n && n.type !== T.SpreadElement && carriesPassword(file, n, depth + 1);
  switch (node.type) {
    case T.Identifier: {
      if (isPasswordName(node.name) || userPasswordOf(file, node)) return true;
      const target = dereference(file, node);
      return target !== node && next(target);
    }
    case T.MemberExpression: {
      const key = staticKey(node);
      return (key !== null && isPasswordName(key)) || !!userPasswordOf(file, node);
    }
    case T.BinaryExpression:
      return node.operator === '+' && (next(node.left) || next(node.right));
    case T.TemplateLiteral:
      return node.expressions.some((e) => next(e));
    case T.AwaitExpression:
      return next(node.argument);
    case T.CallExpression: {
      const callee = unwrap(node.callee);
      const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? staticKey(callee) : null;
      if (name && WRAPPERS.has(name)) return node.arguments.some((a) => next(a)) || (callee.type === T.MemberExpression && next(callee.object));
      return !!userPasswordOf(file, node);
    }
    default:
      return false;
  }
}

/** Data that is a key or secret, not a password: a KDF deriving an encryption key from it is out of scope. */
function isKeyMaterial(file: FileFacts, raw: Node): boolean {
  const node = unwrap(raw);
  const value = resolveValue(file, node);
  if (value.kind === 'env' || value.kind === 'fallback') return true;
  const name = node.type === T.Identifier ? node.name : node.type === T.MemberExpression ? staticKey(node) : null;
  return !!name && !isPasswordName(name) && (isSecretName(name) || isTokenName(name) || words(name).includes('key'));
}

/** Grow a call to the end of its method chain: `createHash(a).update(b).digest('hex')`. */
function chainEnd(call: TSESTree.CallExpression): TSESTree.CallExpression {
  let current: TSESTree.CallExpression = call;
  while (current.parent?.type === T.MemberExpression && current.parent.object === current && current.parent.parent?.type === T.CallExpression && current.parent.parent.callee === current.parent) {
    current = current.parent.parent;
  }
  return current;
}

/** Arguments of `.update(x)` calls on a hash object: in its chain and, when bound to a variable, on that variable. */
function updatedData(file: FileFacts, call: TSESTree.CallExpression): Node[] {
  const out: Node[] = [];
  let current: Node = call;
  while (current.parent?.type === T.MemberExpression && current.parent.object === current && current.parent.parent?.type === T.CallExpression) {
    const method = staticKey(current.parent);
    const outer: TSESTree.CallExpression = current.parent.parent;
    if (method === 'update' && outer.arguments[0]) out.push(outer.arguments[0]);
    current = outer;
  }
  const holder = current.parent;
  if (holder?.type === T.VariableDeclarator && holder.init === current && holder.id.type === T.Identifier) {
    const variable = file.variableOf(holder.id);
    for (const ref of variable?.references ?? []) {
      const member = ref.identifier.parent;
      if (member?.type === T.MemberExpression && member.object === ref.identifier && staticKey(member) === 'update' && member.parent?.type === T.CallExpression) {
        const arg = member.parent.arguments[0];
        if (arg) out.push(arg);
      }
    }
  }
  return out;
}

/** The name the hash result is stored under: variable, property, assignment target, or the returning function's name. */
function resultName(node: Node): string | null {
  let current: Node = node;
  for (let i = 0; i < 8 && current.parent; i++) {
    const parent: Node = current.parent;
    switch (parent.type) {
      case T.AwaitExpression:
      case T.TemplateLiteral:
      case T.ConditionalExpression:
      case T.TSAsExpression:
      case T.TSNonNullExpression:
        current = parent;
        continue;
      case T.BinaryExpression:
        if (parent.operator !== '+') return null;
        current = parent;
        continue;
      case T.MemberExpression:
        // (await bcrypt.hash(x)).toString('hex')
        if (parent.object === current && parent.parent?.type === T.CallExpression) {
          current = parent.parent;
          continue;
        }
        return null;
      case T.VariableDeclarator:
        return parent.id.type === T.Identifier ? parent.id.name : null;
      case T.AssignmentExpression:
        return parent.left.type === T.Identifier ? parent.left.name : parent.left.type === T.MemberExpression ? staticKey(parent.left) : null;
      case T.Property:
        return parent.value === current ? staticKey(parent) : null;
      case T.PropertyDefinition:
        return staticKey(parent);
      case T.ReturnStatement:
      case T.ArrowFunctionExpression:
        return functionName(parent);
      default:
        return null;
    }
  }
  return null;
}

/** `const digest = md5(x); … { password: digest }` / `user.password = digest`: the bound result ends up as the password. */
function storedAsPassword(file: FileFacts, end: Node): boolean {
  let current: Node = end;
  while (current.parent && (current.parent.type === T.AwaitExpression || current.parent.type === T.TSAsExpression)) current = current.parent;
  const holder = current.parent;
  if (holder?.type !== T.VariableDeclarator || holder.init !== current || holder.id.type !== T.Identifier) return false;
  const variable = file.variableOf(holder.id);
  return !!variable && variable.references.some((ref) => {
    const parent = ref.identifier.parent;
    if (parent?.type === T.Property && parent.value === ref.identifier) return isPasswordStorageName(staticKey(parent));
    if (parent?.type === T.AssignmentExpression && parent.right === ref.identifier && parent.left.type === T.MemberExpression) return isPasswordStorageName(staticKey(parent.left));
    return false;
  });
}

function functionName(node: Node): string | null {
  let current: Node | undefined = node;
  while (current && current.type !== T.FunctionDeclaration && current.type !== T.FunctionExpression && current.type !== T.ArrowFunctionExpression) current = current.parent;
  if (!current) return null;
  if (current.type === T.FunctionDeclaration) return current.id?.name ?? null;
  const parent = current.parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if (parent?.type === T.Property || parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition) return staticKey(parent);
  if (parent?.type === T.AssignmentExpression && parent.left.type === T.MemberExpression) return staticKey(parent.left);
  return current.type === T.FunctionExpression ? current.id?.name ?? null : null;
}

/** A number the file proves: a literal, a const bound to one, `1 << 14`, `2 ** 14`, `100 * 1000`. */
function numberOf(file: FileFacts, raw: Node, depth = 0): { value: number; literal: TSESTree.Literal | null } | null {
  if (depth > 8) return null;
  const node = unwrap(dereference(file, raw));
  if (node.type === T.Literal && typeof node.value === 'number') return { value: node.value, literal: node };
  if (node.type === T.BinaryExpression && ['*', '**', '<<', '+'].includes(node.operator)) {
    const a = numberOf(file, node.left as Node, depth + 1);
    const b = numberOf(file, node.right, depth + 1);
    if (!a || !b) return null;
    const value = node.operator === '*' ? a.value * b.value : node.operator === '**' ? a.value ** b.value : node.operator === '<<' ? a.value << b.value : a.value + b.value;
    return { value, literal: null };
  }
  return null;
}

function costOf(file: FileFacts, call: TSESTree.CallExpression, slot: CostSlot): { value: number; literal: TSESTree.Literal | null } | null {
  const arg = argumentAt(call, slot.arg);
  if (!arg) return null;
  if (!slot.options) return numberOf(file, arg);
  for (const option of slot.options) {
    const found = getPropertyPath(file, arg, option);
    if (found.kind === 'found') return numberOf(file, found.value);
  }
  return null;
}

/** A salt the file proves is constant: a literal, `Buffer.from('…')`, or a const bound to one. */
function constantSalt(file: FileFacts, node: Node | null): string | null {
  if (!node) return null;
  const value = resolveValue(file, node);
  return value.kind === 'literal' && value.text !== '' ? value.text : null;
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

export default createRule<Options, MessageId>({
  name: 'no-weak-password-hash',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow fast hashes (md5, sha*) for passwords and slow hashes with a low cost or a constant salt',
      category: 'weak-password-hash',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      fastHash:
        '{{subject}} is hashed with {{algorithm}} ({{api}}), a fast hash made for checksums: a leaked table of these is brute-forced at billions of guesses per second on one GPU, so most passwords fall in hours. {{fix}}',
      weakSettings: '{{api}} {{problems}}, so a leaked password hash is cheap to crack. {{fix}}',
      raiseCost: 'Raise the {{label}} to {{recommended}}',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkTestFiles: {
            type: 'boolean',
            description: 'Also report in test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`), which are skipped by default (tests often use a low bcrypt cost on purpose).',
          },
          minBcryptCost: {
            type: 'integer',
            minimum: 4,
            maximum: 31,
            description: 'The smallest bcrypt cost (salt rounds) accepted; 10 by default.',
          },
          minPbkdf2Iterations: {
            type: 'integer',
            minimum: 1,
            description: 'The smallest PBKDF2 iteration count accepted; 100,000 by default (OWASP recommends 600,000 for PBKDF2-HMAC-SHA256).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkTestFiles: false, minBcryptCost: 10, minPbkdf2Iterations: 100_000 }],
  },
  defaultOptions: [{ checkTestFiles: false, minBcryptCost: 10, minPbkdf2Iterations: 100_000 }],
  create(context, [options]) {
    const file = getFile(context);
    if (file.isTest && !options.checkTestFiles) return {};
    const sourceCode = context.sourceCode;

    function minimum(api: HashApi, slot: CostSlot): number {
      if (api.kind === 'bcrypt') return options.minBcryptCost ?? slot.min;
      if (api.kind === 'pbkdf2') return options.minPbkdf2Iterations ?? slot.min;
      return slot.min;
    }

    function subjectOf(data: readonly Node[]): string {
      const named = data.map((d) => unwrap(d)).find((d) => d.type === T.Identifier || d.type === T.MemberExpression);
      const text = named ? sourceCode.getText(named) : '';
      return text && text.length <= 40 ? `The password \`${text}\`` : 'A password';
    }

    function checkFast(call: TSESTree.CallExpression, api: HashApi): void {
      const data = api.update ? updatedData(file, call) : [argumentAt(call, api.data ?? 0)].filter((x): x is Node => !!x);
      const end = chainEnd(call);
      const passwordData = data.some((d) => carriesPassword(file, d));
      if (!passwordData && !isPasswordStorageName(resultName(end)) && !storedAsPassword(file, end)) return;
      const named = api.algorithm ?? (api.algorithmArg !== undefined ? stringOf(dereference(file, argumentAt(call, api.algorithmArg) ?? call)) : null);
      const algorithm = named === null ? 'a fast digest' : api.label.endsWith('createHmac') ? `HMAC-${named.toUpperCase()}` : named.toUpperCase();
      context.report({
        node: end,
        messageId: 'fastHash',
        data: { subject: subjectOf(data), algorithm, api: api.label, fix: PASSWORD_HASH_FIX },
      });
    }

    function checkSlow(call: TSESTree.CallExpression, api: HashApi): void {
      const data = api.data !== undefined ? argumentAt(call, api.data) : null;
      if (data && api.kind !== 'bcrypt' && isKeyMaterial(file, data)) return;
      const problems: string[] = [];
      let cost: CostProblem | null = null;
      if (api.cost) {
        const min = minimum(api, api.cost);
        const found = costOf(file, call, api.cost);
        if (found && found.value < min) {
          cost = { slot: api.cost, value: found.value, min, literal: found.literal };
          problems.push(
            api.kind === 'pbkdf2'
              ? `runs only ${formatNumber(found.value)} iterations (at least ${formatNumber(min)}; OWASP recommends 600,000 for PBKDF2-HMAC-SHA256)`
              : api.kind === 'bcrypt'
                ? `uses ${api.cost.label} ${formatNumber(found.value)}, below ${formatNumber(min)} (each step down halves the work per guess; use ${formatNumber(api.cost.recommended)})`
                : `uses ${api.cost.label} ${formatNumber(found.value)}, below ${formatNumber(min)} (use ${formatNumber(api.cost.recommended)} or more)`,
          );
        }
        // bcrypt.hash(pw, '$2b$08$fixedsaltfixedsaltfix')
        if (!found && api.saltInCost) {
          const salt = constantSalt(file, argumentAt(call, api.cost.arg));
          if (salt !== null) {
            const rounds = /^\$2[abxy]?\$(\d\d)\$/.exec(salt);
            if (rounds && Number(rounds[1]) < min) problems.push(`uses cost ${Number(rounds[1])}, below ${min}`);
            problems.push(`uses the constant salt ${mask(salt)}, so equal passwords get equal hashes and one precomputed table cracks them all (let \`bcrypt.hash(password, 12)\` generate the salt)`);
          }
        }
      }
      if (api.salt) {
        const arg = argumentAt(call, api.salt.arg);
        const node = arg && api.salt.option ? ((l) => (l.kind === 'found' ? l.value : null))(getPropertyPath(file, arg, api.salt.option)) : arg;
        const salt = constantSalt(file, node);
        if (salt !== null) problems.push(`uses the constant salt ${mask(salt)}, so equal passwords get equal hashes and one precomputed table cracks them all (use \`crypto.randomBytes(16)\` per password, stored beside the hash)`);
      }
      if (problems.length === 0) return;
      const suggest: TSESLint.ReportSuggestionArray<MessageId> = [];
      if (cost?.literal && api.kind === 'bcrypt') {
        const literal = cost.literal;
        const recommended = String(cost.slot.recommended);
        suggest.push({ messageId: 'raiseCost', data: { label: cost.slot.label, recommended }, fix: (fixer) => fixer.replaceText(literal, recommended) });
      }
      context.report({ node: call, messageId: 'weakSettings', data: { api: api.label, problems: problems.join(' and '), fix: PASSWORD_HASH_FIX }, suggest });
    }

    return {
      CallExpression(node) {
        const api = hashApiOf(file, node);
        if (!api) return;
        if (api.kind === 'fast') checkFast(node, api);
        else checkSlow(node, api);
      },
    };
  },
});
