/**
 * `broken-auth [options] [paths…]`: lint JS/TS files (and Vue/Svelte/Astro
 * components) for broken-authentication flaws with the plugin's own config
 * (no ESLint set-up needed) under ESLint or oxlint, write one or more reports
 * in a human or CI format, say in one line on stderr what was linted and
 * skipped, and exit like ESLint: 0 clean, 1 findings, 2 usage or internal
 * error or nothing to lint. See `USAGE` in cli/args.ts for the options.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ESLint } from 'eslint';
import { PACKAGE } from './package-info.js';
import { parseArgs, USAGE, type CliOptions, type Format, type Output } from './cli/args.js';
import type { Engine } from './cli/engine.js';
import { UsageError } from './cli/files.js';
import type { FileReport } from './cli/findings.js';
import { componentTypes } from './cli/components.js';
import { count, diskTargets, leaveOutTypeScript, stagedTargets, type ReadError, type Targets } from './cli/targets.js';
import { Progress } from './cli/progress.js';

/** ESLint, the rules and the formatters load only once the arguments are known to be good (`--help` and usage errors stay instant). */
async function loadLinting() {
  const [engine, oxlint, findings, baseline, ci, sarif, stylish] = await Promise.all([
    import('./cli/engine.js'),
    import('./cli/oxlint-engine.js'),
    import('./cli/findings.js'),
    import('./cli/baseline.js'),
    import('./cli/format-ci.js'),
    import('./cli/format-sarif.js'),
    import('./cli/format-stylish.js'),
  ]);
  return { ...engine, ...oxlint, ...findings, ...baseline, ...ci, ...sarif, ...stylish };
}
type Linting = Awaited<ReturnType<typeof loadLinting>>;
export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const PROCESS_IO: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };

/** ESLint warns on stderr when worker threads were not worth it; keep CI logs clean unless debugging. */
function quietConcurrencyWarnings(debug: boolean): () => void {
  const original = process.emitWarning;
  if (debug) return () => {};
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (type === 'ESLintPoorConcurrencyWarning') return;
    return (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  return () => {
    process.emitWarning = original;
  };
}

async function lint(engine: Engine, targets: Targets, progress: Progress, unreadable: ReadError[], L: Linting): Promise<ESLint.LintResult[]> {
  const { eslint } = engine;
  if (targets.staged) {
    const results: ESLint.LintResult[] = [];
    for (const [file, text] of targets.staged) {
      results.push(...(await eslint.lintText(text, { filePath: file, warnIgnored: false })));
      progress.advance(1);
    }
    return results;
  }
  if (engine.parallel) return L.lintFilesOrEach(eslint, targets.files, unreadable);
  // On one thread, lint in batches so the progress line can count files.
  const results: ESLint.LintResult[] = [];
  const batch = 20;
  for (let i = 0; i < targets.files.length; i += batch) {
    const chunk = targets.files.slice(i, i + batch);
    results.push(...(await L.lintFilesOrEach(eslint, chunk, unreadable)));
    progress.advance(chunk.length);
  }
  return results;
}

function formatJson(reports: readonly FileReport[], L: Linting): string {
  const results = reports.map((r) => {
    const { errors, warnings } = L.totals([r]);
    return {
      filePath: r.file,
      messages: r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        ...(f.ruleId === null ? { fatal: true } : {}),
        message: f.message,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        suggestions: f.suggestions.map((s) => ({ desc: s.desc, fix: { range: s.range, text: s.text } })),
        fingerprint: f.fingerprint,
      })),
      errorCount: errors,
      warningCount: warnings,
      fatalErrorCount: r.findings.filter((f) => f.ruleId === null).length,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
  });
  return `${JSON.stringify(results, null, 2)}\n`;
}

function useColour(o: CliOptions, io: CliIo, toFile = o.outputFile !== undefined): boolean {
  if (o.color !== undefined) return o.color;
  if (toFile) return false;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR) return io.env.FORCE_COLOR !== '0';
  return io.stdout.isTTY === true;
}

