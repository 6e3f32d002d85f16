/**
 * The tools a user would pick instead, and which of their rules answer which of
 * our categories. Only mapped rules are enabled; a mapped rule's report counts
 * in the category named here. Rule names were checked against each plugin's
 * `rules` export at the pinned version (see `checkMapping`).
 */
import type { ESLint, Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import sonarjs from 'eslint-plugin-sonarjs';
import security from 'eslint-plugin-security';
import sdl from '@microsoft/eslint-plugin-sdl';
import noSecrets from 'eslint-plugin-no-secrets';
import type { Category } from '../src/categories.js';
import { FILES } from '../src/configs.js';

export interface Peer {
  /** Tool name as printed in the tables. */
  name: string;
  /** npm package (its version is read from node_modules). */
  packageName: string;
  namespace: string;
  plugin: ESLint.Plugin;
  /** rule (without namespace) → our category. */
  mapping: Record<string, Category>;
}

export const PEERS: Peer[] = [
  {
    name: 'sonarjs',
    packageName: 'eslint-plugin-sonarjs',
    namespace: 'sonarjs',
    plugin: sonarjs as unknown as ESLint.Plugin,
    mapping: {
      'no-hardcoded-passwords': 'hardcoded-secret',
      'no-hardcoded-secrets': 'hardcoded-secret',
      'hardcoded-secret-signatures': 'hardcoded-secret',
      hashing: 'weak-password-hash',
      'insecure-cookie': 'cookie-flags',
      'cookie-no-httponly': 'cookie-flags',
      'insecure-jwt-token': 'jwt',
      'session-regeneration': 'session-fixation',
      'pseudo-random': 'insecure-randomness',
      'confidential-information-logging': 'credential-logging',
    },
  },
  {
    name: 'security',
    packageName: 'eslint-plugin-security',
    namespace: 'security',
    plugin: security as unknown as ESLint.Plugin,
    mapping: {
      'detect-possible-timing-attacks': 'timing-unsafe-compare',
      'detect-pseudoRandomBytes': 'insecure-randomness',
    },
  },
  {
    name: 'sdl',
    packageName: '@microsoft/eslint-plugin-sdl',
    namespace: 'sdl',
    plugin: sdl as unknown as ESLint.Plugin,
    mapping: {
      'no-insecure-random': 'insecure-randomness',
      'no-cookies': 'cookie-flags',
    },
  },
  {
    name: 'no-secrets',
    packageName: 'eslint-plugin-no-secrets',
    namespace: 'no-secrets',
    plugin: noSecrets as unknown as ESLint.Plugin,
    mapping: {
      'no-secrets': 'hardcoded-secret',
    },
  },
];

/** Categories with no rule in any peer, said once in the report. */
export function peerCategory(peer: Peer, ruleId: string): Category | undefined {
  const prefix = `${peer.namespace}/`;
  return ruleId.startsWith(prefix) ? peer.mapping[ruleId.slice(prefix.length)] : undefined;
}

/** Fails loudly when a mapped rule does not exist in the installed plugin (a renamed rule would score zero silently). */
export function checkMapping(): void {
  for (const peer of PEERS) {
    const rules = peer.plugin.rules ?? {};
    for (const rule of Object.keys(peer.mapping)) {
      if (!(rule in rules)) throw new Error(`${peer.packageName} has no rule ${rule}`);
    }
  }
}

/** The peer's mapped rules on the same parser and files as ours (TypeScript + JSX). */
export function peerConfig(peer: Peer): Linter.Config {
  const rules: Linter.RulesRecord = {};
  for (const rule of Object.keys(peer.mapping)) rules[`${peer.namespace}/${rule}`] = 'error';
  return {
    name: `bench/${peer.name}`,
    files: FILES,
    plugins: { [peer.namespace]: peer.plugin },
    languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules,
  };
}

/** Parse only: the same parser and files, no rules. */
export function parseOnlyConfig(): Linter.Config {
  return {
    name: 'bench/parse-only',
    files: FILES,
    languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {},
  };
}
