import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/session-regenerate-on-login.js';
import { REGENERATE_FIX } from '../../src/models/session-login.js';
import { ruleTester } from '../rule-tester.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

ruleTester.run('session-regenerate-on-login', rule, {
  assertionOptions: { requireData: true, requireLocation: true },
  valid: [
    {
      name: "express-session: regenerate first, identity written in its callback",
      code: `import bcrypt from 'bcrypt';
app.post('/login', async (req, res, next) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) return res.sendStatus(401);
  req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.userId = user.id;
    res.redirect('/');
  });
});`,
    },
    {
      name: "regenerate awaited through a Promise, promisify or a helper before the write",
      code: `const { promisify } = require('util');
const argon2 = require('argon2');
router.post('/a', async (req, res) => {
  if (!(await argon2.verify(hash, req.body.password))) return res.end();
  await new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
  req.session.user = { id: 1 };
});
router.post('/b', async (req, res) => {
  if (!(await verifyPassword(user, req.body.password))) return res.end();
  await promisify(req.session.regenerate.bind(req.session))();
  req.session.userId = user.id;
});
router.post('/c', async (request, res) => {
  const user = await authService.validateUser(request.body.email, request.body.password);
  await regenerateSession(request);
  request.session.accountId = user.id;
});`,
    },
    {
      name: "writes that are not an identity: views, cart, flash, theme, attempts",
      code: `app.post('/login', async (req, res) => {
  const ok = await bcrypt.compare(req.body.password, hash);
  req.session.views = (req.session.views || 0) + 1;
  req.session.cart = [];
  req.session.flash = 'Welcome';
  req.session.theme = req.body.theme;
  req.session.loginAttempts = ok ? 0 : req.session.loginAttempts + 1;
  req.session.pendingUserId = user.id;
  req.session.returnTo = req.originalUrl;
});`,
    },
    {
      name: "identity written where nothing was authenticated",
      code: `app.get('/impersonate/stop', (req, res) => {
  req.session.userId = req.session.originalUserId;
  res.redirect('/');
});
app.post('/profile', (req, res) => {
  req.session.user.name = req.body.name;
  req.session.user = { ...req.session.user, name: req.body.name };
});
app.post('/login', async (req, res) => {
  req.session.userId = 'anonymous';
  const ok = await bcrypt.compare(req.body.password, hash);
});`,
    },
    {
      name: "passport req.login regenerates from 0.6 (the version declared, or none found)",
      code: `const passport = require('passport');
router.post('/login', (req, res, next) => {
  passport.authenticate('local', (err, user) => {
    if (err || !user) return next(err);
    req.login(user, (e) => {
      if (e) return next(e);
      req.session.loginAt = Date.now();
      req.session.passport.user = user.id;
      res.json({ id: user.id });
    });
  })(req, res, next);
});`,
    },
    {
      name: "passport below 0.6: a stateless req.logIn(user, { session: false }) has no session to fixate",
      filename: path.join(ROOT, 'fixtures/examples/own/login-passport-legacy/src/jwt.js'),
      code: `const passport = require('passport');
router.post('/token', passport.authenticate('jwt', { session: false }), (req, res, next) => {
  req.logIn(req.user, { session: false }, (err) => (err ? next(err) : res.json({ ok: true })));
});`,
    },
    {
      name: "koa: ctx.session.regenerate() or ctx.session = null first",
      code: `router.post('/login', async (ctx) => {
  const ok = await bcrypt.compare(ctx.request.body.password, user.passwordHash);
  if (!ok) ctx.throw(401);
  await ctx.session.regenerate();
  ctx.session.userId = user.id;
});
router.post('/login2', async (ctx) => {
  const ok = await bcrypt.compare(ctx.request.body.password, user.passwordHash);
  if (!ok) ctx.throw(401);
  ctx.session = null;
  ctx.session = { userId: user.id };
});`,
    },
    {
      name: "fastify: request.session.regenerate() first",
      code: `app.post('/login', async (request, reply) => {
  if (!(await argon2.verify(account.hash, request.body.password))) return reply.code(401).send();
  await request.session.regenerate();
  request.session.set('userId', account.id);
  request.session.user = account;
});`,
    },
    {
      name: "sessions kept in a sealed cookie have no id to fix (cookie-session, iron-session)",
      code: `const cookieSession = require('cookie-session');
app.use(cookieSession({ keys: [process.env.KEY] }));
app.post('/login', async (req, res) => {
  if (!(await bcrypt.compare(req.body.password, hash))) return res.end();
  req.session.userId = user.id;
});`,
    },
    {
      name: "@fastify/secure-session registered inline",
      code: `const fastify = require('fastify')();
fastify.register(require('@fastify/secure-session'), { key: Buffer.from(process.env.SESSION_KEY, 'hex') });
fastify.post('/login', async (request, reply) => {
  if (!(await argon2.verify(account.hash, request.body.password))) return reply.code(401).send();
  request.session.set('userId', account.id);
});`,
    },
    {
      name: "iron-session in a Next.js route handler",
      code: `import { getIronSession } from 'iron-session';
export async function POST(request) {
  const session = await getIronSession(cookies(), sessionOptions);
  if (!(await verifyPassword(user, password))) return new Response(null, { status: 401 });
  session.user = { id: user.id };
  await session.save();
}`,
    },
    {
      name: "client-side state named session is not a server session",
      code: `function reducer(state, action) {
  state.session.user = action.payload;
}
class Store {
  login(password) {
    if (password === this.saved) this.session.user = { name: 'x' };
  }
}`,
    },
    {
      name: "test files are skipped by default",
      filename: "src/__tests__/login.js",
      code: `app.post('/login', (req, res) => {
  if (req.body.password === 'x') req.session.user = 'alice';
});`,
    },
    {
      name: "empty file",
      code: ``,
    },
    {
      name: "odd syntax does not crash",
      code: `req.session[key] = 1;
req.session.user += 'x';
(req.session as any).user = 1;
Object.assign(req.session, others);
req.session.set();
req.login();
const { session } = req;
export default class { @Session() x; m(@Session() s) { s.user = 1; } }`,
    },
    { name: "real-world look-alike: non-identity session write", filename: "src/routes/account.js", code: `router.post('/email', async (req, res) => {
  await changeEmail(req.user, req.body.email);
  req.session.emailChanged = 1;
  res.redirect('/account');
});` },
  ],
  invalid: [
    {
      name: "express-session: plaintext compare then session write (the seed)",
      code: `app.post('/login', (req, res) => {
  const { username, password } = req.body;
  if (USERS[username] === password) {
    req.session.user = username;
    return res.send('ok');
  }
  res.status(401).end();
});`,
      errors: [
        { messageId: 'fixation', line: 4, column: 5, endLine: 4, endColumn: 32, data: { target: "req.session.user", fix: REGENERATE_FIX.express('req', 'user') } },
      ],
    },
    {
      name: "a query matching the password, a reset that sets a new password",
      code: `router.post('/login', async (req, res) => {
  const user = await Member.findOne({ username: req.body.username, password: req.body.password });
  if (!user) return res.sendStatus(401);
  req.session.userId = user._id;
});
router.post('/reset/:token', async (req, res) => {
  const user = await User.findOne({ resetToken: req.params.token });
  user.passwordHash = await bcrypt.hash(req.body.password, 12);
  await user.save();
  req.session.userId = user.id;
});`,
      errors: [
        { messageId: 'fixation', line: 4, column: 3, endLine: 4, endColumn: 32, data: { target: "req.session.userId", fix: REGENERATE_FIX.express('req', 'userId') } },
        { messageId: 'fixation', line: 10, column: 3, endLine: 10, endColumn: 31, data: { target: "req.session.userId", fix: REGENERATE_FIX.express('req', 'userId') } },
      ],
    },
    {
      name: "passport.authenticate callback writing the session by hand",
      code: `const passport = require('passport');
router.post('/api/login', (req, res, next) => {
  passport.authenticate('local', (err, user) => {
    if (err || !user) return next(err);
    req.session.passport = { user: user.id };
    res.json({ id: user.id });
  })(req, res, next);
});`,
      errors: [
        { messageId: 'fixation', line: 5, column: 5, endLine: 5, endColumn: 45, data: { target: "req.session.passport", fix: REGENERATE_FIX.express('req', 'passport') } },
      ],
    },
    {
      name: "regenerate only on one branch, or after the write",
      code: `router.post('/otp', async (req, res) => {
  const ok = await totp.verify({ token: req.body.code, secret });
  if (ok && req.session.userId !== req.body.userId) {
    req.session.regenerate(() => {});
  }
  req.session.userId = req.body.userId;
});
router.post('/login', async (req, res) => {
  if (!(await user.comparePassword(req.body.password))) return res.end();
  req.session.user = user;
  req.session.regenerate(() => res.end());
});`,
      errors: [
        { messageId: 'fixation', line: 6, column: 3, endLine: 6, endColumn: 39, data: { target: "req.session.userId", fix: REGENERATE_FIX.express('req', 'userId') } },
        { messageId: 'fixation', line: 10, column: 3, endLine: 10, endColumn: 26, data: { target: "req.session.user", fix: REGENERATE_FIX.express('req', 'user') } },
      ],
    },
    {
      name: "aliases of the session, Object.assign, nested identity",
      code: `router.post('/signin', async (req, res) => {
  const session = req.session;
  if (!(await bcrypt.compare(req.body.password, hash))) return res.end();
  session.userId = user.id;
});
router.post('/signin2', async (req, res) => {
  const { session: s } = req;
  if (!(await bcrypt.compare(req.body.password, hash))) return res.end();
  Object.assign(s, { theme: 'dark', user });
});
router.post('/signin3', async (req, res) => {
  if (!(await bcrypt.compare(req.body.password, hash))) return res.end();
  req.session.passport.user = user.id;
});`,
      errors: [
        { messageId: 'fixation', line: 4, column: 3, endLine: 4, endColumn: 27, data: { target: "session.userId", fix: REGENERATE_FIX.express('req', 'userId') } },
        { messageId: 'fixation', line: 9, column: 3, endLine: 9, endColumn: 44, data: { target: "Object.assign(s, { theme: 'dark', user })", fix: REGENERATE_FIX.express('req', 'user') } },
        { messageId: 'fixation', line: 13, column: 3, endLine: 13, endColumn: 38, data: { target: "req.session.passport.user", fix: REGENERATE_FIX.express('req', 'passport') } },
      ],
    },
    {
      name: "one finding per handler: the first identity write",
      code: `router.post('/login', async (req, res) => {
  if (req.body.password !== ADMIN_PASSWORD) return res.sendStatus(401);
  req.session.authenticated = true;
  req.session.username = req.body.username;
  req.session.role = 'admin';
  res.redirect('/admin');
});`,
      errors: [
        { messageId: 'fixation', line: 3, column: 3, endLine: 3, endColumn: 35, data: { target: "req.session.authenticated", fix: REGENERATE_FIX.express('req', 'authenticated') } },
      ],
    },
    {
      name: "koa: ctx.session written after a password check",
      code: `router.post('/login', async (ctx) => {
  const user = await users.authenticate(ctx.request.body.email, ctx.request.body.password);
  if (!user) ctx.throw(401);
  ctx.session.user = { id: user.id };
});`,
      errors: [
        { messageId: 'fixation', line: 4, column: 3, endLine: 4, endColumn: 37, data: { target: "ctx.session.user", fix: REGENERATE_FIX.koa('ctx', 'user') } },
      ],
    },
    {
      name: "fastify: request.session.set of the identity",
      code: `import Fastify from 'fastify';
const app = Fastify();
app.post('/login', async (request, reply) => {
  const ok = await argon2.verify(account.passwordHash, request.body.password);
  if (!ok) return reply.code(401).send();
  request.session.set('accountId', account.id);
});`,
      errors: [
        { messageId: 'fixation', line: 6, column: 3, endLine: 6, endColumn: 47, data: { target: "request.session.set('accountId', account.id)", fix: REGENERATE_FIX.fastify('request', 'accountId') } },
      ],
    },
    {
      name: "Nest: a @Session() parameter",
      code: `import { Body, Controller, Post, Session } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  @Post('login')
  async login(@Body() dto, @Session() session: Record<string, unknown>) {
    const user = await this.auth.validateUser(dto.email, dto.password);
    session.userId = user.id;
  }
}`,
      errors: [
        { messageId: 'fixation', line: 7, column: 5, endLine: 7, endColumn: 29, data: { target: "session.userId", fix: REGENERATE_FIX.express('req', 'userId') } },
      ],
    },
    {
      name: "passport below 0.6: req.logIn does not renew the session",
      filename: path.join(ROOT, 'fixtures/examples/own/login-passport-legacy/src/login.js'),
      code: `const passport = require('passport');
router.post('/login', passport.authenticate('local'), (req, res, next) => {
  req.logIn(req.user, (err) => (err ? next(err) : res.redirect('/')));
});`,
      errors: [
        { messageId: 'passportLogin', line: 3, column: 3, endLine: 3, endColumn: 12, data: { target: "req.logIn()", version: "^0.5.3" } },
      ],
    },
    {
      name: "passport below 0.6: writing after req.login is not covered either",
      filename: path.join(ROOT, 'fixtures/examples/own/login-passport-legacy/src/login.js'),
      code: `router.post('/login', (req, res, next) => {
  passport.authenticate('local', (err, user) => {
    req.login(user, () => {
      req.session.userId = user.id;
      res.end();
    });
  })(req, res, next);
});`,
      errors: [
        { messageId: 'passportLogin', line: 3, column: 5, endLine: 3, endColumn: 14, data: { target: "req.login()", version: "^0.5.3" } },
        { messageId: 'fixation', line: 4, column: 7, endLine: 4, endColumn: 35, data: { target: "req.session.userId", fix: REGENERATE_FIX.express('req', 'userId') } },
      ],
    },
    {
      name: "checkTestFiles: true reports in test files",
      filename: "src/__tests__/login.js",
      options: [{ checkTestFiles: true }],
      code: `app.post('/login', (req, res) => {
  if (req.body.password === 'x') req.session.user = 'alice';
});`,
      errors: [
        { messageId: 'fixation', line: 2, column: 34, endLine: 2, endColumn: 60, data: { target: "req.session.user", fix: REGENERATE_FIX.express('req', 'user') } },
      ],
    },
  ],
});
