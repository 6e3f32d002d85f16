/**
 * One RuleTester for every rule test: the TypeScript parser (so JS, TS, JSX
 * and TSX cases all parse), data and location required on every error.
 *
 * @typescript-eslint/rule-tester 8.72 carries its own copy of
 * @typescript-eslint/utils, whose types differ nominally from the 8.73 our
 * rules are built with; `run` takes our rule type and casts once here.
 */
import { RuleTester, type RunTests } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';

export function createTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}

const tester = createTester();

export const ruleTester = {
  run<MessageIds extends string, Options extends readonly unknown[]>(
    name: string,
    rule: TSESLint.RuleModule<MessageIds, Options, unknown>,
    tests: RunTests<MessageIds, Options>,
  ): void {
    tester.run(name, rule as never, { assertionOptions: { requireData: true, requireLocation: true }, ...tests });
  },
};
