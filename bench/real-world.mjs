// The real-world accuracy bench: the built plugin's `recommended` config over
// public applications labelled by hand (bench/real-world/labels/*.json), scored
// against those labels. No application code is committed; only repository
// names, pinned commits and labels are.
//
//   npm run compile && npm run bench:real-world [-- options]
//
//   (no option)        extract each app's pinned commit from its bare mirror
//                      (BENCH_MIRROR, default /work/.mirror, laid out as
//                      <owner>+<name>/repo) into .bench-tmp/real-world/<app>,
//                      lint it and score it
//   --from <dir>       the apps are already extracted as <dir>/<app> (repository
//                      layout, label paths relative to <dir>/<app>); no mirror needed
//   --app <slug>       only this app (repeatable)
//   --rescore          do not lint: score the reports of the last run again
//                      (.bench-tmp/real-world/reports.json) against the labels
//   --json <file>      also write the figures to <file>
//   --legacy [<dir>]   the old 12-app run (bench/real-world.json, `all` config,
//                      reports only, no labels): extracts into <dir> (default
//                      .bench-tmp/real-world-legacy) and lints
//
// Scoring. A report matches a label when file and category are the same and
// the lines differ by at most 3 (a label may name other places the same flaw
// can be reported, `alsoAt: [{ file, line }]`: one flaw, one finding, at any
// of them). Reports and labels are paired one to one,
// nearest first; a further report within reach of an already paired label is a
// duplicate of it (counted nowhere). A finding label with a report is a true
// positive (TP), without one a miss (FN); a safe label with a report is a
// false positive (FP). A report near no label is "unlabelled": unknown until
// triaged, listed in .bench-tmp/real-world/unlabelled.json. Recall = TP /
// (TP + FN); precision = TP / (TP + FP), over labelled reports only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.bench-tmp', 'real-world');
const mirror = process.env.BENCH_MIRROR ?? '/work/.mirror';
const SOURCE = /\.(js|cjs|mjs|jsx|ts|cts|mts|tsx)$/;
/** Files the plugin's project layer reads: to resolve imports, find the project, and tell a vendored package (its license file). */
const PROJECT = /^(package\.json|(tsconfig|jsconfig)(\.[\w-]+)*\.json|\.gitignore|(licen[cs]e|copying)(\.[\w-]+)?)$/i;
const IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/*.min.js', '**/*.d.ts'];
// The one category table, from the build (`npm run compile` first, as for the plugin itself).
const { CATEGORY_RULES } = await import(new URL('../dist/src/categories.js', import.meta.url).href);
const CATEGORIES = Object.keys(CATEGORY_RULES);
const categoryOf = (ruleId) => CATEGORIES.find((c) => `broken-auth/${CATEGORY_RULES[c]}` === ruleId);
const REACH = 3;

function parseArgs(argv) {
  const opts = { apps: [], from: undefined, json: undefined, rescore: false, legacy: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--from') opts.from = path.resolve(argv[++i]);
    else if (a === '--app') opts.apps.push(argv[++i]);
    else if (a === '--json') opts.json = path.resolve(argv[++i]);
    else if (a === '--rescore') opts.rescore = true;
    else if (a === '--legacy') opts.legacy = argv[i + 1] && !argv[i + 1].startsWith('--') ? path.resolve(argv[++i]) : path.join(root, '.bench-tmp', 'real-world-legacy');
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

function loadLabels(only) {
  const dir = path.join(root, 'bench', 'real-world', 'labels');
  const apps = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
  return only.length ? apps.filter((a) => only.includes(a.app)) : apps;
}

/** Writes the blobs of `commit` whose paths pass `keep` under `into`, in the repository's layout. */
function extractCommit(repo, commit, into, keep) {
  const gitDir = path.join(mirror, repo.replace('/', '+'), 'repo');
  if (!existsSync(gitDir)) throw new Error(`${repo}: no mirror at ${gitDir} (BENCH_MIRROR)`);
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  const tree = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const blobs = [];
  for (const entry of tree.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (m && keep(m[2])) blobs.push({ id: m[1], file: m[2] });
  }
  if (blobs.length === 0) return 0;
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
  return blobs.length;
}

function extractApp(app, into) {
  const prefix = app.root ? app.root.replace(/\/$/, '') + '/' : '';
  const count = extractCommit(app.repo, app.commit, into, (file) => (SOURCE.test(file) && file.startsWith(prefix)) || PROJECT.test(path.basename(file)));
  console.log(`${app.app}: ${count} files from ${app.repo}@${app.commit.slice(0, 12)}${prefix ? ` (${prefix})` : ''}`);
}

async function lintApp(config, dir, root_, ignores = IGNORES) {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [{ ignores }, config, { linterOptions: { reportUnusedDisableDirectives: 'off' } }],
    errorOnUnmatchedPattern: false,
  });
  const start = performance.now();
  const results = await eslint.lintFiles([root_ || '.']);
  const seconds = (performance.now() - start) / 1000;
  const reports = [];
  let parseErrors = 0;
  for (const r of results) {
    let lines;
    for (const m of r.messages) {
      if (m.fatal) {
        parseErrors++;
        continue;
      }
      // Inline directives naming the app's own rules ("Definition for rule … was not found") are not ours.
      if (!m.ruleId?.startsWith('broken-auth/')) continue;
      lines ??= readFileSync(r.filePath, 'utf8').split('\n');
      const file = path.relative(dir, r.filePath).split(path.sep).join('/');
      reports.push({ file, line: m.line, rule: m.ruleId, message: m.message, code: (lines[m.line - 1] ?? '').trim().slice(0, 200) });
    }
  }
  return { files: results.length, parseErrors, seconds, reports };
}

