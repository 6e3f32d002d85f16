import { describe, expect, it } from 'vitest';
import { cookieSites, type CookieSite } from '../../src/core/sites/cookies.js';
import { withFile } from './probe.js';

interface Summary {
  line: number;
  source: CookieSite['source'];
  label: string;
  kind: CookieSite['kind'];
  name: string | null;
  httpOnly: CookieSite['httpOnly'];
  secure: CookieSite['secure'];
  sameSiteNone?: true;
  client?: true;
  raw?: true;
  edit: string | null;
  helper?: { calls: { line: number; kind: string; name: string | null }[]; judged: boolean };
}

function summary(site: CookieSite): Summary {
  return {
    line: site.node.loc.start.line,
    source: site.source,
    label: site.label,
    kind: site.kind,
    name: site.name,
    httpOnly: site.httpOnly,
    secure: site.secure,
    ...(site.sameSiteNone ? { sameSiteNone: true as const } : {}),
    ...(site.client ? { client: true as const } : {}),
    ...(site.raw ? { raw: true as const } : {}),
    edit: site.edit?.kind ?? null,
    ...(site.helper
      ? { helper: { calls: site.helper.calls.map((c) => ({ line: c.node.loc.start.line, kind: c.kind, name: c.name })), judged: site.helper.judged } }
      : {}),
  };
}

function sites(code: string, filename?: string): Summary[] {
  return withFile(code, (file) => cookieSites(file).map(summary), filename);
}

const EXPRESS = 'Express `res.cookie`';

