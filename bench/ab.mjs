// A/B timing of two builds of the plugin on the same files, in one process,
// with ESLint's own `stats` (rule time and parse time per file, warm).
//
//   node bench/ab.mjs --a <dir with dist/> --b <dir with dist/> [--reps 3] [--warmup 200] <dir|file>…
//
// Files keep their real absolute paths, so the project layer works as in a
// project. Passes alternate A, B, B, A, … after a warm-up of each. Prints per
// build: total parse ms, total rule ms, rules ÷ parse, per-file rule p50/p95/max,
// and the per-rule totals side by side.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  if (i === -1) return dflt;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const dirA = path.resolve(opt('a', '.'));
const dirB = path.resolve(opt('b', '.'));
const reps = Number(opt('reps', '3'));
const warmup = Number(opt('warmup', '200'));
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const SKIP = new Set(['node_modules', 'dist', 'build', 'coverage', '.git', '.bench-tmp']);

function list(p, out) {
  const stat = statSync(p);
  if (stat.isDirectory()) {
    for (const e of readdirSync(p)) if (!SKIP.has(e)) list(path.join(p, e), out);
  } else if (SOURCE.test(p) && !p.endsWith('.d.ts') && stat.size < 512 * 1024) out.push(p);
  return out;
}

const files = args.flatMap((a) => list(path.resolve(a), [])).map((f) => ({ filename: f, text: readFileSync(f, 'utf8') }));
const load = async (dir) => (await import(pathToFileURL(path.join(dir, 'dist/src/index.js')).href)).default;
const builds = [
  { name: 'A', dir: dirA, plugin: await load(dirA) },
  { name: 'B', dir: dirB, plugin: await load(dirB) },
];

/** The deepest folder holding every file: the linter's cwd, so the config's `files` patterns match them all. */
const common = files.reduce((acc, f) => {
  let dir = acc ?? path.dirname(f.filename);
  while (!f.filename.startsWith(dir + path.sep)) dir = path.dirname(dir);
  return dir;
}, null) ?? process.cwd();

function pass(build, texts, sink) {
  const linter = new Linter({ cwd: common });
  const config = [build.plugin.configs.recommended];
  for (const { filename, text } of texts) {
    let out;
    try {
      out = linter.verifyAndFix(text, config, { filename, stats: true, fix: false });
    } catch (error) {
      sink.crashes.push(`${filename}: ${error.message}`);
      continue;
    }
    if (out.messages.some((m) => m.fatal)) continue;
    let parse = 0;
    let rules = 0;
    for (const p of linter.getTimes().passes) {
      parse += p.parse?.total ?? 0;
      for (const [rule, t] of Object.entries(p.rules ?? {})) {
        rules += t.total;
        sink.perRule[rule] = (sink.perRule[rule] ?? 0) + t.total;
      }
    }
    sink.parse += parse;
    sink.rules += rules;
    sink.perFile.push(rules);
    sink.messages += out.messages.length;
  }
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};

for (const b of builds) pass(b, files.slice(0, warmup), { perRule: {}, perFile: [], crashes: [], parse: 0, rules: 0, messages: 0 });
const totals = builds.map(() => ({ perRule: {}, perFile: [], crashes: [], parse: 0, rules: 0, messages: 0 }));
for (let rep = 0; rep < reps; rep++) {
  const order = rep % 2 === 0 ? [0, 1] : [1, 0];
  for (const i of order) pass(builds[i], files, totals[i]);
}
console.log(`${files.length} files, ${reps} repetitions each (after a warm-up of ${Math.min(warmup, files.length)})`);
for (const [i, b] of builds.entries()) {
  const t = totals[i];
  console.log(
    `${b.name} ${b.dir}: parse ${(t.parse / reps).toFixed(0)} ms, rules ${(t.rules / reps).toFixed(0)} ms, rules/parse ${(t.rules / t.parse).toFixed(3)}, ` +
      `per-file rule p50 ${pct(t.perFile, 50).toFixed(3)} ms p95 ${pct(t.perFile, 95).toFixed(3)} ms max ${Math.max(...t.perFile).toFixed(1)} ms, ` +
      `messages ${t.messages / reps}, crashes ${t.crashes.length}`,
  );
}
for (const [i, b] of builds.entries()) for (const c of [...new Set(totals[i].crashes)].slice(0, 5)) console.log(`${b.name} crash: ${c}`);
const ruleNames = [...new Set(totals.flatMap((t) => Object.keys(t.perRule)))].sort();
console.log('\nrule | A ms | B ms | A/parse | B/parse');
for (const r of ruleNames) {
  const a = (totals[0].perRule[r] ?? 0) / reps;
  const b = (totals[1].perRule[r] ?? 0) / reps;
  console.log(`${r} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(a / (totals[0].parse / reps)).toFixed(4)} | ${(b / (totals[1].parse / reps)).toFixed(4)}`);
}
