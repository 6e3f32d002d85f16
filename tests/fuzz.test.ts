/**
 * Property-based robustness: generated programs (imports and requires of the
 * modelled libraries, bindings, cycles, spreads of unknowns, computed keys,
 * optional chaining, TS wrappers, decorators, JSX, getters) go through every
 * rule of the `all` config with generated options, and through the core
 * resolvers directly (a probe rule calls them on every expression). Nothing may
 * throw, and resolution must stay linear on long concatenations and chains.
 */
import { Linter, type Rule } from 'eslint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import plugin from '../src/index.js';
import { getFile } from '../src/core/file.js';
import { arrayElements, dereference, envName, getProperty, getPropertyPath, resolveObject, resolveValue } from '../src/core/values.js';
import { calleeRef, resolveRef } from '../src/core/modules.js';

// ---------------------------------------------------------------------------
// The probe: every core resolver on every expression of the file.

const PROBED = [
  'Identifier',
  'MemberExpression',
  'CallExpression',
  'NewExpression',
  'ObjectExpression',
  'ArrayExpression',
  'BinaryExpression',
  'LogicalExpression',
  'ConditionalExpression',
  'TemplateLiteral',
  'TSAsExpression',
  'TSNonNullExpression',
  'TSSatisfiesExpression',
  'ChainExpression',
  'AwaitExpression',
  'ArrowFunctionExpression',
  'JSXExpressionContainer',
];

let probed = 0;
const probe: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = getFile(context as unknown as TSESLint.RuleContext<string, readonly unknown[]>);
    const visit = (raw: Rule.Node): void => {
      const node = raw as unknown as TSESTree.Node;
      probed++;
      resolveValue(file, node);
      dereference(file, node);
      resolveObject(file, node);
      getProperty(file, node, 'secret');
      getProperty(file, node, 'cookie');
      getPropertyPath(file, node, ['cookie', 'secure']);
      getPropertyPath(file, node, ['()', 'secret']);
      arrayElements(file, node);
      envName(file, node);
      resolveRef(file, node);
      if (node.type === 'CallExpression' || node.type === 'NewExpression') calleeRef(file, node);
    };
    return Object.fromEntries(PROBED.map((type) => [type, visit]));
  },
};

const ALL = plugin.configs.all;
const linter = new Linter();

function lint(code: string, filename: string, rules: Linter.RulesRecord = {}): Linter.LintMessage[] {
  const config: Linter.Config[] = [
    { ...ALL, files: ['**/*'], rules: { ...ALL.rules, ...rules } },
    { files: ['**/*'], plugins: { fuzz: { rules: { probe } } }, rules: { 'fuzz/probe': 'error' } },
  ];
  return linter.verify(code, config, { filename, allowInlineConfig: false });
}

// ---------------------------------------------------------------------------
// Program generator

const NAMES = ['a', 'b', 'c', 'secret', 'password', 'token', 'sessionId', 'opts', 'config', 'key', 'user', 'cookieOptions'];
const KEYS = ['secret', 'password', 'httpOnly', 'secure', 'sameSite', 'cookie', 'expiresIn', 'algorithms', 'keys', 'token', 'name'];
const MODULES = [
  'express',
  'express-session',
  'cookie-parser',
  'cookie-session',
  'jsonwebtoken',
  'jose',
  'crypto',
  'node:crypto',
  'bcrypt',
  'fastify',
  '@fastify/cookie',
  '@fastify/jwt',
  'koa',
  'hono',
  'hono/jwt',
  'hono/cookie',
  '@nestjs/jwt',
  '@nestjs/common',
  'next/headers',
  'next/server',
  'passport',
  'passport-jwt',
  'express-rate-limit',
  'crypto-js',
  'pino',
];
const CALLEES = [
  'jwt.sign',
  'jwt.verify',
  'jwt.decode',
  'session',
  'cookieParser',
  'crypto.createHmac',
  'crypto.createHash',
  'crypto.timingSafeEqual',
  'bcrypt.hash',
  'res.cookie',
  'res.setHeader',
  'reply.setCookie',
  'ctx.cookies.set',
  'cookies().set',
  'setCookie',
  'app.use',
  'app.post',
  'router.post',
  'localStorage.setItem',
  'sessionStorage.setItem',
  'console.log',
  'logger.info',
  'req.session.regenerate',
  'new SignJWT',
  'Math.random',
  'Buffer.from',
];

