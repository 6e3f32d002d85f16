/**
 * `npm run bench`: accuracy against the peers on the annotated fixtures, speed
 * and memory on real framework code; prints the tables and writes
 * bench/RESULTS.md.
 *
 * Environment: BENCH_REPS (timed repetitions, default 3), BENCH_MAX_FILES
 * (cap the speed corpus, for a quick look), BENCH_MIRROR (where bare git
 * mirrors of the corpus repositories live).
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Linter } from 'eslint';
import plugin from '../src/index.js';
import { CATEGORIES, CATEGORY_RULES, type Category } from '../src/categories.js';
import { expectedTotals, metrics, scoreAll, sum, type Counts, type ToolScore } from './accuracy.js';
import { loadCorpus, type CorpusPart } from './corpus.js';
import { checkMapping, parseOnlyConfig, peerConfig, PEERS } from './peers.js';
import { lintPass, readTexts, statsRun, type SourceText, type StatsResult, type StatsVariant, type Variant } from './speed.js';
import { cliTimes, type CliTimes } from './cli-times.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The package root, found from src/ or from the compiled copy under .bench-tmp/build/. */
const root = (() => {
  let dir = here;
  for (let i = 0; i < 6; i++) {
    try {
      if ((JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string }).name === 'eslint-plugin-broken-auth') return dir;
    } catch {
      // keep walking up
    }
    dir = path.dirname(dir);
  }
  throw new Error('package root not found');
})();
const require = createRequire(import.meta.url);
const NOTES_MARKER = '<!-- notes below this line are kept by npm run bench -->';
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** The corpus keeps its real paths (so the project layer reads neighbours as in a project), packages included. */
const UNIGNORE_PACKAGES: Linter.Config = { ignores: ['!**/node_modules/'] };

function variants(): Variant[] {
  return [
    { name: '(a) parse only', config: [parseOnlyConfig(), UNIGNORE_PACKAGES] },
    { name: '(b) broken-auth recommended', config: [plugin.configs.recommended, UNIGNORE_PACKAGES] },
  ];
}

/** Ours and sonarjs's rules mapped to our categories, timed side by side. */
function statsVariants(): StatsVariant[] {
  const sonar = PEERS.find((p) => p.name === 'sonarjs')!;
  return [
    { name: 'broken-auth recommended', config: [plugin.configs.recommended, UNIGNORE_PACKAGES], rules: new Set(Object.keys(plugin.configs.recommended.rules ?? {})) },
    { name: 'sonarjs (mapped rules)', config: [peerConfig(sonar), UNIGNORE_PACKAGES], rules: new Set(Object.keys(sonar.mapping).map((r) => `${sonar.namespace}/${r}`)) },
  ];
}

function corpusTexts(parts: CorpusPart[]): SourceText[] {
  const files = parts.flatMap((p) => p.files);
  const cap = Number(process.env.BENCH_MAX_FILES ?? Infinity);
  const chosen = Number.isFinite(cap) ? files.filter((_, i) => i % Math.ceil(files.length / cap) === 0) : files;
  return readTexts(
    chosen.map((file) => ({
      path: file,
      filename: file,
    })),
  );
}

/** Child-process mode: one pass of one variant, then report peak RSS. */
function memoryChild(variantIndex: number): void {
  const texts = corpusTexts(loadCorpus(root));
  const v = variants()[variantIndex]!;
  const { Linter } = require('eslint') as typeof import('eslint');
  const linter = new Linter({ cwd: root });
  const pass = lintPass(linter, v.config as Linter.Config[], texts);
  process.stdout.write(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, ms: pass.ms, files: texts.length }));
}

interface Memory {
  maxRssKb: number;
  ms: number;
  files: number;
}

function peakRss(variantIndex: number): Promise<Memory> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [fileURLToPath(import.meta.url), '--memory-child', String(variantIndex)],
      { cwd: root, env: process.env, encoding: 'utf8', maxBuffer: 1 << 20 },
      (error, stdout, stderr) => (error ? reject(new Error(`memory child failed: ${stderr || error.message}`)) : resolve(JSON.parse(stdout) as Memory)),
    );
  });
}

