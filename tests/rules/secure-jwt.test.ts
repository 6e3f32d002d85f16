import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/secure-jwt.js';
import { ruleTester } from '../rule-tester.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The problem texts the messages are built from, spelled out so a changed message fails here.
const NEVER_EXPIRES = "issues a token that never expires (no `expiresIn` option and no `exp` claim), so a leaked token works forever: pass `expiresIn: '15m'` in the options (and a refresh token for longer sessions)";
const NEVER_EXPIRES_CHAIN = "issues a token that never expires (no `setExpirationTime` and no `exp` claim), so a leaked token works forever: add `.setExpirationTime('15m')` to the chain";
const NEVER_EXPIRES_CLAIM = 'issues a token that never expires (no `exp` claim in the payload), so a leaked token works forever: put an `exp` claim 15 minutes ahead in the payload (`exp: Math.floor(Date.now() / 1000) + 15 * 60`)';
const NEST_NEVER_EXPIRES = "issues tokens that never expire (no `signOptions.expiresIn`, and no sign call passes an expiry), so a leaked token works forever: set `signOptions: { expiresIn: '15m' }` in the module options";
const FASTIFY_NEVER_EXPIRES = "issues tokens that never expire (no `sign.expiresIn`, and no sign call passes an expiry), so a leaked token works forever: set `sign: { expiresIn: '15m' }` in the plugin options";
const ACCEPTS_NONE = "accepts `'none'` in `algorithms`, so a token without any signature passes and anyone can forge one: list only the algorithms you sign with";
const SIGNS_NONE = "signs with `algorithm: 'none'`, so the token carries no signature and anyone can forge one: sign with `HS256` (shared secret) or `RS256` (key pair)";
const IGNORES_EXPIRY = 'sets `ignoreExpiration: true`, so expired and stolen tokens stay valid forever: remove it';
const UNPINNED = (alg: string): string => `does not pin \`algorithms\`, so the token's own header chooses how it is checked: pass \`algorithms: ['${alg}']\``;
const TOLERANCE = (s: number): string => `allows a \`clockTolerance\` of ${s} seconds, so tokens stay valid long after they expire: keep it to a few seconds`;
const JSONWEBTOKEN_VERIFY = "Use `jwt.verify(token, secret, { algorithms: ['HS256'] })` and trust only what it returns.";
const JOSE_VERIFY = 'Use `await jwtVerify(token, key)` (it also runs in edge middleware) and trust only the payload it returns.';
/** A folder that does not exist, so the neighbour scan of module configurations finds nothing. */
const NOWHERE = '/nonexistent-app/src/auth';
const JWT_NEST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/examples/own/jwt-nest/src');
/** A real folder whose other files pass `expiresIn` on every sign call (the jwt-nest example app). */
const NEST_AUTH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/examples/own/jwt-nest/src/auth');

ruleTester.run('secure-jwt', rule, {
  assertionOptions: { requireData: true, requireLocation: true },
  valid: [
    { name: "a client SDK keeps the decoded claims as display state (this.user outside auth code)", code: `import { decode } from 'hono/jwt';
export class Api {
  updateToken(token?: string) {
    this.token = token;
    this.user = token ? decode(token).payload : undefined;
  }
}` },
    // --- signing with an expiry -------------------------------------------------
    { name: 'jsonwebtoken sign with expiresIn', code: `const jwt = require('jsonwebtoken');
jwt.sign({ sub: user.id }, secret, { expiresIn: '15m' });` },
    { name: 'refresh-token flow with exp in the payload through a binding', code: `import jwt from 'jsonwebtoken';
const payload = { sub: user.id, type: 'refresh', exp: Math.floor(Date.now() / 1000) + 7 * 86400 };
export const refresh = jwt.sign(payload, process.env.REFRESH_SECRET!);` },
    { name: 'payload and options completed after their literal', code: `const jwt = require('jsonwebtoken');
function issueRefresh(user, ttl) {
  const payload = { sub: user.id, kind: 'refresh' };
  payload.exp = Math.floor(Date.now() / 1000) + ttl;
  return jwt.sign(payload, process.env.REFRESH_SECRET);
}
function issueAccess(user) {
  const options = { algorithm: 'HS256' };
  Object.assign(options, defaults);
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, options);
}` },
    { name: 'expiresIn through a spread of a known object', code: `const { sign } = require('jsonwebtoken');
const base = { expiresIn: '1h' };
sign({ sub }, key, { ...base, algorithm: 'HS256' });` },
    { name: 'unknown payload or options are not reported (three-state)', code: `import * as jwt from 'jsonwebtoken';
export function issue(claims: object, options: jwt.SignOptions) {
  jwt.sign({ ...claims }, key, { algorithm: 'HS256' });
  jwt.sign(claims, key);
  return jwt.sign({ sub: 1 }, key, options);
}` },
    { name: 'jose chains with an expiry, an exp claim, or a builder that escapes into a binding', code: `import { SignJWT, jwtVerify, decodeProtectedHeader } from 'jose';
const t = await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(key);
const r = await new SignJWT({ sub, exp: later }).setProtectedHeader({ alg: 'HS256' }).sign(key);
const b = new SignJWT({ sub });
const header = decodeProtectedHeader(t);
const { payload } = await jwtVerify(t, key, { clockTolerance: '2h' });` },
    { name: 'hono sign with exp, jwt-simple encode with exp', code: `import { sign } from 'hono/jwt';
const jwt = require('jwt-simple');
const now = Math.floor(Date.now() / 1000);
export const a = await sign({ sub: 'u1', exp: now + 900 }, env.JWT_SECRET);
export const b = jwt.encode({ sub: 'u1', exp: now + 900 }, env.JWT_SECRET);` },
    { name: 'Nest JwtService.sign without options: the module may set the default', code: `import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
@Injectable()
export class AuthService {
  constructor(private readonly jwtService: JwtService) {}
  login(user: { id: string }) {
    return { access_token: this.jwtService.sign({ sub: user.id }) };
  }
}` },
    { name: 'Nest JwtModule.register with signOptions.expiresIn, registerAsync through a factory', filename: `${NOWHERE}/auth.module.ts`, code: `import { JwtModule } from '@nestjs/jwt';
export const a = JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '60s' } });
export const b = JwtModule.registerAsync({
  inject: [ConfigService],
  useFactory: async (config: ConfigService) => ({ secret: config.getOrThrow('JWT_SECRET'), signOptions: { expiresIn: '15m' } }),
});
export const c = JwtModule.registerAsync({ useClass: JwtConfigService });` },
    { name: 'Nest JwtModule.register without a default, sign calls in the file pass expiresIn', filename: `${NOWHERE}/auth.module.ts`, code: `import { JwtModule, JwtService } from '@nestjs/jwt';
export const jwtModule = JwtModule.register({ secret: process.env.JWT_SECRET });
export class AuthService {
  constructor(private jwt: JwtService) {}
  login(user) { return this.jwt.signAsync({ sub: user.id }, { expiresIn: '1h' }); }
}` },
    { name: 'a module configuration whose neighbouring files sign with expiresIn', filename: `${NEST_AUTH}/tokens.module.ts`, code: `import { JwtModule } from '@nestjs/jwt';
export const tokensModule = JwtModule.register({ secret: process.env.JWT_SECRET });` },
    { name: '@fastify/jwt with sign.expiresIn, or a reply.jwtSign that passes one', filename: `${NOWHERE}/server.js`, code: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
const app = Fastify();
app.register(fastifyJwt, { secret: process.env.JWT_SECRET, sign: { expiresIn: '15m' } });
const other = Fastify();
other.register(fastifyJwt, { secret: process.env.JWT_SECRET });
other.post('/login', async (req, reply) => reply.jwtSign({ sub: req.body.user }, { sign: { expiresIn: '10m' } }));` },
    // --- verifying ------------------------------------------------------------------
    { name: 'verify with explicit algorithms, express-jwt and passport-jwt without ignoreExpiration', code: `const jwt = require('jsonwebtoken');
const { expressjwt } = require('express-jwt');
const { Strategy } = require('passport-jwt');
jwt.verify(token, key, { algorithms: ['HS256'], ignoreExpiration: false });
app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));
passport.use(new Strategy({ secretOrKey: process.env.JWT_SECRET, jwtFromRequest }, verify));` },
    { name: 'missing algorithms and a long clock tolerance are strict-only', code: `const jwt = require('jsonwebtoken');
jwt.verify(token, process.env.JWT_SECRET);
jwt.verify(token, secret, { algorithms: ['HS256'], clockTolerance: 7200 });` },
    { name: 'a short clock tolerance in strict mode', options: [{ checkClockTolerance: true, requireAlgorithms: true }], code: `import { jwtVerify } from 'jose';
const jwt = require('jsonwebtoken');
await jwtVerify(t, key, { clockTolerance: '30s' });
jwt.verify(t, key, { algorithms: ['HS256'], clockTolerance: 60 });
jwt.verify(t, key, options);` },
    // --- decoding ------------------------------------------------------------------
    { name: 'decode with complete:true only for the kid, then verify', code: `const jwt = require('jsonwebtoken');
async function requirePartner(req, res, next) {
  const token = req.headers.authorization.slice(7);
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded) return res.status(401).end();
  const key = await client.getSigningKey(decoded.header.kid);
  req.partner = jwt.verify(token, key.getPublicKey(), { algorithms: ['RS256'] });
  next();
}` },
    { name: 'decode after a verify of the same token', code: `const jwt = require('jsonwebtoken');
app.get('/me', (req, res) => {
  const verified = jwt.verify(req.cookies.token, secret, { algorithms: ['HS256'] });
  const claims = jwt.decode(req.cookies.token);
  req.user = claims;
  res.json(verified);
});` },
    { name: 'decode checked by a local verify helper', code: `import { decode } from 'jsonwebtoken';
export async function authenticate(req, res, next) {
  const token = req.get('authorization');
  await verifyAccessToken(token);
  req.user = decode(token);
  next();
}` },
    { name: 'decode for display in a React component', filename: 'Profile.tsx', code: `import { decodeJwt } from 'jose';
export function Profile({ idToken }: { idToken: string }) {
  const claims = decodeJwt(idToken);
  if (!claims.name) return null;
  return <h2>{claims.name ?? 'You'}</h2>;
}` },
    { name: 'decode for logging, or to read the expiry on the client', code: `const jwt = require('jsonwebtoken');
function logToken(token) {
  const d = jwt.decode(token);
  if (d) logger.info({ sub: d.sub, exp: d.exp });
}
function isExpired(token) {
  const { exp } = jwt.decode(token);
  return exp * 1000 < Date.now();
}` },
    { name: 'client code decides only what to show', filename: 'AdminLink.tsx', code: `'use client';
import { jwtDecode } from 'jwt-decode';
export const isAdmin = (token: string) => jwtDecode<{ role: string }>(token).role === 'admin';` },
    { name: 'a file whose routes sit behind express-jwt', code: `const { expressjwt } = require('express-jwt');
const jwt = require('jsonwebtoken');
app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));
app.get('/me', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(claims);
});` },
    { name: 'claims echoed back in a response body', code: `const jwt = require('jsonwebtoken');
