/** core/requests.ts: request input, in every framework's shape. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isRequestObject, userInputOf } from '../../src/core/requests.js';
import { withFile } from './probe.js';

/** The input found at the identifier `probe` (the last `probe` in the code). */
function inputAt(code: string): string | null {
  return withFile(code, (file) => {
    let found: TSESTree.Node | null = null;
    const stack: TSESTree.Node[] = [file.sourceCode.ast];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'probe') found = n.arguments[0] as TSESTree.Node;
      for (const key of file.sourceCode.visitorKeys[n.type] ?? []) {
        const v = (n as unknown as Record<string, unknown>)[key];
        if (Array.isArray(v)) {
          for (const c of v) if (c && typeof c === 'object' && 'type' in c) stack.push(c as TSESTree.Node);
        } else if (v && typeof v === 'object' && 'type' in v) stack.push(v as TSESTree.Node);
      }
    }
    if (!found) throw new Error('no probe(...) call');
    const input = userInputOf(file, found);
    return input ? `${input.source} ${input.path.join('.')}`.trim() : null;
  });
}

describe('userInputOf', () => {
  it.each([
    ['app.post("/l", (req, res) => probe(req.body.password));', 'body password'],
    ['app.post("/l", (req, res) => { const { password } = req.body; probe(password); });', 'body password'],
    ['router.post("/l", async (ctx) => probe(ctx.request.body.code));', 'body code'],
    ['app.post("/l", async (c) => { const body = await c.req.json(); probe(body.token); });', 'body token'],
    ['app.get("/r", (req, res) => probe(req.query.token));', 'query token'],
    ['app.get("/r", (req, res) => probe(req.headers.authorization));', 'headers authorization'],
    ['function helper(user) { probe(user.password); }', null],
  ])('%s', (code, expected) => {
    expect(inputAt(code)).toBe(expected);
  });
});

describe('isRequestObject', () => {
  it('knows handler parameters and context members, not look-alike names elsewhere', () => {
    const check = (code: string): boolean =>
      withFile(code, (file) => {
        const body = file.sourceCode.ast.body;
        const stmt = body[body.length - 1] as TSESTree.ExpressionStatement;
        const call = stmt.expression as TSESTree.CallExpression;
        const fn = call.arguments[1] as TSESTree.ArrowFunctionExpression;
        const ret = fn.body as TSESTree.Node;
        return isRequestObject(file, ret);
      });
    expect(check('app.post("/x", (req) => req);')).toBe(true);
    expect(check('app.post("/x", (c) => c.req);')).toBe(true);
    expect(check('const req = 1; app.post("/x", () => req);')).toBe(false);
  });
});
