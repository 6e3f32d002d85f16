import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CHECK_TEST_FILES_OPTION, createRule } from '../src/create-rule.js';
import { getFile, type FileFacts } from '../src/core/file.js';
import { calleeName, mentionedNames, staticKey, unwrap } from '../src/core/ast.js';
import { invokedRef, isCallOf, isChainCallOf, registeredPlugin } from '../src/core/match.js';
import { moduleMatches, resolveRef, type ModuleRef } from '../src/core/modules.js';
import { dereference, getProperty, getPropertyPath, resolveObject, resolveValue, type Lookup } from '../src/core/values.js';
import { isAuthCookieName, words } from '../src/core/names.js';
import { callsOf, fileModules, identifierNames, isCookieDeletion, parameterOf, isBearerTokenName, isMutatedBinding, isPreferenceCookieName, parseCookieString, stringParts, type ParsedCookie } from '../src/core/cookies.js';
import {
  COOKIE_SETTERS, DOCUMENT_COOKIE, SERVER_MODULES, SESSION_MIDDLEWARE, SET_COOKIE_HEADER_METHODS, SET_COOKIE_STRING_FIX, TOKEN_PRODUCERS,
  type CookieDefaults, type CookieSetter, type FlagDefault, type SessionMiddleware,
} from '../src/models/cookies.js';

export type MessageId = 'missingBoth' | 'missingHttpOnly' | 'missingSecure' | 'clientCookie' | 'addFlags';
/** Which cookies to check: `auth` (default), also those whose name the file cannot resolve (`unresolved`, strict), or every cookie (`all`). */
export type CookieScope = 'auth' | 'unresolved' | 'all';
export type Options = [{ cookies?: CookieScope; checkTestFiles?: boolean }];

type Node = TSESTree.Node;
type FlagState = 'on' | 'off' | 'absent' | 'unknown';
type Kind = 'auth' | 'unresolved' | 'other';

/** One cookie as the code sets it: where to report, what it is, and its flags. */
interface Site {
  readonly report: Node;
  readonly label: string;
  readonly fix: string;
  readonly kind: Kind;
  /** How the message names the cookie: "the auth cookie `token`", "its session cookie". */
  readonly cookie: string;
  readonly httpOnly: FlagState;
  readonly secure: FlagState;
  readonly sameSiteNone: boolean;
  readonly defaults: CookieDefaults;
  readonly client: boolean;
  /** A raw `Set-Cookie` string: flags are attributes (`HttpOnly`, `Secure`), not options. */
  readonly raw: boolean;
  /** The expressions that give the cookie its name and value, to follow into a helper's callers. */
  readonly nameNodes: readonly Node[];
  readonly valueNodes: readonly Node[];
  /** The suggestion for the flags it names, or null where no safe edit exists. */
  readonly edit: ((fixer: TSESLint.RuleFixer, flags: readonly string[]) => TSESLint.RuleFix[]) | null;
}

const SCOPE_RANK: Record<CookieScope, number> = { auth: 0, unresolved: 1, all: 2 };
const KIND_RANK: Record<Kind, number> = { auth: 0, unresolved: 1, other: 2 };
const SECURE_PREFIX = /^__(secure|host)-/i;
/** Raw `Set-Cookie` strings: a flag is there or it is not. */
const STRING_DEFAULTS: CookieDefaults = { httpOnly: 'unset', secure: 'unset' };
const SESSIONISH = new Set(['session', 'sess', 'sid', 'jwt', 'auth', 'token']);

/** Is the flag missing once the library's default applies? */
function missing(state: FlagState, fallback: FlagDefault): boolean {
  return state === 'off' || (state === 'absent' && fallback === 'unset');
}

/** `true` / `false` / absent / unknown, through const bindings. `'auto'` and other strings count as set. */
function flagState(file: FileFacts, found: Lookup): FlagState {
  if (found.kind !== 'found') return found.kind;
  const value = unwrap(dereference(file, found.value));
  if (value.type === T.Literal) {
    if (typeof value.value === 'boolean') return value.value ? 'on' : 'off';
    if (typeof value.value === 'string') return 'on';
    return 'unknown';
  }
  if (value.type === T.Identifier && value.name === 'undefined' && file.isGlobal(value)) return 'absent';
  return 'unknown';
}

