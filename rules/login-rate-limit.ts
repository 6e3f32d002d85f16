import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CHECK_TEST_FILES_SCHEMA, createRule } from '../src/create-rule.js';
import type { FileFacts } from '../src/core/file.js';
import { getFile } from '../src/core/file.js';
import { unwrap } from '../src/core/ast.js';
import { describeRoute, isCredentialRoute } from '../src/core/credential-routes.js';
import { functionLimits, globalPlugin, isLimiter, isThrottlerGuard, nestDecorator, optionsLimit, skippedThrottlers } from '../src/core/limits.js';
import { appliedMiddleware, getRouteTable, type AppliedMiddleware, type Route } from '../src/core/routes.js';
import { mountedMiddleware } from '../src/project/mounts.js';
import { nestThrottling } from '../src/project/nest.js';
import { LIMITER_FIX } from '../src/models/rate-limiters.js';

export type MessageId = 'unlimited';
export type Options = [{ checkTestFiles?: boolean }];

/** A use that limits the routes it reaches: a limiter among the middleware it applies, or a global rate-limit plugin. */
function usesLimit(file: FileFacts, applied: AppliedMiddleware): boolean {
  if (applied.use.kind === 'register') return globalPlugin(file, applied.middleware[0] ?? applied.use.middleware[0]!, applied.use.options);
  return applied.middleware.some((m) => isLimiter(file, m));
}

/**
 * Nest: the method's and the controller's throttling decorators decide;
 * else a throttler guard provided as `APP_GUARD` anywhere in the project.
 * `@SkipThrottle({ short: true })` turns off only the throttlers it names.
 */
function nestLimited(file: FileFacts, route: Route): boolean {
  let limited: boolean | null = null;
  const skipped = new Set<string>();
  for (const decorators of [route.decorators, route.classDecorators]) {
    for (const d of decorators) {
      const info = nestDecorator(file, d);
      if (info.role === 'skip') {
        const names = skippedThrottlers(file, info.call);
        // A skip that cannot be read is unknown: it never turns a limiter off.
        if (names) for (const n of names) skipped.add(n);
      }
      if (info.role === 'decorator') limited ??= true;
      if (info.role === 'guards' && info.call?.arguments.some((a) => isThrottlerGuard(file, a))) limited ??= true;
    }
  }
  const project = nestThrottling(file);
  const configured = project.names ?? ['default'];
  if (configured.every((n) => skipped.has(n))) return false;
  return limited ?? project.globalGuard;
}

export default createRule<Options, MessageId>({
  name: 'login-rate-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a rate limiter on routes that check credentials (login, token, password reset, OTP)',
      category: 'rate-limit',
      recommended: 'recommended',
    },
    messages: {
      unlimited:
        '`{{route}}` checks credentials but no rate limiter covers it (not on the route, its router, where the router is mounted, or the app): an attacker can guess passwords, reset codes or OTPs, or stuff leaked credentials, as fast as the server answers. To fix, {{fix}}.',
    },
    schema: CHECK_TEST_FILES_SCHEMA,
    defaultOptions: [{ checkTestFiles: false }],
  },
  defaultOptions: [{ checkTestFiles: false }],
  create(context, [options]) {
    const file = getFile(context);
    if (file.isTest && !options.checkTestFiles) return {};

    function isLimited(route: Route): boolean {
      const explicit = optionsLimit(file, route.options);
      if (explicit !== null) return explicit;
      if (route.framework === 'nest') return nestLimited(file, route);
      if (route.middleware.some((m) => isLimiter(file, m))) return true;
      // export const POST = withRateLimit(handler), router.post('/login', limited(login))
      if (route.handler && unwrap(route.handler).type === T.CallExpression && isLimiter(file, route.handler)) return true;
      if (route.handlerFunction && functionLimits(file, route.handlerFunction)) return true;
      if (appliedMiddleware(file, route).some((applied) => usesLimit(file, applied))) return true;
      if (!route.owner) return false;
      return mountedMiddleware(file, route.owner, route.path).some((covering) => usesLimit(covering.file, covering));
    }

    return {
      'Program:exit'() {
        for (const route of getRouteTable(file).routes) {
          if (!isCredentialRoute(file, route) || isLimited(route)) continue;
          context.report({
            loc: route.loc,
            messageId: 'unlimited',
            data: { route: describeRoute(route), fix: LIMITER_FIX[route.framework] },
          });
        }
      },
    };
  },
});
