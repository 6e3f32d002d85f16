/**
 * Which files the CLI lints: every JS/TS source under the given paths,
 * minus what `.gitignore` (and `.git/info/exclude`) ignores, dependencies,
 * build output and minified bundles.
 */
import { accessSync, closeSync, constants, existsSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { isIgnoredBy, readGitignore, type IgnoreRule } from './gitignore.js';

export const EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx']);

/** Directories never linted: dependencies, VCS data, build and coverage output. */
export const SKIPPED_DIRS = new Set([
  'node_modules',
  'bower_components',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.vercel',
  '.turbo',
  'coverage',
  '.nyc_output',
]);

export class UsageError extends Error {}

export function hasLintableExtension(file: string): boolean {
  if (file.endsWith('.d.ts') || file.endsWith('.d.mts') || file.endsWith('.d.cts')) return false;
  return EXTENSIONS.has(path.extname(file));
}

/** `app.min.js`, `vendor-min.js`, `main.bundle.js`. */
function isMinifiedName(file: string): boolean {
  const base = path.basename(file);
  return /\.min\.[cm]?[jt]sx?$/.test(base) || /-min\.[cm]?js$/.test(base) || /\.bundle\.[cm]?js$/.test(base);
}

/** A generated bundle: long lines from the start (checked on the first 8 KB of files over 4 KB). */
export function looksMinified(text: string): boolean {
  if (text.length < 4096) return false;
  const head = text.slice(0, 8192);
  const lines = head.split('\n');
  const longest = Math.max(...lines.map((l) => l.length));
  return longest > 1000 && head.length / lines.length > 300;
}

function fileLooksMinified(file: string, size: number): boolean {
  if (size < 4096) return false;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false; // unreadable: reported by the caller
  }
  try {
    const buffer = Buffer.alloc(8192);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return looksMinified(buffer.subarray(0, n).toString('utf8').padEnd(4096));
  } finally {
    closeSync(fd);
  }
}

