import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CHECK_TEST_FILES_SCHEMA, createRule } from '../src/create-rule.js';
import { getFile } from '../src/core/file.js';
import { mentions } from '../src/core/prefilter.js';
import { unwrap } from '../src/core/ast.js';
import { declaredRange, rangeAtLeast } from '../src/core/packages.js';
import { routeOf, type RouteFramework } from '../src/core/routes.js';
import { sessionSites, usesCookieStoredSession, type IdentityWrite } from '../src/core/sites/sessions.js';
import { PASSPORT_REGENERATES_FROM, REGENERATE_FIX, type SessionFlavor } from '../src/models/session-login.js';

export type MessageId = 'fixation' | 'passportLogin';
export type Options = [{ checkTestFiles?: boolean }];

/** Which library's `regenerate` the fix shows, from the framework of the write's route: koa (`ctx`), fastify (`session.set`) or express. */
function flavorOf(write: IdentityWrite, framework: RouteFramework | undefined): SessionFlavor {
  if (framework === 'koa' || (framework !== 'fastify' && write.session.baseText === 'ctx')) return 'koa';
  return framework === 'fastify' || write.viaSet ? 'fastify' : 'express';
}

export default createRule<Options, MessageId>({
  name: 'session-regenerate-on-login',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a new session id (`req.session.regenerate`) before storing the logged-in user in the session',
      category: 'session-fixation',
      recommended: 'recommended',
    },
    messages: {
      fixation:
        'Session fixation: `{{target}}` stores the authenticated identity in the session that existed before login, keeping its id. An attacker who planted that session id (a crafted link, a shared computer, a subdomain cookie) is now logged in as this user. {{fix}}.',
      passportLogin:
        '`{{target}}` logs the user in without a new session id: passport {{version}} keeps the session from before login (it regenerates only from 0.6), so a planted session id becomes authenticated. Upgrade passport to 0.6 or later, or call `req.session.regenerate((err) => { …; req.login(user, …); })` first.',
    },
    schema: CHECK_TEST_FILES_SCHEMA,
    defaultOptions: [{ checkTestFiles: false }],
  },
  defaultOptions: [{ checkTestFiles: false }],
  create(context, [options]) {
    const file = getFile(context);
    if (file.isTest && !options.checkTestFiles) return {};
    if (!mentions(file, 'session')) return {};
    let passport: { range: string | null; regenerates: boolean } | null = null;

    /** The project's passport version range, read only when a login handler needs it: passport regenerates on `req.login` from 0.6. */
    function passportInfo(): { range: string | null; regenerates: boolean } {
      if (!passport) {
        const range = declaredRange(file.filename, 'passport');
        passport = { range, regenerates: range === null ? true : (rangeAtLeast(range, PASSPORT_REGENERATES_FROM) ?? true) };
      }
      return passport;
    }

    function report(write: IdentityWrite): void {
      const target = file.sourceCode.getText(write.node.type === T.AssignmentExpression ? write.node.left : write.node);
      context.report({
        node: write.node,
        messageId: 'fixation',
        data: { target: target.length > 60 ? `${target.slice(0, 57)}…` : target, fix: REGENERATE_FIX[flavorOf(write, routeOf(file, write.node)?.framework)](write.session.baseText, write.key) },
      });
    }

    return {
      'Program:exit'() {
        const { writes, logins } = sessionSites(file);
        if ((writes.length || logins.length) && usesCookieStoredSession(file)) return;
        const reportedHandlers = new Set<unknown>();
        for (const write of writes) {
          if (!write.handler || !write.authenticated) continue;
          const renewed = write.regenerated || (write.afterPassportLogin && passportInfo().regenerates);
          // One finding per login handler: the first identity write the fix has to move behind `regenerate`.
          if (!renewed && !reportedHandlers.has(write.handler)) {
            reportedHandlers.add(write.handler);
            report(write);
          }
        }
        for (const login of logins) {
          const info = passportInfo();
          if (info.regenerates || login.regenerated) continue;
          const target = `${file.sourceCode.getText(unwrap(login.call.callee))}()`;
          context.report({ node: login.call.callee, messageId: 'passportLogin', data: { target, version: info.range ?? '' } });
        }
      },
    };
  },
});
