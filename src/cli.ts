/**
 * `broken-auth [paths…]`: lint JS/TS files with the plugin's `recommended`
 * config, without the user's ESLint set-up, and print ESLint's stylish output.
 */
import { existsSync } from 'node:fs';
import { ESLint } from 'eslint';
import plugin from './index.js';

const USAGE = 'usage: broken-auth [--config recommended|strict|all] [paths…]';

export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  const paths: string[] = [];
  let level: 'recommended' | 'strict' | 'all' = 'recommended';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (arg === '--config') {
      const value = argv[++i];
      if (value !== 'recommended' && value !== 'strict' && value !== 'all') {
        process.stderr.write(`broken-auth: --config takes recommended, strict or all\n${USAGE}\n`);
        return 2;
      }
      level = value;
      continue;
    }
    if (arg.startsWith('-')) {
      process.stderr.write(`broken-auth: unknown option ${arg}\n${USAGE}\n`);
      return 2;
    }
    paths.push(arg);
  }
  if (paths.length === 0) paths.push('.');
  for (const p of paths) {
    if (!existsSync(p)) {
      process.stderr.write(`broken-auth: no such file or directory: ${p}\n`);
      return 2;
    }
  }
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [{ ignores: ['**/node_modules/', '**/dist/', '**/build/', '**/*.min.js'] }, plugin.configs[level]],
    errorOnUnmatchedPattern: false,
  });
  const results = await eslint.lintFiles(paths);
  const formatter = await eslint.loadFormatter('stylish');
  const text = await formatter.format(results);
  if (text) process.stdout.write(text);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  return errors > 0 ? 1 : 0;
}
