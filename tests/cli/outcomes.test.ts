/**
 * What a run says about itself, from the built program: the one-line summary
 * on stderr, exit 2 when nothing was linted, an unreadable file reported like
 * a parse error while the rest is linted, several reports from one lint run,
 * `--max-warnings -1`, `--write-baseline` into a new folder, Vue/Svelte/Astro
 * components, and `--engine oxlint` with the same findings as ESLint.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { builtPackage, ROOT, runCli, SEED_VULNERABLE, tempProject } from './harness.js';

// Each test runs the real program (several child processes on a loaded machine).
vi.setConfig({ testTimeout: 180_000 });

const SECRET = "import session from 'express-session';\nexport const s = session({ secret: 'keyboard cat', cookie: { secure: true, httpOnly: true } });\n";
const CLEAN = 'export const a = 1;\n';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; line: number; column: number; endLine: number; endColumn: number }[];
}

let pkg: string;
const dirs: string[] = [];

function project(files: Record<string, string>): string {
  const dir = tempProject(files, 'broken-auth-outcomes-');
  dirs.push(dir);
  return dir;
}

function findings(dir: string, stdout: string): string[] {
  return (JSON.parse(stdout) as JsonResult[]).flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column}:${m.ruleId ?? 'parse-error'}`));
}

beforeAll(() => {
  pkg = builtPackage();
}, 300_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('nothing to lint', () => {
  it('an empty folder: the summary says so and the exit code is 2', async () => {
    const dir = project({ 'empty/.keep': '' });
    expect(await runCli(pkg, ['empty'], dir)).toEqual({ code: 2, stdout: '', stderr: 'broken-auth: linted 0 files; no file to lint in empty\n' });
  });

  it('only files of other languages', async () => {
    const dir = project({ 'app.py': 'print(1)\n', 'README.md': '# x\n' });
    expect(await runCli(pkg, ['--format', 'sarif'], dir)).toEqual({ code: 2, stdout: '', stderr: 'broken-auth: linted 0 files; no file to lint in .\n' });
  });

  it('everything ignored or minified: counted in the summary, exit 2', async () => {
    const dir = project({ '.gitignore': 'src/\n', 'src/app.ts': SECRET, 'public/app.min.js': CLEAN });
    expect(await runCli(pkg, [], dir)).toEqual({ code: 2, stdout: '', stderr: 'broken-auth: linted 0 files, skipped 1: 1 minified; no file to lint in .\n' });
  });

  it('--staged with nothing staged is a clean commit (exit 0), not an error', async () => {
    const dir = project({ 'a.ts': SECRET });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    expect(await runCli(pkg, ['--staged'], dir)).toEqual({ code: 0, stdout: '', stderr: 'broken-auth: linted 0 files\n' });
  });
});

describe('an unreadable file', () => {
  it('is reported like a parse error at 1:1 while the other files are linted; an unreadable folder is counted', async () => {
    const dir = project({ 'src/app.ts': SECRET, 'src/locked.ts': SECRET, 'src/ok.ts': CLEAN, 'src/private/key.ts': SECRET });
    chmodSync(path.join(dir, 'src/locked.ts'), 0o000);
    chmodSync(path.join(dir, 'src/private'), 0o000);
    // root reads anything: run as `nobody` then (the package and the project must be readable by it).
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const d of [dir, path.join(dir, 'src'), pkg]) chmodSync(d, 0o755);
    const user = asRoot ? { uid: 65534, gid: 65534 } : undefined;
    const { code, stdout, stderr } = await runCli(pkg, ['--format', 'json', '--concurrency', 'off'], dir, {}, user);
    chmodSync(path.join(dir, 'src/private'), 0o755); // so the clean-up can remove it
    expect(stderr).toBe('broken-auth: linted 2 files, skipped 2: 1 unreadable folder, 1 unreadable\n');
    expect(code).toBe(1);
    expect(findings(dir, stdout)).toEqual(['src/app.ts:2:36:broken-auth/no-hardcoded-secret', 'src/locked.ts:1:1:parse-error']);
    const locked = (JSON.parse(stdout) as JsonResult[]).find((r) => r.filePath.endsWith('locked.ts'))!;
    expect(locked.messages[0]!.message).toBe('Cannot read file: EACCES (permission denied)');
  });
});

describe('reports', () => {
  it('one lint run writes SARIF to a file and annotations to stdout', async () => {
    const dir = project({ 'src/app.ts': SEED_VULNERABLE });
    const { code, stdout, stderr } = await runCli(pkg, ['-f', 'sarif', '-o', 'reports/deep/out.sarif', '-f', 'github'], dir);
    expect(code).toBe(1);
    expect(stderr).toBe('broken-auth: linted 1 file\n');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'reports/deep/out.sarif'), 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    const annotations = stdout.trimEnd().split('\n');
    expect(annotations.length).toBeGreaterThan(3);
    expect(annotations.map((a) => /title=([^:]+)::/.exec(a)![1]!.replace('%2F', '/'))).toEqual(sarif.runs[0]!.results.map((r) => r.ruleId));
    expect(annotations[0]).toMatch(/^::error file=src\/app\.ts,line=\d+,col=\d+,/);
  });

  it('two reports for stdout is a usage error', async () => {
    const dir = project({ 'a.ts': CLEAN });
    expect(await runCli(pkg, ['-f', 'sarif', '-f', 'github'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'broken-auth: only one report can go to stdout: give --output-file to all but one of sarif, github (see broken-auth --help)\n',
    });
  });

  it('--max-warnings -1 is accepted (no limit), as ESLint accepts it', async () => {
    const dir = project({ 'a.ts': CLEAN });
    for (const args of [['--max-warnings', '-1'], ['--max-warnings=-1']]) {
      expect(await runCli(pkg, args, dir)).toEqual({ code: 0, stdout: '', stderr: 'broken-auth: linted 1 file\n' });
    }
  });

  it('--write-baseline creates the folder it writes into', async () => {
    const dir = project({ 'a.ts': SECRET });
    const r = await runCli(pkg, ['--write-baseline', '.broken-auth/baseline.json'], dir);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'broken-auth: linted 1 file\nbroken-auth: wrote 1 finding to the baseline .broken-auth/baseline.json\n' });
    expect(existsSync(path.join(dir, '.broken-auth/baseline.json'))).toBe(true);
    expect(await runCli(pkg, ['--baseline', '.broken-auth/baseline.json'], dir)).toEqual({ code: 0, stdout: '', stderr: 'broken-auth: linted 1 file\n' });
  });
});

const VUE = `<template>
  <button @click="login">Log in</button>
</template>

<script setup lang="ts">
async function login(): Promise<void> {
  const res = await fetch('/api/login', { method: 'POST' });
  const { token } = await res.json();
  localStorage.setItem('token', token);
}
</script>
`;
const SVELTE = `<script>
  export let jwt;
  function remember() {
    sessionStorage.setItem('jwt', jwt);
  }
</script>

<button on:click={remember}>Remember me</button>
`;
/** Server code in the frontmatter, client code in a `<script>` tag. */
const ASTRO = `---
import jwt from 'jsonwebtoken';
const token = jwt.sign({ sub: Astro.locals.userId }, 'astro-jwt-signing-key', { expiresIn: '1h' });
Astro.cookies.set('session', token, { httpOnly: true, secure: true });
---
<h1>Welcome</h1>
<script>
  const accessToken = new URLSearchParams(location.search).get('access_token');
  if (accessToken) localStorage.setItem('access_token', accessToken);
</script>
`;

