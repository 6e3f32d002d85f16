/**
 * Runs a core computation on a small piece of code: parses it with the
 * parser the rule tests use, builds the file's facts the way rules do, and
 * returns what `compute` made of them.
 */
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { getFile, type FileFacts } from '../../src/core/file.js';

export function factsOf<R>(code: string, compute: (file: FileFacts) => R, filename = 'src/file.ts'): R {
  let result: { value: R } | null = null;
  const rule = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        'Program:exit'() {
          result = { value: compute(getFile(context)) };
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.js'],
        plugins: { core: { rules: { facts: rule as never } } },
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: { 'core/facts': 'error' },
      },
    ],
    { filename },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!result) throw new Error('the computation did not run');
  return (result as { value: R }).value;
}
