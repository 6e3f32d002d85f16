/**
 * The CLI's small pieces, in process: .gitignore semantics, workflow-command
 * escaping, argument parsing, the progress line (terminal only, after a
 * moment), colours on a terminal.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIgnoredBy, parseGitignore } from '../../src/cli/gitignore.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/cli/format-ci.js';
import { parseArgs } from '../../src/cli/args.js';
import { Progress } from '../../src/cli/progress.js';
import { discoverFiles, looksMinified } from '../../src/cli/files.js';
import { main, summaryLine } from '../../src/cli.js';
import { repositoryWebUrl } from '../../src/create-rule.js';
import { lintFilesOrEach } from '../../src/cli/engine.js';
import type { ESLint } from 'eslint';
import type { FileReport } from '../../src/cli/findings.js';

const BASE = path.resolve('/repo');
const ignored = (text: string, rel: string, isDir = false): boolean => isIgnoredBy(parseGitignore(text, BASE), path.join(BASE, rel), isDir);

describe('.gitignore patterns', () => {
  it('matches names at any depth unless anchored', () => {
    expect(ignored('secrets.ts', 'secrets.ts')).toBe(true);
    expect(ignored('secrets.ts', 'a/b/secrets.ts')).toBe(true);
    expect(ignored('/secrets.ts', 'a/secrets.ts')).toBe(false);
    expect(ignored('/secrets.ts', 'secrets.ts')).toBe(true);
    expect(ignored('a/secrets.ts', 'x/a/secrets.ts')).toBe(false);
    expect(ignored('a/secrets.ts', 'a/secrets.ts')).toBe(true);
  });

  it('handles a trailing slash (directories only), negation, comments, wildcards and **', () => {
    expect(ignored('tmp/', 'tmp', true)).toBe(true);
    expect(ignored('tmp/', 'tmp', false)).toBe(false);
    expect(ignored('*.gen.ts\n!keep.gen.ts', 'src/x.gen.ts')).toBe(true);
    expect(ignored('*.gen.ts\n!keep.gen.ts', 'src/keep.gen.ts')).toBe(false);
    expect(ignored('# comment\n\\#hash.ts', '#hash.ts')).toBe(true);
    expect(ignored('# comment', '# comment')).toBe(false);
    expect(ignored('src/**/fixtures', 'src/fixtures', true)).toBe(true);
    expect(ignored('src/**/fixtures', 'src/a/b/fixtures', true)).toBe(true);
    expect(ignored('**/cache', 'deep/er/cache', true)).toBe(true);
    expect(ignored('out/**', 'out/a/b.ts')).toBe(true);
    expect(ignored('file?.ts', 'file1.ts')).toBe(true);
    expect(ignored('file[0-2].ts', 'file3.ts')).toBe(false);
    expect(ignored('file[!0-2].ts', 'file3.ts')).toBe(true);
    expect(ignored('*.ts', 'a/b.tsx')).toBe(false);
    expect(ignored('trailing.ts   ', 'trailing.ts')).toBe(true);
  });

  it('patterns of a nested .gitignore are relative to its directory', () => {
    const rules = parseGitignore('/local.ts', path.join(BASE, 'pkg'));
    expect(isIgnoredBy(rules, path.join(BASE, 'pkg/local.ts'), false)).toBe(true);
    expect(isIgnoredBy(rules, path.join(BASE, 'local.ts'), false)).toBe(false);
  });
});

describe('minified bundles', () => {
  it('recognises long-line generated code and not ordinary source', () => {
    expect(looksMinified(`!function(){${'var a=1;'.repeat(2000)}}();`)).toBe(true);
    expect(looksMinified(`const a = 1;\n`.repeat(1000))).toBe(false);
  });
});

describe('GitHub workflow-command escaping', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext: a, b');
    expect(escapeProperty('dir,with:odd%name\n.ts')).toBe('dir%2Cwith%3Aodd%25name%0A.ts');
  });

  it('puts the escaped path and message into one annotation line', () => {
    const reports: FileReport[] = [
      {
        file: path.join(BASE, 'a,b:c.ts'),
        findings: [{ file: path.join(BASE, 'a,b:c.ts'), ruleId: null, severity: 2, message: 'Parsing error: 50% done\nnext', line: 1, column: 2, endLine: 1, endColumn: 2, suggestions: [], fingerprint: 'f' }],
      },
    ];
    expect(formatGithub(reports, BASE)).toBe('::error file=a%2Cb%3Ac.ts,line=1,col=2,endLine=1,endColumn=2,title=parse-error::Parsing error: 50%25 done%0Anext\n');
  });
});

