/**
 * Run a core query on parsed code: lints `code` with a probe rule that calls
 * `read` with the file's facts at the end of the program, and returns what it
 * returned. Same parser as the rule tests (TypeScript, JSX on).
 */
import { Linter, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { getFile, type FileFacts } from '../../src/core/file.js';

const linter = new Linter();

export function withFile<R>(code: string, read: (file: FileFacts) => R, filename = 'src/app.ts'): R {
  let result: { value: R } | null = null;
  const probe: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      const file = getFile(context as unknown as TSESLint.RuleContext<string, readonly unknown[]>);
      return {
        'Program:exit'() {
          result = { value: read(file) };
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    [{ files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } }, plugins: { probe: { rules: { probe } } }, rules: { 'probe/probe': 'error' } }],
    { filename },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filename}:${fatal.line}: ${fatal.message}`);
  if (!result) throw new Error('the probe did not run');
  return (result as { value: R }).value;
}