function isSameSiteNone(file: FileFacts, found: Lookup): boolean {
  if (found.kind !== 'found') return false;
  const value = resolveValue(file, found.value);
  return value.kind === 'literal' && value.text.toLowerCase() === 'none';
}

/** "without `httpOnly`, with `secure: false`": every problem of the cookie, in one phrase. */
function describeProblems(site: Site, httpOnly: boolean, secure: boolean, strings: boolean): string {
  const parts: string[] = [];
  const name = (flag: string): string => (strings ? (flag === 'httpOnly' ? '`HttpOnly`' : '`Secure`') : `\`${flag}\``);
  if (httpOnly) parts.push(site.httpOnly === 'off' ? `with \`httpOnly: false\`` : `without ${name('httpOnly')}`);
  if (secure) {
    parts.push(site.secure === 'off' ? `with \`secure: false\`` : `without ${name('secure')}`);
    if (site.sameSiteNone) parts.push(strings ? 'with `SameSite=None`' : "with `sameSite: 'none'`");
  }
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0] ?? '';
}

/** Insert `key: true` properties into an object literal, replacing own ones, or wrap a non-literal in `{ ...x, … }`. */
function setProperties(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, target: Node, props: readonly [string, string][]): TSESLint.RuleFix[] {
  if (target.type !== T.ObjectExpression) {
    return [fixer.replaceText(target, `{ ...${sourceCode.getText(target)}, ${props.map(([k, v]) => `${k}: ${v}`).join(', ')} }`)];
  }
  const fixes: TSESLint.RuleFix[] = [];
  const appended: string[] = [];
  for (const [key, value] of props) {
    const own = target.properties.find((p): p is TSESTree.Property => p.type === T.Property && !p.computed && staticKey(p) === key);
    if (own) fixes.push(fixer.replaceText(own, `${key}: ${value}`));
    else appended.push(`${key}: ${value}`);
  }
  if (appended.length === 0) return fixes;
  const last = target.properties[target.properties.length - 1];
  if (!last) return [...fixes, fixer.replaceText(target, `{ ${appended.join(', ')} }`)];
  const after = sourceCode.getTokenAfter(last);
  const trailingComma = after?.value === ',' ? after : null;
  const closing = sourceCode.getLastToken(target);
  if (closing && closing.loc.start.line > last.loc.end.line) {
    const indent = ' '.repeat(last.loc.start.column);
    const text = `${trailingComma ? '' : ','}${appended.map((p) => `\n${indent}${p}`).join(',')}${trailingComma ? ',' : ''}`;
    return [...fixes, fixer.insertTextAfter(trailingComma ?? last, text)];
  }
  return [...fixes, fixer.insertTextAfter(last, `, ${appended.join(', ')}`)];
}

/** Append attributes to a cookie string expression: inside its last literal when there is one. */
function appendToString(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, node: Node, text: string): TSESLint.RuleFix {
  let last: Node = node;
  while (last.type === T.BinaryExpression && last.operator === '+') last = last.right;
  if ((last.type === T.Literal && typeof last.value === 'string') || last.type === T.TemplateLiteral) {
    return fixer.insertTextBeforeRange([last.range[1] - 1, last.range[1] - 1], text);
  }
  const simple = node.type === T.Identifier || node.type === T.MemberExpression || node.type === T.CallExpression || node.type === T.BinaryExpression;
  return simple ? fixer.insertTextAfter(node, ` + '${text}'`) : fixer.replaceText(node, `(${sourceCode.getText(node)}) + '${text}'`);
}

