/**
 * Speed: every variant lints the same in-memory corpus in one process with
 * ESLint's Linter, interleaved over several repetitions (the order rotates each
 * repetition), after one warm-up pass. Per-file rule cost comes from ESLint's
 * own `stats` timing (rules only, parse excluded).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Linter } from 'eslint';

export interface SourceText {
  /** Path the linter sees (real layout, so test-file detection works as in a project). */
  filename: string;
  text: string;
}

export interface Variant {
  name: string;
  config: Linter.Config[];
}

type ConfigArray = Linter.Config[] & { getConfig?: unknown; normalizeSync?: () => void };

/**
 * A config array normalized once, so `verify` does not rebuild it for every
 * file (the ESLint class caches it the same way). Falls back to the plain array
 * if ESLint's internal module moves.
 */
function prepared(config: Linter.Config[], cwd: string): Linter.Config[] {
  try {
    const require = createRequire(import.meta.url);
    const eslintDir = path.dirname(require.resolve('eslint/package.json'));
    const { FlatConfigArray } = require(path.join(eslintDir, 'lib', 'config', 'flat-config-array.js')) as {
      FlatConfigArray: new (c: Linter.Config[], o: { basePath: string }) => ConfigArray;
    };
    const array = new FlatConfigArray(config, { basePath: cwd });
    array.normalizeSync!();
    return array;
  } catch {
    return config;
  }
}

export function readTexts(files: { filename: string; path: string }[]): SourceText[] {
  return files.map((f) => ({ filename: f.filename, text: readFileSync(f.path, 'utf8') }));
}

export interface PassResult {
  /** Wall-clock time. */
  ms: number;
  /** CPU time of this process (user + system), steadier than wall time on a shared machine. */
  cpuMs: number;
  messages: number;
  parseErrors: number;
  crashes: { file: string; error: string }[];
}

export function lintPass(linter: Linter, config: Linter.Config[], texts: SourceText[]): PassResult {
  let messages = 0;
  let parseErrors = 0;
  const crashes: PassResult['crashes'] = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const { filename, text } of texts) {
    try {
      const out = linter.verify(text, config, filename);
      for (const m of out) {
        if (m.fatal) parseErrors++;
        else messages++;
      }
    } catch (error) {
      crashes.push({ file: filename, error: (error as Error).stack ?? String(error) });
    }
  }
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, messages, parseErrors, crashes };
}

export interface SpeedResult {
  variant: string;
  /** Wall-clock time of each repetition. */
  runs: number[];
  median: number;
  cpuRuns: number[];
  cpuMedian: number;
  messages: number;
  parseErrors: number;
  crashes: PassResult['crashes'];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export function timeVariants(
  variants: Variant[],
  texts: SourceText[],
  cwd: string,
  repetitions: number,
  log: (line: string) => void,
): SpeedResult[] {
  const linter = new Linter({ cwd });
  const configs = variants.map((v) => prepared(v.config, cwd));
  const results: SpeedResult[] = variants.map((v) => ({ variant: v.name, runs: [], median: NaN, cpuRuns: [], cpuMedian: NaN, messages: 0, parseErrors: 0, crashes: [] }));
  const warm = texts.slice(0, Math.min(Number(process.env.BENCH_WARMUP ?? 600), Math.ceil(texts.length / 5)));
  variants.forEach((_, i) => lintPass(linter, configs[i]!, warm));
  for (let rep = 0; rep < repetitions; rep++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (k + rep) % variants.length;
      const pass = lintPass(linter, configs[i]!, texts);
      const r = results[i]!;
      r.runs.push(pass.ms);
      r.cpuRuns.push(pass.cpuMs);
      r.messages = pass.messages;
      r.parseErrors = pass.parseErrors;
      if (rep === 0) r.crashes = pass.crashes;
      log(`  rep ${rep + 1}/${repetitions} ${variants[i]!.name}: ${(pass.ms / 1000).toFixed(1)} s wall, ${(pass.cpuMs / 1000).toFixed(1)} s CPU`);
    }
  }
  for (const r of results) {
    r.median = median(r.runs);
    r.cpuMedian = median(r.cpuRuns);
  }
  return results;
}

export interface Latency {
  variant: string;
  files: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  maxFile: string;
  /** Parse time per file with the same parser, for scale. */
  parseP50: number;
  parseP95: number;
  /** Rule → total ms over the corpus. */
  perRule: Record<string, number>;
}

interface Times {
  passes: { parse?: { total: number }; rules?: Record<string, { total: number }> }[];
}

/**
 * The editor case: one file at a time, the time rules add on top of parsing it,
 * from one `stats` pass of the widest config; each narrower config's figure
 * sums only its own rules' times in the same pass.
 */
