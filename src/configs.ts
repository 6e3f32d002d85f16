/**
 * The shipped flat configs, computed from each rule's `meta.docs.recommended`:
 * `recommended` ⊂ `strict` ⊂ `all`. `strict` also turns on the noisier
 * options (non-auth cookies, name-only matches) that rules expose.
 * `recommended-type-checked` is `recommended` with the TypeScript project
 * service on and the options that use type information (which may only add
 * findings).
 */
import type { ESLint, Linter } from 'eslint';
import { rules } from '../rules/index.js';
import { COMPONENT_PARSERS, componentSupport, configParser, type ComponentExtension } from './parsers.js';
import { astroProcessor } from './processors/astro.js';

export const NAMESPACE = 'broken-auth';
/** JavaScript and TypeScript: always in the configs (the parser follows the file: see parsers.ts). */
export const FILES = ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'];

/** FILES plus the component formats whose parser is installed (`.vue`, `.svelte`, `.astro`). */
export function configFiles(): string[] {
  const support = componentSupport();
  const components = (Object.keys(COMPONENT_PARSERS) as ComponentExtension[]).filter((ext) => support[ext]);
  return [...FILES, ...components.map((ext) => `**/*.${ext}`)];
}

export type Level = 'recommended' | 'strict' | 'all' | 'recommended-type-checked';
const ORDER: Record<Level, number> = { recommended: 0, 'recommended-type-checked': 0, strict: 1, all: 2 };

/** Options a rule takes in `strict` and `all` (the noisier heuristics). */
export const STRICT_OPTIONS: Partial<Record<keyof typeof rules, unknown[]>> = {
  'secure-cookie-flags': [{ cookies: 'unresolved' }],
  'secure-jwt': [{ requireAlgorithms: true, checkClockTolerance: true }],
};

/** Options a rule takes when type information is available (`recommended-type-checked`, `all`). */
export const TYPED_OPTIONS: Partial<Record<keyof typeof rules, Record<string, unknown>>> = {
  'no-hardcoded-secret': { useTypeInformation: true },
};

/**
 * The rule entries of a level. `types: false` leaves out the options that use
 * type information (for engines without it, such as oxlint).
 */
export function ruleLevels(level: Level, { types = true }: { types?: boolean } = {}): Linter.RulesRecord {
  const out: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    const wanted = (rule.meta.docs as { recommended: Level }).recommended;
    if (ORDER[wanted] > ORDER[level]) continue;
    const key = name as keyof typeof rules;
    const strict = level === 'strict' || level === 'all' ? STRICT_OPTIONS[key] : undefined;
    const typed = types && (level === 'recommended-type-checked' || level === 'all') ? TYPED_OPTIONS[key] : undefined;
    if (!strict && !typed) {
      out[`${NAMESPACE}/${name}`] = 'error';
      continue;
    }
    const [first, ...rest] = strict ?? [{}];
    const merged = typed ? { ...(first as object), ...typed } : first;
    out[`${NAMESPACE}/${name}`] = ['error', merged, ...rest] as Linter.RuleEntry;
  }
  return out;
}

/** The one cast at the plugin boundary (typescript-eslint#11543: its rule types do not meet ESLint's config types). */
export function buildConfig(level: Level, plugin: unknown): Linter.Config {
  return {
    name: `${NAMESPACE}/${level}`,
    files: configFiles(),
    plugins: { [NAMESPACE]: plugin as ESLint.Plugin },
    // Astro's client `<script>` tags as virtual files; every other file passes through it unchanged.
    ...(componentSupport().astro ? { processor: astroProcessor } : {}),
    languageOptions: {
      parser: configParser,
      parserOptions: level === 'recommended-type-checked' ? { ecmaFeatures: { jsx: true }, projectService: true } : { ecmaFeatures: { jsx: true } },
    },
    rules: ruleLevels(level),
  };
}
