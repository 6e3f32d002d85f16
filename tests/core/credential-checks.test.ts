/** core/credential-checks.ts: does request input reach a credential check (here or a call or two away)? */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { functionEvidence, routeCredentialEvidence } from '../../src/core/credential-checks.js';
import { getRouteTable, nodesIn } from '../../src/core/routes.js';
import { withFile } from './probe.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Each route of the file with its evidence: `post /login checks`. */
function routes(code: string, filename = 'src/app.ts'): string[] {
  return withFile(code, (file) => getRouteTable(file).routes.map((r) => `${r.method} ${r.path ?? r.prefix ?? ''} ${routeCredentialEvidence(file, r)}`), filename);
}

/** The evidence of the function named `name`, with the parameters at `inputs` carrying input. */
function fnEvidence(code: string, name: string, inputs: number[] = []): string {
  return withFile(code, (file) => {
    const fns = [...nodesIn(file, file.sourceCode.ast, T.ArrowFunctionExpression), ...nodesIn(file, file.sourceCode.ast, T.FunctionDeclaration)];
    const fn = fns.find((f) => (f.type === T.FunctionDeclaration ? f.id?.name : f.parent.type === T.VariableDeclarator && (f.parent.id as TSESTree.Identifier).name) === name);
    if (!fn) throw new Error(`no function ${name}`);
    return functionEvidence(file, fn, new Set(inputs));
  });
}

