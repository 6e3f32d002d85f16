/**
 * The ESLint instance the CLI lints with: our shipped config on its own
 * (zero-config), or the project's flat config with ours added when it does
 * not load the plugin itself (`--use-eslint-config`). Parallel linting goes
 * through an options module, because worker threads cannot receive plugin
 * objects; ESLint versions without it lint on one thread.
 */
import { ESLint, type Linter } from 'eslint';
import plugin from '../index.js';
import { NAMESPACE } from '../configs.js';
import { readErrorCode } from './findings.js';

export type Level = 'recommended' | 'strict' | 'all';
export type Concurrency = number | 'auto' | 'off';

export interface EngineParams {
  readonly cwd: string;
  readonly level: Level;
  /** Load the project's eslint.config.* and add our config on top. */
  readonly project: boolean;
  /** Only for `project`: the project's config already loads the plugin, use it as it is. */
  readonly asIs?: boolean;
}

/** Options for `new ESLint(…)`, also built inside worker threads by options-module.ts. */
export function eslintOptions(p: EngineParams): ESLint.Options {
  const ours: Linter.Config[] = [
    plugin.configs[p.level],
    { name: `${NAMESPACE}/cli`, linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
  ];
  if (p.project) {
    return { cwd: p.cwd, warnIgnored: false, errorOnUnmatchedPattern: false, ...(p.asIs ? {} : { overrideConfig: ours }) };
  }
  return {
    cwd: p.cwd,
    overrideConfigFile: true,
    // Which files to lint is decided by files.ts (.gitignore, build output, bundles); ESLint gets the list.
    overrideConfig: ours,
    warnIgnored: false,
    errorOnUnmatchedPattern: false,
  };
}

function optionsModuleUrl(p: EngineParams, concurrency: Concurrency): URL {
  const url = new URL('./options-module.js', import.meta.url);
  url.searchParams.set('cwd', p.cwd);
  url.searchParams.set('level', p.level);
  if (p.project) url.searchParams.set('project', p.asIs ? 'as-is' : '1');
  url.searchParams.set('concurrency', String(concurrency));
  return url;
}

/** Whether the project's config loads a plugin under our namespace (judged on the first of `files` it does not ignore). */
async function projectLoadsPlugin(cwd: string, files: readonly string[]): Promise<boolean> {
  const probe = new ESLint({ cwd });
  for (const file of files.slice(0, 50)) {
    const config = (await probe.calculateConfigForFile(file)) as { plugins?: Record<string, unknown> | string[] } | undefined;
    if (!config) continue; // ignored by the project
    const plugins = config.plugins ?? {};
    return Array.isArray(plugins) ? plugins.some((p) => p === NAMESPACE || p.startsWith(`${NAMESPACE}:`)) : NAMESPACE in plugins;
  }
  return false;
}

export interface Engine {
  readonly eslint: ESLint;
  /** Whether lintFiles may use worker threads. */
  readonly parallel: boolean;
}

export async function createEngine(params: EngineParams, concurrency: Concurrency, files: readonly string[]): Promise<Engine> {
  let p = params;
  if (p.project) p = { ...p, asIs: await projectLoadsPlugin(p.cwd, files) };
  const canUseWorkers = concurrency !== 'off' && typeof (ESLint as { fromOptionsModule?: unknown }).fromOptionsModule === 'function' && import.meta.url.endsWith('.js');
  if (canUseWorkers) {
    try {
      return { eslint: await ESLint.fromOptionsModule(optionsModuleUrl(p, concurrency)), parallel: true };
    } catch {
      // An ESLint that refuses the module or the concurrency value: lint on this thread.
    }
  }
  return { eslint: new ESLint(eslintOptions(p)), parallel: false };
}

/**
 * ESLint's `lintFiles` rejects the whole call when one file cannot be read
 * (removed or made unreadable since discovery): lint that list file by file
 * instead, and collect the unreadable ones in `unreadable` (reported like
 * parse errors). Any other error is an internal error and propagates.
 */
export async function lintFilesOrEach(eslint: Pick<ESLint, 'lintFiles'>, files: readonly string[], unreadable: { file: string; code: string }[]): Promise<ESLint.LintResult[]> {
  try {
    return await eslint.lintFiles([...files]);
  } catch (error) {
    const code = readErrorCode(error);
    if (code === null) throw error;
    if (files.length === 1) {
      unreadable.push({ file: files[0]!, code });
      return [];
    }
    const results: ESLint.LintResult[] = [];
    for (const file of files) results.push(...(await lintFilesOrEach(eslint, [file], unreadable)));
    return results;
  }
}
