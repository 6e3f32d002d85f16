/**
 * The project around a linted file: its root (the nearest folder with a
 * package.json) and its source files, listed once and trusted for a short
 * time, bounded in count and depth, respecting the root's `.gitignore`.
 * Facts are never read from these files' text: `filesMentioning` only picks
 * which files are worth parsing, and the parse decides.
 */
import path from 'node:path';
import { isIgnoredBy, parseGitignore, type IgnoreRule } from '../cli/gitignore.js';
import { BOUNDS } from './bounds.js';
import { findUp, listDir, readText } from './fs.js';
import { isSourceFile } from './resolve.js';

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', 'out', 'vendor', 'bower_components', 'tmp']);

interface Listing {
  readonly at: number;
  readonly files: readonly string[];
}

const listings = new Map<string, Listing>();

/**
 * The project root of a file: the nearest folder holding a package.json, or
 * the folder above the nearest `src/` when that is deeper (an app without
 * its own manifest inside a larger tree); null for names that are not real
 * paths or with neither.
 */
export function projectRoot(filename: string): string | null {
  if (!path.isAbsolute(filename)) return null;
  const manifest = findUp(path.dirname(filename), 'package.json');
  const parts = path.dirname(filename).split(path.sep);
  const src = parts.lastIndexOf('src');
  const app = src > 0 ? parts.slice(0, src).join(path.sep) || path.sep : null;
  if (app && (!manifest || (app.length > manifest.length && app.startsWith(manifest)))) return app;
  return manifest;
}

function ignoreRules(root: string): IgnoreRule[] {
  const text = readText(path.join(root, '.gitignore'));
  return text === null ? [] : parseGitignore(text, root);
}

/** The project's source files (bounded); an empty list when the root cannot be listed. */
function projectFiles(root: string, now = Date.now()): readonly string[] {
  const hit = listings.get(root);
  if (hit && now - hit.at < BOUNDS.listingTtlMs) return hit.files;
  const rules = ignoreRules(root);
  const files: string[] = [];
  const queue: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
  while (queue.length && files.length < BOUNDS.indexFiles) {
    const { dir, depth } = queue.shift()!;
    const entries = listDir(dir, now);
    if (!entries) continue;
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.dir) {
        if (depth + 1 > BOUNDS.indexDepth || SKIPPED_DIRS.has(entry.name) || isIgnoredBy(rules, full, true)) continue;
        // A nested package is another project.
        if (depth >= 0 && dir !== root && entry.name === 'node_modules') continue;
        queue.push({ dir: full, depth: depth + 1 });
      } else if (isSourceFile(entry.name) && !isIgnoredBy(rules, full, false)) {
        files.push(full);
        if (files.length >= BOUNDS.indexFiles) break;
      }
    }
  }
  listings.set(root, { at: now, files });
  if (listings.size > 64) listings.delete(listings.keys().next().value!);
  return files;
}

const mentions = new Map<string, { at: number; files: readonly string[] }>();

/**
 * Project files whose text contains `needle` (a cheap filter before parsing;
 * the parse decides), trusted for as long as the listing is.
 */
export function filesMentioning(root: string, needle: string, now = Date.now()): readonly string[] {
  const key = `${root}\0${needle}`;
  const hit = mentions.get(key);
  if (hit && now - hit.at < BOUNDS.listingTtlMs) return hit.files;
  const out: string[] = [];
  for (const file of projectFiles(root, now)) {
    const text = readText(file);
    if (text !== null && text.includes(needle)) out.push(file);
  }
  mentions.set(key, { at: now, files: out });
  if (mentions.size > BOUNDS.cachedFiles) mentions.delete(mentions.keys().next().value!);
  return out;
}


/** Where a node of another project file is, as a message shows it from the linted file: `../lib/random.js:7`. */
export function locationFrom(fromFile: string, otherFile: string, line: number): string {
  return `${path.relative(path.dirname(fromFile), otherFile).replace(/\\/g, '/')}:${line}`;
}

/** Folders a project keeps copies of other people's packages in. */
const VENDOR_FOLDERS = /(^|[\\/])(libs|vendor|vendors|third[-_]?party)[\\/]/;
const LICENSE_FILE = /^(licen[cs]e|copying)(\.[\w-]+)?$/i;

/**
 * A file inside a copy of a third-party package the project keeps in a vendor
 * folder (`server/libs/jwa/index.js` next to `server/libs/jwa/LICENSE`): not
 * the project's code, so not reported. The package folder is the one right
 * under `libs/`, `vendor/` or `third_party/`, and it must hold its own license
 * file (a monorepo's own `libs/<name>` packages do not).
 */
export function isVendoredFile(filename: string): boolean {
  if (!path.isAbsolute(filename) || !VENDOR_FOLDERS.test(filename)) return false;
  const parts = path.dirname(filename).split(path.sep);
  for (let i = parts.length - 1; i > 0 && i >= parts.length - 8; i--) {
    if (!/^(libs|vendor|vendors|third[-_]?party)$/.test(parts[i - 1]!)) continue;
    const entries = listDir(parts.slice(0, i + 1).join(path.sep) || path.sep);
    if (entries?.some((e) => !e.dir && LICENSE_FILE.test(e.name))) return true;
  }
  return false;
}
