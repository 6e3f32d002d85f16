import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sqlSlots, storeSites, type StoreSite } from '../../src/core/sites/stores.js';
import { withFile } from './probe.js';

/** The store sites of `code`, each as plain data: kind, line, the node's text and its facts. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sitesOf(code: string, filename = 'src/routes/auth.ts'): Record<string, unknown>[] {
  return withFile(
    code,
    (file) => {
      const text = (n: { range: [number, number] } | null): string | null => (n ? file.sourceCode.text.slice(n.range[0], n.range[1]) : null);
      return storeSites(file).map((site: StoreSite) => {
        const base = { kind: site.kind, line: site.node.loc.start.line };
        switch (site.kind) {
          case 'compare':
            return { ...base, stored: text(site.stored), typed: text(site.typed), operator: site.operator, holder: site.holder, family: site.family };
          case 'table':
            return { ...base, name: site.name, entries: site.entries, compared: site.compared };
          default:
            return { ...base, input: text(site.input), column: site.column, family: site.family, model: site.model?.method ?? null, hook: site.hook };
        }
      });
    },
    filename,
  );
}

describe('storeSites', () => {
  it('finds a compare of a stored password with the typed one, and its store', () => {
    const code = [
      "import mongoose from 'mongoose';",
      "app.post('/login', async (req, res) => {",
      '  const user = await User.findOne({ email: req.body.email });',
      '  if (user.password === req.body.password) res.send("ok");',
      '  if (req.body.password !== process.env.ADMIN_PASSWORD) res.sendStatus(401);',
      '});',
    ].join('\n');
    expect(sitesOf(code)).toEqual([
      { kind: 'compare', line: 4, stored: 'user.password', typed: 'req.body.password', operator: '===', holder: null, family: 'mongoose' },
      { kind: 'compare', line: 5, stored: 'process.env.ADMIN_PASSWORD', typed: 'req.body.password', operator: '!==', holder: 'environment', family: 'mongoose' },
    ]);
  });

  it('lists ORM writes and queries with where a hashing hook could be', () => {
    const code = [
      "import User from './models/user';",
      "app.post('/register', async (req, res) => {",
      '  await User.create({ email: req.body.email, password: req.body.password });',
      '  await User.findOne({ email: req.body.email, password: req.body.password });',
      "  await User.create({ email: req.body.email, password: await bcrypt.hash(req.body.password, 12) });",
      '});',
    ].join('\n');
    // The model module is read through the project layer (a mongoose model there); unresolvable, a write would be unknown.
    const app = path.join(ROOT, 'fixtures/examples/own/passwords-mongoose/app.js');
    expect(sitesOf(code, app)).toEqual([
      { kind: 'write', line: 3, input: 'req.body.password', column: null, family: 'mongoose', model: 'create', hook: { inFile: false, modules: ['./models/user'] } },
      { kind: 'query', line: 4, input: 'req.body.password', column: null, family: 'mongoose', model: 'findOne', hook: null },
    ]);
  });

  it('reads SQL slots: placeholders bound to parameters, and a hook in the file itself', () => {
    const code = [
      "import { Pool } from 'pg';",
      "userSchema.pre('save', async function () { this.password = await bcrypt.hash(this.password, 12); });",
      'const pool = new Pool();',
      "app.post('/login', async (req, res) => {",
      '  const { email, password } = req.body;',
      "  await pool.query('SELECT * FROM users WHERE email = $1 AND password = $2', [email, password]);",
      "  await pool.query('UPDATE users SET password = $1 WHERE id = $2', [password, req.user.id]);",
      '  const record = new Account({ email, password });',
      '  await record.save();',
      '});',
    ].join('\n');
    expect(sitesOf(code)).toEqual([
      { kind: 'query', line: 6, input: 'password', column: 'password', family: 'sql', model: null, hook: null },
      { kind: 'write', line: 7, input: 'password', column: 'password', family: 'sql', model: null, hook: null },
      { kind: 'write', line: 8, input: 'password', column: null, family: 'sql', model: 'save', hook: { inFile: true, modules: [] } },
    ]);
  });

  it('lists user tables: records with literal passwords, and name → string tables only compared ones count', () => {
    const code = [
      "const users = [{ username: 'admin', password: 'hunter22' }];",
      "const USERS = { alice: 'wonderland' };",
      "const ROLES_BY_USER = { alice: 'admin' };",
      "app.post('/login', (req, res) => {",
      '  if (USERS[req.body.username] === req.body.password) res.send("ok");',
      '});',
    ].join('\n');
    expect(sitesOf(code)).toEqual([
      { kind: 'table', line: 1, name: 'users', entries: 'records', compared: false },
      { kind: 'compare', line: 5, stored: 'USERS[req.body.username]', typed: 'req.body.password', operator: '===', holder: null, family: 'memory' },
      { kind: 'table', line: 2, name: 'USERS', entries: 'strings', compared: true },
    ]);
  });

  it('finds nothing in a file without passwords', () => {
    expect(sitesOf("const x = 1;\nif (a === b) db.query('SELECT 1');")).toEqual([]);
  });
});

describe('sqlSlots', () => {
  it('finds matched and written password columns with their value token and offset', () => {
    expect(sqlSlots('UPDATE users SET password = ? WHERE id = ?', false)).toEqual([{ column: 'password', token: '?', offset: 28, write: true }]);
    expect(sqlSlots('SELECT id FROM users WHERE name = :name AND passwd = :pw', false)).toEqual([{ column: 'passwd', token: ':pw', offset: 53, write: false }]);
    expect(sqlSlots('INSERT INTO users (email, password) VALUES ($1, $2)', false)).toEqual([{ column: 'password', token: '$2', offset: 48, write: true }]);
  });

  it('ignores text that is not a statement unless it is a where fragment', () => {
    expect(sqlSlots('password = ?', false)).toEqual([]);
    expect(sqlSlots('password = ?', true)).toEqual([{ column: 'password', token: '?', offset: 11, write: false }]);
    expect(sqlSlots('SELECT * FROM users WHERE password_confirmation = ?', false)).toEqual([]);
  });
});
