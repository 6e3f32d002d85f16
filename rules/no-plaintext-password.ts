import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHECK_TEST_FILES_OPTION, createRule } from '../src/create-rule.js';
import { getFile, memo, type FileFacts } from '../src/core/file.js';
import { staticKey, stringOf, unwrap } from '../src/core/ast.js';
import { resolveRef } from '../src/core/modules.js';
import { arrayElements, dereference, envName, getProperty, resolveObject, resolveValue } from '../src/core/values.js';
import { isConfirmationName, isPasswordName, words } from '../src/core/names.js';
import { isHashed, rawPasswordOf, type RawPassword } from '../src/core/passwords.js';
import { isPasswordCheckFunction, isRequestObject, userInputOf } from '../src/core/requests.js';
import { mask } from '../src/core/secrets.js';
import {
  DATA_KEYS, FILTER_KEYS, HASH_CALL_TEXT, HASHING_HOOK, isUserTableName, NOT_STORE_NAMES, NOT_STORES, PREPARED_RUN,
  SQL_METHODS, STORE_METHODS, STORES, type StoreFamily, type StoreMethod, type StoreRole,
} from '../src/models/stores.js';

export type MessageId = 'compare' | 'query' | 'write' | 'table';
export type Options = [{ checkTestFiles?: boolean }];

type Node = TSESTree.Node;

const EQUALITY = new Set(['==', '===', '!=', '!==']);
const MAX_TEXT = 48;
/** Words that say a password-named binding holds the stored copy: `storedPassword`, `dbPassword`, `expectedPassword`. */
const STORED_WORDS = new Set(['stored', 'saved', 'db', 'expected', 'correct', 'real', 'actual', 'admin', 'existing', 'configured', 'master', 'root']);
/** Strings in a name → string table that say it is not a password table (roles, display names). */
const ROLE_WORDS = new Set(['admin', 'user', 'editor', 'viewer', 'guest', 'owner', 'member', 'moderator', 'manager', 'read', 'write', 'staff', 'active', 'inactive']);

/** A hole in SQL text rebuilt from a concatenation or template: `\0<index>\0`. */
// eslint-disable-next-line no-control-regex -- NUL marks holes; it never occurs in source text
const HOLE = /\u0000(\d+)\u0000/;

interface SqlText {
  readonly text: string;
  readonly holes: readonly Node[];
}