/** Pairs reports with labels (see the header) and returns the outcome of each label and the unlabelled reports. */
function score(app, reports) {
  const labels = app.labels.map((l, index) => ({ ...l, index, reports: [] }));
  const pairs = [];
  reports.forEach((r, ri) => {
    const category = categoryOf(r.rule);
    labels.forEach((l, li) => {
      if (l.category !== category) return;
      // A flaw with more than one place a fix can go (`alsoAt`) is found by a report at any of them.
      const places = [{ file: l.file, line: l.line }, ...(l.alsoAt ?? [])].filter((p) => p.file === r.file);
      if (!places.length) return;
      const d = Math.min(...places.map((p) => Math.abs(p.line - r.line)));
      if (d <= REACH) pairs.push({ ri, li, d });
    });
  });
  pairs.sort((a, b) => a.d - b.d || a.ri - b.ri || a.li - b.li);
  const reportDone = new Set();
  for (const { ri, li } of pairs) {
    if (reportDone.has(ri) || labels[li].reports.length) continue;
    labels[li].reports.push(reports[ri]);
    reportDone.add(ri);
  }
  for (const { ri } of pairs) reportDone.add(ri); // a report within reach of a label already paired is a duplicate of it
  const unlabelled = reports.filter((_, ri) => !reportDone.has(ri)).map((r) => ({ app: app.app, ...r, category: categoryOf(r.rule) }));
  const outcomes = labels.map((l) => ({
    app: app.app,
    framework: app.framework,
    file: l.file,
    line: l.line,
    category: l.category,
    verdict: l.verdict,
    source: l.source ?? 'pre-run',
    dispute: l.dispute,
    outcome: l.verdict === 'finding' ? (l.reports.length ? 'TP' : 'FN') : l.reports.length ? 'FP' : 'TN',
    why: l.why,
    report: l.reports[0] && { line: l.reports[0].line, message: l.reports[0].message },
  }));
  return { outcomes, unlabelled };
}

const empty = () => ({ TP: 0, FN: 0, FP: 0, TN: 0, unlabelled: 0 });
const ratio = (a, b) => (b ? a / b : null);
function figures(c) {
  return { ...c, recall: ratio(c.TP, c.TP + c.FN), precision: ratio(c.TP, c.TP + c.FP) };
}
function tally(outcomes, unlabelled, key) {
  const groups = new Map();
  const get = (k) => groups.get(k) ?? groups.set(k, empty()).get(k);
  for (const o of outcomes) get(key(o))[o.outcome]++;
  for (const u of unlabelled) get(key(u)).unlabelled++;
  return Object.fromEntries([...groups].sort(([a], [b]) => String(a).localeCompare(String(b))).map(([k, c]) => [k, figures(c)]));
}

const pct = (x) => (x === null ? '  –  ' : (x * 100).toFixed(0).padStart(4) + '%');
function table(title, rows) {
  const width = Math.max(title.length, ...Object.keys(rows).map((k) => k.length));
  console.log(`\n${title.padEnd(width)}    TP   FN recall    FP precision  unlabelled`);
  for (const [k, c] of Object.entries(rows)) {
    console.log(`${k.padEnd(width)} ${String(c.TP).padStart(5)} ${String(c.FN).padStart(4)}  ${pct(c.recall)} ${String(c.FP).padStart(5)}     ${pct(c.precision)} ${String(c.unlabelled).padStart(11)}`);
  }
}

