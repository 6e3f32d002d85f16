/**
 * The only file-system access of the analysis. Everything read here is
 * cached by path and checked against the file's size and modification time
 * on use, so an editor that keeps the process alive for hours sees an edit
 * in another file the next time it lints. Directory listings are cached for
 * a short time instead. Every failure (missing, unreadable, too large) is
 * `null`: unknown, never an exception.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BOUNDS } from './bounds.js';

interface Stamp {
  readonly size: number;
  readonly mtimeMs: number;
}

interface CachedListing {
  readonly at: number;
  /** The directory's modification time when it was listed: adding, removing or renaming an entry changes it. */
  readonly mtimeMs: number;
  readonly entries: readonly DirEntry[] | null;
}

export interface DirEntry {
  readonly name: string;
  readonly dir: boolean;
}

/** A cache keyed by path whose entries are re-validated against the file's stamp. */
export class StampedCache<V> {
  private readonly entries = new Map<string, { stamp: Stamp; value: V }>();

  constructor(private readonly limit: number) {}

  /** The value for `file` computed by `compute`, recomputed when the file's size or mtime changed; null when the file cannot be read. */
  get(file: string, compute: (stamp: Stamp) => V): V | null {
    const stamp = stampOf(file);
    if (!stamp) {
      this.entries.delete(file);
      return null;
    }
    const hit = this.entries.get(file);
    if (hit && hit.stamp.size === stamp.size && hit.stamp.mtimeMs === stamp.mtimeMs) {
      // Refresh recency (Map order is insertion order).
      this.entries.delete(file);
      this.entries.set(file, hit);
      return hit.value;
    }
    const value = compute(stamp);
    this.entries.delete(file);
    this.entries.set(file, { stamp, value });
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

const texts = new StampedCache<string | null>(BOUNDS.cachedFiles);
const listings = new Map<string, CachedListing>();

/**
 * Stamps already read while linting the current file: one lint asks about the
 * same neighbour many times, and a file cannot be both edited and linted
 * within one lint. A new lint (core/file.ts calls `startLint` with the linted
 * AST) starts afresh, and so does anything older than a second.
 */
let lintToken: object | null = null;
let lintStarted = 0;
let lintStamps = new Map<string, Stamp | null>();
const LINT_STAMPS_MS = 1000;

/** A new file is being linted: stamps read from now on are read again. */
export function startLint(token: object): void {
  lintToken = token;
  lintStarted = Date.now();
  lintStamps = new Map();
}

/**
 * A stat answer kept for the rest of the current lint (never past a second):
 * the file's stamp when `kind` is a regular file, the folder's mtime when a
 * directory (keyed with a trailing separator), null for anything else or
 * missing. A missing path is the common answer (findUp, resolution
 * candidates), so it costs no exception.
 */
function statInLint(target: string, kind: 'file' | 'dir'): Stamp | null {
  const key = kind === 'dir' ? `${target}${path.sep}` : target;
  const inLint = lintToken !== null && Date.now() - lintStarted < LINT_STAMPS_MS;
  if (inLint && lintStamps.has(key)) return lintStamps.get(key)!;
  let stamp: Stamp | null;
  try {
    const stat = statSync(target, { throwIfNoEntry: false });
    stamp = stat && (kind === 'dir' ? stat.isDirectory() : stat.isFile()) ? { size: kind === 'dir' ? 0 : stat.size, mtimeMs: stat.mtimeMs } : null;
  } catch {
    stamp = null;
  }
  if (inLint) lintStamps.set(key, stamp);
  return stamp;
}

/** Size and mtime of a regular file, or null. */
function stampOf(file: string): Stamp | null {
  return statInLint(file, 'file');
}

/** A directory's modification time, or null. */
function dirMtimeOf(dir: string): number | null {
  return statInLint(dir, 'dir')?.mtimeMs ?? null;
}

/** True when `file` is a regular file. */
export function isFile(file: string): boolean {
  return stampOf(file) !== null;
}

/** The text of a file no larger than the byte bound, or null (missing, unreadable, too large). */
export function readText(file: string): string | null {
  return texts.get(file, (stamp) => {
    if (stamp.size > BOUNDS.fileBytes) return null;
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  });
}

/**
 * A directory's entries; null when it cannot be listed. Trusted for a short
 * time, then re-validated by the directory's modification time (one stat per
 * lint instead of reading a large directory again).
 */
export function listDir(dir: string, now = Date.now()): readonly DirEntry[] | null {
  const hit = listings.get(dir);
  if (hit && now - hit.at < BOUNDS.listingTtlMs) return hit.entries;
  const mtimeMs = dirMtimeOf(dir);
  if (hit && mtimeMs !== null && hit.mtimeMs === mtimeMs && hit.entries !== null) {
    listings.set(dir, { ...hit, at: now });
    return hit.entries;
  }
  // Not a directory (or gone): nothing to read, and no exception to pay for.
  const entries = mtimeMs === null ? null : readEntries(dir);
  listings.set(dir, { at: now, mtimeMs: mtimeMs ?? -1, entries });
  if (listings.size > BOUNDS.cachedFiles) listings.delete(listings.keys().next().value!);
  return entries;
}

function readEntries(dir: string): DirEntry[] | null {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .slice(0, BOUNDS.dirEntries)
      .map((d) => ({ name: d.name, dir: d.isDirectory() }));
  } catch {
    return null;
  }
}

/** Parsed JSON of a file (comments and trailing commas allowed, as in tsconfig.json), or null. */
export function readJson(file: string): unknown {
  return jsonCache.get(file, () => {
    const text = readText(file);
    if (text === null) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      try {
        return JSON.parse(stripJsonComments(text)) as unknown;
      } catch {
        return null;
      }
    }
  });
}
const jsonCache = new StampedCache<unknown>(BOUNDS.cachedFiles);

/** Removes `//` and block comments outside strings, and trailing commas. */
function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) i++;
      i++;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/** The nearest directory at or above `dir` holding `name`, within the level bound, or null. */
export function findUp(dir: string, name: string): string | null {
  let current = dir;
  for (let level = 0; level < BOUNDS.levels; level++) {
    const candidate = path.join(current, name);
    if (isFile(candidate)) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
  return null;
}

