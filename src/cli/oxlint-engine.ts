/**
 * `broken-auth --engine oxlint`: the same rules, run by oxlint as a JS plugin
 * (see ../oxlint.ts for the generated `.oxlintrc.json`). oxlint parses
 * TypeScript of any version and the script blocks of Vue, Svelte and Astro
 * files itself, so neither `typescript` nor a component parser is needed.
 * Its JSON report becomes ESLint-shaped results, so every format, baseline
 * and exit code works as with ESLint.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ESLint, Linter } from 'eslint';
import { oxlintConfig } from '../oxlint.js';
import type { Concurrency, Level } from './engine.js';
import { UsageError } from './files.js';

interface OxlintDiagnostic {
  readonly message: string;
  /** `broken-auth(rule-name)`; absent for a file that does not parse. */
  readonly code?: string;
  readonly severity: string;
  readonly filename: string;
  readonly labels?: readonly { readonly span: { readonly offset: number; readonly length: number; readonly line: number; readonly column: number } }[];
}

/** The oxlint launcher: the project's install first, then one next to this package. */
export function findOxlint(cwd: string): string | null {
  for (const from of [path.join(cwd, 'package.json'), fileURLToPath(import.meta.url)]) {
    try {
      const manifest = createRequire(from).resolve('oxlint/package.json');
      const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> };
      const rel = typeof bin === 'string' ? bin : bin?.oxlint;
      if (rel) return path.join(path.dirname(manifest), rel);
    } catch {
      // not installed there
    }
  }
  return null;
}

function run(bin: string, args: readonly string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** 1-based line and column (UTF-16, as ESLint counts) of the UTF-8 byte `offset` in `bytes`. */
function positionAt(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, Math.max(0, Math.min(offset, bytes.length))).toString('utf8');
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

function toMessage(d: OxlintDiagnostic, bytes: Buffer | null): Linter.LintMessage {
  const span = d.labels?.[0]?.span;
  const start = span ? { line: span.line, column: span.column } : { line: 1, column: 1 };
  const end = span && bytes ? positionAt(bytes, span.offset + span.length) : start;
  const severity = d.severity === 'warning' ? 1 : 2;
  const rule = d.code ? /^([^()]+)\((.+)\)$/.exec(d.code) : null;
  if (!d.code) return { ruleId: null, fatal: true, severity: 2, message: `Parsing error: ${d.message}`, ...start, endLine: end.line, endColumn: end.column };
  return { ruleId: rule ? `${rule[1]}/${rule[2]}` : d.code, severity, message: d.message, ...start, endLine: end.line, endColumn: end.column };
}

export interface OxlintParams {
  readonly cwd: string;
  readonly level: Level;
  readonly concurrency: Concurrency;
  readonly files: readonly string[];
  /** Staged blobs by path: linted from a temporary copy, reported at their real paths. */
  readonly staged?: ReadonlyMap<string, string>;
  readonly onBatch?: (n: number) => void;
}

const BATCH = 400;

export async function lintWithOxlint(p: OxlintParams): Promise<ESLint.LintResult[]> {
  const bin = findOxlint(p.cwd);
  if (!bin) throw new UsageError('--engine oxlint needs oxlint installed in the project (npm i -D oxlint)');
  const work = mkdtempSync(path.join(os.tmpdir(), 'broken-auth-oxlint-'));
  try {
    const plugin = fileURLToPath(new URL('../index.js', import.meta.url));
    const config = path.join(work, '.oxlintrc.json');
    writeFileSync(config, JSON.stringify(oxlintConfig(p.level, plugin)));
    // Staged content is linted from a copy with the same relative paths.
    const root = p.staged ? path.join(work, 'staged') : p.cwd;
    for (const [file, text] of p.staged ?? []) {
      const copy = path.join(root, path.relative(p.cwd, file));
      mkdirSync(path.dirname(copy), { recursive: true });
      writeFileSync(copy, text);
    }
    const threads = p.concurrency === 'off' ? ['--threads=1'] : typeof p.concurrency === 'number' ? [`--threads=${p.concurrency}`] : [];
    const byFile = new Map<string, OxlintDiagnostic[]>();
    for (let i = 0; i < p.files.length; i += BATCH) {
      const batch = p.files.slice(i, i + BATCH).map((f) => path.relative(p.cwd, f));
      const args = ['-c', config, '--format', 'json', '--no-ignore', '--disable-nested-config', ...threads, '--', ...batch];
      const r = await run(bin, args, root);
      let report: { diagnostics?: OxlintDiagnostic[] };
      try {
        report = JSON.parse(r.stdout) as { diagnostics?: OxlintDiagnostic[] };
      } catch {
        const why = `${r.stderr}\n${r.stdout}`.split('\n').find((l) => l.trim() !== '')?.trim() ?? `exit code ${r.code}`;
        throw new Error(`oxlint failed: ${why}`);
      }
      for (const d of report.diagnostics ?? []) {
        const file = path.resolve(p.cwd, d.filename);
        byFile.set(file, [...(byFile.get(file) ?? []), d]);
      }
      p.onBatch?.(batch.length);
    }
    return p.files.map((file): ESLint.LintResult => {
      const diagnostics = byFile.get(file) ?? [];
      let bytes: Buffer | null = null;
      if (diagnostics.length > 0) {
        const staged = p.staged?.get(file);
        try {
          bytes = staged !== undefined ? Buffer.from(staged, 'utf8') : readFileSync(file);
        } catch {
          bytes = null;
        }
      }
      const messages = diagnostics.map((d) => toMessage(d, bytes)).sort((a, b) => a.line - b.line || a.column - b.column);
      const errors = messages.filter((m) => m.severity === 2).length;
      return {
        filePath: file,
        messages,
        suppressedMessages: [],
        errorCount: errors,
        fatalErrorCount: messages.filter((m) => m.fatal).length,
        warningCount: messages.length - errors,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
        ...(p.staged?.has(file) ? { source: p.staged.get(file) } : {}),
      };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
