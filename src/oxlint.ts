/**
 * oxlint as an engine: the rules run unchanged as an oxlint JS plugin
 * (`jsPlugins` in `.oxlintrc.json`). oxlint parses JavaScript, TypeScript
 * (any version: it needs no `typescript` package) and the script blocks of
 * Vue, Svelte and Astro files itself.
 *
 * `oxlintConfig(level)` is the `.oxlintrc.json` for one level, holding only
 * this plugin's rules (oxlint's own default rules are off). The package ships
 * it as `oxlint/<level>.json` (tests/install/oxlint.test.ts keeps those files
 * equal to this function), for `"extends"` or `oxlint -c`.
 */
import { ruleLevels, type Level } from './configs.js';
import { PACKAGE } from './package-info.js';

/** The levels oxlint can run: it has no TypeScript type information, so not `recommended-type-checked`. */
export const OXLINT_LEVELS = ['recommended', 'strict', 'all'] as const;
export type OxlintLevel = (typeof OXLINT_LEVELS)[number];

export interface OxlintConfig {
  readonly $schema?: string;
  readonly plugins: readonly string[];
  readonly categories: Record<string, 'off'>;
  readonly jsPlugins: readonly string[];
  readonly rules: Record<string, unknown>;
}

/**
 * The `.oxlintrc.json` for a level. `plugin` is what `jsPlugins` loads: the
 * package name (resolved from the config file's folder) or an absolute path
 * to the plugin entry.
 */
export function oxlintConfig(level: OxlintLevel, plugin: string = PACKAGE.name): OxlintConfig {
  return {
    plugins: [],
    categories: { correctness: 'off' },
    jsPlugins: [plugin],
    rules: ruleLevels(level as Level, { types: false }),
  };
}
