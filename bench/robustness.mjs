// `npm run test:robustness`: lint every .js .cjs .mjs .jsx .ts .tsx file under
// node_modules with the built plugin's `all` config. A rule that throws fails
// the run (file, rule and stack are printed); files that do not parse are
// skipped and counted. Runs in ROBUSTNESS_WORKERS child processes (default: one
// per CPU), each with its own ESLint Linter, files dealt out largest first.
//
// Files over ROBUSTNESS_MAX_BYTES (default 1 MiB: bundled compilers such as
// typescript.js, which take minutes each to parse and hold no app code) are
// left out and counted, so the run fits CI; set it to 0 to lint everything.
//
// usage: npm run build && node bench/robustness.mjs [dir …]   (default: node_modules)
import { fork } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = /\.(js|cjs|mjs|jsx|ts|tsx)$/;

function listFiles(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else if (entry.isFile() && SOURCE.test(entry.name)) out.push(full);
  }
  return out;
}

// ---------------------------------------------------------------- worker side
async function worker() {
  const { Linter } = await import('eslint');
  const { default: plugin } = await import('../dist/src/index.js');
  const linter = new Linter({ cwd: root });
  // Every file, whatever its extension; the real path minus node_modules
  // segments (which ESLint ignores by default) so test-file detection still works.
  const config = [{ ...plugin.configs.all, files: ['**/*'] }];
  const result = { files: 0, parseErrors: 0, crashes: [], slow: [] };
  process.on('message', (message) => {
    if (message.type !== 'files') return;
    for (const file of message.files) {
      let text;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      const filename = path.join(root, '.robustness', path.relative(root, file).replace(/(^|\/)node_modules\//g, '$1nm/'));
      const start = performance.now();
      try {
        const messages = linter.verify(text, config, { filename, allowInlineConfig: false });
        if (messages.some((m) => m.fatal)) result.parseErrors++;
      } catch (error) {
        const text = String(error?.stack ?? error);
        const rule = /Rule: "([^"]+)"/.exec(text)?.[1] ?? 'unknown';
        result.crashes.push({ file: path.relative(root, file), rule, stack: text });
        process.send({ type: 'crash', crash: result.crashes.at(-1) });
      }
      const ms = performance.now() - start;
      if (ms > 5000) result.slow.push({ file: path.relative(root, file), ms, bytes: text.length });
      result.files++;
      if (result.files % 2000 === 0) process.send({ type: 'progress', files: result.files });
    }
    process.send({ type: 'done', result });
  });
  process.send({ type: 'ready' });
}

// ---------------------------------------------------------------- main side
async function main() {
  const began = performance.now();
  const dirs = process.argv.slice(2);
  const files = (dirs.length ? dirs : [path.join(root, 'node_modules')]).flatMap((d) => listFiles(path.resolve(d)));
  const maxBytes = Number(process.env.ROBUSTNESS_MAX_BYTES ?? 2 ** 20);
  const all = files.map((file) => ({ file, size: statSync(file).size }));
  const sized = all.filter((f) => !maxBytes || f.size <= maxBytes).sort((a, b) => b.size - a.size);
  if (sized.length < all.length) console.log(`robustness: ${all.length - sized.length} files over ${(maxBytes / 2 ** 20).toFixed(1)} MiB left out (ROBUSTNESS_MAX_BYTES=0 lints them too)`);
  const count = Math.max(1, Number(process.env.ROBUSTNESS_WORKERS ?? os.availableParallelism?.() ?? os.cpus().length));
  // Largest first, each file to the shard with the fewest bytes so far.
  const shards = Array.from({ length: count }, () => ({ files: [], bytes: 0 }));
  for (const { file, size } of sized) {
    const shard = shards.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    shard.files.push(file);
    shard.bytes += size;
  }
  const totalBytes = sized.reduce((a, f) => a + f.size, 0);
  console.log(`robustness: ${sized.length} files (${(totalBytes / 2 ** 20).toFixed(0)} MiB) in ${count} worker(s), config \`all\``);

  let progress = 0;
  const results = await Promise.all(
    shards.map(
      (shard) =>
        new Promise((resolve, reject) => {
          const child = fork(fileURLToPath(import.meta.url), ['--worker'], { execArgv: ['--max-old-space-size=4096'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
          child.on('message', (message) => {
            if (message.type === 'ready') child.send({ type: 'files', files: shard.files });
            else if (message.type === 'crash') console.log(`CRASH ${message.crash.rule} on ${message.crash.file}`);
            else if (message.type === 'progress') {
              progress += 2000;
              console.log(`  … ${progress} files`);
            } else if (message.type === 'done') {
              resolve(message.result);
              child.kill();
            }
          });
          child.on('exit', (code, signal) => {
            if (code !== 0 && signal !== 'SIGTERM') reject(new Error(`worker exited with ${code ?? signal}`));
          });
        }),
    ),
  );

  const crashes = results.flatMap((r) => r.crashes);
  const linted = results.reduce((a, r) => a + r.files, 0);
  const parseErrors = results.reduce((a, r) => a + r.parseErrors, 0);
  const slow = results.flatMap((r) => r.slow).sort((a, b) => b.ms - a.ms);
  const seconds = (performance.now() - began) / 1000;
  console.log(`linted ${linted} files in ${seconds.toFixed(0)} s (${(seconds / 60).toFixed(1)} min): ${parseErrors} skipped as parse errors, ${crashes.length} rule crashes`);
  for (const s of slow.slice(0, 10)) console.log(`  slow: ${s.file} (${(s.bytes / 1024).toFixed(0)} kB) ${(s.ms / 1000).toFixed(1)} s`);
  for (const c of crashes) console.log(`\n${c.rule} threw on ${c.file}\n${c.stack}`);
  process.exitCode = crashes.length ? 1 : 0;
}

if (process.argv.includes('--worker')) await worker();
else await main();
