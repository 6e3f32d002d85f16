/**
 * Installing from git, as issue 15 asked, with the real tools: the package at
 * a release tag (bin/release-tag.sh) installs with `npm install -g
 * git+file://…` and through the pre-commit framework's `.pre-commit-hooks.yaml`
 * with no build step, no compiler and no install-script warning; and the
 * installed package works in a JavaScript-only project without `typescript`,
 * in a TypeScript 7 project (JavaScript linted, one line for TypeScript, and
 * oxlint linting the TypeScript), and with the documented
 * `recommended-type-checked` recipe.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import plugin from '../../src/index.js';
import { ROOT, SEED_FIXED, SEED_VULNERABLE } from '../cli/harness.js';
import { npm, pinned, project, releasedRepo, run, TAG, tempDir, write } from './release.js';

vi.setConfig({ testTimeout: 900_000, hookTimeout: 900_000 });

/** The seed app as plain JavaScript (its one type annotation removed; lines unchanged). */
const SEED_JS = SEED_VULNERABLE.replace(': Record<string, string>', '');
const ESLINT_CONFIG = readmeEslintConfig();

/** The `eslint.config.js` of the README's Install section. */
function readmeEslintConfig(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /```js\n(import \{ defineConfig \} from 'eslint\/config';[\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no defineConfig eslint.config.js block');
  return block[1]!;
}

/** `line:column rule` of ESLint's findings on the seed app (TypeScript, or `js`) with the plugin from source: the reference. */
async function seedFindings(language: 'ts' | 'js' = 'ts'): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
  const [result] = await eslint.lintText(language === 'ts' ? SEED_VULNERABLE : SEED_JS, { filePath: path.join(ROOT, `app.${language}`) });
  return result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`).sort();
}

interface EslintJson {
  filePath: string;
  messages: { line: number; column: number; ruleId: string | null; fatal?: boolean; message: string }[];
}

function eslintJson(cwd: string, args: readonly string[]): { status: number | null; results: EslintJson[]; stderr: string } {
  const r = run(process.execPath, [path.join(cwd, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...args], cwd);
  return { status: r.status, results: JSON.parse(r.stdout) as EslintJson[], stderr: r.stderr };
}

function byFile(results: EslintJson[], cwd: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of results) out[path.relative(cwd, r.filePath)] = r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'parse'}${m.ruleId ? '' : `: ${m.message}`}`);
  return out;
}

let base: string;
let repo: string;
let url: string;

beforeAll(() => {
  base = tempDir('broken-auth-install-');
  repo = releasedRepo(base);
  url = `git+file://${repo}#${TAG}`;
});

afterAll(() => {
  if (base && !process.env.KEEP_INSTALL_TESTS) rmSync(base, { recursive: true, force: true });
});

describe('release tag', () => {
  it('holds the built JavaScript and an install-time package.json (no scripts, no devDependencies)', () => {
    const manifest = JSON.parse(run('git', ['show', `${TAG}:package.json`], repo).stdout) as Record<string, unknown>;
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    expect(run('git', ['cat-file', '-e', `${TAG}:dist/src/cli.js`], repo).status).toBe(0);
    expect(run('git', ['cat-file', '-e', 'main:dist'], repo).status).not.toBe(0);
  });
});

describe('npm install -g git+file://…', () => {
  it('installs with no build step and no install-script warning, and the command works', async () => {
    const prefix = path.join(base, 'global');
    const r = npm(['install', '-g', url, pinned('eslint')], base, { npm_config_prefix: prefix });
    expect(r.output).not.toMatch(/install-scripts|tsc|prepare/);
    const installed = path.join(prefix, 'lib/node_modules/eslint-plugin-broken-auth');
    expect(readdirSync(installed).filter((f) => f !== 'node_modules').sort()).toEqual(['LICENSE', 'README.md', 'bin', 'cjs', 'dist', 'docs', 'oxlint', 'package.json']);
    const app = project(path.join(base, 'global-app'), { 'src/app.ts': SEED_VULNERABLE });
    const lint = run(path.join(prefix, 'bin/broken-auth'), ['src/app.ts'], app);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('12:11  error  broken-auth/no-hardcoded-secret');
    expect(lint.output).not.toContain('please-change-me');
  });
});

describe('a branch commit (no release tag)', () => {
  it('installs, and the command says in one line that this copy has no built JavaScript (exit 2)', () => {
    const prefix = path.join(base, 'global-branch');
    npm(['install', '-g', `git+file://${repo}#main`], base, { npm_config_prefix: prefix });
    const r = run(path.join(prefix, 'bin/broken-auth'), ['.'], base);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'broken-auth: this copy of eslint-plugin-broken-auth has no built JavaScript (dist/): install it from the registry, a release tag (git URL #vX.Y.Z) or a packed tarball, or run `npm run compile` in a checkout\n',
    });
  });
});

