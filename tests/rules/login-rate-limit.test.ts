import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/login-rate-limit.js';
import { LIMITER_FIX } from '../../src/models/rate-limiters.js';
import { ruleTester } from '../rule-tester.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

ruleTester.run('login-rate-limit', rule, {
  assertionOptions: { requireData: true, requireLocation: true },
  valid: [
    {
      name: "express: limiter on the route (default import)",
      code: `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 10 });
app.post('/login', loginLimiter, (req, res) => res.json(req.body));`,
    },
    {
      name: "express: renamed named import on the router",
      code: `import { Router } from 'express';
import { rateLimit as limit } from 'express-rate-limit';
const router = Router();
router.use(limit({ windowMs: 60_000, limit: 5 }));
router.post('/signin', signIn);
router.post('/password/forgot', forgot);`,
    },
    {
      name: "express: destructured require applied to the whole app",
      code: `const express = require('express');
const { rateLimit } = require('express-rate-limit');
const app = express();
app.use(rateLimit({ windowMs: 60_000, limit: 100 }));
app.post('/login', (req, res) => res.end());
app.post('/api/token', issueToken);`,
    },
    {
      name: "express: limiter in front of a mounted router",
      code: `const express = require('express');
const rateLimit = require('express-rate-limit');
const app = express();
const authRouter = express.Router();
authRouter.post('/login', (req, res) => res.end());
authRouter.post('/otp/verify', (req, res) => res.end());
app.use('/auth', rateLimit({ limit: 10 }), authRouter);`,
    },
    {
      name: "express: path-scoped limiter covers the routes under it",
      code: `const express = require('express');
const slowDown = require('express-slow-down');
const app = express();
app.use('/auth', slowDown({ windowMs: 60_000, delayAfter: 3 }));
app.post('/auth/login', login);
app.use(['/reset', '/forgot'], slowDown({ delayAfter: 1 }));
app.post('/reset/:token', reset);`,
    },
    {
      name: "express: route chains, express-brute and limiter arrays",
      code: `const express = require('express');
const ExpressBrute = require('express-brute');
const router = express.Router();
const bruteforce = new ExpressBrute(new ExpressBrute.MemoryStore());
router.route('/login').get((req, res) => res.render('login')).post(bruteforce.prevent, login);
const guards = [bruteforce.prevent, validate];
router.post('/signin', ...guards, login);
router.post('/session', [bruteforce.getMiddleware({ key: (req, res, next) => next(req.body.email) })], login);`,
    },
    {
      name: "limiters this file does not import from a library are known by name",
      code: `const express = require('express');
const { loginLimiter } = require('../middleware/limits');
const limits = require('./limits');
const router = express.Router();
router.post('/login', loginLimiter, login);
router.post('/otp', limits.otpRateLimit, verifyOtp);
router.post('/token', throttle('token'), issueToken);`,
    },
    {
      name: "unknown middleware spread into the route may be the limiter",
      code: `const express = require('express');
const router = express.Router();
router.post('/login', ...authMiddleware, login);`,
    },
    {
      name: "koa-router: a local middleware around rate-limiter-flexible",
      code: `import Router from '@koa/router';
import { RateLimiterMemory } from 'rate-limiter-flexible';
const limiter = new RateLimiterMemory({ points: 5, duration: 60 });
async function guard(ctx, next) {
  await limiter.consume(ctx.ip);
  await next();
}
const router = new Router();
router.post('/login', guard, async (ctx) => { ctx.body = {}; });`,
    },
    {
      name: "koa-router: the limit is checked inside the handler; koa-ratelimit on the app",
      code: `const Koa = require('koa');
const Router = require('koa-router');
const ratelimit = require('koa-ratelimit');
const { RateLimiterRedis } = require('rate-limiter-flexible');
const app = new Koa();
const router = new Router();
const limiter = new RateLimiterRedis({ storeClient: redis, points: 5, duration: 60 });
router.post('/login', async (ctx) => {
  await limiter.consume(ctx.ip).catch(() => ctx.throw(429));
  ctx.body = {};
});
const auth = new Router();
auth.post('/token', issueToken);
app.use(ratelimit({ driver: 'memory', db: new Map(), duration: 60000, max: 100 }));
app.use(auth.routes());`,
    },
    {
      name: "fastify: global plugin, per-route config, hooks",
      code: `import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
const app = Fastify();
await app.register(rateLimit, { max: 100, timeWindow: '1 minute' });
app.post('/login', async () => ({}));
const api = Fastify();
await api.register(import('@fastify/rate-limit'), { global: false });
api.post('/login', { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async () => ({}));
api.route({ method: 'POST', url: '/token', config: { rateLimit: { max: 5 } }, handler: async () => ({}) });
api.post('/otp/verify', { onRequest: api.rateLimit({ max: 3 }) }, async () => ({}));`,
    },
    {
      name: "fastify: a plugin registered on a limited instance",
      code: `const fastify = require('fastify')({ logger: true });
fastify.register(require('@fastify/rate-limit'), { max: 100 });
fastify.register(async function authRoutes(instance) {
  instance.post('/login', async () => ({}));
}, { prefix: '/auth' });`,
    },
    {
      name: "hono: rateLimiter on every path and on a prefix",
      code: `import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
const app = new Hono();
app.use('*', rateLimiter({ windowMs: 60_000, limit: 60, keyGenerator: (c) => c.req.header('x-real-ip') ?? '' }));
app.post('/login', (c) => c.json({}));
const auth = new Hono();
auth.use('/otp/*', rateLimiter({ windowMs: 60_000, limit: 5, keyGenerator: () => 'k' }));
auth.post('/otp/verify', (c) => c.json({}));`,
    },
    {
      name: "hono: a registration chain limited at its head",
      code: `import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
export const authRoute = new Hono()
  .use('*', rateLimiter({ windowMs: 60_000, limit: 5, keyGenerator: () => 'k' }))
  .post('/signin', async (c) => c.json(await signIn(await c.req.json())))
  .post('/forgot-password', async (c) => c.json({}));`,
    },
    {
      name: "hono: a limited sub-app mounted with route()",
      code: `import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
const app = new Hono();
const auth = new Hono();
auth.post('/login', (c) => c.json({}));
app.use('/auth/*', rateLimiter({ windowMs: 60_000, limit: 5, keyGenerator: () => 'k' }));
app.route('/auth', auth);`,
    },
    {
      name: "Nest: @Throttle on the method, ThrottlerGuard on the controller",
      code: `import { Controller, Post, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
@Controller('auth')
export class AuthController {
  @Throttle({ default: { limit: 3, ttl: 60000 } })
  @Post('login')
  login() {}
}
@UseGuards(ThrottlerGuard)
@Controller('otp')
export class OtpController {
  @Post('verify')
  verify() {}
}`,
    },
    {
      name: "Nest: a global throttler guard provided in the same file",
      code: `import { Controller, Module, Post } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
@Controller()
class AuthController {
  @Post('signin')
  signIn() {}
}
@Module({
  imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])],
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class AppModule {}`,
    },
    {
      name: "Nest: a global APP_GUARD throttler in a module file above the controller",
      filename: path.join(ROOT, 'fixtures/examples/own/login-nest-global/src/auth/sign-in.controller.ts'),
      code: `import { Controller, Post } from '@nestjs/common';
@Controller('auth')
export class SignInController {
  @Post('login')
  login() {}
}`,
    },
    {
      name: "Next.js: limiter checked in the route handler",
      filename: "app/api/auth/login/route.ts",
      code: `import { Ratelimit } from '@upstash/ratelimit';
const ratelimit = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(5, '1 m') });
export async function POST(request: Request) {
  const { success } = await ratelimit.limit(request.headers.get('x-forwarded-for') ?? 'anon');
  if (!success) return new Response('Too many requests', { status: 429 });
  return Response.json({});
}`,
    },
    {
      name: "Next.js: a local helper that checks the limit",
      filename: "pages/api/login.ts",
      code: `import { checkRateLimit } from '@/lib/limits';
export default async function handler(req, res) {
  await checkRateLimit(req);
  res.json({});
}`,
    },
    {
      name: "Next.js: a handler wrapped in a limiter",
      filename: "app/api/otp/verify/route.ts",
      code: `import { withRateLimit } from '@/lib/with-rate-limit';
export const POST = withRateLimit(async (request: Request) => Response.json(await verifyOtp(await request.json())), { limit: 5 });`,
    },
    {
      name: "GET routes that render a form, and routes that do not take credentials",
      code: `const express = require('express');
const router = express.Router();
router.get('/login', (req, res) => res.render('login'));
router.get('/reset/:token', (req, res) => res.render('reset', { token: req.params.token }));
router.get('/auth/me', (req, res) => res.json(req.user));
router.post('/auth/logout', (req, res) => req.logout(() => res.redirect('/')));
router.post('/auth/register', register);
router.post('/sign-up', register);
router.post('/auth/refresh', refresh);
router.delete('/session', (req, res) => req.session.destroy(() => res.end()));
router.post('/orders', createOrder);
router.get('/magic/:token', (req, res) => res.render('confirm-magic-link', { token: req.params.token }));`,
    },
    {
      name: "HTTP clients and look-alike calls are not routes",
      code: `import axios from 'axios';
import request from 'supertest';
const api = axios.create({ baseURL: '/api' });
export async function signIn(email, password) {
  await api.post('/auth/login', { email, password });
  await axios.post('/login', { email, password });
  await http.post('/token', credentials);
  await request(app).post('/login').send({ email, password });
  cache.post('/login', 1);
}`,
    },
    {
      name: "a hand-made API client imported from the app is not a router",
      code: `import api from './api';
export const login = (credentials) => api.post('/auth/login', credentials);
export const signIn = (email, password) => api.post('/auth/signin', { email, password });
export const reset = (body) => api.post('/password/reset', JSON.stringify(body));
export const otp = (state) => api.post('/otp/verify', state.otpForm);`,
    },
    {
      name: "test files are skipped by default",
      filename: "test/auth.test.js",
      code: `const app = require('express')();
app.post('/login', (req, res) => res.end());`,
    },
    {
      name: "empty file",
      code: ``,
    },
    {
      name: "odd syntax does not crash",
      code: `const app = require('express')();
app[method]('/login', h);
app.post(\`/\${prefix}/login\`, ...[]);
app.post();
app.use();
app.route();
app.register();
new (class { @Post() x() {} })();
router.route('/x')?.post?.(h);
export const GET = 1;`,
    },
    {
      name: "project: a router file whose mount in app.js passes a limiter (fixtures/projects/express-mounted)",
      filename: path.join(ROOT, 'fixtures/projects/express-mounted/routes/auth.js'),
      code: `const express = require('express');
const router = express.Router();
router.post('/login', (req, res) => res.json(req.body));
module.exports = router;`,
    },
    {
      name: "project: Nest @SkipThrottle({ burst: true }) leaves the global guard's default throttler on",
      filename: path.join(ROOT, 'fixtures/projects/nest-throttlers/src/auth/sign-in.controller.ts'),
      code: `import { Controller, Post } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
@SkipThrottle({ burst: true })
@Controller('auth')
export class SignInController {
  @Post('login')
  login() {}
}`,
    },
    {
      name: "project: Nest @SkipThrottle() skips only `default`; the configured `burst` throttler still applies",
      filename: path.join(ROOT, 'fixtures/projects/nest-throttlers/src/auth/sign-in.controller.ts'),
      code: `import { Controller, Post } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
@SkipThrottle()
@Controller('auth')
export class SignInController {
  @Post('login')
  login() {}
}`,
    },
  ],
  invalid: [
    {
      name: "express: a router that is also the module's export (`const router = module.exports = express.Router()`)",
      code: `const express = require('express');
const passport = require('passport');
const authRouter = module.exports = express.Router();
authRouter.post('/auth/local', passport.authenticate('local'));`,
      errors: [
        { messageId: 'unlimited', line: 4, column: 12, endLine: 4, endColumn: 30, data: { route: "POST /auth/local", fix: LIMITER_FIX.express } },
      ],
    },
    {
      name: "hono: every route of a registration chain is a route (a limiter on another chain does not count)",
      code: `import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
const other = new Hono().use('*', rateLimiter({ windowMs: 60_000, limit: 5, keyGenerator: () => 'k' }));
export const authRoute = new Hono()
  .get('/me', (c) => c.json({}))
  .post('/signin', async (c) => c.json(await signIn(await c.req.json())))
  .post('/reset-password', async (c) => c.json({}));`,
      errors: [
        { messageId: 'unlimited', line: 6, column: 4, endLine: 6, endColumn: 18, data: { route: "POST /signin", fix: LIMITER_FIX.hono } },
        { messageId: 'unlimited', line: 7, column: 4, endLine: 7, endColumn: 26, data: { route: "POST /reset-password", fix: LIMITER_FIX.hono } },
      ],
    },
    {
      name: "express: app route without a limiter",
      code: `import express from 'express';
const app = express();
app.post('/login', (req, res) => res.json(req.body));`,
      errors: [
        { messageId: 'unlimited', line: 3, column: 5, endLine: 3, endColumn: 18, data: { route: "POST /login", fix: LIMITER_FIX.express } },
      ],
    },
    {
      name: "express: a limiter on another router or another prefix does not count",
      code: `const express = require('express');
const rateLimit = require('express-rate-limit');
const app = express();
const admin = express.Router();
const router = express.Router();
admin.use(rateLimit({ limit: 5 }));
router.post('/login', login);
app.use('/api', rateLimit({ limit: 5 }));
app.post('/auth/login', login);
app.use('/account', router);`,
      errors: [
        { messageId: 'unlimited', line: 7, column: 8, endLine: 7, endColumn: 21, data: { route: "POST /account/login", fix: LIMITER_FIX.express } },
        { messageId: 'unlimited', line: 9, column: 5, endLine: 9, endColumn: 23, data: { route: "POST /auth/login", fix: LIMITER_FIX.express } },
      ],
    },
    {
      name: "express: route chain, handler name, password reset and OTP routes",
      code: `const express = require('express');
const router = express.Router();
router.route('/signin').get(showForm).post(signIn);
router.post('/', authController.login);
router.put('/password/reset/:token', resetPassword);
router.post('/2fa/verify', verify);
router.post('/session', createSession);`,
      errors: [
        { messageId: 'unlimited', line: 3, column: 39, endLine: 3, endColumn: 43, data: { route: "POST /signin", fix: LIMITER_FIX.express } },
        { messageId: 'unlimited', line: 4, column: 8, endLine: 4, endColumn: 16, data: { route: "POST / (login)", fix: LIMITER_FIX.express } },
        { messageId: 'unlimited', line: 5, column: 8, endLine: 5, endColumn: 36, data: { route: "PUT /password/reset/:token", fix: LIMITER_FIX.express } },
        { messageId: 'unlimited', line: 6, column: 8, endLine: 6, endColumn: 26, data: { route: "POST /2fa/verify", fix: LIMITER_FIX.express } },
        { messageId: 'unlimited', line: 7, column: 8, endLine: 7, endColumn: 23, data: { route: "POST /session", fix: LIMITER_FIX.express } },
      ],
    },
    {
      name: "express: passport.authenticate as the handler, and a magic link consumed by GET",
      code: `const express = require('express');
const passport = require('passport');
const router = express.Router();
router.post('/', passport.authenticate('local', { failureRedirect: '/' }));
router.get('/magic/:token', async (req, res) => {
  const user = await links.consume(req.params.token);
  res.redirect('/');
});`,
      errors: [
        { messageId: 'unlimited', line: 4, column: 8, endLine: 4, endColumn: 16, data: { route: "POST / (authenticate)", fix: LIMITER_FIX.express } },
        { messageId: 'unlimited', line: 5, column: 8, endLine: 5, endColumn: 27, data: { route: "GET /magic/:token", fix: LIMITER_FIX.express } },
      ],
    },
    {
      name: "a router in routes/login.js registered at /",
      filename: "routes/login.js",
      code: `const router = require('express').Router();
router.post('/', async (req, res) => res.end());
module.exports = router;`,
      errors: [
        { messageId: 'unlimited', line: 2, column: 8, endLine: 2, endColumn: 16, data: { route: "POST /", fix: LIMITER_FIX.express } },
      ],
    },
    {
      name: "an app passed in as a parameter",
      code: `module.exports = function registerRoutes(app) {
  app.post('/login', handlers.login);
};`,
      errors: [
        { messageId: 'unlimited', line: 2, column: 7, endLine: 2, endColumn: 20, data: { route: "POST /login", fix: LIMITER_FIX.unknown } },
      ],
    },
    {
      name: "koa-router: no limiter, named route",
      code: `import Router from '@koa/router';
const router = new Router();
router.post('login', '/login', async (ctx) => { ctx.body = {}; });
router.post('/otp', async (ctx) => { ctx.body = {}; });`,
      errors: [
        { messageId: 'unlimited', line: 3, column: 8, endLine: 3, endColumn: 30, data: { route: "POST /login", fix: LIMITER_FIX.koa } },
        { messageId: 'unlimited', line: 4, column: 8, endLine: 4, endColumn: 19, data: { route: "POST /otp", fix: LIMITER_FIX.koa } },
      ],
    },
    {
      name: "koa-router: the router prefix says what the routes are for",
      code: `const Router = require('@koa/router');
const router = new Router({ prefix: '/auth' });
router.post('/', async (ctx) => { ctx.body = {}; });
router.post('/register', async (ctx) => { ctx.body = {}; });
module.exports = router;`,
      errors: [
        { messageId: 'unlimited', line: 3, column: 8, endLine: 3, endColumn: 16, data: { route: "POST /auth", fix: LIMITER_FIX.koa } },
      ],
    },
    {
      name: "fastify: limiter turned off for the route, or not global",
      code: `import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
const app = Fastify();
await app.register(rateLimit, { max: 100 });
app.post('/login', { config: { rateLimit: false } }, async () => ({}));
const api = Fastify();
await api.register(rateLimit, { global: false });
api.route({ method: 'POST', url: '/token', handler: async () => ({}) });
async function routes(fastify) {
  fastify.post('/login', async () => ({}));
}
export default routes;`,
      errors: [
        { messageId: 'unlimited', line: 5, column: 5, endLine: 5, endColumn: 18, data: { route: "POST /login", fix: LIMITER_FIX.fastify } },
        { messageId: 'unlimited', line: 8, column: 5, endLine: 8, endColumn: 10, data: { route: "POST /token", fix: LIMITER_FIX.fastify } },
        { messageId: 'unlimited', line: 10, column: 11, endLine: 10, endColumn: 24, data: { route: "POST /login", fix: LIMITER_FIX.fastify } },
      ],
    },
    {
      name: "hono: no limiter, app.on",
      code: `import { Hono } from 'hono';
const app = new Hono();
app.post('/login', async (c) => c.json({}));
app.on('POST', '/sign-in', async (c) => c.json({}));`,
      errors: [
        { messageId: 'unlimited', line: 3, column: 5, endLine: 3, endColumn: 18, data: { route: "POST /login", fix: LIMITER_FIX.hono } },
        { messageId: 'unlimited', line: 4, column: 5, endLine: 4, endColumn: 26, data: { route: "POST /sign-in", fix: LIMITER_FIX.hono } },
      ],
    },
    {
      name: "hono basePath and fastify type providers are still the app",
      code: `import { Hono } from 'hono';
import Fastify from 'fastify';
const api = new Hono().basePath('/api');
api.post('/login', (c) => c.json({}));
const app = Fastify().withTypeProvider();
app.post('/token', async () => ({}));`,
      errors: [
        { messageId: 'unlimited', line: 4, column: 5, endLine: 4, endColumn: 18, data: { route: "POST /login", fix: LIMITER_FIX.hono } },
        { messageId: 'unlimited', line: 6, column: 5, endLine: 6, endColumn: 18, data: { route: "POST /token", fix: LIMITER_FIX.fastify } },
      ],
    },
    {
      name: "Nest: no throttling, and @SkipThrottle under a throttled controller",
      code: `import { Controller, Post, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
@Controller('auth')
export class AuthController {
  @Post('login')
  login() {}
  @Post('register')
  register() {}
}
@UseGuards(ThrottlerGuard)
@Controller('otp')
export class OtpController {
  @SkipThrottle()
  @Post('verify')
  verify() {}
}`,
      errors: [
        { messageId: 'unlimited', line: 5, column: 3, endLine: 5, endColumn: 17, data: { route: "POST /auth/login", fix: LIMITER_FIX.nest } },
        { messageId: 'unlimited', line: 14, column: 3, endLine: 14, endColumn: 18, data: { route: "POST /otp/verify", fix: LIMITER_FIX.nest } },
      ],
    },
    {
      name: "Next.js: route handler and pages API without a limiter",
      filename: "app/api/auth/login/route.ts",
      code: `import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const { email, password } = await request.json();
  return NextResponse.json({ ok: await verify(email, password) });
}
export async function GET() {
  return NextResponse.json({});
}`,
      errors: [
        { messageId: 'unlimited', line: 2, column: 1, endLine: 2, endColumn: 27, data: { route: "POST /api/auth/login", fix: LIMITER_FIX.next } },
      ],
    },
    {
      name: "Next.js pages API default export",
      filename: "src/pages/api/forgot-password.ts",
      code: `export default async function handler(req, res) {
  await sendReset(req.body.email);
  res.status(202).end();
}`,
      errors: [
        { messageId: 'unlimited', line: 1, column: 1, endLine: 1, endColumn: 38, data: { route: "ANY /api/forgot-password", fix: LIMITER_FIX.next } },
      ],
    },
    {
      name: "Nest: the same controller without a module that throttles",
      filename: path.join(ROOT, 'fixtures/examples/own/login-nest/src/auth/sign-in.controller.ts'),
      code: `import { Controller, Post } from '@nestjs/common';
@Controller('auth')
export class SignInController {
  @Post('login')
  login() {}
}`,
      errors: [
        { messageId: 'unlimited', line: 4, column: 3, endLine: 4, endColumn: 17, data: { route: "POST /auth/login", fix: LIMITER_FIX.nest } },
      ],
    },
    {
      name: "checkTestFiles: true reports in test files",
      filename: "test/auth.test.js",
      options: [{ checkTestFiles: true }],
      code: `const app = require('express')();
app.post('/login', (req, res) => res.end());`,
      errors: [
        { messageId: 'unlimited', line: 2, column: 5, endLine: 2, endColumn: 18, data: { route: "POST /login", fix: LIMITER_FIX.express } },
      ],
    },
    {
      name: "project: a router file mounted in app.js without a limiter",
      filename: path.join(ROOT, 'fixtures/projects/express-mounted/routes/account.js'),
      code: `const { Router } = require('express');
const router = Router();
router.post('/reset-password', (req, res) => res.end());
module.exports = router;`,
      errors: [
        { messageId: 'unlimited', line: 3, column: 8, endLine: 3, endColumn: 30, data: { route: "POST /reset-password", fix: LIMITER_FIX.express } },
      ],
    },
    {
      name: "project: Nest @SkipThrottle naming every configured throttler",
      filename: path.join(ROOT, 'fixtures/projects/nest-throttlers/src/auth/sign-in.controller.ts'),
      code: `import { Controller, Post } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
@SkipThrottle({ default: true, burst: true })
@Controller('auth')
export class SignInController {
  @Post('login')
  login() {}
}`,
      errors: [
        { messageId: 'unlimited', line: 6, column: 3, endLine: 6, endColumn: 17, data: { route: "POST /auth/login", fix: LIMITER_FIX.nest } },
      ],
    },
  ],
});
