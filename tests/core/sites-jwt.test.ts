import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { FileFacts } from '../../src/core/file.js';
import { jwtSites, type JwtSite } from '../../src/core/sites/jwt.js';
import { handRolledVerifiers } from '../../src/core/jwt-handrolled.js';
import { withFile } from './probe.js';

/** A site as plain data: where it is, what it matched, and its resolved facts (nodes as their source text). */
function summary(file: FileFacts, site: JwtSite): Record<string, unknown> {
  const text = (node: TSESTree.Node | null): string | null => (node ? file.sourceCode.getText(node) : null);
  const base = { role: site.role, label: site.api.label, line: site.call.loc.start.line };
  switch (site.role) {
    case 'sign':
      return { ...base, options: site.options.kind, expiryOption: site.expiryOption, expClaim: site.expClaim, signsNone: site.signsNone };
    case 'chain':
      return { ...base, finish: site.finish?.loc.start.line ?? null, setsExpiry: site.setsExpiry, expClaim: site.expClaim };
    case 'verify':
      return {
        ...base,
        options: site.options.kind,
        acceptsNone: text(site.acceptsNone),
        ignoresExpiration: text(site.ignoresExpiration),
        clockTolerance: site.clockTolerance,
        algorithmsPinned: site.algorithmsPinned,
        keyAlgorithm: site.keyAlgorithm,
      };
    case 'decode':
      return { ...base, verified: site.verified, use: site.use };
    case 'config':
      return { ...base, options: site.options.kind, signsNone: site.signsNone, acceptsNone: text(site.acceptsNone), ignoresExpiration: text(site.ignoresExpiration), noExpiry: site.noExpiry };
    case 'unsecured':
      return base;
  }
}

function sites(code: string, filename?: string): { client: boolean; sites: Record<string, unknown>[] } {
  return withFile(code, (file) => {
    const found = jwtSites(file);
    return { client: found.client, sites: found.sites.map((s) => summary(file, s)) };
  }, filename);
}

describe('jwtSites: jsonwebtoken', () => {
  it('resolves the expiry option and the exp claim of sign calls in three states', () => {
    const code = [
      "import jwt from 'jsonwebtoken';",
      'jwt.sign({ sub: 1 }, key);',
      "jwt.sign({ sub: 1 }, key, { expiresIn: '1h' });",
      'jwt.sign({ sub: 1, exp: later }, key, { ...defaults });',
      "const opts = { expiresIn: '1h' };",
      'delete opts.expiresIn;',
      'jwt.sign(payload, key, opts);',
      "jwt.sign({ sub: 1 }, key, { algorithm: 'none' });",
    ].join('\n');
    expect(sites(code)).toEqual({
      client: false,
      sites: [
        { role: 'sign', label: 'jsonwebtoken `sign`', line: 2, options: 'absent', expiryOption: 'absent', expClaim: 'absent', signsNone: false },
        { role: 'sign', label: 'jsonwebtoken `sign`', line: 3, options: 'found', expiryOption: 'found', expClaim: 'absent', signsNone: false },
        { role: 'sign', label: 'jsonwebtoken `sign`', line: 4, options: 'found', expiryOption: 'unknown', expClaim: 'found', signsNone: false },
        { role: 'sign', label: 'jsonwebtoken `sign`', line: 7, options: 'unknown', expiryOption: 'unknown', expClaim: 'unknown', signsNone: false },
        { role: 'sign', label: 'jsonwebtoken `sign`', line: 8, options: 'found', expiryOption: 'absent', expClaim: 'absent', signsNone: true },
      ],
    });
  });

  it('records the none algorithm, ignoreExpiration, clock tolerance and pinned algorithms of verify calls', () => {
    const code = [
      "const jwt = require('jsonwebtoken');",
      "const ALGS = ['HS256', 'none'];",
      'jwt.verify(token, secret, { algorithms: ALGS, ignoreExpiration: true });',
      "jwt.verify(token, publicKey, { clockTolerance: '2h' });",
      "jwt.verify(token, secret, { algorithms: ['HS256'], clockTolerance: 60 * 5 });",
    ].join('\n');
    expect(sites(code).sites).toEqual([
      { role: 'verify', label: 'jsonwebtoken `verify`', line: 3, options: 'found', acceptsNone: "'none'", ignoresExpiration: 'ignoreExpiration: true', clockTolerance: null, algorithmsPinned: 'found', keyAlgorithm: 'HS256' },
      { role: 'verify', label: 'jsonwebtoken `verify`', line: 4, options: 'found', acceptsNone: null, ignoresExpiration: null, clockTolerance: 7200, algorithmsPinned: 'absent', keyAlgorithm: 'RS256' },
      { role: 'verify', label: 'jsonwebtoken `verify`', line: 5, options: 'found', acceptsNone: null, ignoresExpiration: null, clockTolerance: 300, algorithmsPinned: 'found', keyAlgorithm: 'HS256' },
    ]);
  });

  it('tells a decode covered by a verify of the same token from one whose claims pick the user', () => {
    const code = [
      "import jwt from 'jsonwebtoken';",
      'export function auth(req, res, next) {',
      '  const token = req.headers.authorization;',
      '  const claims = jwt.decode(token);',
      '  req.user = claims;',
      '  next();',
      '}',
      'export function checked(req, res, next) {',
      '  const token = req.headers.authorization;',
      '  jwt.verify(token, process.env.JWT_SECRET);',
      '  req.user = jwt.decode(token);',
      '  next();',
      '}',
      'export function helper(req, res, next) {',
      '  const token = req.cookies.token;',
      '  verifyToken(token);',
      '  req.user = jwt.decode(token);',
      '  next();',
      '}',
      "export const display = (token) => console.log(jwt.decode(token));",
    ].join('\n');
    expect(sites(code).sites).toEqual([
      { role: 'decode', label: 'jsonwebtoken `decode`', line: 4, verified: false, use: 'user' },
      { role: 'verify', label: 'jsonwebtoken `verify`', line: 10, options: 'absent', acceptsNone: null, ignoresExpiration: null, clockTolerance: null, algorithmsPinned: 'absent', keyAlgorithm: 'HS256' },
      { role: 'decode', label: 'jsonwebtoken `decode`', line: 11, verified: true, use: null },
      { role: 'decode', label: 'jsonwebtoken `decode`', line: 17, verified: true, use: null },
      { role: 'decode', label: 'jsonwebtoken `decode`', line: 20, verified: false, use: null },
    ]);
  });
});

