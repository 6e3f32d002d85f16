/**
 * The parser follows the file (src/parsers.ts): which parser each extension
 * gets, and the supported-TypeScript check behind the one-line message.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { inRange, parser, typescriptSupport } from '../../src/parsers.js';

describe('inRange (the typescript-estree peer range shape)', () => {
  const range = '>=4.8.4 <6.1.0';
  const cases: [string, boolean][] = [
    ['4.8.3', false],
    ['4.8.4', true],
    ['5.9.3', true],
    ['6.0.3', true],
    ['6.1.0', false],
    ['6.1.0-dev.20260101', false],
    ['7.0.2', false],
  ];
  for (const [version, expected] of cases) {
    it(`${version} → ${expected}`, () => expect(inRange(version, range)).toBe(expected));
  }
});

describe('parser', () => {
  it('has a name and version (configs that hold it can be serialised for caching and workers)', () => {
    expect(parser.meta).toEqual({ name: 'eslint-plugin-broken-auth/parser', version: plugin.meta.version });
    expect(plugin.configs.recommended.languageOptions?.parser).toBe(parser);
  });

  it('TypeScript is supported in this repository', () => {
    expect(typescriptSupport()).toEqual({ ok: true, version: '6.0.3' });
  });

  it('parses JavaScript with espree and TypeScript with @typescript-eslint/parser', () => {
    const linter = new Linter();
    const config = { ...plugin.configs.recommended, rules: { 'broken-auth/no-client-token-storage': 'error' as const } };
    const js = "localStorage.setItem('token', t);\nconst el = <div />;\n";
    const ts = "localStorage.setItem('token', t as string);\nconst n: number = 1;\n";
    const ids = (code: string, file: string): string[] => linter.verify(code, [config], file).map((m) => `${m.line}:${m.column} ${m.ruleId ?? m.message}`);
    expect(ids(js, 'a.jsx')).toEqual(['1:1 broken-auth/no-client-token-storage']);
    expect(ids(js, 'a.js')).toEqual(['1:1 broken-auth/no-client-token-storage']);
    expect(ids(ts, 'a.ts')).toEqual(['1:1 broken-auth/no-client-token-storage']);
    // TypeScript syntax in a .js file fails in espree; with typescript installed the file is not lost (as before parsers followed the file).
    expect(ids(ts, 'a.js')).toEqual(['1:1 broken-auth/no-client-token-storage']);
  });

  it('does not lose a file to strictness: `with` in a .js module, `import` in a .cjs file', () => {
    const linter = new Linter();
    const config = { ...plugin.configs.recommended, rules: { 'broken-auth/no-client-token-storage': 'error' as const } };
    const ids = (code: string, file: string): string[] => linter.verify(code, [config], file).map((m) => `${m.line}:${m.column} ${m.ruleId ?? m.message}`);
    expect(ids("with (globalThis) { x; }\nlocalStorage.setItem('token', t);\n", 'legacy.js')).toEqual(['2:1 broken-auth/no-client-token-storage']);
    expect(ids("import t from './t.js';\nlocalStorage.setItem('token', t);\n", 'mixed.cjs')).toEqual(['2:1 broken-auth/no-client-token-storage']);
    expect(ids('const = ;', 'broken.js')).toEqual(['1:7 Parsing error: Unexpected token =']);
  });
});
