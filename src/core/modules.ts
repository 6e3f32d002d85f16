/**
 * Which module, and which path inside it, an expression comes from.
 *
 *   import session from 'express-session'      session        → express-session []
 *   import * as jwt from 'jsonwebtoken'        jwt.sign       → jsonwebtoken [sign]
 *   import { sign as s } from 'jsonwebtoken'   s              → jsonwebtoken [sign]
 *   const { sign } = require('jsonwebtoken')   sign           → jsonwebtoken [sign]
 *   const signer = jwt.sign                    signer         → jsonwebtoken [sign]
 *   const app = express()                      app.use        → express [(), use]
 *   new jose.SignJWT(p).setIssuedAt().sign     …              → jose [SignJWT, new, setIssuedAt, (), sign]
 *   constructor(private jwt: JwtService)       this.jwt.sign  → @nestjs/jwt [JwtService, new, sign]
 *
 * Path segments are property names, `()` for a call and `new` for a construction.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from './file.js';
import { isNeverReassigned, memo } from './file.js';
import { staticKey, unwrap } from './ast.js';

export interface ModuleRef {
  readonly module: string;
  readonly path: readonly string[];
}

const MAX_DEPTH = 24;
const CACHE = Symbol('modules');

/** `node:crypto` → `crypto`; deep imports keep their path (`next-auth/providers/github`). */
export function normalizeModule(name: string): string {
  if (name.startsWith('node:')) return name.slice(5);
  // A copy of a package kept in the project's vendor folder (`require('../libs/jsonwebtoken')`) is that package.
  const vendored = name.startsWith('.') ? VENDORED.exec(name) : null;
  return vendored ? vendored[1]! : name;
}

/** A relative path into a vendor folder (`libs/`, `vendor/`, `third_party/`) naming a package, optionally its index file. */
const VENDORED = /^(?:\.{1,2}\/)+(?:[\w.-]+\/)*?(?:libs|vendors?|third[-_]?party)\/((?:@[\w.-]+\/)?[a-z][\w.-]*?)(?:\/index)?(?:\.[cm]?js)?$/;

function cache(file: FileFacts): Map<TSESTree.Node, ModuleRef | null> {
  return memo(file, CACHE, () => new Map<TSESTree.Node, ModuleRef | null>());
}

export function resolveRef(file: FileFacts, node: TSESTree.Node | null | undefined): ModuleRef | null {
  return resolve(file, node, 0, new Set());
}

function resolve(file: FileFacts, raw: TSESTree.Node | null | undefined, depth: number, seen: Set<TSESTree.Node>): ModuleRef | null {
  if (!raw || depth > MAX_DEPTH) return null;
  const node = unwrap(raw);
  const memoized = cache(file);
  if (memoized.has(node)) return memoized.get(node)!;
  if (seen.has(node)) return null;
  seen.add(node);
  const result = compute(file, node, depth, seen);
  seen.delete(node);
  if (depth === 0 || result) memoized.set(node, result);
  return result;
}

function append(ref: ModuleRef | null, ...segments: string[]): ModuleRef | null {
  return ref ? { module: ref.module, path: [...ref.path, ...segments] } : null;
}

function compute(file: FileFacts, node: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): ModuleRef | null {
  switch (node.type) {
    case T.CallExpression: {
      const required = requiredModule(file, node);
      if (required !== null) return { module: required, path: [] };
      return append(resolve(file, node.callee, depth + 1, seen), '()');
    }
    case T.ImportExpression: {
      const source = node.source;
      if (source.type === T.Literal && typeof source.value === 'string') return { module: normalizeModule(source.value), path: [] };
      return null;
    }
    case T.AwaitExpression:
      return resolve(file, node.argument, depth + 1, seen);
    // `const router = module.exports = express.Router()`: the value assigned
    case T.AssignmentExpression:
      return node.operator === '=' ? resolve(file, node.right, depth + 1, seen) : null;
    case T.NewExpression:
      return append(resolve(file, node.callee, depth + 1, seen), 'new');
    case T.MemberExpression: {
      const key = staticKey(node);
      if (key === null) return null;
      if (node.object.type === T.ThisExpression) return thisMember(file, node, key, depth, seen);
      return append(resolve(file, node.object, depth + 1, seen), key);
    }
    case T.Identifier:
      return identifier(file, node, depth, seen);
    default:
      return null;
  }
}

/** The module of `require('x')` (an unshadowed `require`), else null. */
export function requiredModule(file: FileFacts, node: TSESTree.CallExpression): string | null {
  if (node.callee.type !== T.Identifier || node.callee.name !== 'require') return null;
  const arg = node.arguments[0];
  if (!arg || arg.type !== T.Literal || typeof arg.value !== 'string') return null;
  if (!file.isGlobal(node.callee)) return null;
  return normalizeModule(arg.value);
}

