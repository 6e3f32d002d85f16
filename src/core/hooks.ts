/**
 * Save hooks that hash passwords, read from the AST: a mongoose
 * `schema.pre('save', fn)`, a sequelize `beforeCreate` / `hooks: { beforeSave }`
 * / `addHook('beforeUpdate', fn)`, a TypeORM `@BeforeInsert()` method, an
 * Objection `$beforeInsert()` / `$beforeUpdate()` method or a
 * prisma `$use(fn)`, whose function calls a slow hash (bcrypt, argon2,
 * scrypt, pbkdf2) or a helper named like one (`hashPassword`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { memo } from './file.js';
import { calleeName, staticKey, stringOf, unwrap } from './ast.js';
import { hashApiOf } from './passwords.js';
import { functionOf, nodesIn } from './routes.js';
import { words } from './names.js';

type Node = TSESTree.Node;

const MONGOOSE_EVENTS = new Set(['save', 'validate', 'updateOne', 'findOneAndUpdate', 'insertMany']);
const LIFECYCLE = /^(?:before|after)(?:Create|Save|Update|Validate|BulkCreate|Upsert)$/;
const TYPEORM_DECORATORS = new Set(['BeforeInsert', 'BeforeUpdate']);
const OBJECTION_HOOK = /^\$before(?:Insert|Update)$/;

/** Does the function call a slow hash or a hashing helper? */
function hashesIn(file: FileFacts, fn: Node): boolean {
  return nodesIn(file, fn, T.CallExpression).some((call) => {
    const api = hashApiOf(file, call);
    if (api) return api.kind !== 'fast';
    const name = calleeName(call);
    return !!name && words(name).includes('hash');
  });
}

/** The hook functions a file registers (see the module comment). */
function hookFunctions(file: FileFacts): Node[] {
  const out: Node[] = [];
  for (const call of nodesIn(file, file.sourceCode.ast, T.CallExpression)) {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) continue;
    const method = staticKey(callee);
    const last = call.arguments[call.arguments.length - 1];
    const fn = last && last.type !== T.SpreadElement ? functionOf(file, last) : null;
    if (!fn) continue;
    if (method === 'pre' && MONGOOSE_EVENTS.has(stringOf(call.arguments[0]) ?? '')) out.push(fn);
    else if (method === 'addHook' && LIFECYCLE.test(stringOf(call.arguments[0]) ?? '')) out.push(fn);
    else if (method && LIFECYCLE.test(method)) out.push(fn);
    else if (method === '$use') out.push(fn);
  }
  for (const prop of nodesIn(file, file.sourceCode.ast, T.Property)) {
    const key = staticKey(prop);
    if (!key || !LIFECYCLE.test(key)) continue;
    const fn = functionOf(file, prop.value as Node);
    if (fn) out.push(fn);
  }
  for (const method of nodesIn(file, file.sourceCode.ast, T.MethodDefinition)) {
    // Objection's model hooks: `async $beforeInsert(ctx) { … }`
    if (OBJECTION_HOOK.test(staticKey(method) ?? '')) {
      out.push(method.value);
      continue;
    }
    const decorated = (method.decorators ?? []).some((d) => {
      const e = unwrap(d.expression);
      const target = e.type === T.CallExpression ? unwrap(e.callee) : e;
      return target.type === T.Identifier && TYPEORM_DECORATORS.has(target.name);
    });
    if (decorated) out.push(method.value);
  }
  return out;
}

const HOOKS = Symbol('hashing-hooks');

/** True when the file registers a save hook that hashes. */
export function hashesOnSave(file: FileFacts): boolean {
  return memo(file, HOOKS, () => hookFunctions(file).some((fn) => hashesIn(file, fn)));
}
