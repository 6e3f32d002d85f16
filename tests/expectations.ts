/**
 * Reads `// expect: <category>[, <category>]` annotations and lints annotated
 * files through the whole plugin. Used by the fixture test and the bench.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import plugin from '../src/index.js';
import { categoryOfRule, type Category } from '../src/categories.js';
import type { Level } from '../src/configs.js';

export const SOURCE_FILE = /\.(js|cjs|mjs|jsx|ts|cts|mts|tsx)$/;
const EXPECT = /\/\/\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$/;

export function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listSources(full));
    else if (SOURCE_FILE.test(entry)) out.push(full);
  }
  return out;
}

/** `line:category` keys of every annotation in a file. */
export function expectedFindings(text: string): Set<string> {
  const out = new Set<string>();
  text.split('\n').forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (!m) return;
    for (const c of m[1]!.split(',')) out.add(`${i + 1}:${c.trim()}`);
  });
  return out;
}

export interface FileReport {
  file: string;
  expected: Set<string>;
  /** `line:category` → how many reports on that line. */
  reported: Map<string, number>;
  errors: string[];
}

export async function lintAnnotated(root: string, cwd: string, level: Level = 'all'): Promise<FileReport[]> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [plugin.configs[level]], ignore: false });
  const files = listSources(root);
  const results = await eslint.lintFiles(files);
  return results.map((r) => {
    const reported = new Map<string, number>();
    const errors: string[] = [];
    for (const m of r.messages) {
      const category = m.ruleId ? categoryOfRule(m.ruleId) : undefined;
      if (!category) {
        errors.push(`${m.line}: ${m.ruleId ?? 'parse'}: ${m.message}`);
        continue;
      }
      const key = `${m.line}:${category}`;
      reported.set(key, (reported.get(key) ?? 0) + 1);
    }
    return { file: r.filePath, expected: expectedFindings(readFileSync(r.filePath, 'utf8')), reported, errors };
  });
}

export function categoryOf(key: string): Category {
  return key.slice(key.indexOf(':') + 1) as Category;
}