describe('jwtSites: other libraries', () => {
  it('follows jose builder chains to the call that produces the token', () => {
    const code = [
      "import { SignJWT, UnsecuredJWT, jwtVerify } from 'jose';",
      "await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).sign(key);",
      "await new SignJWT({ sub }).setExpirationTime('15m').sign(key);",
      'const builder = new SignJWT({ sub, exp });',
      'new UnsecuredJWT({ sub }).encode();',
      "await jwtVerify(token, key, { algorithms: ['none'] });",
    ].join('\n');
    expect(sites(code).sites).toEqual([
      { role: 'chain', label: 'jose `SignJWT`', line: 2, finish: 2, setsExpiry: false, expClaim: 'absent' },
      { role: 'chain', label: 'jose `SignJWT`', line: 3, finish: 3, setsExpiry: true, expClaim: 'absent' },
      { role: 'chain', label: 'jose `SignJWT`', line: 4, finish: null, setsExpiry: false, expClaim: 'found' },
      { role: 'unsecured', label: 'jose `UnsecuredJWT`', line: 5 },
      { role: 'verify', label: 'jose `jwtVerify`', line: 6, options: 'found', acceptsNone: "'none'", ignoresExpiration: null, clockTolerance: null, algorithmsPinned: null, keyAlgorithm: 'HS256' },
    ]);
  });

  it('reads module configurations (Nest, fastify) and the sign calls they serve', () => {
    const code = [
      "import { JwtModule, JwtService } from '@nestjs/jwt';",
      "import fastifyJwt from '@fastify/jwt';",
      'JwtModule.register({ secret: process.env.S });',
      "JwtModule.registerAsync({ useFactory: () => ({ secret: process.env.S, signOptions: { expiresIn: '1h' }, verifyOptions: { ignoreExpiration: true } }) });",
      'app.register(fastifyJwt, { secret: process.env.S });',
      'export class Auth {',
      '  constructor(private readonly jwt: JwtService) {}',
      '  login(user) { return this.jwt.sign({ sub: user.id }); }',
      '}',
    ].join('\n');
    expect(sites(code).sites).toEqual([
      { role: 'config', label: '@nestjs/jwt `JwtModule.register`', line: 3, options: 'found', signsNone: false, acceptsNone: null, ignoresExpiration: null, noExpiry: true },
      { role: 'config', label: '@nestjs/jwt `JwtModule.registerAsync`', line: 4, options: 'found', signsNone: false, acceptsNone: null, ignoresExpiration: 'ignoreExpiration: true', noExpiry: false },
      { role: 'config', label: '@fastify/jwt registration', line: 5, options: 'found', signsNone: false, acceptsNone: null, ignoresExpiration: null, noExpiry: true },
      { role: 'sign', label: '@nestjs/jwt `JwtService.sign`', line: 8, options: 'absent', expiryOption: 'absent', expClaim: 'absent', signsNone: false },
    ]);
  });

  it('counts jwt-simple decode as a verify unless noVerify is true, and marks client files', () => {
    const code = [
      "'use client';",
      "import jwtSimple from 'jwt-simple';",
      "import { jwtDecode } from 'jwt-decode';",
      'jwtSimple.decode(token, secret);',
      'jwtSimple.decode(token, secret, true);',
      'const claims = jwtDecode(token);',
    ].join('\n');
    expect(sites(code, 'src/app.tsx')).toEqual({
      client: true,
      sites: [
        { role: 'decode', label: 'jwt-simple `decode` with `noVerify`', line: 5, verified: true, use: null },
        { role: 'decode', label: 'jwt-decode', line: 6, verified: true, use: null },
      ],
    });
  });

  it('is empty without a JWT library', () => {
    expect(sites("const token = sign(payload);\nverify(token);")).toEqual({ client: false, sites: [] });
  });
});

