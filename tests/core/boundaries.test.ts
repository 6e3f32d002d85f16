/**
 * Only the project layer (src/project/) reads other files: rules, models and
 * core never import the file system, and nothing outside the CLI and the
 * project layer does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FS_IMPORT = /(?:from\s+|require\(\s*|import\(\s*)['"](?:node:)?fs(?:\/promises)?['"]/;

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.[cm]?ts$/.test(f))
    .map((f) => path.join(dir, f));
}

describe('file-system boundary', () => {
  for (const dir of ['rules', 'src/models', 'src/core']) {
    it(`no file under ${dir}/ imports node:fs`, () => {
      const offenders = sources(dir).filter((f) => FS_IMPORT.test(readFileSync(path.join(ROOT, f), 'utf8')));
      expect(offenders).toEqual([]);
    });
  }

  it('the check itself sees an fs import', () => {
    expect(FS_IMPORT.test("import { readFileSync } from 'node:fs';")).toBe(true);
    expect(FS_IMPORT.test("const fs = require('fs');")).toBe(true);
    expect(FS_IMPORT.test("import path from 'node:path';")).toBe(false);
  });

  it('models import nothing from core', () => {
    const offenders = sources('src/models').filter((f) => /from\s+['"]\.\.\/core\//.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
