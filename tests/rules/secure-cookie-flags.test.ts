import rule from '../../rules/secure-cookie-flags.js';
import { COOKIE_SETTERS, DOCUMENT_COOKIE, SESSION_MIDDLEWARE, SET_COOKIE_STRING_FIX } from '../../src/models/cookies.js';
import { ruleTester } from '../rule-tester.js';

/** The library-specific fix text of a cookie setter, as the message carries it. */
function setterFix(label: string): string {
  const setter = COOKIE_SETTERS.find((s) => s.label === label);
  if (!setter) throw new Error(`no cookie setter labelled ${label}`);
  return setter.fix;
}

/** The fix text of a session middleware. */
function sessionFix(label: string): string {
  const m = SESSION_MIDDLEWARE.find((s) => s.label === label);
  if (!m) throw new Error(`no session middleware labelled ${label}`);
  return m.fix;
}

ruleTester.run('secure-cookie-flags', rule, {
  assertionOptions: { requireData: true, requireLocation: true },
  valid: [
    { name: 'a double-submit CSRF cookie is readable by script on purpose', code: `export function csrf(ctx) {
  ctx.cookies.set('csrfToken', ctx.state.csrf, { httpOnly: false, sameSite: 'lax' });
}` },
    { name: 'Cypress support code is test code', filename: 'cypress/support/commands.ts', code: `import cookie from 'cookie';
export const login = (res, token) => res.setHeader('Set-Cookie', cookie.serialize('__session', token, { path: '/' }));` },
    {
      name: 'a Set-Cookie value the file cannot see into (a serialized cookie from elsewhere) is not judged',
      code: `function setcookie(res, name, val, options) {
  const data = cookie.serialize(name, val, options);
  const prev = res.getHeader('Set-Cookie') || [];
  res.setHeader('Set-Cookie', Array.isArray(prev) ? prev.concat(data) : [prev, data]);
  res.setHeader('Set-Cookie', data);
}`,
      options: [{ cookies: 'unresolved' }],
    },
    {
      name: "express res.cookie with httpOnly and secure",
      code: `const express = require('express');
const app = express();
app.post('/login', (req, res) => {
  res.cookie('token', issue(req.user), { httpOnly: true, secure: true, sameSite: 'strict' });
});`,
    },
    {
      name: "env-dependent secure is accepted practice",
      code: `const isProd = process.env.NODE_ENV === 'production';
app.post('/login', (req, res) => {
  res.cookie('session', id, { httpOnly: true, secure: process.env.NODE_ENV === 'production' });
  res.cookie('refresh_token', t, { httpOnly: true, secure: isProd });
  res.cookie('jwt', t, { httpOnly: true, secure: !config.dev });
});`,
    },
    {
      name: "a missing sameSite alone is not reported",
      code: `res.cookie('sid', id, { httpOnly: true, secure: true });`,
    },
    {
      name: "non-auth cookies in every library",
      filename: "server.ts",
      code: `import { setCookie } from 'hono/cookie';
import { cookies } from 'next/headers';
res.cookie('theme', 'dark');
reply.setCookie('locale', 'en', { path: '/' });
setCookie(c, 'consent', 'yes');
(await cookies()).set('analytics_id', aid);
ctx.cookies.set('lang', 'fr', { httpOnly: false });
res.setHeader('Set-Cookie', 'currency=EUR; Path=/');
document.cookie = 'cookie_consent=1; path=/';`,
    },
    {
      name: "facts about a session are not auth cookies",
      code: `res.cookie('session_expires_at', String(expiresAt));
res.cookie('last_login', new Date().toISOString());
res.cookie('auth_redirect', req.originalUrl);
res.cookie('auth_state', state, { maxAge: 600000 });`,
    },
    {
      name: "options from a local helper that returns them",
      code: `const secureOptions = () => ({ httpOnly: true, secure: true, sameSite: 'lax' });
res.cookie('token', t, secureOptions());`,
    },
    {
      name: "nookies and cookies-next with both flags",
      code: `import { setCookie } from 'nookies';
import { setCookie as setNextCookie } from 'cookies-next';
setCookie(ctx, 'token', t, { httpOnly: true, secure: true, path: '/' });
setNextCookie('session', id, { req, res, httpOnly: true, secure: true });`,
    },
    {
      name: "a script-side cookie helper called only with preference cookies",
      code: `function setCookie(name, value, days) {
  const expires = new Date(Date.now() + days * 864e5).toUTCString();
  document.cookie = name + '=' + encodeURIComponent(value) + '; expires=' + expires + '; path=/';
}
setCookie('theme', 'dark', 365);
setCookie(key, value, 1);`,
    },
    {
      name: "the cookies package follows the protocol like koa",
      code: `import Cookies from 'cookies';
export default function handler(req, res) {
  const cookies = new Cookies(req, res, { secure: true });
  cookies.set('session', id);
}`,
    },
    {
      name: "script-side preference cookies (js-cookie, document.cookie)",
      code: `import Cookies from 'js-cookie';
Cookies.set('theme', 'dark', { expires: 365 });
document.cookie = \`locale=\${lang}; path=/\`;`,
    },
    {
      name: "deleting an auth cookie is not setting one",
      code: `document.cookie = 'token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
document.cookie = \`jwt=; Max-Age=0\`;
res.cookie('token', '', { expires: new Date(0) });
res.cookie('session', null);
res.cookie('sid', id, { maxAge: 0 });
res.setHeader('Set-Cookie', 'token=deleted; Max-Age=0; Path=/');`,
    },
    {
      name: "CSRF cookies are read by script on purpose",
      code: `res.cookie('XSRF-TOKEN', req.csrfToken());
res.cookie('csrf_token', token, { sameSite: 'strict' });`,
    },
    {
      name: "options spread from an unknown source are unknown, not missing",
      code: `function setAuth(res, token, cfg) {
  res.cookie('token', token, { ...cfg, path: '/' });
  res.cookie('token', token, cfg);
  res.cookie('token', token, buildOptions());
}`,
    },
    {
      name: "options built elsewhere in the file, through spreads",
      code: `const base = { httpOnly: true, secure: true, sameSite: 'lax' };
const authCookie = { ...base, maxAge: 900_000 };
app.post('/login', (req, res) => {
  res.cookie('access_token', token, authCookie);
  res.cookie('refresh_token', refresh, { ...authCookie, path: '/auth/refresh' });
});`,
    },
    {
      name: "options changed after their declaration are not judged by the literal",
      code: `const opts = { httpOnly: true };
if (process.env.NODE_ENV === 'production') opts.secure = true;
res.cookie('token', token, opts);`,
    },
    {
      name: "koa ctx.cookies.set: httpOnly by default, secure follows the protocol",
      code: `const Koa = require('koa');
const app = new Koa();
app.use(async (ctx) => {
  ctx.cookies.set('token', token);
  ctx.cookies.set('session', id, { signed: true, sameSite: 'lax' });
});`,
    },
    {
      name: "SvelteKit cookies.set defaults to httpOnly and secure",
      filename: "src/routes/login/+page.server.ts",
      code: `export const actions = {
  default: async ({ cookies }) => {
    cookies.set('session', sessionId, { path: '/' });
  },
};`,
    },
    {
      name: "hono prefix secure / host forces Secure",
      filename: "app.ts",
      code: `import { setCookie } from 'hono/cookie';
app.post('/login', (c) => {
  setCookie(c, 'session', id, { httpOnly: true, prefix: 'host' });
  setCookie(c, 'token', t, { httpOnly: true, prefix: 'secure' });
  setCookie(c, 'auth', t, { httpOnly: true, prefix: c.env.PREFIX });
});`,
    },
    {
      name: "__Host- and __Secure- cookies cannot be set without Secure",
      code: `res.cookie('__Host-session', id, { httpOnly: true, path: '/' });
res.setHeader('Set-Cookie', '__Secure-token=' + t + '; HttpOnly');`,
    },
    {
      name: "Set-Cookie strings with both flags, or attributes the file cannot see",
      code: `res.setHeader('Set-Cookie', 'sid=' + id + '; Path=/; HttpOnly; Secure; SameSite=Lax');
res.setHeader('Set-Cookie', \`token=\${t}; Max-Age=\${age}; \${flags}\`);
res.append('Set-Cookie', ['jwt=' + t, 'HttpOnly', 'Secure'].join('; '));
res.setHeader('Set-Cookie', cookieHeader);`,
    },
    {
      name: "Set-Cookie attributes added on a condition are unknown, not missing",
      code: `const isProd = process.env.NODE_ENV === 'production';
res.setHeader('Set-Cookie', \`token=\${token}; HttpOnly; Path=/; Max-Age=\${maxAge}\${isProd ? '; Secure' : ''}\`);
res.setHeader('Set-Cookie', \`sid=\${id}\${isProd ? '; Secure; HttpOnly' : ''}\`);`,
    },
    {
      name: "cookie.serialize with flags, renamed import",
      code: `import { serialize as toCookie } from 'cookie';
res.setHeader('Set-Cookie', toCookie('session', id, { httpOnly: true, secure: true, sameSite: 'lax' }));`,
    },
    {
      name: "Next.js cookies().set and NextResponse with flags",
      filename: "app/api/login/route.ts",
      code: `import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
export async function POST() {
  const store = await cookies();
  store.set('session', id, { httpOnly: true, secure: true, sameSite: 'lax' });
  store.set({ name: 'token', value: t, httpOnly: true, secure: process.env.NODE_ENV === 'production' });
  const res = NextResponse.json({ ok: true });
  res.cookies.set('refresh', r, { httpOnly: true, secure: true });
  return res;
}`,
    },
    {
      name: "express-session with secure true, auto or env-dependent",
      code: `import session from 'express-session';
app.use(session({ secret, cookie: { secure: true } }));
app.use(session({ secret, cookie: { secure: 'auto', httpOnly: true } }));
app.use(session({ secret, cookie: { secure: process.env.NODE_ENV === 'production' } }));
app.use(session(config.session));
app.use(session({ secret, cookie: config.cookie }));`,
    },
    {
      name: "express-session README pattern: secure set later in production",
      code: `const session = require('express-session');
const sess = { secret: process.env.SESSION_SECRET, cookie: {} };
if (app.get('env') === 'production') {
  app.set('trust proxy', 1);
  sess.cookie.secure = true;
}
app.use(session(sess));`,
    },
    {
      name: "session middleware that follow the protocol or default to secure",
      code: `const cookieSession = require('cookie-session');
const koaSession = require('koa-session');
const fastify = require('fastify')();
const { getIronSession } = require('iron-session');
app.use(cookieSession({ name: 'session', keys }));
koa.use(koaSession({ key: 'koa.sess' }, koa));
fastify.register(require('@fastify/session'), { secret, cookie: { maxAge: 1800000 } });
fastify.register(require('@fastify/secure-session'), { key, cookie: { path: '/' } });
getIronSession(req, res, { password, cookieName: 'app' });`,
    },
    {
      name: "react-cookie with a preference cookie",
      filename: "Theme.jsx",
      code: `import { useCookies } from 'react-cookie';
export function Theme() {
  const [, setCookie] = useCookies(['theme']);
  return <button onClick={() => setCookie('theme', 'dark', { path: '/' })}>Dark</button>;
}`,
    },
    {
      name: "Remix session storage with flags, or a cookie object built elsewhere",
      code: `import { createCookie, createCookieSessionStorage, createFileSessionStorage } from '@remix-run/node';
export const sessions = createCookieSessionStorage({ cookie: { name: '__session', httpOnly: true, secure: process.env.NODE_ENV === 'production' } });
const cookie = createCookie('__files', { secrets: [secret] });
export const files = createFileSessionStorage({ dir: '/tmp/sessions', cookie });`,
    },
    {
      name: "Astro cookies.set with both flags",
      filename: "src/pages/api/login.ts",
      code: `import type { APIRoute } from 'astro';
export const POST: APIRoute = async ({ cookies }) => {
  cookies.set('session', id, { path: '/', httpOnly: true, secure: true });
  cookies.set('theme', 'dark');
  return new Response(null, { status: 204 });
};`,
    },
    {
      name: "look-alike set calls of other modules",
      code: `import Cookies from 'universal-cookie';
const jar = new Cookies();
jar.set('token', t);
const cookies = new Map();
cookies.set('token', t, 1);
const cache = require('./cookie-cache');
cache.cookie('session', id);`,
    },
    {
      name: "a cookie whose name the file cannot resolve is only checked in strict",
      code: `export function setCookie(res, name, value) {
  res.cookie(name, value);
}`,
    },
    {
      name: "test files are skipped by default",
      filename: "src/__tests__/auth.test.ts",
      code: `res.cookie('token', t);`,
    },
    {
      name: "empty file",
      code: ``,
    },
    {
      name: "odd syntax does not crash",
      code: `res.cookie(...args);
res.cookie();
res.setHeader();
res.setHeader('Set-Cookie', ...headers);
document.cookie += '; x=1';
const a = b; const b = a;
res.cookie('token', a, a);
res.cookie('token', t, { [key]: true, get secure() { return true }, httpOnly: true });
const o = { 'Set-Cookie': undefined, [k]: 1 };`,
    },
    {
      name: "suggestion outputs pass: options created, appended, replaced and wrapped",
      code: `app.post('/l', (req, res) => { res.cookie('sid', req.sessionID, { httpOnly: true, secure: true }); });
router.post('/login', async (req, res) => {
  res.cookie('remember', rememberToken, {
    httpOnly: true,
    maxAge: 30 * 24 * 3600 * 1000,
    secure: true,
  });
});
const base = { httpOnly: true, secure: true };
res.cookie('token', t, { ...base, httpOnly: true });
const cookieOptions = { httpOnly: true, sameSite: 'strict' };
res.cookie('jwt', token, { ...cookieOptions, secure: true });
res.cookie('refresh_token', t, { httpOnly: true, sameSite: 'none', secure: true });`,
    },
    {
      name: "suggestion outputs pass: Set-Cookie strings",
      code: `res.setHeader('Set-Cookie', 'sessionId=' + id + '; Path=/; HttpOnly; Secure');
res.appendHeader('Set-Cookie', \`token=\${t}; Path=/; HttpOnly; Secure\`);
const header = \`sid=\${id}; HttpOnly\`;
res.setHeader('Set-Cookie', header + '; Secure');
res.append('Set-Cookie', ['token=' + t, 'Path=/', 'HttpOnly'].join('; ') + '; Secure');
res.writeHead(302, { Location: '/', 'Set-Cookie': 'session=' + id + '; HttpOnly; Secure' });`,
    },
    {
      name: "suggestion outputs pass: session middleware",
      code: `import expressSession from 'express-session';
app.use(expressSession({
  secret,
  resave: false,
  cookie: { secure: true },
}));
const sessionConfig = { secret, cookie: { maxAge: 1, secure: true } };
app.use(expressSession(sessionConfig));
app.use(expressSession({ secret, cookie: { secure: true, httpOnly: true } }));
const koaSession = require('koa-session');
koa.use(koaSession(koa, { httpOnly: true }));`,
    },
    { name: "real-world look-alike: counter cookie", filename: "src/routes/visits.js", code: `app.get('/', (req, res) => {
  const visits = Number(req.cookies.visits || 0) + 1;
  res.cookie('visits', String(visits));
  res.cookie('login_attempts', String(visits));
  res.send('hi');
});` },
  ],
  invalid: [
    {
      name: "express res.cookie without options",
      code: `const express = require('express');
const app = express();
app.post('/login', (req, res) => {
  res.cookie('sid', req.sessionID);
});`,
      errors: [
        {
          messageId: 'missingBoth', line: 4, column: 3, endLine: 4, endColumn: 13,
          data: { setter: "Express `res.cookie`", cookie: "the auth cookie `sid`", problems: "without `httpOnly` and without `secure`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true` and `secure: true`" }, output: `const express = require('express');
const app = express();
app.post('/login', (req, res) => {
  res.cookie('sid', req.sessionID, { httpOnly: true, secure: true });
});` },
          ],
        },
      ],
    },
    {
      name: "express res.cookie missing secure, multi-line options",
      code: `router.post('/login', async (req, res) => {
  res.cookie('remember', rememberToken, {
    httpOnly: true,
    maxAge: 30 * 24 * 3600 * 1000,
  });
});`,
      errors: [
        {
          messageId: 'missingSecure', line: 2, column: 3, endLine: 2, endColumn: 13,
          data: { setter: "Express `res.cookie`", cookie: "the auth cookie `remember`", problems: "without `secure`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `router.post('/login', async (req, res) => {
  res.cookie('remember', rememberToken, {
    httpOnly: true,
    maxAge: 30 * 24 * 3600 * 1000,
    secure: true,
  });
});` },
          ],
        },
      ],
    },
    {
      name: "spread of a safe base overridden with httpOnly: false",
      code: `const base = { httpOnly: true, secure: true };
res.cookie('token', t, { ...base, httpOnly: false });`,
      errors: [
        {
          messageId: 'missingHttpOnly', line: 2, column: 1, endLine: 2, endColumn: 11,
          data: { setter: "Express `res.cookie`", cookie: "the auth cookie `token`", problems: "with `httpOnly: false`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true`" }, output: `const base = { httpOnly: true, secure: true };
res.cookie('token', t, { ...base, httpOnly: true });` },
          ],
        },
      ],
    },
    {
      name: "options object built elsewhere lacks secure",
      code: `const cookieOptions = { httpOnly: true, sameSite: 'strict' };
res.cookie('jwt', token, cookieOptions);`,
      errors: [
        {
          messageId: 'missingSecure', line: 2, column: 1, endLine: 2, endColumn: 11,
          data: { setter: "Express `res.cookie`", cookie: "the auth cookie `jwt`", problems: "without `secure`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `const cookieOptions = { httpOnly: true, sameSite: 'strict' };
res.cookie('jwt', token, { ...cookieOptions, secure: true });` },
          ],
        },
      ],
    },
    {
      name: "explicit false flags through a const",
      code: `const SECURE = false;
res.cookie('access_token', t, { httpOnly: true, secure: SECURE });`,
      errors: [
        {
          messageId: 'missingSecure', line: 2, column: 1, endLine: 2, endColumn: 11,
          data: { setter: "Express `res.cookie`", cookie: "the auth cookie `access_token`", problems: "with `secure: false`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `const SECURE = false;
res.cookie('access_token', t, { httpOnly: true, secure: true });` },
          ],
        },
      ],
    },
    {
      name: "sameSite: 'none' without secure",
      code: `res.cookie('refresh_token', t, { httpOnly: true, sameSite: 'none' });`,
      errors: [
        {
          messageId: 'missingSecure', line: 1, column: 1, endLine: 1, endColumn: 11,
          data: { setter: "Express `res.cookie`", cookie: "the auth cookie `refresh_token`", problems: "without `secure` and with `sameSite: 'none'`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `res.cookie('refresh_token', t, { httpOnly: true, sameSite: 'none', secure: true });` },
          ],
        },
      ],
    },
    {
      name: "value from a JWT sign call (renamed import) makes an opaque name an auth cookie",
      code: `import { sign as signToken } from 'jsonwebtoken';
res.cookie('u', signToken({ sub: id }, key, { expiresIn: '1h' }), { secure: true });`,
      errors: [
        {
          messageId: 'missingHttpOnly', line: 2, column: 1, endLine: 2, endColumn: 11,
          data: { setter: "Express `res.cookie`", cookie: "the auth cookie `u`", problems: "without `httpOnly`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true`" }, output: `import { sign as signToken } from 'jsonwebtoken';
res.cookie('u', signToken({ sub: id }, key, { expiresIn: '1h' }), { secure: true, httpOnly: true });` },
          ],
        },
      ],
    },
    {
      name: "name from a constant; value named like a session id",
      code: `const COOKIE = 'app';
res.cookie(COOKIE, req.sessionID, { secure: true });`,
      errors: [
        {
          messageId: 'missingHttpOnly', line: 2, column: 1, endLine: 2, endColumn: 11,
          data: { setter: "Express `res.cookie`", cookie: "the auth cookie `app`", problems: "without `httpOnly`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true`" }, output: `const COOKIE = 'app';
res.cookie(COOKIE, req.sessionID, { secure: true, httpOnly: true });` },
          ],
        },
      ],
    },
    {
      name: "Nest @Res() response.cookie",
      filename: "auth.controller.ts",
      code: `import { Controller, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
@Controller('auth')
export class AuthController {
  @Post('login')
  login(@Res({ passthrough: true }) response: Response) {
    response.cookie('Authentication', this.auth.issue(), { httpOnly: true });
  }
}`,
      errors: [
        {
          messageId: 'missingSecure', line: 7, column: 5, endLine: 7, endColumn: 20,
          data: { setter: "Express `res.cookie`", cookie: "the auth cookie `Authentication`", problems: "without `secure`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `import { Controller, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
@Controller('auth')
export class AuthController {
  @Post('login')
  login(@Res({ passthrough: true }) response: Response) {
    response.cookie('Authentication', this.auth.issue(), { httpOnly: true, secure: true });
  }
}` },
          ],
        },
      ],
    },
    {
      name: "fastify reply.setCookie and reply.cookie",
      code: `const fastify = require('fastify')();
fastify.post('/session', async (request, reply) => {
  reply.setCookie('session', user.sessionId, { path: '/' });
  reply.cookie('token', token, { httpOnly: true, path: '/' });
});`,
      errors: [
        {
          messageId: 'missingBoth', line: 3, column: 3, endLine: 3, endColumn: 18,
          data: { setter: "fastify `reply.setCookie`", cookie: "the auth cookie `session`", problems: "without `httpOnly` and without `secure`", fix: setterFix("fastify `reply.setCookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true` and `secure: true`" }, output: `const fastify = require('fastify')();
fastify.post('/session', async (request, reply) => {
  reply.setCookie('session', user.sessionId, { path: '/', httpOnly: true, secure: true });
  reply.cookie('token', token, { httpOnly: true, path: '/' });
});` },
          ],
        },
        {
          messageId: 'missingSecure', line: 4, column: 3, endLine: 4, endColumn: 15,
          data: { setter: "fastify `reply.cookie`", cookie: "the auth cookie `token`", problems: "without `secure`", fix: setterFix("fastify `reply.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `const fastify = require('fastify')();
fastify.post('/session', async (request, reply) => {
  reply.setCookie('session', user.sessionId, { path: '/' });
  reply.cookie('token', token, { httpOnly: true, path: '/', secure: true });
});` },
          ],
        },
      ],
    },
    {
      name: "koa ctx.cookies.set with an explicit false",
      code: `const Koa = require('koa');
app.use(async (ctx) => {
  ctx.cookies.set('token', token, { httpOnly: false, secure: true });
  ctx.cookies.set('sid', id, { secure: false });
});`,
      errors: [
        {
          messageId: 'missingHttpOnly', line: 3, column: 3, endLine: 3, endColumn: 18,
          data: { setter: "koa `ctx.cookies.set`", cookie: "the auth cookie `token`", problems: "with `httpOnly: false`", fix: setterFix("koa `ctx.cookies.set`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true`" }, output: `const Koa = require('koa');
app.use(async (ctx) => {
  ctx.cookies.set('token', token, { httpOnly: true, secure: true });
  ctx.cookies.set('sid', id, { secure: false });
});` },
          ],
        },
        {
          messageId: 'missingSecure', line: 4, column: 3, endLine: 4, endColumn: 18,
          data: { setter: "koa `ctx.cookies.set`", cookie: "the auth cookie `sid`", problems: "with `secure: false`", fix: setterFix("koa `ctx.cookies.set`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `const Koa = require('koa');
app.use(async (ctx) => {
  ctx.cookies.set('token', token, { httpOnly: false, secure: true });
  ctx.cookies.set('sid', id, { secure: true });
});` },
          ],
        },
      ],
    },
    {
      name: "SvelteKit cookies.set with httpOnly: false",
      filename: "src/routes/+server.ts",
      code: `export async function POST({ cookies }) {
  cookies.set('session', id, { path: '/', httpOnly: false });
}`,
      errors: [
        {
          messageId: 'missingHttpOnly', line: 2, column: 3, endLine: 2, endColumn: 14,
          data: { setter: "SvelteKit `cookies.set`", cookie: "the auth cookie `session`", problems: "with `httpOnly: false`", fix: setterFix("SvelteKit `cookies.set`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true`" }, output: `export async function POST({ cookies }) {
  cookies.set('session', id, { path: '/', httpOnly: true });
}` },
          ],
        },
      ],
    },
    {
      name: "hono setCookie and setSignedCookie",
      filename: "index.ts",
      code: `import { setCookie as set, setSignedCookie } from 'hono/cookie';
app.post('/login', async (c) => {
  set(c, 'token', accessToken, { path: '/' });
  await setSignedCookie(c, 'session', id, c.env.SECRET, { httpOnly: true });
  set(c, 'jwt', t);
});`,
      errors: [
        {
          messageId: 'missingBoth', line: 3, column: 3, endLine: 3, endColumn: 6,
          data: { setter: "hono `setCookie`", cookie: "the auth cookie `token`", problems: "without `httpOnly` and without `secure`", fix: setterFix("hono `setCookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true` and `secure: true`" }, output: `import { setCookie as set, setSignedCookie } from 'hono/cookie';
app.post('/login', async (c) => {
  set(c, 'token', accessToken, { path: '/', httpOnly: true, secure: true });
  await setSignedCookie(c, 'session', id, c.env.SECRET, { httpOnly: true });
  set(c, 'jwt', t);
});` },
          ],
        },
        {
          messageId: 'missingSecure', line: 4, column: 9, endLine: 4, endColumn: 24,
          data: { setter: "hono `setSignedCookie`", cookie: "the auth cookie `session`", problems: "without `secure`", fix: setterFix("hono `setSignedCookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `import { setCookie as set, setSignedCookie } from 'hono/cookie';
app.post('/login', async (c) => {
  set(c, 'token', accessToken, { path: '/' });
  await setSignedCookie(c, 'session', id, c.env.SECRET, { httpOnly: true, secure: true });
  set(c, 'jwt', t);
});` },
          ],
        },
        {
          messageId: 'missingBoth', line: 5, column: 3, endLine: 5, endColumn: 6,
          data: { setter: "hono `setCookie`", cookie: "the auth cookie `jwt`", problems: "without `httpOnly` and without `secure`", fix: setterFix("hono `setCookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true` and `secure: true`" }, output: `import { setCookie as set, setSignedCookie } from 'hono/cookie';
app.post('/login', async (c) => {
  set(c, 'token', accessToken, { path: '/' });
  await setSignedCookie(c, 'session', id, c.env.SECRET, { httpOnly: true });
  set(c, 'jwt', t, { httpOnly: true, secure: true });
});` },
          ],
        },
      ],
    },
    {
      name: "Next.js cookies().set in all its forms",
      filename: "app/api/login/route.ts",
      code: `import { cookies } from 'next/headers';
export async function POST() {
  const cookieStore = await cookies();
  cookieStore.set('session', token, { httpOnly: true, path: '/' });
  (await cookies()).set({ name: 'auth', value: token, secure: true });
  cookies().set('refresh', r);
}`,
      errors: [
        {
          messageId: 'missingSecure', line: 4, column: 3, endLine: 4, endColumn: 18,
          data: { setter: "Next.js `cookies().set`", cookie: "the auth cookie `session`", problems: "without `secure`", fix: setterFix("Next.js `cookies().set`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `import { cookies } from 'next/headers';
export async function POST() {
  const cookieStore = await cookies();
  cookieStore.set('session', token, { httpOnly: true, path: '/', secure: true });
  (await cookies()).set({ name: 'auth', value: token, secure: true });
  cookies().set('refresh', r);
}` },
          ],
        },
        {
          messageId: 'missingHttpOnly', line: 5, column: 3, endLine: 5, endColumn: 24,
          data: { setter: "Next.js `cookies().set`", cookie: "the auth cookie `auth`", problems: "without `httpOnly`", fix: setterFix("Next.js `cookies().set`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true`" }, output: `import { cookies } from 'next/headers';
export async function POST() {
  const cookieStore = await cookies();
  cookieStore.set('session', token, { httpOnly: true, path: '/' });
  (await cookies()).set({ name: 'auth', value: token, secure: true, httpOnly: true });
  cookies().set('refresh', r);
}` },
          ],
        },
        {
          messageId: 'missingBoth', line: 6, column: 3, endLine: 6, endColumn: 16,
          data: { setter: "Next.js `cookies().set`", cookie: "the auth cookie `refresh`", problems: "without `httpOnly` and without `secure`", fix: setterFix("Next.js `cookies().set`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true` and `secure: true`" }, output: `import { cookies } from 'next/headers';
export async function POST() {
  const cookieStore = await cookies();
  cookieStore.set('session', token, { httpOnly: true, path: '/' });
  (await cookies()).set({ name: 'auth', value: token, secure: true });
  cookies().set('refresh', r, { httpOnly: true, secure: true });
}` },
          ],
        },
      ],
    },
    {
      name: "NextResponse cookies.set",
      filename: "middleware.ts",
      code: `import { NextResponse } from 'next/server';
export function middleware(request) {
  const response = NextResponse.next();
  response.cookies.set('session', value, { secure: true });
  return response;
}`,
      errors: [
        {
          messageId: 'missingHttpOnly', line: 4, column: 3, endLine: 4, endColumn: 23,
          data: { setter: "Next.js `response.cookies.set`", cookie: "the auth cookie `session`", problems: "without `httpOnly`", fix: setterFix("Next.js `response.cookies.set`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true`" }, output: `import { NextResponse } from 'next/server';
export function middleware(request) {
  const response = NextResponse.next();
  response.cookies.set('session', value, { secure: true, httpOnly: true });
  return response;
}` },
          ],
        },
      ],
    },
    {
      name: "cookie serialize (namespace import)",
      code: `import * as cookie from 'cookie';
res.setHeader('Set-Cookie', cookie.serialize('session', id, { path: '/' }));`,
      errors: [
        {
          messageId: 'missingBoth', line: 2, column: 29, endLine: 2, endColumn: 45,
          data: { setter: "cookie `serialize`", cookie: "the auth cookie `session`", problems: "without `httpOnly` and without `secure`", fix: setterFix("cookie `serialize`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true` and `secure: true`" }, output: `import * as cookie from 'cookie';
res.setHeader('Set-Cookie', cookie.serialize('session', id, { path: '/', httpOnly: true, secure: true }));` },
          ],
        },
      ],
    },
    {
      name: "Set-Cookie strings: setHeader, appendHeader, res.set, arrays",
      code: `res.setHeader('Set-Cookie', 'sessionId=' + id + '; Path=/; HttpOnly');
res.appendHeader('Set-Cookie', \`token=\${t}; Path=/\`);
res.set('Set-Cookie', [
  'jwt=' + t + '; Secure',
  'lang=en',
]);`,
      errors: [
        {
          messageId: 'missingSecure', line: 1, column: 29, endLine: 1, endColumn: 69,
          data: { setter: "`setHeader('Set-Cookie', …)`", cookie: "the auth cookie `sessionId`", problems: "without `Secure`", fix: SET_COOKIE_STRING_FIX },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`Secure`" }, output: `res.setHeader('Set-Cookie', 'sessionId=' + id + '; Path=/; HttpOnly; Secure');
res.appendHeader('Set-Cookie', \`token=\${t}; Path=/\`);
res.set('Set-Cookie', [
  'jwt=' + t + '; Secure',
  'lang=en',
]);` },
          ],
        },
        {
          messageId: 'missingBoth', line: 2, column: 32, endLine: 2, endColumn: 52,
          data: { setter: "`appendHeader('Set-Cookie', …)`", cookie: "the auth cookie `token`", problems: "without `HttpOnly` and without `Secure`", fix: SET_COOKIE_STRING_FIX },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`HttpOnly` and `Secure`" }, output: `res.setHeader('Set-Cookie', 'sessionId=' + id + '; Path=/; HttpOnly');
res.appendHeader('Set-Cookie', \`token=\${t}; Path=/; HttpOnly; Secure\`);
res.set('Set-Cookie', [
  'jwt=' + t + '; Secure',
  'lang=en',
]);` },
          ],
        },
        {
          messageId: 'missingHttpOnly', line: 4, column: 3, endLine: 4, endColumn: 26,
          data: { setter: "`set('Set-Cookie', …)`", cookie: "the auth cookie `jwt`", problems: "without `HttpOnly`", fix: SET_COOKIE_STRING_FIX },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`HttpOnly`" }, output: `res.setHeader('Set-Cookie', 'sessionId=' + id + '; Path=/; HttpOnly');
res.appendHeader('Set-Cookie', \`token=\${t}; Path=/\`);
res.set('Set-Cookie', [
  'jwt=' + t + '; Secure; HttpOnly',
  'lang=en',
]);` },
          ],
        },
      ],
    },
    {
      name: "Set-Cookie in a headers object and SameSite=None",
      code: `res.writeHead(302, { Location: '/', 'Set-Cookie': 'session=' + id });
return new Response(null, { headers: { 'set-cookie': \`auth=\${token}; HttpOnly; SameSite=None\` } });`,
      errors: [
        {
          messageId: 'missingBoth', line: 1, column: 51, endLine: 1, endColumn: 66,
          data: { setter: "`Set-Cookie` header", cookie: "the auth cookie `session`", problems: "without `HttpOnly` and without `Secure`", fix: SET_COOKIE_STRING_FIX },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`HttpOnly` and `Secure`" }, output: `res.writeHead(302, { Location: '/', 'Set-Cookie': 'session=' + id + '; HttpOnly; Secure' });
return new Response(null, { headers: { 'set-cookie': \`auth=\${token}; HttpOnly; SameSite=None\` } });` },
          ],
        },
        {
          messageId: 'missingSecure', line: 2, column: 54, endLine: 2, endColumn: 94,
          data: { setter: "`Set-Cookie` header", cookie: "the auth cookie `auth`", problems: "without `Secure` and with `SameSite=None`", fix: SET_COOKIE_STRING_FIX },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`Secure`" }, output: `res.writeHead(302, { Location: '/', 'Set-Cookie': 'session=' + id });
return new Response(null, { headers: { 'set-cookie': \`auth=\${token}; HttpOnly; SameSite=None; Secure\` } });` },
          ],
        },
      ],
    },
    {
      name: "Set-Cookie built in a const",
      code: `const header = \`sid=\${id}; HttpOnly\`;
res.setHeader('Set-Cookie', header);`,
      errors: [
        {
          messageId: 'missingSecure', line: 2, column: 29, endLine: 2, endColumn: 35,
          data: { setter: "`setHeader('Set-Cookie', …)`", cookie: "the auth cookie `sid`", problems: "without `Secure`", fix: SET_COOKIE_STRING_FIX },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`Secure`" }, output: `const header = \`sid=\${id}; HttpOnly\`;
res.setHeader('Set-Cookie', header + '; Secure');` },
          ],
        },
      ],
    },
    {
      name: "document.cookie with an auth token",
      code: `export function rememberToken(token) {
  document.cookie = 'token=' + token + '; path=/';
  window.document.cookie = \`jwt=\${token}; Secure\`;
}`,
      errors: [
        {
          messageId: 'clientCookie', line: 2, column: 3, endLine: 2, endColumn: 18,
          data: { setter: "`document.cookie`", cookie: "the auth cookie `token`", secure: ", and without `Secure` it also travels over plain HTTP", fix: DOCUMENT_COOKIE.fix },
        },
        {
          messageId: 'clientCookie', line: 3, column: 3, endLine: 3, endColumn: 25,
          data: { setter: "`document.cookie`", cookie: "the auth cookie `jwt`", secure: "", fix: DOCUMENT_COOKIE.fix },
        },
      ],
    },
    {
      name: "js-cookie Cookies.set",
      code: `import Cookies from 'js-cookie';
Cookies.set('access_token', data.accessToken, { expires: 1 });`,
      errors: [
        {
          messageId: 'clientCookie', line: 2, column: 1, endLine: 2, endColumn: 12,
          data: { setter: "js-cookie `Cookies.set`", cookie: "the auth cookie `access_token`", secure: ", and without `Secure` it also travels over plain HTTP", fix: setterFix("react-cookie `setCookie`") },
        },
      ],
    },
    {
      name: "react-cookie setCookie from useCookies",
      filename: "Login.jsx",
      code: `import { useCookies } from 'react-cookie';
export function Login() {
  const [cookies, setCookie] = useCookies(['token']);
  const onLogin = (data) => setCookie('token', data.token, { path: '/', secure: true });
  return <LoginForm onLogin={onLogin} theme={cookies.theme} />;
}`,
      errors: [
        {
          messageId: 'clientCookie', line: 4, column: 29, endLine: 4, endColumn: 38,
          data: { setter: "react-cookie `setCookie`", cookie: "the auth cookie `token`", secure: "", fix: setterFix("react-cookie `setCookie`") },
        },
      ],
    },
    {
      name: "express-session without cookie options, default import renamed",
      code: `import expressSession from 'express-session';
app.use(expressSession({
  secret,
  resave: false,
}));`,
      errors: [
        {
          messageId: 'missingSecure', line: 2, column: 9, endLine: 2, endColumn: 23,
          data: { setter: "express-session", cookie: "its session cookie", problems: "without `secure`", fix: sessionFix("express-session") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `import expressSession from 'express-session';
app.use(expressSession({
  secret,
  resave: false,
  cookie: { secure: true },
}));` },
          ],
        },
      ],
    },
    {
      name: "express-session cookie without secure (require)",
      code: `const session = require('express-session');
app.use(session({ secret, cookie: { httpOnly: true, maxAge: 3600000 } }));`,
      errors: [
        {
          messageId: 'missingSecure', line: 2, column: 9, endLine: 2, endColumn: 16,
          data: { setter: "express-session", cookie: "its session cookie", problems: "without `secure`", fix: sessionFix("express-session") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `const session = require('express-session');
app.use(session({ secret, cookie: { httpOnly: true, maxAge: 3600000, secure: true } }));` },
          ],
        },
      ],
    },
    {
      name: "express-session with explicit false flags",
      code: `const session = require('express-session');
app.use(session({ secret, cookie: { secure: false, httpOnly: false } }));`,
      errors: [
        {
          messageId: 'missingBoth', line: 2, column: 9, endLine: 2, endColumn: 16,
          data: { setter: "express-session", cookie: "its session cookie", problems: "with `httpOnly: false` and with `secure: false`", fix: sessionFix("express-session") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true` and `secure: true`" }, output: `const session = require('express-session');
app.use(session({ secret, cookie: { secure: true, httpOnly: true } }));` },
          ],
        },
      ],
    },
    {
      name: "express-session options defined elsewhere",
      code: `const session = require('express-session');
const sessionConfig = { secret, cookie: { maxAge: 1 } };
app.use(session(sessionConfig));`,
      errors: [
        {
          messageId: 'missingSecure', line: 3, column: 9, endLine: 3, endColumn: 16,
          data: { setter: "express-session", cookie: "its session cookie", problems: "without `secure`", fix: sessionFix("express-session") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `const session = require('express-session');
const sessionConfig = { secret, cookie: { maxAge: 1, secure: true } };
app.use(session(sessionConfig));` },
          ],
        },
      ],
    },
    {
      name: "express-session with an empty cookie object",
      code: `const session = require('express-session');
app.use(session({ secret, cookie: {} }));`,
      errors: [
        {
          messageId: 'missingSecure', line: 2, column: 9, endLine: 2, endColumn: 16,
          data: { setter: "express-session", cookie: "its session cookie", problems: "without `secure`", fix: sessionFix("express-session") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `const session = require('express-session');
app.use(session({ secret, cookie: { secure: true } }));` },
          ],
        },
      ],
    },
    {
      name: "cookie-session, koa-session, @fastify/session, @fastify/secure-session, iron-session on explicit false",
      code: `const cookieSession = require('cookie-session');
const koaSession = require('koa-session');
const fastify = require('fastify')();
import { getIronSession } from 'iron-session';
app.use(cookieSession({ name: 'session', keys, secure: false }));
koa.use(koaSession(koa, { httpOnly: false }));
fastify.register(require('@fastify/session'), { secret, cookie: { secure: false } });
fastify.register(require('@fastify/secure-session'), { key, cookie: { path: '/', httpOnly: false } });
getIronSession(await cookies(), { password, cookieName: 'app', cookieOptions: { secure: false } });`,
      errors: [
        {
          messageId: 'missingSecure', line: 5, column: 9, endLine: 5, endColumn: 22,
          data: { setter: "cookie-session", cookie: "its session cookie", problems: "with `secure: false`", fix: sessionFix("cookie-session") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `const cookieSession = require('cookie-session');
const koaSession = require('koa-session');
const fastify = require('fastify')();
import { getIronSession } from 'iron-session';
app.use(cookieSession({ name: 'session', keys, secure: true }));
koa.use(koaSession(koa, { httpOnly: false }));
fastify.register(require('@fastify/session'), { secret, cookie: { secure: false } });
fastify.register(require('@fastify/secure-session'), { key, cookie: { path: '/', httpOnly: false } });
getIronSession(await cookies(), { password, cookieName: 'app', cookieOptions: { secure: false } });` },
          ],
        },
        {
          messageId: 'missingHttpOnly', line: 6, column: 9, endLine: 6, endColumn: 19,
          data: { setter: "koa-session", cookie: "its session cookie", problems: "with `httpOnly: false`", fix: sessionFix("koa-session") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true`" }, output: `const cookieSession = require('cookie-session');
const koaSession = require('koa-session');
const fastify = require('fastify')();
import { getIronSession } from 'iron-session';
app.use(cookieSession({ name: 'session', keys, secure: false }));
koa.use(koaSession(koa, { httpOnly: true }));
fastify.register(require('@fastify/session'), { secret, cookie: { secure: false } });
fastify.register(require('@fastify/secure-session'), { key, cookie: { path: '/', httpOnly: false } });
getIronSession(await cookies(), { password, cookieName: 'app', cookieOptions: { secure: false } });` },
          ],
        },
        {
          messageId: 'missingSecure', line: 7, column: 1, endLine: 7, endColumn: 17,
          data: { setter: "@fastify/session", cookie: "its session cookie", problems: "with `secure: false`", fix: sessionFix("@fastify/session") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `const cookieSession = require('cookie-session');
const koaSession = require('koa-session');
const fastify = require('fastify')();
import { getIronSession } from 'iron-session';
app.use(cookieSession({ name: 'session', keys, secure: false }));
koa.use(koaSession(koa, { httpOnly: false }));
fastify.register(require('@fastify/session'), { secret, cookie: { secure: true } });
fastify.register(require('@fastify/secure-session'), { key, cookie: { path: '/', httpOnly: false } });
getIronSession(await cookies(), { password, cookieName: 'app', cookieOptions: { secure: false } });` },
          ],
        },
        {
          messageId: 'missingHttpOnly', line: 8, column: 1, endLine: 8, endColumn: 17,
          data: { setter: "@fastify/secure-session", cookie: "its session cookie", problems: "with `httpOnly: false`", fix: sessionFix("@fastify/secure-session") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true`" }, output: `const cookieSession = require('cookie-session');
const koaSession = require('koa-session');
const fastify = require('fastify')();
import { getIronSession } from 'iron-session';
app.use(cookieSession({ name: 'session', keys, secure: false }));
koa.use(koaSession(koa, { httpOnly: false }));
fastify.register(require('@fastify/session'), { secret, cookie: { secure: false } });
fastify.register(require('@fastify/secure-session'), { key, cookie: { path: '/', httpOnly: true } });
getIronSession(await cookies(), { password, cookieName: 'app', cookieOptions: { secure: false } });` },
          ],
        },
        {
          messageId: 'missingSecure', line: 9, column: 1, endLine: 9, endColumn: 15,
          data: { setter: "iron-session", cookie: "its session cookie", problems: "with `secure: false`", fix: sessionFix("iron-session") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `const cookieSession = require('cookie-session');
const koaSession = require('koa-session');
const fastify = require('fastify')();
import { getIronSession } from 'iron-session';
app.use(cookieSession({ name: 'session', keys, secure: false }));
koa.use(koaSession(koa, { httpOnly: false }));
fastify.register(require('@fastify/session'), { secret, cookie: { secure: false } });
fastify.register(require('@fastify/secure-session'), { key, cookie: { path: '/', httpOnly: false } });
getIronSession(await cookies(), { password, cookieName: 'app', cookieOptions: { secure: true } });` },
          ],
        },
      ],
    },
    {
      name: "options from a local helper that lacks secure",
      code: `const cookieOptions = (maxAge) => ({ httpOnly: true, maxAge });
res.cookie('token', t, cookieOptions(1000));`,
      errors: [
        {
          messageId: 'missingSecure', line: 2, column: 1, endLine: 2, endColumn: 11,
          data: { setter: "Express `res.cookie`", cookie: "the auth cookie `token`", problems: "without `secure`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `const cookieOptions = (maxAge) => ({ httpOnly: true, maxAge });
res.cookie('token', t, { ...cookieOptions(1000), secure: true });` },
          ],
        },
      ],
    },
    {
      name: "nookies and cookies-next",
      code: `import nookies from 'nookies';
import { setCookie } from 'cookies-next';
nookies.set(ctx, 'token', t, { maxAge: 3600, path: '/' });
setCookie('session', id, { req, res, httpOnly: true });`,
      errors: [
        {
          messageId: 'missingBoth', line: 3, column: 1, endLine: 3, endColumn: 12,
          data: { setter: "nookies `setCookie`", cookie: "the auth cookie `token`", problems: "without `httpOnly` and without `secure`", fix: setterFix("nookies `setCookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true` and `secure: true`" }, output: `import nookies from 'nookies';
import { setCookie } from 'cookies-next';
nookies.set(ctx, 'token', t, { maxAge: 3600, path: '/', httpOnly: true, secure: true });
setCookie('session', id, { req, res, httpOnly: true });` },
          ],
        },
        {
          messageId: 'missingSecure', line: 4, column: 1, endLine: 4, endColumn: 10,
          data: { setter: "cookies-next `setCookie`", cookie: "the auth cookie `session`", problems: "without `secure`", fix: setterFix("cookies-next `setCookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `import nookies from 'nookies';
import { setCookie } from 'cookies-next';
nookies.set(ctx, 'token', t, { maxAge: 3600, path: '/' });
setCookie('session', id, { req, res, httpOnly: true, secure: true });` },
          ],
        },
      ],
    },
    {
      name: "a cookie helper is judged at each call by the name it passes",
      code: `function setCookie(cname, cvalue, exdays) {
  const d = new Date();
  d.setTime(d.getTime() + exdays * 86400000);
  document.cookie = cname + '=' + cvalue + ';expires=' + d.toUTCString() + ';path=/';
}
setCookie('token', res.data.token, 7);
setCookie('theme', 'dark', 365);`,
      errors: [
        {
          messageId: 'clientCookie', line: 6, column: 1, endLine: 6, endColumn: 10,
          data: { setter: "`document.cookie`", cookie: "the auth cookie `token`", secure: ", and without `Secure` it also travels over plain HTTP", fix: DOCUMENT_COOKIE.fix },
        },
      ],
    },
    {
      name: "a server-side cookie helper called with an auth cookie name",
      code: `const setCookie = (res, name, value) => res.cookie(name, value, { secure: true });
app.post('/login', (req, res) => {
  setCookie(res, 'sid', req.sessionID);
  setCookie(res, 'theme', 'dark');
});`,
      errors: [
        {
          messageId: 'missingHttpOnly', line: 3, column: 3, endLine: 3, endColumn: 12,
          data: { setter: "Express `res.cookie`", cookie: "the auth cookie `sid`", problems: "without `httpOnly`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true`" }, output: `const setCookie = (res, name, value) => res.cookie(name, value, { secure: true, httpOnly: true });
app.post('/login', (req, res) => {
  setCookie(res, 'sid', req.sessionID);
  setCookie(res, 'theme', 'dark');
});` },
          ],
        },
      ],
    },
    {
      name: "the cookies package with httpOnly: false",
      code: `import Cookies from 'cookies';
export default function handler(req, res) {
  const cookies = new Cookies(req, res);
  cookies.set('token', token, { httpOnly: false });
}`,
      errors: [
        {
          messageId: 'missingHttpOnly', line: 4, column: 3, endLine: 4, endColumn: 14,
          data: { setter: "`cookies` `cookies.set`", cookie: "the auth cookie `token`", problems: "with `httpOnly: false`", fix: setterFix("`cookies` `cookies.set`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true`" }, output: `import Cookies from 'cookies';
export default function handler(req, res) {
  const cookies = new Cookies(req, res);
  cookies.set('token', token, { httpOnly: true });
}` },
          ],
        },
      ],
    },
    {
      name: "Remix createCookieSessionStorage without flags",
      code: `import { createCookieSessionStorage } from '@remix-run/node';
export const storage = createCookieSessionStorage({
  cookie: {
    name: '__session',
    secrets: [sessionSecret],
    sameSite: 'lax',
  },
});`,
      errors: [
        {
          messageId: 'missingBoth', line: 2, column: 24, endLine: 2, endColumn: 50,
          data: { setter: "Remix session storage", cookie: "its session cookie", problems: "without `httpOnly` and without `secure`", fix: sessionFix("Remix session storage") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true` and `secure: true`" }, output: `import { createCookieSessionStorage } from '@remix-run/node';
export const storage = createCookieSessionStorage({
  cookie: {
    name: '__session',
    secrets: [sessionSecret],
    sameSite: 'lax',
    httpOnly: true,
    secure: true,
  },
});` },
          ],
        },
      ],
    },
    {
      name: "Astro cookies.set sets neither flag by default",
      filename: "src/pages/api/login.ts",
      code: `import type { APIRoute } from 'astro';
export const POST: APIRoute = async ({ cookies }) => {
  cookies.set('session', id, { path: '/', httpOnly: true });
  return new Response(null, { status: 204 });
};`,
      errors: [
        {
          messageId: 'missingSecure', line: 3, column: 3, endLine: 3, endColumn: 14,
          data: { setter: "Astro `cookies.set`", cookie: "the auth cookie `session`", problems: "without `secure`", fix: setterFix("Astro `cookies.set`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`secure: true`" }, output: `import type { APIRoute } from 'astro';
export const POST: APIRoute = async ({ cookies }) => {
  cookies.set('session', id, { path: '/', httpOnly: true, secure: true });
  return new Response(null, { status: 204 });
};` },
          ],
        },
      ],
    },
    {
      name: "strict: a cookie whose name the file cannot resolve",
      options: [{"cookies":"unresolved"}],
      code: `export function setCookie(res, name, value) {
  res.cookie(name, value);
}`,
      errors: [
        {
          messageId: 'missingBoth', line: 2, column: 3, endLine: 2, endColumn: 13,
          data: { setter: "Express `res.cookie`", cookie: "a cookie", problems: "without `httpOnly` and without `secure`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true` and `secure: true`" }, output: `export function setCookie(res, name, value) {
  res.cookie(name, value, { httpOnly: true, secure: true });
}` },
          ],
        },
      ],
    },
    {
      name: "all: preference cookies too",
      options: [{"cookies":"all"}],
      code: `res.cookie('theme', 'dark');`,
      errors: [
        {
          messageId: 'missingBoth', line: 1, column: 1, endLine: 1, endColumn: 11,
          data: { setter: "Express `res.cookie`", cookie: "the cookie `theme`", problems: "without `httpOnly` and without `secure`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true` and `secure: true`" }, output: `res.cookie('theme', 'dark', { httpOnly: true, secure: true });` },
          ],
        },
      ],
    },
    {
      name: "checkTestFiles reports in test files",
      filename: "src/__tests__/auth.test.ts",
      options: [{"checkTestFiles":true}],
      code: `res.cookie('token', t);`,
      errors: [
        {
          messageId: 'missingBoth', line: 1, column: 1, endLine: 1, endColumn: 11,
          data: { setter: "Express `res.cookie`", cookie: "the auth cookie `token`", problems: "without `httpOnly` and without `secure`", fix: setterFix("Express `res.cookie`") },
          suggestions: [
            { messageId: 'addFlags', data: { flags: "`httpOnly: true` and `secure: true`" }, output: `res.cookie('token', t, { httpOnly: true, secure: true });` },
          ],
        },
      ],
    },
  ],
});