const hasPreCommit = run('pre-commit', ['--version'], ROOT).status === 0;

describe.skipIf(!hasPreCommit)('pre-commit framework (the real tool)', () => {
  /** The `.pre-commit-config.yaml` of docs/pre-commit.md, pointed at the local repository and tag. */
  function documentedConfig(): string {
    const doc = readFileSync(path.join(ROOT, 'docs/pre-commit.md'), 'utf8');
    const block = /<!-- hook:pre-commit -->\s*```yaml\n([\s\S]*?)```/.exec(doc);
    if (!block) throw new Error('docs/pre-commit.md has no <!-- hook:pre-commit --> block');
    return block[1]!.replace(/repo: \S+/, `repo: ${repo}`).replace(/rev: \S+/, `rev: ${TAG}`);
  }

  it('installs the hook from git and refuses a commit with findings, then takes the fixed file', () => {
    const app = project(path.join(base, 'hook-app'), { '.pre-commit-config.yaml': documentedConfig() });
    const env = { PRE_COMMIT_HOME: path.join(base, 'pre-commit-home') };
    const git = (...args: string[]): ReturnType<typeof run> => run('git', args, app, env);
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '--no-verify', '-m', 'initial');
    expect(run('pre-commit', ['install'], app, env).status).toBe(0);

    write(app, { 'src/app.ts': SEED_VULNERABLE });
    git('add', 'src/app.ts');
    const refused = git('commit', '-m', 'vulnerable');
    expect(refused.output).not.toMatch(/tsc: not found|install-scripts|An unexpected error/);
    expect({ status: refused.status, output: refused.output }).toMatchObject({ status: 1 });
    expect(refused.output).toContain('12:11  error  broken-auth/no-hardcoded-secret');
    expect(git('rev-list', '--count', 'HEAD').stdout.trim()).toBe('1');

    write(app, { 'src/app.ts': SEED_FIXED });
    git('add', 'src/app.ts');
    const taken = git('commit', '-m', 'fixed');
    expect({ status: taken.status, output: taken.output }).toMatchObject({ status: 0 });
    expect(git('rev-list', '--count', 'HEAD').stdout.trim()).toBe('2');
  });
});

describe('a JavaScript-only project without typescript (npm --legacy-peer-deps)', () => {
  it('lints its JavaScript with the README config and the CLI, with no typescript installed', async () => {
    // mixed.cjs: ESM syntax in a .cjs file, which ESLint's parser rejects as CommonJS; without typescript it is parsed as a module.
    const mixed = "import { sign } from 'jsonwebtoken';\nexport const token = sign({ sub: 1 }, 'js-only-hardcoded-key-1234', { expiresIn: '1h' });\n";
    const app = project(path.join(base, 'js-only'), { 'eslint.config.js': ESLINT_CONFIG, 'src/app.js': SEED_JS, 'src/mixed.cjs': mixed });
    const install = npm(['install', '--legacy-peer-deps', '-D', url, pinned('eslint')], app);
    expect(install.output).not.toMatch(/install-scripts.*eslint-plugin-broken-auth|ERESOLVE/);
    expect(existsSync(path.join(app, 'node_modules/typescript'))).toBe(false);
    const expected = await seedFindings('js');
    const { status, results, stderr } = eslintJson(app, ['.']);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(byFile(results, app)).toEqual({ 'eslint.config.js': [], 'src/app.js': expected, 'src/mixed.cjs': ['2:39 broken-auth/no-hardcoded-secret'] });
    const cli = run(path.join(app, 'node_modules/.bin/broken-auth'), ['src'], app);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('12:11  error  broken-auth/no-hardcoded-secret');
  });
});

