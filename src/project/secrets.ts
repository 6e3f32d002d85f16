/**
 * Secret facts from other files of the project: whether a default secret is
 * a sentinel the app replaces at startup (`if (config.sessionSecret ===
 * 'secret') config.sessionSecret = randomBytes(…)`), so the literal never
 * signs anything. Each candidate file is parsed; the text search only picks
 * which files to parse.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from '../core/file.js';
import { staticKey, unwrap } from '../core/ast.js';
import { nodesIn } from '../core/routes.js';
import { filesMentioning, projectRoot } from './files.js';
import { parseProjectFile } from './parse.js';

type Node = TSESTree.Node;

/** `x.name === 'text'` (either side, `==` too): the member compared with the literal. */
function comparedMember(test: Node, name: string, text: string): TSESTree.MemberExpression | null {
  const t = unwrap(test);
  if (t.type !== T.BinaryExpression || (t.operator !== '===' && t.operator !== '==')) return null;
  const [a, b] = [unwrap(t.left), unwrap(t.right)];
  const member = a.type === T.MemberExpression ? a : b.type === T.MemberExpression ? b : null;
  const literal = a.type === T.Literal ? a : b.type === T.Literal ? b : null;
  if (!member || !literal || literal.value !== text || staticKey(member) !== name) return null;
  return member;
}

/** The branch assigns a new value to the same property (`config.sessionSecret = …`). */
function replaces(branch: Node, name: string): boolean {
  const statements = branch.type === T.BlockStatement ? branch.body : [branch];
  return statements.some((s) => s.type === T.ExpressionStatement && s.expression.type === T.AssignmentExpression && s.expression.left.type === T.MemberExpression && staticKey(s.expression.left) === name);
}

/**
 * Does some file of the project (this one included) replace the setting `name`
 * when it still holds `text`? Only a literal the app itself treats as "not
 * configured" qualifies.
 */
export function isReplacedSentinel(file: FileFacts, name: string, text: string): boolean {
  if (!/^[\w .-]{1,64}$/.test(text)) return false;
  const root = projectRoot(file.filename);
  const candidates = new Set(root ? [...filesMentioning(root, `'${text}'`), ...filesMentioning(root, `"${text}"`)] : []);
  candidates.add(file.filename);
  for (const candidate of candidates) {
    const other = parseProjectFile(file, candidate);
    if (!other) continue;
    for (const test of nodesIn(other, other.sourceCode.ast, T.BinaryExpression)) {
      const stmt = test.parent;
      if (stmt?.type === T.IfStatement && stmt.test === test && comparedMember(test, name, text) && replaces(stmt.consequent, name)) return true;
    }
  }
  return false;
}
