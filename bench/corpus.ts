/**
 * The speed corpus: real web-framework and server code. Repositories pinned in
 * corpus.json are extracted into .bench-tmp/corpus/ (from a local bare mirror
 * when there is one, else a shallow fetch from GitHub), the listed packages are
 * taken from node_modules when installed, and fixtures/ is added.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface CorpusSpec {
  repositories: { repo: string; commit: string }[];
  nodeModules: string[];
  maxFileBytes: number;
}

export interface CorpusPart {
  name: string;
  /** Commit for a repository, installed version for a package, '' for fixtures. */
  version: string;
  files: string[];
}

const SOURCE = /\.(js|cjs|mjs|jsx|ts|cts|mts|tsx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Source files under `dir`, without declarations, minified bundles and files over `maxBytes`. */
export function sourceFiles(dir: string, maxBytes = Infinity): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(d, entry);
      let st;
      try {
        st = statSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(entry)) walk(full);
      } else if (SOURCE.test(entry) && !DECLARATION.test(entry) && !entry.endsWith('.min.js') && st.size <= maxBytes) {
        out.push(full);
      }
    }
  };
  walk(dir);
  return out;
}

function extract(repo: string, commit: string, into: string): void {
  const mirror = path.join(process.env.BENCH_MIRROR ?? '/work/.mirror', repo.replace('/', '+'), 'repo');
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  let gitDir = mirror;
  if (!existsSync(mirror)) {
    gitDir = `${into}.git`;
    rmSync(gitDir, { recursive: true, force: true });
    execFileSync('git', ['init', '--quiet', '--bare', gitDir]);
    execFileSync('git', ['--git-dir', gitDir, 'fetch', '--quiet', '--depth', '1', `https://github.com/${repo}.git`, commit], { stdio: 'inherit' });
  }
  // Source files only, blob by blob: snapshots may lack large binary blobs, which would break `git archive`.
  const tree = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const blobs: { id: string; file: string }[] = [];
  for (const entry of tree.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (m && SOURCE.test(m[2]!) && !DECLARATION.test(m[2]!)) blobs.push({ id: m[1]!, file: m[2]! });
  }
  const batch = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: blobs.map((b) => b.id).join('\n') + '\n',
    maxBuffer: 1 << 30,
  });
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
  if (gitDir !== mirror) rmSync(gitDir, { recursive: true, force: true });
  writeFileSync(path.join(into, '.bench-complete'), commit);
}

export function loadCorpus(root: string, log: (line: string) => void = () => {}): CorpusPart[] {
  const spec = JSON.parse(readFileSync(path.join(root, 'bench', 'corpus.json'), 'utf8')) as CorpusSpec;
  const parts: CorpusPart[] = [];
  const base = path.join(root, '.bench-tmp', 'corpus');
  for (const { repo, commit } of spec.repositories) {
    const into = path.join(base, `${repo.replace('/', '+')}@${commit.slice(0, 12)}`);
    if (!existsSync(path.join(into, '.bench-complete'))) {
      log(`extracting ${repo}@${commit.slice(0, 12)}`);
      try {
        extract(repo, commit, into);
      } catch (error) {
        log(`  could not extract ${repo}: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
    }
    parts.push({ name: repo, version: commit.slice(0, 12), files: sourceFiles(into, spec.maxFileBytes) });
  }
  for (const name of spec.nodeModules) {
    const dir = path.join(root, 'node_modules', name);
    if (!existsSync(dir)) continue;
    const pkgName = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!;
    let version = '';
    try {
      version = (JSON.parse(readFileSync(path.join(root, 'node_modules', pkgName, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // a package without a readable package.json still counts
    }
    parts.push({ name: `node_modules/${name}`, version, files: sourceFiles(dir, spec.maxFileBytes) });
  }
  parts.push({ name: 'fixtures', version: '', files: sourceFiles(path.join(root, 'fixtures')) });
  return parts;
}
