/**
 * Keeps the plugin consistent with itself: every rule exported, documented,
 * tested and in the configs its meta says; package metadata; every config
 * loads through ESLint; the CommonJS entry works.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../rules/index.js';
import { CATEGORY_RULES, categoryOfRule } from '../src/categories.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const ruleNames = Object.keys(rules) as (keyof typeof rules)[];

describe('plugin meta', () => {
  it('has the package name and version', () => {
    expect(plugin.meta.name).toBe(pkg.name);
    expect(plugin.meta.version).toBe(pkg.version);
    expect(plugin.meta.namespace).toBe('broken-auth');
  });

  it('registers only rules that the category table knows', () => {
    expect(ruleNames.length).toBeGreaterThan(0);
    for (const name of ruleNames) expect(Object.values(CATEGORY_RULES)).toContain(name);
  });

  for (const name of ruleNames) {
    describe(name, () => {
      const rule = rules[name];
      const docs = rule.meta.docs as { category: string; recommended: string; description: string };

      it('declares the category that maps back to it', () => {
        expect(categoryOfRule(name)).toBe(docs.category);
      });

      it('has a docs page and a docs URL pointing at it', () => {
        expect(existsSync(path.join(root, 'docs/rules', `${name}.md`))).toBe(true);
        expect(rule.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
        expect(docs.description.length).toBeGreaterThan(10);
      });

      it('has a rule test file', () => {
        expect(existsSync(path.join(root, 'tests/rules', `${name}.test.ts`))).toBe(true);
      });

      it('describes every option', () => {
        const schema = rule.meta.schema as unknown as { properties?: Record<string, { description?: string }> }[];
        for (const item of Array.isArray(schema) ? schema : []) {
          for (const [key, prop] of Object.entries(item.properties ?? {})) expect(prop.description, `${name} option ${key}`).toBeTruthy();
        }
      });

      it('runs clean on an empty file and on odd syntax', () => {
        const linter = new Linter();
        const config = { ...plugin.configs.all, files: ['**/*.tsx'], rules: { [`broken-auth/${name}`]: 'error' as const } };
        const odd = [
          '',
          'const a = b; const b = a; a.x(); b[c]?.(...d);',
          'class A { @dec() m(@p() x) { return super.m?.(x as any)!; } get secret() { return this.#k; } #k = 1; }',
          "const o = { [k]: 1, ...u, get token() { return 't' }, 'password': p satisfies string }; o.token;",
          "export default () => <div onClick={() => localStorage.setItem(k, v)}>{`${x}`}</div>;",
          "const s = " + Array.from({ length: 400 }, (_, i) => `'p${i}'`).join(' + ') + ';',
          'label: for (const [a, { b = 1, ...c }] of d) { if (a == b) break label; }',
        ];
        for (const code of odd) {
          const messages = linter.verify(code, [config], 'file.tsx');
          expect(messages.filter((m) => m.fatal || m.ruleId === null), code.slice(0, 60)).toEqual([]);
        }
      });
    });
  }
});

describe('configs', () => {
  const levels = { recommended: 0, 'recommended-type-checked': 0, strict: 1, all: 2 } as const;
  for (const level of Object.keys(levels) as (keyof typeof levels)[]) {
    it(`${level} enables exactly the rules whose meta asks for it`, () => {
      const config = plugin.configs[level];
      expect(config.name).toBe(`broken-auth/${level}`);
      const expected = ruleNames
        .filter((n) => levels[(rules[n].meta.docs as { recommended: keyof typeof levels }).recommended] <= levels[level])
        .map((n) => `broken-auth/${n}`)
        .sort();
      expect(Object.keys(config.rules ?? {}).sort()).toEqual(expected);
      expect(config.plugins?.['broken-auth']).toBe(plugin);
    });

    it(`${level} loads through ESLint and defineConfig`, async () => {
      const cwd = path.join(root, 'fixtures/typed');
      const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: defineConfig([plugin.configs[level]]) });
      const code = "const session = require('express-session');\nsession({ secret: 'keyboard cat' });\n";
      const [result] = await eslint.lintText(code, { filePath: path.join(cwd, 'src/constants.ts') });
      expect(result!.messages.map((m) => m.ruleId)).toContain('broken-auth/no-hardcoded-secret');
    });
  }

  it('recommended is a subset of strict, strict of all', () => {
    const r = Object.keys(plugin.configs.recommended.rules ?? {});
    const s = Object.keys(plugin.configs.strict.rules ?? {});
    const a = Object.keys(plugin.configs.all.rules ?? {});
    expect(r.every((x) => s.includes(x))).toBe(true);
    expect(s.every((x) => a.includes(x))).toBe(true);
  });
});

describe('package entry points', () => {
  it('CommonJS require returns the plugin (after a build)', () => {
    const built = path.join(root, 'dist/src/index.js');
    if (!existsSync(built)) return; // `npm ci` builds; a bare checkout has no dist yet
    const require = createRequire(import.meta.url);
    const cjs = require(path.join(root, 'cjs/index.cjs')) as typeof plugin;
    expect(Object.keys(cjs.rules).sort()).toEqual(ruleNames.slice().sort());
    expect(cjs.meta.version).toBe(pkg.version);
  });
});
