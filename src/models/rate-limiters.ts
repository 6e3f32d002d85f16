/**
 * Libraries that limit requests, and how each is wired into a route: a
 * middleware factory, a check called inside the handler, a fastify plugin, a
 * Nest decorator or guard. Data only; `login-rate-limit` reads it through
 * core/routes.ts and core/modules.ts.
 */
import type { RouteFramework } from './frameworks.js';

/** How a limiter is applied. */
export type LimiterRole =
  /** An expression that is a middleware (`rateLimit({...})`, `new ExpressBrute(s).prevent`). */
  | 'middleware'
  /** A call that checks the limit inside a handler or middleware (`limiter.consume(ip)`, `ratelimit.limit(id)`). */
  | 'check'
  /** A fastify plugin registered on an instance (`app.register(rateLimit, opts)`); `global: false` turns it into per-route config. */
  | 'plugin'
  /** A Nest decorator on a method or controller (`@Throttle(...)`). */
  | 'decorator'
  /** A Nest guard class (`@UseGuards(ThrottlerGuard)`, `{ provide: APP_GUARD, useClass: ThrottlerGuard }`). */
  | 'guard'
  /** A Nest module that configures throttling (`ThrottlerModule.forRoot(...)`). */
  | 'module'
  /** A Nest decorator that turns the limiter off for a route or controller (`@SkipThrottle()`). */
  | 'skip';

export interface LimiterRef {
  readonly role: LimiterRole;
  /** The ref path inside the module (`()` for a call, `new` for a construction); for `check`, any call ending in one of `methods`. */
  readonly path: readonly string[];
  /** For `check`: the instance methods that consume the limit. */
  readonly methods?: readonly string[];
}

export interface RateLimiterModel {
  readonly module: string | readonly string[];
  readonly refs: readonly LimiterRef[];
}

const CALLED_DEFAULT: readonly LimiterRef[] = [
  { role: 'middleware', path: ['()'] },
  { role: 'middleware', path: ['default', '()'] },
];

export const RATE_LIMITERS: readonly RateLimiterModel[] = [
  {
    module: 'express-rate-limit',
    refs: [...CALLED_DEFAULT, { role: 'middleware', path: ['rateLimit', '()'] }],
  },
  {
    module: 'express-slow-down',
    refs: [...CALLED_DEFAULT, { role: 'middleware', path: ['slowDown', '()'] }],
  },
  {
    module: 'express-brute',
    refs: [
      { role: 'middleware', path: ['new', 'prevent'] },
      { role: 'middleware', path: ['new', 'getMiddleware', '()'] },
    ],
  },
  {
    module: 'rate-limiter-flexible',
    refs: [{ role: 'check', path: [], methods: ['consume', 'penalty', 'get', 'block'] }],
  },
  {
    module: '@upstash/ratelimit',
    refs: [{ role: 'check', path: [], methods: ['limit', 'blockUntilReady'] }],
  },
  {
    module: ['koa-ratelimit', 'koa2-ratelimit'],
    refs: [...CALLED_DEFAULT, { role: 'middleware', path: ['RateLimit', 'middleware', '()'] }],
  },
  {
    module: ['hono-rate-limiter', '@hono-rate-limiter/cloudflare', '@hono-rate-limiter/redis'],
    refs: [
      { role: 'middleware', path: ['rateLimiter', '()'] },
      { role: 'middleware', path: ['cloudflareRateLimiter', '()'] },
    ],
  },
  {
    module: ['@fastify/rate-limit', 'fastify-rate-limit'],
    refs: [{ role: 'plugin', path: [] }],
  },
  {
    module: '@nestjs/throttler',
    refs: [
      { role: 'decorator', path: ['Throttle', '()'] },
      { role: 'guard', path: ['ThrottlerGuard'] },
      { role: 'module', path: ['ThrottlerModule'] },
      { role: 'skip', path: ['SkipThrottle', '()'] },
    ],
  },
];

/**
 * Words that name a limiter the file does not import from a known library
 * (`loginLimiter` from `../middleware/limits`, `fastify.rateLimit()`,
 * `checkRateLimit(ip)`, `bruteforce.prevent`, `LoginThrottlerGuard`).
 */
export const LIMITER_WORDS: readonly string[] = [
  'limiter', 'limiters', 'ratelimit', 'ratelimiter', 'ratelimiting', 'throttle', 'throttler', 'throttled', 'throttling',
  'brute', 'bruteforce', 'slowdown',
];