interface SqlSlot {
  readonly column: string;
  readonly token: string;
  readonly offset: number;
  readonly write: boolean;
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT - 1)}…` : one;
}

/** The identifier at the root of a member/call chain: `prisma.user.findFirst` → prisma, `knex('users').where` → knex. */
function chainRoot(node: Node): Node {
  let current = unwrap(node);
  for (let i = 0; i < 32; i++) {
    if (current.type === T.MemberExpression) current = unwrap(current.object);
    else if (current.type === T.CallExpression) current = unwrap(current.callee);
    else if (current.type === T.AwaitExpression) current = unwrap(current.argument);
    else break;
  }
  return current;
}

/** The name a receiver goes by: `users`, `db.data.users` → users, `db.get('users')` → users, `this.repo` → repo. */
function receiverName(node: Node): string | null {
  const n = unwrap(node);
  if (n.type === T.Identifier) return n.name;
  if (n.type === T.MemberExpression) return staticKey(n);
  if (n.type === T.CallExpression && n.callee.type === T.MemberExpression && staticKey(n.callee) === 'get') return stringOf(n.arguments[0]);
  return null;
}

/** The SQL a node spells, with the parts the file cannot resolve as holes. */
function sqlTextOf(file: FileFacts, raw: Node, depth = 0): SqlText | null {
  const holes: Node[] = [];
  const hole = (n: Node): string => {
    holes.push(n);
    return `\u0000${holes.length - 1}\u0000`;
  };
  const build = (source: Node, d: number): string => {
    const node = unwrap(source);
    if (d > 12) return hole(node);
    if (node.type === T.Literal) return typeof node.value === 'string' ? node.value : typeof node.value === 'number' ? String(node.value) : hole(node);
    if (node.type === T.TemplateLiteral) {
      let text = '';
      node.quasis.forEach((q, i) => {
        text += q.value.cooked ?? '';
        const e = node.expressions[i];
        if (e) text += build(e, d + 1);
      });
      return text;
    }
    if (node.type === T.TaggedTemplateExpression) return build(node.quasi, d + 1);
    if (node.type === T.BinaryExpression && node.operator === '+') {
      const parts: Node[] = [];
      let current: Node = node;
      while (current.type === T.BinaryExpression && current.operator === '+') {
        parts.push(current.right);
        current = unwrap(current.left);
      }
      parts.push(current);
      return parts.reverse().map((p) => build(p, d + 1)).join('');
    }
    if (node.type === T.Identifier || node.type === T.MemberExpression) {
      const target = dereference(file, node);
      if (target !== node) {
        const t = unwrap(target);
        if (t.type === T.Literal || t.type === T.TemplateLiteral || t.type === T.BinaryExpression) return build(t, d + 1);
      }
      const value = resolveValue(file, node);
      if (value.kind === 'literal') return value.text;
    }
    return hole(node);
  };
  const text = build(raw, depth);
  return { text, holes };
}

const SQL_START = /^\s*(?:select|insert|update|delete|with|replace|merge)\b/i;
const COLUMN = `(?:[\\w"\`\\[\\]]+\\.)?["\`\\[]?([A-Za-z_][\\w]*)["\`\\]]?`;
const VALUE = `(\\$\\d+|\\?|[:@$][A-Za-z_]\\w*|'?\\u0000\\d+\\u0000'?|'[^']*')`;
const EQUALS = new RegExp(`${COLUMN}\\s*=\\s*${VALUE}`, 'g');
const INSERT = /insert\s+(?:or\s+\w+\s+)?into\s+[\w"`.[\]]+\s*\(([^)]*)\)\s*values\s*\(([^)]*)\)/gi;

function isPasswordColumn(name: string): boolean {
  return isPasswordName(name) && !isConfirmationName(name);
}

/** Password columns the SQL matches on or writes, with the token that supplies the value. */
function sqlSlots(sql: string, fragment: boolean): SqlSlot[] {
  if (!fragment && !SQL_START.test(sql)) return [];
  const out: SqlSlot[] = [];
  const lower = sql.toLowerCase();
  const setAt = /\bupdate\b/.test(lower) ? lower.search(/\bset\b/) : -1;
  const whereAt = lower.search(/\bwhere\b/);
  for (const m of sql.matchAll(EQUALS)) {
    if (!isPasswordColumn(m[1]!)) continue;
    const at = m.index ?? 0;
    const write = setAt >= 0 && at > setAt && (whereAt < 0 || at < whereAt);
    out.push({ column: m[1]!, token: m[2]!, offset: at + m[0].length - m[2]!.length, write });
  }
  for (const m of sql.matchAll(INSERT)) {
    const columns = m[1]!.split(',').map((c) => c.trim().replace(/["`[\]]/g, ''));
    const valuesText = m[2]!;
    const valuesAt = (m.index ?? 0) + m[0].length - valuesText.length - 1;
    let offset = 0;
    const values = valuesText.split(',').map((v) => {
      const start = valuesAt + offset + (v.length - v.trimStart().length);
      offset += v.length + 1;
      return { token: v.trim(), start };
    });
    columns.forEach((c, i) => {
      const v = values[i];
      if (v && isPasswordColumn(c)) out.push({ column: c, token: v.token, offset: v.start, write: true });
    });
  }
  return out;
}

export default createRule<Options, MessageId>({
  name: 'no-plaintext-password',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow storing, querying or comparing passwords in plaintext',
      category: 'plaintext-password',
      recommended: 'recommended',
    },
    messages: {
      compare:
        'The stored password {{stored}} is compared in plaintext with {{input}} (`{{operator}}`): passwords are kept readable in {{store}}, so anyone who reads it (a leak, a backup, an injection) can log in as every user. {{fix}}',
      query:
        'This query on {{store}} matches on the raw password {{input}}, which only works when passwords are stored in plaintext: a leak of the table hands out every account. {{fix}}',
      write:
        'The raw password {{input}} is written to {{store}} without hashing: anyone who reads the stored data can log in as every user (and on other sites where they reuse it). {{fix}}',
      table:
        '`{{name}}` holds plaintext passwords in the source: anyone who can read the code or the repository can log in. Load the accounts from outside the code. {{fix}}',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkTestFiles: CHECK_TEST_FILES_OPTION,
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
    const sourceCode = context.sourceCode;
    const reported = new Set<Node>();
    /** Tables whose entries are compared as passwords, and string-valued user tables that may be them. */
    const passwordTables = new Set<unknown>();
    const stringTables: { variable: unknown; init: Node; name: string }[] = [];

    /** A literal inside a literal user table (`const USERS = [{ password: 'x' }]`): the table report covers its writes. */
    function insideLiteralTable(raw: RawPassword): boolean {
      if (raw.kind !== 'literal') return false;
      for (let n: Node | undefined = raw.node.parent; n; n = n.parent) {
        if (n.type === T.VariableDeclarator) return n.id.type === T.Identifier && isUserTableName(words(n.id.name));
        if (n.type !== T.Property && n.type !== T.ObjectExpression && n.type !== T.ArrayExpression && n.type !== T.TSAsExpression && n.type !== T.TSSatisfiesExpression) return false;
      }
      return false;
    }

    function report(node: Node, messageId: MessageId, data: Record<string, string>): void {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, data });
    }

    function describe(n: Node): string {
      const u = unwrap(n);
      if (u.type === T.Literal && typeof u.value === 'string') return `hard-coded as ${mask(u.value)}`;
      return `\`${short(sourceCode.getText(u))}\``;
    }

    // -- Which store -------------------------------------------------------

    /** The store families the file imports (mongoose, prisma, pg …), first wins. */
    function importedFamily(): StoreFamily | null {
      return memo(file, 'plaintext-password:family', () => {
        for (const stmt of sourceCode.ast.body) {
          let source: string | null = null;
          if (stmt.type === T.ImportDeclaration) source = String(stmt.source.value);
          if (source === null) continue;
          const family = familyOfModule(source);
          if (family) return family;
        }
        const requires = /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;
        for (const m of sourceCode.text.matchAll(requires)) {
          const family = familyOfModule(m[1]!);
          if (family) return family;
        }
        return null;
      });
    }

    function familyOfModule(module: string): StoreFamily | null {
      const bare = module.startsWith('node:') ? module.slice(5) : module;
      for (const [family, info] of Object.entries(STORES) as [StoreFamily, (typeof STORES)[StoreFamily]][]) {
        if (info.modules.includes(bare)) return family;
      }
      return null;
    }

    function familyOf(call: TSESTree.CallExpression | TSESTree.NewExpression, method: StoreMethod | null, args: readonly Node[]): StoreFamily {
      const ref = resolveRef(file, chainRoot(call.callee));
      const fromRef = ref ? familyOfModule(ref.module) : null;
      if (fromRef) return fromRef;
      const first = args[0] ? resolveObject(file, args[0]) : null;
      const hasKey = (k: string): boolean => !!first && getProperty(file, first, k).kind === 'found';
      const root = chainRoot(call.callee);
      if (hasKey('data') || (hasKey('create') && hasKey('update')) || (root.type === T.Identifier && /prisma/i.test(root.name))) return 'prisma';
      if (method?.hint) return method.hint;
      const imported = importedFamily();
      if (imported) return imported;
      if (hasKey('where')) return 'sequelize';
      if (method && ['findOne', 'find', 'create', 'save'].includes(method.method)) return 'mongoose';
      return 'generic';
    }

    function data(store: StoreFamily, extra: Record<string, string>): Record<string, string> {
      return { store: STORES[store].label, fix: STORES[store].fix, ...extra };
    }

    // -- Hashing hooks (mongoose pre('save'), sequelize beforeCreate, TypeORM @BeforeInsert) --

    function textHashesOnSave(text: string): boolean {
      const code = text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
      return HASHING_HOOK.test(code) && HASH_CALL_TEXT.test(code);
    }

    /** The model module a receiver comes from hashes in a hook: this file, or the relative module it is imported from. */
    function modelHashesOnSave(receiver: Node): boolean {
      if (memo(file, 'plaintext-password:hook', () => textHashesOnSave(sourceCode.text))) return true;
      const root = chainRoot(receiver);
      const ref = root.type === T.Identifier ? resolveRef(file, root) : null;
      if (ref) return ref.module.startsWith('.') && moduleHashesOnSave(ref.module);
      // The model is not traceable (a `this.x` repository, an untyped parameter): trust any imported model that hashes.
      return relativeImports().some((module) => moduleHashesOnSave(module));
    }

    /** The relative modules this file imports or requires (first 12), where its models live. */
    function relativeImports(): string[] {
      return memo(file, 'plaintext-password:relative-imports', () => {
        const out: string[] = [];
        for (const stmt of sourceCode.ast.body) {
          if (stmt.type === T.ImportDeclaration && String(stmt.source.value).startsWith('.')) out.push(String(stmt.source.value));
        }
        for (const m of sourceCode.text.matchAll(/\brequire\(\s*['"](\.[^'"]+)['"]\s*\)/g)) out.push(m[1]!);
        return out.slice(0, 12);
      });
    }

    /** Does the relative module (resolved like Node/TypeScript would) show a hashing hook? */
    function moduleHashesOnSave(module: string): boolean {
      const base = path.resolve(path.dirname(file.filename), module);
      return memo(file, `plaintext-password:hook:${base}`, () => {
        const stem = base.replace(/\.[cm]?js$/, '');
        for (const candidate of [base, `${stem}.ts`, `${stem}.js`, `${stem}.mjs`, `${stem}.cjs`, `${stem}.mts`, `${stem}.cts`, path.join(base, 'index.ts'), path.join(base, 'index.js')]) {
          try {
            if (/\.[cm]?[jt]s$/.test(candidate) && existsSync(candidate)) return textHashesOnSave(readFileSync(candidate, 'utf8'));
          } catch {
            return false;
          }
        }
        return false;
      });
    }

    // -- Stored passwords and user passwords --------------------------------

    /** A user-table object: named like one (`users`, `USERS`, `userStore`) or a literal table. */
    function isUserTable(node: Node): boolean {
      const name = receiverName(node);
      if (name !== null && isUserTableName(words(name))) return true;
      return false;
    }

    /** The stored copy of a password: `user.password`, `row.passwd`, `USERS[name]`, `users.get(name)`, `process.env.ADMIN_PASSWORD`, a literal. */
    function storedPassword(raw: Node, depth = 0): boolean {
      const node = unwrap(raw);
      if (depth > 6 || userInputOf(file, node)) return false;
      switch (node.type) {
        case T.Literal:
          return typeof node.value === 'string' && node.value !== '';
        case T.MemberExpression: {
          const key = staticKey(node);
          if (!node.computed && key !== null) {
            if (!isPasswordColumn(key)) return false;
            return !isRequestObject(file, node.object) && !userInputOf(file, node.object);
          }
          if (isUserTable(node.object)) return true;
          return key !== null && isPasswordColumn(key) && !userInputOf(file, node.object);
        }
        case T.CallExpression: {
          const callee = unwrap(node.callee);
          return callee.type === T.MemberExpression && staticKey(callee) === 'get' && isUserTable(callee.object);
        }
        case T.Identifier: {
          const target = dereference(file, node);
          if (target !== node) return storedPassword(target, depth + 1);
          const w = words(node.name);
          if (isPasswordName(node.name) && w.some((x) => STORED_WORDS.has(x))) return true;
          // comparePassword(fromDB, fromUser) { return fromDB === fromUser }
          const def = file.variableOf(node)?.defs[0];
          return def?.type === 'Parameter' && w.some((x) => STORED_WORDS.has(x)) && isPasswordCheckFunction(def.node as TSESTree.FunctionLike);
        }
        case T.AwaitExpression:
          return storedPassword(node.argument, depth + 1);
        default:
          return false;
      }
    }

    /** The password the user typed: user input read as a password, or a password-named local. */
    function userPassword(node: Node): RawPassword | null {
      const n = unwrap(node);
      if (n.type === T.Literal) return null;
      const found = rawPasswordOf(file, n);
      if (!found) return null;
      if (found.kind === 'input') return found;
      // A password-named identifier the file cannot trace to a store: what the user typed.
      if (found.kind === 'named' && n.type === T.Identifier && !storedPassword(n)) return found;
      return null;
    }

    function isConfirmation(node: Node): boolean {
      const n = unwrap(node);
      const name = n.type === T.Identifier ? n.name : n.type === T.MemberExpression ? staticKey(n) : null;
      return !!name && isConfirmationName(name);
    }

    function checkCompare(report_: Node, a: Node, b: Node, operator: string): void {
      if (isConfirmation(a) || isConfirmation(b)) return;
      for (const [stored, typed] of [[a, b], [b, a]] as const) {
        if (!storedPassword(stored) || isHashed(file, stored)) continue;
        const user = userPassword(typed);
        if (!user || storedPassword(typed)) continue;
        const kind = unwrap(stored);
        if (kind.type === T.Literal && !isCredentialLiteralCompare(report_, user)) continue;
        markTable(stored);
        const store = kind.type === T.Literal ? 'the source code' : envName(file, kind) !== undefined ? 'the environment' : STORES[storeOfCompare(stored)].label;
        report(report_, 'compare', { stored: describe(stored), input: describe(typed), operator, store, fix: STORES[storeOfCompare(stored)].fix });
        return;
      }
    }

    /**
     * A literal is a hard-coded credential when the password comes from a login
     * (request, passport, credentials) or the same condition also pins the user
     * name (`username === 'admin' && password === 'secret'`); a strength check
     * in `validatePassword(password)` comparing with 'password' is not.
     */
    function isCredentialLiteralCompare(compare: Node, user: RawPassword): boolean {
      if (user.input && user.input.source !== 'parameter') return true;
      const parent = compare.parent;
      if (parent?.type !== T.LogicalExpression || parent.operator !== '&&') return false;
      const other = parent.left === compare ? parent.right : parent.left;
      const o = unwrap(other);
      if (o.type !== T.BinaryExpression || !EQUALITY.has(o.operator)) return false;
      const sides = [unwrap(o.left as Node), unwrap(o.right)];
      return sides.some((x) => x.type === T.Literal) && sides.some((x) => {
        const name = x.type === T.Identifier ? x.name : x.type === T.MemberExpression ? staticKey(x) : null;
        return !!name && words(name).some((w) => ['user', 'username', 'login', 'email', 'name', 'account'].includes(w));
      });
    }

    /** `USERS[name]`, `users.get(name)`, or a binding of one: remember the table, whose literal form is then a password table. */
    function markTable(stored: Node): void {
      let n = unwrap(stored);
      if (n.type === T.Identifier) n = unwrap(dereference(file, n));
      let table: Node | null = null;
      if (n.type === T.MemberExpression && n.computed) table = unwrap(n.object);
      else if (n.type === T.CallExpression && n.callee.type === T.MemberExpression && staticKey(n.callee) === 'get') table = unwrap(n.callee.object);
      if (table?.type !== T.Identifier) return;
      const variable = file.variableOf(table);
      if (variable) passwordTables.add(variable);
    }

    function storeOfCompare(stored: Node): StoreFamily {
      const n = unwrap(stored);
      if (n.type === T.Literal) return 'memory';
      if (n.type === T.MemberExpression && n.computed) return 'memory';
      if (n.type === T.CallExpression) return 'memory';
      return importedFamily() ?? 'generic';
    }

    // -- Store queries and writes ---------------------------------------------

    /** The first property that carries a raw password in a filter or record (through `where`, `data`, `$set`, arrays, spreads). */
    function rawProperty(node: Node | null | undefined, role: StoreRole, depth = 0): RawPassword | null {
      if (!node || depth > 4) return null;
      const elements = arrayElements(file, node);
      if (elements) {
        for (const el of elements) {
          const hit = rawProperty(el, role, depth + 1);
          if (hit) return hit;
        }
        return null;
      }
      const obj = resolveObject(file, node);
      if (!obj) return null;
      for (const prop of obj.properties) {
        if (prop.type === T.SpreadElement) {
          const hit = rawProperty(prop.argument, role, depth + 1);
          if (hit) return hit;
          continue;
        }
        const key = staticKey(prop);
        if (key === null) continue;
        if ((role === 'filter' ? FILTER_KEYS : DATA_KEYS).has(key) || FILTER_KEYS.has(key) || DATA_KEYS.has(key)) {
          const hit = rawProperty(prop.value as Node, role, depth + 1);
          if (hit) return hit;
          continue;
        }
        if (!isPasswordColumn(key)) continue;
        const value = prop.value as Node;
        const raw = rawPasswordOf(file, value);
        if (raw) return raw;
      }
      return null;
    }

    function isNotStore(callee: TSESTree.MemberExpression): boolean {
      const root = chainRoot(callee);
      if (root.type === T.Identifier && NOT_STORE_NAMES.has(root.name)) return true;
      const receiver = receiverName(callee.object);
      if (receiver !== null) {
        const w = words(receiver);
        if (NOT_STORE_NAMES.has(receiver) || w.some((x) => ['service', 'api', 'client', 'controller', 'provider', 'sdk', 'helper', 'form', 'validator', 'schema'].includes(x))) return true;
      }
      if (isRequestObject(file, callee.object) || userInputOf(file, callee.object)) return true;
      const ref = resolveRef(file, root);
      return !!ref && NOT_STORES.has(ref.module);
    }

    function checkStoreCall(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): void {
      const model = STORE_METHODS.find((m) => m.method === method);
      if (!model || isNotStore(callee)) return;
      const args = call.arguments.filter((a): a is Exclude<typeof a, TSESTree.SpreadElement> => a.type !== T.SpreadElement);
      // knex: .where('password', pw) / .where('password', '=', pw)
      const column = stringOf(args[0]);
      if (column !== null && (method === 'where' || method === 'andWhere' || method === 'orWhere')) {
        if (/^\s*[\w."`]+\s*$/.test(column) && isPasswordColumn(column.replace(/.*\./, '').replace(/["`]/g, '').trim()) && args.length >= 2) {
          const raw = rawPasswordOf(file, args[args.length - 1]!);
          if (raw) report(call, 'query', data(familyOf(call, model, args), { input: describe(raw.node) }));
        }
        return;
      }
      for (const { arg, role } of model.args) {
        const raw = rawProperty(args[arg], role);
        if (!raw || insideLiteralTable(raw)) continue;
        if (role === 'data' && modelHashesOnSave(callee.object)) return;
        report(call, role === 'filter' ? 'query' : 'write', data(familyOf(call, model, args), { input: describe(raw.node) }));
        return;
      }
    }

    /** The value a SQL placeholder stands for, or undefined when the file does not show it. */
    function placeholderValue(token: string, offset: number, sql: SqlText, params: readonly Node[] | null, named: Node | null): Node | undefined {
      const hole = HOLE.exec(token);
      if (hole) return sql.holes[Number(hole[1])];
      if (token.startsWith("'")) return undefined;
      if (/^\$\d+$/.test(token)) return params?.[Number(token.slice(1)) - 1];
      if (token === '?') {
        const before = sql.text.slice(0, offset).split('?').length - 1;
        return params?.[before];
      }
      const name = token.slice(1);
      if (named) {
        const found = getProperty(file, named, name);
        if (found.kind === 'found') return found.value;
      }
      return undefined;
    }

    function checkSql(reportAt: Node, sqlNode: Node, params: readonly Node[] | null, named: Node | null, fragment: boolean, only: 'holes' | 'placeholders' | 'all'): void {
      const sql = sqlTextOf(file, sqlNode);
      if (!sql || !/password|passwd|pwd|pass\b/i.test(sql.text)) return;
      for (const slot of sqlSlots(sql.text, fragment)) {
        const isHole = HOLE.test(slot.token);
        if (only === 'holes' && !isHole) continue;
        if (only === 'placeholders' && isHole) continue;
        if (slot.token.startsWith("'") && !isHole) {
          if (slot.token.length <= 2) continue; // password = ''
        }
        const value = placeholderValue(slot.token, slot.offset, sql, params, named);
        if (value && (isHashed(file, value) || (unwrap(value).type === T.Literal && stringOf(value) === ''))) continue;
        const input = value ? describe(value) : `in \`${slot.column}\``;
        const store: StoreFamily = importedFamily() === 'sql' || importedFamily() === null ? 'sql' : importedFamily()!;
        report(reportAt, slot.write ? 'write' : 'query', data(store === 'memory' ? 'sql' : store, { input }));
        return;
      }
    }

    function paramsOf(call: TSESTree.CallExpression, from: number): { list: Node[] | null; named: Node | null } {
      const first = call.arguments[from];
      if (!first || first.type === T.SpreadElement) return { list: null, named: null };
      const list = arrayElements(file, first);
      if (list) return { list, named: null };
      if (resolveObject(file, first)) return { list: null, named: first };
      // sqlite3 varargs: db.get(sql, a, b, callback)
      const rest = call.arguments.slice(from).filter((a): a is Exclude<typeof a, TSESTree.SpreadElement> => a.type !== T.SpreadElement);
      return { list: rest.filter((a) => a.type !== T.ArrowFunctionExpression && a.type !== T.FunctionExpression), named: null };
    }

    function checkSqlCall(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): void {
      const first = call.arguments[0];
      // better-sqlite3 / mysql2: db.prepare(sql).get(a, b) or stmt = db.prepare(sql); stmt.run(…)
      if (PREPARED_RUN.has(method)) {
        const target = unwrap(dereference(file, callee.object));
        if (target.type === T.CallExpression && target.callee.type === T.MemberExpression && staticKey(target.callee) === 'prepare' && target.arguments[0]) {
          const { list, named } = paramsOf(call, 0);
          checkSql(call, target.arguments[0], list, named, false, 'placeholders');
          return;
        }
      }
      if (!first || first.type === T.SpreadElement) return;
      if (method === 'prepare') {
        checkSql(call, first, null, null, false, 'holes');
        return;
      }
      // pg: query({ text, values })
      const config = resolveObject(file, first);
      if (config) {
        const text = getProperty(file, config, 'text');
        const sql = text.kind === 'found' ? text : getProperty(file, config, 'sql');
        if (sql.kind !== 'found') return;
        const values = getProperty(file, config, 'values');
        checkSql(call, sql.value, values.kind === 'found' ? arrayElements(file, values.value) : null, null, false, 'all');
        return;
      }
      const fragment = method === 'where' || method === 'andWhere' || method === 'orWhere' || method.endsWith('Raw');
      const { list, named } = paramsOf(call, 1);
      checkSql(call, first, list, named, fragment, 'all');
    }

    function checkMemoryWrite(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): void {
      if (!isUserTable(callee.object) || isNotStore(callee)) return;
      let raw: RawPassword | null = null;
      if (method === 'set' && call.arguments.length >= 2) {
        const value = call.arguments[1]!;
        raw = rawProperty(value, 'data') ?? (resolveObject(file, value) ? null : rawPasswordOf(file, value));
        if (raw?.kind === 'literal' && !resolveObject(file, value)) raw = raw.kind === 'literal' ? raw : null;
      } else if (method === 'push' || method === 'unshift') {
        for (const arg of call.arguments) {
          raw = rawProperty(arg, 'data');
          if (raw) break;
        }
      }
      if (raw) report(call, 'write', data(importedFamily() === 'lowdb' ? 'lowdb' : 'memory', { input: describe(raw.node) }));
    }

    /** Is a record bound to `id` written to a store in this function (`id.save()`, `repo.save(id)`, `em.persist(id)`)? */
    function isSaved(id: TSESTree.Identifier): boolean {
      const variable = file.variableOf(id);
      if (!variable) return false;
      return variable.references.some((ref) => {
        const parent = ref.identifier.parent;
        if (parent?.type === T.MemberExpression && parent.object === ref.identifier && parent.parent?.type === T.CallExpression && parent.parent.callee === parent) {
          return ['save', 'commit', 'persist'].includes(staticKey(parent) ?? '');
        }
        if (parent?.type === T.CallExpression && parent.arguments.includes(ref.identifier as TSESTree.CallExpressionArgument) && parent.callee.type === T.MemberExpression) {
          return ['save', 'insert', 'persist', 'persistAndFlush', 'upsert', 'create'].includes(staticKey(parent.callee) ?? '');
        }
        return false;
      });
    }

    function checkAssignment(node: TSESTree.AssignmentExpression): void {
      if (node.operator !== '=' || node.left.type !== T.MemberExpression) return;
      const left = node.left;
      const key = staticKey(left);
      // users[name] = password; users[name] = { password }
      if ((left.computed || (key !== null && !isPasswordColumn(key))) && isUserTable(left.object)) {
        const value = resolveObject(file, node.right) ? rawProperty(node.right, 'data') : rawPasswordOf(file, node.right);
        if (value) report(node, 'write', data(importedFamily() === 'lowdb' ? 'lowdb' : 'memory', { input: describe(value.node) }));
        return;
      }
      // user.password = req.body.password; await user.save()
      if (key === null || !isPasswordColumn(key)) return;
      const object = unwrap(left.object);
      if (object.type !== T.Identifier || !isSaved(object)) return;
      const raw = rawPasswordOf(file, node.right);
      if (!raw || modelHashesOnSave(modelOf(object))) return;
      report(node, 'write', data(importedFamily() ?? 'generic', { input: describe(raw.node) }));
    }

    /** The model a record comes from: `new User()` / `await User.findOne()` → User. */
    function modelOf(id: TSESTree.Identifier): Node {
      const target = unwrap(dereference(file, id));
      if (target.type === T.NewExpression) return target.callee;
      if (target.type === T.AwaitExpression || target.type === T.CallExpression) return chainRoot(target);
      // User.findById(id, (err, user) => { … }), User.findOne(q).then((user) => { … })
      const def = file.variableOf(id)?.defs[0];
      const fn = def?.type === 'Parameter' ? def.node : null;
      const call = fn?.parent;
      if (call?.type === T.CallExpression && call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return chainRoot(call.callee);
      return id;
    }

    /** new User({ username, password }).save() / const u = new User({…}); await u.save() */
    function checkNew(node: TSESTree.NewExpression): void {
      const arg = node.arguments[0];
      if (!arg || arg.type === T.SpreadElement) return;
      const parent = node.parent;
      const savedDirectly = parent?.type === T.MemberExpression && parent.object === node && staticKey(parent) === 'save';
      const savedLater = parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier && isSaved(parent.id);
      if (!savedDirectly && !savedLater) return;
      const raw = rawProperty(arg, 'data');
      if (!raw || modelHashesOnSave(node.callee)) return;
      report(node, 'write', data(familyOf(node, STORE_METHODS.find((m) => m.method === 'save') ?? null, [arg]), { input: describe(raw.node) }));
    }

    /** const USERS = { alice: 'wonderland' } / [{ username: 'admin', password: 'admin' }] */
    function checkTable(node: TSESTree.VariableDeclarator): void {
      if (node.id.type !== T.Identifier || !node.init || !isUserTableName(words(node.id.name))) return;
      const init = unwrap(node.init);
      if (init.type === T.ObjectExpression) {
        const values = init.properties.map((p) => (p.type === T.Property ? unwrap(p.value as Node) : null));
        const strings = values.filter((v): v is TSESTree.StringLiteral => !!v && v.type === T.Literal && typeof v.value === 'string' && v.value !== '');
        if (strings.length > 0 && strings.length === values.length && strings.every((s) => looksLikePassword(s.value))) {
          // name → string: a password table only when its entries are compared as passwords (reported at Program:exit)
          const variable = file.variableOf(node.id);
          if (variable) stringTables.push({ variable, init, name: node.id.name });
          return;
        }
      }
      const records = init.type === T.ArrayExpression ? init.elements : init.type === T.ObjectExpression ? init.properties.map((p) => (p.type === T.Property ? p.value : null)) : [];
      for (const record of records) {
        const obj = record && unwrap(record as Node);
        if (!obj || obj.type !== T.ObjectExpression) continue;
        const hasLiteralPassword = obj.properties.some((p) => p.type === T.Property && isPasswordColumn(staticKey(p) ?? '') && unwrap(p.value as Node).type === T.Literal && typeof (unwrap(p.value as Node) as TSESTree.Literal).value === 'string' && (unwrap(p.value as Node) as TSESTree.Literal).value !== '');
        if (hasLiteralPassword) {
          report(init, 'table', { name: node.id.name, fix: STORES.memory.fix });
          return;
        }
      }
    }

    function looksLikePassword(text: string): boolean {
      return !/\s|@|^https?:/.test(text) && !ROLE_WORDS.has(text.toLowerCase());
    }

    return {
      BinaryExpression(node) {
        if (EQUALITY.has(node.operator)) checkCompare(node, node.left as Node, node.right, node.operator);
      },
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== T.MemberExpression) return;
        const method = staticKey(callee);
        if (method === null) return;
        if (method === 'localeCompare' && node.arguments[0] && node.arguments[0].type !== T.SpreadElement) {
          checkCompare(node, callee.object, node.arguments[0], 'localeCompare');
          return;
        }
        if (SQL_METHODS.has(method) || PREPARED_RUN.has(method)) {
          const first = node.arguments[0];
          const isString = first && first.type !== T.SpreadElement && (stringOf(first) !== null || /Literal|Binary|Identifier|Member|Tagged/.test(unwrap(first).type)) && !resolveObject(file, first);
          if (isString || PREPARED_RUN.has(method) || (first && resolveObject(file, first) && method === 'query')) checkSqlCall(node, callee, method);
        }
        if (method === 'set' || method === 'push' || method === 'unshift') checkMemoryWrite(node, callee, method);
        else checkStoreCall(node, callee, method);
      },
      TaggedTemplateExpression(node) {
        const tag = unwrap(node.tag);
        const name = tag.type === T.Identifier ? tag.name : tag.type === T.MemberExpression ? staticKey(tag) : null;
        if (name && /^(sql|\$queryRaw|\$executeRaw|raw|query)$/.test(name)) checkSql(node, node, null, null, false, 'holes');
      },
      NewExpression: checkNew,
      AssignmentExpression: checkAssignment,
      VariableDeclarator: checkTable,
      'Program:exit'() {
        for (const t of stringTables) {
          if (passwordTables.has(t.variable)) report(t.init, 'table', { name: t.name, fix: STORES.memory.fix });
        }
      },
    };
  },
});
