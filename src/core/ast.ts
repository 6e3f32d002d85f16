/**
 * Small node helpers every core module and rule uses. Each checks the node
 * type first and never throws on syntax it does not know.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

/** Strips `as`, `satisfies`, `!`, `<T>x`, parentheses-free chains (`a?.b`). */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case T.TSAsExpression:
      case T.TSSatisfiesExpression:
      case T.TSNonNullExpression:
      case T.TSTypeAssertion:
      case T.TSInstantiationExpression:
        current = current.expression;
        break;
      case T.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The static name of a member access, property, or method: `a.b`, `a['b']`, `{ b: 1 }`, `` a[`b`] ``. */
export function staticKey(
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition | TSESTree.Node,
): string | null {
  if (node.type === T.MemberExpression) {
    if (!node.computed) return node.property.type === T.Identifier ? node.property.name : node.property.type === T.PrivateIdentifier ? `#${node.property.name}` : null;
    return stringOf(node.property);
  }
  if (node.type === T.Property || node.type === T.PropertyDefinition || node.type === T.MethodDefinition) {
    if (!node.computed) {
      if (node.key.type === T.Identifier) return node.key.name;
      if (node.key.type === T.Literal) return String(node.key.value);
      return null;
    }
    return stringOf(node.key);
  }
  return null;
}

/** A string (or number) literal or a template with no holes, as text. */
export function stringOf(node: TSESTree.Node | null | undefined): string | null {
  if (!node) return null;
  if (node.type === T.Literal) {
    if (typeof node.value === 'string') return node.value;
    if (typeof node.value === 'number') return String(node.value);
    return null;
  }
  if (node.type === T.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** The name of what is being called: `foo()` → foo, `a.b.foo()` → foo. */
export function calleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = unwrap(node.callee);
  if (callee.type === T.Identifier) return callee.name;
  if (callee.type === T.MemberExpression) return staticKey(callee);
  return null;
}

/** The name a value is known by where it sits: a variable, property, or member it is assigned to, or a return of a named function. */
export function nameOf(node: TSESTree.Node | null | undefined): string | null {
  if (!node) return null;
  const n = unwrap(node);
  if (n.type === T.Identifier) return n.name;
  if (n.type === T.MemberExpression) return staticKey(n);
  if (n.type === T.Property || n.type === T.PropertyDefinition) return staticKey(n);
  return null;
}

/** The nearest enclosing function, or null at module level. */
export function enclosingFunction(node: TSESTree.Node): TSESTree.FunctionLike | null {
  let current = node.parent;
  while (current) {
    if (current.type === T.FunctionDeclaration || current.type === T.FunctionExpression || current.type === T.ArrowFunctionExpression) return current;
    current = current.parent;
  }
  return null;
}

/** Every identifier name (and, unless `literals` is off, short string literal) mentioned in an expression, bounded, for name-based decisions; `spreads` also looks into `...x`. */
export function mentionedNames(node: TSESTree.Node, limit = 64, { literals = true, spreads = false }: { literals?: boolean; spreads?: boolean } = {}): string[] {
  const out: string[] = [];
  const stack: TSESTree.Node[] = [node];
  while (stack.length && out.length < limit) {
    const n = stack.pop()!;
    switch (n.type) {
      case T.Identifier:
        out.push(n.name);
        break;
      case T.MemberExpression:
        if (!n.computed && n.property.type === T.Identifier) out.push(n.property.name);
        else stack.push(n.property);
        stack.push(n.object);
        break;
      case T.Literal:
        if (literals && typeof n.value === 'string' && n.value.length < 40) out.push(n.value);
        break;
      case T.SpreadElement:
        if (spreads) stack.push(n.argument);
        break;
      case T.CallExpression:
        stack.push(n.callee, ...n.arguments);
        break;
      case T.AwaitExpression:
      case T.UnaryExpression:
        stack.push(n.argument);
        break;
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.TSSatisfiesExpression:
      case T.ChainExpression:
        stack.push(n.expression);
        break;
      default:
        break;
    }
  }
  return out;
}

/** The name a function is known by: its id, or the variable, property, method or assignment target it is written to. */
export function functionName(fn: TSESTree.FunctionLike): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (!parent) return null;
  if (parent.type === T.VariableDeclarator) return parent.id.type === T.Identifier ? parent.id.name : null;
  if (parent.type === T.Property || parent.type === T.MethodDefinition || parent.type === T.PropertyDefinition) return staticKey(parent);
  if (parent.type === T.AssignmentExpression) {
    const left = parent.left;
    if (left.type === T.Identifier) return left.name;
    if (left.type === T.MemberExpression) return staticKey(left);
  }
  return null;
}