describe('cookieSites', () => {
  it('finds nothing in a file without cookies', () => {
    expect(sites('const a = 1;\nfunction f(x) { return x === a; }')).toEqual([]);
  });

  it('records a setter call with its flags as on / off / absent, its name and an options edit', () => {
    const code = [
      "import jwt from 'jsonwebtoken';",
      "app.post('/login', (req, res) => {",
      "  res.cookie('token', jwt.sign({ id: 1 }, key), { httpOnly: true, sameSite: 'none' });",
      "  res.cookie('theme', 'dark', { secure: false });",
      "  res.cookie('sid', id);",
      '});',
    ].join('\n');
    expect(sites(code)).toEqual([
      { line: 3, source: 'setter', label: EXPRESS, kind: 'auth', name: 'token', httpOnly: 'on', secure: 'absent', sameSiteNone: true, edit: 'options' },
      { line: 4, source: 'setter', label: EXPRESS, kind: 'other', name: 'theme', httpOnly: 'absent', secure: 'off', edit: 'options' },
      { line: 5, source: 'setter', label: EXPRESS, kind: 'auth', name: 'sid', httpOnly: 'absent', secure: 'absent', edit: 'append' },
    ]);
  });

  it('makes flags unknown behind a spread of unknown options or a mutated binding, and offers no edit there', () => {
    const code = [
      "res.cookie('token', t, { ...base, httpOnly: true });",
      'const opts = { httpOnly: true };',
      'opts.secure = true;',
      "res.cookie('token', t, opts);",
      "res.cookie('token', t, ...rest);",
    ].join('\n');
    expect(sites(code)).toEqual([
      { line: 1, source: 'setter', label: EXPRESS, kind: 'auth', name: 'token', httpOnly: 'on', secure: 'unknown', edit: 'options' },
      { line: 4, source: 'setter', label: EXPRESS, kind: 'auth', name: 'token', httpOnly: 'unknown', secure: 'unknown', edit: null },
      { line: 5, source: 'setter', label: EXPRESS, kind: 'auth', name: 'token', httpOnly: 'unknown', secure: 'unknown', edit: null },
    ]);
  });

  it('treats a cleared cookie as not an auth cookie and a __Host- prefix as Secure', () => {
    const code = ["res.cookie('token', '', { maxAge: 0 });", "res.cookie('__Host-session', id, { httpOnly: true });"].join('\n');
    expect(sites(code)).toEqual([
      { line: 1, source: 'setter', label: EXPRESS, kind: 'other', name: 'token', httpOnly: 'absent', secure: 'absent', edit: 'options' },
      { line: 2, source: 'setter', label: EXPRESS, kind: 'auth', name: '__Host-session', httpOnly: 'on', secure: 'on', edit: 'options' },
    ]);
  });

  it('parses Set-Cookie strings in header calls and header objects, element by element', () => {
    const code = [
      "res.setHeader('Set-Cookie', 'sid=' + id + '; Path=/; HttpOnly');",
      "res.writeHead(200, { 'Set-Cookie': [`token=${t}; Secure; SameSite=None`, 'theme=dark'] });",
      "res.setHeader('Set-Cookie', `token=${t}; ${flags}`);",
    ].join('\n');
    const header = "`setHeader('Set-Cookie', …)`";
    expect(sites(code)).toEqual([
      { line: 1, source: 'string', label: header, kind: 'auth', name: 'sid', httpOnly: 'on', secure: 'absent', raw: true, edit: 'string' },
      { line: 2, source: 'string', label: '`Set-Cookie` header', kind: 'auth', name: 'token', httpOnly: 'absent', secure: 'on', sameSiteNone: true, raw: true, edit: 'string' },
      { line: 2, source: 'string', label: '`Set-Cookie` header', kind: 'other', name: 'theme', httpOnly: 'absent', secure: 'absent', raw: true, edit: 'string' },
      { line: 3, source: 'string', label: header, kind: 'auth', name: 'token', httpOnly: 'unknown', secure: 'unknown', raw: true, edit: 'string' },
    ]);
  });

  it('records document.cookie writes as client cookies without an edit, and a setter result written there once', () => {
    const code = [
      "import cookie from 'cookie';",
      'document.cookie = `token=${t}; path=/`;',
      "window.document.cookie = cookie.serialize('session', s);",
    ].join('\n');
    expect(sites(code)).toEqual([
      { line: 2, source: 'document', label: '`document.cookie`', kind: 'auth', name: 'token', httpOnly: 'absent', secure: 'absent', client: true, edit: null },
      { line: 3, source: 'document', label: '`document.cookie`', kind: 'auth', name: 'session', httpOnly: 'absent', secure: 'absent', client: true, edit: null },
    ]);
  });

  it('records a session middleware cookie with the model entry, through its cookie option path', () => {
    const code = [
      "import session from 'express-session';",
      "import cookieSession from 'cookie-session';",
      'app.use(session({ secret: s, cookie: { secure: false } }));',
      'app.use(session({ secret: s }));',
      'app.use(session(options));',
      "app.use(cookieSession({ keys, httpOnly: false }));",
    ].join('\n');
    const found = withFile(code, (file) => cookieSites(file));
    expect(found.map((s) => (s.entry && 'options' in s.entry && Array.isArray(s.entry.options) ? s.entry.label : null))).toEqual(['express-session', 'express-session', 'cookie-session']);
    expect(found.map(summary)).toEqual([
      { line: 3, source: 'session', label: 'express-session', kind: 'auth', name: null, httpOnly: 'absent', secure: 'off', edit: 'options' },
      { line: 4, source: 'session', label: 'express-session', kind: 'auth', name: null, httpOnly: 'absent', secure: 'absent', edit: 'nested' },
      { line: 6, source: 'session', label: 'cookie-session', kind: 'auth', name: null, httpOnly: 'off', secure: 'absent', edit: 'options' },
    ]);
  });

  it('follows a cookie helper into its calls: auth calls become sites, and judged when every call resolves', () => {
    const code = [
      'function setCookie(res, name, value) {',
      '  res.cookie(name, value);',
      '}',
      "setCookie(res, 'theme', 'dark');",
      "setCookie(res, 'session', id);",
      'function put(res, name, value) {',
      '  res.cookie(name, value);',
      '}',
      "put(res, 'session', id);",
      'put(res, key, id);',
    ].join('\n');
    expect(sites(code)).toEqual([
      {
        line: 2, source: 'setter', label: EXPRESS, kind: 'unresolved', name: null, httpOnly: 'absent', secure: 'absent', edit: 'append',
        helper: { calls: [{ line: 5, kind: 'auth', name: 'session' }], judged: true },
      },
      {
        line: 7, source: 'setter', label: EXPRESS, kind: 'unresolved', name: null, httpOnly: 'absent', secure: 'absent', edit: 'append',
        helper: { calls: [{ line: 9, kind: 'auth', name: 'session' }], judged: false },
      },
    ]);
  });

  it('is computed once per file', () => {
    withFile("res.cookie('token', t);", (file) => {
      expect(cookieSites(file)).toBe(cookieSites(file));
    });
  });
});
