/**
 * The composite action's script (action.yml), run with bash the way the
 * Actions runner does: inputs as INPUT_* variables, outputs appended to
 * $GITHUB_OUTPUT, the project's installed `broken-auth` on the seed app.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { builtPackage, ROOT, SEED_VULNERABLE, tempProject } from './harness.js';

// Each test runs the real program (several child processes on a loaded machine).
vi.setConfig({ testTimeout: 180_000 });

interface ActionYaml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; shell?: string; env?: Record<string, string>; run?: string }[] };
}

/** action.yml as GitHub reads it (a YAML error fails here, as it would fail every workflow that uses the action). */
function actionYaml(): ActionYaml {
  return parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYaml;
}

/** The script of the step with `id: lint`. */
function actionScript(): string {
  const step = actionYaml().runs.steps.find((s) => s.id === 'lint');
  if (!step?.run) throw new Error('action.yml has no lint step with a run script');
  return step.run;
}

let project: string;

beforeAll(() => {
  const pkg = builtPackage();
  project = tempProject({ 'src/app.ts': SEED_VULNERABLE, 'README.md': '# app\n' }, 'broken-auth-action-');
  mkdirSync(path.join(project, 'node_modules/.bin'), { recursive: true });
  symlinkSync(pkg, path.join(project, 'node_modules/eslint-plugin-broken-auth'), 'dir');
  symlinkSync('../eslint-plugin-broken-auth/bin/broken-auth.js', path.join(project, 'node_modules/.bin/broken-auth'));
}, 300_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

function runAction(inputs: Record<string, string>, outputFile: string, cwd = project) {
  const env = {
    ...process.env,
    CI: 'true',
    GITHUB_OUTPUT: path.resolve(cwd, outputFile),
    INPUT_PATHS: '.',
    INPUT_CONFIG: 'recommended',
    INPUT_FORMAT: 'sarif',
    INPUT_OUTPUT_FILE: 'broken-auth.sarif',
    INPUT_ANNOTATIONS: 'true',
    INPUT_BASELINE: '',
    INPUT_USE_ESLINT_CONFIG: 'false',
    INPUT_FAIL: 'true',
    INPUT_VERSION: '',
    RUNNER_TEMP: path.join(project, '.runner-temp'),
    ...inputs,
  };
  return spawnSync('bash', ['-e', '-c', actionScript()], { cwd, env, encoding: 'utf8', timeout: 240_000 });
}

describe('action.yml', () => {
  it('is valid YAML: a composite action whose one lint step gets every input as INPUT_*', () => {
    const action = actionYaml();
    expect(action.runs.using).toBe('composite');
    const step = action.runs.steps.find((s) => s.id === 'lint')!;
    expect(step.shell).toBe('bash');
    expect(Object.keys(step.env!).sort()).toEqual(Object.keys(action.inputs).map((name) => `INPUT_${name.toUpperCase().replace(/-/g, '_')}`.replace('INPUT_FAIL_ON_FINDINGS', 'INPUT_FAIL')).sort());
    for (const [name, value] of Object.entries(step.env!)) expect(value, name).toMatch(/^\$\{\{ inputs\.[a-z-]+ \}\}$/);
    expect(action.outputs['exit-code']!.value).toBe('${{ steps.lint.outputs.exit-code }}');
  });

  it('writes SARIF and annotates in one lint run, reports exit-code 1 and fails the step on findings', () => {
    const r = runAction({}, 'out-1');
    expect(r.stderr).toBe('broken-auth: linted 1 file\n'); // one summary line: one run
    expect(r.status).toBe(1);
    const sarif = JSON.parse(readFileSync(path.join(project, 'broken-auth.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toContain('broken-auth/no-hardcoded-secret');
    expect(r.stdout).toMatch(/^::error file=src\/app\.ts,line=12,col=11,endLine=12,endColumn=29,title=broken-auth\/no-hardcoded-secret::/m);
    expect(readFileSync(path.join(project, 'out-1'), 'utf8')).toBe('exit-code=1\n');
  });

  it('passes the step with fail-on-findings: false, still reporting exit-code 1', () => {
    const r = runAction({ 'INPUT_FAIL': 'false', 'INPUT_ANNOTATIONS': 'false', 'INPUT_PATHS': 'src' }, 'out-2');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(path.join(project, 'out-2'), 'utf8')).toBe('exit-code=1\n');
  });

  it('fails the step on a usage error whatever fail-on-findings says', () => {
    const r = runAction({ 'INPUT_FAIL': 'false', 'INPUT_CONFIG': 'paranoid' }, 'out-3');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('broken-auth: unknown config "paranoid"');
  });

  it("without the package in the project, installs the action's own copy (a release tree: dist/ built, no scripts) and lints once", () => {
    // What `uses: …@vX.Y.Z` checks out: the release tag's tree (see bin/release-tag.sh).
    const release = tempProject({}, 'broken-auth-action-release-');
    const bare = tempProject({ 'src/app.ts': SEED_VULNERABLE }, 'broken-auth-action-bare-');
    try {
      const pkg = builtPackage();
      for (const dir of ['dist', 'bin']) cpSync(path.join(pkg, dir), path.join(release, dir), { recursive: true });
      cpSync(path.join(ROOT, 'docs'), path.join(release, 'docs'), { recursive: true });
      const { devDependencies: _dev, scripts: _scripts, ...manifest } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(path.join(release, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      const r = runAction({ 'GITHUB_ACTION_PATH': release, 'RUNNER_TEMP': path.join(bare, '.tmp') }, 'out-5', bare);
      expect(r.stderr).toBe('broken-auth: linted 1 file\n');
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(`broken-auth: installing ${release}`);
      expect(r.stdout).toMatch(/^::error file=src\/app\.ts,line=12,col=11,endLine=12,endColumn=29,title=broken-auth\/no-hardcoded-secret::/m);
      const sarif = JSON.parse(readFileSync(path.join(bare, 'broken-auth.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
      expect(sarif.runs[0]!.results.length).toBeGreaterThan(3);
      expect(readFileSync(path.join(bare, 'out-5'), 'utf8')).toBe('exit-code=1\n');
    } finally {
      rmSync(release, { recursive: true, force: true });
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it("fails the step with exit 2 when the action's ref has no built package (a branch, not a release tag)", () => {
    const bare = tempProject({ 'src/app.ts': SEED_VULNERABLE }, 'broken-auth-action-bare-');
    try {
      const branch = tempProject({ 'package.json': readFileSync(path.join(ROOT, 'package.json'), 'utf8'), 'src/index.ts': '' }, 'broken-auth-action-branch-');
      const r = runAction({ 'GITHUB_ACTION_PATH': branch, 'RUNNER_TEMP': path.join(bare, '.tmp') }, 'out-6', bare);
      rmSync(branch, { recursive: true, force: true });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("::error title=broken-auth::this action's ref has no built package: use a release tag (uses: …@vX.Y.Z), install eslint-plugin-broken-auth in the project, or set the version input\n");
      expect(readFileSync(path.join(bare, 'out-6'), 'utf8')).toBe('exit-code=2\n');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('fails the step with exit 2 and a message when the CLI cannot be installed, whatever fail-on-findings says', () => {
    const bare = tempProject({ 'src/app.ts': SEED_VULNERABLE }, 'broken-auth-action-bare-');
    try {
      const r = runAction({ 'INPUT_FAIL': 'false', 'INPUT_VERSION': `file:${path.join(bare, 'missing.tgz')}`, 'RUNNER_TEMP': path.join(bare, '.tmp') }, 'out-4', bare);
      expect(r.status).toBe(2);
      expect(r.stdout).toContain(`broken-auth: installing file:${path.join(bare, 'missing.tgz')}`);
      expect(r.stdout).toMatch(/^::error title=broken-auth::could not install file:.*missing\.tgz: npm install failed/m);
      expect(readFileSync(path.join(bare, 'out-4'), 'utf8')).toBe('exit-code=2\n');
      expect(existsSync(path.join(bare, 'broken-auth.sarif'))).toBe(false);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
