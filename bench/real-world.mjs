// Runs the built plugin's `all` config over real applications and writes every
// report to a JSON file for triage (bench/REAL-WORLD.md holds the triage).
//
//   node bench/real-world.mjs --extract <out-dir>     check out the apps in bench/real-world.json
//                                                     (source files and package.json only) from
//                                                     bare mirrors (BENCH_MIRROR, default /work/.mirror)
//   node bench/real-world.mjs <app-dir> […]           lint each app; prints a summary table and
//                                                     writes .bench-tmp/real-world.json
//
// The apps' code is never committed; only names and commits are (real-world.json).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = /\.(js|cjs|mjs|jsx|ts|cts|mts|tsx)$/;
const IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/*.min.js', '**/vendor/**', '**/*.d.ts', '**/public/js/lib/**', '**/bower_components/**'];

function extract(outDir) {
  const apps = JSON.parse(readFileSync(path.join(root, 'bench', 'real-world.json'), 'utf8'));
  for (const { name, repo, commit } of apps) {
    const gitDir = path.join(process.env.BENCH_MIRROR ?? '/work/.mirror', repo.replace('/', '+'), 'repo');
    const into = path.join(outDir, name);
    rmSync(into, { recursive: true, force: true });
    mkdirSync(into, { recursive: true });
    const tree = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const blobs = [];
    for (const entry of tree.split('\0')) {
      const m = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
      if (m && (SOURCE.test(m[2]) || path.basename(m[2]) === 'package.json')) blobs.push({ id: m[1], file: m[2] });
    }
    const batch = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { input: blobs.map((b) => b.id).join('\n') + '\n', maxBuffer: 1 << 30 });
    let at = 0;
    for (const { file } of blobs) {
      const eol = batch.indexOf(10, at);
      const header = batch.subarray(at, eol).toString('utf8').split(' ');
      at = eol + 1;
      if (header[1] !== 'blob') continue;
      const size = Number(header[2]);
      const target = path.join(into, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, batch.subarray(at, at + size));
      at += size + 1;
    }
    console.log(`${name}: ${blobs.length} files from ${repo}@${commit.slice(0, 12)}`);
  }
}

async function lint(dirs) {
  const { default: plugin } = await import('../dist/src/index.js');
  const all = [];
  const rows = [];
  for (const dir of dirs) {
    const abs = path.resolve(dir);
    const eslint = new ESLint({ cwd: abs, overrideConfigFile: true, overrideConfig: [{ ignores: IGNORES }, plugin.configs.all, { linterOptions: { reportUnusedDisableDirectives: 'off' } }], errorOnUnmatchedPattern: false });
    const start = performance.now();
    const results = await eslint.lintFiles(['.']);
    const seconds = (performance.now() - start) / 1000;
    let reports = 0;
    let parseErrors = 0;
    for (const r of results) {
      for (const m of r.messages) {
        if (m.fatal) {
          parseErrors++;
          continue;
        }
        // Inline directives naming the app's own rules ("Definition for rule … was not found") are not ours.
        if (!m.ruleId?.startsWith('broken-auth/')) continue;
        reports++;
        const line = readFileSync(r.filePath, 'utf8').split('\n')[m.line - 1] ?? '';
        all.push({ app: path.basename(abs), file: path.relative(abs, r.filePath), line: m.line, rule: m.ruleId, message: m.message, code: line.trim().slice(0, 200) });
      }
    }
    rows.push({ app: path.basename(abs), files: results.length, reports, parseErrors, seconds });
    console.log(`${path.basename(abs)}: ${results.length} files, ${reports} reports, ${parseErrors} parse errors, ${seconds.toFixed(1)} s`);
  }
  mkdirSync(path.join(root, '.bench-tmp'), { recursive: true });
  writeFileSync(path.join(root, '.bench-tmp', 'real-world.json'), JSON.stringify({ rows, reports: all }, null, 2));
  console.log(`\nreports written to .bench-tmp/real-world.json`);
}

const args = process.argv.slice(2);
if (args[0] === '--extract') extract(path.resolve(args[1] ?? '/tmp/apps'));
else await lint(args);
