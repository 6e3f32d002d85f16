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
import { calleeName, enclosingFunction, functionName, staticKey, unwrap } from '../core/ast.js';
import { resolveRef } from '../core/modules.js';
import { getRouteTable, nodesIn } from '../core/routes.js';
import { arrayElements, getPropertyPath } from '../core/values.js';
import { hasExpiryClaim, jwtSites, type ChainSite, type ConfigSite, type SignSite } from '../core/sites/jwt.js';
import { argumentAt } from '../core/match.js';
import { importedFunction } from './values.js';
import { definitionOf } from './exports.js';
import { filesMentioning, locationFrom, projectRoot } from './files.js';
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

// ---------------------------------------------------------------------------
// Helpers that sign what their callers pass

/** Where a helper's sign call takes its payload and options from: the helper's parameter indexes (null: not a parameter). */
export interface ForwardedSign {
  readonly fn: TSESTree.FunctionLike;
  readonly payload: number | null;
  readonly options: number | null;
  /** Option paths that set an expiry in what the caller passes as options. */
  readonly expiryOptions: readonly (readonly string[])[];
}

/** A call that passes neither an expiry option nor an `exp` claim: where it is, relative to the helper's file. */
export interface NoExpiryCaller {
  readonly where: string;
}

/** Callers looked at per helper, and wrapper levels followed (`createSecureToken` → `createToken` → `jwt.sign`). */
const MAX_CALLERS = 64;
const MAX_WRAPPERS = 2;

function paramIndex(fn: TSESTree.FunctionLike, node: Node | undefined): number | null {
  const n = node ? unwrap(node) : null;
  if (n?.type !== T.Identifier) return null;
  const i = fn.params.findIndex((p) => (p.type === T.Identifier && p.name === n.name) || (p.type === T.AssignmentPattern && p.left.type === T.Identifier && p.left.name === n.name));
  return i < 0 ? null : i;
}

/** What one argument a caller passes says about expiry: found, absent, unknown, or forwarded from the caller's own parameter. */
type ArgFact = { readonly kind: 'found' | 'absent' | 'unknown' } | { readonly kind: 'forward'; readonly index: number };

function argFact(file: FileFacts, fn: TSESTree.FunctionLike | null, arg: Node | undefined, paths: readonly (readonly string[])[], claims: boolean): ArgFact {
  if (!arg) return { kind: 'absent' };
  if (arg.type === T.SpreadElement) return { kind: 'unknown' };
  const forwarded = fn ? paramIndex(fn, arg) : null;
  if (forwarded !== null) return { kind: 'forward', index: forwarded };
  if (claims && hasExpiryClaim(file, arg)) return { kind: 'found' };
  let unknown = false;
  for (const p of paths) {
    const found = getPropertyPath(file, arg, p);
    if (found.kind === 'found') return { kind: 'found' };
    if (found.kind === 'unknown') unknown = true;
  }
  return { kind: unknown ? 'unknown' : 'absent' };
}

/** The calls of a function: by name in its own file, and in project files that import it. */
function callsOf(file: FileFacts, fn: TSESTree.FunctionLike): { file: FileFacts; call: TSESTree.CallExpression }[] {
  const name = functionName(fn);
  if (!name) return [];
  const out: { file: FileFacts; call: TSESTree.CallExpression }[] = [];
  for (const call of nodesIn(file, file.sourceCode.ast, T.CallExpression)) {
    if (calleeName(call) === name && enclosingFunction(call) !== fn) out.push({ file, call });
  }
  const root = projectRoot(file.filename);
  if (!root) return out;
  for (const candidate of filesMentioning(root, name)) {
    if (candidate === file.filename || out.length >= MAX_CALLERS) continue;
    const other = parseProjectFile(file, candidate);
    if (!other) continue;
    for (const call of nodesIn(other, other.sourceCode.ast, T.CallExpression)) {
      if (calleeName(call) !== name) continue;
      const target = importedFunction(other, call.callee);
      // By name: the linted buffer may differ from the file on disk that `other` resolves to.
      if (target && target.file.filename === file.filename && functionName(target.fn) === name) out.push({ file: other, call });
    }
  }
  return out;
}

/**
 * A caller of a signing helper that passes no expiry: neither an `exp` claim
 * in the payload nor an expiry option, following wrappers that forward their
 * own parameters. Null when every caller passes one, or it cannot be told.
 */
export function callerWithoutExpiry(file: FileFacts, sign: ForwardedSign, depth = 0): NoExpiryCaller | null {
  for (const { file: at, call } of callsOf(file, sign.fn).slice(0, MAX_CALLERS)) {
    const caller = enclosingFunction(call);
    const payload = sign.payload === null ? ({ kind: 'absent' } as const) : argFact(at, caller, call.arguments[sign.payload], [['exp']], true);
    const options = sign.options === null ? ({ kind: 'absent' } as const) : argFact(at, caller, call.arguments[sign.options], sign.expiryOptions, false);
    const facts = [payload, options];
    if (facts.some((f) => f.kind === 'found' || f.kind === 'unknown')) continue;
    if (facts.every((f) => f.kind === 'absent')) {
      if (at.filename === file.filename) return { where: `line ${call.loc.start.line}` };
      return { where: locationFrom(file.filename, at.filename, call.loc.start.line) };
    }
    if (!caller || depth >= MAX_WRAPPERS) continue;
    const wrapped = callerWithoutExpiry(at, {
      fn: caller,
      payload: payload.kind === 'forward' ? payload.index : null,
      options: options.kind === 'forward' ? options.index : null,
      expiryOptions: sign.expiryOptions,
    }, depth + 1);
    if (wrapped) return wrapped;
  }
  return null;
}

/**
 * A sign call (or builder chain) inside a named function that signs the
 * function's own parameters: which parameter is the payload and which the
 * options. Null when neither is a parameter, or the call sets an expiry itself.
 */
export function forwardedSign(site: SignSite | ChainSite): ForwardedSign | null {
  const fn = enclosingFunction(site.call);
  if (!fn || !functionName(fn)) return null;
  if (site.role === 'chain') {
    if (!site.finish || site.setsExpiry || site.expClaim !== 'unknown') return null;
    const payload = paramIndex(fn, argumentAt(site.call, site.api.payload) ?? undefined);
    return payload === null ? null : { fn, payload, options: null, expiryOptions: [] };
  }
  if (site.api.configured || site.expiryOption === 'found' || site.expClaim === 'found') return null;
  const payloadArg = site.api.payload === null ? null : argumentAt(site.call, site.api.payload);
  const optionsArg = site.api.options ? argumentAt(site.call, site.api.options.arg) : null;
  const payload = payloadArg ? paramIndex(fn, payloadArg) : null;
  const options = optionsArg ? paramIndex(fn, optionsArg) : null;
  // Each of payload and options is a forwarded parameter or known to set no expiry here.
  if (payload === null && site.expClaim !== 'absent') return null;
  if (options === null && site.expiryOption !== 'absent' && site.api.options !== null) return null;
  if (payload === null && options === null) return null;
  return { fn, payload, options, expiryOptions: site.api.expiryOptions };
}