const pct = (x: number): string => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(0)}%`);
const f2 = (x: number): string => (Number.isNaN(x) ? '–' : x.toFixed(2));
const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(0));

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    const main = require.resolve(pkg);
    let dir = path.dirname(main);
    for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
      try {
        const p = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
        if (p.name === pkg) return p.version;
      } catch {
        // keep walking up
      }
    }
    return '?';
  }
}

function machine(): string[] {
  const cpus = os.cpus();
  let commit: string;
  try {
    commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    commit = 'unknown';
  }
  return [
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; eslint-plugin-broken-auth: the working tree at commit ${commit}, with ${Object.keys(plugin.rules).length} of ${CATEGORIES.length} rules (${Object.keys(plugin.rules).join(', ')})`,
    `- CPU: ${cpus[0]?.model.trim() ?? '?'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Node ${process.version}, ESLint ${versionOf('eslint')}, @typescript-eslint/parser ${versionOf('@typescript-eslint/parser')}, TypeScript ${versionOf('typescript')}`,
    `- Load average when the bench started (1/5/15 min): ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} on ${cpus.length} CPUs`,
    `- Peers: ${PEERS.map((p) => `${p.packageName} ${versionOf(p.packageName)}`).join(', ')}`,
  ];
}

function mappingTable(): string[] {
  const lines = ['| category (our rule) | ' + PEERS.map((p) => p.name).join(' | ') + ' |', '|---|' + PEERS.map(() => '---').join('|') + '|'];
  for (const c of CATEGORIES) {
    const cells = PEERS.map((p) => {
      const rules = Object.entries(p.mapping)
        .filter(([, cat]) => cat === c)
        .map(([r]) => `\`${r}\``);
      return rules.length ? rules.join(', ') : '—';
    });
    lines.push(`| ${c} (\`${CATEGORY_RULES[c]}\`) | ${cells.join(' | ')} |`);
  }
  return lines;
}

function accuracyTable(scores: ToolScore[], expected: Record<Category, number>): string[] {
  const head = '| category | expected | ' + scores.map((s) => `${s.tool} P / R / F1`).join(' | ') + ' |';
  const lines = [head, '|---|---:|' + scores.map(() => '---').join('|') + '|'];
  const cell = (s: ToolScore, c: Counts, covered: boolean): string => {
    if (!covered && c.fp === 0) return 'no rule';
    const m = metrics(c);
    return `${pct(m.precision)} / ${pct(m.recall)} / **${f2(m.f1)}**`;
  };
  for (const c of CATEGORIES) {
    lines.push(`| ${c} | ${expected[c]} | ` + scores.map((s) => cell(s, s.byCategory[c], s.covered.has(c))).join(' | ') + ' |');
  }
  const total = CATEGORIES.reduce((a, c) => a + expected[c], 0);
  lines.push(`| **overall, all categories** | ${total} | ` + scores.map((s) => cell(s, sum(CATEGORIES.map((c) => s.byCategory[c])), true)).join(' | ') + ' |');
  lines.push(
    `| overall, categories the tool covers | | ` +
      scores
        .map((s) => {
          const c = sum(CATEGORIES.filter((k) => s.covered.has(k)).map((k) => s.byCategory[k]));
          return s.covered.size ? cell(s, c, true) + ` (${s.covered.size})` : 'no rule';
        })
        .join(' | ') +
      ' |',
  );
  lines.push(`| overall, same-line match (strict) | ${total} | ` + scores.map((s) => cell(s, sum(CATEGORIES.map((c) => s.strictByCategory[c])), true)).join(' | ') + ' |');
  lines.push('', '| tool | TP | FP | FN | precision | recall | F1 |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const s of scores) {
    const c = sum(CATEGORIES.map((k) => s.byCategory[k]));
    const m = metrics(c);
    lines.push(`| ${s.tool} | ${c.tp} | ${c.fp} | ${c.fn} | ${pct(m.precision)} | ${pct(m.recall)} | ${f2(m.f1)} |`);
  }
  return lines;
}

const ratio = (x: number): string => `${x.toFixed(3)}×`;

function statsTable(results: StatsResult[]): string[] {
  const lines = [
    '| config | files | parse (ms per pass) | rules (ms per pass) | rules ÷ parse | per-file rules p50 (ms) | p95 (ms) | max (ms) | reports |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(`| ${r.variant} | ${r.files} | ${r.parseMs.toFixed(0)} | ${r.ruleMs.toFixed(0)} | **${ratio(r.ruleMs / r.parseMs)}** | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${r.messages.toFixed(0)} |`);
  }
  return lines;
}

function perRuleTable(results: StatsResult[]): string[] {
  const lines = ['| config | rule | ms per pass | ÷ parse |', '|---|---|---:|---:|'];
  for (const r of results) {
    for (const [rule, t] of Object.entries(r.perRule).sort((a, b) => b[1] - a[1])) lines.push(`| ${r.variant} | ${rule} | ${t.toFixed(0)} | ${ratio(t / r.parseMs)} |`);
  }
  return lines;
}