app.get('/token-info', (req, res) => {
  const claims = jwt.decode(req.query.token);
  return res.json({ subject: claims.sub, expires: claims.exp });
});
router.get('/debug', async (ctx) => {
  ctx.body = jwt.decode(ctx.query.token);
});` },
    { name: 'jwt-simple decode with a key verifies', code: `const jwt = require('jwt-simple');
function auth(req, res, next) {
  req.user = jwt.decode(req.headers['x-token'], process.env.JWT_SECRET);
  next();
}` },
    // --- look-alikes, test files, robustness -----------------------------------------
    { name: 'look-alikes from other modules', code: `import { sign } from './signer';
import crypto from 'node:crypto';
sign({ sub: 1 }, key);
crypto.sign('sha256', data, key);
const decoded = Buffer.from(part, 'base64url').toString();
function requireUser(req, res, next) { req.user = JSON.parse(decoded); next(); }
function decode(t) { return t; }
function currentUser(req) { return decode(req.token); }` },
    { name: 'test files are skipped by default', filename: 'src/auth.test.ts', code: `const jwt = require('jsonwebtoken');
jwt.sign({ sub: 'u1' }, 'k');` },
    { name: 'odd syntax does not crash', code: `const jwt = require('jsonwebtoken');
const a = b; const b = a;
jwt.sign(a, k, b);
jwt.sign(...args);
jwt.verify(t, k, { [dyn]: true, ...a });
jwt.sign({ get exp() { return 1; } }, k);
new (jwt.sign)({}, k, {});
jwt?.decode?.(t);
@decorated class X { @field y = jwt; }` },
    { name: 'empty file', code: '' },
    { name: 'project: a Nest module whose providers (in other files) sign with their own expiry', filename: `${JWT_NEST}/auth/tokens.module.ts`, code: `import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthService } from './auth.service';
@Module({ imports: [JwtModule.register({ secret: process.env.JWT_SECRET })], providers: [AuthService] })
export class TokensModule {}` },
    { name: "real-world look-alike: decoded claim type check in display helper", filename: "src/components/UserBadge.tsx", code: `import { jwtDecode } from 'jwt-decode';
export function badge(token: string) {
  const claims = jwtDecode<{ role?: string }>(token);
  if (typeof claims.role === 'string') return claims.role.toUpperCase();
  return 'guest';
}` },
    { name: "F10: expiry enforced by a custom claim (issue time aged out on verify, or an expiresAt claim)", code: `import JWT from 'jsonwebtoken';
export function getEmailSigninToken(user: { id: string; jwtSecret: string }): string {
  return JWT.sign({ id: user.id, createdAt: new Date().toISOString(), type: 'email-signin' }, user.jwtSecret);
}
export const collab = (user: { id: string; jwtSecret: string }) => JWT.sign({ id: user.id, expiresAt: addHours(new Date(), 24).toISOString() }, user.jwtSecret);
export function getUserForEmailSigninToken(token: string, secret: string) {
  const payload = JWT.verify(token, secret) as { createdAt: string };
  if (new Date(payload.createdAt).getTime() < Date.now() - 10 * 60_000) throw new Error('expired');
  return payload;
}` },
    { name: "F10: the id_token of a provider's token response and a userinfo body the app fetched", code: `import jwt from 'jsonwebtoken';
passport.use(new OIDCStrategy({}, async (req, accessToken, refreshToken, params, profile, done) => {
  const claims = jwt.decode(params.id_token) as jwt.JwtPayload;
  const user = await User.findOne({ where: { email: claims.email } });
  done(null, user);
}));
export async function parseUserInfo(response: Response) {
  const text = await response.text();
  const claims = jwt.decode(text.trim());
  if (!claims) throw new Error('no claims');
  return claims;
}` },
    { name: "F10: a decode helper whose callers in the file verify the token they pass", code: `import JWT from 'jsonwebtoken';
export function getJWTPayload(token: string) {
  const payload = JWT.decode(token);
  if (!payload) throw new Error('Invalid token');
  return payload as JWT.JwtPayload;
}
export async function getUserForJWT(token: string) {
  const payload = getJWTPayload(token);
  const user = await User.findByPk(payload.id);
  JWT.verify(token, user.jwtSecret);
  return user;
}` },
    { name: "a signing helper whose callers all pass an expiry", code: `import jwt from 'jsonwebtoken';
export function createToken(payload: object, options?: jwt.SignOptions) {
  return jwt.sign(payload, process.env.JWT_SECRET, options);
}
export const a = () => createToken({ id: 1 }, { expiresIn: '1h' });
export const b = () => createToken({ id: 1, exp: Math.floor(Date.now() / 1000) + 60 });
export const c = (opts) => createToken({ id: 1 }, opts);` },
    { name: "F10: a browser store decoding its own cookie or storage token to show the user", filename: "client/store/user.js", code: `import jwt from 'jsonwebtoken';
