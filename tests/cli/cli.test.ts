/**
 * The `broken-auth` program end to end: the built bin as a child process on
 * a temporary project (file discovery, formats, exit codes, bad input,
 * baselines, parallel linting, --use-eslint-config).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { builtPackage, docsUrl, runCli, tempProject } from './harness.js';

// Each test runs the real program (several child processes on a loaded machine).
vi.setConfig({ testTimeout: 180_000 });

const SECRET = 'no-hardcoded-secret';
/** A session with safe cookie flags and a hard-coded secret: exactly one finding (hardcoded-secret). */
const vulnerable = (name: string, secret = 'keyboard cat'): string =>
  `import session from 'express-session';\n\nexport const ${name} = session({\n  secret: '${secret}',\n  resave: false,\n  saveUninitialized: false,\n  cookie: { secure: true, httpOnly: true, sameSite: 'lax' },\n});\n`;
const CLEAN = `export const sessionSecret = process.env.SESSION_SECRET;\nif (!sessionSecret) throw new Error('SESSION_SECRET must be set');\n`;

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  fatal?: boolean;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestions: { desc: string }[];
  fingerprint: string;
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
}

let pkg: string;
let project: string;

beforeAll(() => {
  pkg = builtPackage();
  project = tempProject({
    '.gitignore': 'generated/\n*.local.ts\n!keep.local.ts\n',
    'src/app.ts': vulnerable('appSession'),
    'src/clean.ts': CLEAN,
    'src/keep.local.ts': vulnerable('keptSession'),
    'src/drop.local.ts': vulnerable('droppedSession'),
    'src/nested/.gitignore': 'ignored-here.ts\n',
    'src/nested/ignored-here.ts': vulnerable('nestedIgnored'),
    'src/nested/ok.js': vulnerable('nestedSession').replace("import session from 'express-session';", "const session = require('express-session');"),
    'src/broken.ts': 'export const = ;\n',
    'src/types.d.ts': "declare const secret: 'keyboard cat';\n",
    'generated/secret.ts': vulnerable('generatedSession'),
    'node_modules/some-lib/index.js': vulnerable('depSession'),
    'dist/server.js': vulnerable('builtSession'),
    'public/app.min.js': vulnerable('bundledSession'),
    'README.md': '# not code\n',
  });
  execFileSync('git', ['init', '-q'], { cwd: project });
}, 300_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

const rel = (file: string): string => path.relative(project, file).split(path.sep).join('/');

function parseJson(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[];
}

function findingsOf(results: JsonResult[]): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${rel(r.filePath)}:${m.line}:${m.ruleId ?? 'parse-error'}`)).sort();
}

describe('file discovery', () => {
  it('lints JS/TS sources, honours .gitignore (nested and negated), skips dependencies, build output, bundles and declarations; a parse error does not stop the rest', async () => {
    const { code, stdout, stderr } = await runCli(pkg, ['--format', 'json'], project);
    expect(stderr).toBe('broken-auth: linted 5 files, skipped 1: 1 minified\n');
    expect(code).toBe(1);
    const results = parseJson(stdout);
    expect(results.map((r) => rel(r.filePath)).sort()).toEqual(['src/app.ts', 'src/broken.ts', 'src/clean.ts', 'src/keep.local.ts', 'src/nested/ok.js']);
    expect(findingsOf(results)).toEqual([
      `src/app.ts:4:broken-auth/${SECRET}`,
      'src/broken.ts:1:parse-error',
      `src/keep.local.ts:4:broken-auth/${SECRET}`,
      `src/nested/ok.js:4:broken-auth/${SECRET}`,
    ]);
    const parse = results.find((r) => rel(r.filePath) === 'src/broken.ts')!.messages[0]!;
    expect(parse).toMatchObject({ ruleId: null, fatal: true, severity: 2, line: 1 });
    expect(parse.message).toMatch(/^Parsing error: /);
  });

  it('lints an explicitly named file and says why a named ignored path is skipped', async () => {
    const { code, stdout, stderr } = await runCli(pkg, ['--format', 'json', 'src/clean.ts', 'dist/server.js', 'generated'], project);
    expect(code).toBe(0);
    expect(parseJson(stdout).map((r) => rel(r.filePath))).toEqual(['src/clean.ts']);
    expect(stderr).toBe(
      'broken-auth: skipped dist/server.js (in dist/)\nbroken-auth: skipped generated (ignored by .gitignore)\nbroken-auth: linted 1 file, skipped 2: 1 in dist/, 1 ignored by .gitignore\n',
    );
  });

  it('--no-ignore lints ignored files too', async () => {
    const { code, stdout } = await runCli(pkg, ['--format', 'json', '--no-ignore', 'generated', 'dist'], project);
    expect(code).toBe(1);
    expect(findingsOf(parseJson(stdout))).toEqual([`dist/server.js:4:broken-auth/${SECRET}`, `generated/secret.ts:4:broken-auth/${SECRET}`]);
  });
});

describe('stylish output and exit codes', () => {
  it('groups findings by file with the rule, the message, the suggested fix and the docs; no colour when not a terminal; exit 1', async () => {
    const { code, stdout, stderr } = await runCli(pkg, ['src/app.ts', 'src/clean.ts'], project);
    expect(code).toBe(1);
    expect(stderr).toBe('broken-auth: linted 2 files\n');
    expect(stdout).not.toContain('\u001B[');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('src/app.ts');
    expect(lines[1]).toBe(`  4:11  error  broken-auth/${SECRET}`);
    expect(lines[2]).toMatch(/^ {4}Hard-coded secret "ke…" \(12 chars\) is the express-session `secret`: .*process\.env\.SESSION_SECRET/);
    expect(lines[2]).not.toContain('keyboard cat');
    expect(lines[3]).toBe('    suggested fix: Read it from `process.env.SESSION_SECRET` and throw at startup when it is missing');
    expect(lines[4]).toBe(`    docs: ${docsUrl(pkg, SECRET)}`);
    expect(stdout).not.toContain('src/clean.ts');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 problem (1 error, 0 warnings)');
  });

  it('colours when forced', async () => {
    const { stdout } = await runCli(pkg, ['--color', 'src/app.ts'], project);
    expect(stdout).toContain('\u001B[31merror\u001B[39m');
  });

  it('exits 0 with no output on clean code', async () => {
    expect(await runCli(pkg, ['src/clean.ts'], project)).toEqual({ code: 0, stdout: '', stderr: 'broken-auth: linted 1 file\n' });
  });

  it('writes the report to --output-file', async () => {
    const out = path.join(project, 'reports/out.sarif');
    const { code, stdout } = await runCli(pkg, ['-f', 'sarif', '-o', 'reports/out.sarif', 'src/app.ts'], project);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const log = JSON.parse(readFileSync(out, 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual([`broken-auth/${SECRET}`]);
  });
});

describe('bad input', () => {
  it('answers bad usage with one line on stderr and exit 2, never a stack trace', async () => {
    const cases: [string[], string][] = [
      [['--frobnicate'], 'broken-auth: unknown option --frobnicate (see broken-auth --help)\n'],
      [['--format', 'xml'], 'broken-auth: unknown format "xml": use stylish, json, sarif, github, gitlab (see broken-auth --help)\n'],
      [['--config', 'paranoid'], 'broken-auth: unknown config "paranoid": use recommended, strict or all (see broken-auth --help)\n'],
      [['does/not/exist.ts'], 'broken-auth: no such file or directory: does/not/exist.ts (see broken-auth --help)\n'],
      [['--max-warnings', 'many'], 'broken-auth: --max-warnings takes a number, not "many" (see broken-auth --help)\n'],
      [['--baseline', 'missing.json', 'src/app.ts'], 'broken-auth: cannot read baseline missing.json (ENOENT) (see broken-auth --help)\n'.replace('missing.json', path.join(project, 'missing.json'))],
    ];
    const runs = await Promise.all(cases.map(([args]) => runCli(pkg, args, project)));
    runs.forEach((run, i) => {
      expect({ args: cases[i]![0], ...run }).toEqual({ args: cases[i]![0], code: 2, stdout: '', stderr: cases[i]![1] });
    });
  });

  it('--staged outside a git repository is a usage error', async () => {
    const outside = tempProject({ 'a.ts': CLEAN });
    try {
      const { code, stderr } = await runCli(pkg, ['--staged'], outside);
      expect(code).toBe(2);
      expect(stderr).toBe('broken-auth: --staged needs a git repository (git rev-parse failed here) (see broken-auth --help)\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('an internal error is one line, with the stack only under --debug', async () => {
    // --use-eslint-config in a project without eslint.config.*: ESLint cannot find a config.
    const bare = tempProject({ 'a.ts': CLEAN });
    try {
      const plain = await runCli(pkg, ['--use-eslint-config'], bare);
      expect(plain.code).toBe(2);
      expect(plain.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(plain.stderr).toMatch(/^broken-auth: .*config.* \(run with --debug for details\)\n$/i);
      const debug = await runCli(pkg, ['--use-eslint-config', '--debug'], bare);
      expect(debug.code).toBe(2);
      expect(debug.stderr).toMatch(/\n\s+at /);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('baseline', () => {
  it('records findings, tolerates line shifts, and fails only on new findings', async () => {
    const dir = tempProject({ 'src/a.ts': vulnerable('first'), 'src/b.ts': CLEAN });
    try {
      const write = await runCli(pkg, ['--write-baseline', 'broken-auth-baseline.json'], dir);
      expect(write).toEqual({ code: 0, stdout: '', stderr: 'broken-auth: linted 2 files\nbroken-auth: wrote 1 finding to the baseline broken-auth-baseline.json\n' });
      const baseline = JSON.parse(readFileSync(path.join(dir, 'broken-auth-baseline.json'), 'utf8')) as { findings: { rule: string; file: string; fingerprint: string }[] };
      expect(baseline.findings).toEqual([{ rule: `broken-auth/${SECRET}`, file: 'src/a.ts', fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), line: 4 }]);

      expect(await runCli(pkg, ['--baseline', 'broken-auth-baseline.json'], dir)).toEqual({ code: 0, stdout: '', stderr: 'broken-auth: linted 2 files\n' });

      // Shift the known finding down by three lines: still known.
      writeFileSync(path.join(dir, 'src/a.ts'), `// header\n// more header\n\n${vulnerable('first')}`);
      expect(await runCli(pkg, ['--baseline', 'broken-auth-baseline.json'], dir)).toEqual({ code: 0, stdout: '', stderr: 'broken-auth: linted 2 files\n' });

      // A new finding in another file, and a second copy of the known line: both new.
      writeFileSync(path.join(dir, 'src/b.ts'), vulnerable('second', 'another-hard-coded-one'));
      writeFileSync(path.join(dir, 'src/a.ts'), `// header\n// more header\n\n${vulnerable('first')}${vulnerable('again').replace(/^import .*\n/, '')}`);
      const after = await runCli(pkg, ['--baseline', 'broken-auth-baseline.json', '--format', 'json'], dir);
      expect(after.code).toBe(1);
      expect(findingsInDir(dir, parseJson(after.stdout))).toEqual([`src/a.ts:14:broken-auth/${SECRET}`, `src/b.ts:4:broken-auth/${SECRET}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function findingsInDir(dir: string, results: JsonResult[]): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath).split(path.sep).join('/')}:${m.line}:${m.ruleId}`)).sort();
}

