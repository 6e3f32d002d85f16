/**
 * The pre-commit hook with real git: a temporary repository with the package
 * installed (node_modules/.bin/broken-auth) and the `.git/hooks/pre-commit`
 * that docs/pre-commit.md gives, then real `git commit`s.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { builtPackage, ROOT, SEED_FIXED, SEED_VULNERABLE, tempProject } from './harness.js';

// Each test runs the real program (several child processes on a loaded machine).
vi.setConfig({ testTimeout: 180_000 });

/** The hook script of docs/pre-commit.md (the ```sh block after `<!-- hook:git -->`). */
function documentedHook(): string {
  const doc = readFileSync(path.join(ROOT, 'docs/pre-commit.md'), 'utf8');
  const match = /<!-- hook:git -->\s*```sh\n([\s\S]*?)```/.exec(doc);
  if (!match) throw new Error('docs/pre-commit.md has no <!-- hook:git --> block');
  return match[1]!;
}

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  CI: '',
};

let repo: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'core.hooksPath=.git/hooks', ...args], { cwd: repo, env: GIT_ENV, encoding: 'utf8' });
}

/** `git commit`, returning its exit status and everything the hook printed. */
function commit(message: string): { status: number | null; output: string } {
  const r = spawnSync('git', ['-c', 'core.hooksPath=.git/hooks', 'commit', '-m', message], { cwd: repo, env: GIT_ENV, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), text);
}

beforeAll(() => {
  const pkg = builtPackage();
  repo = tempProject({ '.gitignore': 'node_modules/\n', 'README.md': '# app\n' }, 'broken-auth-hook-');
  // "npm install --save-dev eslint-plugin-broken-auth", as a link to the built package.
  mkdirSync(path.join(repo, 'node_modules/.bin'), { recursive: true });
  symlinkSync(pkg, path.join(repo, 'node_modules/eslint-plugin-broken-auth'), 'dir');
  symlinkSync('../eslint-plugin-broken-auth/bin/broken-auth.js', path.join(repo, 'node_modules/.bin/broken-auth'));
  git('init', '-q', '-b', 'main');
  git('add', '.gitignore', 'README.md');
  git('commit', '-q', '-m', 'initial', '--no-verify');
  const hook = path.join(repo, '.git/hooks/pre-commit');
  writeFileSync(hook, documentedHook());
  chmodSync(hook, 0o755);
}, 300_000);

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('pre-commit hook (git)', () => {
  it("refuses to commit the seed's vulnerable file and prints the findings", () => {
    write('src/app.ts', SEED_VULNERABLE);
    git('add', 'src/app.ts');
    const { status, output } = commit('add the vulnerable app');
    expect(status).toBe(1);
    expect(output).toContain('src/app.ts');
    expect(output).toContain('12:11  error  broken-auth/no-hardcoded-secret');
    expect(output).toContain('suggested fix: Read it from `process.env.SESSION_SECRET` and throw at startup when it is missing');
    expect(output).not.toContain('please-change-me');
    expect(git('rev-list', '--count', 'HEAD').trim()).toBe('1');
  });

  it('commits the fixed file', () => {
    write('src/app.ts', SEED_FIXED);
    git('add', 'src/app.ts');
    const { status, output } = commit('add the fixed app');
    expect({ status, output }).toMatchObject({ status: 0 });
    expect(output).not.toContain('broken-auth/');
    expect(git('show', 'HEAD:src/app.ts')).toBe(SEED_FIXED);
  });

  it('commits when the staged version is clean, even if the working copy is vulnerable', () => {
    write('src/app.ts', `${SEED_FIXED}\n// staged edit\n`);
    git('add', 'src/app.ts');
    write('src/app.ts', SEED_VULNERABLE); // not staged
    const { status } = commit('a clean staged edit');
    expect(status).toBe(0);
    expect(git('show', 'HEAD:src/app.ts')).toBe(`${SEED_FIXED}\n// staged edit\n`);
    expect(git('status', '--porcelain', 'src/app.ts').trim()).toBe('M src/app.ts');
  });

  it('refuses when the staged version is vulnerable, even if the working copy is clean', () => {
    write('src/app.ts', SEED_VULNERABLE);
    git('add', 'src/app.ts');
    write('src/app.ts', SEED_FIXED); // not staged
    const { status, output } = commit('a vulnerable staged edit');
    expect(status).toBe(1);
    expect(output).toContain('broken-auth/no-hardcoded-secret');
  });
});
