/**
 * What the project around a file declares in its package.json: which version
 * range of a dependency, found in the nearest package.json that declares it.
 *
 *   declaredRange('/app/src/routes/auth.js', 'passport')  → '^0.5.3' | null
 *   rangeAtLeast('^0.5.3', [0, 6])                         → false
 *
 * Directory lookups are cached per directory; a package.json is re-read only
 * when its modification time changes (editors keep the process alive).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface Manifest {
  readonly mtimeMs: number;
  readonly dependencies: ReadonlyMap<string, string>;
}

/** Directory → the package.json in it, or null when there is none. */
const manifestPaths = new Map<string, string | null>();
/** package.json path → its parsed dependency table. */
const manifests = new Map<string, Manifest | null>();

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
const MAX_LEVELS = 32;

function manifestIn(dir: string): string | null {
  const hit = manifestPaths.get(dir);
  if (hit !== undefined) return hit;
  const candidate = path.join(dir, 'package.json');
  let found: string | null = null;
  try {
    if (statSync(candidate).isFile()) found = candidate;
  } catch {
    found = null;
  }
  manifestPaths.set(dir, found);
  return found;
}

function readManifest(file: string): Manifest | null {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    manifests.delete(file);
    return null;
  }
  const hit = manifests.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit;
  let manifest: Manifest;
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const dependencies = new Map<string, string>();
    for (const field of DEPENDENCY_FIELDS) {
      const table = json[field];
      if (!table || typeof table !== 'object') continue;
      for (const [name, range] of Object.entries(table as Record<string, unknown>)) {
        if (typeof range === 'string' && !dependencies.has(name)) dependencies.set(name, range);
      }
    }
    manifest = { mtimeMs, dependencies };
  } catch {
    manifest = { mtimeMs, dependencies: new Map() };
  }
  manifests.set(file, manifest);
  return manifest;
}

/**
 * The version range of `dependency` declared by the nearest package.json
 * (walking up from the file's directory) that declares it, or null when none
 * does or the file name is not a real path (`<input>`, `file.ts` in tests).
 */
export function declaredRange(filename: string, dependency: string): string | null {
  if (!path.isAbsolute(filename)) return null;
  let dir = path.dirname(filename);
  for (let level = 0; level < MAX_LEVELS; level++) {
    const file = manifestIn(dir);
    const range = file ? readManifest(file)?.dependencies.get(dependency) : undefined;
    if (range !== undefined) return range;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/** The lowest `major.minor` a semver range allows (`^0.5.3` → [0, 5], `>=0.6` → [0, 6]), or null (`*`, `latest`, git URLs). */
export function lowestVersion(range: string): readonly [number, number] | null {
  const trimmed = range.trim();
  if (/^(?:[a-z+]+:|[\w-]+\/[\w.-]+)/i.test(trimmed) && !/^npm:/i.test(trimmed)) return null;
  const match = /(\d+)(?:\.(\d+|x|\*))?/.exec(trimmed.replace(/^npm:[^@]+@/i, ''));
  if (!match) return null;
  const major = Number(match[1]);
  const minor = match[2] === undefined || match[2] === 'x' || match[2] === '*' ? 0 : Number(match[2]);
  return [major, minor];
}

/** True when every version `range` allows is at least `wanted` ([major, minor]); null when the range cannot be read. */
export function rangeAtLeast(range: string, wanted: readonly [number, number]): boolean | null {
  const lowest = lowestVersion(range);
  if (!lowest) return null;
  return lowest[0] > wanted[0] || (lowest[0] === wanted[0] && lowest[1] >= wanted[1]);
}

// ---------------------------------------------------------------------------
// Nest modules around a file

/** Directory → whether a `*.module.ts` in it provides a throttler guard as `APP_GUARD`. */
const nestGuardDirs = new Map<string, boolean>();
const NEST_MODULE_FILE = /\.module\.[cm]?[jt]s$/;
const APP_GUARD_THROTTLER =
  /provide\s*:\s*APP_GUARD[\s\S]{0,300}?useClass\s*:\s*\w*Throttler\w*Guard|useClass\s*:\s*\w*Throttler\w*Guard[\s\S]{0,300}?provide\s*:\s*APP_GUARD/;

function dirProvidesThrottler(dir: string): boolean {
  const hit = nestGuardDirs.get(dir);
  if (hit !== undefined) return hit;
  let found = false;
  try {
    for (const entry of readdirSync(dir)) {
      if (!NEST_MODULE_FILE.test(entry)) continue;
      const text = readFileSync(path.join(dir, entry), 'utf8');
      if (APP_GUARD_THROTTLER.test(text)) {
        found = true;
        break;
      }
    }
  } catch {
    found = false;
  }
  nestGuardDirs.set(dir, found);
  return found;
}

/**
 * True when a Nest module file (`*.module.ts`) in the file's directory or
 * above it, up to the package root, registers a throttler guard globally:
 * `{ provide: APP_GUARD, useClass: ThrottlerGuard }`. Controllers live in
 * other files than the module that throttles them.
 */
export function nestGlobalThrottler(filename: string): boolean {
  if (!path.isAbsolute(filename)) return false;
  let dir = path.dirname(filename);
  for (let level = 0; level < MAX_LEVELS; level++) {
    if (dirProvidesThrottler(dir)) return true;
    if (manifestIn(dir)) return false;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return false;
}
