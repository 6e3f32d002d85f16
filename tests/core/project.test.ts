/**
 * The project layer: import resolution, export tables, values from other
 * modules, and staleness — one ESLint instance (as the editor keeps one for
 * hours) sees an edit in another file the next time it lints.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { BOUNDS } from '../../src/project/bounds.js';
import { exportOf } from '../../src/project/exports.js';
import { projectRoot } from '../../src/project/files.js';
import { parseStandalone } from '../../src/project/parse.js';
import { resolveImport } from '../../src/project/resolve.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'broken-auth-project-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(file: string, text: string): string {
  const full = path.join(tmp, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

describe('resolveImport', () => {
  write('res/package.json', JSON.stringify({ name: 'res', imports: { '#config': './src/config/index.ts' } }));
  write('res/tsconfig.json', '{ // comments are allowed\n "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] }, } }');
  const from = write('res/src/app.ts', '');
  const auth = write('res/src/auth.ts', '');
  const index = write('res/src/config/index.ts', '');
  const jsFile = write('res/src/legacy.js', '');

  it.each([
    ['./auth', auth],
    ['./auth.js', auth],
    ['./config', index],
    ['./legacy', jsFile],
    ['@/auth', auth],
    ['src/auth', auth],
    ['#config', index],
    ['express', null],
    ['node:crypto', null],
    ['./missing', null],
  ])('%s', (specifier, expected) => {
    expect(resolveImport(from, specifier)).toBe(expected);
  });

  it('is null for names that are not paths', () => {
    expect(resolveImport('app.ts', './auth')).toBeNull();
  });
});

describe('exportOf', () => {
  const file = write(
    'exp/src/config.ts',
    "export const A = 'a';\nconst b = 'b';\nexport { b as B };\nexport * from './more';\nexport default { c: 'c' };\n",
  );
  write('exp/src/more.ts', "export const D = 'd';\n");
  write('exp/src/cjs.js', "module.exports = { E: 'e' };\nmodule.exports.F = 'f';\n");

  it('finds declarations, renamed specifiers, star re-exports and the default', () => {
    const facts = parseStandalone(file)!;
    const text = (name: string): string | null => {
      const found = exportOf(facts, name);
      return found ? found.file.sourceCode.getText(found.node) : null;
    };
    expect([text('A'), text('B'), text('D'), text('default'), text('nope')]).toEqual(["'a'", 'b', "'d'", "{ c: 'c' }", null]);
  });

  it('reads CommonJS exports', () => {
    const facts = parseStandalone(path.join(tmp, 'exp/src/cjs.js'))!;
    expect(facts.sourceCode.getText(exportOf(facts, 'E')!.node)).toBe("'e'");
    expect(facts.sourceCode.getText(exportOf(facts, 'F')!.node)).toBe("'f'");
  });

  it('a file that does not parse is unknown, not an exception', () => {
    expect(parseStandalone(write('exp/src/broken.ts', 'export const = ;'))).toBeNull();
    expect(parseStandalone(path.join(tmp, 'exp/src/none.ts'))).toBeNull();
  });
});

describe('vendored packages', () => {
  const eslint = new ESLint({ cwd: tmp, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
  const secretApp = "const session = require('express-session');\nmodule.exports = session({ secret: 'x8#kd9!fj2lqQ7vB', cookie: { secure: true } });\n";
  const ruleIds = async (file: string): Promise<string[]> => (await eslint.lintFiles([file]))[0]!.messages.map((m) => `${m.line}:${m.ruleId}`);

  it('a copy of a package under libs/ or vendor/ with its own license is not reported', async () => {
    write('vend/package.json', '{ "name": "vend-app" }');
    write('vend/server/libs/memorystore/LICENSE', 'MIT');
    expect(await ruleIds(write('vend/server/libs/memorystore/index.js', secretApp))).toEqual([]);
    write('vend/vendor/sess/LICENSE.md', 'MIT');
    expect(await ruleIds(write('vend/vendor/sess/lib/deep/store.js', secretApp))).toEqual([]);
  });

  it("a monorepo's own libs/<name> package (no license of its own) is the project's code", async () => {
    write('mono/package.json', '{ "name": "mono" }');
    write('mono/LICENSE', 'MIT');
    write('mono/libs/auth/package.json', '{ "name": "@mono/auth" }');
    expect(await ruleIds(write('mono/libs/auth/src/session.js', secretApp))).toEqual(['2:broken-auth/no-hardcoded-secret']);
  });
});

describe('projectRoot', () => {
  it('is the nearest package.json, or the app above a deeper src/', () => {
    expect(projectRoot(path.join(ROOT, 'fixtures/projects/express-mounted/routes/auth.js'))).toBe(path.join(ROOT, 'fixtures/projects/express-mounted'));
    expect(projectRoot(path.join(ROOT, 'fixtures/examples/own/login-nest/src/auth/auth.controller.ts'))).toBe(path.join(ROOT, 'fixtures/examples/own/login-nest'));
    expect(projectRoot('auth.ts')).toBeNull();
  });
});

describe('one process, another file edited (the editor)', () => {
  const eslint = new ESLint({ cwd: tmp, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
  const later = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, BOUNDS.listingTtlMs + 100));
  const ruleIds = async (file: string): Promise<string[]> => (await eslint.lintFiles([file]))[0]!.messages.map((m) => `${m.line}:${m.ruleId}`);

  it('sees a global ThrottlerGuard added to and removed from app.module.ts', async () => {
    write('nest/package.json', '{ "name": "nest-app" }');
    const moduleText = (guard: boolean): string => `import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
@Module({ imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])], providers: [${guard ? '{ provide: APP_GUARD, useClass: ThrottlerGuard }' : ''}] })
export class AppModule {}
`;
    write('nest/src/app.module.ts', moduleText(false));
    const controller = write('nest/src/auth/auth.controller.ts', `import { Controller, Post } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  @Post('login')
  login() {}
}
`);
    expect(await ruleIds(controller)).toEqual(['4:broken-auth/login-rate-limit']);
    write('nest/src/app.module.ts', moduleText(true));
    await later();
    expect(await ruleIds(controller)).toEqual([]);
    write('nest/src/app.module.ts', moduleText(false));
    await later();
    expect(await ruleIds(controller)).toEqual(['4:broken-auth/login-rate-limit']);
  });

  it('sees a limiter added where the router is mounted, and a secret changed in the config module', async () => {
    write('web/package.json', '{ "name": "web-app" }');
    const app = (limited: boolean): string => `const express = require('express');
const rateLimit = require('express-rate-limit');
const session = require('express-session');
const config = require('./config');
const authRouter = require('./routes/auth');
const app = express();
app.use(session({ secret: config.signing, cookie: { secure: true } }));
app.use('/auth', ${limited ? 'rateLimit({ windowMs: 60000, limit: 5 }), ' : ''}authRouter);
`;
    write('web/app.js', app(false));
    write('web/config.js', "module.exports = { signing: 'x8#kd9!fj2lqQ7vB' };\n");
    const routes = write('web/routes/auth.js', `const router = require('express').Router();
router.post('/login', (req, res) => res.end());
module.exports = router;
`);
    expect(await ruleIds(routes)).toEqual(['2:broken-auth/login-rate-limit']);
    expect(await ruleIds(path.join(tmp, 'web/app.js'))).toEqual(['7:broken-auth/no-hardcoded-secret']);
    write('web/app.js', app(true));
    write('web/config.js', 'module.exports = { signing: process.env.SESSION_SECRET };\n');
    await later();
    expect(await ruleIds(routes)).toEqual([]);
    expect(await ruleIds(path.join(tmp, 'web/app.js'))).toEqual([]);
  });

  it('sees a module created, then removed, next to the file (directory listings re-validated)', async () => {
    write('late/package.json', '{ "name": "late-app" }');
    const app = write('late/app.js', `const session = require('express-session');
const { signing } = require('./keys');
module.exports = session({ secret: signing, cookie: { secure: true } });
`);
    expect(await ruleIds(app)).toEqual([]);
    await later();
    write('late/keys.js', "module.exports = { signing: 'x8#kd9!fj2lqQ7vB' };\n");
    expect(await ruleIds(app)).toEqual(['3:broken-auth/no-hardcoded-secret']);
    rmSync(path.join(tmp, 'late/keys.js'));
    await later();
    expect(await ruleIds(app)).toEqual([]);
  });
});