/**
 * Every expression a function returns: the arrow body, or each `return x`
 * in its statements (inside blocks, branches, loops, `switch` and `try`), not
 * those of nested functions; at most `limit`.
 */
export function returnedExpressions(fn: TSESTree.FunctionLike, limit = 16): TSESTree.Node[] {
  if (!fn.body) return [];
  if (fn.body.type !== T.BlockStatement) return [fn.body];
  const out: TSESTree.Node[] = [];
  const stack: TSESTree.Node[] = [...fn.body.body];
  while (stack.length && out.length < limit) {
    const s = stack.pop()!;
    switch (s.type) {
      case T.ReturnStatement:
        if (s.argument) out.push(s.argument);
        break;
      case T.IfStatement:
        stack.push(s.consequent);
        if (s.alternate) stack.push(s.alternate);
        break;
      case T.BlockStatement:
        stack.push(...s.body);
        break;
      case T.TryStatement:
        stack.push(s.block);
        if (s.handler) stack.push(s.handler.body);
        if (s.finalizer) stack.push(s.finalizer);
        break;
      case T.ForStatement:
      case T.ForInStatement:
      case T.ForOfStatement:
      case T.WhileStatement:
      case T.DoWhileStatement:
      case T.LabeledStatement:
        stack.push(s.body);
        break;
      case T.SwitchStatement:
        for (const c of s.cases) stack.push(...c.consequent);
        break;
      default:
        break;
    }
  }
  return out;
}

/** The operands of a `a + b + c` chain, left to right (iterative over the left spine, so long chains stay linear). */
export function concatOperands(node: TSESTree.BinaryExpression): TSESTree.Node[] {
  const parts: TSESTree.Node[] = [];
  let current: TSESTree.Node = node;
  while (current.type === T.BinaryExpression && current.operator === '+') {
    parts.push(current.right);
    current = unwrap(current.left);
  }
  parts.push(current);
  return parts.reverse();
}

/**
 * The name a value is kept under, read off the syntax around it (no
 * resolution): `const salt = f()`, `user.token = f()`, `{ apiKey: f() }`, a
 * class field, a parameter default, `return f()` in `makeToken` (or an arrow's
 * body), through `await`, casts, templates, `+`, `a || f()`, conditionals and
 * methods called on it (`f().toString('hex')`). Null when there is none.
 */
export function boundName(node: TSESTree.Node): string | null {
  let current: TSESTree.Node = node;
  for (let i = 0; i < 8 && current.parent; i++) {
    const parent: TSESTree.Node = current.parent;
    switch (parent.type) {
      case T.AwaitExpression:
      case T.TemplateLiteral:
      case T.ConditionalExpression:
      case T.LogicalExpression:
      case T.ChainExpression:
      case T.TSAsExpression:
      case T.TSNonNullExpression:
        current = parent;
        continue;
      case T.BinaryExpression:
        if (parent.operator !== '+') return null;
        current = parent;
        continue;
      case T.MemberExpression:
        // (await bcrypt.hash(x)).toString('hex'), f().slice(2)
        if (parent.object === current && parent.parent?.type === T.CallExpression) {
          current = parent.parent;
          continue;
        }
        return null;
      case T.VariableDeclarator:
        return parent.id.type === T.Identifier ? parent.id.name : null;
      case T.AssignmentExpression:
        return parent.left.type === T.Identifier ? parent.left.name : parent.left.type === T.MemberExpression ? staticKey(parent.left) : null;
      case T.AssignmentPattern:
        return parent.left.type === T.Identifier ? parent.left.name : null;
      case T.Property:
        return parent.value === current ? staticKey(parent) : null;
      case T.PropertyDefinition:
        return staticKey(parent);
      case T.ReturnStatement: {
        const fn = enclosingFunction(parent);
        return fn ? functionName(fn) : null;
      }
      case T.ArrowFunctionExpression:
        return functionName(parent);
      default:
        return null;
    }
  }
  return null;
}

/** The object at the root of a member chain (`req` in `req.body.user.id`); the node itself when it is not a member. */
export function memberRoot(node: TSESTree.Node): TSESTree.Node {
  let root = unwrap(node);
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  return root;
}

/** The class a node sits in, or null. */
export function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.ClassDeclaration || current.type === T.ClassExpression) return current;
  }
  return null;
}