const name = fc.constantFrom(...NAMES);
const key = fc.constantFrom(...KEYS);
const moduleName = fc.constantFrom(...MODULES);
const stringLiteral = fc.oneof(
  fc.constantFrom("'s3cr3t-value-123'", "'keyboard cat'", "''", "'production'", "'JWT_SECRET'", "'sid'", "'none'", "'HS256'", "'1h'", "'-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----'"),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
);

/** Expressions, built recursively; `jsx` adds JSX, `ts` adds TypeScript wrappers. */
function expressions(jsx: boolean, ts: boolean): fc.Arbitrary<string> {
  const { expr } = fc.letrec<{ expr: string }>((tie) => {
    const e = tie('expr');
    const leaves: fc.Arbitrary<string>[] = [
      stringLiteral,
      name,
      fc.integer({ min: -1, max: 100_000 }).map(String),
      fc.constantFrom('true', 'false', 'null', 'undefined', 'this', 'Math.random()', 'Date.now()', 'req.body', 'req.body.password', 'req.headers.authorization', 'process.env.JWT_SECRET', "process.env['SESSION_SECRET']", 'import.meta.env.VITE_KEY', 'unknownThing', '`tpl`'),
      name.map((n) => `process.env.${n.toUpperCase()}`),
    ];
    const nodes: fc.Arbitrary<string>[] = [
      fc.tuple(e, key).map(([o, k]) => `${o}.${k}`),
      fc.tuple(e, key).map(([o, k]) => `${o}?.${k}`),
      fc.tuple(e, e).map(([o, k]) => `${o}[${k}]`),
      fc.tuple(e, e).map(([l, r]) => `(${l} + ${r})`),
      fc.tuple(e, stringLiteral).map(([l, r]) => `(${l} || ${r})`),
      fc.tuple(e, stringLiteral).map(([l, r]) => `(${l} ?? ${r})`),
      fc.tuple(e, e, e).map(([c, t, f]) => `(${c} ? ${t} : ${f})`),
      fc.tuple(e, e).map(([l, r]) => `(${l} === ${r})`),
      fc.tuple(e, e).map(([l, r]) => `\`${'${'}${l}}-${'${'}${r}}\``),
      fc.tuple(fc.constantFrom(...CALLEES), fc.array(e, { maxLength: 3 })).map(([c, args]) => `${c}(${args.join(', ')})`),
      fc.tuple(e, fc.array(e, { maxLength: 2 })).map(([c, args]) => `${c}(${args.join(', ')})`),
      fc.tuple(e, fc.array(e, { maxLength: 2 })).map(([c, args]) => `${c}?.(${args.join(', ')})`),
      fc.tuple(e, fc.array(e, { maxLength: 2 })).map(([c, args]) => `new ${c}(${args.join(', ')})`),
      fc.array(fc.oneof(fc.tuple(key, e).map(([k, v]) => `${k}: ${v}`), fc.tuple(e, e).map(([k, v]) => `[${k}]: ${v}`), e.map((v) => `...${v}`), name, fc.tuple(key, e).map(([k, v]) => `get ${k}() { return ${v}; }`), fc.tuple(key, e).map(([k, v]) => `${k}() { return ${v}; }`)), { maxLength: 4 }).map((ps) => `({ ${ps.join(', ')} })`),
      fc.array(fc.oneof(e, e.map((v) => `...${v}`)), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
      fc.tuple(fc.array(name, { maxLength: 2 }), e).map(([ps, body]) => `((${[...new Set(ps)].join(', ')}) => ${body})`),
      fc.tuple(name, e).map(([p, body]) => `(async function (${p}) { return await ${body}; })`),
      e.map((v) => `(await ${v})`),
    ];
    if (ts) nodes.push(e.map((v) => `(${v} as any)`), e.map((v) => `(${v}!)`), e.map((v) => `(${v} satisfies unknown)`), e.map((v) => `(${v} as const)`));
    if (jsx) nodes.push(fc.tuple(key, e, e).map(([k, v, s]) => `<Comp ${k}={${v}} {...${s}}>{${v}}</Comp>`));
    return { expr: fc.oneof({ depthSize: 'small', withCrossShrink: true }, ...leaves, ...nodes) };
  });
  return expr;
}

function statements(jsx: boolean, ts: boolean): fc.Arbitrary<string> {
  const e = expressions(jsx, ts);
  const decorator = ts ? '@Injectable() ' : '';
  return fc.oneof(
    fc.tuple(fc.constantFrom('const', 'let', 'var'), name, e).map(([k, n, v]) => `${k} ${n} = ${v};`),
    fc.tuple(name, e).map(([n, v]) => `${n} = ${v};`),
    fc.tuple(name, name).map(([x, y]) => `const ${x}1 = ${y}1; const ${y}1 = ${x}1;`),
    fc.tuple(name, moduleName).map(([n, m]) => `import ${n}M from '${m}';`),
    fc.tuple(name, moduleName).map(([n, m]) => `import * as ${n}NS from '${m}';`),
    fc.tuple(key, name, moduleName).map(([k, n, m]) => `import { ${k} as ${n}I } from '${m}';`),
    fc.tuple(name, moduleName).map(([n, m]) => `const ${n}R = require('${m}');`),
    fc.tuple(key, name, moduleName).map(([k, n, m]) => `const { ${k}: { ${n}D } = {}, ...${n}Rest } = require('${m}');`),
    fc.tuple(e, e).map(([x, y]) => `if (${x} === ${y}) { ${x}; } else { throw new Error('no'); }`),
    fc.tuple(e, e).map(([x, y]) => `req.session.user = ${x}; req.session.userId = ${y};`),
    fc.tuple(fc.constantFrom("'/login'", "'/api/auth/token'", "'/reset-password'", "'/health'"), e).map(([p, body]) => `app.post(${p}, async (req, res) => { const out = ${body}; res.json(out); });`),
    fc.tuple(name, e, e).map(([n, d, body]) => `function ${n}F(${n}P = ${d}, { secret = ${d} } = {}) { return ${body}; }`),
    fc.tuple(e, e).map(([x, y]) => `${decorator}class Svc${ts ? ' implements X' : ''} { ${ts ? 'constructor(private readonly jwt: JwtService, private cfg: ConfigService) {}' : 'constructor(jwt) { this.jwt = jwt; }'} get k() { return ${x}; } static #p = ${y}; ${ts ? '@Post(\'login\') ' : ''}async login(${ts ? '@Body() body: any' : 'body'}) { return this.jwt.sign(${x}); } }`),
    fc.tuple(e, e).map(([x, y]) => `export default { secret: ${x}, [${y}]: ${x}, ...${y} };`),
    fc.tuple(e).map(([x]) => `for (const k of ${x}) { k?.x; }`),
    e.map((x) => `${x};`),
  );
}

const FILENAMES = {
  js: ['src/app.js', 'server.mjs', 'lib/auth.cjs', 'test/auth.test.js'],
  jsx: ['src/Login.jsx'],
  ts: ['src/auth/auth.service.ts', 'app/api/login/route.ts', 'src/__tests__/a.ts'],
  tsx: ['app/page.tsx'],
};

const programs = fc.constantFrom<keyof typeof FILENAMES>('js', 'jsx', 'ts', 'tsx').chain((kind) => {
  const jsx = kind === 'jsx' || kind === 'tsx';
  const ts = kind === 'ts' || kind === 'tsx';
  return fc.record({
    filename: fc.constantFrom(...FILENAMES[kind]),
    code: fc.array(statements(jsx, ts), { minLength: 1, maxLength: 8 }).map((s) => s.join('\n')),
  });
});

// ---------------------------------------------------------------------------
// Options from each rule's JSON schema

type Schema = { type?: string; enum?: unknown[]; properties?: Record<string, Schema>; items?: Schema; minimum?: number; maximum?: number };

function fromSchema(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000, noNaN: true });
    case 'string':
      return fc.string({ maxLength: 10 });
    case 'array':
      return fc.array(schema.items ? fromSchema(schema.items) : fc.string(), { maxLength: 3 });
    case 'object': {
      const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, fromSchema(s)]));
      return fc.record(props, { requiredKeys: [] });
    }
    default:
      return fc.constant(undefined);
  }
}

