import { describe, expect, it } from 'vitest';
import { hashSites, isPasswordStorageName, type HashSite } from '../../src/core/sites/hashes.js';
import { withFile } from './probe.js';

/** The hash sites of `code`, each as plain data: line, API label and the facts. */
function sitesOf(code: string): Record<string, unknown>[] {
  return withFile(
    code,
    (file) => {
      const text = (n: { range: [number, number] }): string => file.sourceCode.text.slice(n.range[0], n.range[1]);
      return hashSites(file).map((site: HashSite) => {
        const base = { line: site.call.loc.start.line, api: site.api.label };
        if (site.kind === 'fast') return { ...base, end: text(site.end), data: site.data.map(text), algorithm: site.algorithm, password: site.password };
        return { ...base, keyMaterial: site.keyMaterial, cost: site.cost && (site.cost.kind === 'found' ? { value: site.cost.value, literal: site.cost.literal !== null } : site.cost.kind), saltInCost: site.saltInCost, salt: site.salt };
      });
    },
    'src/auth/hash.ts',
  );
}

describe('hashSites', () => {
  it('describes fast hashes: data, chain end, algorithm, and why the data is a password', () => {
    const code = [
      "import crypto from 'node:crypto';",
      "import md5 from 'md5';",
      "const a = crypto.createHash('sha256').update(req.body.password).digest('hex');",
      'const passwordHash = md5(input);',
      "const checksum = crypto.createHash('sha1').update(fileBuffer).digest('hex');",
      'const digest = md5(value);',
      'user.password = digest;',
    ].join('\n');
    expect(sitesOf(code)).toEqual([
      { line: 3, api: 'crypto.createHash', end: "crypto.createHash('sha256').update(req.body.password).digest('hex')", data: ['req.body.password'], algorithm: 'sha256', password: 'data' },
      { line: 4, api: 'md5()', end: 'md5(input)', data: ['input'], algorithm: 'md5', password: 'result-name' },
      { line: 5, api: 'crypto.createHash', end: "crypto.createHash('sha1').update(fileBuffer).digest('hex')", data: ['fileBuffer'], algorithm: 'sha1', password: null },
      { line: 6, api: 'md5()', end: 'md5(value)', data: ['value'], algorithm: 'md5', password: 'stored' },
    ]);
  });

  it('describes slow hashes: cost found / absent / unknown, constant salts, key material', () => {
    const code = [
      "import bcrypt from 'bcrypt';",
      "import crypto from 'node:crypto';",
      'const ROUNDS = 8;',
      'bcrypt.hash(password, ROUNDS);',
      'bcrypt.hash(password, rounds);',
      "bcrypt.hashSync(password, '$2b$08$abcdefghijklmnopqrstuv');",
      "crypto.pbkdf2Sync(password, 'pepper', 1000 * 10, 64, 'sha512');",
      "crypto.pbkdf2Sync(process.env.MASTER_KEY, salt, 1000, 32, 'sha256');",
      'crypto.scryptSync(password, salt, 64, { N: 1 << 14 });',
      'bcrypt.hashSync(password);',
      'crypto.scryptSync(password, salt, 64, { maxmem: 64 });',
      'crypto.scryptSync(password, salt, 64, options);',
    ].join('\n');
    expect(sitesOf(code)).toEqual([
      { line: 4, api: 'bcrypt.hash', keyMaterial: false, cost: { value: 8, literal: true }, saltInCost: null, salt: null },
      { line: 5, api: 'bcrypt.hash', keyMaterial: false, cost: 'unknown', saltInCost: null, salt: null },
      { line: 6, api: 'bcrypt.hashSync', keyMaterial: false, cost: 'unknown', saltInCost: '$2b$08$abcdefghijklmnopqrstuv', salt: null },
      { line: 7, api: 'crypto.pbkdf2Sync', keyMaterial: false, cost: { value: 10_000, literal: false }, saltInCost: null, salt: 'pepper' },
      { line: 8, api: 'crypto.pbkdf2Sync', keyMaterial: true, cost: { value: 1000, literal: true }, saltInCost: null, salt: null },
      { line: 9, api: 'crypto.scryptSync', keyMaterial: false, cost: { value: 16_384, literal: false }, saltInCost: null, salt: null },
      { line: 10, api: 'bcrypt.hashSync', keyMaterial: false, cost: 'absent', saltInCost: null, salt: null },
      { line: 11, api: 'crypto.scryptSync', keyMaterial: false, cost: 'absent', saltInCost: null, salt: null },
      { line: 12, api: 'crypto.scryptSync', keyMaterial: false, cost: 'unknown', saltInCost: null, salt: null },
    ]);
  });

  it('takes a cost the call leaves out as the library default when the model knows it (pbkdf2-password)', () => {
    const code = [
      "import bkfd2Password from 'pbkdf2-password';",
      'const a = bkfd2Password();',
      'const b = bkfd2Password({ iterations: 600000 });',
      'const c = bkfd2Password(options);',
      "b({ password, salt: 'c2FsdA==' }, done);",
    ].join('\n');
    const sites = withFile(code, (file) => hashSites(file).map((s) => (s.kind === 'slow' ? [s.call.loc.start.line, s.api.label, s.cost, s.salt] : null)), 'src/auth/hash.ts');
    expect(sites).toEqual([
      [2, 'pbkdf2-password', { kind: 'found', value: 10_000, literal: null, defaulted: true }, null],
      [3, 'pbkdf2-password', expect.objectContaining({ kind: 'found', value: 600_000 }), null],
      [4, 'pbkdf2-password', { kind: 'unknown' }, null],
      [5, 'pbkdf2-password hasher', null, 'c2FsdA=='],
    ]);
  });

  it('names a result after the function that returns it', () => {
    const code = [
      "import { createHash } from 'crypto';",
      "function makePasswordHash(value: string) { return createHash('md5').update(value).digest('hex'); }",
      "const toPassword = (value: string) => createHash('md5').update(value).digest('hex');",
      "function checksumOf(value: string) { return createHash('md5').update(value).digest('hex'); }",
    ].join('\n');
    expect(sitesOf(code).map((s) => [s.line, s.password])).toEqual([[2, 'result-name'], [3, 'result-name'], [4, null]]);
  });
});

describe('isPasswordStorageName', () => {
  it.each([
    ['password', true],
    ['passwordHash', true],
    ['hashedPassword', true],
    ['hashPassword', true],
    ['resetPasswordToken', false],
    ['digest', false],
    [null, false],
  ] as const)('%s', (name, expected) => {
    expect(isPasswordStorageName(name)).toBe(expected);
  });
});
