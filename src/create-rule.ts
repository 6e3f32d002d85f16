import { ESLintUtils } from '@typescript-eslint/utils';
import type { Category } from './categories.js';

export interface BrokenAuthDocs {
  description: string;
  /** The detection category of SPEC.md this rule reports. */
  category: Category;
  /** Which shipped configs enable the rule: `recommended` implies `strict` and `all`. */
  recommended: 'recommended' | 'strict' | 'all';
  requiresTypeChecking?: boolean;
}

export const DOCS_BASE = 'https://github.com/eslint-plugin-broken-auth/eslint-plugin-broken-auth/blob/main/docs/rules/';

export const createRule = ESLintUtils.RuleCreator<BrokenAuthDocs>((name) => `${DOCS_BASE}${name}.md`);
