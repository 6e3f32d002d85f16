/**
 * The neighbour-folder scan `secure-jwt` used before the project layer: moved
 * here unchanged so rules no longer touch the file system. The project layer
 * replaces its body (issue 11).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const SCAN_LIMIT = 300;
const EXPIRY_MENTION = /\bexpiresIn\b|\bsetExpirationTime\b|\bexp\s*:/;

/** Files near `filename` (its folder, three levels down) that set an expiry somewhere: the sign calls a module configuration serves. */
export function neighboursSetExpiry(filename: string): boolean {
  if (!path.isAbsolute(filename)) return false;
  const self = path.resolve(filename);
  const stack: { dir: string; depth: number }[] = [{ dir: path.dirname(self), depth: 0 }];
  let budget = SCAN_LIMIT;
  while (stack.length && budget > 0) {
    const { dir, depth } = stack.pop()!;
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (budget-- <= 0) break;
      if (entry === 'node_modules' || entry.startsWith('.') || entry === 'dist' || entry === 'build') continue;
      const full = path.join(dir, entry);
      try {
        const stat = statSync(full);
        if (stat.isDirectory()) {
          if (depth < 3) stack.push({ dir: full, depth: depth + 1 });
        } else if (SOURCE.test(entry) && full !== self && stat.size < 500_000 && EXPIRY_MENTION.test(readFileSync(full, 'utf8'))) {
          return true;
        }
      } catch {
        // unreadable: skip
      }
    }
  }
  return false;
}
