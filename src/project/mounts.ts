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
 *
 * fastify's `@fastify/autoload` mounts by folder: `app.register(autoload, {
 * dir: path.join(__dirname, 'routes') })` registers every plugin under
 * routes/ on `app` (its sub-folders become path prefixes), and a plugin it
 * loads from another folder that is the rate-limit plugin itself, or a
 * `fastify-plugin`-wrapped function registering it, applies to the whole app.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from '../core/file.js';
import { staticKey, unwrap } from '../core/ast.js';
import { resolveRef } from '../core/modules.js';
import { dereference, getPropertyPath } from '../core/values.js';
import type { Owner, Use } from '../core/routes.js';
import { getRouteTable, ownerAncestors, ownerMiddleware } from '../core/routes.js';
import { BOUNDS } from './bounds.js';
import { exportNamesOf, exportOf } from './exports.js';
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
  for (const mount of autoloadMounts(file)) {
    const rel = path.relative(mount.dir, path.dirname(file.filename)).split(path.sep).filter(Boolean);
    const prefix = rel.length ? `/${rel.join('/')}` : '';
    const at = routePath === null ? null : `${prefix}${routePath === '/' ? '' : routePath}`;
    for (const applied of ownerMiddleware(mount.file, mount.use.owner, at)) {
      out.push({ file: mount.file, use: applied.use, middleware: applied.middleware });
      const dir = autoloadDir(mount.file, applied.use);
      if (dir && applied.use !== mount.use) out.push(...autoloadedPlugins(mount.file, applied.use, dir));
    }
    out.push(...mountedMiddleware(mount.file, mount.use.owner, at, depth + 1));
  }
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

// ---------------------------------------------------------------------------
// @fastify/autoload

const AUTOLOAD = '@fastify/autoload';
/** Plugin files read from one autoloaded folder. */
const MAX_AUTOLOADED = 64;

/** Whether an expression is the folder of its own file: `__dirname`, `import.meta.dirname`, a `dirname`-named binding. */
function isOwnDir(raw: Node): boolean {
  const node = unwrap(raw);
  if (node.type === T.Identifier) return /dirname$/i.test(node.name);
  if (node.type === T.MemberExpression) return staticKey(node) === 'dirname' && unwrap(node.object).type === T.MetaProperty;
  return false;
}

/** The folder an `app.register(autoload, { dir: path.join(__dirname, 'routes') })` loads, or null. */
function autoloadDir(file: FileFacts, use: Use): string | null {
  if (use.kind !== 'register' || !use.options || use.options.type === T.SpreadElement) return null;
  const plugin = use.middleware[0];
  const ref = plugin && plugin.type !== T.SpreadElement ? resolveRef(file, plugin) : null;
  if (ref?.module !== AUTOLOAD) return null;
  const dir = getPropertyPath(file, use.options, ['dir']);
  if (dir.kind !== 'found') return null;
  const call = unwrap(dir.value);
  if (call.type !== T.CallExpression) return null;
  const callee = resolveRef(file, call.callee);
  if (!callee || !/^(node:)?path$/.test(callee.module) || !['join', 'resolve'].includes(callee.path[callee.path.length - 1] ?? '')) return null;
  const [base, ...rest] = call.arguments;
  if (!base || base.type === T.SpreadElement || !isOwnDir(base)) return null;
  const parts = rest.map((a) => (a.type === T.Literal && typeof a.value === 'string' ? a.value : null));
  if (parts.some((p) => p === null)) return null;
  return path.join(path.dirname(file.filename), ...(parts as string[]));
}

interface AutoloadMount {
  readonly file: FileFacts;
  readonly use: Use;
  readonly dir: string;
}

/** The autoload registrations in the project whose folder holds `file`. */
function autoloadMounts(file: FileFacts): AutoloadMount[] {
  const root = projectRoot(file.filename);
  if (!root) return [];
  const out: AutoloadMount[] = [];
  for (const candidate of filesMentioning(root, AUTOLOAD)) {
    if (candidate === file.filename) continue;
    const other = parseProjectFile(file, candidate);
    if (!other) continue;
    for (const use of getRouteTable(other).uses) {
      const dir = autoloadDir(other, use);
      if (dir && file.filename.startsWith(`${dir}${path.sep}`)) out.push({ file: other, use, dir });
    }
  }
  return out;
}

function isFastifyPlugin(file: FileFacts, node: Node): boolean {
  const n = unwrap(node);
  return n.type === T.CallExpression && resolveRef(file, n.callee)?.module === 'fastify-plugin';
}

/**
 * What the plugins autoloaded from `dir` apply to the instance that loads
 * them: a plugin file whose default export is a plugin itself
 * (`export default fastifyRateLimit`) is registered on it; a
 * `fastify-plugin`-wrapped function's own registrations reach it too.
 */
function autoloadedPlugins(file: FileFacts, use: Use, dir: string): CoveringMiddleware[] {
  const root = projectRoot(file.filename);
  if (!root) return [];
  const out: CoveringMiddleware[] = [];
  const files = filesMentioning(root, 'export').filter((f) => f.startsWith(`${dir}${path.sep}`)).slice(0, MAX_AUTOLOADED);
  for (const candidate of files) {
    const plugin = parseProjectFile(file, candidate);
    const exported = plugin ? exportOf(plugin, 'default') : null;
    if (!plugin || !exported || exported.file !== plugin) continue;
    const node = exported.node;
    const n = dereference(plugin, node);
    if (n.type === T.Identifier || n.type === T.MemberExpression || n.type === T.CallExpression && !isFastifyPlugin(plugin, n)) {
      // `export const autoConfig = { global: false }` is what autoload registers it with.
      const config = exportOf(plugin, 'autoConfig');
      const options = config?.file === plugin && dereference(plugin, config.node).type === T.ObjectExpression ? config.node : null;
      out.push({ file: plugin, use: { ...use, middleware: [node], options }, middleware: [node] });
    } else if (isFastifyPlugin(plugin, n)) {
      const wrapped = n as TSESTree.CallExpression;
      const fn = wrapped.arguments[0];
      if (!fn) continue;
      for (const inner of getRouteTable(plugin).uses) {
        if (inner.kind === 'register' && inner.node.range[0] >= fn.range[0] && inner.node.range[1] <= fn.range[1]) out.push({ file: plugin, use: inner, middleware: inner.middleware });
      }
    }
  }
  return out;
}
