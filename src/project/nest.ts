/**
 * Nest facts that live in other files of the project: a throttler guard
 * provided as `APP_GUARD` in some module (it throttles every controller),
 * and the names of the throttlers `ThrottlerModule.forRoot` configures
 * (`@SkipThrottle({ short: true })` turns only that one off).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from '../core/file.js';
import { memo } from '../core/file.js';
import { staticKey, stringOf, unwrap } from '../core/ast.js';
import { resolveRef } from '../core/modules.js';
import { arrayElements, dereference } from '../core/values.js';
import { chainNames, isThrottlerGuard } from '../core/limits.js';
import { nodesIn } from '../core/routes.js';
import { filesMentioning, projectRoot } from './files.js';
import { parseProjectFile } from './parse.js';

type Node = TSESTree.Node;

export interface NestThrottling {
  /** A throttler guard is provided as `APP_GUARD` somewhere in the project (or in this file). */
  readonly globalGuard: boolean;
  /** The throttler names configured by `ThrottlerModule.forRoot`, or null when unknown. */
  readonly names: readonly string[] | null;
}

const FILE_FACTS = Symbol('nest-file-facts');

interface FileThrottling {
  readonly globalGuard: boolean;
  readonly names: readonly string[] | null | undefined;
}

/** `{ provide: APP_GUARD, useClass: ThrottlerGuard }` and `ThrottlerModule.forRoot(...)` in one file. */
function fileThrottling(file: FileFacts): FileThrottling {
  return memo(file, FILE_FACTS, () => {
    let globalGuard = false;
    let names: readonly string[] | null | undefined;
    for (const node of nodesIn(file, file.sourceCode.ast, T.Property)) {
      if (globalGuard) break;
      if (staticKey(node) !== 'useClass' || node.parent.type !== T.ObjectExpression) continue;
      const provide = node.parent.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'provide');
      if (!provide) continue;
      const provided = resolveRef(file, provide.value);
      const isAppGuard = (provided?.module === '@nestjs/core' && provided.path[0] === 'APP_GUARD') || chainNames(provide.value).includes('APP_GUARD');
      if (isAppGuard && isThrottlerGuard(file, node.value as Node)) globalGuard = true;
    }
    for (const node of nodesIn(file, file.sourceCode.ast, T.CallExpression)) {
      const callee = unwrap(node.callee);
      if (callee.type !== T.MemberExpression || staticKey(callee) !== 'forRoot') continue;
      const ref = resolveRef(file, callee);
      if (ref && ref.module === '@nestjs/throttler' && ref.path[0] === 'ThrottlerModule') {
        names = throttlerNames(file, node.arguments[0]);
        break;
      }
    }
    return { globalGuard, names };
  });
}

/** `forRoot([{ name: 'short', … }, { ttl, limit }])` → ['short', 'default']; `forRoot({ ttl, limit })` → ['default']. */
function throttlerNames(file: FileFacts, arg: Node | undefined): readonly string[] | null {
  if (!arg || arg.type === T.SpreadElement) return null;
  const target = dereference(file, arg);
  let list: Node[] | null = arrayElements(file, target);
  if (!list && target.type === T.ObjectExpression) {
    const throttlers = target.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'throttlers');
    list = throttlers ? arrayElements(file, throttlers.value as Node) : [target];
  }
  if (!list) return null;
  const names: string[] = [];
  for (const element of list) {
    const obj = dereference(file, element);
    if (obj.type !== T.ObjectExpression) return null;
    const name = obj.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'name');
    if (!name) names.push('default');
    else {
      const text = stringOf(name.value as Node);
      if (text === null) return null;
      names.push(text);
    }
  }
  return names;
}

const PROJECT = Symbol('nest-project');

/** Throttling configured for the whole project around `file` (this file included); unknown parts are null / false. */
export function nestThrottling(file: FileFacts): NestThrottling {
  return memo(file, PROJECT, () => {
    const own = fileThrottling(file);
    let globalGuard = own.globalGuard;
    let names = own.names;
    const root = projectRoot(file.filename);
    if (root) {
      if (!globalGuard) {
        for (const other of filesMentioning(root, 'APP_GUARD')) {
          const facts = parseProjectFile(file, other);
          if (facts && fileThrottling(facts).globalGuard) {
            globalGuard = true;
            break;
          }
        }
      }
      if (names === undefined) {
        for (const other of filesMentioning(root, 'ThrottlerModule')) {
          const facts = parseProjectFile(file, other);
          const found = facts ? fileThrottling(facts).names : undefined;
          if (found !== undefined) {
            names = found;
            break;
          }
        }
      }
    }
    return { globalGuard, names: names ?? null };
  });
}
