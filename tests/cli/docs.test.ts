/**
 * The commands the documentation tells people to run. `npx broken-auth`
 * without naming the package would download whatever package is called
 * `broken-auth` in a project that does not install this one: every npx
 * command for our CLI names the package (`-p eslint-plugin-broken-auth`) or
 * refuses to download (`--no-install`), and so does action.yml.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPackage, ROOT, SEED_VULNERABLE, tempProject } from './harness.js';

const DOCS = ['README.md', 'action.yml', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** `file:line: command` for every npx (or npm exec) invocation that runs `broken-auth`. */
function npxCommands(): string[] {
  const out: string[] = [];
  for (const file of DOCS) {
    readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const m of line.matchAll(/\b(?:npx|npm exec)\b[^`\n]*?(?<![\w-])broken-auth(?![\w-])/g)) out.push(`${file}:${i + 1}: ${m[0]}`);
      });
  }
  return out;
}

describe('documented commands', () => {
  it('every npx that runs broken-auth names the package or refuses to download', () => {
    const commands = npxCommands();
    expect(commands.length).toBeGreaterThan(5);
    const unsafe = commands.filter((c) => !/\bnpx (?:-p|--package) eslint-plugin-broken-auth broken-auth\b|\bnpx --no-install broken-auth\b/.test(c));
    expect(unsafe).toEqual([]);
  });

  it('`npx -p eslint-plugin-broken-auth broken-auth` runs the copy the project installs, with no registry (offline)', () => {
    const pkg = builtPackage();
    const app = tempProject({ 'package.json': '{ "name": "app", "private": true, "devDependencies": { "eslint-plugin-broken-auth": "*" } }\n', 'src/app.ts': SEED_VULNERABLE }, 'broken-auth-npx-');
    try {
      mkdirSync(path.join(app, 'node_modules/.bin'), { recursive: true });
      symlinkSync(pkg, path.join(app, 'node_modules/eslint-plugin-broken-auth'), 'dir');
      symlinkSync('../eslint-plugin-broken-auth/bin/broken-auth.js', path.join(app, 'node_modules/.bin/broken-auth'));
      const r = spawnSync('npx', ['--offline', '-p', 'eslint-plugin-broken-auth', 'broken-auth', '--format', 'github', 'src'], { cwd: app, encoding: 'utf8', timeout: 120_000 });
      expect(r.stderr).toBe('broken-auth: linted 1 file\n');
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/^::error file=src\/app\.ts,line=12,col=11,/m);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  }, 300_000);

  it('the action never runs a registry package called broken-auth', () => {
    const action = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    expect(action).not.toMatch(/npx[^\n]*broken-auth/);
    expect(action).toContain('"${cli[@]}"');
  });
});