function identifier(file: FileFacts, id: TSESTree.Identifier, depth: number, seen: Set<TSESTree.Node>): ModuleRef | null {
  const variable = file.variableOf(id);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  switch (def.node.type) {
    case T.ImportDefaultSpecifier:
    case T.ImportNamespaceSpecifier:
    case T.ImportSpecifier: {
      const decl = def.node.parent as TSESTree.ImportDeclaration;
      const module = normalizeModule(String(decl.source.value));
      if (def.node.type !== T.ImportSpecifier) return { module, path: [] };
      const imported = def.node.imported.type === T.Identifier ? def.node.imported.name : String(def.node.imported.value);
      return imported === 'default' ? { module, path: [] } : { module, path: [imported] };
    }
    case T.TSImportEqualsDeclaration: {
      const ref = def.node.moduleReference;
      if (ref.type === T.TSExternalModuleReference && ref.expression.type === T.Literal && typeof ref.expression.value === 'string') {
        return { module: normalizeModule(ref.expression.value), path: [] };
      }
      return null;
    }
    case T.VariableDeclarator: {
      if (!isNeverReassigned(variable)) return null;
      const decl = def.node;
      if (!decl.init) return null;
      const keys = patternPath(decl.id, def.name as TSESTree.Identifier);
      if (keys === null) return null;
      return append(resolve(file, decl.init, depth + 1, seen), ...keys);
    }
    default:
      return null;
  }
}

/**
 * The property path from a destructuring pattern to `target`:
 * `{ a: { b } }` → ['a', 'b']; a plain identifier → []; null when the
 * target sits behind a computed key, rest element or array pattern.
 */
export function patternPath(pattern: TSESTree.Node, target: TSESTree.Identifier): string[] | null {
  if (pattern.type === T.Identifier) return pattern.name === target.name && pattern.range[0] === target.range[0] ? [] : null;
  if (pattern.type === T.AssignmentPattern) return patternPath(pattern.left, target);
  if (pattern.type !== T.ObjectPattern) return null;
  for (const prop of pattern.properties) {
    if (prop.type !== T.Property) continue;
    const key = prop.computed ? null : prop.key.type === T.Identifier ? prop.key.name : prop.key.type === T.Literal ? String(prop.key.value) : null;
    const inner = patternPath(prop.value, target);
    if (inner !== null) return key === null ? null : [key, ...inner];
  }
  return null;
}

/** `this.x` in a class: a constructor parameter property or a field typed / initialised with a tracked class. */
function thisMember(file: FileFacts, node: TSESTree.MemberExpression, key: string, depth: number, seen: Set<TSESTree.Node>): ModuleRef | null {
  let cls: TSESTree.Node | undefined = node.parent;
  while (cls && cls.type !== T.ClassBody) cls = cls.parent;
  if (!cls) return null;
  for (const member of cls.body) {
    if (member.type === T.PropertyDefinition && !member.computed && staticKey(member) === key) {
      if (member.value) return resolve(file, member.value, depth + 1, seen);
      return typeInstance(file, member.typeAnnotation?.typeAnnotation, depth, seen);
    }
    if (member.type === T.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type !== T.TSParameterProperty) continue;
        const inner = param.parameter.type === T.AssignmentPattern ? param.parameter.left : param.parameter;
        if (inner.type === T.Identifier && inner.name === key) return typeInstance(file, inner.typeAnnotation?.typeAnnotation, depth, seen);
      }
    }
  }
  return null;
}

function typeInstance(file: FileFacts, type: TSESTree.TypeNode | undefined, depth: number, seen: Set<TSESTree.Node>): ModuleRef | null {
  if (!type || type.type !== T.TSTypeReference) return null;
  const name = type.typeName;
  if (name.type === T.Identifier) return append(resolve(file, name, depth + 1, seen), 'new');
  if (name.type === T.TSQualifiedName && name.left.type === T.Identifier) {
    return append(resolve(file, name.left, depth + 1, seen), name.right.name, 'new');
  }
  return null;
}

import type { RefPattern } from '../models/types.js';

export type { RefPattern };

export function moduleMatches(pattern: RefPattern, module: string): boolean {
  return typeof pattern.module === 'string' ? pattern.module === module : pattern.module.includes(module);
}

/** Exact match of a ref against a pattern. */
export function refIs(ref: ModuleRef | null, pattern: RefPattern): boolean {
  if (!ref || !moduleMatches(pattern, ref.module)) return false;
  if (ref.path.length !== pattern.path.length) return false;
  return pattern.path.every((seg, i) => ref.path[i] === seg);
}

/** The callee of a call, resolved; for `super(...)` the class's superclass (unwrapping Nest's `PassportStrategy(X)`). */
export function calleeRef(file: FileFacts, call: TSESTree.CallExpression | TSESTree.NewExpression): ModuleRef | null {
  if (call.callee.type === T.Super) {
    let cls: TSESTree.Node | undefined = call.parent;
    while (cls && cls.type !== T.ClassDeclaration && cls.type !== T.ClassExpression) cls = cls.parent;
    if (!cls || !cls.superClass) return null;
    let sup: TSESTree.Node = cls.superClass;
    if (sup.type === T.CallExpression && refIs(resolveRef(file, sup.callee), { module: '@nestjs/passport', path: ['PassportStrategy'] })) {
      const inner = sup.arguments[0];
      if (inner) sup = inner;
    }
    return resolveRef(file, sup);
  }
  return resolveRef(file, call.callee);
}