describe('a TypeScript 7 project', () => {
  let app: string;
  beforeAll(() => {
    app = project(path.join(base, 'ts7'), {
      'eslint.config.js': ESLINT_CONFIG,
      'src/app.ts': SEED_VULNERABLE,
      'src/legacy.js': SEED_JS,
      '.oxlintrc.json': readFileSync(path.join(ROOT, 'docs/oxlint.md'), 'utf8').match(/<!-- oxlintrc -->\s*```json\n([\s\S]*?)```/)![1]!,
    });
    // A plain install (no --legacy-peer-deps): a TypeScript 7 project must not meet ERESOLVE.
    const install = npm(['install', '-D', url, pinned('eslint'), 'typescript@7.0.2', pinned('oxlint')], app);
    expect(install.output).not.toMatch(/install-scripts.*eslint-plugin-broken-auth|ERESOLVE/);
  });

  it('ESLint lints the JavaScript and says in one line why TypeScript is not linted (no crash)', async () => {
    const { status, results, stderr } = eslintJson(app, ['.']);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const reason =
      'Parsing error: TypeScript files are not linted: the project has TypeScript 7.0.2 and @typescript-eslint/parser supports >=4.8.4 <6.1.0. ' +
      'JavaScript files are. To lint TypeScript, install a supported typescript, or run the rules under oxlint (no typescript package needed): ' +
      'see docs/oxlint.md in eslint-plugin-broken-auth';
    expect(byFile(results, app)).toEqual({
      'eslint.config.js': [],
      'src/app.ts': [`1:1 parse: ${reason}`],
      'src/legacy.js': await seedFindings('js'),
    });
  });

  it('oxlint with the documented .oxlintrc.json reports on the TypeScript what ESLint reports with a supported TypeScript', async () => {
    const r = run(process.execPath, [path.join(app, 'node_modules/oxlint/bin/oxlint'), '--format', 'json', 'src/app.ts'], app);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { diagnostics: { code: string; labels: { span: { line: number; column: number } }[] }[] };
    const found = out.diagnostics.map((d) => `${d.labels[0]!.span.line}:${d.labels[0]!.span.column} ${d.code.replace(/^([\w-]+)\(([\w-]+)\)$/, '$1/$2')}`);
    expect(found.sort()).toEqual(await seedFindings('ts'));
  });

  it('`broken-auth --engine oxlint` lints the TypeScript too', () => {
    const r = run(path.join(app, 'node_modules/.bin/broken-auth'), ['--engine', 'oxlint', 'src/app.ts'], app);
    expect({ status: r.status, stderr: r.stderr }).toMatchObject({ status: 1 });
    expect(r.stdout).toContain('12:11  error  broken-auth/no-hardcoded-secret');
    expect(r.stdout).toContain('23:5  error  broken-auth/session-regenerate-on-login');
  });
});

describe('recommended-type-checked with the documented recipe (docs/type-checked.md)', () => {
  const typed = (rel: string): string => readFileSync(path.join(ROOT, 'fixtures/typed', rel), 'utf8');
  let app: string;

  /** The `eslint.config.js` of docs/type-checked.md. */
  function recipe(): string {
    const doc = readFileSync(path.join(ROOT, 'docs/type-checked.md'), 'utf8');
    const block = /<!-- type-checked:config -->\s*```js\n([\s\S]*?)```/.exec(doc);
    if (!block) throw new Error('docs/type-checked.md has no <!-- type-checked:config --> block');
    return block[1]!;
  }

  beforeAll(() => {
    app = project(path.join(base, 'typed'), {
      'eslint.config.js': recipe(),
      'tsconfig.json': typed('tsconfig.json'),
      'src/constants.ts': typed('src/constants.ts'),
      'src/tokens.ts': typed('src/tokens.ts'),
      'src/jsonwebtoken.d.ts': typed('src/jsonwebtoken.d.ts'),
      'vitest.config.ts': "export default { test: { include: ['src/**/*.test.ts'] } };\n",
    });
    npm(['install', '-D', url, pinned('eslint'), pinned('typescript')], app);
  });

  it('reports the cross-file constant and parses every file', () => {
    const { status, results, stderr } = eslintJson(app, ['.']);
    expect(stderr).toBe('');
    expect(byFile(results, app)).toEqual({
      'eslint.config.js': [],
      'src/constants.ts': [],
      'src/jsonwebtoken.d.ts': [],
      'src/tokens.ts': ['10:49 broken-auth/no-hardcoded-secret'],
      'vitest.config.ts': [],
    });
    expect(status).toBe(1);
  });

  it('without the parserOptions block, files outside tsconfig.json are "not found by the project service"', () => {
    write(app, { 'eslint.config.js': recipe().replace(/\n {2}\{\n {4}languageOptions:[\s\S]*?\n {2}\},\n/, '\n') });
    expect(readFileSync(path.join(app, 'eslint.config.js'), 'utf8')).not.toContain('allowDefaultProject');
    const { results } = eslintJson(app, ['.']);
    const failed = results.filter((r) => r.messages.some((m) => m.fatal && m.message.includes('was not found by the project service')));
    expect(failed.map((r) => path.relative(app, r.filePath)).sort()).toEqual(['eslint.config.js', 'vitest.config.ts']);
  });
});