export function ruleLatency(variant: Variant, subsets: { name: string; rules: Set<string> }[], texts: SourceText[], cwd: string): Latency[] {
  const linter = new Linter({ cwd });
  const config = prepared(variant.config, cwd);
  const ruleMs: number[][] = subsets.map(() => []);
  const parseMs: number[] = [];
  const perRule: Record<string, number> = {};
  const max = subsets.map(() => ({ ms: -1, file: '' }));
  for (const { filename, text } of texts) {
    try {
      const out = linter.verifyAndFix(text, config, { filename, stats: true, fix: false } as Linter.FixOptions);
      if (out.messages.some((m) => m.fatal)) continue;
    } catch {
      continue;
    }
    const times = (linter as unknown as { getTimes(): Times }).getTimes();
    const rules = subsets.map(() => 0);
    let parse = 0;
    for (const pass of times.passes) {
      parse += pass.parse?.total ?? 0;
      for (const [rule, t] of Object.entries(pass.rules ?? {})) {
        perRule[rule] = (perRule[rule] ?? 0) + t.total;
        subsets.forEach((s, i) => {
          if (s.rules.has(rule)) rules[i]! += t.total;
        });
      }
    }
    parseMs.push(parse);
    subsets.forEach((_, i) => {
      ruleMs[i]!.push(rules[i]!);
      if (rules[i]! > max[i]!.ms) max[i] = { ms: rules[i]!, file: filename };
    });
  }
  return subsets.map((s, i) => ({
    variant: s.name,
    files: ruleMs[i]!.length,
    p50: percentile(ruleMs[i]!, 50),
    p95: percentile(ruleMs[i]!, 95),
    p99: percentile(ruleMs[i]!, 99),
    max: max[i]!.ms,
    maxFile: max[i]!.file,
    parseP50: percentile(parseMs, 50),
    parseP95: percentile(parseMs, 95),
    perRule: Object.fromEntries(Object.entries(perRule).filter(([r]) => s.rules.has(r))),
  }));
}

/** A config timed with ESLint's `stats`, and the rules that count as its own. */
export interface StatsVariant {
  name: string;
  config: Linter.Config[];
  rules: ReadonlySet<string>;
}

export interface StatsResult {
  variant: string;
  /** Files that parsed (the others are left out of every figure). */
  files: number;
  /** Per timed pass: parse time and the variant's rule time, from ESLint's stats. */
  parseMs: number;
  ruleMs: number;
  /** Rule → ms per timed pass. */
  perRule: Record<string, number>;
  /** Per-file rule time (mean over the timed passes). */
  p50: number;
  p95: number;
  max: number;
  maxFile: string;
  messages: number;
  crashes: PassResult['crashes'];
}

/**
 * Side by side with ESLint's own `stats` (rule time and parse time per file):
 * one full warm-up pass of every variant first (JIT, and the project layer's
 * parses of other files, as in a long CLI run or the editor), then
 * `repetitions` timed passes, interleaved (the order rotates each time).
 */
export function statsRun(variants: StatsVariant[], texts: SourceText[], cwd: string, repetitions: number, log: (line: string) => void): StatsResult[] {
  const linter = new Linter({ cwd });
  const configs = variants.map((v) => prepared(v.config, cwd));
  const state = variants.map(() => ({ parse: 0, rules: 0, perRule: {} as Record<string, number>, perFile: new Map<string, number>(), messages: 0, crashes: [] as PassResult['crashes'] }));
  const pass = (i: number, timed: boolean): void => {
    const s = state[i]!;
    const own = variants[i]!.rules;
    if (timed) s.messages = 0;
    for (const { filename, text } of texts) {
      let messages: Linter.LintMessage[];
      try {
        messages = linter.verifyAndFix(text, configs[i]!, { filename, stats: true, fix: false } as Linter.FixOptions).messages;
      } catch (error) {
        if (timed && !s.crashes.some((c) => c.file === filename)) s.crashes.push({ file: filename, error: (error as Error).stack ?? String(error) });
        continue;
      }
      if (messages.some((m) => m.fatal)) continue;
      if (!timed) continue;
      s.messages += messages.length;
      const times = (linter as unknown as { getTimes(): Times }).getTimes();
      let rules = 0;
      for (const p of times.passes) {
        s.parse += p.parse?.total ?? 0;
        for (const [rule, t] of Object.entries(p.rules ?? {})) {
          if (!own.has(rule)) continue;
          s.perRule[rule] = (s.perRule[rule] ?? 0) + t.total;
          rules += t.total;
        }
      }
      s.rules += rules;
      s.perFile.set(filename, (s.perFile.get(filename) ?? 0) + rules);
    }
  };
  variants.forEach((v, i) => {
    const start = performance.now();
    pass(i, false);
    log(`  warm-up ${v.name}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  });
  for (let rep = 0; rep < repetitions; rep++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (k + rep) % variants.length;
      const start = performance.now();
      pass(i, true);
      log(`  rep ${rep + 1}/${repetitions} ${variants[i]!.name}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
  }
  return variants.map((v, i) => {
    const s = state[i]!;
    const perFile = [...s.perFile].map(([file, t]) => ({ file, t: t / repetitions }));
    const slowest = perFile.reduce((a, b) => (b.t > a.t ? b : a), { file: '', t: -1 });
    const times = perFile.map((x) => x.t);
    return {
      variant: v.name,
      files: perFile.length,
      parseMs: s.parse / repetitions,
      ruleMs: s.rules / repetitions,
      perRule: Object.fromEntries(Object.entries(s.perRule).map(([r, t]) => [r, t / repetitions])),
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: slowest.t,
      maxFile: slowest.file,
      messages: s.messages / repetitions,
      crashes: s.crashes,
    };
  });
}
