import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CHECK_TEST_FILES_SCHEMA, createRule } from '../src/create-rule.js';
import { getFile, type FileFacts } from '../src/core/file.js';
import { importsAny } from '../src/core/prefilter.js';
import { declaredNonString } from '../src/core/types.js';
import { calleeName, nameOf, staticKey, stringOf, unwrap } from '../src/core/ast.js';
import { resolveRef, type ModuleRef } from '../src/core/modules.js';
import { describedBy, flowsInto, inAuthRoute, isBareTokenName, isLexerFile, producedName, requestCarriesPassword, wholeRequestPart } from '../src/core/flow.js';
import { userInputOf } from '../src/core/requests.js';
import { isCredentialName, isLoginSessionName, isSecretName, words } from '../src/core/names.js';
import {
  argumentsFor, carriedCredential, carries, isRedactedKey, isRedacting, SHOWING_CALLS, holdsNumber, inDevelopmentOnly, isLiveSessionId, isLoggedCredentialName, isSessionIdName,
  isGenericValueName, labelledCredential, namesOnly, namesSomethingElse, oneTimeCodeHere, redactedBy, aboutCredential,
} from '../src/core/credentials.js';
import { CONSOLE_METHODS, CONSOLE_REDACT, GENERIC_REDACT, LOCAL_LOGGER_WORDS, LOG_LEVELS, LOGGERS, type LoggerModel } from '../src/models/loggers.js';

export type MessageId = 'credentialLogged';
export type Options = [{ checkTestFiles?: boolean }];

interface LogCall {
  readonly callee: string;
  readonly redact: string;
}

const LEVELS = new Set(LOG_LEVELS);
/** Every method name any logger model writes a line with, and the modules of the models. */
const ANY_LEVEL = new Set([...LOG_LEVELS, ...LOGGERS.flatMap((m) => m.levels ?? [])]);
const LOGGER_MODULES = LOGGERS.flatMap((m) => [m.module].flat());
const CONSOLE = new Set(CONSOLE_METHODS);
const MAX_DEPTH = 4;

