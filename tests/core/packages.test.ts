import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { declaredRange, lowestVersion, rangeAtLeast } from '../../src/project/packages.js';
import { parseStandalone } from '../../src/project/parse.js';
import { nestThrottling } from '../../src/project/nest.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OWN = path.join(ROOT, 'fixtures/examples/own');

describe('lowestVersion', () => {
  it.each([
    ['^0.5.3', [0, 5]],
    ['~0.6.0', [0, 6]],
    ['>=0.6', [0, 6]],
    ['0.7.0', [0, 7]],
    ['1.x', [1, 0]],
    ['npm:passport@0.4.1', [0, 4]],
    ['*', null],
    ['latest', null],
    ['github:jaredhanson/passport', null],
    ['jaredhanson/passport#v0.4.1', null],
  ] as const)('%s', (range, expected) => {
    expect(lowestVersion(range)).toEqual(expected);
  });
});

describe('rangeAtLeast', () => {
  it.each([
    ['^0.5.3', false],
    ['^0.6.0', true],
    ['^0.7.0', true],
    ['1.0.0', true],
    ['latest', null],
  ] as const)('%s >= 0.6', (range, expected) => {
    expect(rangeAtLeast(range, [0, 6])).toBe(expected);
  });
});

describe('declaredRange', () => {
  it('reads the nearest package.json that declares the dependency', () => {
    expect(declaredRange(path.join(OWN, 'login-passport-legacy/src/routes.js'), 'passport')).toBe('^0.5.3');
    expect(declaredRange(path.join(OWN, 'login-nest-global/src/auth/auth.controller.ts'), '@nestjs/throttler')).toBe('^5.1.1');
  });
  it('returns null when no package.json up the tree declares it, or the name is not a path', () => {
    expect(declaredRange(path.join(OWN, 'login-nest/src/auth/auth.controller.ts'), 'no-such-dependency-anywhere')).toBeNull();
    expect(declaredRange('file.ts', 'passport')).toBeNull();
  });
});

describe('nestThrottling', () => {
  const facts = (file: string) => parseStandalone(path.join(OWN, file))!;
  it('finds an APP_GUARD throttler in a module file of the project', () => {
    expect(nestThrottling(facts('login-nest-global/src/auth/auth.controller.ts'))).toEqual({ globalGuard: true, names: ['default'] });
  });
  it('is false without one', () => {
    expect(nestThrottling(facts('login-nest/src/auth/auth.controller.ts')).globalGuard).toBe(false);
  });
});
