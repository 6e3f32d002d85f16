/**
 * A small `.gitignore` reader: turns the patterns of one ignore file into
 * rules scoped to the directory that holds it, and answers "is this path
 * ignored" with git's precedence (later patterns and deeper files win, `!`
 * re-includes, a trailing `/` matches directories only, a `/` elsewhere
 * anchors the pattern to the file's directory).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface IgnoreRule {
  /** Absolute directory the pattern is relative to (where its ignore file is). */
  readonly base: string;
  readonly negated: boolean;
  readonly dirOnly: boolean;
  readonly regex: RegExp;
  readonly source: string;
}

/** A glob of gitignore syntax (without `!` and the trailing `/`) as a regex over a `/`-separated relative path. */
function globToRegex(glob: string, anchored: boolean): RegExp {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const before = i === 0 || glob[i - 1] === '/';
        const after = i + 2 === glob.length || glob[i + 2] === '/';
        if (before && after) {
          if (i + 2 === glob.length) {
            out += '.*'; // `foo/**`: everything inside
            i += 2;
          } else {
            out += '(?:[^/]*/)*'; // `**/` or `a/**/b`: zero or more directories
            i += 3;
          }
          continue;
        }
      }
      out += '[^/]*';
      i++;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        i++;
        continue;
      }
      let body = glob.slice(i + 1, end);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = end + 1;
    } else if (c === '\\' && i + 1 < glob.length) {
      out += glob[i + 1]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i += 2;
    } else {
      out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i++;
    }
  }
  return new RegExp(anchored ? `^${out}$` : `^(?:.*/)?${out}$`);
}

/** Parse the text of one ignore file located in directory `base`. */
export function parseGitignore(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine;
    if (line === '' || line.startsWith('#')) continue;
    // Trailing spaces are ignored unless escaped with a backslash.
    line = line.replace(/(?<!\\)\s+$/, '');
    if (line === '') continue;
    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
      line = line.slice(1);
    }
    let dirOnly = false;
    if (line.endsWith('/')) {
      dirOnly = true;
      line = line.replace(/\/+$/, '');
    }
    if (line === '') continue;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    rules.push({ base, negated, dirOnly, regex: globToRegex(line, anchored), source: rawLine });
  }
  return rules;
}

/** The rules of `dir/.gitignore`, or none when it is missing or unreadable. */
export function readGitignore(dir: string, name = '.gitignore'): IgnoreRule[] {
  try {
    return parseGitignore(readFileSync(path.join(dir, name), 'utf8'), dir);
  } catch {
    return [];
  }
}

/**
 * Whether `absPath` (a file, or a directory when `isDir`) is ignored by
 * `rules`, given in increasing precedence. Only the entry itself is tested:
 * callers walk from the top and never descend into an ignored directory.
 */
export function isIgnoredBy(rules: readonly IgnoreRule[], absPath: string, isDir: boolean): boolean {
  let ignored = false;
  for (const rule of rules) {
    if (ignored !== rule.negated) continue; // cannot change the answer
    if (rule.dirOnly && !isDir) continue;
    const rel = path.relative(rule.base, absPath);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    if (rule.regex.test(rel.split(path.sep).join('/'))) ignored = !rule.negated;
  }
  return ignored;
}
