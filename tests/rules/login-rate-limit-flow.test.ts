/**
 * login-rate-limit decided by data flow: a route counts when request input
 * reaches a credential check (here or a call or two away), not by the words
 * of its path. Families M6, F8 and F9 of bench/real-world/FAMILIES.md.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/login-rate-limit.js';
import { LIMITER_FIX } from '../../src/models/rate-limiters.js';
import { ruleTester } from '../rule-tester.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROJECT = path.join(ROOT, 'fixtures/projects/credential-flow');

const error = (line: number, column: number, endColumn: number, route: string, fix: string = LIMITER_FIX.express) => ({
  messageId: 'unlimited' as const, line, column, endLine: line, endColumn, data: { route, fix },
});

ruleTester.run('login-rate-limit (data flow)', rule, {
  valid: [
    {
      name: "a coupon code validated, and a row looked up by another thing's session id, are no credential checks",
      code: `import express from 'express';
import { promotions } from './promotions';
import { audits } from './audits';
const app = express();
app.post('/auth/cart/coupon', async (req, res) => {
  const ok = await promotions.validateCouponCode(req.body.couponCode);
  res.json({ ok });
});
app.post('/auth/audit/:auditId/assets', async (req, res) => {
  const audit = await audits.findFirst({ where: { auditSessionId: req.params.auditId } });
  res.json({ audit });
});`,
    },
    {
      name: 'a lookup by a code that is no credential (a country code) is no credential check',
      code: `import express from 'express';
import { countries } from './countries';
const app = express();
app.post('/auth/address', async (req, res) => {
  const country = await countries.findOneByCode(req.body.countryCode);
  res.json({ country });
});`,
    },
    {
      name: 'F8: a token rotation behind a guard, session listing, profile update, demo log-in-as check no credential',
      code: `import express from 'express';
import { db } from './db';
import { requireUser } from './auth';
const app = express();
app.post('/user/access-token', requireUser, async (req, res) => {
  res.json({ token: await req.user.rotateAccessToken() });
});
app.get('/auth/sessions', async (req, res) => res.json(await db.session.findMany({ where: { userId: req.user.id } })));
app.post('/auth/profile', async (req, res) => {
  await db.user.update({ where: { id: req.user.id }, data: { name: req.body.name } });
  res.end();
});
app.post('/auth/demo-login', async (req, res) => {
  req.session.userId = (await db.user.findFirst({ where: { demo: true } })).id;
  res.redirect('/');
});
app.post('/auth/request-verification-email', async (req, res) => {
  await db.user.findUnique({ where: { email: req.body.email } });
  res.json({ ok: true });
});`,
    },
    {
      name: 'F8: a bearer re-check of the access token the server issued',
      code: `import express from 'express';
import jwt from 'jsonwebtoken';
const app = express();
app.post('/auth/token/check', (req, res) => {
  const token = req.headers.authorization.replace('Bearer ', '');
  const claims = jwt.verify(token, process.env.JWT_SECRET);
  res.json({ sub: claims.sub });
});`,
    },
    {
      name: 'F8: an API key or bearer token in a header authenticates a resource route; it is not a login',
      code: `import express from 'express';
const app = express();
app.post('/keys/use', (req, res) => {
  const key = req.get('x-api-key');
  if (key !== process.env.ADMIN_API_KEY) return res.sendStatus(401);
  res.end();
});
app.get('/api/public/sessions', async (req, res) => {
  const project = await db.project.findFirst({ where: { apiKey: req.headers.authorization.replace('Bearer ', '') } });
  res.json(await db.session.findMany({ where: { projectId: project.id } }));
});`,
    },
    {
      name: 'F9: provider-signed ID tokens and OAuth code exchanges are not guessable credentials',
      code: `import express from 'express';
import { OAuth2Client } from 'google-auth-library';
import { google } from './oauth';
const app = express();
const client = new OAuth2Client();
app.post('/auth/google', async (req, res) => {
  const ticket = await client.verifyIdToken({ idToken: req.body.credential, audience: process.env.GOOGLE_ID });
  res.json(ticket.getPayload());
});
app.get('/auth/github/callback', async (req, res) => {
  const tokens = await google.validateAuthorizationCode(req.query.code, req.cookies.verifier);
  res.json(tokens);
});`,
    },
    {
      name: 'a passport OAuth strategy is not a credential check',
      code: `const express = require('express');
const passport = require('passport');
const app = express();
app.post('/auth/token', passport.authenticate('github'));`,
    },
    {
      name: 'F8: a Nest resource route behind an API-key guard checks no login',
      code: `import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Controller('data-providers')
export class DataController {
  @Get('quotes/:symbol')
  @UseGuards(AuthGuard('api-key'))
  quotes(@Param('symbol') symbol: string) {
    return this.service.quotes({ symbol });
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'a row looked up by the login session id from the request is a credential check',
      code: `import express from 'express';
import { db } from './db';
const app = express();
app.post('/session/resume', async (req, res) => {
  const session = await db.session.findFirst({ where: { userSessionId: req.body.sid } });
  res.json({ ok: !!session });
});`,
      errors: [{ messageId: 'unlimited', line: 4, column: 5, endLine: 4, endColumn: 27, data: { route: 'POST /session/resume', fix: LIMITER_FIX.express } }],
    },
    {
      name: 'a route that only sends a reset mail or magic link is left to its words (the annotated fixtures count them)',
      code: `import { Router } from 'express';
import { sendResetMail } from './mail';
import { mailer } from './mailer';
const router = Router();
router.post('/auth/reset-password', async (req, res) => {
  await sendResetMail(req.body.email);
  res.sendStatus(204);
});
router.post('/auth/magic-link', async (req, res) => {
  await mailer.sendMagicLink(req.body.email);
  res.json({ ok: true });
});
router.post('/welcome', async (req, res) => {
  await mailer.sendWelcome(req.body.email);
  res.json({ ok: true });
});
export default router;`,
      errors: [error(5, 8, 35, 'POST /auth/reset-password'), error(9, 8, 31, 'POST /auth/magic-link')],
    },
    {
      name: 'M6: a model method checks the password',
      code: `import { Router } from 'express';
import { getRepository } from './db';
const authRoutes = Router();
authRoutes.post('/local', async (req, res) => {
  const body = req.body as { email?: string; password?: string };
  const user = await getRepository().findOne({ where: { email: body.email } });
  if (!user || !(await user.passwordMatch(body.password ?? ''))) return res.status(403).json({ error: 'invalid' });
  req.session.userId = user.id;
  return res.json(user);
});
export default authRoutes;`,
      errors: [error(4, 12, 25, 'POST /local')],
    },
    {
      name: 'M6: a GET route looks a user up by the reset token in its path',
      code: `const express = require('express');
const { findUserByResetToken } = require('./queries');
const router = express.Router();
router.get('/reset-password/:token', async (req, res) => {
  const user = await findUserByResetToken(req.params.token);
  if (!user) return res.status(404).send('invalid');
  res.render('new-password', { token: req.params.token });
});
module.exports = router;`,
      errors: [error(4, 8, 36, 'GET /reset-password/:token')],
    },
    {
      name: 'M6: passport.authenticate called inside the handler',
      code: `const Router = require('express').Router;
const passport = require('passport');
const { urlencodedParser } = require('./utils');
const emailAuth = Router();
module.exports = emailAuth;
emailAuth.post('/login', urlencodedParser, function (req, res, next) {
  if (!req.body.email || !req.body.password) return res.sendStatus(400);
  passport.authenticate('local', { successRedirect: '/', failureRedirect: '/' })(req, res, next);
});`,
      errors: [error(6, 11, 24, 'POST /login')],
    },
    {
      name: 'M6: a TOTP helper in a Hono chain',
      code: `import { Hono } from 'hono';
import { verifyTotp } from './totp';
import { getSession } from './session';
export const twoFactorRoute = new Hono()
  .post('/disable', async (c) => {
    const { user } = await getSession(c);
    const { code } = await c.req.json();
    if (!verifyTotp(user.twoFactorSecret, code)) return c.json({ error: 'invalid code' }, 400);
    return c.json({ ok: true });
  });`,
      errors: [error(5, 4, 19, 'POST /disable', LIMITER_FIX.hono)],
    },
    {
      name: 'M6: the check is in a function of the same file, under a neutral path',
      code: `const express = require('express');
const bcrypt = require('bcrypt');
const app = express();
async function checkUser(email, attempt) {
  const user = await db.users.findOne({ email });
  return user && bcrypt.compare(attempt, user.hash);
}
app.post('/api/enter', async (req, res) => {
  const ok = await checkUser(req.body.email, req.body.secretWord);
  res.json({ ok });
});`,
      errors: [error(8, 5, 22, 'POST /api/enter')],
    },
    {
      name: 'issue 12: a token lookup by the query, invitation accept, e-mail verification, refresh exchange',
      code: `const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();
app.get('/account/confirm', async (req, res) => {
  const row = await db.emailToken.findFirst({ where: { token: req.query.token } });
  res.redirect(row ? '/ok' : '/bad');
});
app.post('/teams/join', async (req, res) => {
  const invite = await Invite.findOne({ inviteCode: req.body.code.trim() });
  res.json(invite);
});
app.post('/session/renew', (req, res) => {
  const payload = jwt.verify(req.body.refreshToken, process.env.REFRESH_SECRET);
  res.json({ sub: payload.sub });
});`,
      errors: [
        error(4, 5, 27, 'GET /account/confirm'),
        error(8, 5, 23, 'POST /teams/join'),
        error(12, 5, 26, 'POST /session/renew'),
      ],
    },
    {
      name: 'a server action-like handler whose parameters the route table marks as input',
      code: `import express from 'express';
import argon2 from 'argon2';
const app = express();
app.post('/x', async (req, res) => {
  const { pin } = req.body;
  if (!(await argon2.verify(req.user.pinHash, pin))) return res.sendStatus(401);
  res.end();
});`,
      errors: [error(4, 5, 14, 'POST /x')],
    },
  ],
});

void PROJECT;
