/**
 * Accuracy on the annotated fixtures: per file and category, TP = min(expected
 * lines, reported lines), FP = reported lines beyond that, FN = expected lines
 * beyond that. Counting per file and category (not per exact line) is lenient
 * to tools that report a construct on a neighbouring line; a strict per-line
 * score is computed beside it.
 */
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { CATEGORIES, categoryOfRule, type Category } from '../src/categories.js';
import { categoryOf, expectedFindings, lintAnnotated, listSources } from '../tests/expectations.js';
import { PEERS, peerCategory, peerConfig, type Peer } from './peers.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ToolScore {
  tool: string;
  /** Lenient (per file and category) counts per category. */
  byCategory: Record<Category, Counts>;
  /** Strict (same line) counts per category. */
  strictByCategory: Record<Category, Counts>;
  /** Categories the tool has a rule for. */
  covered: Set<Category>;
  /** Messages that are parse errors or unmapped rules. */
  errors: string[];
}

export interface FileLines {
  file: string;
  expected: Set<string>;
  /** `line:category` keys reported (each counted once). */
  reported: Set<string>;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const perCategory = (): Record<Category, Counts> => Object.fromEntries(CATEGORIES.map((c) => [c, zero()])) as Record<Category, Counts>;

export function score(tool: string, files: FileLines[], covered: Set<Category>, errors: string[]): ToolScore {
  const byCategory = perCategory();
  const strictByCategory = perCategory();
  for (const { expected, reported } of files) {
    for (const category of CATEGORIES) {
      const e = [...expected].filter((k) => categoryOf(k) === category);
      const r = [...reported].filter((k) => categoryOf(k) === category);
      const tp = Math.min(e.length, r.length);
      const lenient = byCategory[category];
      lenient.tp += tp;
      lenient.fp += r.length - tp;
      lenient.fn += e.length - tp;
      const hits = r.filter((k) => expected.has(k)).length;
      const strict = strictByCategory[category];
      strict.tp += hits;
      strict.fp += r.length - hits;
      strict.fn += e.length - hits;
    }
  }
  return { tool, byCategory, strictByCategory, covered, errors };
}

export function sum(counts: Counts[]): Counts {
  return counts.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), zero());
}

export function metrics({ tp, fp, fn }: Counts): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? NaN : tp / (tp + fp);
  const recall = tp + fn === 0 ? NaN : tp / (tp + fn);
  const f1 = tp === 0 ? (tp + fp + fn === 0 ? NaN : 0) : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Our plugin with the `all` config, through the fixture test's own reader. */
export async function scoreOurs(fixtures: string, cwd: string): Promise<ToolScore> {
  const reports = await lintAnnotated(fixtures, cwd, 'all');
  const plugin = (await import('../src/index.js')).default;
  const covered = new Set(CATEGORIES.filter((c) => Object.keys(plugin.rules).some((r) => categoryOfRule(r) === c)));
  const files: FileLines[] = reports.map((r) => ({ file: r.file, expected: r.expected, reported: new Set(r.reported.keys()) }));
  return score('broken-auth', files, covered, reports.flatMap((r) => r.errors.map((e) => `${r.file}:${e}`)));
}

export async function scorePeer(peer: Peer, fixtures: string, cwd: string): Promise<ToolScore> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [peerConfig(peer)], ignore: false });
  const results = await eslint.lintFiles(listSources(fixtures));
  const errors: string[] = [];
  const files: FileLines[] = results.map((r) => {
    const reported = new Set<string>();
    for (const m of r.messages) {
      const category = m.ruleId ? peerCategory(peer, m.ruleId) : undefined;
      if (category) reported.add(`${m.line}:${category}`);
      else errors.push(`${r.filePath}:${m.line}: ${m.ruleId ?? 'parse'}: ${m.message}`);
    }
    return { file: r.filePath, expected: expectedFindings(readFileSync(r.filePath, 'utf8')), reported };
  });
  return score(peer.name, files, new Set(Object.values(peer.mapping)), errors);
}

export async function scoreAll(fixtures: string, cwd: string): Promise<ToolScore[]> {
  const out = [await scoreOurs(fixtures, cwd)];
  for (const peer of PEERS) out.push(await scorePeer(peer, fixtures, cwd));
  return out;
}

/** Expected findings per category over the fixtures (the denominators). */
export function expectedTotals(fixtures: string): Record<Category, number> {
  const out = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const file of listSources(fixtures)) {
    for (const key of expectedFindings(readFileSync(file, 'utf8'))) out[categoryOf(key)] = (out[categoryOf(key)] ?? 0) + 1;
  }
  return out;
}
