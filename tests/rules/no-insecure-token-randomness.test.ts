import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/no-insecure-token-randomness.js';
import { ruleTester } from '../rule-tester.js';

const ROUTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/projects/express-mounted/routes');

ruleTester.run('no-insecure-token-randomness', rule, {
  assertionOptions: { requireData: true, requireLocation: true },
  valid: [
    { name: "empty file", code: `` },
    { name: "odd syntax: optional chaining, computed keys, decorators, JSX, cycles", filename: 'file.tsx', code: `const a = b; const b = a;
const o = { [k]: Math.random(), ...rest, get token() { return 1; } };
const el = <div key={Math.random()} style={{ opacity: Math.random() }} />;
@Component() class X { @Input() token = x?.y!; }
Math?.random();` },
    { name: "jitter, sampling, shuffles and colours", code: `function backoff(attempt) {
  return 100 * 2 ** attempt + Math.floor(Math.random() * 100);
}
const jitter = Math.random() * 250;
setTimeout(retry, 1000 + jitter);
const sampled = events.filter(() => Math.random() < 0.1);
function shuffle(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
const hue = Math.floor(Math.random() * 360);
const color = \`hsl(\${hue}, 70%, 50%)\`;
const winner = players[Math.floor(Math.random() * players.length)];` },
    { name: "ids for UI keys and request tracing are not credentials", code: `const id = Math.random().toString(36).slice(2);
const requestId = Math.random().toString(36).substring(2, 10);
function uid() { return Math.random().toString(36).slice(2); }
const key = uid();
todos.push({ id: uid(), title });` },
    { name: "token-named values that are not random, and crypto-made tokens", code: `const crypto = require('crypto');
const resetToken = crypto.randomBytes(32).toString('hex');
const sessionId = crypto.randomUUID();
const otp = crypto.randomInt(100000, 1000000).toString();
const tokenTtl = Math.floor(Math.random() * 60) + 600;
const tokenExpiresAt = Date.now() + Math.random() * 1000;` },
    { name: "test data in a test file", filename: 'src/__tests__/auth.test.ts', code: `const token = Math.random().toString(36).slice(2);` },
    { name: "fake tokens for fixtures", code: `const fakeToken = Math.random().toString(36);
const mockApiKey = 'k' + Math.random();` },
    { name: "a non-auth cookie and a comparison with Math.random", code: `res.cookie('theme', Math.random() > 0.5 ? 'dark' : 'light');
res.cookie('ab_variant', String(Math.floor(Math.random() * 2)));
if (Math.random() < 0.01) logger.debug('sampled');` },
    { name: "a shadowed Math", code: `const Math = { random: () => 4 };
const token = Math.random().toString(36);` },
    { name: "SQL write of a non-credential column", code: `db.query('UPDATE users SET avatar_seed = $1, reset_token = $2 WHERE id = $3', [Math.random(), token, id]);` },
    { name: "project: a Math.random helper from another module used for display ids and delays", filename: `${ROUTES}/files.js`, code: `const { randStr, shortId, jitter } = require('../lib/random');
const fileId = shortId();
const label = randStr(6);
setTimeout(retry, jitter(500));` },
    { name: "project: a crypto helper from another module makes the token", filename: `${ROUTES}/files.js`, code: `const { secureStr } = require('../lib/random');
const resetToken = secureStr(32);` },
    { name: "project: a helper that cannot be resolved is unknown", filename: `${ROUTES}/files.js`, code: `const { randStr } = require('../lib/nope');
const apiToken = randStr(32);` },
    { name: "seeded PRNG: a generator seeded from Math.random used for jitter, colours, sampling and shuffles", code: `function mulberry32(a) {
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(Math.random() * 2 ** 32);
const delay = 1000 + Math.floor(rand() * 250);
const colour = PALETTE[Math.floor(rand() * PALETTE.length)];
const sampled = events.filter(() => rand() < 0.1);
export function shuffleCards(cards) { return cards.sort(() => rand() - 0.5); }` },
    { name: "seeded PRNG: generators seeded from crypto or with a fixed seed (deterministic tests) make the tokens", code: `import crypto from 'node:crypto';
class Xorshift {
  constructor(seed) { this.state = seed | 0 || 1; }
  next() {
    let x = this.state;
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    this.state = x;
    return (x >>> 0) / 4294967296;
  }
}
const secure = new Xorshift(crypto.randomBytes(4).readUInt32LE(0));
const demo = new Xorshift(Math.random() * 1e9);
const fixed = new Xorshift(42);
export function generateApiKey() {
  let key = '';
  for (let i = 0; i < 32; i++) key += Math.floor(secure.next() * 16).toString(16);
  return key;
}
export const testToken = Array.from({ length: 8 }, () => Math.floor(fixed.next() * 16).toString(16)).join('');
export const wobble = demo.next() * 3;` },
    { name: "seeded PRNG library: seedrandom with a fixed seed for test data, pure-rand seeded from Math.random for a delay", code: `import seedrandom from 'seedrandom';
import prand from 'pure-rand';
const rng = seedrandom('fixture-seed');
export const resetToken = rng().toString(36).slice(2);
const gen = prand.xoroshiro128plus(Date.now() ^ (Math.random() * 0x100000000));
export const retryDelay = prand.unsafeUniformIntDistribution(100, 500, gen);` },
    { name: "coupon, promo and voucher codes built from Math.random in a loop are not credentials", code: `function generateCode(length) {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let code = '';
  for (let i = 0; i < length; i++) code += chars[Math.floor(Math.random() * chars.length)];
  return code;
}
const couponCode = generateCode(8);
const promo = { promoCode: generateCode(10) };
export function createVoucher(amount) {
  return { amount, code: generateCode(12) };
}
export function generateCouponCode() {
  let s = '';
  for (let i = 0; i < 8; i++) s += 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(Math.random() * 32)];
  return s;
}` },
    { name: "project: a helper built on a fixed-seed generator, and one on a Math.random-seeded generator used for a display label", filename: `${ROUTES}/files.js`, code: `const { randomChars, sampleChars } = require('../lib/seeded');
const inviteToken = sampleChars(16);
const label = randomChars(6);` },
  ],
  invalid: [
    {
      name: "project: a helper built on Math.random in another module makes a salt and an API token",
      filename: `${ROUTES}/files.js`,
      code: `const { randStr, shortId } = require('../lib/random');
const salt = randStr(32);
const user = { name, apiToken: shortId() };`,
      errors: [
        { messageId: 'insecureHelper', line: 2, column: 14, endLine: 2, endColumn: 25, data: { helper: 'randStr', where: '../lib/random.js:7', target: '`salt`', kind: 'values' } },
        { messageId: 'insecureHelper', line: 3, column: 32, endLine: 3, endColumn: 41, data: { helper: 'shortId', where: '../lib/random.js:17', target: '`apiToken`', kind: 'tokens' } },
      ],
    },
    {
      name: "project: an imported namespace's helper for a reset code",
      filename: `${ROUTES}/files.ts`,
      code: `import * as random from '../lib/random';
export function resetCode() {
  const resetCode = random.randStr(6, '0123456789');
  return resetCode;
}`,
      errors: [
        { messageId: 'insecureHelper', line: 3, column: 21, endLine: 3, endColumn: 52, data: { helper: 'random.randStr', where: '../lib/random.js:7', target: '`resetCode`', kind: 'codes' } },
      ],
    },
    {
      name: "a reset token built with toString(36) in a named generator",
      code: `const crypto = require('crypto');
function generateResetToken() {
  return Math.random().toString(36).substring(2) + Date.now().toString(36);
}`,
      errors: [
        { messageId: 'insecure', line: 3, column: 10, endLine: 3, endColumn: 23, data: {"target":"the value of `generateResetToken()`","kind":"tokens"}, suggestions: [{ messageId: 'useRandomBytes', output: `const crypto = require('crypto');
function generateResetToken() {
  return crypto.randomBytes(16).toString('hex') + Date.now().toString(36);
}` }] },
      ],
    },
    {
      name: "an API key accumulated with += in a loop",
      code: `function generateApiKey() {
  let key = '';
  for (let i = 0; i < 32; i++) {
    key += Math.floor(Math.random() * 16).toString(16);
  }
  return key;
}`,
      errors: [
        { messageId: 'insecure', line: 4, column: 23, endLine: 4, endColumn: 36, data: {"target":"the value of `generateApiKey()`","kind":"tokens"} },
      ],
    },
    {
      name: "a six-digit OTP (numeric code suggestion with crypto imported)",
      code: `import { randomInt } from 'node:crypto';
export const generateOtp = () => Math.floor(100000 + Math.random() * 900000).toString();`,
      errors: [
        { messageId: 'insecure', line: 2, column: 54, endLine: 2, endColumn: 67, data: {"target":"the value of `generateOtp()`","kind":"codes"}, suggestions: [{ messageId: 'useRandomInt', output: `import { randomInt } from 'node:crypto';
export const generateOtp = () => randomInt(100000, 1000000).toString();` }] },
      ],
    },
    {
      name: "Math.floor(Math.random() * N) + A with a namespace import",
      code: `import * as nodeCrypto from 'crypto';
const pin = Math.floor(Math.random() * 9000) + 1000;`,
      errors: [
        { messageId: 'insecure', line: 2, column: 24, endLine: 2, endColumn: 37, data: {"target":"`pin`","kind":"codes"}, suggestions: [{ messageId: 'useRandomInt', output: `import * as nodeCrypto from 'crypto';
const pin = nodeCrypto.randomInt(1000, 10000);` }] },
      ],
    },
    {
      name: "a session id without a crypto import suggests crypto.randomUUID()",
      code: `const sessionId = Math.random().toString(36).slice(2);`,
      errors: [
        { messageId: 'insecure', line: 1, column: 19, endLine: 1, endColumn: 32, data: {"target":"`sessionId`","kind":"session ids"}, suggestions: [{ messageId: 'useRandomUUID', output: `const sessionId = crypto.randomUUID();` }] },
      ],
    },
    {
      name: "a helper in the same file that returns Math.random output",
      code: `function randomString(length) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let out = '';
  for (let i = 0; i < length; i++) out += chars.charAt(Math.floor(Math.random() * chars.length));
  return out;
}
user.resetToken = randomString(32);
const label = randomString(6);`,
      errors: [
        { messageId: 'insecure', line: 4, column: 67, endLine: 4, endColumn: 80, data: {"target":"`resetToken`","kind":"tokens"} },
      ],
    },
    {
      name: "a charset index, an array join and Array.from",
      code: `const ALPHABET = 'abcdef0123456789';
const nonce = Array.from({ length: 16 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');
const parts = [];
for (let i = 0; i < 4; i++) parts.push(Math.random().toString(36).slice(2));
const refreshToken = parts.join('-');`,
      errors: [
        { messageId: 'insecure', line: 2, column: 68, endLine: 2, endColumn: 81, data: {"target":"`nonce`","kind":"values"} },
        { messageId: 'insecure', line: 4, column: 40, endLine: 4, endColumn: 53, data: {"target":"`refreshToken`","kind":"tokens"}, suggestions: [{ messageId: 'useRandomUUID', output: `const ALPHABET = 'abcdef0123456789';
const nonce = Array.from({ length: 16 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');
const parts = [];
for (let i = 0; i < 4; i++) parts.push(crypto.randomUUID());
const refreshToken = parts.join('-');` }] },
      ],
    },
    {
      name: "a cookie value, a response field and a DB write",
      code: `const { v4 } = require('uuid');
app.post('/login', async (req, res) => {
  const sid = Math.random().toString(36).slice(2);
  res.cookie('session', sid, { httpOnly: true, secure: true });
  await db.query('INSERT INTO sessions (user_id, session_id) VALUES (?, ?)', [user.id, Math.random().toString(36)]);
  res.json({ apiKey: 'ak_' + Math.random().toString(36).slice(2) });
});`,
      errors: [
        { messageId: 'insecure', line: 3, column: 15, endLine: 3, endColumn: 28, data: {"target":"`sid`","kind":"session ids"}, suggestions: [{ messageId: 'useRandomUUID', output: `const { v4 } = require('uuid');
app.post('/login', async (req, res) => {
  const sid = crypto.randomUUID();
  res.cookie('session', sid, { httpOnly: true, secure: true });
  await db.query('INSERT INTO sessions (user_id, session_id) VALUES (?, ?)', [user.id, Math.random().toString(36)]);
  res.json({ apiKey: 'ak_' + Math.random().toString(36).slice(2) });
});` }] },
        { messageId: 'insecure', line: 5, column: 88, endLine: 5, endColumn: 101, data: {"target":"the `session_id` column","kind":"session ids"}, suggestions: [{ messageId: 'useRandomUUID', output: `const { v4 } = require('uuid');
app.post('/login', async (req, res) => {
  const sid = Math.random().toString(36).slice(2);
  res.cookie('session', sid, { httpOnly: true, secure: true });
  await db.query('INSERT INTO sessions (user_id, session_id) VALUES (?, ?)', [user.id, crypto.randomUUID()]);
  res.json({ apiKey: 'ak_' + Math.random().toString(36).slice(2) });
});` }] },
        { messageId: 'insecure', line: 6, column: 30, endLine: 6, endColumn: 43, data: {"target":"`apiKey`","kind":"tokens"}, suggestions: [{ messageId: 'useRandomUUID', output: `const { v4 } = require('uuid');
app.post('/login', async (req, res) => {
  const sid = Math.random().toString(36).slice(2);
  res.cookie('session', sid, { httpOnly: true, secure: true });
  await db.query('INSERT INTO sessions (user_id, session_id) VALUES (?, ?)', [user.id, Math.random().toString(36)]);
  res.json({ apiKey: 'ak_' + crypto.randomUUID() });
});` }] },
      ],
    },
    {
      name: "a password, a salt and a verification code through String and padStart",
      filename: 'file.ts',
      code: `const tempPassword = Math.random().toString(36).slice(-10);
const salt = Math.random().toString();
function makeCode() { return String(Math.floor(Math.random() * 1e6)).padStart(6, '0'); }
const verificationCode = makeCode();
class Mailer { token = Math.random(); }`,
      errors: [
        { messageId: 'insecure', line: 1, column: 22, endLine: 1, endColumn: 35, data: {"target":"`tempPassword`","kind":"values"}, suggestions: [{ messageId: 'useRandomUUID', output: `const tempPassword = crypto.randomUUID();
const salt = Math.random().toString();
function makeCode() { return String(Math.floor(Math.random() * 1e6)).padStart(6, '0'); }
const verificationCode = makeCode();
class Mailer { token = Math.random(); }` }] },
        { messageId: 'insecure', line: 2, column: 14, endLine: 2, endColumn: 27, data: {"target":"`salt`","kind":"values"} },
        { messageId: 'insecure', line: 3, column: 48, endLine: 3, endColumn: 61, data: {"target":"`verificationCode`","kind":"codes"} },
        { messageId: 'insecure', line: 5, column: 24, endLine: 5, endColumn: 37, data: {"target":"`token`","kind":"tokens"} },
      ],
    },
    {
      name: "an OTP saved through a model, and a prisma data field",
      filename: 'file.js',
      code: `async function sendOtp(phone) {
  const code = Math.floor(1000 + Math.random() * 9000);
  await Otp.create({ phone, code, expiresAt: Date.now() + 300000 });
  await prisma.verificationToken.create({ data: { identifier: phone, value: Math.random().toString(36) } });
}
async function createCoupon() {
  const code = Math.floor(Math.random() * 100);
  await Coupon.create({ code });
}`,
      errors: [
        { messageId: 'insecure', line: 2, column: 34, endLine: 2, endColumn: 47, data: {"target":"the `code` field written to `Otp`","kind":"codes"} },
        { messageId: 'insecure', line: 4, column: 77, endLine: 4, endColumn: 90, data: {"target":"the `value` field written to `verificationToken`","kind":"tokens"}, suggestions: [{ messageId: 'useRandomUUID', output: `async function sendOtp(phone) {
  const code = Math.floor(1000 + Math.random() * 9000);
  await Otp.create({ phone, code, expiresAt: Date.now() + 300000 });
  await prisma.verificationToken.create({ data: { identifier: phone, value: crypto.randomUUID() } });
}
async function createCoupon() {
  const code = Math.floor(Math.random() * 100);
  await Coupon.create({ code });
}` }] },
      ],
    },
    {
      name: "seeded PRNG: a closure generator seeded from Math.random makes share tokens",
      code: `function mulberry32(a) {
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(Math.random() * 2 ** 32);
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export function createShareToken() {
  return Array.from({ length: 16 }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');
}`,
      errors: [
        { messageId: 'insecure', line: 9, column: 25, endLine: 9, endColumn: 38, data: { target: 'the value of `createShareToken()`', kind: 'tokens' } },
      ],
    },
    {
      name: "seeded PRNG: a class generator seeded with Date.now() ^ Math.random() makes API keys; an object generator makes invite codes",
      code: `class Xorshift {
  constructor(seed) { this.state = seed | 0 || 1; }
  next() {
    let x = this.state;
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    this.state = x;
    return (x >>> 0) / 4294967296;
  }
}
const rng = new Xorshift(Date.now() ^ (Math.random() * 0x100000000));
export function generateApiKey() {
  let key = '';
  for (let i = 0; i < 32; i++) key += Math.floor(rng.next() * 16).toString(16);
  return key;
}
function lcg(seed) {
  let s = seed;
  return { next: () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648 };
}
const gen = lcg(Math.floor(Math.random() * 2147483648));
export function generateInviteCode() {
  let code = '';
  for (let i = 0; i < 8; i++) code += 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(gen.next() * 32)];
  return code;
}`,
      errors: [
        { messageId: 'insecure', line: 10, column: 40, endLine: 10, endColumn: 53, data: { target: 'the value of `generateApiKey()`', kind: 'tokens' } },
        { messageId: 'insecure', line: 20, column: 28, endLine: 20, endColumn: 41, data: { target: 'the value of `generateInviteCode()`', kind: 'codes' } },
      ],
    },
    {
      name: "seeded PRNG: a module-level seed stepped by a helper (LCG) makes a reset token",
      code: `let seed = Math.floor(Math.random() * 2147483647);
function next() {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
}
const CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function generateResetToken() {
  let s = '';
  for (let i = 0; i < 24; i++) s += CHARS[Math.floor(next() * CHARS.length)];
  return s;
}`,
      errors: [
        { messageId: 'insecure', line: 1, column: 23, endLine: 1, endColumn: 36, data: { target: 'the value of `generateResetToken()`', kind: 'tokens' } },
      ],
    },
    {
      name: "seeded PRNG library: pure-rand seeded from Date.now() ^ Math.random() builds a team access code",
      code: `import prand from 'pure-rand';
const seed = Date.now() ^ (Math.random() * 0x100000000);
const rng = prand.xoroshiro128plus(seed);
export function random(min, max) {
  return prand.unsafeUniformIntDistribution(min, max, rng);
}
export function getRandomChars(n, chars = '0123456789abcdefghijklmnopqrstuvwxyz') {
  const arr = chars.split('');
  let s = '';
  for (let i = 0; i < n; i++) s += arr[random(0, arr.length - 1)];
  return s;
}
export const createTeam = (name) => ({ name, accessCode: \`team_\${getRandomChars(16)}\` });`,
      errors: [
        { messageId: 'insecure', line: 2, column: 28, endLine: 2, endColumn: 41, data: { target: '`accessCode`', kind: 'codes' } },
      ],
    },
    {
      name: "project: a helper built on a Math.random-seeded generator in another module makes an invite token",
      filename: `${ROUTES}/files.js`,
      code: `const { randomChars } = require('../lib/seeded');
const inviteToken = randomChars(24);`,
      errors: [
        { messageId: 'insecureHelper', line: 2, column: 21, endLine: 2, endColumn: 36, data: { helper: 'randomChars', where: '../lib/seeded.js:12', target: '`inviteToken`', kind: 'tokens' } },
      ],
    },
    {
      name: "codes picked from a charset with substr in a loop, a generic code in a password-reset record",
      code: `const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
function genCode(n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(chars.substr(Math.floor(Math.random() * chars.length), 1));
  return out.join('');
}
export function createPasswordResetRequest(userId) {
  return { userId, code: genCode(6), expiresAt: Date.now() + 600000 };
}`,
      errors: [
        { messageId: 'insecure', line: 4, column: 64, endLine: 4, endColumn: 77, data: { target: 'the `code` field of `createPasswordResetRequest()`', kind: 'codes' } },
      ],
    },
    {
      name: "test files with checkTestFiles",
      filename: 'src/__tests__/auth.test.ts',
      options: [{"checkTestFiles":true}],
      code: `const token = Math.random().toString(36).slice(2);`,
      errors: [
        { messageId: 'insecure', line: 1, column: 15, endLine: 1, endColumn: 28, data: {"target":"`token`","kind":"tokens"}, suggestions: [{ messageId: 'useRandomUUID', output: `const token = crypto.randomUUID();` }] },
      ],
    },
  ],
});
