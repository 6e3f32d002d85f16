/**
 * Values that come from another module of the project:
 *
 *   config.ts   export default { session: { key: 'x8#kd9!fj2lq' } }
 *   app.ts      import config from './config'; session({ secret: config.session.key })
 *
 * `importedValue(app, config.session.key)` is the literal, with the file and
 * node that hold it there. Resolution in the other file is the same core
 * (`resolveValue`), through re-exports and imports of imports, bounded.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileFacts } from '../core/file.js';
import { memo } from '../core/file.js';
import { memberRoot, nameOf, unwrap } from '../core/ast.js';
import { resolveRef } from '../core/modules.js';
import { dereference, getPropertyPath, resolveValue, type Value } from '../core/values.js';
import { BOUNDS } from './bounds.js';
import { definitionOf } from './exports.js';
import { resolveImport } from './resolve.js';
import { readText } from './fs.js';

type Node = TSESTree.Node;

export interface ImportedValue {
  readonly value: Value;
  /** The file and node that hold the value (the literal in the module that defines it). */
  readonly file: FileFacts;
  readonly node: Node;
  /** The name the value is declared under there (`SESSION_SECRET`, `key`), when it has one. */
  readonly holder: string | null;
}

/** The value of an expression that reads an export of a local module, or null when it does not or it cannot be established. */
export function importedValue(file: FileFacts, node: Node, depth = 0): ImportedValue | null {
  if (depth > BOUNDS.reexportDepth) return null;
  const imported = importedExpression(file, node);
  if (!imported) return null;
  const { file: at, node: target } = imported;
  const value = resolveValue(at, target);
  if (value.kind === 'literal' || value.kind === 'fallback' || value.kind === 'env') {
    const literal = value.kind === 'literal' ? value.node : value.kind === 'fallback' ? value.literal : value.node;
    return { value, file: at, node: literal, holder: holderName(literal) };
  }
  // The other module may itself re-bind an import (`export const key = config.key`).
  return importedValue(at, target, depth + 1);
}

/** The binding or property a literal is written to (`const SESSION_SECRET = 'x'`, `{ key: 'x' }`). */
function holderName(literal: Node): string | null {
  let current: Node | undefined = literal.parent;
  for (let i = 0; current && i < 4; i++, current = current.parent) {
    const name = nameOf(current) ?? (current.type === 'VariableDeclarator' ? nameOf(current.id) : null);
    if (name) return name;
    if (current.type !== 'LogicalExpression' && current.type !== 'ConditionalExpression' && current.type !== 'TSAsExpression') break;
  }
  return null;
}