import Cookies from 'js-cookie';
export default {
  mutations: {
    REFRESH_AUTH(st) {
      const jwtData = jwt.decode(Cookies.get('jwt'));
      if (jwtData.admin) st.isAdmin = true;
      st.id = jwtData.id;
      const stored = jwt.decode(localStorage.getItem('token'));
      if (stored.role === 'admin') st.canEdit = true;
    },
  },
};` },
    { name: "F10: decode inside the callback of passport.authenticate('jwt'), after the strategy checked the signature", code: `import jwt from 'jsonwebtoken';
export function authenticate(req, res, next) {
  passport.authenticate('jwt', { session: false }, async (err, user, info) => {
    if (info && info.name === 'TokenExpiredError') {
      const payload = jwt.decode(extractJWT(req));
      const renewed = await Users.refreshToken(payload.id);
      req.user = renewed.user;
    }
    next();
  })(req, res, next);
}` },
  ],
  invalid: [
    {
      name: 'project: a Nest module whose provider (in another file) signs without an expiry, although another module\'s signs set one',
      filename: `${JWT_NEST}/api-keys/keys.module.ts`,
      code: `import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ApiKeysService } from './api-keys.service';
@Module({ imports: [JwtModule.register({ secret: process.env.JWT_SECRET })], providers: [ApiKeysService] })
export class KeysModule {}`,
      errors: [{
        messageId: 'insecure', line: 4, column: 21, endLine: 4, endColumn: 75,
        data: { api: '@nestjs/jwt `JwtModule.register`', problems: NEST_NEVER_EXPIRES },
        suggestions: [{ messageId: 'addExpiresIn', output: `import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ApiKeysService } from './api-keys.service';
@Module({ imports: [JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '15m' } })], providers: [ApiKeysService] })
export class KeysModule {}` }],
      }],
    },
    // --- no expiry -------------------------------------------------------------------
    {
      name: 'jsonwebtoken sign with inline options but no expiresIn',
      code: `const jwt = require('jsonwebtoken');
const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { algorithm: 'HS256' });`,
      errors: [{
        messageId: 'insecure', line: 2, column: 15, endLine: 2, endColumn: 89,
        data: { api: 'jsonwebtoken `sign`', problems: NEVER_EXPIRES },
        suggestions: [{ messageId: 'addExpiresIn', output: `const jwt = require('jsonwebtoken');
const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: '15m' });` }],
      }],
    },
    {
      name: 'renamed named import, payload through a binding, no options',
      code: `import { sign as issue } from 'jsonwebtoken';
const claims = { sub: user.id, role: user.role };
export const token = issue(claims, process.env.JWT_SECRET!);`,
      errors: [{
        messageId: 'insecure', line: 3, column: 22, endLine: 3, endColumn: 60,
        data: { api: 'jsonwebtoken `sign`', problems: NEVER_EXPIRES },
        suggestions: [{ messageId: 'addExpiresIn', output: `import { sign as issue } from 'jsonwebtoken';
const claims = { sub: user.id, role: user.role };
export const token = issue(claims, process.env.JWT_SECRET!, { expiresIn: '15m' });` }],
      }],
    },
    {
      name: 'destructured require with a callback in the options slot',
      code: `const { sign } = require('jsonwebtoken');
sign({ sub: id }, key, (err, token) => res.json({ token }));`,
      errors: [{
        messageId: 'insecure', line: 2, column: 1, endLine: 2, endColumn: 60,
        data: { api: 'jsonwebtoken `sign`', problems: NEVER_EXPIRES },
        suggestions: [{ messageId: 'addExpiresIn', output: `const { sign } = require('jsonwebtoken');
sign({ sub: id }, key, { expiresIn: '15m' }, (err, token) => res.json({ token }));` }],
      }],
    },
    {
      name: "algorithm 'none' and no expiry: one report naming both",
      code: `const jwt = require('jsonwebtoken');
jwt.sign({ sub: id }, null, {
  algorithm: 'none',
});`,
      errors: [{
        messageId: 'insecure', line: 2, column: 1, endLine: 4, endColumn: 3,
        data: { api: 'jsonwebtoken `sign`', problems: `${SIGNS_NONE}; it also ${NEVER_EXPIRES}` },
        suggestions: [{ messageId: 'addExpiresIn', output: `const jwt = require('jsonwebtoken');
jwt.sign({ sub: id }, null, {
  algorithm: 'none',
  expiresIn: '15m',
});` }],
      }],
    },
    {
      name: 'jose SignJWT through a namespace import, multi-line chain',
      code: `import * as jose from 'jose';
export const issue = (id: string) =>
  new jose.SignJWT({ sub: id })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(key);`,
      errors: [{
        messageId: 'insecure', line: 3, column: 3, endLine: 3, endColumn: 32,
        data: { api: 'jose `SignJWT`', problems: NEVER_EXPIRES_CHAIN },
        suggestions: [{ messageId: 'addExpirationTime', output: `import * as jose from 'jose';
export const issue = (id: string) =>
  new jose.SignJWT({ sub: id })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('15m')
    .sign(key);` }],
      }],
    },
    {
      name: 'jose SignJWT named import, one-line chain',
      code: `import { SignJWT } from 'jose';
const t = await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).sign(key);`,
      errors: [{
        messageId: 'insecure', line: 2, column: 17, endLine: 2, endColumn: 37,
        data: { api: 'jose `SignJWT`', problems: NEVER_EXPIRES_CHAIN },
        suggestions: [{ messageId: 'addExpirationTime', output: `import { SignJWT } from 'jose';
const t = await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(key);` }],
      }],
    },
    {
      name: 'hono sign without exp in the payload',
      code: `import { sign } from 'hono/jwt';
app.post('/login', async (c) => {
  const token = await sign({ sub: 'u1', role: 'user' }, c.env.JWT_SECRET);
  const ok = await sign({ sub: 'u1', exp: Math.floor(Date.now() / 1000) + 60 }, c.env.JWT_SECRET);
  return c.json({ token, ok });
});`,
      errors: [{
        messageId: 'insecure', line: 3, column: 23, endLine: 3, endColumn: 74,
        data: { api: 'hono `sign`', problems: NEVER_EXPIRES_CLAIM },
        suggestions: [{ messageId: 'addExp', output: `import { sign } from 'hono/jwt';
app.post('/login', async (c) => {
  const token = await sign({ sub: 'u1', role: 'user', exp: Math.floor(Date.now() / 1000) + 15 * 60 }, c.env.JWT_SECRET);
  const ok = await sign({ sub: 'u1', exp: Math.floor(Date.now() / 1000) + 60 }, c.env.JWT_SECRET);
  return c.json({ token, ok });
});` }],
      }],
    },
    {
      name: 'jwt-simple encode without exp; decode with noVerify drives req.user',
      code: `const jwt = require('jwt-simple');
const token = jwt.encode({ sub: user.id }, secret);
function auth(req, res, next) {
  const claims = jwt.decode(req.headers['x-token'], secret, true);
  req.user = claims;
  next();
}`,
      errors: [
        {
          messageId: 'insecure', line: 2, column: 15, endLine: 2, endColumn: 51,
          data: { api: 'jwt-simple `encode`', problems: NEVER_EXPIRES_CLAIM },
          suggestions: [{ messageId: 'addExp', output: `const jwt = require('jwt-simple');
const token = jwt.encode({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 15 * 60 }, secret);
function auth(req, res, next) {
  const claims = jwt.decode(req.headers['x-token'], secret, true);
  req.user = claims;
  next();
}` }],
        },
        {
          messageId: 'decode', line: 4, column: 18, endLine: 4, endColumn: 66,
          data: { api: 'jwt-simple `decode` with `noVerify`', use: "become the request's user", fix: 'Drop the `noVerify` argument so `jwt.decode(token, secret)` checks the signature.' },
        },
      ],
    },
    {
      name: 'Nest JwtModule.register with no default expiry and no sign call passing one',
      filename: `${NOWHERE}/auth.module.ts`,
      code: `import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
@Module({
  imports: [JwtModule.register({ global: true, secret: process.env.JWT_SECRET })],
})
export class AuthModule {}`,
      errors: [{
        messageId: 'insecure', line: 4, column: 13, endLine: 4, endColumn: 81,
        data: { api: '@nestjs/jwt `JwtModule.register`', problems: NEST_NEVER_EXPIRES },
        suggestions: [{ messageId: 'addExpiresIn', output: `import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