/** The directory holding `.git` above `dir`, or null. */
export function findGitRoot(dir: string): string | null {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

export interface Discovery {
  readonly files: string[];
  /** Explicitly named paths that were skipped, with the reason (and how the summary counts it, when not by the reason). */
  readonly skipped: { path: string; reason: string; tally?: string }[];
  /** Files found but not readable (reported like parse errors), with the error code. */
  readonly unreadable: { file: string; code: string }[];
  /** How many files found while walking were left out, by reason (`minified`, `.vue (vue-eslint-parser not installed)`). */
  readonly leftOut: Map<string, number>;
}

/** Another file type the CLI can lint when its parser is installed (Vue, Svelte, Astro). */
export interface ExtraType {
  readonly ext: string;
  readonly parser: string;
  readonly installed: boolean;
}

export interface DiscoverOptions {
  readonly cwd: string;
  /** Lint everything with a JS/TS extension: no `.gitignore`, no default skips. */
  readonly noIgnore?: boolean;
  /** Component file types: linted when `installed`, else counted as left out. */
  readonly extraTypes?: readonly ExtraType[];
}

/** The error code when the current user cannot read `file`, else null. */
function unreadableCode(file: string): string | null {
  try {
    accessSync(file, constants.R_OK);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EIO';
  }
}

/**
 * The ignore rules that apply at `dir`: `.git/info/exclude` and every
 * `.gitignore` from `top` (the repository root, or where the walk started
 * outside a repository) down to `dir`, in increasing precedence.
 */
function rulesAt(dir: string, top: Top, cache: Map<string, IgnoreRule[]>): IgnoreRule[] {
  const cached = cache.get(dir);
  if (cached) return cached;
  let rules: IgnoreRule[];
  if (dir === top.dir || !isInside(dir, top.dir)) {
    rules = top.git ? readGitignore(path.join(top.dir, '.git', 'info'), 'exclude').map((r) => ({ ...r, base: top.dir })) : [];
    rules = [...rules, ...readGitignore(dir)];
  } else {
    rules = [...rulesAt(path.dirname(dir), top, cache), ...readGitignore(dir)];
  }
  cache.set(dir, rules);
  return rules;
}

interface Top {
  readonly dir: string;
  readonly git: boolean;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Why `abs` (explicitly named) is skipped, checking each directory from `top` down. */
function skipReason(abs: string, isDir: boolean, top: Top, cache: Map<string, IgnoreRule[]>): string | null {
  if (!isInside(abs, top.dir)) return null;
  const parts = path.relative(top.dir, abs).split(path.sep);
  let dir = top.dir;
  for (let i = 0; i < parts.length; i++) {
    const entry = path.join(dir, parts[i]!);
    const entryIsDir = i < parts.length - 1 || isDir;
    if (entryIsDir && SKIPPED_DIRS.has(parts[i]!)) return `in ${parts[i]}/`;
    if (isIgnoredBy(rulesAt(dir, top, cache), entry, entryIsDir)) return 'ignored by .gitignore';
    dir = entry;
  }
  return null;
}

/** Expand `paths` (relative to `cwd`) to the files to lint. Throws UsageError for a path that does not exist. */
export function discoverFiles(paths: readonly string[], options: DiscoverOptions): Discovery {
  const files = new Set<string>();
  const skipped: { path: string; reason: string; tally?: string }[] = [];
  const unreadable: { file: string; code: string }[] = [];
  const leftOut = new Map<string, number>();
  const cache = new Map<string, IgnoreRule[]>();
  const noIgnore = options.noIgnore === true;
  const extras = new Map((options.extraTypes ?? []).map((t) => [t.ext, t]));
  const leaveOut = (reason: string): void => {
    leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
  };
  /** Why a file of an extra type is not linted, or null when it is. */
  const extraReason = (file: string): string | null => {
    const type = extras.get(path.extname(file));
    return type && !type.installed ? `${type.ext} (${type.parser} not installed)` : null;
  };
  const isCandidate = (file: string): boolean => hasLintableExtension(file) || extras.has(path.extname(file));
  const add = (abs: string): void => {
    const code = unreadableCode(abs);
    if (code) unreadable.push({ file: abs, code });
    else files.add(abs);
  };

  function walk(dir: string, top: Top): void {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      leaveOut('unreadable folder'); // below an explicit path: counted in the summary, the rest goes on
      return;
    }
    const rules = noIgnore ? [] : rulesAt(dir, top, cache);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === '.git' || (!noIgnore && (SKIPPED_DIRS.has(entry.name) || isIgnoredBy(rules, abs, true)))) continue;
        walk(abs, top);
      } else if (entry.isFile() && isCandidate(entry.name)) {
        if (!noIgnore && isIgnoredBy(rules, abs, false)) continue;
        const extra = extraReason(abs);
        if (extra) {
          leaveOut(extra);
          continue;
        }
        if (!noIgnore && (isMinifiedName(abs) || fileLooksMinified(abs, statSync(abs).size))) {
          leaveOut('minified');
          continue;
        }
        add(abs);
      }
      // Symbolic links are not followed (no cycles, no files outside the tree).
    }
  }

  for (const p of paths) {
    const abs = path.resolve(options.cwd, p);
    let stat;
    try {
      stat = lstatSync(abs).isSymbolicLink() ? statSync(abs) : lstatSync(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR' ? `no such file or directory: ${p}` : `cannot read ${p} (${code ?? 'error'})`);
    }
    const gitRoot = findGitRoot(stat.isDirectory() ? abs : path.dirname(abs));
    const cwd = path.resolve(options.cwd);
    const top: Top = gitRoot !== null ? { dir: gitRoot, git: true } : { dir: isInside(abs, cwd) ? cwd : stat.isDirectory() ? abs : path.dirname(abs), git: false };
    if (stat.isDirectory()) {
      try {
        readdirSync(abs);
      } catch (error) {
        throw new UsageError(`cannot read ${p} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      const reason = noIgnore || abs === cwd ? null : skipReason(abs, true, top, cache);
      if (reason) {
        skipped.push({ path: p, reason });
        continue;
      }
      walk(abs, top);
    } else {
      if (!isCandidate(abs)) {
        skipped.push({ path: p, reason: 'not a JavaScript or TypeScript file' });
        continue;
      }
      const extra = extraReason(abs);
      if (extra) {
        skipped.push({ path: p, reason: `${extras.get(path.extname(abs))!.parser} not installed`, tally: extra });
        continue;
      }
      const reason = noIgnore ? null : isMinifiedName(abs) || fileLooksMinified(abs, stat.size) ? 'minified' : skipReason(abs, false, top, cache);
      if (reason) {
        skipped.push({ path: p, reason });
        continue;
      }
      add(abs);
    }
  }
  return { files: [...files], skipped, unreadable, leftOut };
}
