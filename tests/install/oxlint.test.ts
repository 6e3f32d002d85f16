/**
 * oxlint as a first-class engine: the pinned oxlint runs the built plugin as
 * a JS plugin (`jsPlugins`) on every fixture and must report exactly what
 * ESLint reports — same rule, line, column and message, Vue/Svelte/Astro
 * components included (ESLint through their parsers) — and the shipped
 * `oxlint/<level>.json` files are what `oxlintConfig(level)` generates.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import plugin from '../../src/index.js';
import { OXLINT_LEVELS, oxlintConfig } from '../../src/oxlint.js';
import { builtPackage, ROOT } from '../cli/harness.js';

vi.setConfig({ testTimeout: 300_000 });

const OXLINT = path.join(ROOT, 'node_modules/oxlint/bin/oxlint');

interface OxlintDiagnostic {
  message: string;
  code: string;
  filename: string;
  labels: { span: { line: number; column: number } }[];
}

/** `file:line:column rule message` for every finding, sorted. */
type Finding = string;

function oxlintFindings(configFile: string, target: string): { findings: Finding[]; files: number; ms: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [OXLINT, '-c', configFile, '--format', 'json', target], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`oxlint exited ${r.status}: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { diagnostics: OxlintDiagnostic[]; number_of_files: number };
  const findings = out.diagnostics.map((d) => {
    const rule = /^([\w-]+)\(([\w-]+)\)$/.exec(d.code);
    const label = d.labels[0]!.span;
    return `${d.filename}:${label.line}:${label.column} ${rule ? `${rule[1]}/${rule[2]}` : d.code} ${d.message}`;
  });
  return { findings: findings.sort(), files: out.number_of_files, ms };
}

async function eslintFindings(target: string): Promise<{ findings: Finding[]; files: number; ms: number }> {
  const started = performance.now();
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [plugin.configs.all], ignore: false });
  const results = await eslint.lintFiles([`${target}/**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx,vue,svelte,astro}`]);
  const ms = performance.now() - started;
  const findings = results.flatMap((r) => r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'parse'} ${m.message}`));
  return { findings: findings.sort(), files: results.length, ms };
}

let dir: string;
let pkg: string;

beforeAll(() => {
  pkg = builtPackage();
  dir = mkdtempSync(path.join(os.tmpdir(), 'broken-auth-oxlint-'));
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('oxlint engine', () => {
  for (const level of OXLINT_LEVELS) {
    it(`ships oxlint/${level}.json as oxlintConfig('${level}') generates it`, () => {
      const shipped = JSON.parse(readFileSync(path.join(ROOT, 'oxlint', `${level}.json`), 'utf8')) as unknown;
      expect(shipped).toEqual(JSON.parse(JSON.stringify(oxlintConfig(level))));
    });
  }

  it('reports on every fixture exactly what ESLint reports (rule, line, column, message)', async () => {
    const config = path.join(dir, '.oxlintrc.json');
    writeFileSync(config, JSON.stringify(oxlintConfig('all', path.join(pkg, 'dist/src/index.js'))));
    const ox = oxlintFindings(config, 'fixtures');
    const es = await eslintFindings('fixtures');
    expect(ox.files).toBe(es.files);
    expect(es.findings.length).toBeGreaterThan(100);
    expect(es.findings.filter((f) => f.includes(' parse '))).toEqual([]);
    expect(ox.findings).toEqual(es.findings);
    console.log(`oxlint ${Math.round(ox.ms)} ms, ESLint ${Math.round(es.ms)} ms for ${es.files} fixture files (${es.findings.length} findings)`);
  });
});
