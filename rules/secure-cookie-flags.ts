import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CHECK_TEST_FILES_OPTION, createRule } from '../src/create-rule.js';
import { getFile } from '../src/core/file.js';
import { mentions } from '../src/core/prefilter.js';
import { staticKey } from '../src/core/ast.js';
import { cookieSites, type CookieEdit, type CookieKind, type CookieSite, type FlagState } from '../src/core/sites/cookies.js';
import type { FlagDefault } from '../src/models/cookies.js';

export type MessageId = 'missingBoth' | 'missingHttpOnly' | 'missingSecure' | 'clientCookie' | 'addFlags';
/** Which cookies to check: `auth` (default), also those whose name the file cannot resolve (`unresolved`, strict), or every cookie (`all`). */
export type CookieScope = 'auth' | 'unresolved' | 'all';
export type Options = [{ cookies?: CookieScope; checkTestFiles?: boolean }];

type Node = TSESTree.Node;

const SCOPE_RANK: Record<CookieScope, number> = { auth: 0, unresolved: 1, all: 2 };
const KIND_RANK: Record<CookieKind, number> = { auth: 0, unresolved: 1, other: 2 };

/** Is the flag missing once the library's default applies? */
function missing(state: FlagState, fallback: FlagDefault): boolean {
  return state === 'off' || (state === 'absent' && fallback === 'unset');
}

/** How the message names the cookie: "the auth cookie `token`", "its session cookie". */
function cookiePhrase(site: CookieSite): string {
  if (site.source === 'session') return 'its session cookie';
  const noun = site.kind === 'auth' ? 'the auth cookie' : 'the cookie';
  return site.name ? `${noun} \`${site.name}\`` : site.kind === 'auth' ? 'an auth cookie' : 'a cookie';
}

/** "without `httpOnly`, with `secure: false`": every problem of the cookie, in one phrase. */
function describeProblems(site: CookieSite, httpOnly: boolean, secure: boolean, strings: boolean): string {
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

/** The suggestion's edits: the flags as `flag: true` options, or as `; HttpOnly; Secure` attributes of a string. */
function applyEdit(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, edit: CookieEdit, flags: readonly string[]): TSESLint.RuleFix[] {
  const props = flags.map((f): [string, string] => [f, 'true']);
  const literal = `{ ${props.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
  switch (edit.kind) {
    case 'options':
      return setProperties(fixer, sourceCode, edit.target, props);
    case 'append':
      return [fixer.insertTextAfter(edit.after, `, ${literal}`)];
    case 'nested':
      return setProperties(fixer, sourceCode, edit.target, [[edit.key, literal]]);
    case 'string':
      return [appendToString(fixer, sourceCode, edit.node, flags.map((f) => (f === 'httpOnly' ? '; HttpOnly' : '; Secure')).join(''))];
  }
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
    if (!mentions(file, 'cookie')) return {};
    const scope = SCOPE_RANK[options.cookies ?? 'auth'];
    const sourceCode = context.sourceCode;

    function report(site: CookieSite): void {
      // A cookie helper: each call in the file that sets an auth cookie is reported there; when every call could be judged, the helper is not.
      if (site.kind === 'unresolved' && site.helper) {
        for (const call of site.helper.calls) report(call);
        if (site.helper.judged) return;
      }
      // A script-side cookie helper (`document.cookie = name + '=' + value`) is only worth a report for a proven auth cookie.
      if (KIND_RANK[site.kind] > scope || (site.client && site.kind === 'unresolved' && scope < SCOPE_RANK.all)) return;
      if (site.client) {
        const secure = missing(site.secure, site.defaults.secure);
        context.report({
          node: site.node,
          messageId: 'clientCookie',
          data: { setter: site.label, cookie: cookiePhrase(site), secure: secure ? ', and without `Secure` it also travels over plain HTTP' : '', fix: site.fix },
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
        node: site.node,
        messageId: httpOnly && secure ? 'missingBoth' : httpOnly ? 'missingHttpOnly' : 'missingSecure',
        data: { setter: site.label, cookie: cookiePhrase(site), problems: describeProblems(site, httpOnly, secure, strings), fix: site.fix },
        suggest: edit
          ? [{
              messageId: 'addFlags',
              data: { flags: strings ? flags.map((f) => (f === 'httpOnly' ? '`HttpOnly`' : '`Secure`')).join(' and ') : flags.map((f) => `\`${f}: true\``).join(' and ') },
              fix: (fixer) => applyEdit(fixer, sourceCode, edit, flags),
            }]
          : [],
      });
    }

    return {
      'Program:exit'() {
        for (const site of cookieSites(file)) report(site);
      },
    };
  },
});