/** The function an expression calls when another module of the project defines it (`import { save } from './storage'`, `storage.set`). */
export function importedFunction(file: FileFacts, callee: Node): { file: FileFacts; fn: TSESTree.FunctionLike } | null {
  const imported = importedExpression(file, callee);
  if (!imported) return null;
  const fn = unwrap(dereference(imported.file, imported.node));
  if (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression' || fn.type === 'FunctionDeclaration') return { file: imported.file, fn };
  return null;
}

/** The expression another project module defines for what `node` reads (`config.session.key` → the `key` property there). */
function importedExpression(file: FileFacts, node: Node): { file: FileFacts; node: Node } | null {
  const ref = resolveRef(file, unwrap(node));
  if (!ref || ref.path.includes('()') || ref.path.includes('new')) return null;
  if (!resolveImport(file.filename, ref.module)) return null;
  const definition = definitionOf(file, ref);
  if (!definition) return null;
  if (!definition.rest.length) return { file: definition.at.file, node: definition.at.node };
  const found = getPropertyPath(definition.at.file, definition.at.node, definition.rest);
  return found.kind === 'found' ? { file: definition.at.file, node: found.value } : null;
}

/** Does the expression read something a project module exports (`import { x } from './x'`)? Cheap: no other file is read. */
export function isProjectImport(file: FileFacts, node: Node): boolean {
  const root = memberRoot(node);
  if (root.type === 'CallExpression' && root.callee.type === 'Identifier' && root.callee.name === 'require') {
    const arg = root.arguments[0];
    return !!arg && arg.type === 'Literal' && typeof arg.value === 'string' && resolveImport(file.filename, arg.value) !== null;
  }
  if (root.type !== 'Identifier') return false;
  const bindings = projectImportBindings(file);
  // Cheap first: most calls' roots are not named like any project import of the file.
  if (!bindings.names.has(root.name)) return false;
  const variable = file.variableOf(root);
  return !!variable && bindings.variables.has(variable);
}

/** Does the file bind anything from another module of the project (`import x from './x'`, `require('../y')`)? */
export function hasProjectImports(file: FileFacts): boolean {
  return projectImportBindings(file).variables.size > 0;
}

const BINDINGS = Symbol('project-import-bindings');

/** The variables a file binds to project modules: `import x from './x'`, `const { y } = require('../y')`. */
function projectImportBindings(file: FileFacts): { readonly variables: ReadonlySet<unknown>; readonly names: ReadonlySet<string> } {
  return memo(file, BINDINGS, () => {
    const out = new Set<{ name: string }>();
    // A relative specifier names a project module whether or not it resolves (then the lookup that follows is unknown): no disk access.
    const local = (specifier: unknown): boolean => typeof specifier === 'string' && (specifier.startsWith('./') || specifier.startsWith('../') || resolveImport(file.filename, specifier) !== null);
    for (const statement of file.sourceCode.ast.body) {
      if (statement.type === 'ImportDeclaration' && local(statement.source.value)) {
        for (const spec of statement.specifiers) {
          const variable = file.variableOf(spec.local);
          if (variable) out.add(variable);
        }
      }
    }
    // Module-level requires (`const x = require('./x')`, `export const { y } = require('../y')`): where a project module is bound.
    const declarators = file.sourceCode.ast.body.flatMap((statement) => {
      const decl = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      return decl?.type === 'VariableDeclaration' ? decl.declarations : [];
    });
    for (const declarator of declarators) {
      let init = declarator.init ? unwrap(declarator.init) : null;
      while (init && (init.type === 'MemberExpression' || init.type === 'AwaitExpression')) init = unwrap(init.type === 'MemberExpression' ? init.object : init.argument);
      if (!init || init.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') continue;
      const arg = init.arguments[0];
      if (!arg || arg.type !== 'Literal' || !local(arg.value)) continue;
      for (const variable of file.sourceCode.getDeclaredVariables?.(declarator) ?? []) out.add(variable);
    }
    return { variables: out, names: new Set([...out].map((v) => v.name)) };
  });
}

/** `export * from`, `export { x } from`: a module that passes on another module's exports. */
const REEXPORT = /export\s*(?:\*|\{[^}]*\})\s*from/;

/**
 * Could the project module `callee` comes from define something whose text
 * holds `needle`? A cheap test on the module's text before it is parsed:
 * false only when the module resolves, holds no `needle` and re-exports
 * nothing (else the definition may be elsewhere: true).
 */
export function importedModuleMayMention(file: FileFacts, callee: Node, needle: string | RegExp): boolean {
  const ref = resolveRef(file, unwrap(callee));
  if (!ref) return true;
  // Once per module and needle in a lint: a file calls the same module's helpers many times.
  const known = memo(file, MAY_MENTION, () => new Map<string, boolean>());
  const key = `${ref.module}\0${String(needle)}`;
  let answer = known.get(key);
  if (answer === undefined) {
    const target = resolveImport(file.filename, ref.module);
    const text = target ? readText(target) : null;
    answer = text === null || (typeof needle === 'string' ? text.includes(needle) : needle.test(text)) || REEXPORT.test(text);
    known.set(key, answer);
  }
  return answer;
}
const MAY_MENTION = Symbol('imported-module-may-mention');
