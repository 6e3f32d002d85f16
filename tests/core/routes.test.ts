/** core/routes.ts and core/credential-routes.ts: the route table and the credential-route decision. */
import { describe, expect, it } from 'vitest';
import { describeRoute, isCredentialRoute } from '../../src/core/credential-routes.js';
import { appliedMiddleware, getRouteTable } from '../../src/core/routes.js';
import { withFile } from './probe.js';

function routes(code: string, filename?: string): string[] {
  return withFile(
    code,
    (file) =>
      getRouteTable(file).routes.map((r) => {
        const mw = appliedMiddleware(file, r).flatMap((a) => a.middleware.map((m) => file.sourceCode.getText(m)));
        return `${r.framework} ${describeRoute(r)}${isCredentialRoute(file, r) ? ' [credential]' : ''}${mw.length ? ` via ${mw.join(',')}` : ''}`;
      }),
    filename,
  );
}

describe('route table', () => {
  it('express: app, Router, route().post(), mounts with middleware', () => {
    expect(
      routes(`import express from 'express';
const app = express();
const auth = express.Router();
auth.post('/login', login);
auth.route('/reset').post(reset);
app.use('/auth', limiter, auth);
app.get('/health', (req, res) => res.end());`),
    ).toEqual([
      'express POST /auth/login [credential] via limiter',
      'express POST /auth/reset [credential] via limiter',
      'express GET /health',
    ]);
  });

  it('koa-router prefix, fastify route options and hooks, hono sub-app', () => {
    expect(
      routes(`import Router from '@koa/router';
import Fastify from 'fastify';
import { Hono } from 'hono';
const router = new Router({ prefix: '/auth' });
router.post('/login', login);
const app = Fastify();
app.route({ method: 'POST', url: '/otp/verify', handler: verify });
const api = new Hono();
const sub = new Hono();
sub.post('/signin', (c) => c.text('ok'));
api.route('/auth', sub);`),
    ).toEqual(['koa POST /auth/login [credential]', 'fastify POST /otp/verify [credential]', 'hono POST /auth/signin [credential]']);
  });

  it('Nest controllers and Next route handlers', () => {
    expect(
      routes(`import { Controller, Post, Get } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  @Post('login') login() {}
  @Get('me') me() {}
}`),
    ).toEqual(['nest POST /auth/login [credential]', 'nest GET /auth/me']);
    expect(routes('export async function POST(request: Request) { return Response.json({}); }', 'app/api/auth/login/route.ts')).toEqual([
      'next POST /api/auth/login [credential]',
    ]);
  });

  it('client calls are not routes', () => {
    expect(routes(`import axios from 'axios';\nconst api = axios.create();\napi.post('/login', credentials);`)).toEqual([]);
  });
});
