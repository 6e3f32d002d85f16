import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { textHashesOnSave } from '../../src/core/sites/stores.js';
import { moduleHashesOnSave } from '../../src/project/legacy-passwords.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROUTE = path.join(ROOT, 'fixtures/examples/own/passwords-mongoose/routes/accounts.js');

describe('moduleHashesOnSave (legacy, until the project layer)', () => {
  it.each([
    ['../models/user', true],
    ['../models/user.js', true],
    ['../models/admin', false],
    ['../models/legacy-member', false],
    ['../models/missing', false],
    ['../models', false],
  ] as const)('%s', (specifier, expected) => {
    expect(moduleHashesOnSave(ROUTE, specifier)).toBe(expected);
  });
});

describe('textHashesOnSave', () => {
  it.each([
    ["schema.pre('save', async function () { this.password = await bcrypt.hash(this.password, 12); });", true],
    ['@BeforeInsert() hash() { this.password = hashSync(this.password, 12); }', true],
    ["// schema.pre('save') with bcrypt.hash(…)\nconst x = 1;", false],
    ["schema.pre('save', function () { this.updatedAt = Date.now(); });", false],
    ['const digest = bcrypt.hash(pw, 12);', false],
  ] as const)('%s', (text, expected) => {
    expect(textHashesOnSave(text)).toBe(expected);
  });
});