describe('handRolledVerifiers', () => {
  function verifiers(code: string, filename = 'src/auth/jwt.ts'): Record<string, unknown>[] {
    return withFile(code, (file) => handRolledVerifiers(file).map((v) => ({
      line: v.fn.loc.start.line,
      token: file.sourceCode.getText(v.token),
      decodes: v.decodes.map((d) => [d.segment, d.node.loc.start.line]),
      acceptsNone: v.acceptsNone ? file.sourceCode.getText(v.acceptsNone) : null,
      signature: v.signature,
      trusted: v.trusted.map((t) => [t.node.loc.start.line, t.use]),
      untrustedUseOnly: v.untrustedUseOnly,
    })), filename);
  }

  it('finds the parts, their decodes, the none check and the signature check', () => {
    const code = [
      "const crypto = require('crypto');",
      'function verifyToken(token, secret) {',
      "  const [h, p, s] = token.split('.');",
      "  const header = JSON.parse(Buffer.from(h, 'base64url').toString());",
      "  if (header.alg === 'none') return JSON.parse(atob(p));",
      "  if (crypto.createHmac('sha256', secret).update(h + '.' + p).digest('base64url') !== s) throw new Error('bad');",
      "  return JSON.parse(Buffer.from(p, 'base64url').toString());",
      '}',
    ].join('\n');
    expect(verifiers(code)).toEqual([
      { line: 2, token: 'token', decodes: [[0, 4], [1, 5], [1, 7]], acceptsNone: "header.alg === 'none'", signature: 'checked', trusted: [], untrustedUseOnly: false },
    ]);
  });

  it("tells a rejected 'none' from an accepted one, and an unknown signature check from a missing one", () => {
    const code = [
      "import { store } from './store';",
      'export function authenticate(req) {',
      "  const parts = req.headers.authorization.slice(7).split('.');",
      '  const header = JSON.parse(atob(parts[0]));',
      "  if (header.alg === 'none') throw new Error('unsigned');",
      '  if (!store.matches(parts[2])) return null;',
      '  req.user = JSON.parse(atob(parts[1]));',
      '}',
      'export function peek(req) {',
      "  const claims = JSON.parse(atob(req.headers.authorization.slice(7).split('.')[1]));",
      "  if (claims.role !== 'admin') throw new Error('forbidden');",
      '}',
      "export const fileExtension = (name) => name.split('.').pop();",
    ].join('\n');
    expect(verifiers(code)).toEqual([
      { line: 2, token: 'req.headers.authorization.slice(7)', decodes: [[0, 4], [1, 7]], acceptsNone: null, signature: 'unknown', trusted: [], untrustedUseOnly: false },
      { line: 9, token: 'req.headers.authorization.slice(7)', decodes: [[1, 10]], acceptsNone: null, signature: 'absent', trusted: [[10, 'condition']], untrustedUseOnly: false },
    ]);
  });

  it('marks browser code and tokens from web storage', () => {
    const code = ["export function expiresSoon() {", "  const token = localStorage.getItem('token');", "  return JSON.parse(atob(token.split('.')[1])).exp * 1000 < Date.now();", '}'].join('\n');
    expect(verifiers(code, 'src/lib/session.ts').map((v) => v.untrustedUseOnly)).toEqual([true]);
  });
});