@Module({
  imports: [JwtModule.register({ global: true, secret: process.env.JWT_SECRET, signOptions: { expiresIn: '15m' } })],
})
export class AuthModule {}` }],
      }],
    },
    {
      name: 'Nest JwtModule.registerAsync factory whose signOptions lack expiresIn',
      filename: `${NOWHERE}/auth.module.ts`,
      code: `import { JwtModule } from '@nestjs/jwt';
export const jwtModule = JwtModule.registerAsync({
  inject: [ConfigService],
  useFactory: (config: ConfigService) => ({
    secret: config.getOrThrow('JWT_SECRET'),
    signOptions: { algorithm: 'HS256' },
  }),
});`,
      errors: [{
        messageId: 'insecure', line: 2, column: 26, endLine: 8, endColumn: 3,
        data: { api: '@nestjs/jwt `JwtModule.registerAsync`', problems: NEST_NEVER_EXPIRES },
        suggestions: [{ messageId: 'addExpiresIn', output: `import { JwtModule } from '@nestjs/jwt';
export const jwtModule = JwtModule.registerAsync({
  inject: [ConfigService],
  useFactory: (config: ConfigService) => ({
    secret: config.getOrThrow('JWT_SECRET'),
    signOptions: { algorithm: 'HS256', expiresIn: '15m' },
  }),
});` }],
      }],
    },
    {
      name: '@fastify/jwt registered without sign.expiresIn, sign calls pass none',
      filename: `${NOWHERE}/server.js`,
      code: `const fastify = require('fastify')();
fastify.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET });
fastify.post('/login', async (req, reply) => ({ token: fastify.jwt.sign({ sub: req.body.user }) }));`,
      errors: [{
        messageId: 'insecure', line: 2, column: 1, endLine: 2, endColumn: 78,
        data: { api: '@fastify/jwt registration', problems: FASTIFY_NEVER_EXPIRES },
        suggestions: [{ messageId: 'addExpiresIn', output: `const fastify = require('fastify')();
fastify.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET, sign: { expiresIn: '15m' } });
fastify.post('/login', async (req, reply) => ({ token: fastify.jwt.sign({ sub: req.body.user }) }));` }],
      }],
    },
    // --- 'none' and ignoreExpiration ---------------------------------------------------
    {
      name: "verify accepting 'none' next to a real algorithm",
      code: `const jwt = require('jsonwebtoken');
jwt.verify(token, key, { algorithms: ['HS256', 'none'] });`,
      errors: [{
        messageId: 'insecure', line: 2, column: 1, endLine: 2, endColumn: 58,
        data: { api: 'jsonwebtoken `verify`', problems: ACCEPTS_NONE },
        suggestions: [{ messageId: 'removeNone', output: `const jwt = require('jsonwebtoken');
jwt.verify(token, key, { algorithms: ['HS256'] });` }],
      }],
    },
    {
      name: "options through a binding with only 'none' (no safe edit)",
      code: `const jwt = require('jsonwebtoken');
const verifyOptions = { algorithms: ['none'] };
jwt.verify(token, key, verifyOptions);`,
      errors: [{ messageId: 'insecure', line: 3, column: 1, endLine: 3, endColumn: 38, data: { api: 'jsonwebtoken `verify`', problems: ACCEPTS_NONE }, suggestions: [] }],
    },
    {
      name: "'none' and ignoreExpiration on one verify: one report, two suggestions",
      code: `const jwt = require('jsonwebtoken');
jwt.verify(token, key, {
  algorithms: ['none', 'HS256'],
  ignoreExpiration: true,
});`,
      errors: [{
        messageId: 'insecure', line: 2, column: 1, endLine: 5, endColumn: 3,
        data: { api: 'jsonwebtoken `verify`', problems: `${ACCEPTS_NONE}; it also ${IGNORES_EXPIRY}` },
        suggestions: [
          { messageId: 'removeNone', output: `const jwt = require('jsonwebtoken');
jwt.verify(token, key, {
  algorithms: ['HS256'],
  ignoreExpiration: true,
});` },
          { messageId: 'removeIgnoreExpiration', output: `const jwt = require('jsonwebtoken');
jwt.verify(token, key, {
  algorithms: ['none', 'HS256'],
});` },
        ],
      }],
    },
    {
      name: "express-jwt with 'none' in algorithms",
      code: `import { expressjwt } from 'express-jwt';
app.use(expressjwt({ secret: process.env.JWT_SECRET!, algorithms: ['HS256', 'none'] }));`,
      errors: [{
        messageId: 'insecure', line: 2, column: 9, endLine: 2, endColumn: 87,
        data: { api: 'express-jwt', problems: ACCEPTS_NONE },
        suggestions: [{ messageId: 'removeNone', output: `import { expressjwt } from 'express-jwt';
app.use(expressjwt({ secret: process.env.JWT_SECRET!, algorithms: ['HS256'] }));` }],
      }],
    },
    {
      name: 'passport-jwt strategy with ignoreExpiration (aliased destructured require)',
      code: `const passport = require('passport');
const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
passport.use(new JwtStrategy({
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  secretOrKey: process.env.JWT_SECRET,
  ignoreExpiration: true,
}, (payload, done) => done(null, payload)));`,
      errors: [{
        messageId: 'insecure', line: 3, column: 14, endLine: 7, endColumn: 43,
        data: { api: 'passport-jwt `Strategy`', problems: IGNORES_EXPIRY },
        suggestions: [{ messageId: 'removeIgnoreExpiration', output: `const passport = require('passport');
const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
passport.use(new JwtStrategy({
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  secretOrKey: process.env.JWT_SECRET,
}, (payload, done) => done(null, payload)));` }],
      }],
    },
    {
      name: 'Nest PassportStrategy(Strategy) with ignoreExpiration in super({...})',
      code: `import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: true, secretOrKey: process.env.JWT_SECRET });
  }
}`,
      errors: [{
        messageId: 'insecure', line: 5, column: 5, endLine: 5, endColumn: 133,
        data: { api: 'passport-jwt `Strategy`', problems: IGNORES_EXPIRY },
        suggestions: [{ messageId: 'removeIgnoreExpiration', output: `import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET });
  }
}` }],
      }],
    },
    {
      name: 'Nest JwtModule verifyOptions with ignoreExpiration',
      filename: `${NOWHERE}/auth.module.ts`,
      code: `import { JwtModule } from '@nestjs/jwt';
export const jwtModule = JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '1h' }, verifyOptions: { ignoreExpiration: true } });`,
      errors: [{
        messageId: 'insecure', line: 2, column: 26, endLine: 2, endColumn: 157,
        data: { api: '@nestjs/jwt `JwtModule.register`', problems: IGNORES_EXPIRY },
        suggestions: [{ messageId: 'removeIgnoreExpiration', output: `import { JwtModule } from '@nestjs/jwt';
export const jwtModule = JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '1h' }, verifyOptions: {} });` }],
      }],
    },
    {
      name: '@fastify/jwt verify through a decorated instance in a route plugin',
      code: `export default async function routes(app) {
  app.get('/me', async (req) => app.jwt.verify(req.headers.token, { ignoreExpiration: true }));
}`,
      errors: [{
        messageId: 'insecure', line: 2, column: 33, endLine: 2, endColumn: 94,
        data: { api: '@fastify/jwt `jwt.verify`', problems: IGNORES_EXPIRY },
        suggestions: [{ messageId: 'removeIgnoreExpiration', output: `export default async function routes(app) {
  app.get('/me', async (req) => app.jwt.verify(req.headers.token, {}));
}` }],
      }],
    },
    {
      name: 'jose UnsecuredJWT, issued and read',
      code: `import { UnsecuredJWT } from 'jose';
