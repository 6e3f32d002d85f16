/**
 * Type information may only add findings: fixtures/typed is linted with
 * `recommended-type-checked` (project service on) and must match its
 * annotations; linted without type information it must report a subset.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintAnnotated } from './expectations.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'fixtures/typed');

describe('type-aware resolution', () => {
  it('reports cross-file constants that reach a secret sink', async () => {
    const reports = await lintAnnotated(dir, dir, 'recommended-type-checked');
    expect(reports.length).toBe(3);
    for (const r of reports) {
      expect(r.errors, path.basename(r.file)).toEqual([]);
      expect([...r.reported.keys()].sort(), path.basename(r.file)).toEqual([...r.expected].sort());
    }
  });

  it('without type information reports a subset (here, through the project layer, the same finding)', async () => {
    const typed = await lintAnnotated(dir, dir, 'recommended-type-checked');
    const untyped = await lintAnnotated(dir, dir, 'recommended');
    for (const r of untyped) {
      const t = typed.find((x) => x.file === r.file)!;
      for (const key of r.reported.keys()) expect(t.reported.has(key), key).toBe(true);
    }
    // The project layer proves the imported constant without types too (src/project/values.ts).
    expect([...untyped.find((r) => r.file.endsWith('tokens.ts'))!.reported.keys()]).toEqual(['10:hardcoded-secret']);
  });
});
