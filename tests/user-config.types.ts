// Type test (checked by `tsc --noEmit`, not run): what a user writes compiles.
import { defineConfig } from 'eslint/config';
import brokenAuth from '../src/index.js';

export default defineConfig([
  brokenAuth.configs.recommended,
  { extends: [brokenAuth.configs.strict], files: ['src/**/*.ts'] },
  { plugins: { 'broken-auth': brokenAuth }, rules: { 'broken-auth/no-hardcoded-secret': ['error', { checkTestFiles: true }] } },
]);
