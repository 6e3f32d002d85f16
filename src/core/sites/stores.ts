/**
 * Store sites: where a raw password meets a store, extracted once per file.
 * ORM / ODM / query-builder writes and queries (models/stores.ts), SQL text
 * with its password slots, in-memory user tables written or declared with
 * literal passwords, records saved after `user.password = …`, and compares
 * of a stored password with the one the user typed. `no-plaintext-password`
 * iterates them, asks whether a hashing hook covers a write, and reports.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from '../file.js';
import { memo } from '../file.js';
import { concatOperands, nameOf, staticKey, stringOf, unwrap } from '../ast.js';
import { resolveRef } from '../modules.js';
import { arrayElements, dereference, envName, getProperty, resolveObject, resolveValue } from '../values.js';
import { isConfirmationName, isPasswordName, words } from '../names.js';
import { isHashed, rawPasswordOf, type RawPassword } from '../passwords.js';
import { isPasswordCheckFunction, isRequestObject, userInputOf } from '../requests.js';
import { nodesIn } from '../routes.js';
import { hashesOnSave } from '../hooks.js';
import { moduleFile } from '../../project/exports.js';
import { resolveImport } from '../../project/resolve.js';
import {
  DATA_KEYS, FILTER_KEYS, isUserTableName, NOT_STORE_NAMES, NOT_STORES, PREPARED_RUN,
  SQL_METHODS, STORE_METHODS, STORES, type StoreFamily, type StoreMethod,
} from '../../models/stores.js';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression;

/**
 * Where a hashing hook that covers a write could be: this file's own text, or
 * one of the relative modules listed (the model's module when the file shows
 * where the model comes from, else every relative import; empty for a
 * package). The rule asks the project whether one of them hashes on save.
 */
export interface HookPlaces {
  readonly inFile: boolean;
  readonly modules: readonly string[];
}

/** A stored password compared with the one the user typed (`===`, `!==`, `localeCompare`). */
export interface PasswordCompareSite {
  readonly kind: 'compare';
  readonly node: Node;
  readonly stored: Node;
  readonly typed: Node;
  readonly operator: string;
  /** Where the stored copy is kept when it is not a store: a literal in the source, or an environment variable. */
  readonly holder: 'source' | 'environment' | null;
  readonly family: StoreFamily;
}

/** A raw password written to a store, or a store queried by it. */
export interface AccessSite {
  readonly kind: 'write' | 'query';
  readonly node: Node;
  /** The raw password; null for a SQL slot whose value the file does not show (then `column` names it). */
  readonly input: Node | null;
  readonly column: string | null;
  readonly family: StoreFamily;
  /** The ORM / query-builder method entry of models/stores.ts the call matched; null for SQL text, tables and records. */
  readonly model: StoreMethod | null;
  /** Set when a hashing hook on the model would hash this write; null when no hook can. */
  readonly hook: HookPlaces | null;
}

/** A user table declared in the source with literal passwords (`records`), or a name → string table (`strings`). */
export interface TableSite {
  readonly kind: 'table';
  readonly node: Node;
  readonly name: string;
  readonly entries: 'records' | 'strings';
  /** For `strings`: its entries are compared as passwords somewhere in the file. */
  readonly compared: boolean;
}

export type StoreSite = PasswordCompareSite | AccessSite | TableSite;

const SITES = Symbol('store-sites');
const FAMILY = Symbol('store-family');
const RELATIVE_IMPORTS = Symbol('store-relative-imports');

