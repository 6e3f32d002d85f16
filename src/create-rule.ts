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

/** The `checkTestFiles` option every rule that skips test files takes (see `isTestFile` in core/file.ts). */
export const CHECK_TEST_FILES_OPTION = {
  type: 'boolean',
  description: 'Also report in test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`), which are skipped by default.',
} as const;
