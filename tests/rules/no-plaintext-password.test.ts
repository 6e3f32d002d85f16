import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/no-plaintext-password.js';
import { STORES } from '../../src/models/stores.js';
import { ruleTester } from '../rule-tester.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

ruleTester.run('no-plaintext-password', rule, {
  assertionOptions: { requireData: true, requireLocation: true },
  valid: [
    { name: "an Objection model whose $beforeInsert hook hashes: its own inserts are hashed on save", code: `const { Model } = require('objection');
class User extends Model {
  async $beforeInsert(context) {
    await super.$beforeInsert(context);
    await this.generateHash();
  }
  async generateHash() {
    this.password = await bcrypt.hash(this.password, 12);
  }
  static async createNewUser({ email, passwordRaw }) {
    const newUsrData = { email };
    newUsrData.password = passwordRaw;
    return User.query().insert(newUsrData);
  }
}
module.exports = User;` },
    { name: "a fast digest of the password compared with the stored digest is weak-password-hash's, not a plaintext compare", filename: 'src/auth.service.ts', code: `import { md5 } from './utils/crypto';
export async function validateUser(user: { password: string; psalt: string }, password: string): Promise<boolean> {
  const comparePassword = md5(\`\${password}\${user.psalt}\`);
  return user.password === comparePassword;
}
export function changePassword(user: { password: string; psalt: string }, newPassword: string) {
  const password = sha256(newPassword + user.psalt);
  return users.update({ id: user.id }, { password });
}` },
    { name: "confirmation, emptiness, length, typeof and regex checks on request fields", code: `app.post('/register', (req, res) => {
  if (req.body.password !== req.body.confirmPassword) return res.sendStatus(400);
  if (req.body.password === '' || req.body.password == null || req.body.password.length < 8) return res.sendStatus(400);
  if (typeof req.body.password !== 'string' || !/\\d/.test(req.body.password)) return res.sendStatus(400);
});` },
    { name: "bcrypt.compare and a passwordHash check against undefined", code: `import bcrypt from 'bcrypt';
app.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  const ok = await bcrypt.compare(req.body.password, user.passwordHash);
  if (user.passwordHash === undefined) return;
});` },
    { name: "prisma writes of argon2 hashes (through a variable and after await) and a hash-named field", filename: "file.ts", code: `import argon2 from 'argon2';
async function register(email: string, password: string) {
  const hash = await argon2.hash(password);
  await prisma.user.create({ data: { email, password: hash } });
  await prisma.user.create({ data: { email, password: await argon2.hash(password) } });
  await prisma.user.create({ data: { email, passwordHash: password } });
}` },
    { name: "a reassigned password that is hashed before the write", code: `import bcrypt from 'bcrypt';
async function register(req) {
  let { email, password } = req.body;
  password = await bcrypt.hash(password, 12);
  await User.create({ email, password });
}` },
    { name: "mongoose model whose pre('save') hook hashes", code: `const schema = new mongoose.Schema({ password: String });
schema.pre('save', async function () {
  this.password = await bcrypt.hash(this.password, 12);
});
const User = mongoose.model('User', schema);
async function signup(req) {
  await User.create({ email: req.body.email, password: req.body.password });
  await new User({ password: req.body.password }).save();
}` },
    { name: "SQL writes of a hash and selects of password_hash", code: `async function register(pool, email, password) {
  const hashed = await hashPassword(password);
  await pool.query('INSERT INTO users (email, password) VALUES ($1, $2)', [email, hashed]);
  await pool.query('SELECT id, password_hash FROM users WHERE email = $1', [email]);
}` },
    { name: "client-side confirmation with React state", code: `function PasswordField() {
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirm] = useState('');
  return password === confirmPassword ? null : 'mismatch';
}` },
    { name: "HTTP clients and services are not stores", code: `async function login(email, password) {
  const res = await fetch('/api/login', { method: 'POST', body: JSON.stringify({ email, password }) });
  await api.users.create({ email, password });
  await axios.post('/signup', { email, password });
  await this.usersService.create({ email, password });
}` },
    { name: "identity providers hash for you", filename: "file.ts", code: `import { getAuth } from 'firebase-admin/auth';
await getAuth().createUser({ email, password });
await supabase.auth.signUp({ email, password });` },
    { name: "labels, display-name tables and hashed tables", code: `const messages = { password: 'Password', confirmPassword: 'Confirm password' };
const users = { alice: 'Alice Liddell', bob: 'admin' };
const USERS = { alice: hashPassword(process.env.ALICE_PASSWORD) };` },
    { name: "two stored or two typed passwords", code: `function same(a, b) { return a.password === b.password; }
if (user.password === user.passwordConfirm) {}
if (newPassword === currentPassword) {}` },
    { name: "reset tokens are not passwords", code: `app.post('/reset/:token', async (req, res) => {
  const user = await User.findOne({ resetPasswordToken: req.params.token });
  if (user.resetPasswordToken !== req.params.token) return;
});` },
    { name: "scrypt + timingSafeEqual", code: `const crypto = require('crypto');
function check(stored, candidate) {
  const a = crypto.scryptSync(candidate, stored.salt, 64);
  return crypto.timingSafeEqual(a, Buffer.from(stored.hash, 'hex'));
}` },
    { name: "a verify helper", code: `async function login(req, res) {
  const { email, password } = req.body;
  const user = await db.user.findFirst({ where: { email } });
  if (!user || !(await verifyPassword(user, password))) return res.sendStatus(401);
}` },
    { name: "look-alike syntax", code: `const x = a == b;
foo[bar] = baz;
users[name] = { role: 'admin' };
users.set(id, user);
sql\`SELECT 1\`;
[].push(1);
new Thing().save();` },
    { name: "empty file", code: `` },
    { name: "odd syntax does not crash", filename: "file.ts", code: `@Dec() class A { @Prop() x = 1; get y() { return this.x?.password === this.password; } }
const { a = 1, ...rest } = obj;
const a = b; const b2 = a;
let z = (y as any)!.password satisfies string;` },
    { name: "a strength check comparing with a weak literal", code: `function validatePassword(password) {
  if (password === 'password' || password === username) return 'too weak';
}` },
    { name: "a string table that is never compared as a password", code: `const usersById = { 1: 'Alice', 2: 'Bob' };
const userLabels = { alice: 'wonderland' };
export const label = (id) => usersById[id];` },
    { name: "a record field hashed in place, then copied into the write", code: `const bcrypt = require('bcrypt');
async function register(newUser) {
  newUser.password = await bcrypt.hash(newUser.password, 10);
  await User.create({ email: newUser.email, password: newUser.password });
}` },
    { name: "a password check method that uses bcrypt", code: `userSchema.methods.comparePassword = function (candidate) {
  return bcrypt.compare(candidate, this.password);
};` },
    { name: "a record from a callback of a model whose module hashes in a hook", filename: path.join(ROOT, "fixtures/examples/own/passwords-mongoose/routes/profile.js"), code: `const User = require('../models/user');
function change(req, res) {
  User.findById(req.user.id, (err, user) => {
    user.password = req.body.password;
    user.save(() => res.sendStatus(204));
  });
}` },
    { name: "test files are skipped by default", filename: "test/users.test.js", code: `const users = [{ username: 'alice', password: 'wonderland' }];
if (user.password === req.body.password) {}` },
    { name: "project: the model module cannot be found (unknown: it may hash)", code: `const Admin = require('./no-such-model');
async function add(req) {
  return Admin.create({ email: req.body.email, password: req.body.password });
}` },
    { name: "project: the app's own repository module (no store library) that hashes", filename: path.join(ROOT, "fixtures/projects/express-mounted/routes/members.js"), code: `const Members = require('../models/members');
async function add(req) {
  return Members.create({ email: req.body.email, password: req.body.password });
}` },
    { name: "a literal written to a field of a record named like user data", code: `export function edit(req) {
  const userData = { ...req.user };
  userData.title = 'Senior Engineer';
  userData.theme = 'dark';
  return userData;
}` },
  ],
  invalid: [
    {
      name: "express: user.password !== req.body.password",
      code: `app.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (user.password !== req.body.password) return res.sendStatus(401);
});`,
      errors: [
        {
          messageId: 'compare', line: 3, column: 7, endLine: 3, endColumn: 42,
          data: { stored: "`user.password`", input: "`req.body.password`", operator: "!==", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "koa: renamed destructuring from ctx.request.body, !=",
      code: `router.post('/login', async (ctx) => {
  const { email, password: pw } = ctx.request.body;
  const user = await db.users.findOne({ email });
  if (!user || user.passwd != pw) ctx.throw(401);
});`,
      errors: [
        {
          messageId: 'compare', line: 4, column: 16, endLine: 4, endColumn: 33,
          data: { stored: "`user.passwd`", input: "`pw`", operator: "!=", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "fastify: localeCompare with request.body.password",
      code: `fastify.post('/login', async (request) => {
  const user = await repo.findOneBy({ email: request.body.email });
  return user.password.localeCompare(request.body.password) === 0;
});`,
      errors: [
        {
          messageId: 'compare', line: 3, column: 10, endLine: 3, endColumn: 60,
          data: { stored: "`user.password`", input: "`request.body.password`", operator: "localeCompare", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "hono: await c.req.json(), users map record",
      code: `app.post('/login', async (c) => {
  const { email, password } = await c.req.json();
  const user = users.get(email);
  if (user?.password === password) return c.text('ok');
});`,
      errors: [
        {
          messageId: 'compare', line: 4, column: 7, endLine: 4, endColumn: 34,
          data: { stored: "`user?.password`", input: "`password`", operator: "===", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "hono: c.req.parseBody() and a better-sqlite3 row",
      filename: "file.ts",
      code: `app.post('/login', async (c) => {
  const body = await c.req.parseBody();
  const row = await db.prepare('SELECT * FROM users WHERE email = ?').get(body.email);
  if (row.password === body.password) return c.text('ok');
});`,
      errors: [
        {
          messageId: 'compare', line: 4, column: 7, endLine: 4, endColumn: 37,
          data: { stored: "`row.password`", input: "`body.password`", operator: "===", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "Next.js route handler: formData.get('password')",
      filename: "file.ts",
      code: `export async function POST(req: Request) {
  const form = await req.formData();
  const user = await prisma.user.findUnique({ where: { email: String(form.get('email')) } });
  if (user && user.password === form.get('password')) return Response.json({ ok: true });
}`,
      errors: [
        {
          messageId: 'compare', line: 4, column: 15, endLine: 4, endColumn: 53,
          data: { stored: "`user.password`", input: "`form.get('password')`", operator: "===", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "server action: FormData parameter",
      filename: "file.ts",
      code: `'use server';
export async function login(formData: FormData) {
  const password = formData.get('password');
  const user = await db.user.findFirst({ where: { email: formData.get('email') as string } });
  return password === user?.password;
}`,
      errors: [
        {
          messageId: 'compare', line: 5, column: 10, endLine: 5, endColumn: 37,
          data: { stored: "`user?.password`", input: "`password`", operator: "===", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "Nest: @Body() DTO",
      filename: "file.ts",
      code: `import { Body, Controller, Post } from '@nestjs/common';
@Controller()
export class C {
  @Post('login')
  async login(@Body() dto: LoginDto) {
    const user = await this.users.findOne(dto.email);
    if (user.password !== dto.password) throw new Error();
  }
}`,
      errors: [
        {
          messageId: 'compare', line: 7, column: 9, endLine: 7, endColumn: 39,
          data: { stored: "`user.password`", input: "`dto.password`", operator: "!==", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "passport-local verify callback (renamed second parameter)",
      code: `const LocalStrategy = require('passport-local').Strategy;
passport.use(new LocalStrategy((username, secret, done) => {
  User.findOne({ username }, (err, user) => {
    if (!user || user.password !== secret) return done(null, false);
    done(null, user);
  });
}));`,
      errors: [
        {
          messageId: 'compare', line: 4, column: 18, endLine: 4, endColumn: 42,
          data: { stored: "`user.password`", input: "`secret`", operator: "!==", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "passport-local: mongoose query on the raw password",
      code: `const { Strategy } = require('passport-local');
passport.use(new Strategy(async (username, pw, done) => {
  const user = await User.findOne({ username, password: pw });
  done(null, user);
}));`,
      errors: [
        {
          messageId: 'query', line: 3, column: 22, endLine: 3, endColumn: 62,
          data: { store: "the MongoDB collection (mongoose)", fix: STORES.mongoose.fix, input: "`pw`" },
        },
      ],
    },
    {
      name: "prisma create({ data }) of a password parameter",
      filename: "file.ts",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function register(email: string, password: string) {
  return prisma.user.create({ data: { email, password } });
}`,
      errors: [
        {
          messageId: 'write', line: 4, column: 10, endLine: 4, endColumn: 59,
          data: { store: "the database (Prisma)", fix: STORES.prisma.fix, input: "`password`" },
        },
      ],
    },
    {
      name: "sequelize create from req.body",
      filename: "file.ts",
      code: `import { Sequelize } from 'sequelize';
async function signup(req, res) {
  const { email, password } = req.body;
  await User.create({ email, password });
}`,
      errors: [
        {
          messageId: 'write', line: 4, column: 9, endLine: 4, endColumn: 41,
          data: { store: "the database table (sequelize)", fix: STORES.sequelize.fix, input: "`password`" },
        },
      ],
    },
    {
      name: "mongoose new Model({...}) saved later",
      filename: "file.ts",
      code: `import mongoose from 'mongoose';
async function signup(req, res) {
  const user = new User({ email: req.body.email, password: req.body.password });
  await user.save();
}`,
      errors: [
        {
          messageId: 'write', line: 3, column: 16, endLine: 3, endColumn: 80,
          data: { store: "the MongoDB collection (mongoose)", fix: STORES.mongoose.fix, input: "`req.body.password`" },
        },
      ],
    },
    {
      name: "mongoose new Model({...}).save()",
      code: `async function signup(req, res) {
  await new User({ email: req.body.email, password: req.body.password }).save();
}`,
      errors: [
        {
          messageId: 'write', line: 2, column: 9, endLine: 2, endColumn: 73,
          data: { store: "the MongoDB collection (mongoose)", fix: STORES.mongoose.fix, input: "`req.body.password`" },
        },
      ],
    },
    {
      name: "mongoose updateOne with $set",
      code: `async function changePassword(req, res) {
  await User.updateOne({ _id: req.user.id }, { $set: { password: req.body.newPassword } });
}`,
      errors: [
        {
          messageId: 'write', line: 2, column: 9, endLine: 2, endColumn: 91,
          data: { store: "the MongoDB collection (mongoose)", fix: STORES.mongoose.fix, input: "`req.body.newPassword`" },
        },
      ],
    },
    {
      name: "typeorm repository save (Nest DI)",
      filename: "file.ts",
      code: `import { Repository } from 'typeorm';
class S {
  constructor(private repo: Repository<User>) {}
  async create(email: string, password: string) {
    return this.repo.save({ email, password });
  }
}`,
      errors: [
        {
          messageId: 'write', line: 5, column: 12, endLine: 5, endColumn: 47,
          data: { store: "the database table (TypeORM)", fix: STORES.typeorm.fix, input: "`password`" },
        },
      ],
    },
    {
      name: "knex where({ email, password }) across lines",
      code: `import knex from 'knex';
const db = knex({});
async function login(email, password) {
  return db('users')
    .where({ email, password })
    .first();
}`,
      errors: [
        {
          messageId: 'query', line: 4, column: 10, endLine: 5, endColumn: 32,
          data: { store: "the database table (knex)", fix: STORES.knex.fix, input: "`password`" },
        },
      ],
    },
    {
      name: "knex where(column, value)",
      code: `async function login(email, password) {
  return db('users').where('password', password).first();
}`,
      errors: [
        {
          messageId: 'query', line: 2, column: 10, endLine: 2, endColumn: 49,
          data: { store: "the database table (knex)", fix: STORES.knex.fix, input: "`password`" },
        },
      ],
    },
    {
      name: "knex insert",
      code: `async function register(email, password) {
  await knex('users').insert({ email, password });
}`,
      errors: [
        {
          messageId: 'write', line: 2, column: 9, endLine: 2, endColumn: 50,
          data: { store: "the user store", fix: STORES.generic.fix, input: "`password`" },
        },
      ],
    },
    {
      name: "mysql2 execute with ? placeholders",
      code: `const mysql = require('mysql2/promise');
async function login(conn, req) {
  const [rows] = await conn.execute('SELECT * FROM users WHERE email = ? AND password = ?', [req.body.email, req.body.password]);
}`,
      errors: [
        {
          messageId: 'query', line: 3, column: 24, endLine: 3, endColumn: 129,
          data: { store: "the SQL table", fix: STORES.sql.fix, input: "`req.body.password`" },
        },
      ],
    },
    {
      name: "sqlite template-built SQL",
      code: `async function login(db, username, password) {
  return db.get(\`SELECT * FROM users WHERE username = '\${username}' AND password = '\${password}'\`);
}`,
      errors: [
        {
          messageId: 'query', line: 2, column: 10, endLine: 2, endColumn: 99,
          data: { store: "the SQL table", fix: STORES.sql.fix, input: "`password`" },
        },
      ],
    },
    {
      name: "pg UPDATE … SET password = $1",
      code: `async function setPassword(pool, id, newPassword) {
  await pool.query('UPDATE users SET password = $1 WHERE id = $2', [newPassword, id]);
}`,
      errors: [
        {
          messageId: 'write', line: 2, column: 9, endLine: 2, endColumn: 86,
          data: { store: "the SQL table", fix: STORES.sql.fix, input: "`newPassword`" },
        },
      ],
    },
    {
      name: "better-sqlite3 prepare(…).get(…)",
      code: `function login(db, username, password) {
  return db.prepare('SELECT * FROM users WHERE username = ? AND password = ?').get(username, password);
}`,
      errors: [
        {
          messageId: 'query', line: 2, column: 10, endLine: 2, endColumn: 103,
          data: { store: "the SQL table", fix: STORES.sql.fix, input: "`password`" },
        },
      ],
    },
    {
      name: "typeorm query builder :password parameter",
      code: `async function login(ds, username, password) {
  return ds.getRepository(User).createQueryBuilder('user').where('user.password = :password', { password }).getOne();
}`,
      errors: [
        {
          messageId: 'query', line: 2, column: 10, endLine: 2, endColumn: 108,
          data: { store: "the SQL table", fix: STORES.sql.fix, input: "`password`" },
        },
      ],
    },
    {
      name: "in-memory array push",
      code: `const users = [];
app.post('/register', (req, res) => {
  users.push({ username: req.body.username, password: req.body.password });
});`,
      errors: [
        {
          messageId: 'write', line: 3, column: 3, endLine: 3, endColumn: 75,
          data: { store: "the user table in memory", fix: STORES.memory.fix, input: "`req.body.password`" },
        },
      ],
    },
    {
      name: "in-memory Map set",
      code: `const userStore = new Map();
function register(name, password) {
  userStore.set(name, { name, password });
}`,
      errors: [
        {
          messageId: 'write', line: 3, column: 3, endLine: 3, endColumn: 42,
          data: { store: "the user table in memory", fix: STORES.memory.fix, input: "`password`" },
        },
      ],
    },
    {
      name: "in-memory object write of a record",
      code: `const accounts = {};
function register(name, password) {
  accounts[name] = { password, createdAt: Date.now() };
}`,
      errors: [
        {
          messageId: 'write', line: 3, column: 3, endLine: 3, endColumn: 55,
          data: { store: "the user table in memory", fix: STORES.memory.fix, input: "`password`" },
        },
      ],
    },
    {
      name: "lowdb push",
      filename: "file.mjs",
      code: `import { JSONFilePreset } from 'lowdb/node';
const db = await JSONFilePreset('db.json', { users: [] });
app.post('/register', async (req, res) => {
  db.data.users.push({ username: req.body.username, password: req.body.password });
  await db.write();
});`,
      errors: [
        {
          messageId: 'write', line: 4, column: 3, endLine: 4, endColumn: 83,
          data: { store: "the JSON database (lowdb)", fix: STORES.lowdb.fix, input: "`req.body.password`" },
        },
      ],
    },
    {
      name: "literal table of plaintext passwords",
      code: `const users = [
  { username: 'admin', password: 'admin123' },
];`,
      errors: [
        {
          messageId: 'table', line: 1, column: 15, endLine: 3, endColumn: 2,
          data: { name: "users", fix: STORES.memory.fix },
        },
      ],
    },
    {
      name: "array find with u.password === password",
      code: `async function login(username, password) {
  const user = users.find((u) => u.username === username && u.password === password);
  return user;
}`,
      errors: [
        {
          messageId: 'compare', line: 2, column: 61, endLine: 2, endColumn: 84,
          data: { stored: "`u.password`", input: "`password`", operator: "===", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "password compared with an env variable",
      code: `function isAdmin(password) {
  return password === process.env.ADMIN_PASSWORD;
}`,
      errors: [
        {
          messageId: 'compare', line: 2, column: 10, endLine: 2, endColumn: 49,
          data: { stored: "`process.env.ADMIN_PASSWORD`", input: "`password`", operator: "===", store: "the environment", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "hard-coded credentials",
      code: `function check(username, password) {
  return username === 'admin' && password === 'hunter2';
}`,
      errors: [
        {
          messageId: 'compare', line: 2, column: 34, endLine: 2, endColumn: 56,
          data: { stored: "hard-coded as \"hu…\" (7 chars)", input: "`password`", operator: "===", store: "the source code", fix: STORES.memory.fix },
        },
      ],
    },
    {
      name: "record field assigned then saved",
      code: `async function reset(req) {
  const user = await User.findById(req.params.id);
  user.password = req.body.password;
  await user.save();
}`,
      errors: [
        {
          messageId: 'write', line: 3, column: 3, endLine: 3, endColumn: 36,
          data: { store: "the user store", fix: STORES.generic.fix, input: "`req.body.password`" },
        },
      ],
    },
    {
      name: "next-auth Credentials authorize(credentials)",
      filename: "file.ts",
      code: `import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
export default NextAuth({ providers: [Credentials({ async authorize(credentials) {
  const user = await prisma.user.findUnique({ where: { email: credentials.email } });
  if (user && user.password === credentials.password) return user;
  return null;
} })] });`,
      errors: [
        {
          messageId: 'compare', line: 5, column: 15, endLine: 5, endColumn: 53,
          data: { stored: "`user.password`", input: "`credentials.password`", operator: "===", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "a mongoose password-check method comparing this.password",
      code: `userSchema.methods.comparePassword = function (candidate) {
  return this.password === candidate;
};`,
      errors: [
        {
          messageId: 'compare', line: 2, column: 10, endLine: 2, endColumn: 37,
          data: { stored: "`this.password`", input: "`candidate`", operator: "===", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "a users table literal compared through a binding",
      code: `const users = { admin: 'S3cret!' };
function login(name, password) {
  const expected = users[name];
  return expected !== undefined && expected === password;
}`,
      errors: [
        {
          messageId: 'table', line: 1, column: 15, endLine: 1, endColumn: 35,
          data: { name: "users", fix: STORES.memory.fix },
        },
        {
          messageId: 'compare', line: 4, column: 36, endLine: 4, endColumn: 57,
          data: { stored: "`expected`", input: "`password`", operator: "===", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "a compare helper taking the stored and the typed password",
      code: `const comparePassword = (fromDB, fromUser) => {
  return fromDB === fromUser;
};`,
      errors: [
        {
          messageId: 'compare', line: 2, column: 10, endLine: 2, endColumn: 29,
          data: { stored: "`fromDB`", input: "`fromUser`", operator: "===", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "a seed table inserted as is: one report, at the table",
      code: `const USERS_TO_INSERT = [
  { userName: 'admin', password: 'Admin_123' },
];
usersCol.insertMany(USERS_TO_INSERT);`,
      errors: [
        {
          messageId: 'table', line: 1, column: 25, endLine: 3, endColumn: 2,
          data: { name: "USERS_TO_INSERT", fix: STORES.memory.fix },
        },
      ],
    },
    {
      name: "a record from a callback of a model whose module has no hook",
      filename: path.join(ROOT, "fixtures/examples/own/passwords-mongoose/routes/profile.js"),
      code: `const Admin = require('../models/admin');
function change(req, res) {
  Admin.findById(req.user.id, (err, user) => {
    user.password = req.body.password;
    user.save(() => res.sendStatus(204));
  });
}`,
      errors: [
        {
          messageId: 'write', line: 4, column: 5, endLine: 4, endColumn: 38,
          data: { store: "the user store", fix: STORES.generic.fix, input: "`req.body.password`" },
        },
      ],
    },
    {
      name: "express: body destructured from req",
      code: `app.post('/login', async (req, res) => {
  const { body } = req;
  const user = await User.findOne({ email: body.email });
  if (user.password !== body.password) return res.sendStatus(401);
});`,
      errors: [
        {
          messageId: 'compare', line: 4, column: 7, endLine: 4, endColumn: 38,
          data: { stored: "`user.password`", input: "`body.password`", operator: "!==", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "koa: nested destructuring of ctx.request",
      code: `router.post('/login', async (ctx) => {
  const { body: { email, password } } = ctx.request;
  const user = await Account.findOne({ email });
  if (user.password !== password) ctx.throw(401);
});`,
      errors: [
        {
          messageId: 'compare', line: 4, column: 7, endLine: 4, endColumn: 33,
          data: { stored: "`user.password`", input: "`password`", operator: "!==", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "SvelteKit / Remix action: ({ request }) and request.formData()",
      code: `export const actions = { default: async ({ request }) => {
  const data = await request.formData();
  const user = await db.user.findUnique({ where: { email: data.get('email') } });
  if (user.password !== data.get('password')) return fail(400);
} };`,
      errors: [
        {
          messageId: 'compare', line: 4, column: 7, endLine: 4, endColumn: 45,
          data: { stored: "`user.password`", input: "`data.get('password')`", operator: "!==", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "test files are checked with checkTestFiles",
      filename: "test/users.test.js",
      options: [{"checkTestFiles":true}],
      code: `app.post('/login', async (req, res) => {
  if (user.password === req.body.password) res.send('ok');
});`,
      errors: [
        {
          messageId: 'compare', line: 2, column: 7, endLine: 2, endColumn: 42,
          data: { stored: "`user.password`", input: "`req.body.password`", operator: "===", store: "the user store", fix: STORES.generic.fix },
        },
      ],
    },
    {
      name: "the seed app: a users table and a compare through it",
      filename: "file.ts",
      code: `const USERS: Record<string, string> = { alice: 'wonderland' };
app.post('/login', (req, res) => {
  const password = String(req.body.password ?? '');
  if (username in USERS && USERS[username] === password) res.send('ok');
});`,
      errors: [
        {
          messageId: 'table', line: 1, column: 39, endLine: 1, endColumn: 62,
          data: { name: "USERS", fix: STORES.memory.fix },
        },
        {
          messageId: 'compare', line: 4, column: 28, endLine: 4, endColumn: 56,
          data: { stored: "`USERS[username]`", input: "`password`", operator: "===", store: "the user table in memory", fix: STORES.memory.fix },
        },
      ],
    },
    {
      name: "pg config object { text, values }",
      code: `async function f(pool, id, newPassword) {
  await pool.query({ text: 'UPDATE accounts SET password = $1 WHERE id = $2', values: [newPassword, id] });
}`,
      errors: [
        {
          messageId: 'write', line: 2, column: 9, endLine: 2, endColumn: 107,
          data: { store: "the SQL table", fix: STORES.sql.fix, input: "`newPassword`" },
        },
      ],
    },
    {
      name: "string-built SQL through a variable, reported at the query call",
      code: `async function createAccount(pool, email, password) {
  const sql = "INSERT INTO accounts (email, password) VALUES ('" + email + "', '" + password + "')";
  return pool.query(sql);
}`,
      errors: [
        {
          messageId: 'write', line: 3, column: 10, endLine: 3, endColumn: 25,
          data: { store: "the SQL table", fix: STORES.sql.fix, input: "`password`" },
        },
      ],
    },
    {
      name: "project: a mongoose model module without a hook",
      filename: path.join(ROOT, "fixtures/projects/express-mounted/routes/accounts.js"),
      code: `const Account = require('../models/account');
async function add(req) {
  return Account.create({ email: req.body.email, password: req.body.password });
}`,
      errors: [
        {
          messageId: 'write', line: 3, column: 10, endLine: 3, endColumn: 80,
          data: { store: "the MongoDB collection (mongoose)", fix: STORES.mongoose.fix, input: "`req.body.password`" },
        },
      ],
    },
  ],
});