const ruleNames = Object.keys(plugin.rules) as (keyof typeof plugin.rules)[];
const options: fc.Arbitrary<Linter.RulesRecord> = fc.record(
  Object.fromEntries(
    ruleNames.map((rule) => {
      const schema = ((plugin.rules[rule] as { meta?: { schema?: unknown } } | undefined)?.meta?.schema ?? []) as Schema[];
      const entry = schema.length ? fc.tuple(...schema.map(fromSchema)).map((opts) => ['error', ...opts] as Linter.RuleEntry) : fc.constant('error' as Linter.RuleEntry);
      return [`broken-auth/${rule}`, entry];
    }),
  ),
);

// ---------------------------------------------------------------------------

/**
 * Lint with every rule (`all`): nothing may be fatal or throw. Speed is
 * measured in `npm run bench`, not here; these cases guard against
 * exponential resolution by finishing at all within the test timeout.
 */
function lintsCleanly(code: string, filename: string): Linter.LintMessage[] {
  const messages = linter.verify(code, [{ ...ALL, files: ['**/*'] }], filename);
  expect(messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
  return messages;
}

/** `'p0' + 'p1' + …` as a balanced tree: 5,000 terms at depth 13 (a left-nested chain that long overflows the parser's stack). */
function balanced(from: number, to: number): string {
  if (to - from === 1) return `'p${from}'`;
  const mid = (from + to) >> 1;
  return `(${balanced(from, mid)} + ${balanced(mid, to)})`;
}

/** What one core resolver says about the last expression statement of `code`. */
function resolveLast<R>(code: string, resolve: (file: ReturnType<typeof getFile>, node: TSESTree.Node) => R): R {
  let result: R | undefined;
  const probe: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      const file = getFile(context as unknown as TSESLint.RuleContext<string, readonly unknown[]>);
      return {
        'Program:exit'(program) {
          const body = (program as unknown as TSESTree.Program).body;
          const last = body[body.length - 1] as TSESTree.ExpressionStatement;
          result = resolve(file, last.expression);
        },
      };
    },
  };
  linter.verify(code, [{ files: ['**/*'], languageOptions: ALL.languageOptions, plugins: { fuzz: { rules: { probe } } }, rules: { 'fuzz/probe': 'error' } }], 'src/t.js');
  return result as R;
}

