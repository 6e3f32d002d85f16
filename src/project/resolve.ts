/**
 * Where a local import lands, the way Node and TypeScript resolve it:
 *
 *   './auth'            → auth.ts | auth.tsx | auth.js | … | auth/index.ts | …
 *   './auth.js'         → auth.ts when the .js file is the compiled name of a .ts source
 *   '@/lib/auth'        → tsconfig/jsconfig `paths` (and `baseUrl`)
 *   'src/lib/auth'      → `baseUrl`
 *   '#config'           → package.json `imports`
 *
 * Packages (`express`, `@nestjs/jwt`) are not project files: null.
 */
import path from 'node:path';
import { BOUNDS } from './bounds.js';
import { findUp, listDir, readJson } from './fs.js';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const JS_TO_TS: Record<string, readonly string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

export function isSourceFile(file: string): boolean {
  return SOURCE.test(file) && !file.endsWith('.d.ts');
}

/** Does the folder listing (cached for the listing TTL) hold a file of that name? One readdir per folder, not a stat per candidate. */
function listed(file: string): boolean {
  const entries = listDir(path.dirname(file));
  const name = path.basename(file);
  return !!entries && entries.some((e) => !e.dir && e.name === name);
}

function isListedDir(dir: string): boolean {
  const entries = listDir(path.dirname(dir));
  const name = path.basename(dir);
  return !!entries && entries.some((e) => e.dir && e.name === name);
}

/** The source file a path without (or with a compiled) extension stands for. */
function asSourceFile(base: string): string | null {
  const ext = path.extname(base);
  if (ext && SOURCE.test(base) && listed(base)) return base;
  const mapped = JS_TO_TS[ext];
  if (mapped) {
    const stem = base.slice(0, -ext.length);
    for (const e of mapped) if (listed(stem + e)) return stem + e;
  }
  for (const e of SOURCE_EXTENSIONS) if (listed(base + e)) return base + e;
  if (!isListedDir(base)) return null;
  for (const e of SOURCE_EXTENSIONS) {
    const index = path.join(base, `index${e}`);
    if (listed(index)) return index;
  }
  return null;
}

interface PathsConfig {
  readonly dir: string;
  readonly baseUrl: string | null;
  readonly paths: ReadonlyArray<readonly [string, readonly string[]]>;
}

function compilerOptionsOf(configFile: string, depth = 0): { baseUrl?: string; paths?: Record<string, string[]>; dir: string } {
  const json = readJson(configFile) as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | null;
  const dir = path.dirname(configFile);
  if (!json || typeof json !== 'object') return { dir };
  let inherited: { baseUrl?: string; paths?: Record<string, string[]>; dir: string } = { dir };
  if (typeof json.extends === 'string' && json.extends.startsWith('.') && depth < 3) {
    const parent = path.resolve(dir, json.extends.endsWith('.json') ? json.extends : `${json.extends}.json`);
    inherited = compilerOptionsOf(parent, depth + 1);
  }
  const options = json.compilerOptions ?? {};
  const baseUrl = typeof options.baseUrl === 'string' ? path.resolve(dir, options.baseUrl) : inherited.baseUrl;
  const paths = options.paths && typeof options.paths === 'object' ? (options.paths as Record<string, string[]>) : inherited.paths;
  // `paths` without `baseUrl` are relative to the config that declares them.
  const pathsDir = options.paths ? dir : inherited.dir;
  return { baseUrl, paths, dir: pathsDir };
}

function pathsConfig(fromDir: string): PathsConfig | null {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const dir = findUp(fromDir, name);
    if (!dir) continue;
    const options = compilerOptionsOf(path.join(dir, name));
    const entries = Object.entries(options.paths ?? {}).filter((e): e is [string, string[]] => Array.isArray(e[1]));
    return { dir: options.baseUrl ?? options.dir, baseUrl: options.baseUrl ?? null, paths: entries };
  }
  return null;
}

/** What a `*` in `pattern` stands for in `specifier` ('' for an exact match), or null when it does not match. */
function starMatch(pattern: string, specifier: string): string | null {
  const star = pattern.indexOf('*');
  if (star === -1) return pattern === specifier ? '' : null;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  if (!specifier.startsWith(head) || !specifier.endsWith(tail) || specifier.length < head.length + tail.length) return null;
  return specifier.slice(star, specifier.length - tail.length);
}

