/**
 * Baselines for adopting the plugin on an existing codebase: record today's
 * findings (rule, file, line-shift-proof fingerprint), then report only the
 * ones that are not in the record.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath, PARSE_ERROR, type FileReport, type Finding } from './findings.js';
import { UsageError } from './files.js';

interface BaselineEntry {
  readonly rule: string;
  /** Relative to the baseline file's directory, `/`-separated. */
  readonly file: string;
  readonly fingerprint: string;
  /** Where it was when recorded (for people reading the file; not used to match). */
  readonly line: number;
}

interface BaselineFile {
  readonly tool: 'broken-auth';
  readonly version: 1;
  readonly findings: BaselineEntry[];
}

function keyOf(baselineDir: string, f: Finding): string {
  return `${f.ruleId ?? PARSE_ERROR}\0${displayPath(f.file, baselineDir)}\0${f.fingerprint}`;
}

export function writeBaseline(file: string, reports: readonly FileReport[]): number {
  const dir = path.dirname(file);
  const findings: BaselineEntry[] = reports
    .flatMap((r) => r.findings)
    .map((f) => ({ rule: f.ruleId ?? PARSE_ERROR, file: displayPath(f.file, dir), fingerprint: f.fingerprint, line: f.line }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const content: BaselineFile = { tool: 'broken-auth', version: 1, findings };
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(`cannot write baseline ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return findings.length;
}

/** A baseline file, read and checked (before linting, so a bad path fails fast). */
export interface Baseline {
  readonly file: string;
  readonly entries: readonly BaselineEntry[];
}

export function readBaseline(file: string): Baseline {
  let parsed: BaselineFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as BaselineFile;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code ? `cannot read baseline ${file} (${code})` : `baseline ${file} is not valid JSON`);
  }
  if (parsed?.tool !== 'broken-auth' || !Array.isArray(parsed.findings)) throw new UsageError(`${file} is not a broken-auth baseline (write one with --write-baseline)`);
  return { file, entries: parsed.findings };
}

/** Drop the findings recorded in the baseline (each entry absorbs one finding). Returns the kept reports and how many were known. */
export function applyBaseline(baseline: Baseline, reports: readonly FileReport[]): { reports: FileReport[]; known: number } {
  const dir = path.dirname(baseline.file);
  const budget = new Map<string, number>();
  for (const e of baseline.entries) {
    const key = `${e.rule}\0${e.file}\0${e.fingerprint}`;
    budget.set(key, (budget.get(key) ?? 0) + 1);
  }
  let known = 0;
  const kept = reports.map((r) => ({
    file: r.file,
    findings: r.findings.filter((f) => {
      const key = keyOf(dir, f);
      const left = budget.get(key) ?? 0;
      if (left === 0) return true;
      budget.set(key, left - 1);
      known++;
      return false;
    }),
  }));
  return { reports: kept, known };
}