/** Word pairs that name a limiter (`rateLimit`, `slow_down`, `loginLimit`). */
export const LIMITER_WORD_PAIRS: readonly (readonly [string, string])[] = [
  ['rate', 'limit'], ['rate', 'limited'], ['slow', 'down'], ['login', 'limit'], ['auth', 'limit'], ['request', 'limit'],
  ['attempt', 'limit'], ['attempts', 'limit'],
];

/**
 * A hand-written token bucket (`totpBucket.check(userId, 1)`,
 * `loginBucket.consume(ip, 1)`): a call of one of these methods on a value
 * named with one of these words checks a limit.
 */
export const BUCKET_WORDS: readonly string[] = ['bucket', 'buckets', 'tokenbucket'];
export const BUCKET_CHECK_METHODS: readonly string[] = ['consume', 'check', 'take', 'removeTokens', 'tryRemoveTokens'];

/** The limiter to show in the message, per framework. */
export const LIMITER_FIX: Readonly<Record<RouteFramework, string>> = {
  express: "add a limiter to the route, e.g. `const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 10 })` from express-rate-limit and `router.post('/login', loginLimiter, handler)` (or `router.use(loginLimiter)`)",
  socketio: "check a limiter at the top of the event handler, e.g. a rate-limiter-flexible `await loginLimiter.consume(socket.handshake.address)` (answering the ack with an error when it rejects)",
  unknown: "add a limiter to the route, e.g. `const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 10 })` from express-rate-limit and `router.post('/login', loginLimiter, handler)`",
  koa: 'add a limiter middleware to the route, e.g. koa-ratelimit `router.post(\'/login\', ratelimit({ driver: \'memory\', db: new Map(), duration: 60_000, max: 10 }), handler)` or a rate-limiter-flexible `await limiter.consume(ctx.ip)` in the handler',
  fastify: "register @fastify/rate-limit (`await app.register(rateLimit, { global: false })`) and give the route `config: { rateLimit: { max: 5, timeWindow: '1 minute' } }`",
  hono: "add a limiter, e.g. hono-rate-limiter `app.use('/login', rateLimiter({ windowMs: 15 * 60 * 1000, limit: 10, keyGenerator: (c) => c.req.header('x-forwarded-for') ?? '' }))`",
  nest: "throttle it: `@UseGuards(ThrottlerGuard)` with `@Throttle({ default: { limit: 5, ttl: 60_000 } })` from @nestjs/throttler (or a global `{ provide: APP_GUARD, useClass: ThrottlerGuard }`; for a GraphQL resolver, a `ThrottlerGuard` subclass whose `getRequestResponse` reads the request from `GqlExecutionContext`)",
  next: 'check a limit at the top of the handler, e.g. `const { success } = await ratelimit.limit(ip)` with @upstash/ratelimit (or rate-limiter-flexible `await limiter.consume(ip)`) and return 429 when it fails',
  'next-action': "check a limit at the top of the server action, keyed by the client's address and the account, e.g. `const ip = (await headers()).get('x-forwarded-for') ?? ''` and `const { success } = await ratelimit.limit(`login:${ip}`)` with @upstash/ratelimit (or rate-limiter-flexible `await limiter.consume(ip)`), and return an error when it fails: a server action is a public POST endpoint",
  remix: "check a limit at the top of the `action`, e.g. `const { success } = await ratelimit.limit(request.headers.get('x-forwarded-for') ?? '')` with @upstash/ratelimit (or rate-limiter-flexible `await limiter.consume(ip)`), and return a 429 response when it fails",
  sveltekit: "check a limit at the top of the action, e.g. `const { success } = await ratelimit.limit(event.getClientAddress())` with @upstash/ratelimit (or rate-limiter-flexible `await limiter.consume(event.getClientAddress())`) and `return fail(429, …)` when it fails, or limit the path in a `handle` hook",
  graphql: 'limit the resolver, e.g. a rate-limiter-flexible `await limiter.consume(`login:${ctx.ip}:${args.email}`)` at its top (or graphql-rate-limit\'s `@rateLimit` directive / a graphql-shield rate-limit rule on the mutation); a limiter in front of the GraphQL endpoint counts requests, not login attempts batched into one request',
  'auth-callback': 'check a limit at the top of `authorize`, e.g. `const { success } = await ratelimit.limit(`login:${credentials.email}`)` with @upstash/ratelimit (or rate-limiter-flexible `await limiter.consume(key)`) and return null when it fails, or limit `/api/auth/callback/credentials` in middleware',
  egg: "add a limiter middleware to the route, e.g. `router.post('/login', app.middleware.rateLimit({ max: 10, duration: 60_000 }), controller.user.login)` built on koa-ratelimit or rate-limiter-flexible (`await limiter.consume(ctx.ip)`)",
};
