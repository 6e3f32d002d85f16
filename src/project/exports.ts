/**
 * What another module of the project exports, found in its parse:
 *
 *   export const X = …            export default …         export function f() {}
 *   export { a as b }             export { x } from './y'  export * from './z'
 *   module.exports = …            module.exports.X = …     exports.X = …
 *
 * An import is followed to the node that defines the imported binding, in
 * the file that defines it. Anything past a bound, dynamic or unparsable is
 * null (unknown).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from '../core/file.js';
import { memo } from '../core/file.js';
import { staticKey, unwrap } from '../core/ast.js';
import type { ModuleRef } from '../core/modules.js';
import { BOUNDS } from './bounds.js';
import { parseProjectFile } from './parse.js';
import { resolveImport } from './resolve.js';

type Node = TSESTree.Node;

/** A node in some project file. */
export interface Located {
  readonly file: FileFacts;
  readonly node: Node;
}

interface ExportTable {
  /** Export name (`default` for the default export) → the node that defines it. */
  readonly named: Map<string, Node>;
  /** `export { a as b } from './x'`: b → [specifier, a]. */
  readonly forwarded: Map<string, readonly [string, string]>;
  /** `export * from './x'`. */
  readonly stars: string[];
}

const TABLE = Symbol('export-table');

function staticName(node: Node): string {
  return node.type === T.Identifier ? node.name : node.type === T.Literal ? String(node.value) : '';
}

function isModuleExports(node: Node): boolean {
  const n = unwrap(node);
  return n.type === T.MemberExpression && staticKey(n) === 'exports' && unwrap(n.object).type === T.Identifier && (unwrap(n.object) as TSESTree.Identifier).name === 'module';
}

function isExportsObject(node: Node): boolean {
  const n = unwrap(node);
  return (n.type === T.Identifier && n.name === 'exports') || isModuleExports(n);
}

function exportTable(file: FileFacts): ExportTable {
  return memo(file, TABLE, () => {
    const table: ExportTable = { named: new Map(), forwarded: new Map(), stars: [] };
    const declare = (name: string, node: Node): void => {
      if (!table.named.has(name)) table.named.set(name, node);
    };
    for (const statement of file.sourceCode.ast.body) {
      switch (statement.type) {
        case T.ExportDefaultDeclaration:
          declare('default', statement.declaration as Node);
          break;
        case T.ExportNamedDeclaration: {
          const decl = statement.declaration;
          if (decl?.type === T.VariableDeclaration) {
            for (const d of decl.declarations) if (d.id.type === T.Identifier && d.init) declare(d.id.name, d.init);
          } else if ((decl?.type === T.FunctionDeclaration || decl?.type === T.ClassDeclaration) && decl.id) {
            declare(decl.id.name, decl);
          }
          for (const spec of statement.specifiers) {
            if (spec.type !== T.ExportSpecifier) continue;
            const local = spec.local.type === T.Identifier ? spec.local.name : String(spec.local.value);
            const exported = spec.exported.type === T.Identifier ? spec.exported.name : String(spec.exported.value);
            if (statement.source) table.forwarded.set(exported, [String(statement.source.value), local]);
            else declare(exported, spec.local);
          }
          break;
        }
        case T.ExportAllDeclaration:
          if (statement.exported) table.forwarded.set(staticName(statement.exported), [String(statement.source.value), '*']);
          else table.stars.push(String(statement.source.value));
          break;
        case T.ExpressionStatement: {
          const expr = unwrap(statement.expression);
          if (expr.type !== T.AssignmentExpression || expr.operator !== '=') break;
          const target = unwrap(expr.left);
          if (isModuleExports(target)) {
            declare('default', expr.right);
          } else if (target.type === T.MemberExpression && isExportsObject(target.object)) {
            const key = staticKey(target);
            if (key) declare(key, expr.right);
          }
          break;
        }
        default:
          break;
      }
    }
    return table;
  });
}

/** The node that defines export `name` of `file`, following re-exports; null when unknown. */
export function exportOf(file: FileFacts, name: string, depth = 0): Located | null {
  if (depth > BOUNDS.reexportDepth) return null;
  const table = exportTable(file);
  const own = table.named.get(name);
  if (own) return { file, node: own };
  const forwarded = table.forwarded.get(name);
  if (forwarded) {
    const target = moduleFile(file, forwarded[0]);
    if (!target) return null;
    return forwarded[1] === '*' ? null : exportOf(target, forwarded[1], depth + 1);
  }
  if (name === 'default') {
    // CommonJS: `module.exports = { a, b }` has no separate named exports.
    return null;
  }
  for (const star of table.stars) {
    const target = moduleFile(file, star);
    const found = target ? exportOf(target, name, depth + 1) : null;
    if (found) return found;
  }
  // CommonJS: `module.exports = { X }` → X is a property of the default export.
  const dflt = table.named.get('default');
  if (dflt) {
    const obj = unwrap(dflt);
    if (obj.type === T.ObjectExpression) {
      for (const prop of obj.properties) {
        if (prop.type === T.Property && staticKey(prop) === name) return { file, node: prop.value as Node };
      }
    }
  }
  return null;
}

/** The parsed project file a specifier written in `from` lands on. */
export function moduleFile(from: FileFacts, specifier: string): FileFacts | null {
  const target = resolveImport(from.filename, specifier);
  return target ? parseProjectFile(from, target) : null;
}

/**
 * Where a ref into a local module is defined: `{ module: './config', path:
 * ['jwt', 'secret'] }` → the export `jwt` of config.ts and the rest of the
 * path (`['secret']`). A default import and a namespace import read the
 * same, so a named export is tried first and the default export second.
 */
export function definitionOf(file: FileFacts, ref: ModuleRef): { at: Located; rest: readonly string[] } | null {
  const target = moduleFile(file, ref.module);
  if (!target) return null;
  const [first, ...rest] = ref.path;
  if (first !== undefined && first !== '()' && first !== 'new') {
    const named = exportOf(target, first);
    if (named) return { at: named, rest };
  }
  const dflt = exportOf(target, 'default');
  if (!dflt) return null;
  return { at: dflt, rest: first === 'default' ? rest : ref.path };
}

/**
 * The names under which `file` exports something `test` accepts; `test`
 * gets the exported node and, for an identifier, the variable it refers to.
 */
export function exportNamesOf(file: FileFacts, test: (node: Node, variable: unknown) => boolean): string[] {
  const out: string[] = [];
  for (const [name, node] of exportTable(file).named) {
    const n = unwrap(node);
    const variable = n.type === T.Identifier ? file.variableOf(n) : null;
    if (test(n, variable)) out.push(name);
  }
  return out;
}