function viaPaths(config: PathsConfig, specifier: string): string | null {
  for (const [pattern, targets] of config.paths) {
    const rest = starMatch(pattern, specifier);
    if (rest === null) continue;
    for (const target of targets) {
      if (typeof target !== 'string') continue;
      const found = asSourceFile(path.resolve(config.dir, target.replace('*', rest)));
      if (found) return found;
    }
  }
  // `baseUrl` lookups only for a first segment that exists there (never a stat storm for every package name).
  if (config.baseUrl) {
    const first = specifier.split('/')[0]!;
    const entries = listDir(config.baseUrl);
    if (entries?.some((e) => e.name === first || e.name.startsWith(`${first}.`))) return asSourceFile(path.resolve(config.baseUrl, specifier));
  }
  return null;
}

function firstString(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object' || depth > 4) return null;
  const conditions = value as Record<string, unknown>;
  for (const key of ['node', 'import', 'require', 'default', ...Object.keys(conditions)]) {
    const found = firstString(conditions[key], depth + 1);
    if (found) return found;
  }
  return null;
}

function viaImportsField(fromDir: string, specifier: string): string | null {
  const dir = findUp(fromDir, 'package.json');
  if (!dir) return null;
  const json = readJson(path.join(dir, 'package.json')) as { imports?: Record<string, unknown> } | null;
  const imports = json?.imports;
  if (!imports || typeof imports !== 'object') return null;
  for (const [pattern, target] of Object.entries(imports)) {
    const rest = starMatch(pattern, specifier);
    if (rest === null) continue;
    const to = firstString(target);
    if (to && to.startsWith('.')) return asSourceFile(path.resolve(dir, to.replace('*', rest)));
  }
  return null;
}

/**
 * The project file `specifier` (as written in `fromFile`) resolves to, or
 * null for packages, unresolvable paths and files that are not JS/TS sources.
 */
export function resolveImport(fromFile: string, specifier: string, now = Date.now()): string | null {
  if (!path.isAbsolute(fromFile) || !specifier) return null;
  const fromDir = path.dirname(fromFile);
  // Packages are never project files: no file-system access for them.
  if (!isLocalShape(specifier) && !hasPathsConfig(fromDir, now)) return null;
  const key = `${fromDir}\0${specifier}`;
  const hit = resolved.get(key);
  if (hit && now - hit.at < BOUNDS.listingTtlMs) return hit.file;
  const file = resolveUncached(fromDir, specifier);
  resolved.set(key, { at: now, file });
  if (resolved.size > BOUNDS.cachedFiles * 4) resolved.delete(resolved.keys().next().value!);
  return file;
}

const resolved = new Map<string, { at: number; file: string | null }>();
const pathsConfigs = new Map<string, { at: number; config: PathsConfig | null }>();

function isLocalShape(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#');
}

/** The tsconfig/jsconfig `paths` / `baseUrl` that apply in a folder, cached like listings. */
function cachedPathsConfig(fromDir: string, now: number): PathsConfig | null {
  const hit = pathsConfigs.get(fromDir);
  if (hit && now - hit.at < BOUNDS.listingTtlMs) return hit.config;
  const config = pathsConfig(fromDir);
  pathsConfigs.set(fromDir, { at: now, config });
  if (pathsConfigs.size > BOUNDS.cachedFiles) pathsConfigs.delete(pathsConfigs.keys().next().value!);
  return config;
}

function hasPathsConfig(fromDir: string, now: number): boolean {
  const config = cachedPathsConfig(fromDir, now);
  return !!config && (config.paths.length > 0 || config.baseUrl !== null);
}

function resolveUncached(fromDir: string, specifier: string): string | null {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    return asSourceFile(path.resolve(fromDir, specifier));
  }
  if (specifier.startsWith('/')) return asSourceFile(specifier);
  if (specifier.startsWith('#')) return viaImportsField(fromDir, specifier);
  if (specifier.startsWith('node:')) return null;
  const config = cachedPathsConfig(fromDir, Date.now());
  return config ? viaPaths(config, specifier) : null;
}

