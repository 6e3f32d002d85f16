/**
 * End-to-end harness: builds the package once per source state into a
 * private directory (so a concurrent `npm run build` in the checkout cannot
 * hand us half-written files), installs the real `bin/broken-auth.js` next
 * to it, and runs that program as a child process.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repositoryWebUrl } from '../../src/create-rule.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourcesHash(): string {
  const h = createHash('sha256');
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) visit(full);
      else if (entry.endsWith('.ts')) h.update(full).update(readFileSync(full));
    }
  };
  for (const dir of ['src', 'rules']) visit(path.join(ROOT, dir));
  for (const file of ['bin/broken-auth.js', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) h.update(readFileSync(path.join(ROOT, file)));
  return h.digest('hex').slice(0, 16);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The directory of a built copy of the package (`bin/`, `dist/`,
 * `package.json`, `docs` and `node_modules` linked to the checkout's).
 * Test files running in parallel share one build through a lock directory.
 */
export function builtPackage(): string {
  const base = path.join(os.tmpdir(), 'broken-auth-e2e');
  mkdirSync(base, { recursive: true });
  const dir = path.join(base, sourcesHash());
  const done = path.join(dir, '.complete');
  const lock = `${dir}.lock`;
  for (let waited = 0; !existsSync(done); waited += 250) {
    try {
      mkdirSync(lock);
    } catch {
      // A lock left by a killed run is stale after ten minutes.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 480_000) throw new Error(`timed out waiting for the build in ${dir}`);
      sleep(250);
      continue;
    }
    try {
      if (existsSync(done)) break;
      const staging = mkdtempSync(`${dir}.staging-`);
      try {
        execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', path.join(staging, 'dist')], { cwd: ROOT, stdio: 'pipe' });
      } catch (error) {
        // Type errors elsewhere in a shared checkout still emit JavaScript; only a missing CLI is fatal.
        if (!existsSync(path.join(staging, 'dist/src/cli.js'))) throw error;
      }
      mkdirSync(path.join(staging, 'bin'));
      copyFileSync(path.join(ROOT, 'bin/broken-auth.js'), path.join(staging, 'bin/broken-auth.js'));
      copyFileSync(path.join(ROOT, 'package.json'), path.join(staging, 'package.json'));
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(staging, 'node_modules'), 'dir');
      symlinkSync(path.join(ROOT, 'docs'), path.join(staging, 'docs'), 'dir');
      writeFileSync(path.join(staging, '.complete'), new Date().toISOString());
      chmodSync(staging, 0o755); // tests may run the program as another user

      // Builds of older source states: keep the last hour's (other runs may still use them).
      for (const entry of readdirSync(base)) {
        const old = path.join(base, entry);
        if (old !== staging && !entry.endsWith('.lock') && Date.now() - statSync(old).mtimeMs > 3_600_000) rmSync(old, { recursive: true, force: true });
      }
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dir;
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `node <pkg>/bin/broken-auth.js …args` in `cwd` (as the user `uid` when given). */
export function runCli(pkg: string, args: readonly string[], cwd: string, env: Record<string, string> = {}, user?: { uid: number; gid: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(pkg, 'bin/broken-auth.js'), ...args], {
      cwd,
      ...user,
      env: { ...process.env, CI: '', FORCE_COLOR: '', NO_COLOR: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fresh temporary directory with `files` (path → content) written into it. */
export function tempProject(files: Record<string, string>, prefix = 'broken-auth-project-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

export const SEED_VULNERABLE = readFileSync(path.join(ROOT, 'fixtures/seed/vulnerable.ts'), 'utf8');
export const SEED_FIXED = readFileSync(path.join(ROOT, 'fixtures/seed/fixed.ts'), 'utf8');

/**
 * The docs URL of `rule` as the built package `pkg` reports it: the
 * repository's page when package.json names a repository, else the rule page
 * inside the installed package.
 */
export function docsUrl(pkg: string, rule: string): string {
  const { repository } = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { repository?: string | { url?: string } };
  const repo = repositoryWebUrl(repository);
  return repo ? `${repo}/blob/main/docs/rules/${rule}.md` : pathToFileURL(path.join(pkg, 'docs', 'rules', `${rule}.md`)).href;
}
