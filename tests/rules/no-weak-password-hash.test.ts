import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/no-weak-password-hash.js';
import { PASSWORD_HASH_FIX } from '../../src/models/hashes.js';
import { ruleTester } from '../rule-tester.js';

const ROUTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/projects/express-mounted/routes');

ruleTester.run('no-weak-password-hash', rule, {
  assertionOptions: { requireData: true, requireLocation: true },
  valid: [
    // --- pbkdf2-password (iterations are a factory option, 10,000 by default) and promisified crypto
    { name: "pbkdf2-password with iterations raised at the factory", code: `const hasher = require('pbkdf2-password')({ iterations: 600000, digest: 'sha256' });
hasher({ password: req.body.password }, (err, pass, salt, hash) => {});` },
    { name: "pbkdf2-password built from options the file cannot see (unknown, not reported)", filename: "file.ts", code: `import bkfd2Password from 'pbkdf2-password';
import { hashOptions } from './config';
const hasher = bkfd2Password(hashOptions);
hasher({ password, salt: user.salt }, done);` },
    { name: "promisified pbkdf2 and scrypt with a random salt and a high cost", filename: "file.ts", code: `import crypto from 'node:crypto';
import util from 'node:util';
const pbkdf2 = util.promisify(crypto.pbkdf2);
const scrypt = util.promisify(crypto.scrypt);
export async function hashPassword(password: string) {
  const salt = crypto.randomBytes(16);
  return [await pbkdf2(password, salt, 600_000, 64, 'sha512'), await scrypt(password, salt, 64)];
}` },
    { name: "bcrypt with cost 12, default genSalt, hashSync 10", code: `const bcrypt = require('bcrypt');
async function store(password) {
  await bcrypt.hash(password, 12);
  const salt = await bcrypt.genSalt();
  bcrypt.hashSync(password, 10);
  return bcrypt.hash(password, salt);
}` },
    { name: "bcryptjs cost from a const of 12", filename: "file.ts", code: `import bcrypt from 'bcryptjs';
const SALT_ROUNDS = 12;
export const hash = (pw: string) => bcrypt.hash(pw, SALT_ROUNDS);` },
    { name: "bcrypt cost from the environment is unknown, not weak", code: `const bcrypt = require('bcrypt');
bcrypt.hash(password, Number(process.env.BCRYPT_ROUNDS));` },
    { name: "argon2 with defaults and a random salt", filename: "file.ts", code: `import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
await argon2.hash(password);
await argon2.hash(password, { type: argon2.argon2id, salt: randomBytes(16) });` },
    { name: "PBKDF2 with 600,000 iterations and a random salt", code: `const crypto = require('crypto');
const salt = crypto.randomBytes(16);
crypto.pbkdf2Sync(password, salt, 600000, 64, 'sha512');
crypto.pbkdf2(password, salt, 310_000, 64, 'sha256', done);` },
    { name: "scrypt with a random salt and default cost", code: `const { scryptSync, randomBytes } = require('node:crypto');
const salt = randomBytes(16);
scryptSync(password, salt, 64);
scryptSync(password, salt, 64, { N: 2 ** 15 });` },
    { name: "scrypt deriving an encryption key from an env secret (not a password)", code: `const crypto = require('crypto');
const key = crypto.scryptSync(process.env.ENCRYPTION_SECRET, 'salt', 32);
const aesKey = crypto.pbkdf2Sync(masterKey, 'static', 1000, 32, 'sha256');` },
    { name: "fast hashes of non-password data: ETag, checksum, cache key, gravatar, file name", code: `const crypto = require('crypto');
const etag = crypto.createHash('md5').update(body).digest('hex');
function checksum(fileBuffer) {
  return crypto.createHash('sha256').update(fileBuffer).digest('hex');
}
const cacheKey = crypto.createHash('sha1').update(JSON.stringify(query)).digest('hex');
const avatar = crypto.createHash('md5').update(user.email.trim().toLowerCase()).digest('hex');
const name = crypto.createHash('sha1').update(file.originalname).digest('hex');` },
    { name: "sha256 of a reset token is not a password hash", code: `const crypto = require('crypto');
const resetPasswordTokenHash = crypto.createHash('sha256').update(resetToken).digest('hex');
user.resetPasswordToken = crypto.createHash('sha256').update(token).digest('hex');` },
    { name: "HMAC signatures of payloads", filename: "file.ts", code: `import { createHmac } from 'node:crypto';
export const sign = (body: string) => createHmac('sha256', process.env.WEBHOOK_SECRET!).update(body).digest('hex');` },
    { name: "crypto-js and md5 packages on non-password data", filename: "file.ts", code: `import CryptoJS from 'crypto-js';
import md5 from 'md5';
const fingerprint = CryptoJS.SHA256(navigator.userAgent).toString();
const key = md5(url);` },
    { name: "a fast-hash result bound to a variable and stored under a non-password key", code: `const crypto = require('crypto');
const digest = crypto.createHash('sha1').update(fileBuffer).digest('hex');
Files.create({ name, checksum: digest });` },
    { name: "a local md5 function is not the md5 package", code: `const md5 = (s) => s.split('').reverse().join('');
md5(password);` },
    { name: "low bcrypt cost in a test file is skipped by default", filename: "src/__tests__/users.test.ts", code: `import bcrypt from 'bcrypt';
await bcrypt.hash('pw', 4);` },
    { name: "bcrypt cost 8 accepted when minBcryptCost is lowered", options: [{"minBcryptCost":8}], code: `const bcrypt = require('bcrypt');
bcrypt.hash(password, 8);` },
    { name: "odd syntax does not crash", filename: "file.tsx", code: `const crypto = require('crypto');
const a = b; const b = a;
crypto.createHash(...args).update(...rest);
crypto.pbkdf2Sync(...params);
const x = <div>{crypto.createHash(alg).update(a).digest()}</div>;
class K { #p = 1; get h() { return crypto.createHash('md5').update(this.#p).digest(); } }` },
    { name: "empty file", code: `` },
    { name: "project: a hashing helper from another module called on non-passwords", filename: `${ROUTES}/files.js`, code: `const { digest } = require('../lib/digest');
const etag = digest(req.body.content);
const key = digest(user.email);` },
    { name: "project: a hashing helper from another module called on a string built from non-passwords", filename: `${ROUTES}/files.js`, code: `const { digest } = require('../lib/digest');
const etag = digest(\`\${file.name}:\${file.size}\`);
const key = digest(user.email + salt);` },
    { name: "project: a helper that cannot be resolved is unknown", filename: `${ROUTES}/files.js`, code: `const { digest } = require('../lib/nope');
user.passwordHash = digest(req.body.password);` },
    { name: "fast pre-hash fed into bcrypt", filename: "src/auth.ts", code: `import crypto from 'crypto';
import bcrypt from 'bcrypt';
export async function hashPassword(password: string) {
  const prehash = crypto.createHash('sha256').update(password).digest('base64');
  return bcrypt.hash(prehash, 12);
}` },
    { name: "fast pre-hash inline into argon2", filename: "src/auth.ts", code: `import crypto from 'crypto';
import argon2 from 'argon2';
export const hash = (password: string) => argon2.hash(crypto.createHash('sha512').update(password).digest('hex'));` },
    { name: "sha1 for HIBP range API", filename: "src/pwned.ts", code: `import crypto from 'crypto';
export async function isPwned(password: string) {
  const sha1 = crypto.createHash('sha1').update(password).digest('hex').toUpperCase();
  const res = await fetch(\`https://api.pwnedpasswords.com/range/\${sha1.slice(0, 5)}\`);
  return (await res.text()).includes(sha1.slice(5));
}` },
    { name: "pbkdf2 deriving an encryption key from a server secret via a param named password", filename: "src/crypto.ts", code: `import crypto from 'crypto';
function deriveKey(password: string, salt: Buffer) {
  return crypto.pbkdf2Sync(password, salt, 10000, 32, 'sha256');
}
export const key = deriveKey(process.env.APP_SECRET!, Buffer.from(process.env.APP_SALT!, 'hex'));` },
  ],
  invalid: [
    {
      name: "pbkdf2-password with its default of 10,000 iterations (reported at the factory)",
      code: `const hasher = require('pbkdf2-password')();
hasher({ password: req.body.password }, (err, pass, salt, hash) => {});`,
      errors: [
        {
          messageId: 'weakSettings', line: 1, column: 16, endLine: 1, endColumn: 44,
          data: { api: "pbkdf2-password", problems: "runs only 10,000 iterations (the library default, as `iterations` is not set; at least 100,000; OWASP recommends 600,000 for PBKDF2-HMAC-SHA256)", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "pbkdf2-password factory with options that leave iterations at the default, and with too few",
      filename: "file.ts",
      code: `import bkfd2Password from 'pbkdf2-password';
export const hasher = bkfd2Password({ keyLength: 64 });
export const legacy = bkfd2Password({ iterations: 20000 });`,
      errors: [
        {
          messageId: 'weakSettings', line: 2, column: 23, endLine: 2, endColumn: 55,
          data: { api: "pbkdf2-password", problems: "runs only 10,000 iterations (the library default, as `iterations` is not set; at least 100,000; OWASP recommends 600,000 for PBKDF2-HMAC-SHA256)", fix: PASSWORD_HASH_FIX },
        },
        {
          messageId: 'weakSettings', line: 3, column: 23, endLine: 3, endColumn: 59,
          data: { api: "pbkdf2-password", problems: "runs only 20,000 iterations (at least 100,000; OWASP recommends 600,000 for PBKDF2-HMAC-SHA256)", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "pbkdf2-password hasher given a constant salt",
      code: `const bkfd2Password = require('pbkdf2-password');
const hasher = bkfd2Password({ iterations: 600000 });
hasher({ password, salt: 'c2FsdHNhbHQ=' }, done);`,
      errors: [
        {
          messageId: 'weakSettings', line: 3, column: 1, endLine: 3, endColumn: 49,
          data: { api: "pbkdf2-password hasher", problems: "uses the constant salt \"c2…\" (12 chars), so equal passwords get equal hashes and one precomputed table cracks them all (use `crypto.randomBytes(16)` per password, stored beside the hash)", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "util.promisify(crypto.pbkdf2) with too few iterations and a constant salt",
      code: `const crypto = require('crypto');
const util = require('util');
const pbkdf2 = util.promisify(crypto.pbkdf2);
async function hashPassword(password) {
  return (await pbkdf2(password, 'app-salt', 1000, 64, 'sha512')).toString('hex');
}`,
      errors: [
        {
          messageId: 'weakSettings', line: 5, column: 17, endLine: 5, endColumn: 65,
          data: { api: "crypto.pbkdf2", problems: "runs only 1,000 iterations (at least 100,000; OWASP recommends 600,000 for PBKDF2-HMAC-SHA256) and uses the constant salt \"ap…\" (8 chars), so equal passwords get equal hashes and one precomputed table cracks them all (use `crypto.randomBytes(16)` per password, stored beside the hash)", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "promisify(scrypt) with a constant salt and a low cost",
      filename: "file.ts",
      code: `import { scrypt } from 'node:crypto';
import { promisify } from 'node:util';
const scryptAsync = promisify(scrypt);
export const hashPassword = async (password: string) => scryptAsync(password, 'static-salt', 64, { N: 1024 });`,
      errors: [
        {
          messageId: 'weakSettings', line: 4, column: 57, endLine: 4, endColumn: 110,
          data: { api: "crypto.scrypt", problems: "uses cost N 1,024, below 16,384 (use 131,072 or more) and uses the constant salt \"st…\" (11 chars), so equal passwords get equal hashes and one precomputed table cracks them all (use `crypto.randomBytes(16)` per password, stored beside the hash)", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "pbkdf2 in a helper that a route calls with the request's password is not key derivation",
      code: `import crypto from 'crypto';
function deriveKey(password, salt) {
  return crypto.pbkdf2Sync(password, salt, 10000, 32, 'sha256');
}
app.post('/signup', (req) => deriveKey(req.body.password, crypto.randomBytes(16)));`,
      errors: [
        {
          messageId: 'weakSettings', line: 3, column: 10, endLine: 3, endColumn: 64,
          data: { api: "crypto.pbkdf2Sync", problems: "runs only 10,000 iterations (at least 100,000; OWASP recommends 600,000 for PBKDF2-HMAC-SHA256)", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "project: a fast-hash helper from another module called on the request's password",
      filename: `${ROUTES}/signup.js`,
      code: `const { digest } = require('../lib/digest');
user.passwordHash = digest(req.body.password);`,
      errors: [
        {
          messageId: 'fastHash', line: 2, column: 21, endLine: 2, endColumn: 46,
          data: { subject: "The password `req.body.password`", algorithm: "SHA1", api: "crypto.createHash in ../lib/digest.js:5", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "project: a fast-hash helper from another module called on a password joined with its salt",
      filename: `${ROUTES}/signup.ts`,
      code: `import { digest } from '../lib/digest';
export function check(user: { psalt: string; password: string }, dto: { oldPassword: string }) {
  const a = digest(\`\${dto.oldPassword}\${user.psalt}\`);
  const b = digest(initPassword ?? 'changeme' + salt);
  return a === user.password;
}`,
      errors: [
        {
          messageId: 'fastHash', line: 3, column: 13, endLine: 3, endColumn: 54,
          data: { subject: "A password", algorithm: "SHA1", api: "crypto.createHash in ../lib/digest.js:5", fix: PASSWORD_HASH_FIX },
        },
        {
          messageId: 'fastHash', line: 4, column: 13, endLine: 4, endColumn: 54,
          data: { subject: "A password", algorithm: "SHA1", api: "crypto.createHash in ../lib/digest.js:5", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "createHash md5 of a password in a mongoose pre-save hook",
      code: `const crypto = require('crypto');
UserSchema.pre('save', function (next) {
  this.password = crypto.createHash('md5').update(this.password).digest('hex');
  next();
});`,
      errors: [
        {
          messageId: 'fastHash', line: 3, column: 19, endLine: 3, endColumn: 79,
          data: { subject: "The password `this.password`", algorithm: "MD5", api: "crypto.createHash", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "destructured createHash from node:crypto, sha256 of a parameter",
      filename: "file.ts",
      code: `import { createHash } from 'node:crypto';
export function hashPassword(password: string) {
  return createHash('sha256').update(password).digest('hex');
}`,
      errors: [
        {
          messageId: 'fastHash', line: 3, column: 10, endLine: 3, endColumn: 61,
          data: { subject: "The password `password`", algorithm: "SHA256", api: "crypto.createHash", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "renamed import, data not named like a password but the helper is",
      filename: "file.ts",
      code: `import { createHash as digest } from 'crypto';
export const hashPassword = (input: string) => digest('sha512').update(input).digest('hex');`,
      errors: [
        {
          messageId: 'fastHash', line: 2, column: 48, endLine: 2, endColumn: 92,
          data: { subject: "The password `input`", algorithm: "SHA512", api: "crypto.createHash", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "hash object in a variable, updated with the request password",
      code: `const crypto = require('crypto');
app.post('/register', (req, res) => {
  const h = crypto.createHash('sha1');
  h.update(req.body.password);
  const digest = h.digest('hex');
});`,
      errors: [
        {
          messageId: 'fastHash', line: 3, column: 13, endLine: 3, endColumn: 38,
          data: { subject: "The password `req.body.password`", algorithm: "SHA1", api: "crypto.createHash", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "multi-line chain reported at its first line",
      code: `const crypto = require('crypto');
const passwordHash = crypto
  .createHash('sha256')
  .update(salt + password)
  .digest('hex');`,
      errors: [
        {
          messageId: 'fastHash', line: 2, column: 22, endLine: 5, endColumn: 17,
          data: { subject: "A password", algorithm: "SHA256", api: "crypto.createHash", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "fast hash stored as the password",
      code: `const crypto = require('crypto');
User.create({ email, password: crypto.createHash('sha256').update(secretWord).digest('hex') });`,
      errors: [
        {
          messageId: 'fastHash', line: 2, column: 32, endLine: 2, endColumn: 92,
          data: { subject: "The password `secretWord`", algorithm: "SHA256", api: "crypto.createHash", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "a fast-hash result bound to a variable, then stored as the password",
      code: `const crypto = require('crypto');
async function importUser(username, secretWord) {
  const digest = crypto.createHash('sha1').update(secretWord).digest('hex');
  return Users.create({ username, password: digest });
}`,
      errors: [
        {
          messageId: 'fastHash', line: 3, column: 18, endLine: 3, endColumn: 76,
          data: { subject: "The password `secretWord`", algorithm: "SHA1", api: "crypto.createHash", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "HMAC used as a password hash",
      code: `const crypto = require('crypto');
const pepper = process.env.PEPPER;
const stored = crypto.createHmac('sha256', pepper).update(password).digest('hex');`,
      errors: [
        {
          messageId: 'fastHash', line: 3, column: 16, endLine: 3, endColumn: 82,
          data: { subject: "The password `password`", algorithm: "HMAC-SHA256", api: "crypto.createHmac", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "crypto-js SHA256 and MD5 of a password",
      filename: "file.ts",
      code: `import CryptoJS from 'crypto-js';
const a = CryptoJS.SHA256(password).toString();
const b = CryptoJS.MD5(form.password).toString();`,
      errors: [
        {
          messageId: 'fastHash', line: 2, column: 11, endLine: 2, endColumn: 47,
          data: { subject: "The password `password`", algorithm: "SHA256", api: "CryptoJS.SHA256", fix: PASSWORD_HASH_FIX },
        },
        {
          messageId: 'fastHash', line: 3, column: 11, endLine: 3, endColumn: 49,
          data: { subject: "The password `form.password`", algorithm: "MD5", api: "CryptoJS.MD5", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "crypto-js deep import",
      filename: "file.ts",
      code: `import sha1 from 'crypto-js/sha1';
export const encryptPassword = (pw: string) => sha1(pw).toString();`,
      errors: [
        {
          messageId: 'fastHash', line: 2, column: 48, endLine: 2, endColumn: 67,
          data: { subject: "The password `pw`", algorithm: "SHA1", api: "crypto-js/sha1", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "md5 and sha1 packages",
      code: `const md5 = require('md5');
const sha1 = require('sha1');
const a = md5(req.body.password);
const b = sha1(pwd);`,
      errors: [
        {
          messageId: 'fastHash', line: 3, column: 11, endLine: 3, endColumn: 33,
          data: { subject: "The password `req.body.password`", algorithm: "MD5", api: "md5()", fix: PASSWORD_HASH_FIX },
        },
        {
          messageId: 'fastHash', line: 4, column: 11, endLine: 4, endColumn: 20,
          data: { subject: "The password `pwd`", algorithm: "SHA1", api: "sha1()", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "js-sha256 named import and .hex()",
      filename: "file.ts",
      code: `import { sha256 } from 'js-sha256';
const a = sha256(password);
const b = sha256.hex(newPassword);`,
      errors: [
        {
          messageId: 'fastHash', line: 2, column: 11, endLine: 2, endColumn: 27,
          data: { subject: "The password `password`", algorithm: "SHA256", api: "sha256()", fix: PASSWORD_HASH_FIX },
        },
        {
          messageId: 'fastHash', line: 3, column: 11, endLine: 3, endColumn: 34,
          data: { subject: "The password `newPassword`", algorithm: "SHA256", api: "sha256.hex()", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "WebCrypto digest of an encoded password",
      filename: "file.ts",
      code: `export async function hashPassword(password: string) {
  const data = new TextEncoder().encode(password);
  return crypto.subtle.digest('SHA-256', data);
}`,
      errors: [
        {
          messageId: 'fastHash', line: 3, column: 10, endLine: 3, endColumn: 47,
          data: { subject: "The password `data`", algorithm: "SHA-256", api: "crypto.subtle.digest", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "bcrypt cost 8 with a suggestion",
      filename: "file.ts",
      code: `import bcrypt from 'bcrypt';
const passwordHash = await bcrypt.hash(password, 8);`,
      errors: [
        {
          messageId: 'weakSettings', line: 2, column: 28, endLine: 2, endColumn: 52,
          data: { api: "bcrypt.hash", problems: "uses cost (salt rounds) 8, below 10 (each step down halves the work per guess; use 12)", fix: PASSWORD_HASH_FIX },
          suggestions: [
            { messageId: 'raiseCost', data: { label: "cost (salt rounds)", recommended: "12" }, output: `import bcrypt from 'bcrypt';
const passwordHash = await bcrypt.hash(password, 12);` },
          ],
        },
      ],
    },
    {
      name: "bcryptjs genSaltSync(6) and hashSync through a const",
      code: `const bcrypt = require('bcryptjs');
const ROUNDS = 7;
const salt = bcrypt.genSaltSync(6);
const hash = bcrypt.hashSync(password, ROUNDS);`,
      errors: [
        {
          messageId: 'weakSettings', line: 3, column: 14, endLine: 3, endColumn: 35,
          data: { api: "bcrypt.genSaltSync", problems: "uses cost (salt rounds) 6, below 10 (each step down halves the work per guess; use 12)", fix: PASSWORD_HASH_FIX },
          suggestions: [
            { messageId: 'raiseCost', data: { label: "cost (salt rounds)", recommended: "12" }, output: `const bcrypt = require('bcryptjs');
const ROUNDS = 7;
const salt = bcrypt.genSaltSync(12);
const hash = bcrypt.hashSync(password, ROUNDS);` },
          ],
        },
        {
          messageId: 'weakSettings', line: 4, column: 14, endLine: 4, endColumn: 47,
          data: { api: "bcrypt.hashSync", problems: "uses cost (salt rounds) 7, below 10 (each step down halves the work per guess; use 12)", fix: PASSWORD_HASH_FIX },
          suggestions: [
            { messageId: 'raiseCost', data: { label: "cost (salt rounds)", recommended: "12" }, output: `const bcrypt = require('bcryptjs');
const ROUNDS = 12;
const salt = bcrypt.genSaltSync(6);
const hash = bcrypt.hashSync(password, ROUNDS);` },
          ],
        },
      ],
    },
    {
      name: "bcrypt with a constant salt string",
      code: `const { hashSync } = require('bcrypt');
hashSync(password, '$2b$08$abcdefghijklmnopqrstuv');`,
      errors: [
        {
          messageId: 'weakSettings', line: 2, column: 1, endLine: 2, endColumn: 52,
          data: { api: "bcrypt.hashSync", problems: "uses cost 8, below 10 and uses the constant salt \"$2…\" (29 chars), so equal passwords get equal hashes and one precomputed table cracks them all (let `bcrypt.hash(password, 12)` generate the salt)", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "PBKDF2 with 1,000 iterations",
      code: `const crypto = require('crypto');
function hashPasswordLegacy(password, salt) {
  return crypto.pbkdf2Sync(password, salt, 1000, 64, 'sha512').toString('hex');
}`,
      errors: [
        {
          messageId: 'weakSettings', line: 3, column: 10, endLine: 3, endColumn: 63,
          data: { api: "crypto.pbkdf2Sync", problems: "runs only 1,000 iterations (at least 100,000; OWASP recommends 600,000 for PBKDF2-HMAC-SHA256)", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "PBKDF2 with a constant salt and too few iterations: one report naming both",
      filename: "file.ts",
      code: `import { pbkdf2 } from 'node:crypto';
const SALT = 'static-salt';
pbkdf2(password, SALT, 50_000, 64, 'sha512', (err, key) => {});`,
      errors: [
        {
          messageId: 'weakSettings', line: 3, column: 1, endLine: 3, endColumn: 63,
          data: { api: "crypto.pbkdf2", problems: "runs only 50,000 iterations (at least 100,000; OWASP recommends 600,000 for PBKDF2-HMAC-SHA256) and uses the constant salt \"st…\" (11 chars), so equal passwords get equal hashes and one precomputed table cracks them all (use `crypto.randomBytes(16)` per password, stored beside the hash)", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "PBKDF2 iterations below a raised minimum",
      options: [{"minPbkdf2Iterations":600000}],
      code: `const crypto = require('crypto');
crypto.pbkdf2Sync(password, crypto.randomBytes(16), 310000, 32, 'sha256');`,
      errors: [
        {
          messageId: 'weakSettings', line: 2, column: 1, endLine: 2, endColumn: 74,
          data: { api: "crypto.pbkdf2Sync", problems: "runs only 310,000 iterations (at least 600,000; OWASP recommends 600,000 for PBKDF2-HMAC-SHA256)", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "scrypt with a constant salt",
      code: `const crypto = require('crypto');
const key = crypto.scryptSync(password, 'my-app-salt', 64).toString('hex');`,
      errors: [
        {
          messageId: 'weakSettings', line: 2, column: 13, endLine: 2, endColumn: 59,
          data: { api: "crypto.scryptSync", problems: "uses the constant salt \"my…\" (11 chars), so equal passwords get equal hashes and one precomputed table cracks them all (use `crypto.randomBytes(16)` per password, stored beside the hash)", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "scrypt with a low cost N",
      code: `const crypto = require('crypto');
crypto.scrypt(password, crypto.randomBytes(16), 64, { N: 1024 }, done);`,
      errors: [
        {
          messageId: 'weakSettings', line: 2, column: 1, endLine: 2, endColumn: 71,
          data: { api: "crypto.scrypt", problems: "uses cost N 1,024, below 16,384 (use 131,072 or more)", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "argon2 with a constant salt",
      filename: "file.ts",
      code: `import argon2 from 'argon2';
await argon2.hash(password, { salt: Buffer.from('fixedsaltvalue') });`,
      errors: [
        {
          messageId: 'weakSettings', line: 2, column: 7, endLine: 2, endColumn: 69,
          data: { api: "argon2.hash", problems: "uses the constant salt \"fi…\" (14 chars), so equal passwords get equal hashes and one precomputed table cracks them all (use `crypto.randomBytes(16)` per password, stored beside the hash)", fix: PASSWORD_HASH_FIX },
        },
      ],
    },
    {
      name: "test files are checked with checkTestFiles",
      filename: "src/users.spec.ts",
      options: [{"checkTestFiles":true}],
      code: `import bcrypt from 'bcrypt';
await bcrypt.hash('pw', 4);`,
      errors: [
        {
          messageId: 'weakSettings', line: 2, column: 7, endLine: 2, endColumn: 27,
          data: { api: "bcrypt.hash", problems: "uses cost (salt rounds) 4, below 10 (each step down halves the work per guess; use 12)", fix: PASSWORD_HASH_FIX },
          suggestions: [
            { messageId: 'raiseCost', data: { label: "cost (salt rounds)", recommended: "12" }, output: `import bcrypt from 'bcrypt';
await bcrypt.hash('pw', 12);` },
          ],
        },
      ],
    },
  ],
});
