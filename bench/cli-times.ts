/**
 * The CLI as a user runs it, under ESLint and under oxlint's JS plugins: the
 * corpus is written to a temporary folder (outside any git repository, so no
 * .gitignore applies; `node_modules` segments renamed so nothing is skipped)
 * and `broken-auth` lints it, alternating the engines; wall time of the whole
 * command.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SourceText } from './speed.js';

export interface CliRun {
  engine: string;
  wallMs: number[];
  findings: number | null;
  exit: number | null;
}

export interface CliTimes {
  files: number;
  runs: CliRun[];
}

export function cliTimes(root: string, texts: SourceText[], repetitions: number, log: (line: string) => void): CliTimes {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'broken-auth-bench-'));
  try {
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "bench-corpus", "private": true }\n');
    for (const { filename, text } of texts) {
      const relative = path.relative(root, filename).replace(/(^|\/)node_modules\//g, '$1nm/').replace(/^(\.\.\/)+/, '');
      const target = path.join(dir, relative);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    const engines = [
      { engine: 'ESLint (default worker threads)', args: [] as string[] },
      { engine: 'oxlint JS plugins (`--engine oxlint`)', args: ['--engine', 'oxlint'] },
    ];
    const runs: CliRun[] = engines.map((e) => ({ engine: e.engine, wallMs: [], findings: null, exit: null }));
    for (let rep = 0; rep < repetitions; rep++) {
      for (let k = 0; k < engines.length; k++) {
        const i = (k + rep) % engines.length;
        const start = performance.now();
        const result = spawnSync(process.execPath, [path.join(root, 'bin', 'broken-auth.js'), ...engines[i]!.args, '--format', 'json', '.'], {
          cwd: dir,
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        });
        const wall = performance.now() - start;
        const run = runs[i]!;
        run.wallMs.push(wall);
        run.exit = result.status;
        try {
          const report = JSON.parse(result.stdout) as { messages: unknown[] }[];
          run.findings = report.reduce((a, f) => a + f.messages.length, 0);
        } catch {
          run.findings = null;
        }
        log(`  ${engines[i]!.engine}: ${(wall / 1000).toFixed(1)} s, exit ${result.status}${result.status === 2 ? `: ${result.stderr.split('\n')[0]}` : ''}`);
      }
    }
    return { files: texts.length, runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
