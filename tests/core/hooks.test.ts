/** core/hooks.ts and src/project/hooks.ts: save hooks that hash, in the linted file and in a model's module. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { hashesOnSave } from '../../src/core/hooks.js';
import { moduleHashesOnSave } from '../../src/project/hooks.js';
import { withFile } from './probe.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('hashesOnSave', () => {
  it.each([
    ["schema.pre('save', async function () { this.password = await bcrypt.hash(this.password, 12); });", true],
    ["schema.pre('save', function (next) { this.updatedAt = Date.now(); next(); });", false],
    ["User.beforeCreate(async (user) => { user.password = await argon2.hash(user.password); });", true],
    ["sequelize.define('user', {}, { hooks: { beforeSave: async (u) => { u.password = await hashPassword(u.password); } } });", true],
    ["class User { @BeforeInsert() async hash() { this.password = await bcrypt.hash(this.password, 10); } }", true],
    ["prisma.$use(async (params, next) => next(params));", false],
    ["// schema.pre('save') bcrypt.hash — only a comment\nconst x = 1;", false],
  ])('%s → %s', (code, expected) => {
    expect(withFile(`import bcrypt from 'bcrypt';\nimport argon2 from 'argon2';\n${code}`, (file) => hashesOnSave(file))).toBe(expected);
  });
});

describe('moduleHashesOnSave', () => {
  it('reads the model module the linted file imports', () => {
    const from = path.join(ROOT, 'fixtures/examples/own/passwords-mongoose/routes/profile.js');
    const facts = { filename: from, parser: null, sourceCode: { visitorKeys: {} } } as never;
    expect(moduleHashesOnSave(facts, '../models/user')).toBe(true);
    expect(moduleHashesOnSave(facts, '../models/missing')).toBe(false);
  });
});

describe('JavaScript parsed by ESLint\'s own parser (no TypeScript-only node fields)', () => {
  it('a class in a file with a store write does not crash the hook check', () => {
    const code = `class UserService {
  async update(req) {
    const user = await this.ctx.model.User.findOne({ name: req.body.name });
    user.password = req.body.password;
    await user.save();
  }
}
module.exports = UserService;`;
    const messages = new Linter().verify(code, [plugin.configs.recommended], 'app/service/user.js');
    expect(messages.filter((m) => m.fatal || /crash|Cannot read/.test(m.message))).toEqual([]);
    expect(messages.map((m) => `${m.line}:${m.ruleId}`)).toEqual(['4:broken-auth/no-plaintext-password']);
  });
});