describe('parallel linting', () => {
  it('lints on worker threads (through the options module) with the same results as on one thread', async () => {
    const [serial, parallel] = await Promise.all([
      runCli(pkg, ['--format', 'json', '--concurrency', 'off', 'src'], project),
      runCli(pkg, ['--format', 'json', '--concurrency', '2', 'src'], project, { DEBUG: 'eslint:eslint' }),
    ]);
    expect(parallel.stderr).toContain('Linting using 2 worker thread(s)');
    expect(parallel.stderr).not.toContain('ESLintPoorConcurrencyWarning');
    expect(parallel.code).toBe(1);
    expect(parseJson(parallel.stdout)).toEqual(parseJson(serial.stdout));
  });
});

describe('--use-eslint-config', () => {
  it('runs inside the project config that loads the plugin, keeps its severities, and --max-warnings turns warnings into a failure', async () => {
    const pluginUrl = pathToFileURL(path.join(pkg, 'dist/src/index.js')).href;
    const dir = tempProject({
      'eslint.config.js': `import plugin from ${JSON.stringify(pluginUrl)};\nexport default [{ ignores: ['eslint.config.js'] }, plugin.configs.recommended, { rules: { 'broken-auth/${SECRET}': 'warn' } }];\n`,
      'package.json': '{ "type": "module" }\n',
      'src/a.ts': vulnerable('first'),
    });
    try {
      const warned = await runCli(pkg, ['--use-eslint-config', '--format', 'json'], dir);
      expect(warned.stderr).toBe('broken-auth: linted 1 file, skipped 1: 1 ignored by the ESLint config\n');
      expect(warned.code).toBe(0);
      expect(parseJson(warned.stdout).flatMap((r) => r.messages.map((m) => [m.ruleId, m.severity]))).toEqual([[`broken-auth/${SECRET}`, 1]]);
      const strict = await runCli(pkg, ['--use-eslint-config', '--max-warnings', '0'], dir);
      expect(strict.code).toBe(1);
      expect(strict.stdout).toContain('warning  broken-auth/no-hardcoded-secret');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("adds our config to a project config that does not load the plugin, and reports only this plugin's findings", async () => {
    const dir = tempProject({
      'eslint.config.js': `export default [{ ignores: ['legacy/'] }, { rules: { 'no-console': 'error' } }];\n`,
      'package.json': '{ "type": "module" }\n',
      'src/a.ts': `console.log('hello');\n${vulnerable('first')}`,
      'legacy/old.ts': vulnerable('old'),
    });
    try {
      const { code, stdout, stderr } = await runCli(pkg, ['--use-eslint-config', '--format', 'json'], dir);
      expect(stderr).toBe('broken-auth: linted 2 files, skipped 1: 1 ignored by the ESLint config\n');
      expect(code).toBe(1);
      expect(findingsInDir(dir, parseJson(stdout))).toEqual([`src/a.ts:5:broken-auth/${SECRET}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

it('the harness built the real program', () => {
  expect(existsSync(path.join(pkg, 'bin/broken-auth.js'))).toBe(true);
});
