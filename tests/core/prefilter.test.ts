/** core/prefilter.ts: the per-file text pre-filters, and the node index read from ESLint's own traversal. */
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { importedModules, importsAny, mentions } from '../../src/core/prefilter.js';
import { nodesIn } from '../../src/core/routes.js';
import { withFile } from './probe.js';

describe('importedModules', () => {
  it('reads every import, export-from, require and dynamic import, without node:', () => {
    const code = `import session from 'express-session';
import type { Request } from 'express';
import 'reflect-metadata';
export { sign } from "jsonwebtoken";
const crypto = require('node:crypto');
const jose = await import(\`jose\`);`;
    expect([...withFile(code, importedModules)].sort()).toEqual(['crypto', 'express', 'express-session', 'jose', 'jsonwebtoken', 'reflect-metadata']);
  });

  it('a file with no import has none, and importsAny says no', () => {
    expect(withFile(`const x = 1;`, (file) => [importedModules(file).size, importsAny(file, ['crypto'])])).toEqual([0, false]);
    expect(withFile(`import { createHash } from 'crypto';`, (file) => [importsAny(file, ['bcrypt', 'crypto']), importsAny(file, ['bcrypt'])])).toEqual([true, false]);
  });
});

describe('mentions', () => {
  it('is a case-insensitive substring test of the whole text, comments included', () => {
    const code = `// the PASSWORD is checked elsewhere
const theme = getCookie('theme');`;
    expect(withFile(code, (file) => [mentions(file, 'password'), mentions(file, 'cookie'), mentions(file, 'jwt'), mentions(file, 'session')])).toEqual([true, true, false, false]);
  });
});

describe('mentions: password words', () => {
  it.each([
    ['const { userPass } = req.body;', true],
    ['const PASS_HASH = x;', true],
    ['db.query("SELECT * FROM users WHERE pwd = ?")', true],
    ['if (req.body.pw === stored) {}', true],
    ['user.passwordDigest = d;', true],
    ['const passphrase = k;', true],
    ['app.use(passport.initialize()); // tokens passed on, the cache is bypassed', false],
    ['const compass = new Compass(); let passes = 0;', false],
    ['const password2 = 1; const pwa = 2;', false],
  ])('%s', (code, expected) => {
    expect(withFile(code, (file) => mentions(file, 'password'))).toBe(expected);
  });
});

describe('nodesIn from the linted file', () => {
  it('finds the same nodes as a walk: in source order, nested templates too, nothing inside type annotations', () => {
    const code = `type T = { a: 'lit' };
const x: 'typed' = \`a\${\`b\${c}d\`}e\`;
function f() { return g('in', \`\${h('deep')}\`); }`;
    const [literals, templates, calls, inF] = withFile(code, (file) => {
      const program = file.sourceCode.ast;
      const fn = program.body[2]!;
      return [
        nodesIn(file, program, T.Literal).map((n) => n.value),
        nodesIn(file, program, T.TemplateElement).map((n) => n.value.cooked),
        nodesIn(file, program, T.CallExpression).length,
        nodesIn(file, fn, T.Literal).map((n) => n.value),
      ];
    });
    expect(literals).toEqual(['in', 'deep']);
    expect(templates).toEqual(['a', 'b', 'd', 'e', '', '']);
    expect(calls).toBe(2);
    expect(inF).toEqual(['in', 'deep']);
  });
});
