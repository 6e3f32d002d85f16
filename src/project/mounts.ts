/**
 * Who mounts a router, plugin or sub-app that a file exports, and with what:
 *
 *   routes/auth.ts   const router = Router(); router.post('/login', …); export default router
 *   app.ts           app.use(limiter); app.use('/auth', loginLimiter, authRouter)
 *
 * gives the routes of routes/auth.ts the middleware `limiter` and
 * `loginLimiter`, judged in app.ts. Also fastify `register(plugin, { prefix })`,
 * hono `app.route('/auth', sub)` and koa `app.use(router.routes())`. Mounts
 * are followed upwards (a router mounted by a router mounted by the app)
 * within the mount bound. A file that cannot be parsed contributes nothing.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from '../core/file.js';
import { staticKey, unwrap } from '../core/ast.js';
import { resolveRef } from '../core/modules.js';
import type { Owner, Use } from '../core/routes.js';
import { getRouteTable, ownerAncestors, ownerMiddleware } from '../core/routes.js';
import { BOUNDS } from './bounds.js';
import { exportNamesOf } from './exports.js';
import { filesMentioning, projectRoot } from './files.js';
import { parseProjectFile } from './parse.js';
import { resolveImport } from './resolve.js';

type Node = TSESTree.Node;

/** Middleware that reaches a route from a file: the use call and the arguments of it that apply. */
export interface CoveringMiddleware {
  readonly file: FileFacts;
  readonly use: Use;
  readonly middleware: readonly Node[];
}

/** The node a route owner is exported as: its variable's identifier, or the plugin function whose parameter it is. */
function ownerExportNames(file: FileFacts, owner: Owner): readonly string[] {
  const key = owner.key;
  if (typeof key !== 'object' || !('defs' in key)) return [];
  const variable = key as { defs: readonly { type: string; node: Node }[] };
  const def = variable.defs[0];
  if (!def) return [];
  if (def.type === 'Parameter') {
    // fastify: `export default async function (app) { app.post(…) }`, `module.exports = fp(async (app) => …)`
    return exportNamesOf(file, (node) => node === def.node || (node.type === T.CallExpression && node.arguments.some((a) => unwrap(a) === def.node)));
  }
  return exportNamesOf(file, (node, id) => id === variable || (node.parent?.type === T.VariableDeclarator && node.parent.init === node && def.node === node.parent));
}

/** The argument of a use call that is the mounted module (`authRouter`, `authRouter.routes()`, `import('./auth')`). */
function mountedModule(file: FileFacts, arg: Node): { specifier: string; name: string } | null {
  let node = unwrap(arg);
  if (node.type === T.CallExpression) {
    const callee = unwrap(node.callee);
    if (callee.type === T.MemberExpression && (staticKey(callee) === 'routes' || staticKey(callee) === 'middleware')) node = unwrap(callee.object);
  }
  const ref = resolveRef(file, node);
  if (!ref) return null;
  const pathSegments = ref.path.filter((s) => s !== 'default');
  if (pathSegments.length > 1) return null;
  return { specifier: ref.module, name: pathSegments[0] ?? 'default' };
}

interface Mount {
  readonly file: FileFacts;
  readonly use: Use;
  readonly index: number;
}

/** Uses in other project files that mount export `names` of `file`. */
function mountsOf(file: FileFacts, names: readonly string[]): Mount[] {
  if (!names.length) return [];
  const root = projectRoot(file.filename);
  if (!root) return [];
  const base = path.basename(file.filename).replace(/\.[^.]+$/, '');
  const needle = base === 'index' ? path.basename(path.dirname(file.filename)) : base;
  const out: Mount[] = [];
  for (const candidate of filesMentioning(root, needle)) {
    if (candidate === file.filename) continue;
    const other = parseProjectFile(file, candidate);
    if (!other) continue;
    for (const use of getRouteTable(other).uses) {
      use.middleware.forEach((arg, index) => {
        if (arg.type === T.SpreadElement) return;
        const mounted = mountedModule(other, arg);
        if (!mounted || resolveImport(other.filename, mounted.specifier) !== file.filename) return;
        if (!names.includes(mounted.name) && !(mounted.name === 'default' && names.includes('module.exports'))) return;
        out.push({ file: other, use, index });
      });
    }
  }
  return out;
}

/**
 * Middleware from other files of the project that reaches the routes of
 * `owner` (a router or plugin instance of `file`) at `routePath`: what each
 * mount passes before the router, what its parent applies, and upwards.
 */
export function mountedMiddleware(file: FileFacts, owner: Owner, routePath: string | null, depth = 0): CoveringMiddleware[] {
  if (depth >= BOUNDS.mountDepth) return [];
  const out: CoveringMiddleware[] = [];
  for (const ancestor of ownerAncestors(file, owner)) {
    const names = ownerExportNames(file, ancestor);
    for (const mount of mountsOf(file, names)) {
      const prefix = mount.use.prefixes?.[0] ?? '';
      const at = routePath === null ? null : `${prefix}${routePath === '/' ? '' : routePath}`;
      out.push({ file: mount.file, use: mount.use, middleware: mount.use.middleware.slice(0, mount.index) });
      for (const applied of ownerMiddleware(mount.file, mount.use.owner, at)) out.push({ file: mount.file, use: applied.use, middleware: applied.middleware });
      out.push(...mountedMiddleware(mount.file, mount.use.owner, at, depth + 1));
    }
  }
  return out;
}
