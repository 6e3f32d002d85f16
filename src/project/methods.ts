/**
 * Methods of an instance another module of the project exports:
 *
 *   Storage.ts   export class Storage { set(key, value) { … } }
 *                export default new Storage();
 *   store.ts     import Storage from './Storage'; Storage.set('k', v)
 *
 * `importedMethod(store, Storage.set)` is the `set` method in Storage.ts.
 * Only a class declared in the exporting module is followed; anything else
 * is null (unknown).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from '../core/file.js';
import { staticKey, unwrap } from '../core/ast.js';
import { resolveRef } from '../core/modules.js';
import { dereference } from '../core/values.js';
import { definitionOf } from './exports.js';
import { resolveImport } from './resolve.js';

type Node = TSESTree.Node;

/** The class a `new C()` creates, when C is declared in the same file. */
function classOf(file: FileFacts, created: TSESTree.NewExpression): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  const callee = unwrap(created.callee);
  if (callee.type === T.ClassExpression) return callee;
  if (callee.type !== T.Identifier) return null;
  const def = file.variableOf(callee)?.defs[0];
  return def?.node.type === T.ClassDeclaration || def?.node.type === T.ClassExpression ? def.node : null;
}

/** The method `callee` (`instance.method`) calls when `instance` is a class instance another project module exports. */
export function importedMethod(file: FileFacts, callee: Node): { file: FileFacts; fn: TSESTree.FunctionExpression } | null {
  const member = unwrap(callee);
  if (member.type !== T.MemberExpression) return null;
  const method = staticKey(member);
  const ref = method ? resolveRef(file, member.object) : null;
  if (!ref || ref.path.includes('()') || ref.path.includes('new')) return null;
  if (!resolveImport(file.filename, ref.module)) return null;
  const definition = definitionOf(file, ref);
  if (!definition || definition.rest.length) return null;
  const at = definition.at.file;
  const created = unwrap(dereference(at, definition.at.node));
  const cls = created.type === T.NewExpression ? classOf(at, created) : null;
  for (const element of cls?.body.body ?? []) {
    if (element.type === T.MethodDefinition && element.kind === 'method' && !element.static && staticKey(element) === method && element.value.type === T.FunctionExpression) {
      return { file: at, fn: element.value };
    }
  }
  return null;
}
