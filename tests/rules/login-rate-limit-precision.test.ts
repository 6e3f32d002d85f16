/**
 * login-rate-limit precision (issue #12): authenticated routes that take no
 * credential from the request are not findings, even when request input
 * reaches something named like a check. A function the project shows is
 * judged by its body, not its name; an id picks a row, it is no secret.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/login-rate-limit.js';
import { LIMITER_FIX } from '../../src/models/rate-limiters.js';
import { ruleTester } from '../rule-tester.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROJECT = path.join(ROOT, 'fixtures/projects/credential-precision');

const error = (line: number, column: number, endColumn: number, route: string, fix: string = LIMITER_FIX.express) => ({
  messageId: 'unlimited' as const, line, column, endLine: line, endColumn, data: { route, fix },
});

ruleTester.run('login-rate-limit (precision)', rule, {
  valid: [
    {
      name: 'a password strength check named like a check (validatePassword, checkIsCommonPassword) checks no credential',
      code: `import express from 'express';
import { db } from './db';
const app = express();
function validatePassword(password) {
  if (password.length < 8) throw new Error('too short');
  return true;
}
async function checkIsCommonPassword(password) {
  const res = await fetch('https://api.example.test/range/' + password.slice(0, 5));
  return res.ok;
}
app.post('/settings/password/create', async (req, res) => {
  validatePassword(req.body.password);
  if (await checkIsCommonPassword(req.body.password)) return res.status(400).end();
  await db.user.update({ where: { id: req.user.id }, data: { password: req.body.password } });
  res.end();
});`,
    },
    {
      name: 'an invite validated by e-mail and organization id, behind the session, is no credential check',
      code: `import express from 'express';
import { db } from './db';
const app = express();
async function validateInvite(inviteeEmail, organizationId) {
  const pending = await db.invite.findFirst({ where: { inviteeEmail, organizationId, status: 'PENDING' } });
  if (pending) throw new Error('already invited');
}
app.post('/settings/team/invites', async (req, res) => {
  await validateInvite(req.body.email, req.user.organizationId);
  await db.invite.create({ data: { inviteeEmail: req.body.email } });
  res.end();
});`,
    },
    {
      name: 'a bearer token verified by a helper named verifyToken authenticates the request; logout behind it checks nothing',
      code: `import express from 'express';
import { verify } from './jwt';
const app = express();
export function verifyToken(jwt, secret) {
  return verify(jwt, secret);
}
async function authMiddleware(req, res, next) {
  const header = req.headers.authorization;
  const jwt = header.slice(7);
  req.user = await verifyToken(jwt, process.env.JWT_SECRET);
  next();
}
app.post('/auth/logout', authMiddleware, async (req, res) => {
  res.clearCookie('refresh_token');
  res.end();
});
app.put('/user/tab-preference', authMiddleware, async (req, res) => {
  res.json({ ok: true });
});`,
    },
    {
      name: "a session revoked by its id, compared with the signed-in user's sessions, is no credential check",
      code: `import express from 'express';
import { db } from './db';
const app = express();
app.post('/auth/signout-session', async (req, res) => {
  const { sessionId: sessionIdToRevoke } = req.body;
  const session = await db.session.findUnique({ where: { id: req.user.sessionId } });
  await db.session.deleteMany({ where: { userId: session.userId, id: { in: [sessionIdToRevoke] } } });
  if (session.id === sessionIdToRevoke) res.clearCookie('session');
  res.end();
});`,
    },
    {
      name: 'a predicate named after a login (isStrictLogin) and a request authenticated by its bearer header are no sign-in',
      code: `import express from 'express';
const app = express();
function isStrictHubLogin(url) {
  return url.hostname.endsWith('.example.test');
}
function authenticateScimRequest(request) {
  const token = request.headers.authorization?.slice(7);
  return token === undefined ? null : { token };
}
app.post('/api/mcp/health', async (req, res) => {
  res.json({ strict: isStrictHubLogin(new URL(req.body.url)) });
});
app.post('/api/scim/v2/Users', async (req, res) => {
  if (!authenticateScimRequest(req)) return res.status(401).end();
  res.json({});
});`,
    },
    {
      name: 'playback-session routes bound to the methods of an exported controller instance are judged by those methods',
      code: readFileSync(path.join(PROJECT, 'src/router.js'), 'utf8').replace(
        "    this.router.post('/session/:id/unlock', SessionController.unlock.bind(this)); // expect: rate-limit\n",
        '',
      ),
      filename: path.join(PROJECT, 'src/router.js'),
    },
    {
      name: 'checks named after something else (a message, a language code, a handler code) check no credential',
      code: `import express from 'express';
import { validateInvitationMessage, validateDefaultLanguageCode, ensureValidFulfillmentHandlerCode } from '@acme/validators';
const app = express();
app.post('/settings/team/invites', async (req, res) => {
  validateInvitationMessage(req.body.message);
  res.end();
});
app.post('/channels', async (req, res) => {
  validateDefaultLanguageCode(req.body.defaultLanguageCode);
  ensureValidFulfillmentHandlerCode(req.body.code, req.body.handler);
  res.end();
});`,
    },
    {
      name: 'a new password compared with its confirmation checks no credential',
      code: `import express from 'express';
import { z } from 'zod';
import { db } from './db';
const app = express();
function createOnboardingSchema({ signedUpWithPassword }) {
  return z.object({ password: z.string(), confirmPassword: z.string() }).superRefine(({ password, confirmPassword }, ctx) => {
    if (signedUpWithPassword && password !== confirmPassword) ctx.addIssue({ code: 'custom', message: 'must match' });
  });
}
app.post('/onboarding', async (req, res) => {
  const schema = createOnboardingSchema({ signedUpWithPassword: req.body.signedUpWithPassword });
  const { password } = schema.parse(req.body);
  await db.user.update({ where: { id: req.user.id }, data: { password } });
  res.end();
});`,
    },
    {
      name: "words: a credential word after a resource's id, and session routes that work on existing sessions, are no credential routes",
      code: `import express from 'express';
import { websites, admin, sessions } from '@acme/handlers';
const app = express();
app.post('/websites/:websiteId/reset', websites.reset);
app.post('/users/:userId/password', admin.setPassword);
app.post('/session/:id/sync', sessions.sync);
app.post('/sessions/batch/delete', sessions.batchDelete);`,
    },
    {
      name: "socket.io: a login event behind a limiter, an event that checks nothing, and the socket's own events are no findings",
      code: `const { Server } = require('socket.io');
const bcrypt = require('bcryptjs');
const jwt = require('jsonwebtoken');
const { loginRateLimiter } = require('./rate-limiter');
const { authenticateSocket, jwtSecret } = require('./auth');
const io = new Server();
io.on('connection', (socket) => {
  socket.on('login', async (data, callback) => {
    if (!(await loginRateLimiter.pass(callback))) return;
    const user = await findUser(data.username);
    callback({ ok: user && bcrypt.compareSync(data.password, user.password) });
  });
  socket.on('getMonitorList', async (callback) => callback(await listMonitors(socket.userID)));
  socket.on('addTag', async (tag, callback) => callback(await saveTag(socket.userID, tag.name)));
  socket.on('disconnect', () => {});
  socket.on('auth', (token) => authenticateSocket(socket, token));
  socket.on('loginByToken', async (token, callback) => {
    const decoded = jwt.verify(token, jwtSecret);
    callback({ ok: !!decoded });
  });
});`,
    },
    {
      name: "a comparison reported as a property value (the session that is the caller's own) is no check",
      code: `import express from 'express';
import { db } from './db';
const app = express();
app.get('/me/sessions', async (req, res) => {
  const refreshToken = req.cookies.refresh_token;
  const rows = await db.session.findMany({ where: { userId: req.user.id } });
  res.json(rows.map((session) => ({ id: session.id, current: !!refreshToken && session.refreshToken === refreshToken })));
});`,
    },
  ],
  invalid: [
    {
      name: 'socket.io: change-password and settings events that verify the current password with no limiter are reported',
      code: `const { Server } = require('socket.io');
const bcrypt = require('bcryptjs');
const jwt = require('jsonwebtoken');
const io = new Server();
async function doubleCheckPassword(socket, currentPassword) {
  const user = await findUser(socket.userID);
  if (!bcrypt.compareSync(currentPassword, user.password)) throw new Error('Incorrect current password');
}
io.on('connection', (socket) => {
  socket.on('changePassword', async (password, callback) => {
    await doubleCheckPassword(socket, password.currentPassword);
    callback({ ok: true });
  });
});
const prefix = 'tunnel_';
module.exports.handler = (socket) => {
  socket.on(prefix + 'stop', async (currentPassword, callback) => {
    await doubleCheckPassword(socket, currentPassword);
    callback({ ok: true });
  });
  socket.on('refreshSession', async (refreshToken, callback) => {
    callback(jwt.verify(refreshToken, process.env.REFRESH_SECRET));
  });
};`,
      errors: [
        { messageId: 'unlimited' as const, line: 10, column: 13, endLine: 10, endColumn: 29, data: { route: "socket event 'changePassword'", fix: LIMITER_FIX.socketio } },
        { messageId: 'unlimited' as const, line: 17, column: 13, endLine: 17, endColumn: 28, data: { route: "socket event 'tunnel_stop'", fix: LIMITER_FIX.socketio } },
        { messageId: 'unlimited' as const, line: 21, column: 13, endLine: 21, endColumn: 29, data: { route: "socket event 'refreshSession'", fix: LIMITER_FIX.socketio } },
      ],
    },
    {
      name: 'words: a reset by a token in the path, and a session route that creates one, still count',
      code: `import express from 'express';
import { auth } from '@acme/handlers';
const app = express();
app.post('/reset/:token', auth.reset);
app.post('/session', auth.createSession);
app.post('/:mount/:appId/request_password_reset', auth.resetPassword);`,
      errors: [error(4, 5, 25, 'POST /reset/:token'), error(5, 5, 20, 'POST /session'), error(6, 5, 49, 'POST /:mount/:appId/request_password_reset')],
    },
    {
      name: 'a compare named like a check whose body compares the password with bcrypt is still a credential check',
      code: `import express from 'express';
import bcrypt from 'bcrypt';
import { db } from './db';
const app = express();
async function validatePassword(user, password) {
  return bcrypt.compare(password, user.passwordHash);
}
app.post('/settings/password', async (req, res) => {
  const user = await db.user.findUnique({ where: { id: req.user.id } });
  if (!(await validatePassword(user, req.body.currentPassword))) return res.status(401).end();
  await db.user.update({ where: { id: user.id }, data: { password: req.body.newPassword } });
  res.end();
});`,
      errors: [error(8, 5, 30, 'POST /settings/password')],
    },
    {
      name: 'a check named like one whose body we cannot judge still counts by its name',
      code: `import express from 'express';
import { authenticator } from 'otplib';
import { db } from './db';
const app = express();
async function verifyOtpCode(userId, code) {
  const { secret } = await db.user.findUnique({ where: { id: userId } });
  return authenticator.check(code, secret);
}
app.post('/mfa', async (req, res) => {
  if (!(await verifyOtpCode(req.user.id, req.body.code))) return res.status(401).end();
  res.end();
});`,
      errors: [error(9, 5, 16, 'POST /mfa')],
    },
    {
      name: 'a reset code compared with the stored one, and a login helper, still count',
      code: `import express from 'express';
import { db } from './db';
const app = express();
app.post('/reset-password', async (req, res) => {
  const user = await db.user.findUnique({ where: { email: req.body.email } });
  if (user.resetCode !== req.body.code) return res.status(401).end();
  res.end();
});
app.post('/login', async (req, res) => {
  res.json(await authService.login(req.body));
});
app.post('/api/v1/check', async (req, res) => {
  res.json(await users.authenticateUserFromRequest(req));
});`,
      errors: [error(4, 5, 27, 'POST /reset-password'), error(9, 5, 18, 'POST /login'), error(12, 5, 25, 'POST /api/v1/check')],
    },
    {
      name: 'a bound method of an exported controller instance that compares the password is reported',
      code: readFileSync(path.join(PROJECT, 'src/router.js'), 'utf8'),
      filename: path.join(PROJECT, 'src/router.js'),
      errors: [error(9, 17, 43, 'POST /session/:id/unlock', LIMITER_FIX.unknown)],
    },
  ],
});