const t = new UnsecuredJWT({ sub: 'u1' }).setIssuedAt().encode();
const { payload } = UnsecuredJWT.decode(t);`,
      errors: [
        { messageId: 'unsecured', line: 2, column: 11, endLine: 2, endColumn: 42, data: { api: 'jose `UnsecuredJWT`' } },
        { messageId: 'unsecured', line: 3, column: 21, endLine: 3, endColumn: 43, data: { api: 'jose `UnsecuredJWT.decode`' } },
      ],
    },
    // --- decode driving an auth decision --------------------------------------------------
    {
      name: 'decode result becomes req.user in a middleware',
      code: `const jwt = require('jsonwebtoken');
function requireUser(req, res, next) {
  const payload = jwt.decode(req.headers.authorization);
  req.user = { id: payload.sub };
  next();
}`,
      errors: [{ messageId: 'decode', line: 3, column: 19, endLine: 3, endColumn: 56, data: { api: 'jsonwebtoken `decode`', use: "become the request's user", fix: JSONWEBTOKEN_VERIFY } }],
    },
    {
      name: 'decode result picks the account to load',
      code: `import { decode } from 'jsonwebtoken';
router.get('/orders', async (req, res) => {
  const claims = decode(req.cookies.token) as { sub: string };
  const account = await Account.findById(claims.sub);
  res.json(account.orders);
});`,
      errors: [{ messageId: 'decode', line: 3, column: 18, endLine: 3, endColumn: 43, data: { api: 'jsonwebtoken `decode`', use: 'pick the user to load', fix: JSONWEBTOKEN_VERIFY } }],
    },
    {
      name: 'decode returned from an auth-named helper',
      code: `const jwt = require('jsonwebtoken');
export const getUserFromToken = (token) => jwt.decode(token);`,
      errors: [{ messageId: 'decode', line: 2, column: 44, endLine: 2, endColumn: 61, data: { api: 'jsonwebtoken `decode`', use: 'are returned as the caller’s identity', fix: JSONWEBTOKEN_VERIFY } }],
    },
    {
      name: 'decode with complete:true whose payload (not header) is trusted',
      code: `const jwt = require('jsonwebtoken');
module.exports = (req, res, next) => {
  const { payload } = jwt.decode(req.query.t, { complete: true });
  res.locals.user = payload.sub;
  next();
};`,
      errors: [{ messageId: 'decode', line: 3, column: 23, endLine: 3, endColumn: 66, data: { api: 'jsonwebtoken `decode`', use: "become the request's user", fix: JSONWEBTOKEN_VERIFY } }],
    },
    {
      name: 'jose decodeJwt claim checked for access in Next.js middleware',
      code: `import { NextResponse, type NextRequest } from 'next/server';