function cliTable(times: CliTimes): string[] {
  return [
    '| engine | wall (s), each run | best (s) | findings | exit |',
    '|---|---|---:|---:|---:|',
    ...times.runs.map((r) => `| ${r.engine} | ${r.wallMs.map((x) => (x / 1000).toFixed(1)).join(', ')} | ${(Math.min(...r.wallMs) / 1000).toFixed(1)} | ${r.findings ?? '–'} | ${r.exit} |`),
  ];
}

async function main(): Promise<void> {
  const began = Date.now();
  checkMapping();
  const out: string[] = ['# Bench results', '', 'Written by `npm run bench` (bench/run.ts). Reproduce with `npm run bench`; the corpus commits are pinned in bench/corpus.json.', ''];
  out.push('## Machine', '', ...machine(), '');

  log('accuracy: linting the annotated fixtures with ours and each peer …');
  const fixtures = path.join(root, 'fixtures');
  const scores = await scoreAll(fixtures, root);
  const expected = expectedTotals(fixtures);
  const accuracy = accuracyTable(scores, expected);
  out.push(
    '## Accuracy on the annotated fixtures',
    '',
    `Every source file under fixtures/ (${Object.values(expected).reduce((a, b) => a + b, 0)} expected findings). Ours: the \`all\` config. Peers: only the rules mapped below, on the same parser (@typescript-eslint/parser, JSX on). Per file and category: TP = min(expected lines, reported lines), FP = reported lines beyond that, FN = expected lines beyond that (a line reported twice in one category counts once). P = precision, R = recall, F1 in bold. "no rule": the tool has no rule for the category (its misses still count in "overall, all categories"). The strict row only counts a report on the annotated line itself.`,
    '',
    ...accuracy,
    '',
    '### Mapping of peer rules to our categories',
    '',
    ...mappingTable(),
    '',
  );
  const oddities = scores.flatMap((s) => s.errors.map((e) => `${s.tool}: ${path.relative(root, e)}`));
  if (oddities.length) out.push('Parse errors or unmapped messages during the accuracy run:', '', ...oddities.slice(0, 30).map((e) => `- ${e}`), '');
  process.stdout.write(['', '## Accuracy', '', ...accuracy, ''].join('\n') + '\n');

  log('speed: loading the corpus …');
  const parts = loadCorpus(root, log);
  const texts = corpusTexts(parts);
  const bytes = texts.reduce((a, t) => a + t.text.length, 0);
  const lines = texts.reduce((a, t) => a + t.text.split('\n').length, 0);
  const reps = Number(process.env.BENCH_REPS ?? 3);
  log(`speed: ${texts.length} files, a warm-up and ${reps} timed passes of ${statsVariants().length} configs (ESLint stats) …`);
  const results = statsRun(statsVariants(), texts, root, reps, log);
  const speed = statsTable(results);
  const perRule = perRuleTable(results);

  log('cli: the corpus linted by the CLI under ESLint and under oxlint (JS plugins), wall time …');
  const cli = cliTimes(root, texts, Number(process.env.BENCH_CLI_REPS ?? 2), log);

  log('memory: one pass of (a) and of (b) in two child processes (side by side: CPU time does not change peak RSS) …');
  const [memA, memB] = await Promise.all([peakRss(0), peakRss(1)]);

  const ours = results[0]!;
  const sonar = results[1]!;
  const worst = Object.entries(ours.perRule).sort((a, b) => b[1] - a[1])[0];
  out.push(
    '## Speed on real framework code',
    '',
    `${texts.length} files (${(bytes / 2 ** 20).toFixed(1)} MiB, ${lines.toLocaleString('en-US')} lines), read into memory first and linted in one process with ESLint's \`Linter\` under their real paths (so the project layer reads the files around them, as in a project; packages under node_modules included). ESLint's own \`stats\` give each file's parse time and each rule's time. One full warm-up pass of each config first (JIT, and the project layer's one-time parses of other files, as in a long CLI run or the editor), then ${reps} timed passes, interleaved; figures are per timed pass. Ours parses each file with the parser our config picks (espree for JavaScript, @typescript-eslint/parser for TypeScript); sonarjs's rules run on @typescript-eslint/parser for every file, so each config's ratio is to its own parse time.`,
    '',
    ...speed,
    '',
    `Ours: all rules ${ratio(ours.ruleMs / ours.parseMs)} of parse time (target ≤ 0.15×), the slowest rule ${worst ? `\`${worst[0]}\` ${ratio(worst[1] / ours.parseMs)}` : '–'} (target ≤ 0.03×), per-file p95 ${ms(ours.p95)} ms (target ≤ 2 ms); sonarjs's mapped rules ${ratio(sonar.ruleMs / sonar.parseMs)}. Slowest file for ours: ${path.relative(root, ours.maxFile)} (${ms(ours.max)} ms).`,
    '',
    ...perRule,
    '',
    ...(process.env.BENCH_MAX_FILES
      ? [`**This run was cut down** with BENCH_MAX_FILES=${process.env.BENCH_MAX_FILES} (every ${Math.ceil(parts.reduce((a, p) => a + p.files.length, 0) / Number(process.env.BENCH_MAX_FILES))}th file of the ${parts.reduce((a, p) => a + p.files.length, 0)}-file corpus) and BENCH_REPS=${reps}; \`npm run bench\` without them lints the whole corpus.`, '']
      : []),
    '### The CLI under ESLint and under oxlint',
    '',
    `The same files, copied to a temporary folder (outside any git repository, node_modules segments renamed), linted by \`broken-auth\` (recommended) as a user runs it: ESLint with its default worker threads, and \`--engine oxlint\` (oxlint's JS plugins). Wall time of the whole command, ${cli.runs[0]?.wallMs.length ?? 0} runs each, alternating.`,
    '',
    ...cliTable(cli),
    '',
    '### Corpus',
    '',
    '| source | version | files |',
    '|---|---|---:|',
    ...parts.map((p) => `| ${p.name} | ${p.version} | ${p.files.length} |`),
    '',
    'Packages are the published JavaScript of the web frameworks and server libraries installed as dev dependencies (next: its server, lib, shared and api folders, CJS and ESM builds). Repositories are the source of servers not installed here, at the pinned commit (tests, examples and scripts included: what a project lints). Declaration files, minified bundles and files over 400 kB are left out.',
    '',
    '### Memory',
    '',
    'Peak resident set size of a child process that loads the corpus and lints it once.',
    '',
    '| variant | peak RSS (MiB) | pass (s) |',
    '|---|---:|---:|',
    `| (a) parse only | ${(memA.maxRssKb / 1024).toFixed(0)} | ${(memA.ms / 1000).toFixed(1)} |`,
    `| (b) broken-auth recommended | ${(memB.maxRssKb / 1024).toFixed(0)} | ${(memB.ms / 1000).toFixed(1)} |`,
    '',
    `(b) − (a): ${((memB.maxRssKb - memA.maxRssKb) / 1024).toFixed(0)} MiB (${(100 * (memB.maxRssKb / memA.maxRssKb - 1)).toFixed(0)}%).`,
    '',
  );
  const crashes = results.flatMap((r) => r.crashes.map((c) => ({ variant: r.variant, ...c })));
  if (crashes.length) {
    out.push('### Crashes', '', ...crashes.slice(0, 20).map((c) => `- ${c.variant} on ${path.relative(root, c.file)}: \`${c.error.split('\n')[0]}\``), '');
  }
  out.push(`Bench time: ${((Date.now() - began) / 60000).toFixed(1)} min; load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}.`, '');
  process.stdout.write(
    ['## Speed (ESLint stats)', '', ...speed, '', ...perRule, '', '## CLI wall time', '', ...cliTable(cli), '', `Peak RSS: (a) ${(memA.maxRssKb / 1024).toFixed(0)} MiB, (b) ${(memB.maxRssKb / 1024).toFixed(0)} MiB`, ''].join('\n') + '\n',
  );
  if (crashes.length) process.stdout.write(`${crashes.length} rule crashes, first: ${crashes[0]!.variant} ${crashes[0]!.file}\n${crashes[0]!.error}\n`);
  // Hand-written notes (profiles, A/B runs) below the marker survive a re-run.
  const resultsFile = path.join(root, 'bench', 'RESULTS.md');
  let kept = '';
  try {
    const previous = readFileSync(resultsFile, 'utf8');
    const at = previous.indexOf(NOTES_MARKER);
    if (at >= 0) kept = previous.slice(at);
  } catch {
    // first run
  }
  writeFileSync(resultsFile, out.join('\n') + (kept ? `\n${kept}` : `\n${NOTES_MARKER}\n`));
  log(`wrote bench/RESULTS.md in ${((Date.now() - began) / 60000).toFixed(1)} min`);
}

const child = process.argv.indexOf('--memory-child');
if (child >= 0) memoryChild(Number(process.argv[child + 1]));
else await main();
