/** core/values.ts: what an expression evaluates to, three-state lookups, mutation. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { FileFacts } from '../../src/core/file.js';
import { arrayElements, getPropertyPath, resolveValue } from '../../src/core/values.js';
import { withFile } from './probe.js';

/** The expression of the last statement of `code`. */
function last(file: FileFacts): TSESTree.Node {
  const body = file.sourceCode.ast.body;
  const stmt = body[body.length - 1]!;
  if (stmt.type !== 'ExpressionStatement') throw new Error('last statement is not an expression');
  return stmt.expression;
}

function value(code: string): string {
  return withFile(code, (file) => {
    const v = resolveValue(file, last(file));
    if (v.kind === 'literal') return `literal ${v.text}`;
    if (v.kind === 'env') return `env ${v.name}`;
    if (v.kind === 'fallback') return `fallback ${v.name} ${v.text}`;
    return 'unknown';
  });
}

function lookup(code: string, path: string[]): string {
  return withFile(code, (file) => {
    const found = getPropertyPath(file, last(file), path);
    return found.kind === 'found' ? `found ${file.sourceCode.getText(found.value)}` : found.kind;
  });
}

describe('resolveValue', () => {
  it.each([
    ["'abc';", 'literal abc'],
    ["const a = 'x'; const b = a + 'y'; `${b}z`;", 'literal xyz'],
    ['process.env.SECRET;', 'env SECRET'],
    ["process.env.SECRET || 'dev';", 'fallback SECRET dev'],
    ["process.env.SECRET ?? 'dev';", 'fallback SECRET dev'],
    ["process.env.NODE_ENV === 'production' ? process.env.S : 'dev-secret';", 'fallback S dev-secret'],
    ["function f(key = 'dflt') { return key; } f();", 'fallback null dflt'],
    ["const o = { a: { b: 'deep' } }; const { a: { b } } = o; b;", 'literal deep'],
    ["const base = { k: 'v' }; const o = { ...base }; o.k;", 'literal v'],
    ["Buffer.from('raw');", 'literal raw'],
    ["let x = 'a'; x = 'b'; x;", 'unknown'],
    ['unknownThing;', 'unknown'],
  ])('%s', (code, expected) => {
    expect(value(code)).toBe(expected);
  });

  it('a later property write makes the value unknown, for that key only', () => {
    expect(value("const o = { secret: 'lit', name: 'n' }; o.secret = process.env.S; o.secret;")).toBe('unknown');
    expect(value("const o = { secret: 'lit', name: 'n' }; o.secret = process.env.S; o.name;")).toBe('literal n');
    expect(value("const o = { secret: 'lit' }; Object.assign(o, other); o.secret;")).toBe('unknown');
    expect(value("const o = { c: { secure: false } }; o.c.secure = true; o.c.secure;")).toBe('unknown');
  });
});

describe('getPropertyPath (three states)', () => {
  it.each([
    [`({ cookie: { secure: true } });`, ['cookie', 'secure'], 'found true'],
    [`({ cookie: {} });`, ['cookie', 'secure'], 'absent'],
    [`({ ...unknownOpts });`, ['secure'], 'unknown'],
    [`({ [k]: 1 });`, ['secure'], 'unknown'],
    [`({ useFactory: () => ({ secret: 's' }) });`, ['useFactory', '()', 'secret'], "found 's'"],
  ])('%s %j', (code, path, expected) => {
    expect(lookup(code, path)).toBe(expected);
  });
});

describe('arrayElements', () => {
  it('flattens spreads of known arrays, and is unknown for an array changed later', () => {
    expect(withFile("const a = ['x']; const b = [...a, 'y']; b;", (file) => arrayElements(file, last(file))?.length)).toBe(2);
    expect(withFile("const keys = ['x']; keys.push(k); keys;", (file) => arrayElements(file, last(file)))).toBeNull();
  });
});
