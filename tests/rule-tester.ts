/**
 * One RuleTester for every rule test: the TypeScript parser (so JS, TS, JSX
 * and TSX cases all parse), data and location required on every error.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as tsParser from '@typescript-eslint/parser';

export function createTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}

export const ruleTester = createTester();