export default createRule<Options, MessageId>({
  name: 'secure-cookie-flags',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `httpOnly` and `secure` on session and auth cookies, per library defaults',
      category: 'cookie-flags',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      missingBoth: '{{setter}} sets {{cookie}} {{problems}}: any script injected into the page (XSS) can read it, and the browser also sends it over plain HTTP where anyone on the network can steal the session. {{fix}}',
      missingHttpOnly: '{{setter}} sets {{cookie}} {{problems}}: any script injected into the page (XSS) can read it and take over the session. {{fix}}',
      missingSecure: '{{setter}} sets {{cookie}} {{problems}}: the browser also sends it over plain HTTP, where anyone on the network can steal the session. {{fix}}',
      clientCookie: '{{setter}} writes {{cookie}} from script, so it can never be HttpOnly: any script injected into the page (XSS) can read and replay it{{secure}}. {{fix}}',
      addFlags: 'Add {{flags}} to the cookie',
    },
    schema: [
      {
        type: 'object',
        properties: {
          cookies: {
            type: 'string',
            enum: ['auth', 'unresolved', 'all'],
            description: 'Which cookies to check: `auth` (names or values about sessions and tokens), `unresolved` (also cookies whose name the file cannot resolve, such as a helper\'s parameter; on in `strict`), or `all` (also preference cookies such as `theme`).',
          },
          checkTestFiles: CHECK_TEST_FILES_OPTION,
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ cookies: 'auth', checkTestFiles: false }],
  },
  defaultOptions: [{ cookies: 'auth', checkTestFiles: false }],
  create(context, [options]) {
    const file = getFile(context);
    if (file.isTest && !options.checkTestFiles) return {};
    const scope = SCOPE_RANK[options.cookies ?? 'auth'];
    const sourceCode = context.sourceCode;

    // --- what a cookie is about -------------------------------------------------

    function isTokenProducer(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
      return TOKEN_PRODUCERS.some((p) => (p.chainMethod ? isChainCallOf(file, call, p, p.chainMethod) : isCallOf(file, call, p)));
    }

    /** A value that is a token or session id: by origin (a JWT sign call) or by the names it is made of. */
    function isTokenValue(raw: Node | null): boolean {
      if (!raw) return false;
      let target = unwrap(dereference(file, raw));
      if (target.type === T.AwaitExpression) target = unwrap(dereference(file, target.argument));
      if ((target.type === T.CallExpression || target.type === T.NewExpression) && isTokenProducer(target)) return true;
      if (target.type === T.CallExpression) {
        const callee = calleeName(target);
        if (callee && words(callee).some((w) => SESSIONISH.has(w))) return true;
      }
      return [raw, target].some((n) => identifierNames(n, 16).some((name) => isBearerTokenName(name) || (words(name).length === 1 && SESSIONISH.has(words(name)[0]!))));
    }

    function classify(name: string | null, nameNodes: readonly Node[], value: readonly Node[]): Kind {
      if (name !== null) {
        if (words(name).some((w) => w === 'csrf' || w === 'xsrf')) return 'other'; // read by script on purpose (double submit)
        if (isPreferenceCookieName(name)) return 'other';
        if (isAuthCookieName(name)) return 'auth';
        return value.some(isTokenValue) ? 'auth' : 'other';
      }
      const names = nameNodes.flatMap((n) => mentionedNames(n, 8));
      if (names.some((n) => words(n).some((w) => w === 'csrf' || w === 'xsrf'))) return 'other';
      if (names.some(isPreferenceCookieName)) return 'other';
      if (names.some(isAuthCookieName)) return 'auth';
      return value.some(isTokenValue) ? 'auth' : 'unresolved';
    }

    function cookiePhrase(kind: Kind, name: string | null): string {
      const noun = kind === 'auth' ? 'the auth cookie' : 'the cookie';
      return name ? `${noun} \`${name}\`` : kind === 'auth' ? 'an auth cookie' : 'a cookie';
    }

    // --- reporting ----------------------------------------------------------------

    /**
     * A cookie helper (`function setCookie(name, value) { document.cookie = … }`):
     * judge each call in the file by the name and value it passes, and report
     * there. True when every call could be judged (the helper needs no report of its own).
     */
    function reportHelperCalls(site: Site): boolean {
      const nameParam = site.nameNodes.length === 1 ? parameterOf(file, site.nameNodes[0]!) : null;
      if (!nameParam) return false;
      const valueParam = site.valueNodes.map((n) => parameterOf(file, n)).find((p) => p?.fn === nameParam.fn) ?? null;
      const calls = callsOf(file, nameParam.fn);
      let judged = calls.length > 0;
      for (const call of calls) {
        const nameArg = argument(call, nameParam.index);
        if (typeof nameArg === 'string') {
          judged = false;
          continue;
        }
        const resolved = resolveValue(file, nameArg);
        const name = resolved.kind === 'literal' ? resolved.text : null;
        const valueArg = valueParam ? argument(call, valueParam.index) : 'absent';
        const kind = classify(name, [nameArg], typeof valueArg === 'string' ? site.valueNodes : [valueArg]);
        if (kind === 'unresolved') judged = false;
        if (kind === 'auth') report({ ...site, kind, cookie: cookiePhrase(kind, name), report: call.callee, nameNodes: [], valueNodes: [] });
      }
      return judged;
    }

    function report(site: Site): void {
      if (site.kind === 'unresolved' && reportHelperCalls(site)) return;
      // A script-side cookie helper (`document.cookie = name + '=' + value`) is only worth a report for a proven auth cookie.
      if (KIND_RANK[site.kind] > scope || (site.client && site.kind === 'unresolved' && scope < SCOPE_RANK.all)) return;
      if (site.client) {
        const secure = missing(site.secure, site.defaults.secure);
        context.report({
          node: site.report,
          messageId: 'clientCookie',
          data: { setter: site.label, cookie: site.cookie, secure: secure ? ', and without `Secure` it also travels over plain HTTP' : '', fix: site.fix },
        });
        return;
      }
      const httpOnly = missing(site.httpOnly, site.defaults.httpOnly);
      const secure = missing(site.secure, site.defaults.secure);
      if (!httpOnly && !secure) return;
      const strings = site.raw;
      const flags = [...(httpOnly ? ['httpOnly'] : []), ...(secure ? ['secure'] : [])];
      const edit = site.edit;
      context.report({
        node: site.report,
        messageId: httpOnly && secure ? 'missingBoth' : httpOnly ? 'missingHttpOnly' : 'missingSecure',
        data: { setter: site.label, cookie: site.cookie, problems: describeProblems(site, httpOnly, secure, strings), fix: site.fix },
        suggest: edit
          ? [{
              messageId: 'addFlags',
              data: { flags: strings ? flags.map((f) => (f === 'httpOnly' ? '`HttpOnly`' : '`Secure`')).join(' and ') : flags.map((f) => `\`${f}: true\``).join(' and ') },
              fix: (fixer) => edit(fixer, flags),
            }]
          : [],
      });
    }

    // --- setter calls ----------------------------------------------------------------

    function receiverAllowed(receiver: Node): boolean {
      const ref = resolveRef(file, receiver);
      return ref === null || SERVER_MODULES.includes(ref.module);
    }

    function matches(setter: CookieSetter, call: TSESTree.CallExpression, ref: ModuleRef | null): boolean {
      const m = setter.match;
      switch (m.kind) {
        case 'call':
          return !!ref && moduleMatches(m, ref.module) && ref.path.length === m.path.length && m.path.every((s, i) => ref.path[i] === s);
        case 'chain': {
          if (!ref || !moduleMatches({ module: m.module, path: [] }, ref.module) || ref.path.length < m.prefix.length + m.suffix.length) return false;
          const tail = ref.path.slice(ref.path.length - m.suffix.length);
          return m.prefix.every((s, i) => ref.path[i] === s) && m.suffix.every((s, i) => tail[i] === s);
        }
        case 'tuple': {
          const callee = unwrap(call.callee);
          const variable = callee.type === T.Identifier ? file.variableOf(callee) : null;
          const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
          if (!def || def.node.type !== T.VariableDeclarator || def.node.id.type !== T.ArrayPattern || def.node.id.elements[m.index] !== def.name) return false;
          const hook = resolveRef(file, def.node.init);
          return !!hook && moduleMatches({ module: m.module, path: [] }, hook.module) && hook.path.length === m.path.length && m.path.every((s, i) => hook.path[i] === s);
        }
        case 'method': {
          const callee = unwrap(call.callee);
          if (callee.type !== T.MemberExpression || staticKey(callee) !== m.method) return false;
          const receiver = unwrap(callee.object);
          if (m.receiver === 'cookies' && !((receiver.type === T.MemberExpression && staticKey(receiver) === 'cookies') || (receiver.type === T.Identifier && receiver.name === 'cookies'))) return false;
          const first = call.arguments[0];
          if (!first || call.arguments.length < 2 || first.type === T.ObjectExpression || first.type === T.ArrayExpression || first.type === T.SpreadElement) return false;
          if (!receiverAllowed(receiver)) return false;
          if (m.when) {
            const imports = fileModules(file);
            const byImport = m.when.imports?.some((x) => imports.has(x)) ?? false;
            const byName = m.when.filename?.test(file.relativeFilename) ?? false;
            if (!byImport && !byName) return false;
          }
          return true;
        }
      }
    }

    function setterOf(call: TSESTree.CallExpression): CookieSetter | null {
      const ref = invokedRef(file, call);
      return COOKIE_SETTERS.find((s) => matches(s, call, ref)) ?? null;
    }

    /** The argument at `index`: the node, `absent` when the call has fewer arguments, `unknown` behind a spread. */
    function argument(call: TSESTree.CallExpression, index: number): Node | 'absent' | 'unknown' {
      for (let i = 0; i <= index && i < call.arguments.length; i++) if (call.arguments[i]!.type === T.SpreadElement) return 'unknown';
      return call.arguments[index] ?? 'absent';
    }

    function lookupIn(options: Node | 'absent' | 'unknown', key: string): Lookup {
      if (options === 'absent') return { kind: 'absent' };
      if (options === 'unknown') return { kind: 'unknown' };
      const call = unwrap(options);
      // `cookieOptions()`: a local helper that returns the options object
      if (call.type === T.CallExpression && call.callee.type === T.Identifier) return getPropertyPath(file, call.callee, ['()', key]);
      return getProperty(file, options, key);
    }

    /** `res.cookie('token', '', { expires: new Date(0) })`, `set('token', null)`, `maxAge: 0`: deleting the cookie, not setting one. */
    function clears(valueNode: Node | null, options: Node | 'absent' | 'unknown'): boolean {
      if (valueNode) {
        const v = unwrap(dereference(file, valueNode));
        if ((v.type === T.Literal && (v.value === '' || v.value === null)) || (v.type === T.Identifier && v.name === 'undefined')) return true;
      }
      const maxAge = lookupIn(options, 'maxAge');
      if (maxAge.kind === 'found') {
        const v = unwrap(dereference(file, maxAge.value));
        if (v.type === T.Literal && v.value === 0) return true;
      }
      const expires = lookupIn(options, 'expires');
      if (expires.kind === 'found') {
        const v = unwrap(dereference(file, expires.value));
        if (v.type === T.NewExpression && v.arguments.length === 1 && unwrap(v.arguments[0]!).type === T.Literal && (unwrap(v.arguments[0]!) as TSESTree.Literal).value === 0) return true;
      }
      return false;
    }

    function setterSite(setter: CookieSetter, call: TSESTree.CallExpression, report: Node, client: boolean): Site {
      let nameNode: Node | null;
      let valueNode: Node | null;
      let options: Node | 'absent' | 'unknown';
      const objectArg = setter.objectForm !== undefined ? argument(call, setter.objectForm) : 'absent';
      if (typeof objectArg !== 'string' && call.arguments.length === 1 && resolveObject(file, objectArg)) {
        const name = getProperty(file, objectArg, 'name');
        const value = getProperty(file, objectArg, 'value');
        nameNode = name.kind === 'found' ? name.value : null;
        valueNode = value.kind === 'found' ? value.value : null;
        options = objectArg;
      } else {
        const n = argument(call, setter.name.arg);
        const v = argument(call, setter.value.arg);
        nameNode = typeof n === 'string' ? null : n;
        valueNode = typeof v === 'string' ? null : v;
        options = argument(call, setter.options.arg);
      }
      if (typeof options !== 'string' && isMutatedBinding(file, options)) options = 'unknown';
      const nameValue = nameNode ? resolveValue(file, nameNode) : null;
      const name = nameValue?.kind === 'literal' ? nameValue.text : null;
      const kind = clears(valueNode, options) ? 'other' : classify(name, nameNode ? [nameNode] : [], valueNode ? [valueNode] : []);
      let secure = flagState(file, lookupIn(options, 'secure'));
      if (name !== null && SECURE_PREFIX.test(name)) secure = 'on';
      if (setter.forcesSecure && secure !== 'on') {
        const prefix = lookupIn(options, setter.forcesSecure.option);
        if (prefix.kind === 'found') {
          const v = resolveValue(file, prefix.value);
          if (v.kind === 'literal' && setter.forcesSecure.values.includes(v.text)) secure = 'on';
          else if (v.kind !== 'literal') secure = 'unknown';
        }
      }
      const optionsArg = options;
      const edit = (fixer: TSESLint.RuleFixer, flags: readonly string[]): TSESLint.RuleFix[] => {
        const props = flags.map((f): [string, string] => [f, 'true']);
        if (typeof optionsArg !== 'string') return setProperties(fixer, sourceCode, optionsArg, props);
        const last = call.arguments[call.arguments.length - 1]!;
        return [fixer.insertTextAfter(last, `, { ${props.map(([k, v]) => `${k}: ${v}`).join(', ')} }`)];
      };
      const canEdit = optionsArg !== 'unknown' && (optionsArg !== 'absent' || call.arguments.length === setter.options.arg);
      return {
        report,
        label: setter.label,
        fix: setter.fix,
        kind,
        cookie: cookiePhrase(kind, name),
        nameNodes: nameNode ? [nameNode] : [],
        valueNodes: valueNode ? [valueNode] : [],
        httpOnly: flagState(file, lookupIn(options, 'httpOnly')),
        secure,
        sameSiteNone: isSameSiteNone(file, lookupIn(options, 'sameSite')),
        defaults: setter.defaults,
        client: client || !!setter.client,
        raw: false,
        edit: canEdit && !client && !setter.client ? edit : null,
      };
    }

    // --- Set-Cookie strings and document.cookie --------------------------------------

    function stringSite(node: Node, parsed: ParsedCookie, label: string, fix: string, client: boolean, edit: Site['edit']): Site {
      const kind = isCookieDeletion(parsed) ? 'other' : classify(parsed.name, parsed.name === null ? parsed.holes : [], parsed.holes);
      const flag = (attr: string): FlagState => (parsed.attributes.has(attr) ? 'on' : parsed.complete ? 'absent' : 'unknown');
      let secure = flag('secure');
      if (parsed.name !== null && SECURE_PREFIX.test(parsed.name)) secure = 'on';
      return {
        report: node,
        label,
        fix,
        kind,
        cookie: cookiePhrase(kind, parsed.name),
        nameNodes: parsed.nameHoles,
        valueNodes: parsed.holes.filter((h) => !parsed.nameHoles.includes(h)),
        httpOnly: flag('httponly'),
        secure,
        sameSiteNone: parsed.attributes.get('samesite')?.toLowerCase() === 'none',
        defaults: STRING_DEFAULTS,
        client,
        raw: !client,
        edit,
      };
    }

    /** A cookie string expression, or each element of an array of them. */
    function checkHeaderValue(value: Node, label: string): void {
      const target = unwrap(dereference(file, value));
      const elements = target.type === T.ArrayExpression ? target.elements : [value];
      const inline = unwrap(value).type === T.ArrayExpression;
      for (const el of elements) {
        if (!el || el.type === T.SpreadElement) continue;
        const produced = unwrap(dereference(file, el));
        if (produced.type === T.CallExpression && setterOf(produced)) continue; // checked as a call of its own
        const parsed = parseCookieString(stringParts(file, el));
        const at = inline || target.type !== T.ArrayExpression ? el : value;
        const editable = at === el;
        const edit: Site['edit'] = editable
          ? (fixer, flags) => [appendToString(fixer, sourceCode, el, flags.map((f) => (f === 'httpOnly' ? '; HttpOnly' : '; Secure')).join(''))]
          : null;
        report(stringSite(at, parsed, label, SET_COOKIE_STRING_FIX, false, edit));
      }
    }

    function isSetCookieName(node: Node | undefined): boolean {
      if (!node || node.type === T.SpreadElement) return false;
      const v = resolveValue(file, node);
      return v.kind === 'literal' && v.text.toLowerCase() === 'set-cookie';
    }

    function checkHeaderCall(call: TSESTree.CallExpression): boolean {
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression) return false;
      const method = staticKey(callee);
      if (!method || !SET_COOKIE_HEADER_METHODS.includes(method)) return false;
      if (call.arguments.length < 2 || !isSetCookieName(call.arguments[0])) return false;
      const value = call.arguments[1]!;
      if (value.type === T.SpreadElement) return true;
      checkHeaderValue(value, `\`${method}('Set-Cookie', …)\``);
      return true;
    }

    function isDocumentCookie(node: Node): boolean {
      const n = unwrap(node);
      if (n.type !== T.MemberExpression || staticKey(n) !== 'cookie') return false;
      const doc = unwrap(n.object);
      if (doc.type === T.Identifier) return doc.name === 'document' && file.isGlobal(doc);
      if (doc.type === T.MemberExpression && staticKey(doc) === 'document') {
        const host = unwrap(doc.object);
        return host.type === T.Identifier && ['window', 'globalThis', 'self'].includes(host.name) && file.isGlobal(host);
      }
      return false;
    }

    function checkDocumentCookie(node: TSESTree.AssignmentExpression): void {
      const produced = unwrap(dereference(file, node.right));
      if (produced.type === T.CallExpression) {
        const setter = setterOf(produced);
        if (setter) {
          report({ ...setterSite(setter, produced, node.left, true), label: DOCUMENT_COOKIE.label, fix: DOCUMENT_COOKIE.fix });
          return;
        }
      }
      const parsed = parseCookieString(stringParts(file, node.right));
      report(stringSite(node.left, parsed, DOCUMENT_COOKIE.label, DOCUMENT_COOKIE.fix, true, null));
    }

    /** The call is the right-hand side of `document.cookie = …` (reported there, as a script-side cookie). */
    function writesDocumentCookie(call: Node): boolean {
      let current: Node = call;
      while (current.parent && (current.parent.type === T.AwaitExpression || current.parent.type === T.TSAsExpression || current.parent.type === T.TSNonNullExpression)) current = current.parent;
      const parent = current.parent;
      return parent?.type === T.AssignmentExpression && parent.right === current && isDocumentCookie(parent.left);
    }

    // --- session middleware --------------------------------------------------------------

    function middlewareOf(call: TSESTree.CallExpression): SessionMiddleware | null {
      const plugin = registeredPlugin(file, call);
      for (const m of SESSION_MIDDLEWARE) {
        if (m.match.kind === 'plugin' ? plugin !== null && moduleMatches({ module: m.match.module, path: [] }, plugin) : isCallOf(file, call, m.match)) return m;
      }
      return null;
    }

    function checkMiddleware(m: SessionMiddleware, call: TSESTree.CallExpression): void {
      let options: TSESTree.ObjectExpression | null = null;
      for (const index of m.options) {
        const arg = argument(call, index);
        if (arg === 'unknown' || (arg !== 'absent' && isMutatedBinding(file, arg))) return;
        if (arg !== 'absent') options = resolveObject(file, arg);
        if (options) break;
      }
      if (!options && call.arguments.length > Math.min(...m.options)) return; // options the file cannot see
      const cookie: Lookup = !options ? { kind: 'absent' } : m.cookie.length ? getPropertyPath(file, options, m.cookie) : { kind: 'found', value: options, property: options };
      if (cookie.kind === 'unknown' || (cookie.kind === 'found' && isMutatedBinding(file, cookie.value))) return;
      const flags = (key: string): Lookup => (cookie.kind === 'found' ? getProperty(file, cookie.value, key) : { kind: 'absent' });
      const target = options;
      const edit: Site['edit'] = target
        ? (fixer, names) => {
            const props = names.map((f): [string, string] => [f, 'true']);
            if (m.cookie.length === 0) return setProperties(fixer, sourceCode, target, props);
            if (cookie.kind === 'found') return setProperties(fixer, sourceCode, cookie.value, props);
            return setProperties(fixer, sourceCode, target, [[m.cookie[0]!, `{ ${props.map(([k, v]) => `${k}: ${v}`).join(', ')} }`]]);
          }
        : null;
      report({
        report: call.callee,
        label: m.label,
        fix: m.fix,
        kind: 'auth',
        cookie: 'its session cookie',
        nameNodes: [],
        valueNodes: [],
        httpOnly: flagState(file, flags('httpOnly')),
        secure: flagState(file, flags('secure')),
        sameSiteNone: isSameSiteNone(file, flags('sameSite')),
        defaults: m.defaults,
        client: false,
        raw: false,
        edit: m.cookie.length > 1 ? null : edit,
      });
    }

    return {
      CallExpression(call) {
        const setter = setterOf(call);
        if (setter) {
          if (writesDocumentCookie(call)) return;
          report(setterSite(setter, call, call.callee, false));
          return;
        }
        if (checkHeaderCall(call)) return;
        const m = middlewareOf(call);
        if (m) checkMiddleware(m, call);
      },
      AssignmentExpression(node) {
        if (node.operator === '=' && isDocumentCookie(node.left)) checkDocumentCookie(node);
      },
      Property(node) {
        if (node.parent.type !== T.ObjectExpression || node.kind !== 'init') return;
        const key = staticKey(node);
        if (key === null || key.toLowerCase() !== 'set-cookie') return;
        checkHeaderValue(node.value, '`Set-Cookie` header');
      },
    };
  },
});
