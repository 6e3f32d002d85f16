/**
 * Installs as users do them, with the real tools: a git repository holding
 * this checkout's files (committed and not), tagged by bin/release-tag.sh,
 * then npm (and pre-commit) install from that tag into temporary projects.
 * The registry is used through npm's cache as usual.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../cli/harness.js';

export const TAG = 'v0.0.0-test';

/** The environment without what `npm run`/`npx` export (npm_config_* from this repository's .npmrc, such as legacy-peer-deps). */
const CLEAN_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

export const GIT_ENV = {
  ...CLEAN_ENV,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  CI: '',
};

const DEV = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies;

/** `name@version` as this repository pins it (so npm's cache has it). */
export function pinned(name: string): string {
  const version = DEV[name];
  if (!version) throw new Error(`${name} is not a dev dependency`);
  return `${name}@${version}`;
}

export function run(cmd: string, args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): SpawnSyncReturns<string> & { output: string } {
  const r = spawnSync(cmd, args, { cwd, env: { ...GIT_ENV, ...env }, encoding: 'utf8', timeout: 900_000, maxBuffer: 64 * 1024 * 1024 });
  return Object.assign(r, { output: `${r.stdout ?? ''}${r.stderr ?? ''}` });
}

export function npm(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): ReturnType<typeof run> {
  const r = run('npm', args, cwd, env);
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${r.status}:\n${r.output}`);
  return r;
}

export function write(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

/**
 * A git repository with this checkout's files (tracked and new, not ignored)
 * and the release tag that bin/release-tag.sh makes. Returns its directory.
 */
export function releasedRepo(base: string): string {
  const repo = path.join(base, 'eslint-plugin-broken-auth');
  mkdirSync(repo);
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const rel of files) {
    const from = path.join(ROOT, rel);
    try {
      mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
      copyFileSync(from, path.join(repo, rel));
    } catch {
      // deleted in the work tree but still in the index
    }
  }
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, env: GIT_ENV, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'the checkout under test');
  // The compiler for the release build: the checkout's dev dependencies.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
  const r = run('bash', ['bin/release-tag.sh', TAG], repo);
  if (r.status !== 0) throw new Error(`release-tag.sh failed:\n${r.output}`);
  return repo;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A project folder with a package.json (and a git repository when asked). */
export function project(dir: string, files: Record<string, string> = {}): string {
  mkdirSync(dir, { recursive: true });
  write(dir, { 'package.json': JSON.stringify({ name: path.basename(dir), version: '1.0.0', private: true, type: 'module' }, null, 2), ...files });
  return dir;
}
