/**
 * A package copied into the project's vendor folder (`libs/`, `vendor/`,
 * `third_party/`) is modelled as the package itself; a project module that
 * only shares a package's name elsewhere is not.
 */
import jwtRule from '../../rules/secure-jwt.js';
import hashRule from '../../rules/no-weak-password-hash.js';
import { PASSWORD_HASH_FIX } from '../../src/models/hashes.js';
import { ruleTester } from '../rule-tester.js';

const NEVER_EXPIRES = "issues a token that never expires (no `expiresIn` option and no `exp` claim), so a leaked token works forever: pass `expiresIn: '15m'` in the options (and a refresh token for longer sessions)";

ruleTester.run('secure-jwt (vendored packages)', jwtRule, {
  valid: [
    { name: 'a vendored jsonwebtoken sign with an expiry', code: `const jwt = require('../libs/jsonwebtoken');
module.exports = (user) => jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });` },
    { name: "a project module named like the package outside a vendor folder is the project's own", code: `const jwt = require('../utils/jsonwebtoken');
module.exports = (user) => jwt.sign({ sub: user.id });` },
  ],
  invalid: [
    {
      name: 'a vendored jsonwebtoken sign without an expiry',
      code: `const jwt = require('../libs/jsonwebtoken');
module.exports = (user) => jwt.sign({ sub: user.id }, process.env.JWT_SECRET);`,
      errors: [{
        messageId: 'insecure', line: 2, column: 28, endLine: 2, endColumn: 78,
        data: { api: 'jsonwebtoken `sign`', problems: NEVER_EXPIRES },
        suggestions: [{ messageId: 'addExpiresIn', output: `const jwt = require('../libs/jsonwebtoken');
module.exports = (user) => jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '15m' });` }],
      }],
    },
  ],
});

ruleTester.run('no-weak-password-hash (vendored packages)', hashRule, {
  valid: [
    { name: 'a vendored bcryptjs at cost 12', code: `const bcrypt = require('../../vendor/bcryptjs');
exports.hash = (password) => bcrypt.hash(password, 12);` },
  ],
  invalid: [
    {
      name: 'a vendored bcryptjs at cost 8',
      code: `const bcrypt = require('../../vendor/bcryptjs');
exports.hash = (password) => bcrypt.hash(password, 8);`,
      errors: [{
        messageId: 'weakSettings', line: 2, column: 30, endLine: 2, endColumn: 54,
        data: { api: 'bcrypt.hash', problems: 'uses cost (salt rounds) 8, below 10 (each step down halves the work per guess; use 12)', fix: PASSWORD_HASH_FIX },
        suggestions: [{ messageId: 'raiseCost', data: { label: 'cost (salt rounds)', recommended: '12' }, output: `const bcrypt = require('../../vendor/bcryptjs');
exports.hash = (password) => bcrypt.hash(password, 12);` }],
      }],
    },
  ],
});