describe('arguments', () => {
  it('reads options in both spellings and defaults the path to .', () => {
    expect(parseArgs([])).toMatchObject({ paths: ['.'], level: 'recommended', format: 'stylish', concurrency: 'auto', maxWarnings: -1 });
    expect(parseArgs(['--config=all', '-f', 'sarif', '--max-warnings', '3', '--concurrency=4', '--', '--odd-file.ts'])).toMatchObject({
      paths: ['--odd-file.ts'],
      level: 'all',
      format: 'sarif',
      maxWarnings: 3,
      concurrency: 4,
    });
    expect(() => parseArgs(['--output-file'])).toThrow('--output-file needs a value');
    expect(() => parseArgs(['--staged=yes'])).toThrow('--staged takes no value');
    expect(() => parseArgs(['--concurrency', 'lots'])).toThrow('--concurrency takes a number, auto or off, not "lots"');
  });

  it('accepts a negative --max-warnings (-1: no limit) but not a negative as another value', () => {
    expect(parseArgs(['--max-warnings', '-1']).maxWarnings).toBe(-1);
    expect(parseArgs(['--max-warnings=-1']).maxWarnings).toBe(-1);
    expect(() => parseArgs(['--max-warnings', '-x'])).toThrow('--max-warnings needs a value');
    expect(() => parseArgs(['--output-file', '-1'])).toThrow('--output-file needs a value');
  });

  it('pairs each --output-file with the --format before it (or the first one), at most one report on stdout', () => {
    expect(parseArgs(['-f', 'sarif', '-o', 'a.sarif', '-f', 'github']).outputs).toEqual([
      { format: 'sarif', file: 'a.sarif' },
      { format: 'github', file: undefined },
    ]);
    expect(parseArgs(['-o', 'r.json', '-f', 'json'])).toMatchObject({ format: 'json', outputFile: 'r.json', outputs: [{ format: 'json', file: 'r.json' }] });
    expect(parseArgs(['-o', 'r.txt']).outputs).toEqual([{ format: 'stylish', file: 'r.txt' }]);
    expect(() => parseArgs(['-f', 'json', '-f', 'github'])).toThrow('only one report can go to stdout: give --output-file to all but one of json, github');
    expect(() => parseArgs(['-f', 'json', '-o', 'a', '-o', 'b'])).toThrow('-o b: each --format takes one output file');
  });

  it('--engine is eslint or oxlint', () => {
    expect(parseArgs([]).engine).toBe('eslint');
    expect(parseArgs(['--engine', 'oxlint']).engine).toBe('oxlint');
    expect(() => parseArgs(['--engine', 'biome'])).toThrow('unknown engine "biome": use eslint or oxlint');
  });
});

