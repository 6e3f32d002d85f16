import { describe, expect, it } from 'vitest';
import { compareSites, safeEqualHelper, type CompareSite } from '../../src/core/sites/compares.js';
import { withFile } from './probe.js';

function sites(code: string, filename?: string): { line: number; operator: string; operand: string; name: string; strings: boolean }[] {
  return withFile(
    code,
    (file) => compareSites(file).map((s: CompareSite) => ({ line: s.node.loc.start.line, operator: s.operator, operand: file.sourceCode.getText(s.operand), name: s.name, strings: s.strings })),
    filename,
  );
}

describe('compareSites', () => {
  it('finds a secret compared with request input, named by the left operand when both are secrets by their own names', () => {
    const code = [
      "app.post('/hook', (req, res) => {",
      "  if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(401);",
      '});',
    ].join('\n');
    expect(sites(code)).toEqual([{ line: 2, operator: '!==', operand: "req.headers['x-api-key']", name: 'x-api-key', strings: true }]);
  });

  it('names the right operand when only it is a secret by name', () => {
    const code = [
      "app.post('/hook', (req, res) => {",
      '  const provided = req.query.k;',
      '  if (provided === process.env.WEBHOOK_SECRET) res.send(1);',
      '});',
    ].join('\n');
    expect(sites(code)).toEqual([{ line: 3, operator: '===', operand: 'process.env.WEBHOOK_SECRET', name: 'WEBHOOK_SECRET', strings: true }]);
  });

  it('finds a compare inside a function that checks a credential, and knows typed string operands', () => {
    const code = [
      'function verifySignature(signature: string, expected: string): boolean {',
      '  return signature == expected;',
      '}',
      'function verifyOtp(otp, user) {',
      '  return otp === user.otpCode;',
      '}',
    ].join('\n');
    expect(sites(code)).toEqual([
      { line: 2, operator: '==', operand: 'signature', name: 'signature', strings: true },
      { line: 5, operator: '===', operand: 'otp', name: 'otp', strings: false },
    ]);
  });

  it('skips constants, enum-like members, lengths, passwords and token names outside a credential check', () => {
    const code = [
      "function verifyToken(token, type) {",
      "  if (token === 'undefined') return false;",
      '  if (type === TokenType.REFRESH) return false;',
      '  if (token.length === expected.length) return false;',
      '  return user.password === password;',
      '}',
      'function nextToken(token, previous) {',
      '  return token === previous;',
      '}',
    ].join('\n');
    expect(sites(code)).toEqual([]);
  });

  it('is computed once per file', () => {
    withFile('function verify(apiKey, given) { return apiKey === given; }', (file) => {
      expect(compareSites(file)).toBe(compareSites(file));
      expect(compareSites(file)).toHaveLength(1);
    });
  });
});

describe('safeEqualHelper', () => {
  it('is null when the file does not reach Node crypto', () => {
    expect(withFile('const a = 1;', safeEqualHelper)).toBeNull();
  });

  it('names a new helper after the leading imports, through the local crypto name', () => {
    const helper = withFile("import { timingSafeEqual as tse } from 'node:crypto';\nimport express from 'express';\nconst app = express();", safeEqualHelper);
    expect(helper && { ...helper, anchor: helper.anchor?.loc.start.line }).toEqual({ timingSafeEqual: 'tse', name: 'safeEqual', exists: false, anchor: 2 });
  });

  it('reuses an existing helper built on timingSafeEqual, and skips a taken name that is not one', () => {
    const code = [
      "'use strict';",
      "const crypto = require('crypto');",
      'function safeEqual(a, b) { return a === b; }',
      'function timingSafeStringEqual(a, b) { return crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b)); }',
    ].join('\n');
    const helper = withFile(code, safeEqualHelper, 'src/app.js');
    expect(helper && { ...helper, anchor: helper.anchor?.loc.start.line }).toEqual({ timingSafeEqual: 'crypto.timingSafeEqual', name: 'timingSafeStringEqual', exists: true, anchor: 2 });
  });
});
