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