describe('summary line and skipped file types', () => {
  it('counts linted files and skipped ones by reason', () => {
    expect(summaryLine(1, new Map())).toBe('broken-auth: linted 1 file\n');
    expect(summaryLine(12, new Map([['minified', 2], ['.vue (vue-eslint-parser not installed)', 1]]))).toBe(
      'broken-auth: linted 12 files, skipped 3: 2 minified, 1 .vue (vue-eslint-parser not installed)\n',
    );
    expect(summaryLine(0, new Map(), ['src', 'lib'])).toBe('broken-auth: linted 0 files; no file to lint in src lib\n');
  });

  it('leaves out component files whose parser is not installed, and says which parser', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'broken-auth-discover-'));
    try {
      for (const name of ['a.vue', 'b.vue', 'c.svelte', 'd.astro', 'e.ts']) writeFileSync(path.join(dir, name), '\n');
      const extraTypes = [
        { ext: '.vue', parser: 'vue-eslint-parser', installed: false },
        { ext: '.svelte', parser: 'svelte-eslint-parser', installed: true },
        { ext: '.astro', parser: 'astro-eslint-parser', installed: false },
      ];
      const found = discoverFiles(['.'], { cwd: dir, extraTypes });
      expect(found.files.map((f) => path.basename(f))).toEqual(['c.svelte', 'e.ts']);
      expect([...found.leftOut]).toEqual([
        ['.vue (vue-eslint-parser not installed)', 2],
        ['.astro (astro-eslint-parser not installed)', 1],
      ]);
      const named = discoverFiles(['a.vue'], { cwd: dir, extraTypes });
      expect(named.skipped).toEqual([{ path: 'a.vue', reason: 'vue-eslint-parser not installed', tally: '.vue (vue-eslint-parser not installed)' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a file that becomes unreadable between discovery and linting', () => {
  /** An ESLint whose lintFiles rejects, like the real one, when any file of the call cannot be read. */
  const fake = (bad: Record<string, string>) => ({
    calls: [] as string[][],
    async lintFiles(files: string[]): Promise<ESLint.LintResult[]> {
      this.calls.push(files);
      const unreadable = files.find((f) => f in bad);
      if (unreadable) throw Object.assign(new Error(`${bad[unreadable]}: cannot open '${unreadable}'`), { code: bad[unreadable] });
      return files.map((filePath) => ({ filePath, messages: [] }) as unknown as ESLint.LintResult);
    },
  });

  it('lints the batch file by file and reports the unreadable one instead of aborting the run', async () => {
    const eslint = fake({ 'b.ts': 'EACCES' });
    const unreadable: { file: string; code: string }[] = [];
    const results = await lintFilesOrEach(eslint, ['a.ts', 'b.ts', 'c.ts'], unreadable);
    expect(results.map((r) => r.filePath)).toEqual(['a.ts', 'c.ts']);
    expect(unreadable).toEqual([{ file: 'b.ts', code: 'EACCES' }]);
    expect(eslint.calls).toEqual([['a.ts', 'b.ts', 'c.ts'], ['a.ts'], ['b.ts'], ['c.ts']]);
  });

  it('lets any other error through (an internal error: exit 2)', async () => {
    const eslint = { lintFiles: () => Promise.reject(new TypeError('rule crashed')) };
    await expect(lintFilesOrEach(eslint, ['a.ts'], [])).rejects.toThrow('rule crashed');
  });
});

describe('docs URL', () => {
  it("reads package.json's repository in every npm form; none means the docs inside the installed package", () => {
    expect(repositoryWebUrl(undefined)).toBeNull();
    expect(repositoryWebUrl({ type: 'git' })).toBeNull();
    expect(repositoryWebUrl('owner/repo')).toBe('https://github.com/owner/repo');
    expect(repositoryWebUrl('github:owner/repo')).toBe('https://github.com/owner/repo');
    expect(repositoryWebUrl('gitlab:group/repo')).toBe('https://gitlab.com/group/repo');
    expect(repositoryWebUrl({ type: 'git', url: 'git+https://github.com/owner/repo.git' })).toBe('https://github.com/owner/repo');
    expect(repositoryWebUrl({ url: 'git+ssh://git@github.com/owner/repo.git' })).toBe('https://github.com/owner/repo');
    expect(repositoryWebUrl('git@gitlab.example.com:group/sub/repo.git')).toBe('https://gitlab.example.com/group/sub/repo');
  });
});

describe('progress line', () => {
  it('shows counts on a terminal once the run has lasted a moment, and erases itself', async () => {
    let out = '';
    const progress = new Progress({ isTTY: true, write: (s: string) => (out += s) }, 10, true, 0);
    progress.start();
    progress.advance(3);
    await new Promise((r) => setTimeout(r, 250));
    progress.stop();
    expect(out.startsWith('\r\u001B[Kbroken-auth: linting 3/10 files… ')).toBe(true);
    expect(out).toMatch(/linting 3\/10 files… \d+s/);
    expect(out.endsWith('\r\u001B[K')).toBe(true);
  });

  it('writes nothing for a short run, or when disabled', async () => {
    let out = '';
    const quick = new Progress({ isTTY: true, write: (s: string) => (out += s) }, 10, true, 60_000);
    quick.start();
    await new Promise((r) => setTimeout(r, 150));
    quick.stop();
    const off = new Progress({ isTTY: false, write: (s: string) => (out += s) }, 10, false, 0);
    off.start();
    await new Promise((r) => setTimeout(r, 150));
    off.stop();
    expect(out).toBe('');
  });
});

describe('main() in process', () => {
  it('colours stylish output on a terminal; stderr gets only the summary when it is not one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'broken-auth-main-'));
    try {
      writeFileSync(path.join(dir, 'a.ts'), "import session from 'express-session';\nexport const s = session({ secret: 'keyboard cat', cookie: { secure: true, httpOnly: true } });\n");
      let stdout = '';
      let stderr = '';
      const code = await main(['--concurrency', 'off'], dir, {
        stdout: { isTTY: true, write: (s: string) => (stdout += s) },
        stderr: { isTTY: false, write: (s: string) => (stderr += s) },
        env: {},
      });
      expect(code).toBe(1);
      expect(stdout).toContain('\u001B[4ma.ts\u001B[24m');
      expect(stdout).toContain('\u001B[31merror\u001B[39m');
      expect(stderr).toBe('broken-auth: linted 1 file\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
