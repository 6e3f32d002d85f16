/**
 * What one run lints: the files found on disk under the given paths, or the
 * staged blobs of staged files (`--staged`), with what was left out counted
 * by reason for the summary line.
 */
import path from 'node:path';
import type { CliOptions } from './args.js';
import { discoverFiles, hasLintableExtension, looksMinified, SKIPPED_DIRS, type ExtraType } from './files.js';
import { gitRootOf, stagedFiles, stagedText } from './git.js';
import { TS_EXTENSIONS, typescriptSupport } from '../parsers.js';

export type ReadError = { file: string; code: string };

/** What to lint: files on disk, or staged blobs by path. */
export interface Targets {
  readonly files: string[];
  readonly staged: Map<string, string> | null;
  /** The directory ESLint runs in (config base path, `files` globs). */
  readonly eslintCwd: string;
  /** Files found but not readable: reported like parse errors. */
  readonly unreadable: ReadError[];
  /** Files left out, counted by reason (for the summary line). */
  readonly leftOut: Map<string, number>;
}

export function count(tally: Map<string, number>, reason: string, n = 1): void {
  if (n > 0) tally.set(reason, (tally.get(reason) ?? 0) + n);
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

export function stagedTargets(o: CliOptions, cwd: string, extras: readonly ExtraType[]): Targets {
  const root = gitRootOf(cwd);
  const scopes = o.paths.map((p) => path.resolve(cwd, p));
  const staged = new Map<string, string>();
  const leftOut = new Map<string, number>();
  for (const file of stagedFiles(root)) {
    if (!scopes.some((s) => isInside(file, s))) continue;
    const extra = extras.find((t) => file.endsWith(t.ext));
    if (!hasLintableExtension(file) && !extra) continue;
    const rel = path.relative(root, file).split(path.sep);
    if (!o.noIgnore && rel.slice(0, -1).some((d) => SKIPPED_DIRS.has(d))) continue;
    if (!o.noIgnore && /[.-]min\.[cm]?js$|\.bundle\.[cm]?js$/.test(file)) {
      count(leftOut, 'minified');
      continue;
    }
    if (extra && !extra.installed) {
      count(leftOut, `${extra.ext} (${extra.parser} not installed)`);
      continue;
    }
    const text = stagedText(root, file);
    if (!o.noIgnore && looksMinified(text)) {
      count(leftOut, 'minified');
      continue;
    }
    staged.set(file, text);
  }
  return { files: [...staged.keys()], staged, eslintCwd: root, unreadable: [], leftOut };
}

export function diskTargets(o: CliOptions, cwd: string, extras: readonly ExtraType[], say: (line: string) => void): Targets {
  const { files, skipped, unreadable, leftOut } = discoverFiles(o.paths, { cwd, noIgnore: o.noIgnore, extraTypes: extras });
  for (const s of skipped) {
    say(`skipped ${s.path} (${s.reason})`);
    count(leftOut, s.tally ?? s.reason);
  }
  const all = [...files, ...unreadable.map((u) => u.file)];
  return { files, staged: null, eslintCwd: o.useEslintConfig ? cwd : commonDir(cwd, all), unreadable, leftOut };
}

/**
 * Without a TypeScript that @typescript-eslint/parser supports (TypeScript 7,
 * or a JavaScript-only project), TypeScript files cannot be parsed: say so
 * once, with the way out, lint the JavaScript, and count the rest as skipped.
 */
export function leaveOutTypeScript(targets: Targets, say: (line: string) => void): void {
  const isTs = (file: string): boolean => (TS_EXTENSIONS as readonly string[]).includes(path.extname(file).slice(1));
  const ts = targets.files.filter(isTs);
  if (ts.length === 0) return;
  const support = typescriptSupport();
  if (support.ok) return;
  say(support.reason);
  const keep = targets.files.filter((f) => !isTs(f));
  targets.files.splice(0, targets.files.length, ...keep);
  for (const file of ts) targets.staged?.delete(file);
  count(targets.leftOut, 'TypeScript (no supported typescript)', ts.length);
}