describe('Vue, Svelte and Astro components', () => {
  const files = { 'src/Login.vue': VUE, 'src/Remember.svelte': SVELTE, 'src/login.astro': ASTRO, 'src/store.ts': CLEAN };
  const inScripts = [
    'src/Login.vue:9:3:broken-auth/no-client-token-storage',
    'src/Remember.svelte:4:5:broken-auth/no-client-token-storage',
    'src/login.astro:3:54:broken-auth/no-hardcoded-secret',
    'src/login.astro:9:20:broken-auth/no-client-token-storage',
  ];

  it('ESLint lints their script blocks with the installed parsers (Astro: the frontmatter, and client <script> tags through the processor)', async () => {
    const dir = project(files);
    const r = await runCli(pkg, ['--format', 'json'], dir);
    expect(r.stderr).toBe('broken-auth: linted 4 files\n');
    expect(r.code).toBe(1);
    expect(findings(dir, r.stdout)).toEqual(inScripts);
  });

  it('--engine oxlint lints them with no parser package, Astro client <script> tags included', async () => {
    const dir = project(files);
    const r = await runCli(pkg, ['--engine', 'oxlint', '--format', 'json'], dir);
    expect(r.stderr).toBe('broken-auth: linted 4 files\n');
    expect(r.code).toBe(1);
    expect(findings(dir, r.stdout)).toEqual(inScripts);
  });
});

describe('--engine oxlint', () => {
  it('reports exactly what ESLint reports on the seed app and every annotated example: rule, range, message', async () => {
    const paths = ['fixtures/seed/vulnerable.ts', 'fixtures/examples'];
    const [eslint, oxlint] = await Promise.all([runCli(pkg, ['-f', 'json', ...paths], ROOT), runCli(pkg, ['--engine', 'oxlint', '-f', 'json', ...paths], ROOT)]);
    expect(oxlint.stderr).toBe(eslint.stderr);
    expect(oxlint.stderr).toMatch(/^broken-auth: linted \d{2,} files\n$/);
    expect(oxlint.code).toBe(1);
    const strip = (stdout: string) =>
      (JSON.parse(stdout) as JsonResult[]).flatMap((r) => r.messages.map(({ ruleId, line, column, endLine, endColumn, message }) => ({ file: r.filePath, ruleId, line, column, endLine, endColumn, message })));
    expect(strip(oxlint.stdout).length).toBeGreaterThan(100);
    expect(strip(oxlint.stdout)).toEqual(strip(eslint.stdout));
  });

  it('lints the staged content (a pre-commit run), not the working copy', async () => {
    const dir = project({ 'src/app.ts': SECRET });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', 'src/app.ts'], { cwd: dir });
    writeFileSync(path.join(dir, 'src/app.ts'), CLEAN); // not staged
    const r = await runCli(pkg, ['--engine', 'oxlint', '--staged', '--format', 'json'], dir);
    expect(r.stderr).toBe('broken-auth: linted 1 file\n');
    expect(r.code).toBe(1);
    expect(findings(dir, r.stdout)).toEqual(['src/app.ts:2:36:broken-auth/no-hardcoded-secret']);
  });

  it('is a usage error with --use-eslint-config', async () => {
    const dir = project({ 'a.ts': CLEAN });
    const r = await runCli(pkg, ['--engine', 'oxlint', '--use-eslint-config'], dir);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'broken-auth: --use-eslint-config needs the ESLint engine (oxlint reads .oxlintrc.json) (see broken-auth --help)\n' });
  });
});
