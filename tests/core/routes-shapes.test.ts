/** core/routes.ts: handlers served without a router call, and routes registered through the project's own helpers. */
import { describe, expect, it } from 'vitest';
import { fullPath, getRouteTable } from '../../src/core/routes.js';
import { withFile } from './probe.js';

function routes(code: string, filename?: string): string[] {
  return withFile(
    code,
    (file) =>
      getRouteTable(file).routes.map((r) => {
        const inputs = r.inputParams ? ` inputs=[${r.inputParams.join(',')}]` : '';
        return `${r.framework} ${r.method.toUpperCase()} ${fullPath(r) ?? '-'} ${r.handlerName ?? '-'}${inputs} @${r.loc.start.line}`;
      }),
    filename,
  );
}

describe('framework actions', () => {
  it("Next.js server actions: exported async functions of a 'use server' module, wrapped ones, not sync helpers", () => {
    expect(
      routes(
        `'use server';
export async function signIn(formData: FormData) {}
export const signUp = validatedAction(schema, async (data, formData) => {});
export const updatePassword = validatedActionWithUser(schema, async (data, _, user) => {});
export const helper = (x: number) => x;
export const LIMIT = 5;`,
        'app/(login)/actions.ts',
      ),
    ).toEqual([
      'next-action POST - signIn inputs=[0] @2',
      'next-action POST - signUp inputs=[0,1] @3',
      'next-action POST - updatePassword inputs=[0] @4',
    ]);
  });

  it("Next.js: inline 'use server' functions only", () => {
    expect(
      routes(
        `export default function Page() {
  async function save(formData) { 'use server'; }
  async function other(formData) { return 1; }
  const remove = async (id) => { 'use server'; };
  return null;
}`,
        'app/page.tsx',
      ),
    ).toEqual(['next-action POST - save inputs=[0] @2', 'next-action POST - remove inputs=[0] @4']);
  });

  it('Remix / React Router: the action of a route module, its URL from the file name', () => {
    const action = `export async function action({ request }) { return null; }
export async function loader() { return null; }`;
    expect(routes(action, 'app/routes/_auth+/login.tsx')).toEqual(['remix POST /login action @1']);
    expect(routes(action, 'apps/web/app/routes/_auth+/accept-invite.$inviteId.tsx')).toEqual(['remix POST /accept-invite/:inviteId action @1']);
    expect(routes(action, 'app/routes/api+/calendar.feed.$token[.ics].ts')).toEqual(['remix POST /api/calendar/feed/:tokenics action @1']);
    expect(routes(action, 'app/routes/reset-password/route.tsx')).toEqual(['remix POST /reset-password action @1']);
    expect(routes(`import { json } from '@remix-run/node';\nexport const action = async ({ request }) => json({});`, 'src/pages/login.tsx')).toEqual(['remix POST - action @2']);
    // An express routes/ file exporting something named action is not a Remix module.
    expect(routes(action, 'src/routes/login.js')).toEqual([]);
  });

  it('SvelteKit: form actions of +page.server, method handlers of +server', () => {
    expect(
      routes(
        `export const actions = { default: async ({ request }) => {}, login: async (event) => {} };
export const load = async () => ({});`,
        'src/routes/(auth)/account/[id]/+page.server.ts',
      ),
    ).toEqual(['sveltekit POST /account/:id - @1', 'sveltekit POST /account/:id login @1']);
    expect(routes(`export async function POST({ request }) {}\nexport const GET = () => new Response();`, 'src/routes/api/login/+server.js')).toEqual([
      'sveltekit POST /api/login - @1',
      'sveltekit GET /api/login - @2',
    ]);
  });
});