const EQUALITY = new Set(['==', '===', '!=', '!==']);
/** Words that say a password-named binding holds the stored copy: `storedPassword`, `dbPassword`, `expectedPassword`. */
const STORED_WORDS = new Set(['stored', 'saved', 'db', 'expected', 'correct', 'real', 'actual', 'admin', 'existing', 'configured', 'master', 'root']);
/** Strings in a name → string table that say it is not a password table (roles, display names). */
const ROLE_WORDS = new Set(['admin', 'user', 'editor', 'viewer', 'guest', 'owner', 'member', 'moderator', 'manager', 'read', 'write', 'staff', 'active', 'inactive']);
/** Receiver words that say it is not a store: `userService.create`, `authApi.update`. */
const NOT_STORE_WORDS = new Set(['service', 'api', 'client', 'controller', 'provider', 'sdk', 'helper', 'form', 'validator', 'schema']);
const USER_WORDS = new Set(['user', 'username', 'login', 'email', 'name', 'account']);
const WHERE_METHODS = new Set(['where', 'andWhere', 'orWhere']);

/** Every store site of the file, in source order, computed once. */
export function storeSites(file: FileFacts): readonly StoreSite[] {
  return memo(file, SITES, () => collect(file));
}

function collect(file: FileFacts): StoreSite[] {
  const ast = file.sourceCode.ast;
  const passwordTables = new Set<unknown>();
  const stringTables: { variable: unknown; init: Node; name: string }[] = [];
  const out: StoreSite[] = [];
  const add = (site: StoreSite | null): void => {
    if (site) out.push(site);
  };
  for (const node of nodesIn(file, ast, T.BinaryExpression)) {
    if (EQUALITY.has(node.operator)) add(compareSite(file, node, node.left as Node, node.right, node.operator, passwordTables));
  }
  for (const node of nodesIn(file, ast, T.CallExpression)) add(callSite(file, node, passwordTables));
  for (const node of nodesIn(file, ast, T.TaggedTemplateExpression)) {
    const name = nameOf(node.tag);
    if (name && /^(sql|\$queryRaw|\$executeRaw|raw|query)$/.test(name)) add(sqlSite(file, node, node, null, null, false, 'holes'));
  }
  for (const node of nodesIn(file, ast, T.NewExpression)) add(newSite(file, node));
  for (const node of nodesIn(file, ast, T.AssignmentExpression)) add(assignmentSite(file, node));
  for (const node of nodesIn(file, ast, T.VariableDeclarator)) {
    const table = tableOf(file, node);
    if (table && 'variable' in table) stringTables.push(table);
    else add(table);
  }
  // Source order; an enclosing node before the nodes it contains (`db.prepare(sql).run(pw)` before `db.prepare(sql)`).
  out.sort((a, b) => a.node.range[0] - b.node.range[0] || b.node.range[1] - a.node.range[1]);
  // Name → string tables last: they count once every compare of the file is known.
  for (const t of stringTables) out.push({ kind: 'table', node: t.init, name: t.name, entries: 'strings', compared: passwordTables.has(t.variable) });
  return out;
}

// ---------------------------------------------------------------------------
// Which store

