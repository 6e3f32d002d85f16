/** core/randomness.ts: which functions return a value built on Math.random, also through generators it seeds. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { randomReturnedBy } from '../../src/core/randomness.js';
import type { FileFacts } from '../../src/core/file.js';
import { withFile } from './probe.js';

/** The line of the `Math.random()` call `helper` returns a value of, or null. */
function helperSource(code: string): number | null {
  return withFile(code, (file: FileFacts) => {
    const body = file.sourceCode.ast.body as TSESTree.Node[];
    for (const statement of body) {
      const decl = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (decl?.type === 'FunctionDeclaration' && decl.id?.name === 'helper') return randomReturnedBy(file, decl)?.loc.start.line ?? null;
    }
    throw new Error('no helper()');
  });
}

describe('randomReturnedBy', () => {
  it.each([
    ['direct', 'export function helper() { return Math.random().toString(36); }', 1],
    ['through a same-file helper', 'function pick(chars) { return chars[Math.floor(Math.random() * chars.length)]; }\nexport function helper() { let o = ""; for (let i = 0; i < 8; i++) o += pick("abc"); return o; }', 1],
    ['a closure generator', 'function gen(a) { return () => (a = (a * 48271) % 2147483647) / 2147483647; }\nconst rand = gen(Math.floor(Math.random() * 1e9));\nexport function helper() { return Math.floor(rand() * 1e6); }', 2],
    ['a class generator', 'class G { constructor(s) { this.s = s; } next() { this.s = (this.s * 48271) % 2147483647; return this.s; } }\nconst g = new G(Date.now() ^ Math.random() * 1e9);\nexport function helper() { return g.next().toString(36); }', 2],
    ['a class seeding itself', 'class G { s = Math.random() * 1e9; next() { this.s = (this.s * 48271) % 2147483647; return this.s; } }\nconst g = new G();\nexport function helper() { return g.next().toString(36); }', 1],
    ['a seedable library', "import seedrandom from 'seedrandom';\nconst rng = seedrandom(String(Math.random()));\nexport function helper() { return rng().toString(36).slice(2); }", 2],
    ['a fixed seed', 'function gen(a) { return () => (a = (a * 48271) % 2147483647) / 2147483647; }\nconst rand = gen(42);\nconst other = gen(Math.random() * 1e9);\nexport function helper() { return Math.floor(rand() * 1e6); }', null],
    ['a crypto seed', "import crypto from 'node:crypto';\nclass G { constructor(s) { this.s = s; } next() { return this.s++; } }\nconst a = new G(crypto.randomInt(1e9));\nconst b = new G(Math.random() * 1e9);\nexport function helper() { return a.next(); }", null],
    ['Math.random used only for a delay', 'const delay = Math.random() * 100;\nexport function helper() { return "abc"; }', null],
  ])('%s', (_name, code, line) => {
    expect(helperSource(code)).toBe(line);
  });
});