describe('GraphQL resolvers', () => {
  it('resolver maps: Mutation and Query functions taking args, args is the input; type maps are not resolvers', () => {
    expect(
      routes(`export const resolvers = {
  Query: { me: (parent, args, ctx) => ctx.user },
  Mutation: {
    login: async (_, { email, password }) => null,
    logout() { return true; },
  },
};
const types = { Mutation: { login: 'String' } };`),
    ).toEqual(['graphql POST - me inputs=[1] @2', 'graphql POST - login inputs=[1] @4']);
  });

  it('Nest @Resolver and type-graphql: @Mutation / @Query methods, @Args parameters are the input', () => {
    expect(
      routes(`import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
@Resolver()
export class AuthResolver {
  @Mutation(() => String)
  login(@Context() ctx, @Args('input') input) {}
  @Query(() => String)
  me(@Context() ctx) {}
  helper() {}
}`),
    ).toEqual(['nest POST - login inputs=[1] @4', 'nest POST - me inputs=[] @6']);
    expect(
      routes(`import { Arg, Mutation, Resolver } from 'type-graphql';
@Resolver()
class R { @Mutation(() => String) signIn(@Arg('email') email: string, @Arg('password') password: string) {} }`),
    ).toEqual(['graphql POST - signIn inputs=[0,1] @3']);
  });
});

describe('auth library callbacks and egg', () => {
  it('Auth.js / next-auth credentials providers: authorize at /api/auth/callback/<id>', () => {
    expect(
      routes(`import CredentialsProvider from 'next-auth/providers/credentials';
import Credentials from '@auth/core/providers/credentials';
export const a = CredentialsProvider({ name: 'Email', async authorize(credentials) { return null; } });
export const b = Credentials({ id: 'otp', authorize: async (c) => null });
export const c = Other({ authorize() {} });`),
    ).toEqual(['auth-callback POST /api/auth/callback/credentials authorize inputs=[0] @3', 'auth-callback POST /api/auth/callback/otp authorize inputs=[0] @4']);
  });

  it('tegg: @HTTPMethod of an @HTTPController, the HTTP body, query and params are the input', () => {
    expect(
      routes(`import { HTTPBody, HTTPContext, HTTPController, HTTPMethod, HTTPMethodEnum, HTTPParam } from 'egg';
@HTTPController({ path: '/-/npm' })
export class TokenController {
  @HTTPMethod({ path: '/v1/tokens', method: HTTPMethodEnum.POST })
  async createToken(@HTTPContext() ctx, @HTTPParam() id: string, @HTTPBody() body) {}
  @HTTPMethod({ path: '/v1/tokens', method: 'GET' })
  async list(@HTTPContext() ctx) {}
}`),
    ).toEqual(['egg POST /-/npm/v1/tokens createToken inputs=[1,2] @4', 'egg GET /-/npm/v1/tokens list inputs=[] @6']);
  });
});

describe("the project's own registration helpers", () => {
  it('a function registering a route on its parameters: each call is a route, the inner registration is not', () => {
    expect(
      routes(`const router = require('express').Router();
function route(method, path, handler) {
  router[method.toLowerCase()](path, (req, res) => handler(req));
}
const post = (path, ...handlers) => router.post(path, ...handlers);
function createAction(r, base, path, method, ctrl) { r[method](base + path, async (ctx) => ctrl(ctx)); }
route('POST', '/login', login);
post('/reset', reset);
createAction(router, '/api', '/user/login', 'post', userLogin);
route('GET', dynamicPath, x);`),
    ).toEqual(['express POST /login login @7', 'express POST /reset reset @8', 'express POST /api/user/login userLogin @9', 'express GET - x @10']);
  });

  it('(method, path, ...handlers) calls on a router object, template paths', () => {
    expect(
      routes(`class UsersRouter extends PromiseRouter {
  mountRoutes() {
    this.route('POST', '/login', (req) => this.handleLogIn(req));
    this.route('GET', \`/\${this.endpoint}/:appId/verify_email\`, (req) => this.setConfig(req), (req) => this.verifyEmail(req));
  }
}
xhr.open('POST', '/login', true);
cy.intercept('POST', '/login', (req) => req.reply({}));`),
    ).toEqual(['unknown POST /login - @3', 'unknown GET /:p0/:appId/verify_email - @4']);
  });

  it('route tables: a literal array iterated by for…of or forEach, one route per entry at the entry', () => {
    expect(
      routes(`const app = require('express')();
const routes = [
  { method: 'post', path: '/login', handler: login },
  { method: 'get', path: '/health', handler: health },
];
for (const r of routes) app[r.method](r.path, r.handler);
['/otp', '/reset'].forEach((p) => app.post(p, verify));
for (const r of unknownTable) app[r.method](r.path, r.handler);`),
    ).toEqual(['express POST /login login @3', 'express GET /health health @4', 'express POST /otp verify @7', 'express POST /reset verify @7']);
  });
});