import { decodeJwt } from 'jose';
export function middleware(request: NextRequest) {
  const token = request.cookies.get('session')?.value;
  if (!token) return NextResponse.redirect(new URL('/login', request.url));
  const { role } = decodeJwt(token);
  if (role !== 'admin') return NextResponse.redirect(new URL('/', request.url));
  return NextResponse.next();
}`,
      errors: [{ messageId: 'decode', line: 6, column: 20, endLine: 6, endColumn: 36, data: { api: 'jose `decodeJwt`', use: 'decide access in a condition', fix: JOSE_VERIFY } }],
    },
    {
      name: 'Nest guard decoding through the injected JwtService',
      code: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly jwtService: JwtService) {}
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const payload = this.jwtService.decode(request.headers.authorization?.split(' ')[1]);
    return payload?.roles?.includes('admin');
  }
}`,
      errors: [{
        messageId: 'decode', line: 8, column: 21, endLine: 8, endColumn: 89,
        data: { api: '@nestjs/jwt `JwtService.decode`', use: 'are returned as the caller’s identity', fix: 'Use `await this.jwtService.verifyAsync(token)` and trust only what it returns.' },
      }],
    },
    {
      name: 'koa middleware storing claims on ctx.state',
      code: `const jwt = require('jsonwebtoken');
module.exports = async function auth(ctx, next) {
  ctx.state.claims = jwt.decode(ctx.get('authorization').slice(7));
  await next();
};`,
      errors: [{ messageId: 'decode', line: 3, column: 22, endLine: 3, endColumn: 67, data: { api: 'jsonwebtoken `decode`', use: "become the request's user", fix: JSONWEBTOKEN_VERIFY } }],
    },
    {
      name: 'a verify of another token does not count',
      code: `const jwt = require('jsonwebtoken');
function authenticate(req, res, next) {
  jwt.verify(req.cookies.csrf, secret, { algorithms: ['HS256'] });
  const user = jwt.decode(req.cookies.session);
  if (user.role !== 'admin') return res.sendStatus(403);
  next();
}`,
      errors: [{ messageId: 'decode', line: 4, column: 16, endLine: 4, endColumn: 47, data: { api: 'jsonwebtoken `decode`', use: 'decide access in a condition', fix: JSONWEBTOKEN_VERIFY } }],
    },
    {
      name: 'a passport verify callback handed the decoded claims',
      code: `const jwt = require('jsonwebtoken');
const { Strategy } = require('passport-custom');
passport.use('token', new Strategy((req, done) => {
  done(null, jwt.decode(req.headers['x-api-token']));
}));`,
      errors: [{ messageId: 'decode', line: 4, column: 14, endLine: 4, endColumn: 52, data: { api: 'jsonwebtoken `decode`', use: "become the request's user", fix: JSONWEBTOKEN_VERIFY } }],
    },
    {
      name: 'a class that authenticates keeps the decoded claims as its user',
      code: `import { decode } from 'hono/jwt';
export class RequestAuth {
  authenticate(token: string) {
    this.user = decode(token).payload;
  }
}`,
      errors: [{ messageId: 'decode', line: 4, column: 17, endLine: 4, endColumn: 30, data: { api: 'hono `decode`', use: "become the request's user", fix: 'Use `await verify(token, c.env.JWT_SECRET)` (or the `jwt()` middleware) and trust only what it returns.' } }],
    },
    {
      name: 'hono middleware storing decoded claims with c.set',
      code: `import { decode } from 'hono/jwt';
export const auth = async (c, next) => {
  const { payload } = decode(c.req.header('authorization') ?? '');
  c.set('jwtPayload', payload);
  await next();
};`,
      errors: [{ messageId: 'decode', line: 3, column: 23, endLine: 3, endColumn: 66, data: { api: 'hono `decode`', use: "become the request's user", fix: 'Use `await verify(token, c.env.JWT_SECRET)` (or the `jwt()` middleware) and trust only what it returns.' } }],
    },
    {
      name: 'jwt-decode in server middleware; a GraphQL context built from a destructured request',
      code: `import { jwtDecode } from 'jwt-decode';
export const authMiddleware = (req, res, next) => {
  const claims = jwtDecode(req.headers.authorization ?? '');
  if (!claims.sub) return res.sendStatus(401);
  next();
};
export const server = new ApolloServer({
  context: ({ req }) => ({ user: jwtDecode(req.headers.authorization) }),
});`,
      errors: [
        { messageId: 'decode', line: 3, column: 18, endLine: 3, endColumn: 60, data: { api: 'jwt-decode', use: 'decide access in a condition', fix: 'Verify the token where the decision is made (`jwt.verify` from jsonwebtoken, `jwtVerify` from jose) and trust only what it returns.' } },
        { messageId: 'decode', line: 8, column: 34, endLine: 8, endColumn: 70, data: { api: 'jwt-decode', use: 'are returned as the caller’s identity', fix: 'Verify the token where the decision is made (`jwt.verify` from jsonwebtoken, `jwtVerify` from jose) and trust only what it returns.' } },
      ],
    },
    // --- strict options -----------------------------------------------------------------
    {
      name: 'strict: jsonwebtoken verify without algorithms; RS256 for a public key',
      options: [{ requireAlgorithms: true, checkClockTolerance: true }],
      code: `const jwt = require('jsonwebtoken');
jwt.verify(token, process.env.JWT_SECRET);
jwt.verify(token, publicKey, (err, claims) => done(err, claims));
jwt.verify(token, secret, { issuer: 'me' });
jwt.verify(token, secret, { algorithms: ['HS256'], clockTolerance: 2 * 60 * 60 });`,
      errors: [
        {
          messageId: 'insecure', line: 2, column: 1, endLine: 2, endColumn: 42,
          data: { api: 'jsonwebtoken `verify`', problems: UNPINNED('HS256') },
          suggestions: [{ messageId: 'addAlgorithms', data: { alg: 'HS256' }, output: `const jwt = require('jsonwebtoken');
jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });
jwt.verify(token, publicKey, (err, claims) => done(err, claims));
jwt.verify(token, secret, { issuer: 'me' });
jwt.verify(token, secret, { algorithms: ['HS256'], clockTolerance: 2 * 60 * 60 });` }],
        },
        {
          messageId: 'insecure', line: 3, column: 1, endLine: 3, endColumn: 65,
          data: { api: 'jsonwebtoken `verify`', problems: UNPINNED('RS256') },
          suggestions: [{ messageId: 'addAlgorithms', data: { alg: 'RS256' }, output: `const jwt = require('jsonwebtoken');
jwt.verify(token, process.env.JWT_SECRET);
jwt.verify(token, publicKey, { algorithms: ['RS256'] }, (err, claims) => done(err, claims));
jwt.verify(token, secret, { issuer: 'me' });
jwt.verify(token, secret, { algorithms: ['HS256'], clockTolerance: 2 * 60 * 60 });` }],
        },
        {
          messageId: 'insecure', line: 4, column: 1, endLine: 4, endColumn: 44,
          data: { api: 'jsonwebtoken `verify`', problems: UNPINNED('HS256') },
          suggestions: [{ messageId: 'addAlgorithms', data: { alg: 'HS256' }, output: `const jwt = require('jsonwebtoken');
jwt.verify(token, process.env.JWT_SECRET);
jwt.verify(token, publicKey, (err, claims) => done(err, claims));
jwt.verify(token, secret, { issuer: 'me', algorithms: ['HS256'] });
jwt.verify(token, secret, { algorithms: ['HS256'], clockTolerance: 2 * 60 * 60 });` }],
        },
        { messageId: 'insecure', line: 5, column: 1, endLine: 5, endColumn: 82, data: { api: 'jsonwebtoken `verify`', problems: TOLERANCE(7200) }, suggestions: [] },
      ],
    },
    {
      name: 'strict: jose jwtVerify with a clock tolerance of two hours',
      options: [{ checkClockTolerance: true }],
      code: `import { jwtVerify } from 'jose';
const { payload } = await jwtVerify(t, key, { clockTolerance: '2h' });`,
      errors: [{ messageId: 'insecure', line: 2, column: 27, endLine: 2, endColumn: 70, data: { api: 'jose `jwtVerify`', problems: TOLERANCE(7200) }, suggestions: [] }],
    },
    {
      name: 'test files with checkTestFiles',
      filename: 'src/auth.test.ts',
      options: [{ checkTestFiles: true }],
      code: `const jwt = require('jsonwebtoken');
jwt.sign({ sub: 'u1' }, 'k');`,
      errors: [{
        messageId: 'insecure', line: 2, column: 1, endLine: 2, endColumn: 29,
        data: { api: 'jsonwebtoken `sign`', problems: NEVER_EXPIRES },
        suggestions: [{ messageId: 'addExpiresIn', output: `const jwt = require('jsonwebtoken');
jwt.sign({ sub: 'u1' }, 'k', { expiresIn: '15m' });` }],
      }],
    },
    {
      name: "an issue-time claim that is not the current time, an id_token from the request body, a helper with an unverifying caller",
      code: `import jwt from 'jsonwebtoken';
export const a = (u) => jwt.sign({ id: u.id, createdAt: u.createdAt }, process.env.JWT_SECRET);
export async function login(req, res) {
  const claims = jwt.decode(req.body.id_token);
  const user = await User.findOne({ where: { email: claims.email } });
  res.json(user);
}
export function getAuthPayload(token: string) {
  const payload = jwt.decode(token);
  return payload;
}
export async function authenticate(token: string) {
  const payload = getAuthPayload(token);
  return User.findByPk(payload.id);
}`,
      errors: [
        {
          messageId: 'insecure', line: 2, column: 25, endLine: 2, endColumn: 95,
          data: { api: 'jsonwebtoken `sign`', problems: "issues a token that never expires (no `expiresIn` option and no `exp` claim), so a leaked token works forever: pass `expiresIn: '15m'` in the options (and a refresh token for longer sessions)" },
          suggestions: [
            { messageId: 'addExpiresIn', output: `import jwt from 'jsonwebtoken';
export const a = (u) => jwt.sign({ id: u.id, createdAt: u.createdAt }, process.env.JWT_SECRET, { expiresIn: '15m' });
export async function login(req, res) {
  const claims = jwt.decode(req.body.id_token);
  const user = await User.findOne({ where: { email: claims.email } });
  res.json(user);
}
export function getAuthPayload(token: string) {
  const payload = jwt.decode(token);
  return payload;
}
export async function authenticate(token: string) {
  const payload = getAuthPayload(token);
  return User.findByPk(payload.id);
}` },
          ],
        },
        {
          messageId: 'decode', line: 4, column: 18, endLine: 4, endColumn: 47,
          data: { api: 'jsonwebtoken `decode`', use: "pick the user to load", fix: JSONWEBTOKEN_VERIFY },
        },
        {
          messageId: 'decode', line: 9, column: 19, endLine: 9, endColumn: 36,
          data: { api: 'jsonwebtoken `decode`', use: "are returned as the caller’s identity", fix: JSONWEBTOKEN_VERIFY },
        },
      ],
    },
    {
      name: "a signing helper whose caller passes no expiry: reported once at the helper, naming the caller",
      code: `import jwt from 'jsonwebtoken';
import { SignJWT } from 'jose';
export function createToken(payload: object, secret: string, options?: jwt.SignOptions) {
  return jwt.sign(payload, secret, options);
}
export function createSecureToken(payload: object, secret: string, options?: jwt.SignOptions) {
  return encrypt(createToken(payload, secret, options), secret);
}
export const login = (user) => createSecureToken({ userId: user.id }, process.env.APP_SECRET);
export async function joseToken(claims: Record<string, unknown>, key: Uint8Array) {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key);
}
export const share = () => joseToken({ shareId: 1 }, key);`,
      errors: [
        {
          messageId: 'insecure', line: 4, column: 10, endLine: 4, endColumn: 44,
          data: { api: 'jsonwebtoken `sign`', problems: "signs what its caller passes, and the call at line 9 passes no expiry (no `exp` claim and no expiry option), so that token never expires and a leaked one works forever: pass `expiresIn: '15m'` in the options (and a refresh token for longer sessions), here or in every caller" },
        },
        {
          messageId: 'insecure', line: 11, column: 10, endLine: 11, endColumn: 29,
          data: { api: 'jose `SignJWT`', problems: "signs what its caller passes, and the call at line 13 passes no expiry (no `exp` claim and no expiry option), so that token never expires and a leaked one works forever: add `.setExpirationTime('15m')` to the chain, here or in every caller" },
        },
      ],
    },
    {
      name: "decode in the callback of another strategy is still reported",
      code: `import jwt from 'jsonwebtoken';
export function authenticate(req, res, next) {
  passport.authenticate('local', async (err, user) => {
    const payload = jwt.decode(req.headers.authorization);
    req.user = await Users.findById(payload.id);
    next();
  })(req, res, next);
}`,
      errors: [
        {
          messageId: 'decode', line: 4, column: 21, endLine: 4, endColumn: 58,
          data: { api: 'jsonwebtoken `decode`', use: "pick the user to load", fix: JSONWEBTOKEN_VERIFY },
        },
      ],
    },
    {
      name: "util.promisify(jwt.sign) / promisify(jwt.verify) resolve to the same model entries",
      code: `import util from 'util';
import jwt from 'jsonwebtoken';
const { promisify } = util;
const sign = util.promisify(jwt.sign);
const verify = promisify(jwt.verify);
export const t = (u) => sign({ id: u.id }, process.env.JWT_SECRET);
export const v = (t) => verify(t, process.env.JWT_SECRET, { algorithms: ['none'] });`,
      errors: [
        {
          messageId: 'insecure', line: 6, column: 25, endLine: 6, endColumn: 67,
          data: { api: 'jsonwebtoken `sign`', problems: "issues a token that never expires (no `expiresIn` option and no `exp` claim), so a leaked token works forever: pass `expiresIn: '15m'` in the options (and a refresh token for longer sessions)" },
          suggestions: [
            { messageId: 'addExpiresIn', output: `import util from 'util';
import jwt from 'jsonwebtoken';
const { promisify } = util;
const sign = util.promisify(jwt.sign);
const verify = promisify(jwt.verify);
export const t = (u) => sign({ id: u.id }, process.env.JWT_SECRET, { expiresIn: '15m' });
export const v = (t) => verify(t, process.env.JWT_SECRET, { algorithms: ['none'] });` },
          ],
        },
        {
          messageId: 'insecure', line: 7, column: 25, endLine: 7, endColumn: 84,
          data: { api: 'jsonwebtoken `verify`', problems: "accepts `'none'` in `algorithms`, so a token without any signature passes and anyone can forge one: list only the algorithms you sign with" },
        },
      ],
    },
    {
      name: "fast-jwt: a signer factory without expiresIn, a verifier that ignores expiration",
      code: `import { createSigner, createVerifier } from 'fast-jwt';
export const signer = createSigner({ key: process.env.JWT_SECRET });
export const signer2 = createSigner({ key: process.env.JWT_SECRET, expiresIn: 60000 });
export const verifier = createVerifier({ key: process.env.JWT_SECRET, ignoreExpiration: true });`,
      errors: [
        {
          messageId: 'insecure', line: 2, column: 23, endLine: 2, endColumn: 68,
          data: { api: 'fast-jwt `createSigner`', problems: "issues a token that never expires (no `expiresIn` option and no `exp` claim), so a leaked token works forever: pass `expiresIn: '15m'` to `createSigner`" },
          suggestions: [
            { messageId: 'addExpiresIn', output: `import { createSigner, createVerifier } from 'fast-jwt';
export const signer = createSigner({ key: process.env.JWT_SECRET, expiresIn: '15m' });
export const signer2 = createSigner({ key: process.env.JWT_SECRET, expiresIn: 60000 });
export const verifier = createVerifier({ key: process.env.JWT_SECRET, ignoreExpiration: true });` },
          ],
        },
        {
          messageId: 'insecure', line: 4, column: 25, endLine: 4, endColumn: 96,
          data: { api: 'fast-jwt `createVerifier`', problems: "sets `ignoreExpiration: true`, so expired and stolen tokens stay valid forever: remove it" },
          suggestions: [
            { messageId: 'removeIgnoreExpiration', output: `import { createSigner, createVerifier } from 'fast-jwt';
export const signer = createSigner({ key: process.env.JWT_SECRET });
export const signer2 = createSigner({ key: process.env.JWT_SECRET, expiresIn: 60000 });
export const verifier = createVerifier({ key: process.env.JWT_SECRET });` },
          ],
        },
      ],
    },
    {
      name: "project: a helper whose caller in another module passes no expiry (fixtures/projects/jwt-sign-helper)",
      filename: path.join(ROOT, 'fixtures/projects/jwt-sign-helper/src/lib/jwt.ts'),
      code: `import jwt from 'jsonwebtoken';

export function createToken(payload: object, secret: string, options?: jwt.SignOptions) {
  return jwt.sign(payload, secret, options);
}

export function createSecureToken(payload: object, secret: string, options?: jwt.SignOptions) {
  return Buffer.from(createToken(payload, secret, options)).toString('base64url');
}`,
      errors: [
        {
          messageId: 'insecure', line: 4, column: 10, endLine: 4, endColumn: 44,
          data: { api: 'jsonwebtoken `sign`', problems: "signs what its caller passes, and the call at ../routes/login.ts:7 passes no expiry (no `exp` claim and no expiry option), so that token never expires and a leaked one works forever: pass `expiresIn: '15m'` in the options (and a refresh token for longer sessions), here or in every caller" },
        },
      ],
    },
  ],
});

