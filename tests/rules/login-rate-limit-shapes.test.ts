/**
 * login-rate-limit over handlers served without a router call (server actions,
 * Remix / SvelteKit actions, GraphQL resolvers, Auth.js `authorize`, tegg
 * controllers) and routes registered through the project's own helpers.
 * Every credential handler here both reads the user's input and checks a
 * password, and is named or routed like a login.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/login-rate-limit.js';
import { LIMITER_FIX } from '../../src/models/rate-limiters.js';
import { ruleTester } from '../rule-tester.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (rel: string): { filename: string; code: string } => {
  const filename = path.join(ROOT, 'fixtures/projects', rel);
  return { filename, code: fs.readFileSync(filename, 'utf8').replace(' // expect: rate-limit', '') };
};

const CHECK = `if (!user || !(await bcrypt.compare(password, user.hash))) throw new Error('Invalid');`;

ruleTester.run('login-rate-limit (route shapes)', rule, {
  valid: [
    {
      name: 'server action: a profile update checks no credential',
      filename: 'app/(account)/actions.ts',
      code: `'use server';
import { db } from './db';
export async function updateProfile(formData: FormData) {
  await db.user.update({ where: { id: 1 }, data: { name: String(formData.get('name')) } });
}`,
    },
    {
      name: 'server action: limited at its top',
      filename: 'app/(login)/actions.ts',
      code: `'use server';
import bcrypt from 'bcryptjs';
import { headers } from 'next/headers';
import { Ratelimit } from '@upstash/ratelimit';
import { db } from './db';
const ratelimit = new Ratelimit({ redis: db.redis, limiter: Ratelimit.slidingWindow(5, '1 m') });
export async function signIn(formData: FormData) {
  const { success } = await ratelimit.limit((await headers()).get('x-forwarded-for') ?? '');
  if (!success) return { error: 'Too many attempts' };
  const password = String(formData.get('password'));
  const user = await db.user.findUnique({ where: { email: String(formData.get('email')) } });
  ${CHECK}
}`,
    },
    {
      name: "a module without 'use server' exporting signIn is not a route",
      filename: 'lib/client.ts',
      code: `export async function signIn(formData: FormData) {
  return fetch('/api/login', { method: 'POST', body: formData });
}`,
    },
    {
      name: 'Remix: a join action checks no credential',
      filename: 'app/routes/join.tsx',
      code: `import type { ActionFunctionArgs } from '@remix-run/node';
import { createUser } from './user.server';
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  return createUser(String(form.get('email')), String(form.get('name')));
}`,
    },
    {
      name: 'GraphQL: a resolver that limits, and maps that are not resolvers',
      code: `import bcrypt from 'bcryptjs';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { users } from './store';
const limiter = new RateLimiterMemory({ points: 5, duration: 60 });
export const resolvers = {
  Mutation: {
    login: async (_: unknown, args: { username: string; password: string }, ctx: { ip: string }) => {
      await limiter.consume(ctx.ip);
      const password = args.password;
      const user = await users.findOne({ username: args.username });
      ${CHECK}
      return user.id;
    },
    updateProfile: async (_: unknown, args: { name: string }) => users.update(args),
  },
};
export const typeMap = { Query: { login: 'String' } };`,
    },
    {
      name: 'Nest GraphQL: a throttled resolver',
      code: `import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { GqlThrottlerGuard } from './gql-throttler.guard';
import * as bcrypt from 'bcryptjs';
@UseGuards(GqlThrottlerGuard)
@Resolver()
export class AuthResolver {
  constructor(private users: any) {}
  @Mutation(() => String)
  async login(@Args('email') email: string, @Args('password') password: string) {
    const user = await this.users.findOne(email);
    ${CHECK}
    return 'ok';
  }
}`,
    },
    {
      name: 'type-graphql and tegg: a limiter given by @UseMiddleware / @Middleware',
      code: `import { Arg, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { HTTPBody, HTTPController, HTTPMethod, HTTPMethodEnum, Middleware } from 'egg';
import bcrypt from 'bcryptjs';
import { rateLimit, loginLimiter } from './limits';
@Resolver()
export class AuthResolver {
  @UseMiddleware(rateLimit({ window: '1m', max: 5 }))
  @Mutation(() => String)
  async signIn(@Arg('email') email: string, @Arg('password') password: string) {
    const user = await findUser(email);
    ${CHECK}
    return 'ok';
  }
}
@Middleware(loginLimiter)
@HTTPController()
export class UserController {
  @HTTPMethod({ path: '/-/user/login', method: HTTPMethodEnum.POST })
  async login(@HTTPBody() body: { name: string; password: string }) {
    const password = body.password;
    const user = await findUser(body.name);
    ${CHECK}
  }
}`,
    },
    {
      name: 'SvelteKit: an action guarded by a hand-written token bucket',
      filename: 'src/routes/2fa/+page.server.ts',
      code: `import { fail } from '@sveltejs/kit';
import { totpBucket } from '$lib/server/2fa';
import { verifyTOTP } from '@oslojs/otp';
import bcrypt from 'bcryptjs';
export const actions = {
  default: async (event) => {
    if (!totpBucket.check(event.locals.user.id, 1)) return fail(429, { message: 'Too many requests' });
    const form = await event.request.formData();
    const password = String(form.get('password'));
    const user = await findUser(event.locals.user.id);
    ${CHECK}
    if (!totpBucket.consume(event.locals.user.id, 1)) return fail(429, { message: 'Too many requests' });
  },
};`,
    },
    {
      name: 'Auth.js: authorize limited at its top',
      code: `import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import bcrypt from 'bcryptjs';
import { checkRateLimit, getUser } from './db';
export const { handlers } = NextAuth({
  providers: [
    Credentials({
      async authorize({ email, password }: any) {
        await checkRateLimit(email);
        const user = await getUser(email);
        if (!user || !(await bcrypt.compare(password, user.hash))) return null;
        return user;
      },
    }),
  ],
});`,
    },
    {
      name: "own helper: the helper's router is limited",
      code: `const express = require('express');
const rateLimit = require('express-rate-limit');
const bcrypt = require('bcryptjs');
const router = express.Router();
router.use(rateLimit({ limit: 10 }));
function route(method, path, handler) {
  router[method.toLowerCase()](path, (req, res, next) => Promise.resolve(handler(req)).then((r) => res.json(r), next));
}
route('POST', '/login', async (req) => {
  const password = req.body.password;
  const user = await findUser(req.body.username);
  ${CHECK}
});
module.exports = router;`,
    },
    {
      name: 'client calls with a method and a path are not routes',
      code: `xhr.open('POST', '/login', true);
request('POST', '/login', { body: credentials });`,
    },
    {
      name: 'fastify: @fastify/rate-limit autoloaded from another folder covers autoloaded routes',
      ...fixture('fastify-autoload/src/routes/api/auth/index.ts'),
    },
    {
      name: 'fastify: an autoloaded fastify-plugin registering @fastify/rate-limit covers autoloaded routes',
      ...fixture('fastify-autoload-fp/src/routes/auth/index.ts'),
    },
    {
      name: 'route table: a limiter applied per path in a loop',
      code: `import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import bcrypt from 'bcryptjs';
const app = new Hono();
for (const path of ['/login', '/token']) app.use(path, rateLimiter({ windowMs: 60_000, limit: 5, keyGenerator: () => 'k' }));
app.post('/login', async (c) => {
  const { email, password } = await c.req.json();
  const user = await findUser(email);
  ${CHECK}
  return c.json({});
});`,
    },
    {
      name: "hono: a sub-app in another file, limited by the parent's app.use('/auth/*') where it is mounted",
      ...fixture('hono-mounted/src/routes/auth.ts'),
    },
  ],
  invalid: [
    {
      name: 'egg: a strategy held in a variable is named like the inline authenticate(...)',
      code: `module.exports = (app) => {
  const { router, controller } = app;
  const localStrategy = app.passport.authenticate('local', { successRedirect: '/', failureRedirect: '/signin' });
  router.post('/passport/local', localStrategy);
  router.post('/setting/profile', controller.user.updateProfile);
};`,
      errors: [{ messageId: 'unlimited', line: 4, column: 10, endLine: 4, endColumn: 32, data: { route: 'POST /passport/local', fix: LIMITER_FIX.unknown } }],
    },
    {
      name: 'hono: a sub-app mounted beside the limited prefix is not covered',
      ...fixture('hono-mounted/src/routes/profile.ts'),
      errors: [{ messageId: 'unlimited', line: 7, column: 9, endLine: 7, endColumn: 25, data: { route: 'POST /password', fix: LIMITER_FIX.hono } }],
    },
    {
      name: 'route table: a limiter applied in a loop to other paths does not cover the route',
      code: `import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import bcrypt from 'bcryptjs';
const app = new Hono();
for (const path of ['/token', '/otp']) app.use(path, rateLimiter({ windowMs: 60_000, limit: 5, keyGenerator: () => 'k' }));
app.post('/login', async (c) => {
  const { email, password } = await c.req.json();
  const user = await findUser(email);
  ${CHECK}
  return c.json({});
});`,
      errors: [{ messageId: 'unlimited', line: 6, column: 5, endLine: 6, endColumn: 18, data: { route: 'POST /login', fix: LIMITER_FIX.hono } }],
    },
    {
      name: 'route table: a literal array of routes registered in a loop',
      code: `const express = require('express');
const bcrypt = require('bcryptjs');
const app = express();
async function login(req, res) {
  const password = req.body.password;
  const user = await findUser(req.body.username);
  ${CHECK}
  res.json({ ok: true });
}
const routes = [
  { method: 'post', path: '/login', handler: login },
  { method: 'post', path: '/profile', handler: updateProfile },
];
for (const r of routes) app[r.method](r.path, r.handler);`,
      errors: [{ messageId: 'unlimited', line: 11, column: 3, endLine: 11, endColumn: 53, data: { route: 'POST /login', fix: LIMITER_FIX.express } }],
    },
    {
      name: 'fastify: an encapsulated autoloaded plugin limits only its own routes',
      ...fixture('fastify-autoload-open/src/routes/auth/index.ts'),
      errors: [{ messageId: 'unlimited', line: 5, column: 11, endLine: 5, endColumn: 24, data: { route: 'POST /login', fix: LIMITER_FIX.fastify } }],
    },
    {
      name: "server action: an exported async function of a 'use server' module",
      filename: 'app/(login)/actions.ts',
      code: `'use server';
import bcrypt from 'bcryptjs';
import { db } from './db';
export async function signIn(formData: FormData) {
  const password = String(formData.get('password'));
  const user = await db.user.findUnique({ where: { email: String(formData.get('email')) } });
  ${CHECK}
}
export async function updateProfile(formData: FormData) {
  await db.user.update({ where: { id: 1 }, data: { name: String(formData.get('name')) } });
}`,
      errors: [{ messageId: 'unlimited', line: 4, column: 23, endLine: 4, endColumn: 29, data: { route: 'POST  (signIn)', fix: LIMITER_FIX['next-action'] } }],
    },
    {
      name: 'server action: wrapped in a validation helper, and inline',
      filename: 'app/(login)/actions.ts',
      code: `'use server';
import bcrypt from 'bcryptjs';
import { validatedAction } from './middleware';
import { db } from './db';
export const signIn = validatedAction(schema, async (data, formData) => {
  const { email, password } = data;
  const user = await db.user.findUnique({ where: { email } });
  ${CHECK}
});`,
      errors: [{ messageId: 'unlimited', line: 5, column: 14, endLine: 5, endColumn: 20, data: { route: 'POST  (signIn)', fix: LIMITER_FIX['next-action'] } }],
    },
    {
      name: "server action: a function whose body starts with 'use server'",
      filename: 'app/login/page.tsx',
      code: `import bcrypt from 'bcryptjs';
import { db } from './db';
export default function Page() {
  async function login(formData: FormData) {
    'use server';
    const password = String(formData.get('password'));
    const user = await db.user.findUnique({ where: { email: String(formData.get('email')) } });
    ${CHECK}
  }
  return <form action={login} />;
}`,
      errors: [{ messageId: 'unlimited', line: 4, column: 18, endLine: 4, endColumn: 23, data: { route: 'POST  (login)', fix: LIMITER_FIX['next-action'] } }],
    },
    {
      name: 'Remix: the action of a flat route module',
      filename: 'app/routes/_auth+/login.tsx',
      code: `import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import bcrypt from 'bcryptjs';
import { findUserByEmail, createUserSession } from './session.server';
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const password = String(form.get('password'));
  const user = await findUserByEmail(String(form.get('email')));
  ${CHECK}
  return createUserSession(request, user.id, redirect('/'));
}`,
      errors: [{ messageId: 'unlimited', line: 4, column: 23, endLine: 4, endColumn: 29, data: { route: 'POST /login', fix: LIMITER_FIX.remix } }],
    },
    {
      name: 'SvelteKit: a default form action and a +server POST',
      filename: 'src/routes/(auth)/login/+page.server.ts',
      code: `import bcrypt from 'bcryptjs';
import { fail } from '@sveltejs/kit';
import { findUser } from '$lib/server/db';
export const actions = {
  default: async ({ request, cookies }) => {
    const form = await request.formData();
    const password = String(form.get('password'));
    const user = await findUser(String(form.get('email')));
    ${CHECK}
    cookies.set('session', user.id, { path: '/' });
  },
};`,
      errors: [{ messageId: 'unlimited', line: 5, column: 3, endLine: 5, endColumn: 10, data: { route: 'POST /login', fix: LIMITER_FIX.sveltekit } }],
    },
    {
      name: 'SvelteKit: a +server.ts POST handler',
      filename: 'src/routes/api/login/+server.ts',
      code: `import bcrypt from 'bcryptjs';
import { json } from '@sveltejs/kit';
import { findUser } from '$lib/server/db';
export const POST = async ({ request }) => {
  const { email, password } = await request.json();
  const user = await findUser(email);
  ${CHECK}
  return json({ ok: true });
};`,
      errors: [{ messageId: 'unlimited', line: 4, column: 14, endLine: 4, endColumn: 18, data: { route: 'POST /api/login', fix: LIMITER_FIX.sveltekit } }],
    },
    {
      name: 'GraphQL: an Apollo resolver map',
      code: `import { ApolloServer } from '@apollo/server';
import bcrypt from 'bcryptjs';
import { users, issueToken } from './store';
const resolvers = {
  Mutation: {
    login: async (_: unknown, args: { username: string; password: string }) => {
      const password = args.password;
      const user = await users.findOne({ username: args.username });
      ${CHECK}
      return issueToken(user);
    },
    updateProfile: async (_: unknown, args: { name: string }) => users.update(args),
  },
};
export const server = new ApolloServer({ typeDefs: 'type Mutation { login(username: String!, password: String!): String }', resolvers });`,
      errors: [{ messageId: 'unlimited', line: 6, column: 5, endLine: 6, endColumn: 10, data: { route: 'POST  (login)', fix: LIMITER_FIX.graphql } }],
    },
    {
      name: 'GraphQL: Nest @Resolver mutation, type-graphql resolver',
      code: `import { Args, Mutation, Resolver } from '@nestjs/graphql';
import * as bcrypt from 'bcryptjs';
@Resolver()
export class AuthResolver {
  constructor(private users: any) {}
  @Mutation(() => String)
  async login(@Args('email') email: string, @Args('password') password: string) {
    const user = await this.users.findOne(email);
    ${CHECK}
    return 'ok';
  }
  @Mutation(() => String)
  async updateProfile(@Args('name') name: string) {
    return this.users.update(name);
  }
}`,
      errors: [{ messageId: 'unlimited', line: 6, column: 3, endLine: 6, endColumn: 26, data: { route: 'POST  (login)', fix: LIMITER_FIX.nest } }],
    },
    {
      name: 'GraphQL: type-graphql resolver',
      code: `import { Arg, Mutation, Resolver } from 'type-graphql';
import bcrypt from 'bcryptjs';
@Resolver()
export class AuthResolver {
  @Mutation(() => String)
  async signIn(@Arg('email') email: string, @Arg('password') password: string) {
    const user = await findUser(email);
    ${CHECK}
    return 'ok';
  }
}`,
      errors: [{ messageId: 'unlimited', line: 5, column: 3, endLine: 5, endColumn: 26, data: { route: 'POST  (signIn)', fix: LIMITER_FIX.graphql } }],
    },
    {
      name: 'Auth.js: the credentials provider authorize callback',
      code: `import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import bcrypt from 'bcryptjs';
import { getUser } from './db';
export const { handlers, auth, signIn } = NextAuth({
  providers: [
    Credentials({
      async authorize({ email, password }: any) {
        const user = await getUser(email);
        if (!user || !(await bcrypt.compare(password, user.password))) return null;
        return user;
      },
    }),
  ],
});`,
      errors: [{ messageId: 'unlimited', line: 7, column: 5, endLine: 7, endColumn: 16, data: { route: 'POST /api/auth/callback/credentials', fix: LIMITER_FIX['auth-callback'] } }],
    },
    {
      name: "own helper: a function registering a route on its parameters",
      code: `const express = require('express');
const bcrypt = require('bcryptjs');
const router = express.Router();
function route(method, path, handler) {
  router[method.toLowerCase()](path, (req, res, next) => Promise.resolve(handler(req)).then((r) => res.json(r), next));
}
route('POST', '/login', async (req) => {
  const password = req.body.password;
  const user = await findUser(req.body.username);
  ${CHECK}
  return { ok: true };
});
route('POST', '/profile', async (req) => updateProfile(req.body));
module.exports = router;`,
      errors: [{ messageId: 'unlimited', line: 7, column: 1, endLine: 7, endColumn: 23, data: { route: 'POST /login', fix: LIMITER_FIX.express } }],
    },
    {
      name: "own helper: a router class's route(method, path, ...handlers)",
      code: `import PromiseRouter from '../PromiseRouter';
import bcrypt from 'bcryptjs';
export class PagesRouter extends PromiseRouter {
  mountRoutes() {
    this.route('POST', \`/\${this.pagesEndpoint}/:appId/login\`, (req) => this.setConfig(req), async (req) => {
      const password = req.body.password;
      const user = await findUser(req.body.username);
      ${CHECK}
    });
    this.route('POST', '/profile', (req) => updateProfile(req.body));
  }
}`,
      errors: [{ messageId: 'unlimited', line: 5, column: 5, endLine: 5, endColumn: 61, data: { route: 'POST /:p0/:appId/login', fix: LIMITER_FIX.unknown } }],
    },
    {
      name: 'tegg: an @HTTPMethod of an @HTTPController',
      code: `import { Context, HTTPBody, HTTPContext, HTTPController, HTTPMethod, HTTPMethodEnum } from 'egg';
import bcrypt from 'bcryptjs';
@HTTPController()
export class UserController {
  @HTTPMethod({ path: '/-/user/login', method: HTTPMethodEnum.POST })
  async login(@HTTPContext() ctx: Context, @HTTPBody() body: { name: string; password: string }) {
    const password = body.password;
    const user = await this.userService.find(body.name);
    ${CHECK}
  }
  @HTTPMethod({ path: '/-/user/profile', method: HTTPMethodEnum.POST })
  async updateProfile(@HTTPBody() body: { name: string }) {
    return this.userService.update(body);
  }
}`,
      errors: [{ messageId: 'unlimited', line: 5, column: 3, endLine: 5, endColumn: 70, data: { route: 'POST /-/user/login', fix: LIMITER_FIX.egg } }],
    },
  ],
});