function matchesModule(model: LoggerModel, module: string): boolean {
  return typeof model.module === 'string' ? model.module === module : model.module.includes(module);
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** Drop trailing `.child(…)` steps: `logger.child({ …}).info` is still `logger`. */
function withoutChildren(path: readonly string[]): readonly string[] {
  let p = path;
  while (p.length >= 2 && p[p.length - 1] === '()' && p[p.length - 2] === 'child') p = p.slice(0, -2);
  return p;
}

function isLocalModule(module: string): boolean {
  return /^(\.|\/|~\/|@\/|#)/.test(module);
}

/** A known library's log call, from the callee's module path. */
function libraryLogCall(ref: ModuleRef): LoggerModel | null {
  for (const model of LOGGERS) {
    if (!matchesModule(model, ref.module)) continue;
    if (model.functions?.some((f) => samePath(f, ref.path))) return model;
    const level = ref.path[ref.path.length - 1];
    if (!level || !(model.levels ?? LOG_LEVELS).includes(level)) continue;
    const instance = withoutChildren(ref.path.slice(0, -1));
    if (model.instances.some((i) => samePath(i, instance))) return model;
  }
  return null;
}

/** `require('./logger').info`, `import { log } from '../lib/logging'; log.warn(…)`: the app's own logger module. */
function isLocalLoggerCall(ref: ModuleRef): boolean {
  if (!isLocalModule(ref.module)) return false;
  const level = ref.path[ref.path.length - 1];
  if (!level || !LEVELS.has(level) || ref.path.length < 1) return false;
  const named = [ref.module, ...withoutChildren(ref.path.slice(0, -1))];
  return named.some((n) => words(n).some((w) => LOCAL_LOGGER_WORDS.includes(w)));
}

/** A receiver named like a logger: `logger`, `log`, `this.logger`, `request.log`, `app.log`, `authLogger`. */
function isLoggerNamed(node: TSESTree.Node): boolean {
  let n = unwrap(node);
  // logger.child({ … }).info(…)
  while (n.type === T.CallExpression && calleeName(n) === 'child' && unwrap(n.callee).type === T.MemberExpression) {
    n = unwrap((unwrap(n.callee) as TSESTree.MemberExpression).object);
  }
  const name = nameOf(n);
  if (!name) return false;
  const w = words(name);
  const last = w[w.length - 1];
  return last === 'logger' || last === 'log' || last === 'log4js';
}

function logCallOf(file: FileFacts, call: TSESTree.CallExpression, text: (n: TSESTree.Node) => string): LogCall | null {
  const callee = unwrap(call.callee);
  const shown = (): string => (text(call.callee).length > 40 ? (calleeName(call) ?? 'log') : text(call.callee));
  if (callee.type === T.MemberExpression) {
    const obj = unwrap(callee.object);
    const method = staticKey(callee);
    if (obj.type === T.Identifier && obj.name === 'console' && method && CONSOLE.has(method) && file.isGlobal(obj)) {
      return { callee: shown(), redact: CONSOLE_REDACT };
    }
  }
  // Cheap first: a call that is neither `x.<level>(…)` nor anything a logger module could export cannot log.
  const level = callee.type === T.MemberExpression ? staticKey(callee) : null;
  const levelled = level !== null && (ANY_LEVEL.has(level) || /^log[A-Z]/.test(level));
  // A method call logs only under a level name; a plain function call (`debug(…)`) only in a file that imports a logger.
  if (callee.type === T.MemberExpression ? !levelled : !importsAny(file, LOGGER_MODULES)) return null;
  const ref = resolveRef(file, call.callee);
  if (ref) {
    const model = libraryLogCall(ref);
    if (model) return { callee: shown(), redact: model.redact };
    if (isLocalLoggerCall(ref)) return { callee: shown(), redact: GENERIC_REDACT };
  }
  const method = callee.type === T.MemberExpression ? staticKey(callee) ?? '' : '';
  if (callee.type === T.MemberExpression && (LEVELS.has(method) || /^log[A-Z]/.test(method)) && isLoggerNamed(callee.object)) {
    return { callee: shown(), redact: GENERIC_REDACT };
  }
  return null;
}

export default createRule<Options, MessageId>({
  name: 'no-credential-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow passwords, secrets, tokens, auth headers and whole login request bodies in log output',
      category: 'credential-logging',
      recommended: 'recommended',
    },
    schema: CHECK_TEST_FILES_SCHEMA,
    defaultOptions: [{ checkTestFiles: false }],
    messages: {
      credentialLogged:
        '`{{callee}}` writes {{what}} to the log: log files and log services are read by far more people and systems than the credential store, and anyone who reads them can replay the credential and sign in as the user. Log identifiers (a user id, the fact of a login), never credentials; {{redact}}.',
    },
  },
  defaultOptions: [{ checkTestFiles: false }],
  create(context, [options]) {
    const file = getFile(context);
    if (file.isTest && !options.checkTestFiles) return {};
    const text = (n: TSESTree.Node): string => context.sourceCode.getText(n);
    const lexer = isLexerFile(file);
    const quote = (n: TSESTree.Node): string => {
      const t = text(n).replace(/\s+/g, ' ');
      return `\`${t.length > 40 ? `${t.slice(0, 37)}…` : t}\``;
    };

    /** The whole request headers, or the whole body in an auth route (or a body that carries a password). */
    function wholeRequest(node: TSESTree.Node): string | null {
      const input = userInputOf(file, node);
      let part: string | null = null;
      if (input && input.path.length === 0 && ['body', 'form', 'credentials', 'headers', 'cookies'].includes(input.source)) part = input.source;
      part ??= wholeRequestPart(file, node);
      if (!part) return null;
      if (part === 'cookies') return `the request cookies (${quote(node)})`;
      if (part === 'credentials') return `the login credentials (${quote(node)})`;
      // a whole header set carries the Authorization and Cookie headers anywhere (middleware, guards, handshakes)
      if (part !== 'headers' && !inAuthRoute(file, node) && !(part === 'body' && requestCarriesPassword(file, node))) return null;
      return part === 'headers' ? `the request headers with the Authorization and Cookie headers (${quote(node)})` : `the whole request body of a route that receives a password (${quote(node)})`;
    }

    /**
     * What a local variable goes on to be, unchanged: `const key = 'sk_' + …; …; return key`
     * in `issueApiKey()` is an API key; `user.resetToken = value` makes `value` a reset token.
     */
    function credentialItBecomes(id: TSESTree.Identifier): string | null {
      const variable = file.variableOf(id);
      const def = variable?.defs[0];
      if (!variable || variable.defs.length !== 1 || def?.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || !def.node.init) return null;
      const declared = def.node.id;
      let found: string | null = null;
      flowsInto(file, def.node.init, (d) => {
        if (d.kind === 'returned' && d.name && isLoggedCredentialName(d.name)) found = `returned by \`${d.name}()\``;
        else if (d.kind === 'named' && d.node !== declared && isLoggedCredentialName(d.name)) found = `stored as \`${d.name}\``;
        return found !== null;
      }, { unchanged: true });
      return found;
    }

    /** This log call is in a development-only branch; the field paths its logger redacts. */
    let devOnly = false;
    let redacted: readonly string[] = [];

    /** A helper's parameter that a caller in this file fills with a credential: reported here, naming the caller. */
    function passedByCaller(id: TSESTree.Identifier, depth: number): string[] {
      for (const arg of argumentsFor(file, id)) {
        const inner = credentialIn(arg, depth + 2);
        if (inner.length) return [`${quote(id)} (the caller on line ${arg.loc.start.line} passes ${inner[0]!})`];
      }
      return [];
    }

    /** A name of a credential in this log call (a development-only log shows only configured secrets). */
    const credential = (n: string): boolean => isLoggedCredentialName(n) && !(lexer && isBareTokenName(n)) && !(devOnly && !isSecretName(n));

    /** Does this value (a log argument or a part of one) carry a credential? Describe it, or null. */
    function credentialIn(raw: TSESTree.Node, depth: number): string[] {
      if (depth > MAX_DEPTH) return [];
      const node = unwrap(raw);
      switch (node.type) {
        case T.ThisExpression: {
          const carried = carriedCredential(file, node);
          return carried ? [`\`this\` (${carried})`] : [];
        }
        case T.Identifier:
        case T.MemberExpression: {
          if (node.type === T.MemberExpression && /^(length|size|byteLength)$/.test(staticKey(node) ?? '')) return [];
          // Declared a number or boolean (`pass: number`, `tokenCount: number`), or a loop counter: never a credential.
          if (declaredNonString(file, node) || holdsNumber(file, node)) return [];
          // A whole request echoed by a development-only route or branch is a debugging aid, not production logging.
          const whole = devOnly ? null : wholeRequest(node);
          if (whole) return [whole];
          const own = nameOf(node);
          if (own && (namesSomethingElse(file, node, own) || aboutCredential(own))) return [];
          if (own && isSessionIdName(own)) return isLiveSessionId(file, node) && isLoginSessionName(own) && !devOnly ? [quote(node)] : [];
          if (own && credential(own)) return [quote(node)];
          const names = describedBy(file, node);
          const origin = names.find((n) => n !== own && credential(n) && !isSessionIdName(n) && !namesOnly(n));
          if (origin) return [`${quote(node)} (from \`${origin}\`)`];
          const becomes = node.type === T.Identifier && !devOnly ? credentialItBecomes(node) : null;
          if (becomes) return [`${quote(node)} (${becomes})`];
          const code = devOnly ? null : oneTimeCodeHere(file, node);
          if (code) return [`${quote(node)} (${/^(url|link|href)$/i.test(own ?? '') ? 'a link with a one-time token' : 'a one-time code'}: ${code})`];
          const carried = carriedCredential(file, node);
          if (carried) return [`${quote(node)} (${carried})`];
          return node.type === T.Identifier ? passedByCaller(node, depth) : [];
        }
        case T.TemplateLiteral:
          return node.expressions.flatMap((e, i) => {
            const inner = credentialIn(e, depth + 1);
            if (inner.length || devOnly) return inner;
            // `Your verification code is ${code}`: the text names the value
            const label = labelledCredential(node.quasis[i]?.value.cooked ?? '');
            return label && carries(e) && isGenericValueName(nameOf(e)) && !declaredNonString(file, e) && !holdsNumber(file, e) ? [`${quote(e)} (labelled \`${label}\`)`] : [];
          });
        case T.BinaryExpression:
          return node.operator === '+' ? [...credentialIn(node.left, depth + 1), ...credentialIn(node.right, depth + 1)] : [];
        case T.LogicalExpression:
          return node.operator === '&&' ? credentialIn(node.right, depth + 1) : [...credentialIn(node.left, depth + 1), ...credentialIn(node.right, depth + 1)];
        case T.ConditionalExpression:
          return [...credentialIn(node.consequent, depth + 1), ...credentialIn(node.alternate, depth + 1)];
        case T.AwaitExpression:
          return credentialIn(node.argument, depth + 1);
        case T.ArrayExpression:
          return node.elements.flatMap((e) => (e ? credentialIn(e.type === T.SpreadElement ? e.argument : e, depth + 1) : []));
        case T.ObjectExpression: {
          // `{ ...req.body, password: undefined }`: the spread is redacted by the overrides after it
          const redactsSpread = node.properties.some((p) => p.type === T.Property && isCredentialName(staticKey(p) ?? '') && !carries(p.value));
          return node.properties.flatMap((p) => {
            if (p.type === T.SpreadElement) return redactsSpread ? [] : credentialIn(p.argument, depth + 1);
            if (p.type !== T.Property || p.kind !== 'init') return [];
            const key = staticKey(p);
            // the logger's own `redact` paths cover this field
            if (key && isRedactedKey(redacted, key)) return [];
            const inner = credentialIn(p.value, depth + 1);
            if (inner.length) return inner;
            const value = p.value as TSESTree.Node;
            if (!key || !carries(value) || declaredNonString(file, value) || holdsNumber(file, value) || devOnly) return [];
            if (isSessionIdName(key) || namesSomethingElse(file, value, key) || !isLoggedCredentialName(key)) return [];
            return [`the \`${key}\` field`];
          });
        }
        case T.CallExpression: {
          const name = calleeName(node);
          if (isRedacting(name)) return [];
          const callee = unwrap(node.callee);
          // JSON.stringify(req.body), String(token), util.inspect(x), token.toString()
          if (name && SHOWING_CALLS.has(name)) {
            if (callee.type === T.MemberExpression && (name === 'toString' || name === 'toJSON' || name === 'trim' || name === 'concat')) return credentialIn(callee.object, depth + 1);
            return node.arguments.flatMap((a) => (a.type === T.SpreadElement ? [] : credentialIn(a, depth + 1)));
          }
          // req.get('authorization'), c.req.header('Cookie'), headers.get('x-api-key')
          if (name && /^(get|header|getHeader)$/.test(name)) {
            const header = stringOf(node.arguments[0] ?? null);
            if (header && isCredentialName(header)) return [`the \`${header}\` header`];
            return [];
          }
          const made = name ? producedName(name) : null;
          return made && credential(made) ? [`${quote(node)}`] : [];
        }
        default:
          return [];
      }
    }

    return {
      CallExpression(node) {
        if (node.arguments.length === 0) return;
        const log = logCallOf(file, node, text);
        if (!log) return;
        devOnly = inDevelopmentOnly(node);
        redacted = redactedBy(file, node);
        const found = [...new Set(node.arguments.flatMap((a) => credentialIn(a.type === T.SpreadElement ? a.argument : a, 0)))];
        if (found.length === 0) return;
        const what = found.length === 1 ? found[0]! : `${found.slice(0, -1).join(', ')} and ${found[found.length - 1]}`;
        context.report({ node, messageId: 'credentialLogged', data: { callee: log.callee, what, redact: log.redact } });
      },
    };
  },
});