function pluginCommit() {
  try {
    // The last commit that changed the plugin's sources (a head that only adds labels or docs is the same plugin).
    const last = execFileSync('git', ['-C', root, 'log', '-1', '--format=%h', '--abbrev=12', '--', 'src', 'rules'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain', '--', 'src', 'rules'], { encoding: 'utf8' }).trim();
    return dirty ? `${last} (+ uncommitted changes in src/ or rules/)` : last;
  } catch {
    return 'unknown';
  }
}

async function run(opts) {
  const apps = loadLabels(opts.apps);
  mkdirSync(out, { recursive: true });
  const reportsFile = path.join(out, 'reports.json');
  let runs;
  if (opts.rescore) {
    runs = JSON.parse(readFileSync(reportsFile, 'utf8'));
  } else {
    const { default: plugin } = await import('../dist/src/index.js');
    runs = { plugin: pluginCommit(), date: new Date().toISOString(), apps: {} };
    for (const app of apps) {
      const dir = opts.from ? path.join(opts.from, app.app) : path.join(out, app.app);
      if (!opts.from) extractApp(app, dir);
      try {
        const r = await lintApp(plugin.configs.recommended, dir, app.root);
        runs.apps[app.app] = r;
        console.log(`${app.app}: ${r.files} files linted, ${r.reports.length} reports, ${r.parseErrors} parse errors, ${r.seconds.toFixed(1)} s`);
      } catch (error) {
        // A rule that throws stops ESLint for the whole app: record it, go on with the next app.
        const message = String(error?.message ?? error).split('\n').slice(0, 3).join(' | ');
        runs.apps[app.app] = { crashed: message };
        console.log(`${app.app}: CRASHED: ${message}`);
      }
    }
    if (opts.apps.length && existsSync(reportsFile)) {
      // A partial run updates those apps in the last full run's reports.
      const last = JSON.parse(readFileSync(reportsFile, 'utf8'));
      runs = { ...runs, apps: { ...last.apps, ...runs.apps } };
    }
    writeFileSync(reportsFile, JSON.stringify(runs, null, 1));
  }

  const outcomes = [];
  const unlabelled = [];
  for (const app of apps) {
    const r = runs.apps[app.app];
    if (!r || r.crashed) {
      console.log(`${app.app}: ${r ? `not scored, the lint crashed: ${r.crashed}` : 'not linted (run without --rescore)'}`);
      continue;
    }
    const s = score(app, r.reports);
    outcomes.push(...s.outcomes);
    unlabelled.push(...s.unlabelled.map((u) => ({ ...u, framework: app.framework })));
  }
  const byCategory = tally(outcomes, unlabelled, (o) => o.category);
  const byFramework = tally(outcomes, unlabelled, (o) => o.framework);
  const byApp = tally(outcomes, unlabelled, (o) => o.app);
  const overall = tally(outcomes, unlabelled, () => 'overall').overall ?? figures(empty());
  const preRun = tally(outcomes.filter((o) => o.source === 'pre-run'), [], () => 'pre-run')['pre-run'] ?? figures(empty());
  const disputed = outcomes.filter((o) => o.dispute).length;

  console.log(`\nplugin ${runs.plugin}, linted ${runs.date}; ${apps.length} apps, ${outcomes.length} labels (${outcomes.filter((o) => o.verdict === 'finding').length} findings)`);
  table('category', byCategory);
  table('framework', byFramework);
  table('app', byApp);
  table('', { overall, 'pre-run labels only': preRun });
  const crashed = apps.filter((a) => runs.apps[a.app]?.crashed).map((a) => a.app);
  console.log(`\nunlabelled reports: ${unlabelled.length} (precision above counts labelled reports only); disputed labels: ${disputed}`);
  if (crashed.length) console.log(`crashed (not scored): ${crashed.join(', ')}`);

  writeFileSync(path.join(out, 'unlabelled.json'), JSON.stringify(unlabelled, null, 1));
  writeFileSync(path.join(out, 'outcomes.json'), JSON.stringify(outcomes.filter((o) => o.outcome === 'FN' || o.outcome === 'FP'), null, 1));
  console.log('unlabelled reports: .bench-tmp/real-world/unlabelled.json; misses and false alarms: .bench-tmp/real-world/outcomes.json');
  if (opts.json) {
    const data = { plugin: runs.plugin, date: runs.date, apps: apps.length, crashed, labels: outcomes.length, overall, preRun, byCategory, byFramework, byApp, unlabelled: unlabelled.length, disputed };
    writeFileSync(opts.json, JSON.stringify(data, null, 2) + '\n');
  }
}

/** The first run (bench/real-world.json): 12 apps, the `all` config, reports listed for triage by hand. */
async function legacy(dir) {
  const apps = JSON.parse(readFileSync(path.join(root, 'bench', 'real-world.json'), 'utf8'));
  const { default: plugin } = await import('../dist/src/index.js');
  const all = [];
  for (const app of apps) {
    const into = path.join(dir, app.name);
    extractCommit(app.repo, app.commit, into, (file) => SOURCE.test(file) || path.basename(file) === 'package.json');
    const r = await lintApp(plugin.configs.all, into, '', [...IGNORES, '**/coverage/**', '**/vendor/**', '**/public/js/lib/**', '**/bower_components/**']);
    all.push(...r.reports.map((x) => ({ app: app.name, ...x })));
    console.log(`${app.name}: ${r.files} files, ${r.reports.length} reports, ${r.parseErrors} parse errors, ${r.seconds.toFixed(1)} s`);
  }
  mkdirSync(path.join(root, '.bench-tmp'), { recursive: true });
  writeFileSync(path.join(root, '.bench-tmp', 'real-world-legacy.json'), JSON.stringify(all, null, 1));
  console.log('reports written to .bench-tmp/real-world-legacy.json');
}

const opts = parseArgs(process.argv.slice(2));
if (opts.legacy) await legacy(opts.legacy);
else await run(opts);
