/**
 * `broken-auth [options] [paths…]`: lint JS/TS files for broken-authentication
 * flaws with the plugin's own config (no ESLint set-up needed), print them in
 * a human or CI format, and exit like ESLint: 0 clean, 1 findings, 2 usage or
 * internal error. See `USAGE` in cli/args.ts for the options.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ESLint } from 'eslint';
import { PACKAGE } from './package-info.js';
import { parseArgs, USAGE, type CliOptions } from './cli/args.js';
import type { Engine } from './cli/engine.js';
import { discoverFiles, hasLintableExtension, looksMinified, SKIPPED_DIRS, UsageError } from './cli/files.js';
import type { FileReport } from './cli/findings.js';
import { gitRootOf, stagedFiles, stagedText } from './cli/git.js';
import { Progress } from './cli/progress.js';

/** ESLint, the rules and the formatters load only once the arguments are known to be good (`--help` and usage errors stay instant). */
async function loadLinting() {
  const [engine, findings, baseline, ci, sarif, stylish] = await Promise.all([
    import('./cli/engine.js'),
    import('./cli/findings.js'),
    import('./cli/baseline.js'),
    import('./cli/format-ci.js'),
    import('./cli/format-sarif.js'),
    import('./cli/format-stylish.js'),
  ]);
  return { ...engine, ...findings, ...baseline, ...ci, ...sarif, ...stylish };
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

/** What to lint: files on disk, or staged blobs by path. */
interface Targets {
  readonly files: string[];
  readonly staged: Map<string, string> | null;
  /** The directory ESLint runs in (config base path, `files` globs). */
  readonly eslintCwd: string;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The closest directory that holds `cwd` and every file (ESLint ignores files outside its cwd). */
function commonDir(cwd: string, files: readonly string[]): string {
  let dir = cwd;
  for (const f of files) while (!isInside(f, dir)) dir = path.dirname(dir);
  return dir;
}

function stagedTargets(o: CliOptions, cwd: string): Targets {
  const root = gitRootOf(cwd);
  const scopes = o.paths.map((p) => path.resolve(cwd, p));
  const staged = new Map<string, string>();
  for (const file of stagedFiles(root)) {
    if (!hasLintableExtension(file) || !scopes.some((s) => isInside(file, s))) continue;
    const rel = path.relative(root, file).split(path.sep);
    if (!o.noIgnore && (rel.slice(0, -1).some((d) => SKIPPED_DIRS.has(d)) || /[.-]min\.[cm]?js$|\.bundle\.[cm]?js$/.test(file))) continue;
    const text = stagedText(root, file);
    if (!o.noIgnore && looksMinified(text)) continue;
    staged.set(file, text);
  }
  return { files: [...staged.keys()], staged, eslintCwd: root };
}

function diskTargets(o: CliOptions, cwd: string, io: CliIo): Targets {
  const { files, skipped } = discoverFiles(o.paths, { cwd, noIgnore: o.noIgnore });
  for (const s of skipped) io.stderr.write(`broken-auth: skipped ${s.path} (${s.reason})\n`);
  return { files, staged: null, eslintCwd: o.useEslintConfig ? cwd : commonDir(cwd, files) };
}

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

async function lint(engine: Engine, targets: Targets, progress: Progress): Promise<ESLint.LintResult[]> {
  const { eslint } = engine;
  if (targets.staged) {
    const results: ESLint.LintResult[] = [];
    for (const [file, text] of targets.staged) {
      results.push(...(await eslint.lintText(text, { filePath: file, warnIgnored: false })));
      progress.advance(1);
    }
    return results;
  }
  if (engine.parallel) return eslint.lintFiles(targets.files);
  // On one thread, lint in batches so the progress line can count files.
  const results: ESLint.LintResult[] = [];
  const batch = 20;
  for (let i = 0; i < targets.files.length; i += batch) {
    const chunk = targets.files.slice(i, i + batch);
    results.push(...(await eslint.lintFiles(chunk)));
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

function useColour(o: CliOptions, io: CliIo): boolean {
  if (o.color !== undefined) return o.color;
  if (o.outputFile) return false;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR) return io.env.FORCE_COLOR !== '0';
  return io.stdout.isTTY === true;
}

function render(o: CliOptions, reports: readonly FileReport[], cwd: string, io: CliIo, L: Linting): string {
  switch (o.format) {
    case 'json':
      return formatJson(reports, L);
    case 'sarif':
      return L.formatSarif(reports, cwd);
    case 'github':
      return L.formatGithub(reports, cwd);
    case 'gitlab':
      return L.formatGitlab(reports, cwd);
    case 'stylish':
      return L.formatStylish(reports, cwd, useColour(o, io));
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'unknown error';
}

export async function main(argv: readonly string[], cwd: string = process.cwd(), io: CliIo = PROCESS_IO): Promise<number> {
  const debug = argv.includes('--debug');
  let restoreWarnings = (): void => {};
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
    const targets = o.staged ? stagedTargets(o, root) : diskTargets(o, root, io);
    const L = await loadLinting();
    let reports: FileReport[] = [];
    if (targets.files.length > 0) {
      restoreWarnings = quietConcurrencyWarnings(debug);
      const interactive = io.stderr.isTTY === true && !io.env.CI;
      const progress = new Progress(io.stderr, targets.files.length, interactive);
      const engine = await L.createEngine(
        { cwd: targets.eslintCwd, level: o.level, project: o.useEslintConfig },
        o.staged ? 'off' : o.concurrency,
        targets.files,
      );
      progress.start();
      try {
        reports = L.toReports(await lint(engine, targets, progress), targets.staged ?? undefined);
      } finally {
        progress.stop();
      }
    }
    if (o.writeBaseline) {
      const file = path.resolve(root, o.writeBaseline);
      const n = L.writeBaseline(file, reports);
      io.stderr.write(`broken-auth: wrote ${n} finding${n === 1 ? '' : 's'} to the baseline ${o.writeBaseline}\n`);
      return 0;
    }
    if (o.baseline) reports = L.applyBaseline(path.resolve(root, o.baseline), reports).reports;
    const text = render(o, reports, root, io, L);
    if (o.outputFile) {
      const out = path.resolve(root, o.outputFile);
      try {
        mkdirSync(path.dirname(out), { recursive: true });
        writeFileSync(out, text);
      } catch (error) {
        throw new UsageError(`cannot write ${o.outputFile} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    } else if (text) {
      io.stdout.write(text);
    }
    const { errors, warnings } = L.totals(reports);
    return errors > 0 || (o.maxWarnings >= 0 && warnings > o.maxWarnings) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`broken-auth: ${error.message} (see broken-auth --help)\n`);
    } else {
      io.stderr.write(`broken-auth: ${firstLine(error)}${debug ? '' : ' (run with --debug for details)'}\n`);
      if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    }
    return 2;
  } finally {
    restoreWarnings();
  }
}