/** The store families the file imports (mongoose, prisma, pg …), first wins. */
function importedFamily(file: FileFacts): StoreFamily | null {
  return memo(file, FAMILY, () => {
    for (const stmt of file.sourceCode.ast.body) {
      if (stmt.type !== T.ImportDeclaration) continue;
      const family = familyOfModule(String(stmt.source.value));
      if (family) return family;
    }
    for (const m of file.sourceCode.text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) {
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

/**
 * The store a call writes to or queries. A model from a project module
 * (`require('./user').create(…)`) is what that module makes of it: the store
 * library it imports, or — a module that imports none wraps the write and may
 * hash — null (no store write here; unknown never reports).
 */
function familyOf(file: FileFacts, call: Call | TSESTree.NewExpression, method: StoreMethod | null, args: readonly Node[], write = true): StoreFamily | null {
  const root = chainRoot(call.callee);
  const ref = resolveRef(file, root);
  const fromRef = ref ? familyOfModule(ref.module) : null;
  if (fromRef) return fromRef;
  if (ref && !importedFamily(file) && (ref.module.startsWith('.') || resolveImport(file.filename, ref.module))) {
    const model = moduleFile(file, ref.module);
    const family = model ? importedFamily(model) : null;
    // A query that matches on the raw password is a finding whatever the module does with writes.
    if (family || write) return family;
  }
  const first = args[0] ? resolveObject(file, args[0]) : null;
  const hasKey = (k: string): boolean => !!first && getProperty(file, first, k).kind === 'found';
  if (hasKey('data') || (hasKey('create') && hasKey('update')) || (root.type === T.Identifier && /prisma/i.test(root.name))) return 'prisma';
  if (method?.hint) return method.hint;
  const imported = importedFamily(file);
  if (imported) return imported;
  if (hasKey('where')) return 'sequelize';
  if (method && ['findOne', 'find', 'create', 'save'].includes(method.method)) return 'mongoose';
  return 'generic';
}

function memoryFamily(file: FileFacts): StoreFamily {
  return importedFamily(file) === 'lowdb' ? 'lowdb' : 'memory';
}

/** Where a hook hashing writes through `receiver`'s model could be: this file, the relative module it is imported from, or (untraceable) any relative import. */
function hookPlaces(file: FileFacts, receiver: Node): HookPlaces {
  const inFile = hashesOnSave(file);
  const root = chainRoot(receiver);
  const ref = root.type === T.Identifier ? resolveRef(file, root) : null;
  if (ref) return { inFile, modules: ref.module.startsWith('.') ? [ref.module] : [] };
  return { inFile, modules: relativeImports(file) };
}

/** The relative modules this file imports or requires (first 12), where its models live. */
function relativeImports(file: FileFacts): string[] {
  return memo(file, RELATIVE_IMPORTS, () => {
    const out: string[] = [];
    for (const stmt of file.sourceCode.ast.body) {
      if (stmt.type === T.ImportDeclaration && String(stmt.source.value).startsWith('.')) out.push(String(stmt.source.value));
    }
    for (const m of file.sourceCode.text.matchAll(/\brequire\(\s*['"](\.[^'"]+)['"]\s*\)/g)) out.push(m[1]!);
    return out.slice(0, 12);
  });
}

// ---------------------------------------------------------------------------
// Receivers

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

/** A user-table object: named like one (`users`, `USERS`, `userStore`). */
function isUserTable(node: Node): boolean {
  const name = receiverName(node);
  return name !== null && isUserTableName(words(name));
}

function isNotStore(file: FileFacts, callee: TSESTree.MemberExpression): boolean {
  const root = chainRoot(callee);
  if (root.type === T.Identifier && NOT_STORE_NAMES.has(root.name)) return true;
  const receiver = receiverName(callee.object);
  if (receiver !== null && (NOT_STORE_NAMES.has(receiver) || words(receiver).some((x) => NOT_STORE_WORDS.has(x)))) return true;
  if (isRequestObject(file, callee.object) || userInputOf(file, callee.object)) return true;
  const ref = resolveRef(file, root);
  return !!ref && NOT_STORES.has(ref.module);
}

function isPasswordColumn(name: string): boolean {
  return isPasswordName(name) && !isConfirmationName(name);
}

// ---------------------------------------------------------------------------
// Compares

/** The stored copy of a password: `user.password`, `row.passwd`, `USERS[name]`, `users.get(name)`, `process.env.ADMIN_PASSWORD`, a literal. */
function storedPassword(file: FileFacts, raw: Node, depth = 0): boolean {
  const node = unwrap(raw);
  if (depth > 6) return false;
  // User input is never the stored copy; asked after the cheap shape checks below.
  const notInput = (): boolean => !userInputOf(file, node);
  switch (node.type) {
    case T.Literal:
      return typeof node.value === 'string' && node.value !== '';
    case T.MemberExpression: {
      const key = staticKey(node);
      if (!node.computed && key !== null) {
        if (!isPasswordColumn(key)) return false;
        return notInput() && !isRequestObject(file, node.object) && !userInputOf(file, node.object);
      }
      if (isUserTable(node.object)) return notInput();
      return key !== null && isPasswordColumn(key) && notInput() && !userInputOf(file, node.object);
    }
    case T.CallExpression: {
      const callee = unwrap(node.callee);
      return callee.type === T.MemberExpression && staticKey(callee) === 'get' && isUserTable(callee.object) && notInput();
    }
    case T.Identifier: {
      if (!notInput()) return false;
      const target = dereference(file, node);
      if (target !== node) return storedPassword(file, target, depth + 1);
      const w = words(node.name);
      if (isPasswordName(node.name) && w.some((x) => STORED_WORDS.has(x))) return true;
      // comparePassword(fromDB, fromUser) { return fromDB === fromUser }
      const def = file.variableOf(node)?.defs[0];
      return def?.type === 'Parameter' && w.some((x) => STORED_WORDS.has(x)) && isPasswordCheckFunction(def.node as TSESTree.FunctionLike);
    }
    case T.AwaitExpression:
      return notInput() && storedPassword(file, node.argument, depth + 1);
    default:
      return false;
  }
}

/** The password the user typed: user input read as a password, or a password-named local not traced to a store. */
function userPassword(file: FileFacts, node: Node): RawPassword | null {
  const n = unwrap(node);
  if (n.type === T.Literal) return null;
  const found = rawPasswordOf(file, n);
  if (!found) return null;
  if (found.kind === 'input') return found;
  if (found.kind === 'named' && n.type === T.Identifier && !storedPassword(file, n)) return found;
  return null;
}

function isConfirmation(node: Node): boolean {
  const name = nameOf(node);
  return !!name && isConfirmationName(name);
}

function compareSite(file: FileFacts, node: Node, a: Node, b: Node, operator: string, passwordTables: Set<unknown>): PasswordCompareSite | null {
  if (isConfirmation(a) || isConfirmation(b)) return null;
  for (const [stored, typed] of [[a, b], [b, a]] as const) {
    if (!storedPassword(file, stored) || isHashed(file, stored)) continue;
    const user = userPassword(file, typed);
    if (!user || storedPassword(file, typed)) continue;
    const kind = unwrap(stored);
    if (kind.type === T.Literal && !isCredentialLiteralCompare(node, user)) continue;
    markTable(file, stored, passwordTables);
    const holder = kind.type === T.Literal ? 'source' : envName(file, kind) !== undefined ? 'environment' : null;
    return { kind: 'compare', node, stored, typed, operator, holder, family: storeOfCompare(file, stored) };
  }
  return null;
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
  const other = unwrap(parent.left === compare ? parent.right : parent.left);
  if (other.type !== T.BinaryExpression || !EQUALITY.has(other.operator)) return false;
  const sides = [unwrap(other.left as Node), unwrap(other.right)];
  return sides.some((x) => x.type === T.Literal) && sides.some((x) => {
    const name = nameOf(x);
    return !!name && words(name).some((w) => USER_WORDS.has(w));
  });
}

/** `USERS[name]`, `users.get(name)`, or a binding of one: remember the table, whose literal form is then a password table. */
function markTable(file: FileFacts, stored: Node, passwordTables: Set<unknown>): void {
  let n = unwrap(stored);
  if (n.type === T.Identifier) n = unwrap(dereference(file, n));
  let table: Node | null = null;
  if (n.type === T.MemberExpression && n.computed) table = unwrap(n.object);
  else if (n.type === T.CallExpression && n.callee.type === T.MemberExpression && staticKey(n.callee) === 'get') table = unwrap(n.callee.object);
  if (table?.type !== T.Identifier) return;
  const variable = file.variableOf(table);
  if (variable) passwordTables.add(variable);
}

function storeOfCompare(file: FileFacts, stored: Node): StoreFamily {
  const n = unwrap(stored);
  if (n.type === T.Literal || (n.type === T.MemberExpression && n.computed) || n.type === T.CallExpression) return 'memory';
  return importedFamily(file) ?? 'generic';
}

// ---------------------------------------------------------------------------
// Store calls, records and tables

function callSite(file: FileFacts, node: Call, passwordTables: Set<unknown>): StoreSite | null {
  const callee = unwrap(node.callee);
  if (callee.type !== T.MemberExpression) return null;
  const method = staticKey(callee);
  if (method === null) return null;
  if (method === 'localeCompare' && node.arguments[0] && node.arguments[0].type !== T.SpreadElement) {
    return compareSite(file, node, callee.object, node.arguments[0], 'localeCompare', passwordTables);
  }
  if (SQL_METHODS.has(method) || PREPARED_RUN.has(method)) {
    const first = node.arguments[0];
    const isString = first && first.type !== T.SpreadElement && (stringOf(first) !== null || /Literal|Binary|Identifier|Member|Tagged/.test(unwrap(first).type)) && !resolveObject(file, first);
    if (isString || PREPARED_RUN.has(method) || (first && resolveObject(file, first) && method === 'query')) {
      const sql = sqlCallSite(file, node, callee, method);
      if (sql) return sql;
    }
  }
  if (method === 'set' || method === 'push' || method === 'unshift') return memoryWriteSite(file, node, callee, method);
  return storeCallSite(file, node, callee, method);
}

/** A literal inside a literal user table (`const USERS = [{ password: 'x' }]`): the table site covers its writes. */
function insideLiteralTable(raw: RawPassword): boolean {
  if (raw.kind !== 'literal') return false;
  for (let n: Node | undefined = raw.node.parent; n; n = n.parent) {
    if (n.type === T.VariableDeclarator) return n.id.type === T.Identifier && isUserTableName(words(n.id.name));
    if (n.type !== T.Property && n.type !== T.ObjectExpression && n.type !== T.ArrayExpression && n.type !== T.TSAsExpression && n.type !== T.TSSatisfiesExpression) return false;
  }
  return false;
}

/** The first property that carries a raw password in a filter or record (through `where`, `data`, `$set`, arrays, spreads). */
function rawProperty(file: FileFacts, node: Node | null | undefined, depth = 0): RawPassword | null {
  if (!node || depth > 4) return null;
  const elements = arrayElements(file, node);
  if (elements) {
    for (const el of elements) {
      const hit = rawProperty(file, el, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  const obj = resolveObject(file, node);
  if (!obj) return null;
  for (const prop of obj.properties) {
    if (prop.type === T.SpreadElement) {
      const hit = rawProperty(file, prop.argument, depth + 1);
      if (hit) return hit;
      continue;
    }
    const key = staticKey(prop);
    if (key === null) continue;
    if (FILTER_KEYS.has(key) || DATA_KEYS.has(key)) {
      const hit = rawProperty(file, prop.value as Node, depth + 1);
      if (hit) return hit;
      continue;
    }
    if (!isPasswordColumn(key)) continue;
    const raw = rawPasswordOf(file, prop.value as Node);
    if (raw) return raw;
  }
  return null;
}

function storeCallSite(file: FileFacts, call: Call, callee: TSESTree.MemberExpression, method: string): AccessSite | null {
  const model = STORE_METHODS.find((m) => m.method === method);
  if (!model || isNotStore(file, callee)) return null;
  const args = call.arguments.filter((a): a is Exclude<typeof a, TSESTree.SpreadElement> => a.type !== T.SpreadElement);
  // knex: .where('password', pw) / .where('password', '=', pw)
  const column = stringOf(args[0]);
  if (column !== null && WHERE_METHODS.has(method)) {
    if (/^\s*[\w."`]+\s*$/.test(column) && isPasswordColumn(column.replace(/.*\./, '').replace(/["`]/g, '').trim()) && args.length >= 2) {
      const raw = rawPasswordOf(file, args[args.length - 1]!);
      const family = raw ? familyOf(file, call, model, args, false) : null;
      if (raw && family) return { kind: 'query', node: call, input: raw.node, column: null, family, model, hook: null };
    }
    return null;
  }
  for (const { arg, role } of model.args) {
    const raw = rawProperty(file, args[arg]);
    if (!raw || insideLiteralTable(raw)) continue;
    const hook = role === 'data' ? hookPlaces(file, callee.object) : null;
    const family = familyOf(file, call, model, args, role !== 'filter');
    if (!family) return null;
    return { kind: role === 'filter' ? 'query' : 'write', node: call, input: raw.node, column: null, family, model, hook };
  }
  return null;
}

function memoryWriteSite(file: FileFacts, call: Call, callee: TSESTree.MemberExpression, method: string): AccessSite | null {
  if (!isUserTable(callee.object) || isNotStore(file, callee)) return null;
  let raw: RawPassword | null = null;
  if (method === 'set' && call.arguments.length >= 2) {
    const value = call.arguments[1]!;
    raw = rawProperty(file, value) ?? (resolveObject(file, value) ? null : rawPasswordOf(file, value));
  } else if (method === 'push' || method === 'unshift') {
    for (const arg of call.arguments) {
      raw = rawProperty(file, arg);
      if (raw) break;
    }
  }
  return raw ? { kind: 'write', node: call, input: raw.node, column: null, family: memoryFamily(file), model: null, hook: null } : null;
}

/** Is a record bound to `id` written to a store (`id.save()`, `repo.save(id)`, `em.persist(id)`)? */
function isSaved(file: FileFacts, id: TSESTree.Identifier): boolean {
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

function assignmentSite(file: FileFacts, node: TSESTree.AssignmentExpression): AccessSite | null {
  if (node.operator !== '=' || node.left.type !== T.MemberExpression) return null;
  const left = node.left;
  const key = staticKey(left);
  // users[name] = password; users[name] = { password }
  if ((left.computed || (key !== null && !isPasswordColumn(key))) && isUserTable(left.object)) {
    const value = resolveObject(file, node.right) ? rawProperty(file, node.right) : rawPasswordOf(file, node.right);
    // `userData.title = 'Senior Engineer'`: a field of a record named like user data, not a password kept under a user's key.
    const fieldLiteral = !left.computed && value !== null && unwrap(value.node).type === T.Literal;
    return value && !fieldLiteral ? { kind: 'write', node, input: value.node, column: null, family: memoryFamily(file), model: null, hook: null } : null;
  }
  // user.password = req.body.password; await user.save()
  if (key === null || !isPasswordColumn(key)) return null;
  const object = unwrap(left.object);
  if (object.type !== T.Identifier || !isSaved(file, object)) return null;
  const raw = rawPasswordOf(file, node.right);
  if (!raw) return null;
  return { kind: 'write', node, input: raw.node, column: null, family: importedFamily(file) ?? 'generic', model: null, hook: hookPlaces(file, modelOf(file, object)) };
}

/** The model a record comes from: `new User()` / `await User.findOne()` → User. */
function modelOf(file: FileFacts, id: TSESTree.Identifier): Node {
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
function newSite(file: FileFacts, node: TSESTree.NewExpression): AccessSite | null {
  const arg = node.arguments[0];
  if (!arg || arg.type === T.SpreadElement) return null;
  const parent = node.parent;
  const savedDirectly = parent?.type === T.MemberExpression && parent.object === node && staticKey(parent) === 'save';
  const savedLater = parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier && isSaved(file, parent.id);
  if (!savedDirectly && !savedLater) return null;
  const raw = rawProperty(file, arg);
  if (!raw) return null;
  const model = STORE_METHODS.find((m) => m.method === 'save') ?? null;
  const family = familyOf(file, node, model, [arg]);
  return family ? { kind: 'write', node, input: raw.node, column: null, family, model, hook: hookPlaces(file, node.callee) } : null;
}

/** const USERS = [{ username: 'admin', password: 'admin' }] → a records site; `{ alice: 'wonderland' }` → a string table to check against compares. */
function tableOf(file: FileFacts, node: TSESTree.VariableDeclarator): TableSite | { variable: unknown; init: Node; name: string } | null {
  if (node.id.type !== T.Identifier || !node.init || !isUserTableName(words(node.id.name))) return null;
  const init = unwrap(node.init);
  if (init.type === T.ObjectExpression) {
    const values = init.properties.map((p) => (p.type === T.Property ? unwrap(p.value as Node) : null));
    const strings = values.filter((v): v is TSESTree.StringLiteral => !!v && v.type === T.Literal && typeof v.value === 'string' && v.value !== '');
    if (strings.length > 0 && strings.length === values.length && strings.every((s) => looksLikePassword(s.value))) {
      const variable = file.variableOf(node.id);
      return variable ? { variable, init, name: node.id.name } : null;
    }
  }
  const records = init.type === T.ArrayExpression ? init.elements : init.type === T.ObjectExpression ? init.properties.map((p) => (p.type === T.Property ? p.value : null)) : [];
  for (const record of records) {
    const obj = record && unwrap(record as Node);
    if (!obj || obj.type !== T.ObjectExpression) continue;
    const hasLiteralPassword = obj.properties.some((p) => {
      if (p.type !== T.Property || !isPasswordColumn(staticKey(p) ?? '')) return false;
      const value = unwrap(p.value as Node);
      return value.type === T.Literal && typeof value.value === 'string' && value.value !== '';
    });
    if (hasLiteralPassword) return { kind: 'table', node: init, name: node.id.name, entries: 'records', compared: false };
  }
  return null;
}

function looksLikePassword(text: string): boolean {
  return !/\s|@|^https?:/.test(text) && !ROLE_WORDS.has(text.toLowerCase());
}

// ---------------------------------------------------------------------------
// SQL

/** A hole in SQL text rebuilt from a concatenation or template: `\0<index>\0`. */
// eslint-disable-next-line no-control-regex -- NUL marks holes; it never occurs in source text
const HOLE = /\u0000(\d+)\u0000/;
const SQL_START = /^\s*(?:select|insert|update|delete|with|replace|merge)\b/i;
const COLUMN = `(?:[\\w"\`\\[\\]]+\\.)?["\`\\[]?([A-Za-z_][\\w]*)["\`\\]]?`;
const VALUE = `(\\$\\d+|\\?|[:@$][A-Za-z_]\\w*|'?\\u0000\\d+\\u0000'?|'[^']*')`;
const EQUALS = new RegExp(`${COLUMN}\\s*=\\s*${VALUE}`, 'g');
const INSERT = /insert\s+(?:or\s+\w+\s+)?into\s+[\w"`.[\]]+\s*\(([^)]*)\)\s*values\s*\(([^)]*)\)/gi;

interface SqlText {
  /** The SQL as far as the file spells it, each unresolved part a hole `\0<index>\0`. */
  readonly text: string;
  readonly holes: readonly Node[];
}

/** A password column the SQL matches on or writes, with the token that supplies the value and its offset in the text. */
export interface SqlSlot {
  readonly column: string;
  readonly token: string;
  readonly offset: number;
  readonly write: boolean;
}

/** The SQL a node spells, with the parts the file cannot resolve as holes. */
function sqlTextOf(file: FileFacts, raw: Node): SqlText {
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
    if (node.type === T.BinaryExpression && node.operator === '+') return concatOperands(node).map((p) => build(p, d + 1)).join('');
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
  const text = build(raw, 0);
  return { text, holes };
}

/** Password columns the SQL matches on or writes; `fragment` is a `where` clause without a statement keyword. */
export function sqlSlots(sql: string, fragment: boolean): SqlSlot[] {
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

/** The value a SQL placeholder stands for, or undefined when the file does not show it. */
function placeholderValue(file: FileFacts, slot: SqlSlot, sql: SqlText, params: readonly Node[] | null, named: Node | null): Node | undefined {
  const { token, offset } = slot;
  const hole = HOLE.exec(token);
  if (hole) return sql.holes[Number(hole[1])];
  if (token.startsWith("'")) return undefined;
  if (/^\$\d+$/.test(token)) return params?.[Number(token.slice(1)) - 1];
  if (token === '?') return params?.[sql.text.slice(0, offset).split('?').length - 1];
  if (named) {
    const found = getProperty(file, named, token.slice(1));
    if (found.kind === 'found') return found.value;
  }
  return undefined;
}

function sqlSite(file: FileFacts, reportAt: Node, sqlNode: Node, params: readonly Node[] | null, named: Node | null, fragment: boolean, only: 'holes' | 'placeholders' | 'all'): AccessSite | null {
  const sql = sqlTextOf(file, sqlNode);
  if (!/password|passwd|pwd|pass\b/i.test(sql.text)) return null;
  for (const slot of sqlSlots(sql.text, fragment)) {
    const isHole = HOLE.test(slot.token);
    if (only === 'holes' && !isHole) continue;
    if (only === 'placeholders' && isHole) continue;
    if (slot.token.startsWith("'") && !isHole && slot.token.length <= 2) continue; // password = ''
    const value = placeholderValue(file, slot, sql, params, named);
    if (value && (isHashed(file, value) || (unwrap(value).type === T.Literal && stringOf(value) === ''))) continue;
    const imported = importedFamily(file);
    const store: StoreFamily = imported === 'sql' || imported === null || imported === 'memory' ? 'sql' : imported;
    return { kind: slot.write ? 'write' : 'query', node: reportAt, input: value ?? null, column: slot.column, family: store, model: null, hook: null };
  }
  return null;
}

function paramsOf(file: FileFacts, call: Call, from: number): { list: Node[] | null; named: Node | null } {
  const first = call.arguments[from];
  if (!first || first.type === T.SpreadElement) return { list: null, named: null };
  const list = arrayElements(file, first);
  if (list) return { list, named: null };
  if (resolveObject(file, first)) return { list: null, named: first };
  // sqlite3 varargs: db.get(sql, a, b, callback)
  const rest = call.arguments.slice(from).filter((a): a is Exclude<typeof a, TSESTree.SpreadElement> => a.type !== T.SpreadElement);
  return { list: rest.filter((a) => a.type !== T.ArrowFunctionExpression && a.type !== T.FunctionExpression), named: null };
}

function sqlCallSite(file: FileFacts, call: Call, callee: TSESTree.MemberExpression, method: string): AccessSite | null {
  const first = call.arguments[0];
  // better-sqlite3 / mysql2: db.prepare(sql).get(a, b) or stmt = db.prepare(sql); stmt.run(…)
  if (PREPARED_RUN.has(method)) {
    const target = unwrap(dereference(file, callee.object));
    if (target.type === T.CallExpression && target.callee.type === T.MemberExpression && staticKey(target.callee) === 'prepare' && target.arguments[0]) {
      const { list, named } = paramsOf(file, call, 0);
      return sqlSite(file, call, target.arguments[0], list, named, false, 'placeholders');
    }
  }
  if (!first || first.type === T.SpreadElement) return null;
  if (method === 'prepare') return sqlSite(file, call, first, null, null, false, 'holes');
  // pg: query({ text, values })
  const config = resolveObject(file, first);
  if (config) {
    const text = getProperty(file, config, 'text');
    const sql = text.kind === 'found' ? text : getProperty(file, config, 'sql');
    if (sql.kind !== 'found') return null;
    const values = getProperty(file, config, 'values');
    return sqlSite(file, call, sql.value, values.kind === 'found' ? arrayElements(file, values.value) : null, null, false, 'all');
  }
  const fragment = WHERE_METHODS.has(method) || method.endsWith('Raw');
  const { list, named } = paramsOf(file, call, 1);
  return sqlSite(file, call, first, list, named, fragment, 'all');
}