describe('fuzz: generated programs through every rule and the core resolvers', () => {
  it('never throws on generated programs (default `all` options)', () => {
    let parsed = 0;
    let runs = 0;
    fc.assert(
      fc.property(programs, ({ code, filename }) => {
        runs++;
        const messages = lint(code, filename);
        if (!messages.some((m) => m.fatal)) parsed++;
      }),
      { numRuns: 150, seed: Number(process.env.FUZZ_SEED ?? 20261128) },
    );
    // The generator must mostly produce programs that parse, or the property says little.
    expect(parsed / runs).toBeGreaterThan(0.8);
    expect(probed).toBeGreaterThan(1000);
  });

  it('never throws with generated rule options', () => {
    fc.assert(
      fc.property(programs, options, ({ code, filename }, rules) => {
        lint(code, filename, rules);
      }),
      { numRuns: 60, seed: Number(process.env.FUZZ_SEED ?? 1128) },
    );
  });

  it('survives syntax edge cases', () => {
    const cases: [string, string][] = [
      ['src/empty.ts', ''],
      ['src/cycle.js', "const a = b; const b = a; jwt.sign({}, a); session({ secret: b });"],
      ['src/self.js', 'var s = s + s; res.cookie("sid", s, s);'],
      ['src/spread.ts', "const o = { ...unknown, secret: 'x' }; const p = { ...o, ...(cond ? o : other) }; session(p); jwt.sign({}, p.secret!, { ...opts } satisfies object);"],
      ['src/getter.js', "const o = { get secret() { return 'x'; }, set secret(v) {} }; session(o); jwt.sign({}, o.secret);"],
      ['src/computed.js', "const k = 'secret'; const o = { [k]: 'abc', [Symbol.iterator]: 1, [`se${'c'}`]: 2 }; session(o); o[k]; o?.[k]?.();"],
      ['src/deco.ts', "@Module({ imports: [JwtModule.register({ secret: 'abc' as string })] }) export class M { @Inject() private x!: JwtService; accessor y = 1; }"],
      ['src/App.tsx', "export const A = () => <Login onSubmit={(t: string) => localStorage.setItem('token', t)} {...props} />;"],
      ['src/chain.ts', "const t = req?.headers?.authorization?.split(' ')?.[1]!; if (t === process.env.API_KEY) {} jwt?.verify?.(t, key as any);"],
      ['src/weird.js', 'label: for (;;) { break label; } with (obj) { secret; } new.target; import.meta; (function* () { yield* x; })();'],
      ['src/class.ts', 'abstract class A<T extends { secret: string }> { abstract s: T; constructor(public readonly jwt = new JwtService({ secret: "x" })) { super(); } } enum E { A = "x" } namespace N { export const secret = "y"; } declare module "m" {}'],
    ];
    for (const [filename, code] of cases) {
      const messages = lint(code, filename);
      expect(messages.filter((m) => m.fatal).map((m) => `${filename}: ${m.message}`)).toEqual([]);
    }
  });
});

