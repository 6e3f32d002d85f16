/**
 * JWT facts from other files of the project: whether the sign calls that a
 * module-level configuration serves (`JwtModule.register({ secret })` in a
 * Nest module, a fastify-jwt registration) pass their own expiry. The sign
 * calls served are those of the Nest module's providers, or of the plugins
 * registered on the same fastify instance; each file is parsed and read by
 * the same JWT sites the rule uses.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileFacts } from '../core/file.js';
import { staticKey, unwrap } from '../core/ast.js';
import { resolveRef } from '../core/modules.js';
import { getRouteTable } from '../core/routes.js';
import { arrayElements } from '../core/values.js';
import { jwtSites, type ConfigSite } from '../core/sites/jwt.js';
import { definitionOf } from './exports.js';
import { filesMentioning, projectRoot } from './files.js';
import { parseProjectFile } from './parse.js';
import { resolveImport } from './resolve.js';

type Node = TSESTree.Node;

/** Words a sign call with an expiry must contain; files without any are not parsed. */
const EXPIRY_NEEDLES = ['expiresIn', 'setExpirationTime', 'exp:', 'exp :'];

/** Sign calls of `library` in a file that use a module-level configuration: with or without their own expiry. */
function configuredSigns(file: FileFacts, library: ConfigSite['api']['library']): boolean[] {
  return jwtSites(file).sites.flatMap((site) =>
    site.role === 'sign' && site.api.configured && site.api.library === library ? [site.expiryOption === 'found' || site.expClaim === 'found'] : [],
  );
}

/** The `@Module({ … })` options object a call sits in (`imports: [JwtModule.register(…)]`), or null. */
function enclosingNestModule(node: Node): TSESTree.ObjectExpression | null {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === T.ObjectExpression && current.parent?.type === T.CallExpression && current.parent.parent?.type === T.Decorator) return current;
  }
  return null;
}

/** The project files a configuration serves: its Nest module's providers, or the plugins registered beside it. */
function servedFiles(file: FileFacts, site: ConfigSite): FileFacts[] | null {
  const out: FileFacts[] = [];
  const addLocal = (expr: Node): void => {
    const ref = resolveRef(file, unwrap(expr));
    if (!ref || !resolveImport(file.filename, ref.module)) return;
    const definition = definitionOf(file, ref);
    if (definition && !out.includes(definition.at.file)) out.push(definition.at.file);
  };
  const module = enclosingNestModule(site.call);
  if (module) {
    const providers = module.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'providers');
    const elements = providers ? arrayElements(file, providers.value as Node) : null;
    if (!elements) return null;
    for (const element of elements) addLocal(element);
    return out;
  }
  const registrations = getRouteTable(file).uses.filter((use) => use.kind === 'register' && use.node !== site.call);
  for (const use of registrations) if (use.middleware[0]) addLocal(use.middleware[0]);
  return out;
}

/**
 * Do the sign calls a configuration without expiry serves pass their own?
 * true when they all do, false when one does not; when none can be found,
 * whether any project file signs that library's tokens with an expiry.
 */
export function servedSignsSetExpiry(file: FileFacts, site: ConfigSite): boolean {
  const served = (servedFiles(file, site) ?? []).flatMap((other) => configuredSigns(other, site.api.library));
  if (served.length) return served.every(Boolean);
  const root = projectRoot(file.filename);
  if (!root) return false;
  const candidates = new Set(EXPIRY_NEEDLES.flatMap((needle) => filesMentioning(root, needle)));
  for (const candidate of candidates) {
    if (candidate === file.filename) continue;
    const other = parseProjectFile(file, candidate);
    if (other && configuredSigns(other, site.api.library).some(Boolean)) return true;
  }
  return false;
}
