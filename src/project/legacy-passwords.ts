/**
 * Legacy cross-file fact for `no-plaintext-password`: does a relative module
 * the linted file imports show a password-hashing hook (mongoose
 * `pre('save')`, sequelize `beforeCreate`, TypeORM `@BeforeInsert`)? Moved
 * unchanged out of the rule; the project layer will replace its body with
 * module summaries.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { textHashesOnSave } from '../core/sites/stores.js';

/** Does the relative module `specifier`, resolved from `fromFilename` like Node/TypeScript would, show a hashing hook? */
export function moduleHashesOnSave(fromFilename: string, specifier: string): boolean {
  const base = path.resolve(path.dirname(fromFilename), specifier);
  const stem = base.replace(/\.[cm]?js$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.js`, `${stem}.mjs`, `${stem}.cjs`, `${stem}.mts`, `${stem}.cts`, path.join(base, 'index.ts'), path.join(base, 'index.js')]) {
    try {
      if (/\.[cm]?[jt]s$/.test(candidate) && existsSync(candidate)) return textHashesOnSave(readFileSync(candidate, 'utf8'));
    } catch {
      return false;
    }
  }
  return false;
}