describe('fuzz: resolution stays linear', () => {
  it('resolves a 5,000-term concatenation and a 5,000-part template', () => {
    const parts = Array.from({ length: 5000 }, (_, i) => `\${'p${i}'}`).join('');
    const code = `import jwt from 'jsonwebtoken';\nconst secret = ${balanced(0, 5000)};\nconst key = \`${parts}\`;\nexport const t = jwt.sign({ sub: 1 }, secret, { expiresIn: '1h' });\nexport const u = jwt.sign({ sub: 1 }, key, { expiresIn: '1h' });\n`;
    const messages = lintsCleanly(code, 'src/long.js');
    expect(messages.filter((m) => m.ruleId === 'broken-auth/no-hardcoded-secret').map((m) => m.line)).toEqual([2, 3]);
    const value = resolveLast(`const secret = ${balanced(0, 5000)};\nsecret;`, (f, n) => resolveValue(f, n));
    expect(value.kind).toBe('literal');
  });

  it('resolves a 400-term left-nested concatenation, each prefix too', () => {
    const terms = Array.from({ length: 400 }, (_, i) => `'p${i}'`).join(' + ');
    const messages = lintsCleanly(`import jwt from 'jsonwebtoken';\nconst secret = ${terms};\njwt.sign({}, secret, { expiresIn: '1h' });\n`, 'src/chain.js');
    expect(messages.filter((m) => m.ruleId === 'broken-auth/no-hardcoded-secret').map((m) => m.line)).toEqual([2]);
  });

  it('handles a 2,000-binding chain, cycles and 40 doubling bindings', () => {
    const doubling = ["const d0 = 'x';", ...Array.from({ length: 40 }, (_, i) => `const d${i + 1} = d${i} + d${i};`)].join('\n');
    const chain = ["const c0 = 'x';", ...Array.from({ length: 2000 }, (_, i) => `const c${i + 1} = c${i};`)].join('\n');
    const code = `import session from 'express-session';\nimport jwt from 'jsonwebtoken';\n${doubling}\n${chain}\nconst x = y; const y = x;\napp.use(session({ secret: d40 }));\njwt.sign({}, c2000, { expiresIn: '1h' });\njwt.sign({}, x, { expiresIn: '1h' });\nif (req.query.token === d40 + c2000) {}\n`;
    lintsCleanly(code, 'src/bindings.js');
  });

  it('resolves 300 levels of nested objects and spreads', () => {
    const nested = Array.from({ length: 300 }, (_, i) => `const o${i + 1} = { ...o${i}, k${i}: o${i}, cookie: { ...o${i}.cookie } };`).join('\n');
    const code = `import session from 'express-session';\nconst o0 = { secret: process.env.S };\n${nested}\napp.use(session(o300));\nres.cookie('sid', token, o300.cookie);\n`;
    lintsCleanly(code, 'src/objects.js');
  });

  it('evaluates each binding once: doubling bindings resolve exactly, and stop at the length cap', () => {
    const doubling = (n: number): string => ["const d0 = 'x';", ...Array.from({ length: n }, (_, i) => `const d${i + 1} = d${i} + d${i};`), `d${n};`].join('\n');
    const fifteen = resolveLast(doubling(15), (f, n) => resolveValue(f, n));
    expect(fifteen.kind === 'literal' ? fifteen.text.length : -1).toBe(2 ** 15);
    expect(resolveLast(doubling(40), (f, n) => resolveValue(f, n)).kind).toBe('unknown');
  });
});
