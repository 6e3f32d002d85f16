/**
 * Command-line arguments of `broken-auth`. Unknown options and bad values
 * are a UsageError (exit code 2, one line, the usage hint).
 */
import { UsageError } from './files.js';
import type { Concurrency, Level } from './engine.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];
const LEVELS = ['recommended', 'strict', 'all'] as const;
export const ENGINES = ['eslint', 'oxlint'] as const;
export type EngineName = (typeof ENGINES)[number];

/** One report of the run: a format, written to a file or (at most one of them) to stdout. */
export interface Output {
  format: Format;
  file: string | undefined;
}

export interface CliOptions {
  paths: string[];
  level: Level;
  useEslintConfig: boolean;
  engine: EngineName;
  /** The first report (`--format`, `--output-file`). */
  format: Format;
  outputFile: string | undefined;
  /** Every report: one lint run can write SARIF to a file and annotations to stdout. */
  outputs: Output[];
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

Finds broken-authentication flaws in JavaScript, TypeScript and Vue/Svelte/Astro components (default path: .)

  -c, --config <name>        recommended (default), strict or all
      --use-eslint-config    lint with the project's eslint.config.* (adds our config unless it loads the plugin)
      --engine <name>        eslint (default) or oxlint (needs oxlint installed in the project)
  -f, --format <name>        stylish (default), json, sarif, github, gitlab; repeat for several reports
  -o, --output-file <file>   write the preceding --format's report to a file instead of stdout
      --max-warnings <n>     exit 1 when there are more than n warnings (-1: no limit, the default)
      --baseline <file>      report only findings that are not in the baseline
      --write-baseline <file>  record the current findings as the baseline and exit 0
      --staged               lint the staged content of staged files (pre-commit)
      --concurrency <n>      worker threads: a number, auto (default) or off
      --no-ignore            also lint .gitignore'd files, build output and bundles (never node_modules)
      --color, --no-color    force or disable colours (default: on a terminal)
      --debug                print stack traces of internal errors
  -h, --help                 show this help
  -v, --version              show the version

A one-line summary ("linted N files, skipped M: …") goes to stderr.
Exit codes: 0 no findings, 1 findings (or too many warnings), 2 usage or internal error, or no file to lint.`;

function valueOf(name: string, inline: string | undefined, argv: readonly string[], i: { at: number }, negative = false): string {
  if (inline !== undefined) return inline;
  const next = argv[i.at + 1];
  const isNumber = negative && next !== undefined && /^-\d+$/.test(next);
  if (next === undefined || (next.startsWith('-') && next !== '-' && !isNumber)) throw new UsageError(`${name} needs a value`);
  i.at++;
  return next;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = {
    paths: [],
    level: 'recommended',
    useEslintConfig: false,
    engine: 'eslint',
    format: 'stylish',
    outputFile: undefined,
    outputs: [],
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
  /** `--output-file`s given before any `--format` belong to the first report. */
  let pendingFile: string | undefined;
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
        o.outputs.push({ format: v as Format, file: o.outputs.length === 0 ? pendingFile : undefined });
        break;
      }
      case '-o':
      case '--output-file': {
        const file = valueOf(name, inline, argv, i);
        const last = o.outputs.at(-1);
        if (last && last.file === undefined) last.file = file;
        else if (o.outputs.length === 0 && pendingFile === undefined) pendingFile = file;
        else throw new UsageError(`${name} ${file}: each --format takes one output file`);
        break;
      }
      case '--engine': {
        const v = valueOf(name, inline, argv, i);
        if (!(ENGINES as readonly string[]).includes(v)) throw new UsageError(`unknown engine "${v}": use ${ENGINES.join(' or ')}`);
        o.engine = v as EngineName;
        break;
      }
      case '--max-warnings': {
        const v = valueOf(name, inline, argv, i, true);
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
  if (o.outputs.length === 0) o.outputs.push({ format: 'stylish', file: pendingFile });
  const toStdout = o.outputs.filter((out) => out.file === undefined);
  if (toStdout.length > 1) throw new UsageError(`only one report can go to stdout: give --output-file to all but one of ${toStdout.map((out) => out.format).join(', ')}`);
  o.format = o.outputs[0]!.format;
  o.outputFile = o.outputs[0]!.file;
  return o;
}
