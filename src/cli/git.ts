/**
 * Staged content for pre-commit runs: the files in the index and the blob
 * of each (what is about to be committed, not the working copy).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { UsageError } from './files.js';

function git(cwd: string, args: string[]): Buffer {
  return execFileSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function gitRootOf(cwd: string): string {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch {
    throw new UsageError('--staged needs a git repository (git rev-parse failed here)');
  }
}

/** Absolute paths of files added, copied, modified or renamed in the index. */
export function stagedFiles(root: string): string[] {
  const out = git(root, ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z', '--no-renames']).toString('utf8');
  return out
    .split('\0')
    .filter(Boolean)
    .map((p) => path.join(root, p));
}

/** The staged blob of `file` (absolute, inside `root`). */
export function stagedText(root: string, file: string): string {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return git(root, ['show', `:${rel}`]).toString('utf8');
}
