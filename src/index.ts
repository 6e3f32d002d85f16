/**
 * eslint-plugin-broken-auth: finds broken-authentication flaws in Node.js and
 * TypeScript web apps (hard-coded secrets, plaintext passwords, insecure
 * cookies, unverified JWTs, session fixation, missing login rate limits, …).
 */
import type { ESLint, Linter } from 'eslint';
import { rules } from '../rules/index.js';
import { buildConfig, NAMESPACE, type Level } from './configs.js';
import { PACKAGE } from './package-info.js';
import { astroProcessor } from './processors/astro.js';

type Configs = Record<Level, Linter.Config>;

const plugin = {
  meta: { name: PACKAGE.name, version: PACKAGE.version, namespace: NAMESPACE },
  rules,
  processors: { astro: astroProcessor },
  configs: {} as Configs,
};

plugin.configs.recommended = buildConfig('recommended', plugin);
plugin.configs.strict = buildConfig('strict', plugin);
plugin.configs.all = buildConfig('all', plugin);
plugin.configs['recommended-type-checked'] = buildConfig('recommended-type-checked', plugin);

/** The plugin as ESLint sees it (the one cast at the boundary: typescript-eslint#11543). */
const eslintPlugin = plugin as typeof plugin & ESLint.Plugin;

export { rules };
export const configs = plugin.configs;
export const meta = plugin.meta;
export default eslintPlugin;
