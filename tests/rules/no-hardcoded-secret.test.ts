import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/no-hardcoded-secret.js';
import { SECRET_SINKS, TYPED_SINKS } from '../../src/models/secret-sinks.js';
import { ruleTester } from '../rule-tester.js';

/** The library-specific fix text of a sink, as the message carries it. */
function fixOf(label: string): string {
  const sink = [...SECRET_SINKS, ...TYPED_SINKS].find((s) => s.label === label);
  if (!sink) throw new Error(`no sink labelled ${label}`);
  return sink.fix;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MOUNTED = path.join(ROOT, 'fixtures/projects/express-mounted');

ruleTester.run('no-hardcoded-secret', rule, {
  assertionOptions: { requireData: true, requireLocation: true },
  valid: [
    { name: 'a message about a secret, extended with +=, is not a secret', code: `var MSG_INVALID_SECRET = 'secret must be a string or buffer';
MSG_INVALID_SECRET += 'or a KeyObject';
const errorMissingSecret = 'no_secret_configured';` },
    { name: "another object's method of a helper's name is not a call of the helper", code: `const crypto = require('crypto');
function createSigners(bits) {
  return {
    rsa: function sign(thing, privateKey) {
      const signer = crypto.createSign('RSA-SHA' + bits);
      return (signer.update(thing), signer.sign(privateKey, 'base64'));
    },
    hmac: function sign(thing, secret) {
      const hmac = crypto.createHmac('sha' + bits, secret);
      return (hmac.update(thing), hmac.digest('base64'));
    },
  };
}` },
    { name: 'secret from the environment with a startup check', code: `const session = require('express-session');
const secret = process.env.SESSION_SECRET;
if (!secret) throw new Error('SESSION_SECRET is required');
app.use(session({ secret }));` },
    { name: 'env-var names and messages are not secrets', code: `module.exports = {
  secretName: 'JWT_SECRET',
  errors: { missingSecret: 'JWT_SECRET is required', wrongPassword: 'Invalid password' },
  jwtIssuer: process.env.JWT_ISSUER || 'my-app',
};` },
    { name: 'empty strings and public keys', code: `const jwtSecret = '';
const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----';
const IS_PUBLIC_KEY = 'isPublic';
const jwt = require('jsonwebtoken');
jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] });` },
    { name: 'JWKS URL as a verify key', filename: 'file.ts', code: `import { createRemoteJWKSet, jwtVerify } from 'jose';
const keys = createRemoteJWKSet(new URL('https://example.com/.well-known/jwks.json'));
export const v = (t: string) => jwtVerify(t, keys);` },
    { name: 'values from a config service or secret manager', filename: 'file.ts', code: `import { JwtModule } from '@nestjs/jwt';
export const m = JwtModule.registerAsync({ useFactory: (config: ConfigService) => ({ secret: config.getOrThrow<string>('JWT_SECRET') }) });
const secret = await secrets.getSecretValue({ SecretId: 'jwt' });
jwt.sign({}, secret);` },
    { name: 'a shadowed require is not tracked', code: `function f(require) {
  const session = require('express-session');
  return session({ secret: 'keyboard cat2' + x });
}` },
    { name: 'a sink with an unknown value', code: `const { sign } = require('jsonwebtoken');
sign({}, config.jwtSecret, { expiresIn: '1h' });
sign({}, getKey(), { expiresIn: '1h' });` },
    { name: 'a literal passed to a look-alike function of another module', code: `const { sign } = require('./my-signer');
sign({}, 'not-a-library-key');
const session = require('./session');
session({ secret: process.env.S });` },
    { name: 'test files are skipped by default', filename: 'src/__tests__/auth.test.js', code: `const jwt = require('jsonwebtoken');
jwt.sign({}, 'test-secret', { expiresIn: '1m' });` },
    { name: 'spec files are skipped by default', filename: 'src/auth.spec.ts', code: `const jwtSecret = 'spec-secret';` },
    { name: 'placeholders in docs-style env names', code: `const config = { apiSecret: 'YOUR_API_SECRET', clientSecret: '<client-secret>' };` },
    { name: 'binding cycles and computed keys do not crash', code: `const a = b; const b = a;
const jwt = require('jsonwebtoken');
jwt.sign({}, a);
const o = { [k]: 'x', ...rest };
jwt.sign({}, o.secret);` },
    { name: 'a bare PEM header in a format check is not a key', code: `export function importPKCS8(pkcs8) {
  if (typeof pkcs8 !== 'string' || pkcs8.indexOf('-----BEGIN PRIVATE KEY-----') !== 0) throw new TypeError('pkcs8 must be PEM');
  return pkcs8;
}` },
    { name: 'lint configuration naming the rule', code: `export default [{ rules: { 'broken-auth/no-hardcoded-secret': 'warn' } }, { secret: 'required' }];` },
    { name: 'a cookie name under a …CookieKey binding, a public-key fallback, documented dummy client secrets', filename: 'file.ts', code: `import { expressjwt } from 'express-jwt';
import fs from 'node:fs';
export class Banner { private readonly welcomeBannerStatusCookieKey = 'welcomebanner_status'; }
export const publicKey = fs ? fs.readFileSync('keys/jwt.pub', 'utf8') : 'placeholder-public-key';
export const guard = expressjwt({ secret: publicKey, algorithms: ['RS256'] });
export const providers = [SAML({ clientId: 'dummy', clientSecret: 'dummy' })];` },
    { name: 'empty file', code: '' },
    { name: 'a literal overwritten from the environment before the options are used', code: `const session = require('express-session');
const opts = { secret: 'keyboard cat' };
opts.secret = process.env.SESSION_SECRET;
app.use(session(opts));` },
    { name: 'a key array that is filled later is unknown', code: `const cookieParser = require('cookie-parser');
const keys = ['rotate-me-0001'];
keys.length = 0;
keys.push(process.env.COOKIE_KEY);
app.use(cookieParser(keys));` },
    { name: 'project: a config value that is read from the environment in its module', filename: path.join(MOUNTED, 'server.js'), code: `const session = require('express-session');
const config = require('./config');
app.use(session({ secret: config.port }));` },
    { name: 'project: an import that does not resolve is unknown', filename: path.join(MOUNTED, 'server.js'), code: `const session = require('express-session');
const { signing } = require('./no-such-module');
app.use(session({ secret: signing }));` },
    { name: "storage key name in a key-named constant", filename: "src/storage.ts", code: `export const SIGN_KEY = 'app-auth-signature';
export const TOKEN_STORAGE_KEY = 'myapp.auth.token';
localStorage.getItem(SIGN_KEY);` },
    { name: "placeholder text", filename: "src/config.ts", code: `export const config = { jwtSecret: process.env.JWT_SECRET || 'your secret key', sessionSecret: process.env.S || 'change me' };` },
      { name: "an enum of secret names is not a secret", filename: "secrets-service.js", code: `export const SecretName = {
  gocardless_secretKey: 'gocardless_secretKey',
  simplefin_accessKey: 'simplefin_accessKey',
};` },
    { name: "Storybook stories and *.clienttest.tsx files are skipped", filename: "web/src/ApiKeyDialog.stories.tsx", code: `export const Default = { args: { secretKey: 'sk-lf-1234567890abcdef', apiKey: 'pk-lf-9f8e7d6c5b4a' } };` },
    { name: "a project-named test file is skipped", filename: "web/src/ApiKeyList.clienttest.tsx", code: `const clientSecret = 'sk-lf-...abcd';
const apiKey = 'pk-lf-9f8e7d6c5b4a';` },
    { name: "short demo fallbacks under a secret name", filename: "config/config.default.js", code: `module.exports = { passportGithub: { key: process.env.GITHUB_ID || 'test', secret: process.env.GITHUB_SECRET || 'test' } };` },
    { name: "a literal written into the environment is not a binding", filename: "knexfile.js", code: `if (!process.env.JWT_SECRET) {
  process.env.JWT_SECRET = 'securekey';
}` },
    { name: "presented credentials that do not look real", code: `export const cfg = { apiKey: 'your-api-key', accessToken: 'sk-1234567890abcdef', authToken: 'x-auth-token', apiKeyHeader: 'X-Api-Key', api_key: '••••••••', API_TOKEN: 'API_TOKEN', accessKey: 'example' };` },
    { name: "config defaults of non-secret settings and schema defaults that read the environment", code: `import { cleanEnv, str } from 'envalid';
import { z } from 'zod';
export const a = cleanEnv(process.env, { HOST: str({ default: 'localhost' }), JWT_SECRET: str() });
export const b = z.object({ JWT_ISSUER: z.string().default('my-app'), SESSION_SECRET: z.string().min(32) });
export const c = config.get('jwt.expiresIn', '7d');` },
    { name: "a key map keyed by names, and config keys that are not literals", code: `export const JWT_SECRETS = { name: 'JWT_SECRET', header: 'x-jwt' };
export default (app) => { app.keys = process.env.KEYS.split(','); };
config.keys = Object.keys(settings);` },
    { name: "a publishable key behind a public env name", code: `const FALLBACK_POSTHOG_KEY = 'phc_zb8Xq1RrJq0u3kMNuZpQ7cVf2XyTa9';
export function client(env, enabled) {
  const apiKey = env.NEXT_PUBLIC_POSTHOG_KEY ?? (enabled ? FALLBACK_POSTHOG_KEY : null);
  return apiKey;
}` },
    { name: "lookup keys, form field names and short or word-like values on app constants", code: `export class Store {
  static KEY = 'user-preferences';
  static readonly STORAGE_KEY = 'app_state_v2';
}
export const PASSWORD_FIELD = 'password';
export const ADMIN_PASSWORD = 'admin';
function f() { const key = 'a1b2c3d4e5f6'; return key; }` },
    { name: "cipher keys from the environment and helpers called with unknown values", code: `const crypto = require('crypto');
function enc(data, key) { return crypto.createCipheriv('aes-256-gcm', key, iv).update(data); }
export const a = enc('x', process.env.ENCRYPTION_KEY);
export const b = enc('y', config.key);
export const c = crypto.createCipheriv('aes-256-gcm', Buffer.from(process.env.KEY, 'hex'), iv);` },
    {
      name: "project: a default secret the config loader replaces at startup when it still holds that literal (fixtures/projects/config-sentinel)",
      filename: path.join(ROOT, 'fixtures/projects/config-sentinel/lib/config/default.js'),
      code: `'use strict';

module.exports = {
  sessionName: 'connect.sid',
  sessionSecret: 'secret',
  sessionSecretLen: 128,
};`,
    },
    { name: "stand-in defaults, error codes named after a credential, publishable keys", code: `import { cleanEnv, str } from 'envalid';
export const env = cleanEnv(process.env, { GOOGLE_SECRET: str({ default: 'dummySecret' }), TWITTER_API_SECRET: str({ default: 'dummyApiSecret' }) });
export const INVALID_ACCESS_TOKEN = 'auth/invalid_access_token';
export const POSTHOG_API_KEY = 'phc_9xQ2bV7rT0kLmN4pZ8sW1yA6cE3fH5jK';
export const e2e = { OPENAI_API_KEY: 'e2e-test-key' };` },
    { name: "test-runner configs are skipped", filename: "playwright.config.ts", code: `export default { webServer: { env: { OPENAI_API_KEY: 'sk9aQ2bV7rT0kLmN4pZ8', SESSION_SECRET: 'e2e-secret-123' } } };` },
  ],
  invalid: [
    {
      name: "project: a literal from a config module reaches the sink (reported here, with where it comes from)",
      filename: path.join(MOUNTED, 'server.js'),
      code: `const session = require('express-session');
const config = require('./config');
app.use(session({ secret: config.session.signing }));`,
      errors: [
        {
          messageId: 'literal', line: 3, column: 27, endLine: 3, endColumn: 49,
          data: { preview: "\"x8…\" (16 chars), from config.js:5", sink: "express-session `secret`", forges: "session cookies", fix: fixOf("express-session `secret`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "SESSION_SECRET" }, output: `const session = require('express-session');
const config = require('./config');
if (!process.env.SESSION_SECRET) {
  throw new Error('SESSION_SECRET must be set');
}
app.use(session({ secret: process.env.SESSION_SECRET }));` },
          ],
        },
      ],
    },
    {
      name: "express-session default import, literal secret",
      code: `import session from 'express-session';
app.use(session({ secret: 'keyboard cat', resave: false }));`,
      errors: [
        {
          messageId: 'literal', line: 2, column: 27, endLine: 2, endColumn: 41,
          data: { preview: "\"ke…\" (12 chars)", sink: "express-session `secret`", forges: "session cookies", fix: fixOf("express-session `secret`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "SESSION_SECRET" }, output: `import session from 'express-session';
if (!process.env.SESSION_SECRET) {
  throw new Error('SESSION_SECRET must be set');
}
app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));` },
          ],
        },
      ],
    },
    {
      name: "jsonwebtoken renamed import through two bindings and a spread",
      code: `import { sign as issue } from 'jsonwebtoken';
const base = { key: 'abcdefgh' };
const cfg = { ...base, ttl: '1h' };
const k = cfg.key;
export const t = issue({ sub: 1 }, k, { expiresIn: '1h' });`,
      filename: "file.ts",
      errors: [
        {
          messageId: 'literal', line: 2, column: 21, endLine: 2, endColumn: 31,
          data: { preview: "\"ab…\" (8 chars)", sink: "jsonwebtoken `sign` key", forges: "tokens", fix: fixOf("jsonwebtoken `sign` key") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `import { sign as issue } from 'jsonwebtoken';
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
const base = { key: process.env.JWT_SECRET };
const cfg = { ...base, ttl: '1h' };
const k = cfg.key;
export const t = issue({ sub: 1 }, k, { expiresIn: '1h' });` },
          ],
        },
      ],
    },
    {
      name: "jsonwebtoken destructured require with env fallback",
      code: `const { verify } = require('jsonwebtoken');
module.exports = (t) => verify(t, process.env.JWT_SECRET || 'dev-secret');`,
      errors: [
        {
          messageId: 'fallback', line: 2, column: 35, endLine: 2, endColumn: 73,
          data: { sink: "jsonwebtoken `verify` key", preview: "\"de…\" (10 chars)", when: "when JWT_SECRET is not set", fix: fixOf("jsonwebtoken `verify` key") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `const { verify } = require('jsonwebtoken');
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
module.exports = (t) => verify(t, process.env.JWT_SECRET);` },
          ],
        },
      ],
    },
    {
      name: "rebound method alias",
      code: `const jwt = require('jsonwebtoken');
const signer = jwt.sign;
signer({}, \`tmpl-key-01\`);`,
      errors: [
        {
          messageId: 'literal', line: 3, column: 12, endLine: 3, endColumn: 25,
          data: { preview: "\"tm…\" (11 chars)", sink: "jsonwebtoken `sign` key", forges: "tokens", fix: fixOf("jsonwebtoken `sign` key") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `const jwt = require('jsonwebtoken');
const signer = jwt.sign;
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
signer({}, process.env.JWT_SECRET);` },
          ],
        },
      ],
    },
    {
      name: "cookie-parser inline require with NODE_ENV ternary",
      code: `const s = process.env.NODE_ENV === 'production' ? process.env.COOKIE_SECRET : 'dev-only';
app.use(require('cookie-parser')(s));`,
      errors: [
        {
          messageId: 'fallback', line: 1, column: 11, endLine: 1, endColumn: 89,
          data: { sink: "cookie-parser secret", preview: "\"de…\" (8 chars)", when: "when COOKIE_SECRET is not set", fix: fixOf("cookie-parser secret") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "COOKIE_SECRET" }, output: `if (!process.env.COOKIE_SECRET) {
  throw new Error('COOKIE_SECRET must be set');
}
const s = process.env.COOKIE_SECRET;
app.use(require('cookie-parser')(s));` },
          ],
        },
      ],
    },
    {
      name: "cookie-session keys array",
      code: `const cookieSession = require('cookie-session');
app.use(cookieSession({ name: 'sess', keys: ['k1-abcdef', process.env.K2] }));`,
      errors: [
        {
          messageId: 'literal', line: 2, column: 46, endLine: 2, endColumn: 57,
          data: { preview: "\"k1…\" (9 chars)", sink: "cookie-session `keys`", forges: "session cookies", fix: fixOf("cookie-session `keys`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "SESSION_KEYS" }, output: `const cookieSession = require('cookie-session');
if (!process.env.SESSION_KEYS) {
  throw new Error('SESSION_KEYS must be set');
}
app.use(cookieSession({ name: 'sess', keys: [process.env.SESSION_KEYS, process.env.K2] }));` },
          ],
        },
      ],
    },
    {
      name: "koa app.keys",
      code: `import Koa from 'koa';
const app = new Koa();
app.keys = ['old-key-1'];`,
      errors: [
        {
          messageId: 'literal', line: 3, column: 13, endLine: 3, endColumn: 24,
          data: { preview: "\"ol…\" (9 chars)", sink: "koa `app.keys`", forges: "signed cookies", fix: fixOf("koa `app.keys`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "COOKIE_KEYS" }, output: `import Koa from 'koa';
const app = new Koa();
if (!process.env.COOKIE_KEYS) {
  throw new Error('COOKIE_KEYS must be set');
}
app.keys = [process.env.COOKIE_KEYS];` },
          ],
        },
      ],
    },
    {
      name: "@fastify/session plugin registered with an imported module",
      code: `import Fastify from 'fastify';
import fastifySession from '@fastify/session';
const app = Fastify();
app.register(fastifySession, { secret: 'a secret with minimum length of 32 characters' });`,
      filename: "file.ts",
      errors: [
        {
          messageId: 'literal', line: 4, column: 40, endLine: 4, endColumn: 87,
          data: { preview: "\"a …\" (45 chars)", sink: "@fastify/session `secret`", forges: "session cookies", fix: fixOf("@fastify/session `secret`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "SESSION_SECRET" }, output: `import Fastify from 'fastify';
import fastifySession from '@fastify/session';
const app = Fastify();
if (!process.env.SESSION_SECRET) {
  throw new Error('SESSION_SECRET must be set');
}
app.register(fastifySession, { secret: process.env.SESSION_SECRET });` },
          ],
        },
      ],
    },
    {
      name: "@fastify/jwt through require inside register",
      code: `fastify.register(require('@fastify/jwt'), { secret: 'supersecret' });`,
      errors: [
        {
          messageId: 'literal', line: 1, column: 53, endLine: 1, endColumn: 66,
          data: { preview: "\"su…\" (11 chars)", sink: "@fastify/jwt `secret`", forges: "tokens", fix: fixOf("@fastify/jwt `secret`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
fastify.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET });` },
          ],
        },
      ],
    },
    {
      name: "hono jwt middleware and sign",
      code: `import { jwt, sign } from 'hono/jwt';
app.use('/api/*', jwt({ secret: 'hono-secret', alg: 'HS256' }));
const token = await sign({ sub: 'u', exp: 1 }, 'hono-secret-2');`,
      filename: "file.ts",
      errors: [
        {
          messageId: 'literal', line: 2, column: 33, endLine: 2, endColumn: 46,
          data: { preview: "\"ho…\" (11 chars)", sink: "hono `jwt` middleware `secret`", forges: "tokens", fix: fixOf("hono `jwt` middleware `secret`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `import { jwt, sign } from 'hono/jwt';
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
app.use('/api/*', jwt({ secret: process.env.JWT_SECRET, alg: 'HS256' }));
const token = await sign({ sub: 'u', exp: 1 }, 'hono-secret-2');` },
          ],
        },
        {
          messageId: 'literal', line: 3, column: 48, endLine: 3, endColumn: 63,
          data: { preview: "\"ho…\" (13 chars)", sink: "hono `sign` key", forges: "tokens", fix: fixOf("hono `sign` key") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `import { jwt, sign } from 'hono/jwt';
app.use('/api/*', jwt({ secret: 'hono-secret', alg: 'HS256' }));
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
const token = await sign({ sub: 'u', exp: 1 }, process.env.JWT_SECRET);` },
          ],
        },
      ],
    },
    {
      name: "hono signed cookie",
      code: `import { setSignedCookie } from 'hono/cookie';
await setSignedCookie(c, 'session', id, 'cookie-signing-key', { httpOnly: true, secure: true });`,
      filename: "file.ts",
      errors: [
        {
          messageId: 'literal', line: 2, column: 41, endLine: 2, endColumn: 61,
          data: { preview: "\"co…\" (18 chars)", sink: "hono `setSignedCookie` secret", forges: "signed cookies", fix: fixOf("hono `setSignedCookie` secret") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "COOKIE_SECRET" }, output: `import { setSignedCookie } from 'hono/cookie';
if (!process.env.COOKIE_SECRET) {
  throw new Error('COOKIE_SECRET must be set');
}
await setSignedCookie(c, 'session', id, process.env.COOKIE_SECRET, { httpOnly: true, secure: true });` },
          ],
        },
      ],
    },
    {
      name: "jose SignJWT chain with TextEncoder key",
      code: `import * as jose from 'jose';
const key = new TextEncoder().encode('jose-secret-value');
export const t = await new jose.SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(key);`,
      filename: "file.ts",
      errors: [
        {
          messageId: 'literal', line: 2, column: 38, endLine: 2, endColumn: 57,
          data: { preview: "\"jo…\" (17 chars)", sink: "jose `SignJWT.sign` key", forges: "tokens", fix: fixOf("jose `SignJWT.sign` key") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `import * as jose from 'jose';
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
const key = new TextEncoder().encode(process.env.JWT_SECRET);
export const t = await new jose.SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(key);` },
          ],
        },
      ],
    },
    {
      name: "jose jwtVerify with Buffer.from key",
      code: `import { jwtVerify } from 'jose';
export const v = (t: string) => jwtVerify(t, Buffer.from('verify-secret'));`,
      filename: "file.ts",
      errors: [
        {
          messageId: 'literal', line: 2, column: 58, endLine: 2, endColumn: 73,
          data: { preview: "\"ve…\" (13 chars)", sink: "jose `jwtVerify` key", forges: "tokens", fix: fixOf("jose `jwtVerify` key") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `import { jwtVerify } from 'jose';
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
export const v = (t: string) => jwtVerify(t, Buffer.from(process.env.JWT_SECRET));` },
          ],
        },
      ],
    },
    {
      name: "express-jwt",
      code: `const { expressjwt } = require('express-jwt');
app.use(expressjwt({ secret: 'shared', algorithms: ['HS256'] }));`,
      errors: [
        {
          messageId: 'literal', line: 2, column: 30, endLine: 2, endColumn: 38,
          data: { preview: "\"sh…\" (6 chars)", sink: "express-jwt `secret`", forges: "tokens", fix: fixOf("express-jwt `secret`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `const { expressjwt } = require('express-jwt');
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));` },
          ],
        },
      ],
    },
    {
      name: "passport-jwt Strategy with default parameter",
      code: `const JwtStrategy = require('passport-jwt').Strategy;
function strategy(secret = 'default-key') {
  return new JwtStrategy({ secretOrKey: secret, jwtFromRequest }, verify);
}`,
      errors: [
        {
          messageId: 'fallback', line: 2, column: 28, endLine: 2, endColumn: 41,
          data: { sink: "passport-jwt `secretOrKey`", preview: "\"de…\" (11 chars)", when: "when no other value is provided", fix: fixOf("passport-jwt `secretOrKey`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `const JwtStrategy = require('passport-jwt').Strategy;
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
function strategy(secret = process.env.JWT_SECRET) {
  return new JwtStrategy({ secretOrKey: secret, jwtFromRequest }, verify);
}` },
          ],
        },
      ],
    },
    {
      name: "Nest PassportStrategy(Strategy) super call",
      code: `import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
export class J extends PassportStrategy(Strategy) {
  constructor() {
    super({ secretOrKey: process.env.JWT_SECRET ?? 'changeme', jwtFromRequest });
  }
}`,
      filename: "file.ts",
      errors: [
        {
          messageId: 'fallback', line: 5, column: 26, endLine: 5, endColumn: 62,
          data: { sink: "passport-jwt `secretOrKey`", preview: "\"ch…\" (8 chars)", when: "when JWT_SECRET is not set", fix: fixOf("passport-jwt `secretOrKey`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
export class J extends PassportStrategy(Strategy) {
  constructor() {
    super({ secretOrKey: process.env.JWT_SECRET, jwtFromRequest });
  }
}` },
          ],
        },
      ],
    },
    {
      name: "Nest JwtModule.registerAsync useFactory",
      code: `import { JwtModule } from '@nestjs/jwt';
export const m = JwtModule.registerAsync({ useFactory: () => ({ secret: 'factory-secret' }) });`,
      filename: "file.ts",
      errors: [
        {
          messageId: 'literal', line: 2, column: 73, endLine: 2, endColumn: 89,
          data: { preview: "\"fa…\" (14 chars)", sink: "@nestjs/jwt `JwtModule.registerAsync` secret", forges: "tokens", fix: fixOf("@nestjs/jwt `JwtModule.registerAsync` secret") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `import { JwtModule } from '@nestjs/jwt';
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
export const m = JwtModule.registerAsync({ useFactory: () => ({ secret: process.env.JWT_SECRET }) });` },
          ],
        },
      ],
    },
    {
      name: "Nest JwtService injected through the constructor",
      code: `import { JwtService } from '@nestjs/jwt';
export class A {
  constructor(private readonly jwt: JwtService) {}
  issue() {
    return this.jwt.sign({}, { secret: 'svc-secret', expiresIn: '1h' });
  }
}`,
      filename: "file.ts",
      errors: [
        {
          messageId: 'literal', line: 5, column: 40, endLine: 5, endColumn: 52,
          data: { preview: "\"sv…\" (10 chars)", sink: "@nestjs/jwt `JwtService.sign` secret", forges: "tokens", fix: fixOf("@nestjs/jwt `JwtService.sign` secret") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `import { JwtService } from '@nestjs/jwt';
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
export class A {
  constructor(private readonly jwt: JwtService) {}
  issue() {
    return this.jwt.sign({}, { secret: process.env.JWT_SECRET, expiresIn: '1h' });
  }
}` },
          ],
        },
      ],
    },
    {
      name: "crypto.createHmac key through node: prefix",
      code: `import { createHmac } from 'node:crypto';
const resetKey = 'reset-hmac-key';
export const sig = (p) => createHmac('sha256', resetKey).update(p).digest('hex');`,
      errors: [
        {
          messageId: 'literal', line: 2, column: 18, endLine: 2, endColumn: 34,
          data: { preview: "\"re…\" (14 chars)", sink: "`crypto.createHmac` key", forges: "HMAC signatures", fix: fixOf("`crypto.createHmac` key") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "HMAC_SECRET" }, output: `import { createHmac } from 'node:crypto';
if (!process.env.HMAC_SECRET) {
  throw new Error('HMAC_SECRET must be set');
}
const resetKey = process.env.HMAC_SECRET;
export const sig = (p) => createHmac('sha256', resetKey).update(p).digest('hex');` },
          ],
        },
      ],
    },
    {
      name: "next-auth and iron-session",
      code: `import NextAuth from 'next-auth';
import { getIronSession } from 'iron-session';
export default NextAuth({ providers: [], secret: 'nextauth-secret' });
export const s = () => getIronSession(cookies(), { password: 'complex_password_at_least_32_characters_long', cookieName: 'a' });`,
      filename: "file.ts",
      errors: [
        {
          messageId: 'literal', line: 3, column: 50, endLine: 3, endColumn: 67,
          data: { preview: "\"ne…\" (15 chars)", sink: "next-auth `secret`", forges: "session cookies", fix: fixOf("next-auth `secret`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "NEXTAUTH_SECRET" }, output: `import NextAuth from 'next-auth';
import { getIronSession } from 'iron-session';
if (!process.env.NEXTAUTH_SECRET) {
  throw new Error('NEXTAUTH_SECRET must be set');
}
export default NextAuth({ providers: [], secret: process.env.NEXTAUTH_SECRET });
export const s = () => getIronSession(cookies(), { password: 'complex_password_at_least_32_characters_long', cookieName: 'a' });` },
          ],
        },
        {
          messageId: 'literal', line: 4, column: 62, endLine: 4, endColumn: 108,
          data: { preview: "\"co…\" (44 chars)", sink: "iron-session `password`", forges: "encrypted cookies", fix: fixOf("iron-session `password`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "SESSION_PASSWORD" }, output: `import NextAuth from 'next-auth';
import { getIronSession } from 'iron-session';
export default NextAuth({ providers: [], secret: 'nextauth-secret' });
if (!process.env.SESSION_PASSWORD) {
  throw new Error('SESSION_PASSWORD must be set');
}
export const s = () => getIronSession(cookies(), { password: process.env.SESSION_PASSWORD, cookieName: 'a' });` },
          ],
        },
      ],
    },
    {
      name: "better-auth",
      code: `import { betterAuth } from 'better-auth';
export const auth = betterAuth({ secret: 'better-secret' });`,
      filename: "file.ts",
      errors: [
        {
          messageId: 'literal', line: 2, column: 42, endLine: 2, endColumn: 57,
          data: { preview: "\"be…\" (13 chars)", sink: "better-auth `secret`", forges: "session cookies", fix: fixOf("better-auth `secret`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "BETTER_AUTH_SECRET" }, output: `import { betterAuth } from 'better-auth';
if (!process.env.BETTER_AUTH_SECRET) {
  throw new Error('BETTER_AUTH_SECRET must be set');
}
export const auth = betterAuth({ secret: process.env.BETTER_AUTH_SECRET });` },
          ],
        },
      ],
    },
    {
      name: "secret-named bindings and properties",
      code: `const SESSION_SECRET = 'abc123xyz';
module.exports = { jwtSecret: process.env.JWT_SECRET || 'secret', cookie: { signingKey: 's1gn1ng' } };
this.clientSecret = 'oauth-client-secret';`,
      errors: [
        {
          messageId: 'named', line: 1, column: 24, endLine: 1, endColumn: 35,
          data: { name: "SESSION_SECRET", preview: "\"ab…\" (9 chars)", env: "SESSION_SECRET" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "SESSION_SECRET" }, output: `if (!process.env.SESSION_SECRET) {
  throw new Error('SESSION_SECRET must be set');
}
const SESSION_SECRET = process.env.SESSION_SECRET;
module.exports = { jwtSecret: process.env.JWT_SECRET || 'secret', cookie: { signingKey: 's1gn1ng' } };
this.clientSecret = 'oauth-client-secret';` },
          ],
        },
        {
          messageId: 'namedFallback', line: 2, column: 31, endLine: 2, endColumn: 65,
          data: { name: "jwtSecret", preview: "\"se…\" (6 chars)", when: "when JWT_SECRET is not set", env: "JWT_SECRET" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `const SESSION_SECRET = 'abc123xyz';
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
module.exports = { jwtSecret: process.env.JWT_SECRET, cookie: { signingKey: 's1gn1ng' } };
this.clientSecret = 'oauth-client-secret';` },
          ],
        },
        {
          messageId: 'named', line: 2, column: 89, endLine: 2, endColumn: 98,
          data: { name: "signingKey", preview: "\"s1…\" (7 chars)", env: "SIGNING_KEY" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "SIGNING_KEY" }, output: `const SESSION_SECRET = 'abc123xyz';
if (!process.env.SIGNING_KEY) {
  throw new Error('SIGNING_KEY must be set');
}
module.exports = { jwtSecret: process.env.JWT_SECRET || 'secret', cookie: { signingKey: process.env.SIGNING_KEY } };
this.clientSecret = 'oauth-client-secret';` },
          ],
        },
        {
          messageId: 'named', line: 3, column: 21, endLine: 3, endColumn: 42,
          data: { name: "clientSecret", preview: "\"oa…\" (19 chars)", env: "CLIENT_SECRET" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "CLIENT_SECRET" }, output: `const SESSION_SECRET = 'abc123xyz';
module.exports = { jwtSecret: process.env.JWT_SECRET || 'secret', cookie: { signingKey: 's1gn1ng' } };
if (!process.env.CLIENT_SECRET) {
  throw new Error('CLIENT_SECRET must be set');
}
this.clientSecret = process.env.CLIENT_SECRET;` },
          ],
        },
      ],
    },
    {
      name: "PEM private key concatenated",
      code: `const key = '-----BEGIN PRIVATE KEY-----\\n' +
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n' +
  '-----END PRIVATE KEY-----\\n';
export default key;`,
      errors: [
        {
          messageId: 'privateKey', line: 1, column: 13, endLine: 3, endColumn: 32,
          data: { preview: "a PEM private key (87 chars)", env: "PRIVATE_KEY" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "PRIVATE_KEY" }, output: `if (!process.env.PRIVATE_KEY) {
  throw new Error('PRIVATE_KEY must be set');
}
const key = process.env.PRIVATE_KEY;
export default key;` },
          ],
        },
      ],
    },
    {
      name: "local helper returning a literal",
      code: `const jwt = require('jsonwebtoken');
function getSecret() {
  return 'helper-secret';
}
jwt.sign({}, getSecret(), { expiresIn: 60 });`,
      errors: [
        {
          messageId: 'literal', line: 3, column: 10, endLine: 3, endColumn: 25,
          data: { preview: "\"he…\" (13 chars)", sink: "jsonwebtoken `sign` key", forges: "tokens", fix: fixOf("jsonwebtoken `sign` key") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `const jwt = require('jsonwebtoken');
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
function getSecret() {
  return process.env.JWT_SECRET;
}
jwt.sign({}, getSecret(), { expiresIn: 60 });` },
          ],
        },
      ],
    },
    {
      name: "test files when configured",
      code: `const jwt = require('jsonwebtoken');
jwt.sign({}, 'x', {});
const jwtSecret = 'test-secret';`,
      filename: "src/__tests__/auth.test.js",
      options: [{"checkTestFiles":true}],
      errors: [
        {
          messageId: 'literal', line: 2, column: 14, endLine: 2, endColumn: 17,
          data: { preview: "\"x…\" (1 chars)", sink: "jsonwebtoken `sign` key", forges: "tokens", fix: fixOf("jsonwebtoken `sign` key") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `const jwt = require('jsonwebtoken');
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
jwt.sign({}, process.env.JWT_SECRET, {});
const jwtSecret = 'test-secret';` },
          ],
        },
        {
          messageId: 'named', line: 3, column: 19, endLine: 3, endColumn: 32,
          data: { name: "jwtSecret", preview: "\"te…\" (11 chars)", env: "JWT_SECRET" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `const jwt = require('jsonwebtoken');
jwt.sign({}, 'x', {});
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
const jwtSecret = process.env.JWT_SECRET;` },
          ],
        },
      ],
    },

    {
      name: "M13: an envalid `devDefault` for a secret-named setting is a fallback (reported at the literal, no suggestion)",
      filename: "hs-envalid.js",
      code: `const { cleanEnv, str } = require('envalid');
module.exports = cleanEnv(process.env, { JWT_SECRET: str({ devDefault: 'securekey' }), PORT: str({ default: '3000' }) });`,
      errors: [
        {
          messageId: 'namedFallback', line: 2, column: 72, endLine: 2, endColumn: 83,
          data: { name: "JWT_SECRET", preview: "\"se…\" (9 chars)", when: "when JWT_SECRET is not set", env: "JWT_SECRET" },
        },
      ],
    },
    {
      name: "M13: a zod `.default()` in an env schema",
      code: `import { z } from 'zod';
export const env = z.object({ SESSION_SECRET: z.string().min(8).default('dev-session-key'), HOST: z.string().default('localhost') }).parse(process.env);`,
      errors: [
        {
          messageId: 'namedFallback', line: 2, column: 73, endLine: 2, endColumn: 90,
          data: { name: "SESSION_SECRET", preview: "\"de…\" (15 chars)", when: "when SESSION_SECRET is not set", env: "SESSION_SECRET" },
        },
      ],
    },
    {
      name: "M13: a convict schema default, named after its `env`",
      code: `import convict from 'convict';
export const config = convict({ jwt: { secret: { doc: 'JWT key', format: String, default: 'c0nv1ct-jwt', env: 'JWT_SECRET' }, issuer: { doc: 'iss', default: 'my-app', env: 'JWT_ISSUER' } } });`,
      errors: [
        {
          messageId: 'namedFallback', line: 2, column: 91, endLine: 2, endColumn: 104,
          data: { name: "secret", preview: "\"c0…\" (11 chars)", when: "when JWT_SECRET is not set", env: "JWT_SECRET" },
        },
      ],
    },
    {
      name: "M13: a config service read with an inline default",
      code: `export class AuthService {
  constructor(private readonly configService: ConfigService) {}
  key() { return this.configService.get('JWT_SECRET', 'n3st-fallback'); }
  host() { return this.configService.get('HOST', 'localhost'); }
}`,
      errors: [
        {
          messageId: 'namedFallback', line: 3, column: 55, endLine: 3, endColumn: 70,
          data: { name: "JWT_SECRET", preview: "\"n3…\" (13 chars)", when: "when JWT_SECRET is not set", env: "JWT_SECRET" },
        },
      ],
    },
    {
      name: "M13: Egg `config.keys` = the public app name plus a literal",
      filename: "config/config.default.js",
      code: `module.exports = appInfo => {
  const config = exports = {};
  config.keys = appInfo.name + '_1519887194138_3450';
  config.name = appInfo.name + '_site';
  return config;
};`,
      errors: [
        {
          messageId: 'named', line: 3, column: 17, endLine: 3, endColumn: 53,
          data: { name: "config.keys", preview: "\"_1…\" (19 chars)", env: "CONFIG_KEYS" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "CONFIG_KEYS" }, output: `if (!process.env.CONFIG_KEYS) {
  throw new Error('CONFIG_KEYS must be set');
}
module.exports = appInfo => {
  const config = exports = {};
  config.keys = process.env.CONFIG_KEYS;
  config.name = appInfo.name + '_site';
  return config;
};` },
          ],
        },
      ],
    },
    {
      name: "M13: `app.keys` on an app the file does not construct",
      code: `export default function setup(app) {
  app.keys = ['k0a-cookie-key', process.env.EXTRA_KEY];
}`,
      errors: [
        {
          messageId: 'named', line: 2, column: 15, endLine: 2, endColumn: 31,
          data: { name: "app.keys", preview: "\"k0…\" (14 chars)", env: "APP_KEYS" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "APP_KEYS" }, output: `if (!process.env.APP_KEYS) {
  throw new Error('APP_KEYS must be set');
}
export default function setup(app) {
  app.keys = [process.env.APP_KEYS, process.env.EXTRA_KEY];
}` },
          ],
        },
      ],
    },
    {
      name: "M13: oidc-provider `cookies.keys` through a spread configuration",
      code: `import Provider, { Configuration } from 'oidc-provider';
const configuration: Configuration = { cookies: { keys: ['oidc'] }, ttl: {} };
export const oidc = new Provider(issuer, { ...configuration, jwks: { keys: [privateJwk] } });`,
      errors: [
        {
          messageId: 'literal', line: 2, column: 58, endLine: 2, endColumn: 64,
          data: { preview: "\"oi…\" (4 chars)", sink: "oidc-provider `cookies.keys`", forges: "signed cookies", fix: fixOf("oidc-provider `cookies.keys`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "OIDC_COOKIE_KEYS" }, output: `import Provider, { Configuration } from 'oidc-provider';
if (!process.env.OIDC_COOKIE_KEYS) {
  throw new Error('OIDC_COOKIE_KEYS must be set');
}
const configuration: Configuration = { cookies: { keys: [process.env.OIDC_COOKIE_KEYS] }, ttl: {} };
export const oidc = new Provider(issuer, { ...configuration, jwks: { keys: [privateJwk] } });` },
          ],
        },
      ],
    },
    {
      name: "M13: a real-looking API key in an outgoing request header",
      code: `export async function post(url, body) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain', apikey: '6EwQsWNDR4AoSvFCHAsFUhmxkuALN13F' }, body });
}`,
      errors: [
        {
          messageId: 'credential', line: 2, column: 88, endLine: 2, endColumn: 122,
          data: { name: "apikey", preview: "\"6E…\" (32 chars)", env: "APIKEY" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "APIKEY" }, output: `if (!process.env.APIKEY) {
  throw new Error('APIKEY must be set');
}
export async function post(url, body) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain', apikey: process.env.APIKEY }, body });
}` },
          ],
        },
      ],
    },
    {
      name: "keys derived from a literal: a hash of it, a repeated character",
      code: `import crypto from 'crypto';
import jwt from 'jsonwebtoken';
const key = crypto.createHash('sha256').update('my-app-key').digest();
export const t = jwt.sign({ sub: 1 }, key, { expiresIn: '1h' });
export const u = jwt.sign({ sub: 1 }, 'a'.repeat(32), { expiresIn: '1h' });`,
      errors: [
        {
          messageId: 'literal', line: 3, column: 13, endLine: 3, endColumn: 70,
          data: { preview: "\"my…\" (10 chars)", sink: "jsonwebtoken `sign` key", forges: "tokens", fix: fixOf("jsonwebtoken `sign` key") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `import crypto from 'crypto';
import jwt from 'jsonwebtoken';
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
const key = process.env.JWT_SECRET;
export const t = jwt.sign({ sub: 1 }, key, { expiresIn: '1h' });
export const u = jwt.sign({ sub: 1 }, 'a'.repeat(32), { expiresIn: '1h' });` },
          ],
        },
        {
          messageId: 'literal', line: 5, column: 39, endLine: 5, endColumn: 53,
          data: { preview: "\"aa…\" (32 chars)", sink: "jsonwebtoken `sign` key", forges: "tokens", fix: fixOf("jsonwebtoken `sign` key") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRET" }, output: `import crypto from 'crypto';
import jwt from 'jsonwebtoken';
const key = crypto.createHash('sha256').update('my-app-key').digest();
export const t = jwt.sign({ sub: 1 }, key, { expiresIn: '1h' });
if (!process.env.JWT_SECRET) {
  throw new Error('JWT_SECRET must be set');
}
export const u = jwt.sign({ sub: 1 }, process.env.JWT_SECRET, { expiresIn: '1h' });` },
          ],
        },
      ],
    },
    {
      name: "a key-rotation map: each literal key",
      code: `export const JWT_SECRETS = { v1: 'r0tat1on-one', v2: 'r0tat1on-two' };`,
      errors: [
        {
          messageId: 'named', line: 1, column: 34, endLine: 1, endColumn: 48,
          data: { name: "JWT_SECRETS", preview: "\"r0…\" (12 chars)", env: "JWT_SECRETS" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRETS" }, output: `if (!process.env.JWT_SECRETS) {
  throw new Error('JWT_SECRETS must be set');
}
export const JWT_SECRETS = { v1: process.env.JWT_SECRETS, v2: 'r0tat1on-two' };` },
          ],
        },
        {
          messageId: 'named', line: 1, column: 54, endLine: 1, endColumn: 68,
          data: { name: "JWT_SECRETS", preview: "\"r0…\" (12 chars)", env: "JWT_SECRETS" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "JWT_SECRETS" }, output: `if (!process.env.JWT_SECRETS) {
  throw new Error('JWT_SECRETS must be set');
}
export const JWT_SECRETS = { v1: 'r0tat1on-one', v2: process.env.JWT_SECRETS };` },
          ],
        },
      ],
    },
    {
      name: "iron-session password in an exported SessionOptions-typed object",
      filename: "lib/session.ts",
      code: `import type { SessionOptions } from 'iron-session';
export const sessionOptions: SessionOptions = { password: 'complex_password_at_least_32_characters_long', cookieName: 'app' };`,
      errors: [
        {
          messageId: 'literal', line: 2, column: 59, endLine: 2, endColumn: 105,
          data: { preview: "\"co…\" (44 chars)", sink: "iron-session `SessionOptions.password`", forges: "encrypted cookies", fix: fixOf("iron-session `SessionOptions.password`") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "SESSION_PASSWORD" }, output: `import type { SessionOptions } from 'iron-session';
if (!process.env.SESSION_PASSWORD) {
  throw new Error('SESSION_PASSWORD must be set');
}
export const sessionOptions: SessionOptions = { password: process.env.SESSION_PASSWORD, cookieName: 'app' };` },
          ],
        },
      ],
    },
    {
      name: "app-wide constants: a static KEY, an admin password",
      code: `export class Crypto {
  static KEY = 'Zx81mQv7Lp02Tr5k';
}
export const ADMIN_PASSWORD = 'Adm1nPa55w0rd';
export const DEFAULT_PARTNER_PASSWORD = 'partner2024pw';`,
      errors: [
        {
          messageId: 'credential', line: 2, column: 16, endLine: 2, endColumn: 34,
          data: { name: "KEY", preview: "\"Zx…\" (16 chars)", env: "KEY_SECRET" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "KEY_SECRET" }, output: `if (!process.env.KEY_SECRET) {
  throw new Error('KEY_SECRET must be set');
}
export class Crypto {
  static KEY = process.env.KEY_SECRET;
}
export const ADMIN_PASSWORD = 'Adm1nPa55w0rd';
export const DEFAULT_PARTNER_PASSWORD = 'partner2024pw';` },
          ],
        },
        {
          messageId: 'credential', line: 4, column: 31, endLine: 4, endColumn: 46,
          data: { name: "ADMIN_PASSWORD", preview: "\"Ad…\" (13 chars)", env: "ADMIN_PASSWORD" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "ADMIN_PASSWORD" }, output: `export class Crypto {
  static KEY = 'Zx81mQv7Lp02Tr5k';
}
if (!process.env.ADMIN_PASSWORD) {
  throw new Error('ADMIN_PASSWORD must be set');
}
export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD;
export const DEFAULT_PARTNER_PASSWORD = 'partner2024pw';` },
          ],
        },
        {
          messageId: 'credential', line: 5, column: 41, endLine: 5, endColumn: 56,
          data: { name: "DEFAULT_PARTNER_PASSWORD", preview: "\"pa…\" (13 chars)", env: "DEFAULT_PARTNER_PASSWORD" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "DEFAULT_PARTNER_PASSWORD" }, output: `export class Crypto {
  static KEY = 'Zx81mQv7Lp02Tr5k';
}
export const ADMIN_PASSWORD = 'Adm1nPa55w0rd';
if (!process.env.DEFAULT_PARTNER_PASSWORD) {
  throw new Error('DEFAULT_PARTNER_PASSWORD must be set');
}
export const DEFAULT_PARTNER_PASSWORD = process.env.DEFAULT_PARTNER_PASSWORD;` },
          ],
        },
      ],
    },
    {
      name: "M13: a literal AES key defaulted before it reaches a local cipher helper (reported at the literal)",
      code: `const crypto = require('crypto');
const aesEncode = function (data, password) {
  const cipher = crypto.createCipher('aes192', password);
  return cipher.update(data, 'utf-8', 'hex') + cipher.final('hex');
};
const defaultSalt = 'abcde';
exports.getToken = function getToken(token, uid) {
  app.config.passsalt = app.config.passsalt || defaultSalt;
  return aesEncode(uid + '|' + token, app.config.passsalt);
};`,
      errors: [
        {
          messageId: 'fallback', line: 6, column: 21, endLine: 6, endColumn: 28,
          data: { preview: "\"ab…\" (5 chars)", when: "when no other value is provided", sink: "`crypto.createCipher` key", fix: fixOf("`crypto.createCipher` key") },
          suggestions: [
            { messageId: 'useEnv', data: { env: "ENCRYPTION_KEY" }, output: `const crypto = require('crypto');
const aesEncode = function (data, password) {
  const cipher = crypto.createCipher('aes192', password);
  return cipher.update(data, 'utf-8', 'hex') + cipher.final('hex');
};
if (!process.env.ENCRYPTION_KEY) {
  throw new Error('ENCRYPTION_KEY must be set');
}
const defaultSalt = process.env.ENCRYPTION_KEY;
exports.getToken = function getToken(token, uid) {
  app.config.passsalt = app.config.passsalt || defaultSalt;
  return aesEncode(uid + '|' + token, app.config.passsalt);
};` },
          ],
        },
      ],
    },
    {
      name: "a default secret compared but not replaced is still reported",
      code: `const config = { sessionSecret: 'secret' };
if (config.sessionSecret === 'secret') {
  console.warn('using the default session secret');
}
module.exports = config;`,
      errors: [
        {
          messageId: 'named', line: 1, column: 33, endLine: 1, endColumn: 41,
          data: { name: "sessionSecret", preview: "\"se…\" (6 chars)", env: "SESSION_SECRET" },
          suggestions: [
            { messageId: 'useEnv', data: { env: "SESSION_SECRET" }, output: `if (!process.env.SESSION_SECRET) {
  throw new Error('SESSION_SECRET must be set');
}
const config = { sessionSecret: process.env.SESSION_SECRET };
if (config.sessionSecret === 'secret') {
  console.warn('using the default session secret');
}
module.exports = config;` },
          ],
        },
      ],
    },
  ],
});