function render(o: CliOptions, format: Format, reports: readonly FileReport[], cwd: string, io: CliIo, L: Linting): string {
  switch (format) {
    case 'json':
      return formatJson(reports, L);
    case 'sarif':
      return L.formatSarif(reports, cwd);
    case 'github':
      return L.formatGithub(reports, cwd);
    case 'gitlab':
      return L.formatGitlab(reports, cwd);
    case 'stylish':
      return L.formatStylish(reports, cwd, useColour(o, io, o.outputs.some((out) => out.format === 'stylish' && out.file !== undefined)));
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `broken-auth: linted 12 files, skipped 3: 2 minified, 1 .vue (vue-eslint-parser not installed)` */
export function summaryLine(linted: number, leftOut: ReadonlyMap<string, number>, nothingIn?: readonly string[]): string {
  const skipped = [...leftOut.values()].reduce((a, b) => a + b, 0);
  const reasons = [...leftOut].map(([reason, n]) => `${n} ${reason}`).join(', ');
  const tail = nothingIn ? `; no file to lint in ${nothingIn.join(' ')}` : '';
  return `broken-auth: linted ${plural(linted, 'file')}${skipped > 0 ? `, skipped ${skipped}: ${reasons}` : ''}${tail}\n`;
}

function writeOutputs(o: CliOptions, outputs: readonly Output[], reports: readonly FileReport[], root: string, io: CliIo, L: Linting): void {
  for (const out of outputs) {
    const text = render(o, out.format, reports, root, io, L);
    if (out.file === undefined) {
      if (text) io.stdout.write(text);
      continue;
    }
    const file = path.resolve(root, out.file);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    } catch (error) {
      throw new UsageError(`cannot write ${out.file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'unknown error';
}

function reportInternal(error: unknown, debug: boolean, io: CliIo): void {
  io.stderr.write(`broken-auth: ${firstLine(error)}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
}

/**
 * An error thrown outside the awaited chain (a worker thread, a stray
 * callback) would end the process with Node's default: exit code 1 — the
 * "findings" code — and a stack trace. In the real process, turn it into
 * the same one line and exit code 2 as every other internal error.
 */
function guardProcess(debug: boolean, io: CliIo): () => void {
  const onError = (error: unknown): void => {
    reportInternal(error, debug, io);
    process.exit(2);
  };
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return () => {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  };
}

/**
 * Lint the targets with the chosen engine. Files unreadable at discovery or
 * at lint time become reports like parse errors; files the project's ESLint
 * config ignores are counted as left out.
 */
async function lintTargets(o: CliOptions, targets: Targets, io: CliIo, L: Linting): Promise<{ reports: FileReport[]; linted: number; unreadable: ReadError[] }> {
  let reports: FileReport[] = [];
  const unreadable = [...targets.unreadable];
  let linted = 0;
  if (targets.files.length > 0) {
    const interactive = io.stderr.isTTY === true && !io.env.CI;
    const progress = new Progress(io.stderr, targets.files.length, interactive);
    progress.start();
    try {
      const results =
        o.engine === 'oxlint'
          ? await L.lintWithOxlint({ cwd: targets.eslintCwd, level: o.level, concurrency: o.concurrency, files: targets.files, staged: targets.staged ?? undefined, onBatch: (n) => progress.advance(n) })
          : await lint(await L.createEngine({ cwd: targets.eslintCwd, level: o.level, project: o.useEslintConfig }, o.staged ? 'off' : o.concurrency, targets.files), targets, progress, unreadable, L);
      linted = results.length;
      reports = L.toReports(results, targets.staged ?? undefined);
    } finally {
      progress.stop();
    }
    // With --use-eslint-config, the project's own `ignores` may leave files out.
    count(targets.leftOut, 'ignored by the ESLint config', targets.files.length - linted - (unreadable.length - targets.unreadable.length));
  }
  count(targets.leftOut, 'unreadable', unreadable.length);
  if (unreadable.length > 0) {
    reports.push(...unreadable.map((u) => L.unreadableReport(u.file, u.code)));
    reports.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }
  return { reports, linted, unreadable };
}

export async function main(argv: readonly string[], cwd: string = process.cwd(), io: CliIo = PROCESS_IO): Promise<number> {
  const debug = argv.includes('--debug');
  let restoreWarnings = (): void => {};
  const unguard = io === PROCESS_IO ? guardProcess(debug, io) : () => {};
  try {
    const o = parseArgs(argv);
    if (o.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (o.version) {
      io.stdout.write(`${PACKAGE.version}\n`);
      return 0;
    }
    const root = path.resolve(cwd);
    const oxlint = o.engine === 'oxlint';
    if (oxlint && o.useEslintConfig) throw new UsageError('--use-eslint-config needs the ESLint engine (oxlint reads .oxlintrc.json)');
    // oxlint parses TypeScript and component files itself.
    const extras = oxlint ? componentTypes().map((t) => ({ ...t, installed: true })) : componentTypes();
    const say = (line: string): void => void io.stderr.write(`broken-auth: ${line}\n`);
    const targets = o.staged ? stagedTargets(o, root, extras) : diskTargets(o, root, extras, say);
    if (!oxlint && !o.useEslintConfig) leaveOutTypeScript(targets, say);
    const L = await loadLinting();
    const baseline = o.baseline ? L.readBaseline(path.resolve(root, o.baseline)) : null;
    restoreWarnings = quietConcurrencyWarnings(debug);
    const run = await lintTargets(o, targets, io, L);
    const nothing = run.linted === 0 && run.unreadable.length === 0 && !o.staged;
    io.stderr.write(summaryLine(run.linted, targets.leftOut, nothing ? o.paths : undefined));
    if (nothing) return 2;
    if (o.writeBaseline) {
      const file = path.resolve(root, o.writeBaseline);
      const n = L.writeBaseline(file, run.reports);
      io.stderr.write(`broken-auth: wrote ${n} finding${n === 1 ? '' : 's'} to the baseline ${o.writeBaseline}\n`);
      return 0;
    }
    const reports = baseline ? L.applyBaseline(baseline, run.reports).reports : run.reports;
    writeOutputs(o, o.outputs, reports, root, io, L);
    const { errors, warnings } = L.totals(reports);
    return errors > 0 || (o.maxWarnings >= 0 && warnings > o.maxWarnings) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`broken-auth: ${error.message} (see broken-auth --help)\n`);
    } else {
      reportInternal(error, debug, io);
    }
    return 2;
  } finally {
    restoreWarnings();
    unguard();
  }
}
