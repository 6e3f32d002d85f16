import rule from '../../rules/timing-safe-compare.js';
import { ruleTester } from '../rule-tester.js';

ruleTester.run('timing-safe-compare', rule, {
  assertionOptions: { requireData: true, requireLocation: true },
  valid: [
    { name: 'a React component comparing the token it holds with the new one (browser rendering code)', filename: 'src/ui/ClientProvider.tsx', code: `import { useEffect, useState } from 'react';
export function AuthProvider({ state, children }) {
  const [token, setToken] = useState(state.token);
  useEffect(() => {
    if (state.token !== token) setToken(state.token);
  }, [state.token]);
  return <div>{children}</div>;
}` },
    { name: 'an ERC-20 token address in blockchain code is public chain data', code: `const { toBN } = require('web3-utils');
function verifyPledgeToken(app, pledge) {
  return app.get('tokenWhitelist').find((t) => t.foreignAddress.toLowerCase() === pledge.token.toLowerCase());
}` },
    { name: 'two secrets of the same options object (startup validation): neither side is a guess', code: `function validateOptions({ masterKey, readOnlyMasterKey, maintenanceKey }) {
  if (masterKey === readOnlyMasterKey) throw new Error('masterKey and readOnlyMasterKey should be different');
  if (masterKey === maintenanceKey) throw new Error('masterKey and maintenanceKey should be different');
}
class Keys { validate() { return this.apiKey !== this.adminKey; } }` },
    { name: 'flags about a secret are booleans', code: `function validateHeaders(header, headerObj) {
  return header.wasSecret !== headerObj.isSecret;
}` },
    { name: 'digests of a presented token compared with the stored digest', code: `const crypto = require('crypto');
async function verifyRefresh(req, row) {
  const presented = crypto.createHash('sha256').update(req.body.refreshToken).digest('hex');
  if (row.tokenHash !== presented) throw new Error('invalid');
  if (row.token !== sha256(req.body.refreshToken)) throw new Error('invalid');
}` },
    {
      name: 'dependency-injection and routing tokens outside any credential check',
      code: `import { PAGE_SEGMENT_KEY } from './segment';
function lookupProvider(providers, token) {
  for (const item of providers) {
    if (item.token === token) return item;
  }
  return null;
}
function isPage(segmentKey) {
  return segmentKey === PAGE_SEGMENT_KEY;
}
const same = (tokenString, opaqueTokenString) => tokenString === opaqueTokenString;`,
    },
    { name: "empty file", code: `` },
    { name: "odd syntax", filename: 'file.tsx', code: `const a = b; const b = a;
if (#value in this) {}
class X { #value = 1; eq(o) { return #value in o && this.#value === o.value; } @Input() token = a?.b!; }
const el = <input value={value === other ? 'a' : 'b'} />;
if (a?.value! === (b as any) satisfies unknown) {}
const { [key]: computed, ...rest } = obj;
if (computed === rest) {}` },
    { name: "enum-like literals, null/undefined/empty checks, typeof and lengths", filename: 'file.ts', code: `const TOKEN_TYPE = 'Bearer';
enum TokenKind { Access = 'access', Refresh = 'refresh' }
function check(token: string, payload: any, expected: string) {
  if (tokenType === TOKEN_TYPE) return 1;
  if (payload.kind === TokenKind.Refresh) return 2;
  if (token === null || token === undefined || token === '') return 3;
  if (typeof token !== 'string') return 4;
  if (token.length !== expected.length) return 5;
  if (scheme !== 'Bearer') return 6;
  if (payload.typ === 'JWT') return 7;
  if (node.type === AST_NODE_TYPES.TSMethodSignature) return 8;
}` },
    { name: "a plaintext password compare belongs to plaintext-password", code: `if (user.password === req.body.password) ok();
if (pass !== user.pass) fail();
if (user.passwordHash === sha256(req.body.password)) ok();
if (req.body.password !== req.body.confirmPassword) fail();` },
    { name: "identifiers, versions and expiries of tokens", code: `if (stored.userId === payload.sub) ok();
if (payload.tokenVersion !== user.tokenVersion) fail();
if (decoded.jti !== stored.tokenId) fail();
if (session.tokenExpiresAt === now) fail();
if (x.signatureAlgorithm === y.alg) fail();
if (etagDigest === req.headers['if-none-match']) notModified();` },
    { name: "lexer tokens", code: `const first = sourceCode.getFirstToken(node);
const last = sourceCode.getLastToken(node);
if (first !== last) report();
if (tokenBefore === openingParenToken) report();` },
    { name: "timingSafeEqual already", code: `const crypto = require('crypto');
const a = Buffer.from(req.headers['x-api-key']);
const b = Buffer.from(process.env.API_KEY);
if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) deny();` },
    { name: "environment names that are not secrets", code: `if (process.env.NODE_ENV === mode) ok();
if (process.env.GOOGLE_CLIENT_ID === clientId) ok();
if (process.env.PUBLIC_KEY_URL === url) ok();` },
    { name: "lexical tokens in a linter rule", filename: 'file.js', code: `module.exports = { create(context) {
  const sourceCode = context.sourceCode;
  return { BinaryExpression(node) {
    const token = sourceCode.getTokenAfter(node.left);
    if (token.value === node.operator && token !== lastToken) context.report({ node });
  } };
} };` },
    { name: "real-world look-alike: two server-side session ids", filename: "src/sessions.ts", code: `export function isCurrent(req: any, session: { id: string }) {
  return session.id === req.sessionID;
}` },
    { name: "real-world look-alike: a token field compared with a numeric sentinel constant", filename: 'src/sessions.js', code: `const TOKEN_EXPIRATION_NEVER = -1;
module.exports = function check(session) {
  return session.token_expires !== TOKEN_EXPIRATION_NEVER && session.apiToken !== TOKEN_EXPIRATION_NEVER;
};` },
    { name: "test files are skipped by default", filename: 'test/auth.spec.js', code: `function requireApiKey(req, res, next) {
  if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(403);
  next();
}` },
  ],
  invalid: [
    {
      name: "a server action in a route module that also renders (Remix): the action is not rendering code",
      filename: 'app/routes/reset.tsx',
      code: `import { useActionData } from '@remix-run/react';
export async function action({ request }) {
  const form = await request.formData();
  if (form.get('token') !== process.env.RESET_TOKEN) throw new Response('no', { status: 403 });
  return null;
}
export default function Reset() { const data = useActionData(); return <p>{String(data)}</p>; }`,
      errors: [
        { messageId: 'unsafeCompare', line: 4, column: 7, endLine: 4, endColumn: 52, data: {"secret":"process.env.RESET_TOKEN","kind":"a token","operator":"!=="} },
      ],
    },
    {
      name: "a destructured key checked against another holder's key is still reported",
      code: `function verifyKey({ apiKey }, config) {
  return apiKey === config.apiKey;
}`,
      errors: [
        { messageId: 'unsafeCompare', line: 2, column: 10, endLine: 2, endColumn: 34, data: {"secret":"apiKey","kind":"a key","operator":"==="} },
      ],
    },
    {
      name: "an HMAC digest is a MAC, not a plain digest: still reported",
      filename: 'webhook.js',
      code: `const crypto = require('crypto');
function verifyWebhook(req) {
  const digest = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.rawBody).digest('hex');
  return req.headers['x-signature'] === digest;
}`,
      errors: [
        { messageId: 'unsafeCompare', line: 4, column: 10, endLine: 4, endColumn: 47, data: {"secret":"req.headers['x-signature']","kind":"a signature","operator":"==="},
          suggestions: [{ messageId: 'useSafeEqual', data: { helper: 'safeEqual' }, output: `const crypto = require('crypto');

/** Constant-time string comparison: false for non-strings and different lengths. */
function safeEqual(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
function verifyWebhook(req) {
  const digest = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.rawBody).digest('hex');
  return safeEqual(req.headers['x-signature'], digest);
}` }] },
      ],
    },
    {
      name: "checkTestFiles: true reports in test files",
      filename: 'test/auth.spec.js',
      options: [{ checkTestFiles: true }],
      code: `function requireApiKey(req, res, next) {
  if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(403);
  next();
}`,
      errors: [
        { messageId: 'unsafeCompare', line: 2, column: 7, endLine: 2, endColumn: 55, data: {"secret":"req.headers['x-api-key']","kind":"a key","operator":"!=="} },
      ],
    },
    {
      name: "an API key from a header compared with !== (helper suggestion, CommonJS)",
      filename: 'file.js',
      code: `const crypto = require('crypto');

const API_KEY = process.env.API_KEY;

function requireApiKey(req, res, next) {
  const key = req.headers['x-api-key'];
  if (key !== API_KEY) return res.sendStatus(403);
  next();
}`,
      errors: [
        { messageId: 'unsafeCompare', line: 7, column: 7, endLine: 7, endColumn: 22, data: {"secret":"API_KEY","kind":"a key","operator":"!=="}, suggestions: [{ messageId: 'useSafeEqual', data: {"helper":"safeEqual"}, output: `const crypto = require('crypto');

/** Constant-time string comparison: false for non-strings and different lengths. */
function safeEqual(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

const API_KEY = process.env.API_KEY;

function requireApiKey(req, res, next) {
  const key = req.headers['x-api-key'];
  if (!safeEqual(key, API_KEY)) return res.sendStatus(403);
  next();
}` }] },
      ],
    },
    {
      name: "a webhook signature in TypeScript, ESM (typed helper suggestion)",
      filename: 'file.ts',
      code: `import crypto from 'node:crypto';
import type { Request } from 'express';

export function verify(req: Request, body: Buffer): boolean {
  const signature = req.get('x-hub-signature-256');
  const expected = 'sha256=' + crypto.createHmac('sha256', process.env.WEBHOOK_SECRET!).update(body).digest('hex');
  return signature === expected;
}`,
      errors: [
        { messageId: 'unsafeCompare', line: 7, column: 10, endLine: 7, endColumn: 32, data: {"secret":"signature","kind":"a signature","operator":"==="}, suggestions: [{ messageId: 'useSafeEqual', data: {"helper":"safeEqual"}, output: `import crypto from 'node:crypto';
import type { Request } from 'express';

/** Constant-time string comparison: false for non-strings and different lengths. */
function safeEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

export function verify(req: Request, body: Buffer): boolean {
  const signature = req.get('x-hub-signature-256');
  const expected = 'sha256=' + crypto.createHmac('sha256', process.env.WEBHOOK_SECRET!).update(body).digest('hex');
  return safeEqual(signature, expected);
}` }] },
      ],
    },
    {
      name: "a named import of timingSafeEqual and an existing safeEqual-like name",
      filename: 'file.js',
      code: `import { timingSafeEqual } from 'crypto';
const safeEqual = (a, b) => a == b;
export function check(req) {
  return req.params.token == process.env.ADMIN_TOKEN;
}`,
      errors: [
        { messageId: 'unsafeCompare', line: 4, column: 10, endLine: 4, endColumn: 53, data: {"secret":"req.params.token","kind":"a token","operator":"=="}, suggestions: [{ messageId: 'useSafeEqual', data: {"helper":"timingSafeStringEqual"}, output: `import { timingSafeEqual } from 'crypto';

/** Constant-time string comparison: false for non-strings and different lengths. */
function timingSafeStringEqual(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
const safeEqual = (a, b) => a == b;
export function check(req) {
  return timingSafeStringEqual(req.params.token, process.env.ADMIN_TOKEN);
}` }] },
      ],
    },
    {
      name: "a helper already in the file is reused",
      filename: 'file.js',
      code: `const crypto = require('crypto');
function safeEqual(a, b) {
  const left = Buffer.from(String(a));
  const right = Buffer.from(String(b));
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
if (req.query.token !== \`\${process.env.SHARE_TOKEN}\`) deny();`,
      errors: [
        { messageId: 'unsafeCompare', line: 7, column: 5, endLine: 7, endColumn: 53, data: {"secret":"req.query.token","kind":"a token","operator":"!=="}, suggestions: [{ messageId: 'useSafeEqual', data: {"helper":"safeEqual"}, output: `const crypto = require('crypto');
function safeEqual(a, b) {
  const left = Buffer.from(String(a));
  const right = Buffer.from(String(b));
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
if (!safeEqual(req.query.token, \`\${process.env.SHARE_TOKEN}\`)) deny();` }] },
      ],
    },
    {
      name: "no suggestion without Node crypto (Web Crypto / hono)",
      filename: 'file.js',
      code: `app.post('/hook', async (c) => {
  const signature = c.req.header('x-signature');
  const expected = await hmacHex(c.env.WEBHOOK_SECRET, await c.req.text());
  if (signature === expected) return c.json({ ok: true });
});`,
      errors: [
        { messageId: 'unsafeCompare', line: 4, column: 7, endLine: 4, endColumn: 29, data: {"secret":"signature","kind":"a signature","operator":"==="} },
      ],
    },
    {
      name: "a reset token, an OTP stored in a Map, a CSRF token and a session id",
      filename: 'file.js',
      code: `const codes = new Map();
function sendCode(phone) {
  const code = generateOtp();
  codes.set(phone, { code, expires: Date.now() + 300000 });
}
function checkCode(phone, code) {
  const entry = codes.get(phone);
  return entry.code === code;
}
if (!user || user.resetPasswordToken !== req.params.token) fail();
if (req.body._csrf != req.session.csrfToken) fail();
if (req.cookies.sid !== session.sessionId) fail();`,
      errors: [
        { messageId: 'unsafeCompare', line: 8, column: 10, endLine: 8, endColumn: 29, data: {"secret":"entry.code","kind":"a one-time code","operator":"==="} },
        { messageId: 'unsafeCompare', line: 10, column: 14, endLine: 10, endColumn: 58, data: {"secret":"user.resetPasswordToken","kind":"a token","operator":"!=="} },
        { messageId: 'unsafeCompare', line: 11, column: 5, endLine: 11, endColumn: 44, data: {"secret":"req.session.csrfToken","kind":"a token","operator":"!="} },
        { messageId: 'unsafeCompare', line: 12, column: 5, endLine: 12, endColumn: 42, data: {"secret":"req.cookies.sid","kind":"a token","operator":"!=="} },
      ],
    },
    {
      name: "a code read back from a repository it was saved to",
      filename: 'file.ts',
      code: `export class OtpService {
  constructor(private readonly otps: OtpRepository) {}
  async send(userId: string) {
    const verificationCode = randomInt(0, 1_000_000).toString();
    await this.otps.save({ userId, code: verificationCode });
  }
  async verify(userId: string, submitted: string) {
    const record = await this.otps.findLatest(userId);
    if (record.userId === userId) return record.code === submitted;
    return false;
  }
}`,
      errors: [
        { messageId: 'unsafeCompare', line: 9, column: 42, endLine: 9, endColumn: 67, data: {"secret":"record.code","kind":"a one-time code","operator":"==="} },
      ],
    },
    {
      name: "a generic code qualified by its owner",
      filename: 'file.js',
      code: `async function verify(req) {
  const otp = await Otp.findOne({ phone: req.body.phone });
  if (country.code === req.body.country) return false;
  if (err.code === other.code) return false;
  return otp.code === req.body.code;
}`,
      errors: [
        { messageId: 'unsafeCompare', line: 5, column: 10, endLine: 5, endColumn: 36, data: {"secret":"otp.code","kind":"a one-time code","operator":"==="} },
      ],
    },
    {
      name: "a Bearer header against an env token in a template, and a KEY env var",
      filename: 'file.js',
      code: `const crypto = require('crypto');
if (req.headers.authorization !== \`Bearer \${process.env.ADMIN_TOKEN}\`) deny();
if (process.env.STRIPE_KEY === provided) allow();`,
      errors: [
        { messageId: 'unsafeCompare', line: 2, column: 5, endLine: 2, endColumn: 70, data: {"secret":"ADMIN_TOKEN","kind":"a token","operator":"!=="}, suggestions: [{ messageId: 'useSafeEqual', data: {"helper":"safeEqual"}, output: `const crypto = require('crypto');

/** Constant-time string comparison: false for non-strings and different lengths. */
function safeEqual(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
if (!safeEqual(req.headers.authorization, \`Bearer \${process.env.ADMIN_TOKEN}\`)) deny();
if (process.env.STRIPE_KEY === provided) allow();` }] },
        { messageId: 'unsafeCompare', line: 3, column: 5, endLine: 3, endColumn: 40, data: {"secret":"process.env.STRIPE_KEY","kind":"a key","operator":"==="}, suggestions: [{ messageId: 'useSafeEqual', data: {"helper":"safeEqual"}, output: `const crypto = require('crypto');

/** Constant-time string comparison: false for non-strings and different lengths. */
function safeEqual(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
if (req.headers.authorization !== \`Bearer \${process.env.ADMIN_TOKEN}\`) deny();
if (safeEqual(process.env.STRIPE_KEY, provided)) allow();` }] },
      ],
    },
  ],
});
