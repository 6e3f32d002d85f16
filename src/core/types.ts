/**
 * Type information, when the user's config provides it (`projectService` /
 * `project`): it may only ADD findings the untyped path cannot prove, such as
 * a `const` imported from another file whose type is a string literal.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ESLintUtils } from '@typescript-eslint/utils';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The string-literal type of an expression (`export const SECRET = 'x'` imported elsewhere), or null without type information. */
export function stringLiteralType(context: Context, node: TSESTree.Node): string | null {
  const services = ESLintUtils.getParserServices(context, true);
  if (!services.program || !services.esTreeNodeToTSNodeMap) return null;
  try {
    const type = services.getTypeAtLocation(node);
    return type.isStringLiteral() ? type.value : null;
  } catch {
    return null;
  }
}

/**
 * Is the identifier declared with a type that cannot hold a credential
 * (`number`, `boolean`, `bigint`, or a union of them)? From the annotation in
 * the file, without type information.
 */
export function declaredNonString(file: { variableOf(id: TSESTree.Identifier): { defs: readonly { name: TSESTree.Node }[] } | null }, raw: TSESTree.Node): boolean {
  let node = raw;
  while (node.type === 'TSAsExpression' || node.type === 'TSNonNullExpression') node = node.expression;
  if (node.type !== 'Identifier') return false;
  const id = file.variableOf(node)?.defs[0]?.name;
  const annotation = id && id.type === 'Identifier' ? id.typeAnnotation?.typeAnnotation : undefined;
  return !!annotation && nonString(annotation);
}

function nonString(type: TSESTree.TypeNode): boolean {
  if (type.type === 'TSNumberKeyword' || type.type === 'TSBooleanKeyword' || type.type === 'TSBigIntKeyword') return true;
  if (type.type === 'TSUnionType') return type.types.every((t) => nonString(t) || t.type === 'TSUndefinedKeyword' || t.type === 'TSNullKeyword');
  return false;
}
