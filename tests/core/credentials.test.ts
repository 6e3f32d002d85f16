/** core/credentials.ts: which values are credentials, which objects carry them, which names only name one. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  aboutCredential, argumentsFor, carriedCredential, holdsNumber, inDevelopmentOnly, isGenericValueName, isLiveSessionId,
  isLoggedCredentialName, isRedactedKey, isSessionIdName, labelledCredential, namesSomethingElse, oneTimeCodeHere, redactedBy,
} from '../../src/core/credentials.js';
import type { FileFacts } from '../../src/core/file.js';
import { withFile } from './probe.js';

/** The first `show(…)` call in the program. */
function showCall(file: FileFacts): TSESTree.CallExpression {
  let found: TSESTree.CallExpression | null = null;
  const visit = (n: TSESTree.Node): void => {
    if (found) return;
    if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'show') {
      found = n;
      return;
    }
    for (const [k, v] of Object.entries(n)) {
      if (k === 'parent') continue;
      if (Array.isArray(v)) v.forEach((c) => c && typeof c.type === 'string' && visit(c));
      else if (v && typeof (v as TSESTree.Node).type === 'string') visit(v as TSESTree.Node);
    }
  };
  visit(file.sourceCode.ast as TSESTree.Node);
  if (!found) throw new Error('no show() call');
  return found;
}

/** Run `read` on the first argument of the first `show(…)` call. */
function onShown<R>(code: string, read: (file: FileFacts, node: TSESTree.Node) => R, filename?: string): R {
  return withFile(code, (file) => read(file, showCall(file).arguments[0]!), filename);
}

describe('names', () => {
  it.each([
    ['password', true], ['resetToken', true], ['apiKey', true], ['jwtSecret', true],
    ['tokenAddress', false], ['billingToken', false], ['nonce', false], ['tokenInfo', false], ['attestationCredential', false],
    ['deviceToken', false], ['auditSessionId', false], ['credentials', true],
  ])('isLoggedCredentialName(%s) → %s', (name, expected) => {
    expect(isLoggedCredentialName(name)).toBe(expected);
  });

  it.each([['sessionId', true], ['session_id', true], ['sessionID', true], ['sid', false], ['tokenId', false]])('isSessionIdName(%s) → %s', (name, expected) => {
    expect(isSessionIdName(name)).toBe(expected);
  });

  it.each([['tokenCount', true], ['passwordPolicy', true], ['token', false], ['accessToken', false], ['key', false], ['passwordInput', false]])('aboutCredential(%s) → %s', (name, expected) => {
    expect(aboutCredential(name)).toBe(expected);
  });

  it.each([['code', true], ['value', true], ['userId', false], ['email', false], [null, false]])('isGenericValueName(%s) → %s', (name, expected) => {
    expect(isGenericValueName(name)).toBe(expected);
  });

  it.each([
    ['To a@b.c: Your verification code is ', 'verification code'],
    ['password: ', 'password'],
    ['Bearer ', 'Bearer'],
    ['OTP for ', null],
    ['Review pass ', null],
    ['revoking token ', 'token'],
    ['user ', null],
  ])('labelledCredential(%j) → %s', (text, expected) => {
    expect(labelledCredential(text)).toBe(expected);
  });
});

describe('namesSomethingElse', () => {
  it('a token in a file that uses web3 is an ERC-20 contract', () => {
    expect(onShown("const Web3 = require('web3');\nshow(acceptedToken);", (f, n) => namesSomethingElse(f, n, 'acceptedToken'))).toBe(true);
    expect(onShown('show(acceptedToken);', (f, n) => namesSomethingElse(f, n, 'acceptedToken'))).toBe(false);
  });
  it('a token record read for its symbol, and a token in a billing handler', () => {
    expect(onShown('function rate(fromToken) { show(fromToken); return fromToken.symbol; }', (f, n) => namesSomethingElse(f, n, 'fromToken'))).toBe(true);
    expect(onShown('function updateBilling(token) { show(token); }', (f, n) => namesSomethingElse(f, n, 'token'))).toBe(true);
    expect(onShown('function login(token) { show(token); }', (f, n) => namesSomethingElse(f, n, 'token'))).toBe(false);
  });
});

describe('isLiveSessionId', () => {
  it.each([
    ['const sessionId = req.cookies.sid; show(sessionId);', true],
    ['io.use((socket) => show(socket.handshake.sessionID));', true],
    ['function f(req) { show(req.sessionID); }', true],
    ['function f({ projectId, sessionId }) { show(sessionId); }', false],
    ['for (const sessionID of Object.keys(sessions)) show(sessionID);', false],
  ])('%s → %s', (code, expected) => {
    expect(onShown(code, (f, n) => isLiveSessionId(f, n))).toBe(expected);
  });
});

