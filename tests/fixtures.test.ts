/**
 * The spec in executable form: every `// expect:` line under fixtures/ is
 * reported in its category, and nothing else is, for every category whose
 * rule the plugin has.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { CATEGORIES, CATEGORY_RULES, type Category } from '../src/categories.js';
import { categoryOf, lintAnnotated } from './expectations.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const active = new Set<Category>(CATEGORIES.filter((c) => CATEGORY_RULES[c] in plugin.rules));
// fixtures/typed needs type information: tests/typed.test.ts runs it with `recommended-type-checked`.
const reports = (await lintAnnotated(path.join(root, 'fixtures'), root)).filter((r) => !r.file.includes(`${path.sep}fixtures${path.sep}typed${path.sep}`));

describe('annotated fixtures', () => {
  it('finds annotated files', () => {
    expect(reports.length).toBeGreaterThan(40);
  });

  for (const report of reports) {
    const name = path.relative(root, report.file);
    it(name, () => {
      expect(report.errors, `parse errors or unknown rules in ${name}`).toEqual([]);
      const expected = [...report.expected].filter((k) => active.has(categoryOf(k))).sort();
      const reported = [...report.reported.keys()].filter((k) => active.has(categoryOf(k))).sort();
      const missing = expected.filter((k) => !report.reported.has(k));
      const extra = reported.filter((k) => !report.expected.has(k));
      const duplicated = reported.filter((k) => (report.reported.get(k) ?? 0) > 1);
      expect({ file: name, missing, extra, duplicated }).toEqual({ file: name, missing: [], extra: [], duplicated: [] });
    });
  }
});
