import { describe, expect, it } from 'vitest';
import type { FileFacts } from '../../src/core/file.js';
import { isIdentityKey, sessionSites, usesCookieStoredSession } from '../../src/core/sites/sessions.js';
import { withFile } from './probe.js';

/** The sites as plain data: lines instead of nodes, the handler by its first line. */
function sites(code: string): Record<string, unknown> {
  return withFile(code, (file: FileFacts) => {
    const { writes, logins } = sessionSites(file);
    return {
      writes: writes.map((w) => ({
        line: w.node.loc.start.line,
        key: w.key,
        base: w.session.baseText,
        viaSet: w.viaSet,
        handler: w.handler?.loc.start.line ?? null,
        authenticated: w.authenticated,
        regenerated: w.regenerated,
        afterPassportLogin: w.afterPassportLogin,
      })),
      logins: logins.map((l) => ({ line: l.call.loc.start.line, handler: l.handler?.loc.start.line ?? null, regenerated: l.regenerated })),
    };
  });
}

describe('sessionSites', () => {
  it('finds identity writes with their handler and what runs before them', () => {
    const code = [
      "import bcrypt from 'bcrypt';",
      "app.post('/login', async (req, res, next) => {",
      '  const ok = await bcrypt.compare(req.body.password, user.hash);',
      '  req.session.views = 1;',
      '  req.session.userId = user.id;',
      '});',
      "app.post('/fixed', async (req, res, next) => {",
      '  if (!(await verifyPassword(user, req.body.password))) return res.end();',
      '  req.session.regenerate((err) => {',
      '    req.session.user = user;',
      '  });',
      '});',
      "app.post('/maybe', (req, res) => {",
      '  if (user.password === req.body.password) {',
      '    if (fresh) req.session.regenerate(() => {});',
      '    req.session.passport.user = user.id;',
      '  }',
      '});',
      "app.get('/profile', (req, res) => {",
      '  const { session } = req;',
      '  Object.assign(session, { account: user });',
      '});',
    ].join('\n');
    expect(sites(code)).toEqual({
      writes: [
        { line: 5, key: 'userId', base: 'req', viaSet: false, handler: 2, authenticated: true, regenerated: false, afterPassportLogin: false },
        { line: 10, key: 'user', base: 'req', viaSet: false, handler: 7, authenticated: true, regenerated: true, afterPassportLogin: false },
        { line: 16, key: 'passport', base: 'req', viaSet: false, handler: 13, authenticated: true, regenerated: false, afterPassportLogin: false },
        { line: 21, key: 'account', base: 'req', viaSet: false, handler: 19, authenticated: false, regenerated: false, afterPassportLogin: false },
      ],
      logins: [],
    });
  });

  it('finds fastify session.set, koa ctx.session, and passport logins', () => {
    const code = [
      "import Router from '@koa/router';",
      'const router = new Router();',
      "fastify.post('/login', async (request, reply) => {",
      '  await authenticate(request.body);',
      "  request.session.set('user', user);",
      '});',
      "router.post('/login', async (ctx) => {",
      '  await checkPassword(ctx.request.body);',
      '  ctx.session = null;',
      '  ctx.session.userId = 1;',
      '});',
      "app.post('/p', (req, res, next) => {",
      '  req.login(user, next);',
      '  req.session.user = user;',
      '});',
    ].join('\n');
    expect(sites(code)).toEqual({
      writes: [
        { line: 5, key: 'user', base: 'request', viaSet: true, handler: 3, authenticated: true, regenerated: false, afterPassportLogin: false },
        { line: 10, key: 'userId', base: 'ctx', viaSet: false, handler: 7, authenticated: true, regenerated: true, afterPassportLogin: false },
        { line: 14, key: 'user', base: 'req', viaSet: false, handler: 12, authenticated: false, regenerated: false, afterPassportLogin: true },
      ],
      logins: [{ line: 13, handler: 12, regenerated: false }],
    });
  });

  it('is empty when nothing writes an identity into a session', () => {
    expect(sites("this.session.user = user;\nreq.body.user = 1;\nreq.session.cart = [];")).toEqual({ writes: [], logins: [] });
  });
});

describe('usesCookieStoredSession', () => {
  it.each([
    ["import session from 'cookie-session';", true],
    ["const { getIronSession } = require('iron-session');", true],
    ["const m = await import('@fastify/secure-session');", true],
    ["import session from 'express-session';", false],
  ] as const)('%s', (code, expected) => {
    expect(withFile(code, usesCookieStoredSession)).toBe(expected);
  });
});

describe('isIdentityKey', () => {
  it.each([
    ['userId', true],
    ['passport', true],
    ['isAuthenticated', true],
    ['loggedIn', true],
    ['views', false],
    ['loginAttempts', false],
    ['pendingUserId', false],
  ] as const)('%s', (key, expected) => {
    expect(isIdentityKey(key)).toBe(expected);
  });
});
