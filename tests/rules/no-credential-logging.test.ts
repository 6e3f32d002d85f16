import rule from '../../rules/no-credential-logging.js';
import { ruleTester } from '../rule-tester.js';

ruleTester.run('no-credential-logging', rule, {
  assertionOptions: { requireData: true, requireLocation: true },
  valid: [
    { name: "empty file", code: `` },
    { name: "whole headers echoed by a development-only test route", code: `const express = require('express');
const { log, isDev } = require('./util');
const app = express();
if (isDev) {
  app.post('/test-webhook', (request, response) => {
    log.debug('test', request.headers);
    log.debug('test', request.body);
    response.send('OK');
  });
}` },
    { name: "rates, durations and flags about tokens", code: `const log = require('./log');
class Limiter {
  pass(remaining) {
    log.warn('rate-limit', \`\${remaining}/\${this.tokensPerInterval} remaining requests\`);
    log.info(\`grace period \${this.RefreshTokenGracePeriod}s\`);
  }
}
function respond(req, returnTokens, shouldReturnRefreshToken) {
  log.debug('returnTokens', returnTokens, 'refresh', shouldReturnRefreshToken);
}` },
    { name: "another thing's session id from a cookie (a share's playback session)", code: `const Logger = require('./Logger');
function getShare(req, res) {
  Logger.debug('share session', req.cookies.share_session_id);
}` },
    { name: "odd syntax", filename: 'file.tsx', code: `console.log(...args, ...[item]);
logger?.info?.({ [key]: item });
const el = <div onClick={() => console.log(\`clicked \${item.id}\`)} />;
console.log(a as any, b!, c satisfies unknown);
console[method](password);` },
    { name: "identifiers, e-mails and the fact of a login", filename: 'file.js', code: `const logger = require('../lib/logger');
router.post('/session', loginLimiter, async (req, res) => {
  const { email, password } = req.body;
  logger.warn('failed login for %s', email);
  logger.info({ accountId: account.id }, 'login succeeded');
  console.log(\`user \${user.id} logged in\`);
  logger.info('confirmation code sent', { phone });
  request.log.info({ userId: user.id }, 'login succeeded');
});` },
    { name: "redacted values, flags and lengths", filename: 'file.js', code: `console.log('token', redact(token));
console.log('token prefix', token.slice(0, 6));
console.log({ hasToken: !!token, tokenLength: token.length, password: '[REDACTED]' });
console.log({ ...req.body, password: undefined });
logger.info(maskSecrets(req.body));
console.log('Session secret', process.env.SESSION_SECRET ? 'set' : 'missing');
console.log(user.resetPasswordExpires, user.tokenExpiresAt, user.passwordHash);` },
    { name: "a request body outside auth routes", filename: 'file.js', code: `app.post('/orders', (req, res) => {
  console.log('new order', req.body);
  logger.info(req.headers['user-agent']);
});` },
    { name: "calls that are not loggers", filename: 'file.js', code: `Math.log(token);
mailer.send(user.email, 'Reset', \`\${url}/reset/\${token}\`);
res.json({ token });
history.log(password);
this.log(token);` },
    { name: "test files are skipped", filename: 'test/auth.test.js', code: `console.log(token);` },
    { name: "lexical tokens in a tokenizer", filename: 'file.js', code: `const tokens = tokenize(source);
for (const token of tokens) debug('token %o', token);
console.log(tokens.length, tokens);` },
    { name: "real-world look-alike: claims of a verified token logged", filename: "src/auth.ts", code: `import jwt from 'jsonwebtoken';
export function auth(req: any) {
  const claims = jwt.verify(req.headers.authorization.slice(7), process.env.JWT_SECRET!, { algorithms: ['HS256'] }) as any;
  console.log('authenticated', claims);
  console.log('user', claims.sub, claims.role);
}` },
    { name: "real-world look-alike: token id logged", filename: "src/tokens.ts", code: `export function revoke(tokenId: string, logger: any) {
  logger.info(\`revoking token \${tokenId}\`);
  console.log('revoked', { tokenId });
}` },
    { name: "real-world look-alike: counts and flags declared as numbers (an LLM token count, a review pass, a nonce)", filename: 'src/stream.ts', code: `import pino from 'pino';
const logger = pino();
export function report(tokenCount: number, pass: number, nonce: number | undefined): void {
  logger.info({ tokens: tokenCount }, 'stream closed');
  logger.warn(\`Review pass \${pass}: clean\`);
  logger.debug('Giving nonce:', nonce);
}` },
    { name: "F1: words that only look like credentials (session ids of traces, nonces, loop counters, token counts, payment tokens)", filename: 'src/report.ts', code: `import { Logger } from './logger';
const logger = new Logger('x');
export function report(projectId: string, sessionId: string, inflatedParams: any): void {
  logger.warn('trace session lookup failed', { projectId, sessionId });
  logger.error(\`No trace referencing session with id \${inflatedParams.sessionId}\`);
  for (let pass = 1; pass <= 3; pass++) logger.warn(\`Review pass \${pass}: clean\`);
  const tokenCount = usage.tokens;
  logger.info({ loop: 1, tokenCount }, 'aborting');
  logger.debug('Giving nonce:', this.nonce);
  const { billingToken, last4 } = req.body;
  logger.info(billingToken, last4, 'updating billing');
}` },
    { name: "F1: ERC-20 tokens in a file that uses web3, and token records", filename: 'scripts/deploy.js', code: `const Web3 = require('web3');
const logger = require('./logger');
async function deploy(bridge, miniMeToken) {
  const foreignTokenAddress = await bridge.tokenMapping(miniMeToken.$address);
  console.log({ homeEthToken: foreignTokenAddress, mainTokens, acceptedToken });
}
function rate(fromToken, toToken = { symbol: 'USD' }) {
  logger.error('rate lookup failed', { fromId: fromToken.symbol, fromToken, toToken });
}` },
    { name: "F2: a newsletter token in an unsubscribe handler, decoded claims", filename: 'api/subscribe/beta-unsubscribe.js', code: `module.exports = async (req, res, ctx) => {
  const { token } = req.body;
  ctx.log.info('unsubscribing with token %s', token);
  if (analysis.tokenInfo) console.log('Token Payload:', analysis.tokenInfo);
};` },
    { name: "F2: development-only logs of a verification code and a sign-in link", filename: 'src/emails.ts', code: `import Logger from './logger';
import env from './env';
export function signinMail(link: string, verificationCode: string): void {
  if (env.isDevelopment) {
    Logger.debug('email', \`Verification code: \${verificationCode}\`);
  }
  if (process.env.NODE_ENV !== 'production') console.log('sign-in token', token);
  if (env.isDevelopment) Logger.info('email', \`Sign in: \${env.URL}/auth?token=\${user.getEmailSigninToken()}\`);
}` },
    { name: "F1: a token looked up by its contract address", filename: 'scripts/usd.js', code: `function usd(donation, tokenAddress) {
  console.log('usd error', { donation, tokenAddress, token: getTokenByAddress(tokenAddress) });
}` },
    { name: "F2: WebAuthn credential data in a WebAuthn controller", filename: 'app/port/webauth/WebauthController.ts', code: `export class WebauthController {
  async login(wanCredentialAuthData: unknown, credential: unknown) {
    this.logger.error('verify failed, wanCredentialAuthData: %j', wanCredentialAuthData);
    this.logger.error('credential %j', credential);
  }
}` },
    { name: "F2: a session id that the session API reported as bad", filename: 'src/SessionManager.ts', code: `export async function list(sessions: Record<string, unknown>) {
  for (const sessionID of Object.keys(sessions)) console.warn(\`Found bad session \${sessionID}\`);
}` },
    { name: "redaction configured on the logger covers its paths", filename: 'src/log.ts', code: `import pino from 'pino';
const logger = pino({ redact: ['password', '*.token', 'req.headers.authorization'] });
const other = pino({ redact: { paths: ['apiKey'] } });
export function f(password: string, token: string, apiKey: string) {
  logger.info({ password, user: { token } }, 'login');
  logger.child({ a: 1 }).info({ password });
  other.warn({ apiKey });
}` },
    { name: "objects without credential fields read, and cleared fields", filename: 'src/users.js', code: `const logger = require('./logger');
async function show(id) {
  const user = await User.findById(id).select('-password');
  logger.info('user', user, user.email);
  const row = await db.get(id);
  delete row.password;
  console.log(row);
}` },
    { name: "F2: decoded claims read for their id, push device tokens", filename: 'pages/api/v1/account/index.ts', code: `export default async function handler(req: any, res: any) {
  const token = await getTokenFromRequest(req);
  console.log(token);
  if (!token?.id) return res.status(404).end();
  const devicesToRemove = failures.map((f: any) => f.device);
  logger.verbose('needs cleanup', { devicesToRemove });
  database.update('_Installation', { deviceToken: { $in: devicesToRemove } });
}` },
    { name: "objects read for a bare token field or an asset token, a parameter filled with a file name", filename: 'scripts/migrate.js', code: `function migrate(update) {
  if (update.type === 'stream') return update.token;
  console.warn('Unknown update', update);
}
function load(settingsFilename) {
  logger.info(\`loaded from: \${settingsFilename}\`);
}
load(settings.credentialsFilename);` },
    { name: "code-sending callbacks that log only the recipient, or the code inside a development-only branch", filename: 'src/auth.ts', code: `import { betterAuth } from 'better-auth';
import { emailOTP } from 'better-auth/plugins';
export const auth = betterAuth({
  plugins: [
    emailOTP({
      async sendVerificationOTP({ email, otp, type }) {
        if (process.env.NODE_ENV === 'development') console.log(\`\${type} code for \${email}: \${otp}\`);
        console.log('sending a one-time code to', email);
      },
    }),
  ],
});
export const sms = {
  sendCode: async (phone: string, code: string) => {
    if (env.isDevelopment) logger.info(\`code for \${phone}: \${code}\`);
    logger.info('code sent', { phone, length: code.length });
  },
  onSendCode: ({ email }: { email: string }) => console.log('sending code to', email),
};
export function sendInvoice(email: string, code: string) { console.log('invoice', code, 'to', email); }` },
  ],
  invalid: [
    {
      name: "M7: whole objects that carry credentials (hook context parts, the passport verify user, a user row whose password is read, this in a save hook, the session, a config with a secret key)",
      filename: 'src/hooks/logger.js',
      code: `const logger = require('winston');
module.exports = () => function log(hook) {
  logger.debug(\`\${hook.type}: \${hook.path} - \${hook.method}\`);
  logger.debug('hook.data', hook.data);
  logger.debug('hook.params', hook.params);
  logger.debug('hook.result', hook.result);
};
app.passport.verify(async (ctx, user) => {
  ctx.logger.debug('passport.verify', user);
});
async function login(email, password) {
  const user = await User.findOne({ email });
  logger.info('login', user);
  return bcrypt.compare(password, user.password);
}
schema.pre('save', function (next) {
  console.log('saving', this);
  this.password = hash(this.password);
  next();
});
app.use((req, res, next) => { logger.info('session', req.session); next(); });
const settings = { port: 3000, jwtSecret: process.env.JWT_SECRET };
logger.info('config', settings);`,
      errors: [
        { messageId: 'credentialLogged', line: 4, column: 3, endLine: 4, endColumn: 39, data: {"callee":"logger.debug","what":"`hook.data` (a hook context part that holds authentication data, request headers and issued tokens)","redact":"log identifiers only, and add a winston `format` that deletes credential fields (password, token, authorization) before `format.json()`"} },
        { messageId: 'credentialLogged', line: 5, column: 3, endLine: 5, endColumn: 43, data: {"callee":"logger.debug","what":"`hook.params` (a hook context part that holds authentication data, request headers and issued tokens)","redact":"log identifiers only, and add a winston `format` that deletes credential fields (password, token, authorization) before `format.json()`"} },
        { messageId: 'credentialLogged', line: 6, column: 3, endLine: 6, endColumn: 43, data: {"callee":"logger.debug","what":"`hook.result` (a hook context part that holds authentication data, request headers and issued tokens)","redact":"log identifiers only, and add a winston `format` that deletes credential fields (password, token, authorization) before `format.json()`"} },
        { messageId: 'credentialLogged', line: 9, column: 3, endLine: 9, endColumn: 44, data: {"callee":"ctx.logger.debug","what":"`user` (the credentials the passport strategy passes to `verify`: for the local strategy, the password)","redact":"log identifiers only, and configure the logger's redaction (for pino: `pino({ redact: ['*.password', '*.token', 'req.headers.authorization'] })`)"} },
        { messageId: 'credentialLogged', line: 13, column: 3, endLine: 13, endColumn: 29, data: {"callee":"logger.info","what":"`user` (its `password` field)","redact":"log identifiers only, and add a winston `format` that deletes credential fields (password, token, authorization) before `format.json()`"} },
        { messageId: 'credentialLogged', line: 17, column: 3, endLine: 17, endColumn: 30, data: {"callee":"console.log","what":"`this` (its `password` field)","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 21, column: 31, endLine: 21, endColumn: 66, data: {"callee":"logger.info","what":"`req.session` (the whole session)","redact":"log identifiers only, and add a winston `format` that deletes credential fields (password, token, authorization) before `format.json()`"} },
        { messageId: 'credentialLogged', line: 23, column: 1, endLine: 23, endColumn: 32, data: {"callee":"logger.info","what":"`settings` (its `jwtSecret` field)","redact":"log identifiers only, and add a winston `format` that deletes credential fields (password, token, authorization) before `format.json()`"} },
      ],
    },
    {
      name: "M8: one-time codes and sign-in links logged in code-sending callbacks (auth library options, an SMS helper, a registered callback)",
      filename: 'src/auth.ts',
      code: `import { betterAuth } from 'better-auth';
import { magicLink } from 'better-auth/plugins';
import logger from './logger';
export const auth = betterAuth({
  emailAndPassword: {
    sendResetPassword: async ({ user, url }) => {
      console.log(\`Reset password for \${user.email}: \${url}\`);
    },
  },
  plugins: [magicLink({ sendMagicLink: async ({ email, url }) => { console.log('magic link for', email, url); } })],
});
export async function sendCode(phone: string, code: string) {
  logger.info(\`SMS to \${phone}: \${code}\`);
}
export const smsOptions = {
  onSendCode: (code: string) => console.log('login', code),
};
phoneAuth.onSendCode((code: string) => logger.debug(code));`,
      errors: [
        { messageId: 'credentialLogged', line: 7, column: 7, endLine: 7, endColumn: 62, data: {"callee":"console.log","what":"`url` (a link with a one-time token: a parameter of `sendResetPassword()`)","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 10, column: 68, endLine: 10, endColumn: 109, data: {"callee":"console.log","what":"`url` (a link with a one-time token: a parameter of `sendMagicLink()`)","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 13, column: 3, endLine: 13, endColumn: 42, data: {"callee":"logger.info","what":"`code` (a one-time code: a parameter of `sendCode()`)","redact":"log identifiers only, and configure the logger's redaction (for pino: `pino({ redact: ['*.password', '*.token', 'req.headers.authorization'] })`)"} },
        { messageId: 'credentialLogged', line: 16, column: 33, endLine: 16, endColumn: 59, data: {"callee":"console.log","what":"`code` (a one-time code: a parameter of `onSendCode()`)","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 18, column: 40, endLine: 18, endColumn: 58, data: {"callee":"logger.debug","what":"`code` (a one-time code: a parameter of the `onSendCode()` callback)","redact":"log identifiers only, and configure the logger's redaction (for pino: `pino({ redact: ['*.password', '*.token', 'req.headers.authorization'] })`)"} },
      ],
    },
    {
      name: "M8: a one-time code given to a mail helper, a reset id in the path of a reset route, a helper that logs what its caller passes",
      filename: 'src/auth.ts',
      code: `import { Router } from 'express';
import logger from './logger';
const router = Router();
export function sendVerificationEmail(email: string, code: string): void {
  console.log(\`To \${email}: Your verification code is \${code}\`);
}
router.post('/reset-password/:guid', async (req, res) => {
  logger.warn('Reset link not found', { guid: req.params.guid });
  res.sendStatus(404);
});
function audit(label: string, value: string) {
  logger.info(label, value);
}
export function rotate(user: { apiKey: string; id: string }) {
  audit('user', user.id);
  audit('rotated', user.apiKey);
}`,
      errors: [
        { messageId: 'credentialLogged', line: 5, column: 3, endLine: 5, endColumn: 64, data: {"callee":"console.log","what":"`code` (a one-time code: a parameter of `sendVerificationEmail()`)","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 8, column: 3, endLine: 8, endColumn: 65, data: {"callee":"logger.warn","what":"`req.params.guid` (a one-time code: the path parameter of `/reset-password/:guid`)","redact":"log identifiers only, and configure the logger's redaction (for pino: `pino({ redact: ['*.password', '*.token', 'req.headers.authorization'] })`)"} },
        { messageId: 'credentialLogged', line: 12, column: 3, endLine: 12, endColumn: 28, data: {"callee":"logger.info","what":"`value` (the caller on line 16 passes `user.apiKey`)","redact":"log identifiers only, and configure the logger's redaction (for pino: `pino({ redact: ['*.password', '*.token', 'req.headers.authorization'] })`)"} },
      ],
    },
    {
      name: "a live session id from the cookie, a dev-only signing secret, fields the logger does not redact, a whole header set in middleware",
      filename: 'src/logout.js',
      code: `import pino from 'pino';
const logger = pino({ redact: ['password'] });
module.exports = async (req, res, ctx) => {
  const sessionId = req.cookies[SESSION_COOKIE];
  ctx.log.info('logging out for session id %s', sessionId);
  if (isDev) logger.debug(jwtSecret);
  logger.info({ password, token });
};
app.use((req, res, next) => { logger.debug({ url: req.url, headers: req.headers }); next(); });`,
      errors: [
        { messageId: 'credentialLogged', line: 5, column: 3, endLine: 5, endColumn: 59, data: {"callee":"ctx.log.info","what":"`sessionId`","redact":"log identifiers only, and configure the logger's redaction (for pino: `pino({ redact: ['*.password', '*.token', 'req.headers.authorization'] })`)"} },
        { messageId: 'credentialLogged', line: 6, column: 14, endLine: 6, endColumn: 37, data: {"callee":"logger.debug","what":"`jwtSecret`","redact":"configure the logger's redaction: `pino({ redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 7, column: 3, endLine: 7, endColumn: 35, data: {"callee":"logger.info","what":"`token`","redact":"configure the logger's redaction: `pino({ redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 9, column: 31, endLine: 9, endColumn: 83, data: {"callee":"logger.debug","what":"the request headers with the Authorization and Cookie headers (`req.headers`)","redact":"configure the logger's redaction: `pino({ redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'] })`"} },
      ],
    },
    {
      name: "console with a whole login body, a reset token and a template",
      filename: 'file.js',
      code: `router.post('/login', async (req, res) => {
  console.log('Login attempt:', req.body);
  const token = crypto.randomBytes(32).toString('hex');
  console.log('reset token for', user.email, token);
  console.error(\`Bearer \${req.headers.authorization}\`);
});`,
      errors: [
        { messageId: 'credentialLogged', line: 2, column: 3, endLine: 2, endColumn: 42, data: {"callee":"console.log","what":"the whole request body of a route that receives a password (`req.body`)","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 4, column: 3, endLine: 4, endColumn: 52, data: {"callee":"console.log","what":"`token`","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 5, column: 3, endLine: 5, endColumn: 55, data: {"callee":"console.error","what":"`req.headers.authorization`","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
      ],
    },
    {
      name: "pino, a child logger and a renamed import",
      filename: 'file.ts',
      code: `import { pino as createLogger } from 'pino';
const log = createLogger();
export function signIn(dto: { email: string; password: string }) {
  log.info({ email: dto.email, password: dto.password }, 'sign in');
  log.child({ module: 'auth' }).debug(\`pw=\${dto.password}\`);
}`,
      errors: [
        { messageId: 'credentialLogged', line: 4, column: 3, endLine: 4, endColumn: 68, data: {"callee":"log.info","what":"`dto.password`","redact":"configure the logger's redaction: `pino({ redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 5, column: 3, endLine: 5, endColumn: 60, data: {"callee":"log.child({ module: 'auth' }).debug","what":"`dto.password`","redact":"configure the logger's redaction: `pino({ redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'] })`"} },
      ],
    },
    {
      name: "winston, bunyan and debug through require",
      filename: 'file.js',
      code: `const { createLogger } = require('winston');
const bunyan = require('bunyan');
const debug = require('debug')('app:auth');
const wlog = createLogger({});
const blog = bunyan.createLogger({ name: 'auth' });
function authenticate(req) {
  wlog.info('auth header', { header: req.get('Authorization') });
  blog.warn({ cookie: req.headers.cookie });
  debug('api key %s', process.env.API_KEY);
}`,
      errors: [
        { messageId: 'credentialLogged', line: 7, column: 3, endLine: 7, endColumn: 65, data: {"callee":"wlog.info","what":"the `Authorization` header","redact":"log identifiers only, and add a winston `format` that deletes credential fields (password, token, authorization) before `format.json()`"} },
        { messageId: 'credentialLogged', line: 8, column: 3, endLine: 8, endColumn: 44, data: {"callee":"blog.warn","what":"`req.headers.cookie`","redact":"log identifiers only, and give bunyan `serializers` that drop credential fields (`req` → method and url only)"} },
        { messageId: 'credentialLogged', line: 9, column: 3, endLine: 9, endColumn: 43, data: {"callee":"debug","what":"`process.env.API_KEY`","redact":"log identifiers only; `debug` output has no redaction and is often switched on in production with `DEBUG=*`"} },
      ],
    },
    {
      name: "Nest Logger and a @Body() in a login route",
      filename: 'file.ts',
      code: `import { Body, Controller, Logger, Post } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);
  @Post('login')
  login(@Body() body: LoginDto) {
    this.logger.log(\`login \${JSON.stringify(body)}\`);
    this.logger.debug(\`user \${body.email}\`);
  }
}`,
      errors: [
        { messageId: 'credentialLogged', line: 7, column: 5, endLine: 7, endColumn: 53, data: {"callee":"this.logger.log","what":"the whole request body of a route that receives a password (`body`)","redact":"log identifiers only; Nest's `Logger` prints what it is given (with `nestjs-pino`, configure `pinoHttp: { redact: [...] }`)"} },
      ],
    },
    {
      name: "fastify request.log and app.log",
      filename: 'file.js',
      code: `const Fastify = require('fastify');
const app = Fastify({ logger: true });
app.post('/token', async (request, reply) => {
  request.log.info({ body: request.body }, 'token request');
  app.log.debug({ refreshToken: request.body.refresh_token });
});`,
      errors: [
        { messageId: 'credentialLogged', line: 4, column: 3, endLine: 4, endColumn: 60, data: {"callee":"request.log.info","what":"the whole request body of a route that receives a password (`request.body`)","redact":"log identifiers only, and configure the logger's redaction (for pino: `pino({ redact: ['*.password', '*.token', 'req.headers.authorization'] })`)"} },
        { messageId: 'credentialLogged', line: 5, column: 3, endLine: 5, endColumn: 62, data: {"callee":"app.log.debug","what":"`request.body.refresh_token`","redact":"configure the logger's redaction: `Fastify({ logger: { redact: ['req.headers.authorization', '*.password', '*.token'] } })`"} },
      ],
    },
    {
      name: "a local logger module and an OTP from a generator",
      filename: 'file.js',
      code: `import { logger } from '../lib/logger';
function generateOtp() { return crypto.randomInt(100000, 1000000).toString(); }
export async function sendLoginCode(phone) {
  const code = generateOtp();
  logger.info(\`OTP for \${phone}: \${code}\`);
}`,
      errors: [
        { messageId: 'credentialLogged', line: 5, column: 3, endLine: 5, endColumn: 43, data: {"callee":"logger.info","what":"`code` (from `otp`)","redact":"log identifiers only, and configure the logger's redaction (for pino: `pino({ redact: ['*.password', '*.token', 'req.headers.authorization'] })`)"} },
      ],
    },
    {
      name: "koa: the body of a login route and the cookies",
      filename: 'file.mjs',
      code: `router.post('/login', rateLimit, async (ctx) => {
  console.log('login request', ctx.request.body);
  console.log(JSON.stringify({ ...ctx.request.body }));
});`,
      errors: [
        { messageId: 'credentialLogged', line: 2, column: 3, endLine: 2, endColumn: 49, data: {"callee":"console.log","what":"the whole request body of a route that receives a password (`ctx.request.body`)","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 3, column: 3, endLine: 3, endColumn: 55, data: {"callee":"console.log","what":"the whole request body of a route that receives a password (`ctx.request.body`)","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
      ],
    },
    {
      name: "odd syntax still reports",
      filename: 'file.ts',
      code: `console.log(...args, ...[token]);
logger?.info?.({ [key]: token });
console.log(req.cookies as any, authHeader!);`,
      errors: [
        { messageId: 'credentialLogged', line: 1, column: 1, endLine: 1, endColumn: 33, data: {"callee":"console.log","what":"`token`","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 2, column: 1, endLine: 2, endColumn: 33, data: {"callee":"logger?.info","what":"`token`","redact":"log identifiers only, and configure the logger's redaction (for pino: `pino({ redact: ['*.password', '*.token', 'req.headers.authorization'] })`)"} },
        { messageId: 'credentialLogged', line: 3, column: 1, endLine: 3, endColumn: 45, data: {"callee":"console.log","what":"`req.cookies` and `authHeader`","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
      ],
    },
    {
      name: "a value that becomes a credential later: returned by issueApiKey, stored as resetToken",
      filename: 'file.js',
      code: `const pino = require('pino');
const log = pino();
async function issueApiKey(accountId) {
  const key = 'sk_' + crypto.randomBytes(24).toString('hex');
  log.debug(\`issued \${key} for \${accountId}\`);
  return key;
}
async function startReset(user) {
  const value = crypto.randomBytes(32).toString('hex');
  log.info({ userId: user.id, value });
  user.resetToken = value;
  const label = \`reset for \${user.id}\`;
  log.info(label);
  user.resetNote = label;
}`,
      errors: [
        { messageId: 'credentialLogged', line: 5, column: 3, endLine: 5, endColumn: 46, data: {"callee":"log.debug","what":"`key` (returned by `issueApiKey()`)","redact":"configure the logger's redaction: `pino({ redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 10, column: 3, endLine: 10, endColumn: 39, data: {"callee":"log.info","what":"`value` (stored as `resetToken`)","redact":"configure the logger's redaction: `pino({ redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'] })`"} },
      ],
    },
    {
      name: "a generic code qualified by its owner",
      filename: 'file.js',
      code: `console.log('otp', otp.code, err.code, country.code);`,
      errors: [
        { messageId: 'credentialLogged', line: 1, column: 1, endLine: 1, endColumn: 53, data: {"callee":"console.log","what":"`otp.code` (from `otpCode`)","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
      ],
    },
    {
      name: "a body that carries a password outside auth paths",
      filename: 'file.js',
      code: `app.post('/users', async (req, res) => {
  console.log('create user', req.body);
  const { email, password } = req.body;
});
app.post('/orders', async (req, res) => {
  console.log('new order', req.body);
  const { items } = req.body;
});
router.put('/me', async (ctx) => {
  console.log(ctx.request.body);
  await users.update(ctx.state.user.id, { pw: await hash(ctx.request.body.newPassword) });
});`,
      errors: [
        { messageId: 'credentialLogged', line: 2, column: 3, endLine: 2, endColumn: 39, data: {"callee":"console.log","what":"the whole request body of a route that receives a password (`req.body`)","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
        { messageId: 'credentialLogged', line: 10, column: 3, endLine: 10, endColumn: 32, data: {"callee":"console.log","what":"the whole request body of a route that receives a password (`ctx.request.body`)","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
      ],
    },
    {
      name: "checkTestFiles",
      filename: 'test/auth.test.js',
      options: [{"checkTestFiles":true}],
      code: `console.log(token);`,
      errors: [
        { messageId: 'credentialLogged', line: 1, column: 1, endLine: 1, endColumn: 19, data: {"callee":"console.log","what":"`token`","redact":"remove the value from the message (print an id or a masked prefix instead), and prefer a structured logger with redaction such as `pino({ redact: ['req.headers.authorization', '*.password', '*.token'] })`"} },
      ],
    },
  ],
});