describe('credential checks by data flow', () => {
  it('library checks: bcrypt, argon2, otplib, timingSafeEqual; a jwt verify only of a refresh token or a body token', () => {
    expect(routes(`import express from 'express';
import bcrypt from 'bcryptjs';
import { authenticator } from 'otplib';
import { timingSafeEqual } from 'node:crypto';
import jwt from 'jsonwebtoken';
const app = express();
app.post('/a', async (req, res) => res.json(await bcrypt.compare(req.body.pw, hash)));
app.post('/b', (req, res) => res.json(authenticator.verify({ token: req.body.otp, secret })));
app.post('/c', (req, res) => res.json(timingSafeEqual(Buffer.from(req.body.code), expected)));
app.post('/d', (req, res) => res.json(jwt.verify(req.cookies.refresh_token, key)));
app.post('/e', (req, res) => res.json(jwt.verify(req.cookies.session, key)));
app.post('/f', (req, res) => res.json(jwt.verify(req.body.resetToken, key)));
app.post('/g', (req, res) => res.json(timingSafeEqual(Buffer.from(req.get('x-signature')), expected)));
app.post('/h', async (req, res) => {
  const [user, pass] = Buffer.from(req.headers.authorization.split(' ')[1], 'base64').toString().split(':');
  res.json(await bcrypt.compare(pass, await hashOf(user)));
});`)).toEqual([
      'post /a checks', 'post /b checks', 'post /c checks', 'post /d checks', 'post /e none', 'post /f checks', 'post /g none', 'post /h checks',
    ]);
  });

  it('input through trim, replace, split, destructuring and a Nest DTO', () => {
    expect(routes(`import { Body, Controller, Post } from '@nestjs/common';
import * as argon2 from 'argon2';
@Controller('x')
export class X {
  @Post('a')
  async a(@Body() dto: { otp: string }) {
    const { otp } = dto;
    return this.codes.get(otp.trim());
  }
  @Post('b')
  async b(@Body() dto: { password: string }) {
    return argon2.verify(this.hash, dto.password);
  }
}`)).toEqual(['post /a checks', 'post /b checks']);
  });

  it('names and lookups of the callee: a check verb with a credential, a lookup by a token, a compare with a stored code', () => {
    expect(routes(`import express from 'express';
const app = express();
app.post('/a', async (req, res) => res.json(await tokens.consume(req.params.token)));
app.post('/b', async (req, res) => res.json(await findAccountByInviteToken(req.body.invite)));
app.post('/c', async (req, res) => { if (req.body.code !== user.otpCode) return res.end(); res.json({}); });
app.post('/d', async (req, res) => res.json(await db.query('SELECT * FROM users WHERE reset_token = $1', [req.body.t])));
app.post('/e', async (req, res) => res.json(await db.user.findFirst({ where: { email: req.body.email } })));
app.post('/f', async (req, res) => { if (req.body.password !== req.body.confirmPassword) return res.end(); res.json({}); });
app.post('/g', async (req, res) => res.json(await findAccountByApiKey(req.headers['x-api-key'])));
app.post('/h', async (req, res) => res.json(await db.user.create({ data: { email: req.body.email, password: await hash(req.body.password) } })));
app.post('/i', async (req, res) => res.json(await plans.setPlanByLoginId(req.body.loginId, req.body.plan)));
app.post('/j', async (req, res) => res.json(await db.list.unsubscribe({ token: req.body.token })));
app.post('/k', async (req, res) => res.json(await db.authenticator.findFirst({ where: { credentialId: req.body.id } })));`)).toEqual([
      'post /a checks', 'post /b checks', 'post /c checks', 'post /d checks', 'post /e none', 'post /f none', 'post /g none', 'post /h none', 'post /i none', 'post /j none', 'post /k none',
    ]);
  });

  it('unknown: the handler is elsewhere, only responds, or hands the request or a credential to code we cannot see', () => {
    expect(routes(`import express from 'express';
import { controller } from './controller';
const app = express();
app.post('/a', controller.login);
app.post('/b', (req, res) => res.json(req.body));
app.post('/c', (req, res) => controller.handle(req, res));
app.post('/d', async (req, res) => res.json(await save(req.body.token)));
app.post('/e', async (req, res) => res.json(await save(req.body.nickname)));`)).toEqual([
      'post /a unknown', 'post /b unknown', 'post /c unknown', 'post /d unknown', 'post /e none',
    ]);
  });

  it('a helper that parses the request carries its input; a credential handed inside an object to code we cannot see is unknown', () => {
    expect(routes(`import { parseRequest } from '@/lib/request';
import { updatePassword } from '@acme/lib/update-password';
export async function POST(request: Request) {
  const { body } = await parseRequest(request, schema);
  if (!checkPassword(body.currentPassword, user.password)) return badRequest();
  return json({ ok: true });
}
export async function PUT(request: Request) {
  const { currentPassword } = await request.json();
  await updatePassword({ userId: 1, currentPassword });
  return json({ ok: true });
}`, 'app/api/me/password/route.ts')).toEqual(['post /api/me/password checks', 'put /api/me/password unknown']);
  });

  it('not credentials: provider ID tokens, OAuth codes, OAuth passport strategies', () => {
    expect(routes(`const express = require('express');
const passport = require('passport');
const app = express();
app.post('/a', async (req, res) => res.json(await client.verifyIdToken({ idToken: req.body.credential })));
app.get('/b', async (req, res) => res.json(await github.validateAuthorizationCode(req.query.code)));
app.get('/c', passport.authenticate('google'));
app.post('/d', passport.authenticate('local'));
app.post('/e', (req, res, next) => passport.authenticate('local')(req, res, next));
app.get('/f', passport.authenticate(provider.id));
app.post('/g', async (req, res) => res.json(await passkeys.verifyAuthentication(req.body.response)));
async function startOAuthFlow(req, res, next) { if (await db.intent.findFirst({ where: { token: req.query.flow } })) return next(); }
app.get('/h', startOAuthFlow, (req, res) => res.redirect('/'));`)).toEqual([
      'post /a none', 'get /b none', 'get /c none', 'post /d checks', 'post /e checks', 'get /f unknown', 'post /g none', 'get /h unknown',
    ]);
  });

  it('one call away: a function of the same file, and parameters marked as input', () => {
    const code = `import bcrypt from 'bcrypt';
async function check(user, attempt) { return bcrypt.compare(attempt, user.hash); }
export const POST = async ({ request, locals }) => {
  const data = await request.json();
  return adminTokenManager.checkToken(data.token, locals.sessionId);
};
export async function action(prev, form) { return check(await load(), form.get('pin')); }
export async function other(prev, form) { return update(form.get('name')); }`;
    expect(fnEvidence(code, 'POST')).toBe('checks');
    expect(fnEvidence(code, 'action', [1])).toBe('checks');
    expect(fnEvidence(code, 'action', [])).toBe('none');
    expect(fnEvidence(code, 'other', [1])).toBe('none');
  });

  it('across files: an imported helper and a Nest service method (fixtures/projects/credential-flow)', () => {
    const dir = path.join(ROOT, 'fixtures/projects/credential-flow/src');
    const controller = path.join(dir, 'auth/auth.controller.ts');
    expect(routes(readFileSync(controller, 'utf8'), controller)).toEqual(['post /login checks', 'post /profile none']);
    const router = path.join(dir, 'routes/account.ts');
    expect(routes(readFileSync(router, 'utf8'), router)).toEqual(['post /password checks', 'post /reset-password none']);
    const pages = path.join(dir, 'routes/pages.ts');
    expect(routes(readFileSync(pages, 'utf8'), pages)).toEqual(['get /confirm/:verificationToken checks', 'get /terms unknown']);
  });
});