// Hand-rolled verifiers: code that splits a token on '.' and base64-decodes its parts itself.
const HAND_ROLLED_FIX = "Verify the token with a library and trust only what it returns: `await jwtVerify(token, key, { algorithms: ['HS256'] })` (jose) or `jwt.verify(token, secret, { algorithms: ['HS256'] })` (jsonwebtoken).";

ruleTester.run('secure-jwt (hand-rolled verifiers)', rule, {
  assertionOptions: { requireData: true, requireLocation: true },
  valid: [
    {
      name: 'a decode-for-display helper (claims shown, not trusted)',
      code: `export function tokenClaims(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}
export function printToken(token) {
  const payload = JSON.parse(atob(token.split('.')[1]));
  console.log('token for', payload.name);
}`,
    },
    {
      name: 'a verifier that checks the HMAC over header.payload with a constant-time compare',
      code: `const crypto = require('crypto');
function verifyToken(token, secret) {
  const [h, p, s] = token.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString());
  if (header.alg !== 'HS256') throw new Error('unexpected algorithm');
  const expected = crypto.createHmac('sha256', secret).update(h + '.' + p).digest();
  if (!crypto.timingSafeEqual(Buffer.from(s, 'base64url'), expected)) throw new Error('bad signature');
  return JSON.parse(Buffer.from(p, 'base64url').toString());
}`,
    },
    {
      name: "a verifier that rejects 'none' and checks the signature in a helper of the file",
      filename: 'src/auth/jwt.ts',
      code: `import { createHmac, timingSafeEqual } from 'node:crypto';
const decodePart = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
function signatureMatches(data: string, signature: string, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(data).digest();
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
export function authenticate(token: string, secret: string) {
  const [rawHeader, rawPayload, signature] = token.split('.');
  const header = decodePart(rawHeader);
  if (header.alg === 'none') throw new Error('unsigned tokens are not accepted');
  if (!signatureMatches(rawHeader + '.' + rawPayload, signature, secret)) return null;
  return decodePart(rawPayload);
}`,
    },
    {
      name: 'the signature is handed to a helper of another module (unknown: not reported)',
      filename: 'src/auth/jwt.ts',
      code: `import { keyring } from './keyring';
export async function authenticate(req) {
  const [h, p, sig] = req.headers.authorization.slice(7).split('.');
  if (!(await keyring.check(h + '.' + p, sig))) throw new Error('bad signature');
  req.user = JSON.parse(atob(p));
}`,
    },
    {
      name: 'only the header is read, to pick the key for a library verify',
      code: `const jwt = require('jsonwebtoken');
function authenticate(req, res, next) {
  const token = req.headers.authorization.slice(7);
  const { kid } = JSON.parse(Buffer.from(token.split('.')[0], 'base64').toString());
  req.user = jwt.verify(token, keys[kid], { algorithms: ['RS256'] });
  next();
}`,
    },
    {
      name: "client-side expiry peek in a browser component ('use client')",
      filename: 'src/hooks/useSession.ts',
      code: `'use client';
export function useAccessToken(token: string) {
  const { exp } = JSON.parse(atob(token.split('.')[1]));
  if (exp * 1000 < Date.now()) refreshSession();
  return token;
}`,
    },
    {
      name: 'client-side expiry peek on a token read from web storage',
      filename: 'src/lib/api.ts',
      code: `export async function getAccessToken() {
  const token = localStorage.getItem('access_token');
  if (!token) return null;
  const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  if (payload.exp * 1000 < Date.now() + 30_000) return refreshAccessToken();
  return token;
}`,
    },
    {
      name: 'the id_token of a provider token response (received over TLS from the provider)',
      code: `async function handleCallback(tokens) {
  const claims = JSON.parse(Buffer.from(tokens.id_token.split('.')[1], 'base64url').toString());
  return User.findOne({ email: claims.email });
}`,
    },
    {
      name: 'splits that are not tokens: file names, versions, hosts',
      code: `function authorize(req, file) {
  const ext = file.name.split('.').pop();
  const [major] = process.version.slice(1).split('.');
  if (Number(major) < 18 || ext === 'exe') return false;
  return req.hostname.split('.').length > 2;
}`,
    },
    {
      name: 'a local decode helper whose callers only show the claims, or verify the token first',
      code: `const jwt = require('jsonwebtoken');
function parseJwt(token) {
  const payload = JSON.parse(atob(token.split('.')[1]));
  return payload;
}
function renderBadge(token) {
  return '<b>' + parseJwt(token).name + '</b>';
}
function requireAdmin(req, res, next) {
  const token = req.headers.authorization.slice(7);
  jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });
  if (parseJwt(token).role !== 'admin') return res.sendStatus(403);
  next();
}`,
    },
    {
      name: 'a branch on a data claim (not identity, role or expiry) of a decoded URL token is not an auth decision',
      code: `export function storagePathOf(link) {
  const token = new URL(link).searchParams.get('token');
  if (!token) return null;
  const data = JSON.parse(atob(token.split('.')[1]));
  if (typeof data.path === 'string' && data.path.length > 0) return data.path;
  return null;
}`,
    },
    {
      name: 'the token itself is checked by code the file cannot see (a server-side session lookup): unknown',
      filename: 'src/middleware/auth.ts',
      code: `import { sessions } from '../sessions';
export async function authenticate(req, res, next) {
  const token = req.cookies.session ?? '';
  if (!token) return res.sendStatus(401);
  const claims = JSON.parse(atob(token.split('.')[1]));
  if (!(await sessions.isActive(token))) return res.sendStatus(401);
  req.user = { id: claims.sub };
  next();
}`,
    },
    {
      name: "a token scanner that only records 'none' as a finding",
      code: `export function scanToken(req, res) {
  const findings = [];
  const parts = String(req.body.token).split('.');
  const header = JSON.parse(Buffer.from(parts[0], 'base64').toString());
  if (header.alg === 'none') findings.push('unsigned token');
  res.json({ header, findings });
}`,
    },
  ],
  invalid: [
    {
      name: "a verifier that returns the claims of an 'alg: none' token",
      code: `const crypto = require('crypto');
function verifyToken(token, secret) {
  const [h, p, s] = token.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString());
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  if (header.alg === 'none') return payload;
  const expected = crypto.createHmac('sha256', secret).update(h + '.' + p).digest('base64url');
  if (!crypto.timingSafeEqual(Buffer.from(s), Buffer.from(expected))) throw new Error('bad signature');
  return payload;
}`,
      errors: [{ messageId: 'handRolledNone', line: 6, column: 7, endLine: 6, endColumn: 28, data: { fix: HAND_ROLLED_FIX } }],
    },
    {
      name: "middleware that lets 'none' through an either-or check (case-folded)",
      filename: 'src/middleware/auth.ts',
      code: `export function authenticate(req, res, next) {
  const token = req.headers.authorization?.slice(7) ?? '';
  const [rawHeader, rawPayload, signature] = token.split('.');
  const { alg } = JSON.parse(atob(rawHeader));
  const claims = JSON.parse(atob(rawPayload));
  if (alg.toLowerCase() === 'none' || checkSignature(rawHeader, rawPayload, signature)) {
    req.user = claims;
    return next();
  }
  res.status(401).end();
}`,
      errors: [{ messageId: 'handRolledNone', line: 6, column: 7, endLine: 6, endColumn: 35, data: { fix: HAND_ROLLED_FIX } }],
    },
    {
      name: "an allow-list of algorithms that contains 'none'",
      code: `const ALLOWED_ALGS = ['HS256', 'none'];
function verifyJwt(token, secret) {
  const parts = token.split('.');
  const header = JSON.parse(Buffer.from(parts[0], 'base64').toString());
  if (!ALLOWED_ALGS.includes(header.alg)) throw new Error('algorithm not allowed');
  if (header.alg !== 'none' && sign(parts[0] + '.' + parts[1], secret) !== parts[2]) throw new Error('bad signature');
  return JSON.parse(Buffer.from(parts[1], 'base64').toString());
}`,
      errors: [{ messageId: 'handRolledNone', line: 5, column: 8, endLine: 5, endColumn: 41, data: { fix: HAND_ROLLED_FIX } }],
    },
    {
      name: 'middleware that trusts the decoded payload without any signature check',
      code: `module.exports = function auth(req, res, next) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64').toString('utf8'));
  if (!payload.sub) return res.sendStatus(401);
  req.user = { id: payload.sub, role: payload.role };
  next();
};`,
      errors: [{ messageId: 'handRolledUnverified', line: 3, column: 19, endLine: 3, endColumn: 90, data: { use: 'decide access in a condition', fix: HAND_ROLLED_FIX } }],
    },
    {
      name: 'a verifier built on a local segment decoder that checks the expiry but no signature',
      filename: 'src/auth/jwt.ts',
      code: `const decodeSegment = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
export function verifyJwt(token: string) {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('malformed');
  const header = decodeSegment(parts[0]);
  if (header.typ !== 'JWT') throw new Error('not a JWT');
  const payload = decodeSegment(parts[1]);
  if (payload.exp * 1000 < Date.now()) throw new Error('expired');
  return payload;
}`,
      errors: [{ messageId: 'handRolledUnverified', line: 7, column: 19, endLine: 7, endColumn: 42, data: { use: 'decide access in a condition', fix: HAND_ROLLED_FIX } }],
    },
    {
      name: 'a local decode helper whose caller decides access on the claims (reported at the call)',
      code: `function parseJwt(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64').toString());
}
function requireAdmin(req, res, next) {
  const claims = parseJwt(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
  next();
}`,
      errors: [{ messageId: 'handRolledUnverified', line: 5, column: 18, endLine: 5, endColumn: 62, data: { use: 'decide access in a condition', fix: HAND_ROLLED_FIX } }],
    },
    {
      name: "a validity check that returns true for 'none'",
      code: `const { createHmac } = require('crypto');
function isValidToken(token, secret) {
  const [h, p, s] = token.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString());
  return header.alg === 'none' || createHmac('sha256', secret).update(h + '.' + p).digest('base64url') === s;
}`,
      errors: [{ messageId: 'handRolledNone', line: 5, column: 10, endLine: 5, endColumn: 31, data: { fix: HAND_ROLLED_FIX } }],
    },
    {
      name: 'a service class whose verify method decodes through its own helper and checks no signature',
      filename: 'src/auth/token.service.ts',
      code: `export class TokenService {
  private decodePart(part: string) {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  }
  verify(token: string) {
    const [, body] = token.split('.');
    const payload = this.decodePart(body);
    if (!payload.sub) throw new Error('invalid token');
    return payload;
  }
}`,
      errors: [{ messageId: 'handRolledUnverified', line: 7, column: 21, endLine: 7, endColumn: 42, data: { use: 'decide access in a condition', fix: HAND_ROLLED_FIX } }],
    },
    {
      name: "'none' accepted in one configuration, parts decoded by an imported helper named as a decoder",
      filename: 'src/auth/verify.ts',
      code: `import { b64urlToJson } from './encoding';
export function readVerifiedToken(token: string, allowUnsigned: boolean) {
  const [rawHeader, rawPayload, signature] = token.split('.');
  const header = b64urlToJson(rawHeader);
  if (header.alg === 'None') return allowUnsigned ? b64urlToJson(rawPayload) : null;
  if (!verifySignature(rawHeader + '.' + rawPayload, signature)) return null;
  return b64urlToJson(rawPayload);
}`,
      errors: [{ messageId: 'handRolledNone', line: 5, column: 7, endLine: 5, endColumn: 28, data: { fix: HAND_ROLLED_FIX } }],
    },
    {
      name: 'a guard that loads the user named by an unverified payload',
      filename: 'src/auth/guard.ts',
      code: `export async function currentUser(request: Request) {
  const token = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';
  const [, body] = token.split('.');
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(body), (c) => c.charCodeAt(0))));
  return db.user.findUnique({ where: { id: claims.userId } });
}`,
      errors: [{ messageId: 'handRolledUnverified', line: 4, column: 18, endLine: 4, endColumn: 107, data: { use: 'pick the user to load', fix: HAND_ROLLED_FIX } }],
    },
  ],
});