describe('carriedCredential', () => {
  it.each([
    ['const f = (hook) => { show(hook.params); return hook.path + hook.method; };', 'a hook context part that holds authentication data, request headers and issued tokens'],
    ['const f = (hook) => { show(hook.params); };', null],
    ['app.passport.verify(async (ctx, user) => { show(user); });', 'the credentials the passport strategy passes to `verify`: for the local strategy, the password'],
    ['async function f() { const user = await User.findOne(); show(user); return user.password; }', 'its `password` field'],
    ['async function f() { const user = await User.findOne(); show(user); return user.email; }', null],
    ["schema.pre('save', function () { show(this); this.password = hash(this.password); });", 'its `password` field'],
    ['app.use((req, res) => show(req.session));', 'the whole session'],
    ['const config = { port: 1, clientSecret: process.env.S }; show(config);', 'its `clientSecret` field'],
    ['const config = Object.assign({}, defaults, { jwtSecret: s }); show(config);', 'its `jwtSecret` field'],
    ['const config = Object.assign({}, defaults, { port: 1 }); show(config);', null],
    ['io.use((socket, next) => show(socket.handshake.headers));', 'the handshake headers with the Cookie and Authorization headers'],
  ])('%s → %s', (code, expected) => {
    expect(onShown(code, (f, n) => carriedCredential(f, n))).toBe(expected);
  });
});

describe('oneTimeCodeHere', () => {
  it.each([
    ['function sendVerificationEmail(email, code) { show(code); }', 'a parameter of `sendVerificationEmail()`'],
    ['function sendWelcome(email, code) { show(code); }', null],
    ["router.post('/reset-password/:guid', (req, res) => show(req.params.guid));", 'the path parameter of `/reset-password/:guid`'],
    ["router.get('/orders/:guid', (req, res) => show(req.params.guid));", null],
    ['function sendCode(phone, code) { show(code); }', 'a parameter of `sendCode()`'],
    ['const sms = { onSendCode: (code) => show(code) };', 'a parameter of `onSendCode()`'],
    ['auth.onSendCode((code) => show(code));', 'a parameter of the `onSendCode()` callback'],
    ['const mail = { sendMagicLink: ({ email, url }) => show(url) };', 'a parameter of `sendMagicLink()`'],
    ['const mail = { sendResetPassword: async ({ user, url }) => show(url) };', 'a parameter of `sendResetPassword()`'],
    ['function sendInvoice(email, code) { show(code); }', null],
    ['function sendWelcome(email, url) { show(url); }', null],
    ['function parseCode(code) { show(code); }', null],
    ['const fetcher = { onResponse: (code) => show(code) };', null],
  ])('%s → %s', (code, expected) => {
    expect(onShown(code, (f, n) => oneTimeCodeHere(f, n), 'src/app.js')).toBe(expected);
  });
});

describe('values', () => {
  it('holdsNumber: loop counters and numeric variables', () => {
    expect(onShown('for (let pass = 1; pass < 3; pass++) show(pass);', (f, n) => holdsNumber(f, n))).toBe(true);
    expect(onShown('let pass = 0; pass = read(); show(pass);', (f, n) => holdsNumber(f, n))).toBe(false);
    expect(onShown('const pass = read(); show(pass);', (f, n) => holdsNumber(f, n))).toBe(false);
  });

  it('argumentsFor: what callers in the file pass for a parameter', () => {
    const args = onShown('function audit(value) { show(value); }\naudit(user.apiKey);\naudit(x);', (f, n) => argumentsFor(f, n as TSESTree.Identifier).map((a) => f.sourceCode.getText(a)));
    expect(args).toEqual(['user.apiKey', 'x']);
  });

  it('inDevelopmentOnly', () => {
    const dev = (code: string): boolean => withFile(code, (file) => inDevelopmentOnly(showCall(file)));
    expect(dev('if (env.isDevelopment) show(code);')).toBe(true);
    expect(dev("if (process.env.NODE_ENV !== 'production') show(code);")).toBe(true);
    expect(dev("if (process.env.NODE_ENV === 'production') show(code);")).toBe(false);
    expect(dev('if (isDev) {} else show(code);')).toBe(false);
    expect(dev('isDev && show(code);')).toBe(true);
    expect(dev('show(code);')).toBe(false);
  });
});

describe('redaction', () => {
  it('reads pino redact paths from the logger construction', () => {
    const paths = (code: string): string[] => withFile(code, (file) => redactedBy(file, showCall(file).arguments[0] as TSESTree.CallExpression));
    expect(paths("const logger = pino({ redact: ['password', '*.token'] });\nshow(logger.info({}));")).toEqual(['password', '*.token']);
    expect(paths("const logger = pino({ redact: { paths: ['a.b'] } });\nshow(logger.child({}).warn({}));")).toEqual(['a.b']);
    expect(paths('const logger = pino();\nshow(logger.info({}));')).toEqual([]);
  });
  it.each([
    [['password'], 'password', true], [['*.token'], 'token', true], [['req.headers["x-api-key"]'], 'x-api-key', true], [['password'], 'token', false],
  ])('isRedactedKey(%j, %s) → %s', (paths, key, expected) => {
    expect(isRedactedKey(paths, key)).toBe(expected);
  });
});
