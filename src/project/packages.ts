/**
 * What the project around a file declares in its package.json files: the
 * version range of a dependency, from the nearest package.json that declares
 * it. Manifests are read through the stamped cache, so an edit is seen on
 * the next lint.
 *
 *   declaredRange('/app/src/routes/auth.js', 'passport')  → '^0.5.3' | null
 *   rangeAtLeast('^0.5.3', [0, 6])                         → false
 */
import path from 'node:path';
import { BOUNDS } from './bounds.js';
import { isFile, readJson } from './fs.js';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

function rangeIn(manifest: string, dependency: string): string | undefined {
  const json = readJson(manifest) as Record<string, unknown> | null;
  if (!json || typeof json !== 'object') return undefined;
  for (const field of DEPENDENCY_FIELDS) {
    const table = json[field];
    if (!table || typeof table !== 'object') continue;
    const range = (table as Record<string, unknown>)[dependency];
    if (typeof range === 'string') return range;
  }
  return undefined;
}

/**
 * The version range of `dependency` declared by the nearest package.json
 * (walking up from the file's directory) that declares it, or null when none
 * does or the file name is not a real path (`<input>`, `file.ts` in tests).
 */
export function declaredRange(filename: string, dependency: string): string | null {
  if (!path.isAbsolute(filename)) return null;
  let dir = path.dirname(filename);
  for (let level = 0; level < BOUNDS.levels; level++) {
    const manifest = path.join(dir, 'package.json');
    if (isFile(manifest)) {
      const range = rangeIn(manifest, dependency);
      if (range !== undefined) return range;
    }
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
