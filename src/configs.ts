/**
 * The shipped flat configs, computed from each rule's `meta.docs.recommended`:
 * `recommended` ⊂ `strict` ⊂ `all`. `strict` also turns on the noisier
 * options (non-auth cookies, name-only matches) that rules expose.
 */
import type { ESLint, Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { rules } from '../rules/index.js';

export const NAMESPACE = 'broken-auth';
export const FILES = ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'];

type Level = 'recommended' | 'strict' | 'all';
const ORDER: Record<Level, number> = { recommended: 0, strict: 1, all: 2 };

/** Options a rule takes in `strict` and `all` (the noisier heuristics). */
export const STRICT_OPTIONS: Partial<Record<keyof typeof rules, unknown[]>> = {};

export function ruleLevels(level: Level): Linter.RulesRecord {
  const out: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    const wanted = (rule.meta.docs as { recommended: Level }).recommended;
    if (ORDER[wanted] > ORDER[level]) continue;
    const strict = STRICT_OPTIONS[name as keyof typeof rules];
    out[`${NAMESPACE}/${name}`] = level !== 'recommended' && strict ? (['error', ...strict] as Linter.RuleEntry) : 'error';
  }
  return out;
}

/** The one cast at the plugin boundary (typescript-eslint#11543: its rule types do not meet ESLint's config types). */
export function buildConfig(level: Level, plugin: unknown): Linter.Config {
  return {
    name: `${NAMESPACE}/${level}`,
    files: FILES,
    plugins: { [NAMESPACE]: plugin as ESLint.Plugin },
    languageOptions: {
      parser: tsParser as Linter.Parser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: ruleLevels(level),
  };
}
