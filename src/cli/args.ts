/**
 * Command-line arguments of `broken-auth`. Unknown options and bad values
 * are a UsageError (exit code 2, one line, the usage hint).
 */
import { UsageError } from './files.js';
import type { Concurrency, Level } from './engine.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];
const LEVELS = ['recommended', 'strict', 'all'] as const;

export interface CliOptions {
  paths: string[];
  level: Level;
  useEslintConfig: boolean;
  format: Format;
  outputFile: string | undefined;
  maxWarnings: number;
  baseline: string | undefined;
  writeBaseline: string | undefined;
  staged: boolean;
  concurrency: Concurrency;
  noIgnore: boolean;
  color: boolean | undefined;
  debug: boolean;
  help: boolean;
  version: boolean;
}

export const USAGE = `usage: broken-auth [options] [paths…]

Finds broken-authentication flaws in JavaScript and TypeScript (default path: .)

  -c, --config <name>        recommended (default), strict or all
      --use-eslint-config    lint with the project's eslint.config.* (adds our config unless it loads the plugin)
  -f, --format <name>        stylish (default), json, sarif, github, gitlab
  -o, --output-file <file>   write the report to a file instead of stdout
      --max-warnings <n>     exit 1 when there are more than n warnings
      --baseline <file>      report only findings that are not in the baseline
      --write-baseline <file>  record the current findings as the baseline and exit 0
      --staged               lint the staged content of staged files (pre-commit)
      --concurrency <n>      worker threads: a number, auto (default) or off
      --no-ignore            also lint .gitignore'd files, build output and bundles (never node_modules)
      --color, --no-color    force or disable colours (default: on a terminal)
      --debug                print stack traces of internal errors
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no findings, 1 findings (or too many warnings), 2 usage or internal error.`;

function valueOf(name: string, inline: string | undefined, argv: readonly string[], i: { at: number }): string {
  if (inline !== undefined) return inline;
  const next = argv[i.at + 1];
  if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${name} needs a value`);
  i.at++;
  return next;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = {
    paths: [],
    level: 'recommended',
    useEslintConfig: false,
    format: 'stylish',
    outputFile: undefined,
    maxWarnings: -1,
    baseline: undefined,
    writeBaseline: undefined,
    staged: false,
    concurrency: 'auto',
    noIgnore: false,
    color: undefined,
    debug: false,
    help: false,
    version: false,
  };
  const i = { at: 0 };
  let onlyPaths = false;
  for (; i.at < argv.length; i.at++) {
    const arg = argv[i.at]!;
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      o.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    const flag = (): void => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
    };
    switch (name) {
      case '-h':
      case '--help':
        flag();
        o.help = true;
        break;
      case '-v':
      case '--version':
        flag();
        o.version = true;
        break;
      case '-c':
      case '--config': {
        const v = valueOf(name, inline, argv, i);
        if (!(LEVELS as readonly string[]).includes(v)) throw new UsageError(`unknown config "${v}": use recommended, strict or all`);
        o.level = v as Level;
        break;
      }
      case '--use-eslint-config':
        flag();
        o.useEslintConfig = true;
        break;
      case '-f':
      case '--format': {
        const v = valueOf(name, inline, argv, i);
        if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`unknown format "${v}": use ${FORMATS.join(', ')}`);
        o.format = v as Format;
        break;
      }
      case '-o':
      case '--output-file':
        o.outputFile = valueOf(name, inline, argv, i);
        break;
      case '--max-warnings': {
        const v = valueOf(name, inline, argv, i);
        if (!/^-?\d+$/.test(v)) throw new UsageError(`--max-warnings takes a number, not "${v}"`);
        o.maxWarnings = Number(v);
        break;
      }
      case '--baseline':
        o.baseline = valueOf(name, inline, argv, i);
        break;
      case '--write-baseline':
        o.writeBaseline = valueOf(name, inline, argv, i);
        break;
      case '--staged':
        flag();
        o.staged = true;
        break;
      case '--concurrency': {
        const v = valueOf(name, inline, argv, i);
        if (v === 'auto' || v === 'off') o.concurrency = v;
        else if (/^\d+$/.test(v) && Number(v) >= 1) o.concurrency = Number(v) === 1 ? 'off' : Number(v);
        else throw new UsageError(`--concurrency takes a number, auto or off, not "${v}"`);
        break;
      }
      case '--no-ignore':
        flag();
        o.noIgnore = true;
        break;
      case '--color':
        flag();
        o.color = true;
        break;
      case '--no-color':
        flag();
        o.color = false;
        break;
      case '--debug':
        flag();
        o.debug = true;
        break;
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }
  if (o.paths.length === 0) o.paths.push('.');
  return o;
}
