/**
 * The parser follows the file. One parser object goes into every shipped
 * config (a config object has one `languageOptions.parser`), and it hands
 * each file to the parser that fits it:
 *
 * - `.js/.cjs/.mjs/.jsx`: ESLint's own parser (espree, resolved from the
 *   installed `eslint`), so JavaScript-only projects need no `typescript`;
 *   with type information asked for (`projectService`/`project`) they go to
 *   `@typescript-eslint/parser`, which type-checks JavaScript too. A file
 *   espree rejects but runtimes accept (`import` in a `.cjs` file, `with` in
 *   a module) goes to `@typescript-eslint/parser` when it is there, else is
 *   parsed with the other source type.
 * - `.ts/.cts/.mts/.tsx`: `@typescript-eslint/parser` when it loads and the
 *   project's TypeScript is in its supported range; otherwise one line that
 *   says why and points to the oxlint route (docs/oxlint.md), as a parse
 *   error of that file — never a crash of the run.
 * - `.vue`, `.svelte`, `.astro`: vue-eslint-parser, svelte-eslint-parser,
 *   astro-eslint-parser (optional peer dependencies), with the script blocks
 *   parsed as above. Their globs are in the configs only when the parser is
 *   installed ({@link componentSupport}). Astro's client `<script>` tags come
 *   as virtual files from the plugin's processor (processors/astro.ts), parsed
 *   as `.js`/`.ts` without type information.
 *
 * Everything is resolved lazily and once: loading the plugin never loads
 * `typescript`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Linter } from 'eslint';
import { PACKAGE } from './package-info.js';

const requireHere = createRequire(import.meta.url);

export const JS_EXTENSIONS = ['js', 'cjs', 'mjs', 'jsx'] as const;
export const TS_EXTENSIONS = ['ts', 'cts', 'mts', 'tsx'] as const;

/** The component formats, the parser that reads each, and what it needs (a peer the user installs). */
export const COMPONENT_PARSERS = {
  vue: 'vue-eslint-parser',
  svelte: 'svelte-eslint-parser',
  astro: 'astro-eslint-parser',
} as const;
export type ComponentExtension = keyof typeof COMPONENT_PARSERS;

type ParseResult = { ast: unknown; [key: string]: unknown };
interface ParserModule {
  parseForESLint?: (code: string, options: Record<string, unknown>) => ParseResult;
  parse?: (code: string, options: Record<string, unknown>) => unknown;
}

/** Where the oxlint route is documented (inside the installed package). */
const OXLINT_DOC = 'docs/oxlint.md in eslint-plugin-broken-auth';

function tryRequire(from: NodeJS.Require, id: string): unknown {
  try {
    return from(id);
  } catch {
    return undefined;
  }
}

function resolvedFrom(from: NodeJS.Require, id: string): NodeJS.Require | undefined {
  try {
    return createRequire(from.resolve(id));
  } catch {
    return undefined;
  }
}

/** `>=4.8.4 <6.1.0` (the shape typescript-estree's peer range has) holds for `version`. */
export function inRange(version: string, range: string): boolean {
  const num = (v: string): number[] => v.replace(/^[^\d]*/, '').split(/[.-]/).slice(0, 3).map((n) => Number.parseInt(n, 10) || 0);
  const cmp = (a: number[], b: number[]): number => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  const v = num(version);
  for (const part of range.trim().split(/\s+/)) {
    const m = /^(>=|<=|>|<|=)?(\d[\w.-]*)$/.exec(part);
    if (!m) continue;
    const c = cmp(v, num(m[2]!));
    const op = m[1] ?? '=';
    if ((op === '>=' && c < 0) || (op === '>' && c <= 0) || (op === '<' && c >= 0) || (op === '<=' && c > 0) || (op === '=' && c !== 0)) return false;
  }
  return true;
}

/** Whether TypeScript files can be parsed here, and if not, the one line that says why. */
export type TypeScriptSupport = { readonly ok: true; readonly version: string } | { readonly ok: false; readonly reason: string };

let tsSupport: TypeScriptSupport | undefined;

/** The version of the `typescript` package `from` resolves, if any. */
function typescriptVersion(from: NodeJS.Require): string | undefined {
  try {
    return (JSON.parse(readFileSync(from.resolve('typescript/package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
let tsParser: ParserModule | undefined;

/**
 * Whether `@typescript-eslint/parser` loads and the `typescript` it would use
 * is in its supported range. The CLI prints `reason` once instead of a parse
 * error per file.
 */
export function typescriptSupport(): TypeScriptSupport {
  if (tsSupport) return tsSupport;
  const fail = (why: string): TypeScriptSupport => ({
    ok: false,
    reason: `TypeScript files are not linted: ${why}. JavaScript files are. To lint TypeScript, install a supported typescript, or run the rules under oxlint (no typescript package needed): see ${OXLINT_DOC}`,
  });
  const fromParser = resolvedFrom(requireHere, '@typescript-eslint/parser');
  const fromEstree = fromParser && resolvedFrom(fromParser, '@typescript-eslint/typescript-estree');
  if (!fromParser || !fromEstree) return (tsSupport = fail('@typescript-eslint/parser is not installed'));
  const estreePkg = tryRequire(fromParser, '@typescript-eslint/typescript-estree/package.json') as { peerDependencies?: Record<string, string> } | undefined;
  const range = estreePkg?.peerDependencies?.typescript ?? '>=4.8.4 <6.1.0';
  const version = typescriptVersion(fromEstree);
  if (!version) return (tsSupport = fail(`@typescript-eslint/parser needs the typescript package (${range}) and the project has none`));
  // The project's own typescript too: npm may give the parser a private copy while its helpers (ts-api-utils) load the project's.
  const projectVersion = typescriptVersion(createRequire(path.join(process.cwd(), 'package.json')));
  for (const v of [projectVersion, version]) {
    if (v && !inRange(v, range)) return (tsSupport = fail(`the project has TypeScript ${v} and @typescript-eslint/parser supports ${range}`));
  }
  let parser: ParserModule | undefined;
  try {
    parser = requireHere('@typescript-eslint/parser') as ParserModule;
  } catch (error) {
    return (tsSupport = fail(`@typescript-eslint/parser did not load (${String(error instanceof Error ? error.message : error).split('\n')[0]})`));
  }
  if (!parser.parseForESLint) return (tsSupport = fail('@typescript-eslint/parser did not load'));
  tsParser = parser;
  return (tsSupport = { ok: true, version });
}

let espree: ParserModule | undefined;

/** ESLint's own parser: the espree the installed `eslint` depends on. */
function espreeParser(): ParserModule {
  if (espree) return espree;
  const fromEslint = resolvedFrom(requireHere, 'eslint/package.json');
  const loaded = ((fromEslint && tryRequire(fromEslint, 'espree')) ?? requireHere('espree')) as ParserModule;
  return (espree = loaded);
}

const components = new Map<ComponentExtension, ParserModule | null>();

/** The package's ES module entry file (`exports['.'].import`, else `main`), for packages that only export `import`. */
function esmEntry(pkgJson: string): string | undefined {
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { exports?: Record<string, unknown>; main?: string };
  const dot = pkg.exports?.['.'] as { import?: unknown; default?: unknown } | string | undefined;
  const entry = typeof dot === 'string' ? dot : typeof dot?.import === 'string' ? dot.import : typeof dot?.default === 'string' ? dot.default : pkg.main;
  return entry ? path.join(path.dirname(pkgJson), entry) : undefined;
}

/** Load a package synchronously from `from`: require() it, or require() its ES module entry (Node >= 20.19 loads ES modules that way). */
function loadPackage(from: NodeJS.Require, id: string): unknown {
  const direct = tryRequire(from, id);
  if (direct) return direct;
  try {
    const entry = esmEntry(from.resolve(`${id}/package.json`));
    return entry ? from(entry) : undefined;
  } catch {
    return undefined;
  }
}

/** The component parser for `.vue`/`.svelte`/`.astro` when the project has it installed. */
function componentParser(ext: ComponentExtension): ParserModule | null {
  if (!components.has(ext)) {
    const fromCwd = createRequire(path.join(process.cwd(), 'package.json'));
    const id = COMPONENT_PARSERS[ext];
    components.set(ext, ((loadPackage(requireHere, id) ?? loadPackage(fromCwd, id)) as ParserModule | undefined) ?? null);
  }
  return components.get(ext) ?? null;
}

function resolvable(id: string): boolean {
  const fromCwd = createRequire(path.join(process.cwd(), 'package.json'));
  for (const from of [requireHere, fromCwd]) {
    for (const request of [id, `${id}/package.json`]) {
      try {
        from.resolve(request);
        return true;
      } catch {
        // not installed there
      }
    }
  }
  return false;
}

/** Which component formats can be linted here (their parser is installed; nothing is loaded to find out). */
export function componentSupport(): Record<ComponentExtension, boolean> {
  return { vue: resolvable(COMPONENT_PARSERS.vue), svelte: resolvable(COMPONENT_PARSERS.svelte), astro: resolvable(COMPONENT_PARSERS.astro) };
}

function extensionOf(filePath: unknown): string {
  return typeof filePath === 'string' ? path.extname(filePath).slice(1).toLowerCase() : '';
}

function wantsTypes(options: Record<string, unknown>): boolean {
  return Boolean(options.projectService || options.project || options.programs);
}

/** The services typescript-eslint's parser gives without type information, so rules that ask for types get "none", not an error. */
function untypedServices(): Record<string, unknown> {
  return { program: null, esTreeNodeToTSNodeMap: new WeakMap(), tsNodeToESTreeNodeMap: new WeakMap() };
}

function parseJavaScript(code: string, options: Record<string, unknown>): ParseResult {
  const result = parseJavaScriptOnly(code, options);
  return result.services ? result : { ...result, services: untypedServices() };
}

function espreeParse(code: string, options: Record<string, unknown>, sourceType: string): unknown {
  return espreeParser().parse!(code, {
    ecmaVersion: options.ecmaVersion ?? 'latest',
    sourceType,
    ecmaFeatures: { ...(options.ecmaFeatures as object | undefined), jsx: true, globalReturn: sourceType === 'commonjs' },
    range: true,
    loc: true,
    tokens: true,
    comment: true,
  });
}

interface ScopeAnalyzer {
  analyze(ast: unknown, options: Record<string, unknown>): unknown;
}

/** Scope analysis as ESLint does it (its own eslint-scope and visitor keys), for an AST parsed with another sourceType than the config's. */
function analyzeScope(ast: unknown, options: Record<string, unknown>, sourceType: string): unknown {
  const fromEslint = resolvedFrom(requireHere, 'eslint/package.json');
  const scope = fromEslint && (loadPackage(fromEslint, 'eslint-scope') as ScopeAnalyzer | undefined);
  const keys = fromEslint && (loadPackage(fromEslint, 'eslint-visitor-keys') as { KEYS: unknown; getKeys: unknown } | undefined);
  if (!scope || !keys) throw new Error('eslint-scope not found');
  return scope.analyze(ast, {
    ignoreEval: true,
    nodejsScope: sourceType === 'commonjs',
    ecmaVersion: typeof options.ecmaVersion === 'number' ? options.ecmaVersion : 2022,
    sourceType,
    childVisitorKeys: keys.KEYS,
    fallback: keys.getKeys,
    jsx: true,
  });
}

/** Without services: component parsers take a script parser whose result has TS node maps for TypeScript (and then emit TypeScript). */
function parseJavaScriptOnly(code: string, options: Record<string, unknown>): ParseResult {
  if (wantsTypes(options) && typescriptSupport().ok) return tsParser!.parseForESLint!(code, options);
  const sourceType = options.sourceType === 'commonjs' || options.sourceType === 'script' ? options.sourceType : 'module';
  try {
    return { ast: espreeParse(code, options, sourceType) };
  } catch (error) {
    // ESLint's parser is stricter than runtimes and bundlers: `import` in a .cjs file, `with` in a .js file
    // taken as a module. Rather than lose the file: typescript-eslint's parser, which accepts both, when it
    // is there; else the other source type, with scope analysis to match.
    if (typescriptSupport().ok) {
      try {
        return tsParser!.parseForESLint!(code, options);
      } catch {
        // espree's message is the one to report
      }
    }
    const other = sourceType === 'module' ? 'script' : 'module';
    try {
      const ast = espreeParse(code, options, other);
      return { ast, scopeManager: analyzeScope(ast, options, other) };
    } catch {
      throw error;
    }
  }
}

function parseTypeScript(code: string, options: Record<string, unknown>): ParseResult {
  const support = typescriptSupport();
  if (!support.ok) throw Object.assign(new Error(support.reason), { lineNumber: 1, column: 1 });
  return tsParser!.parseForESLint!(code, options);
}

/** The parser for `<script>` blocks inside components: by `lang`, as vue/svelte/astro parsers accept it. */
const scriptParsers = {
  js: { meta: { name: `${PACKAGE.name}/script-js` }, parseForESLint: parseJavaScriptOnly },
  ts: { meta: { name: `${PACKAGE.name}/script-ts` }, parseForESLint: parseTypeScript },
};

function parseComponent(ext: ComponentExtension, code: string, options: Record<string, unknown>): ParseResult {
  const parser = componentParser(ext);
  if (!parser?.parseForESLint) {
    throw Object.assign(new Error(`.${ext} files need ${COMPONENT_PARSERS[ext]}: install it as a dev dependency to lint their scripts`), { lineNumber: 1, column: 1 });
  }
  const scripts = { js: scriptParsers.js, jsx: scriptParsers.js, ts: scriptParsers.ts, tsx: scriptParsers.ts, typescript: scriptParsers.ts };
  const result = parser.parseForESLint(code, { ...options, parser: scripts });
  addGlobalsShim(result.scopeManager as ScopeManagerLike | undefined);
  const services = result.services as Record<string, unknown> | undefined;
  return services?.esTreeNodeToTSNodeMap ? result : { ...result, services: { ...untypedServices(), ...services } };
}

interface ReferenceLike {
  identifier: { name: string };
  resolved: unknown;
}
interface ScopeLike {
  set: Map<string, { references: ReferenceLike[] }>;
  variables: unknown[];
  through: ReferenceLike[];
  __defineGeneric?: (name: string, set: unknown, variables: unknown[], node: null, def: null) => void;
}
interface ScopeManagerLike {
  scopes: ScopeLike[];
  globalScope?: ScopeLike;
  addGlobals?: (names: readonly string[]) => void;
}

/**
 * ESLint 10 asks the scope manager to add the configured globals
 * (`addGlobals`, eslint-scope 9). A component parser built on eslint-scope 8
 * (svelte-eslint-parser 1.x) returns one without it: add it, doing what
 * eslint-scope 9 does — declare each name in the global scope and resolve
 * the references that went through to it.
 */
function addGlobalsShim(scopeManager: ScopeManagerLike | undefined): void {
  if (!scopeManager || typeof scopeManager.addGlobals === 'function') return;
  scopeManager.addGlobals = (names) => {
    const global = scopeManager.globalScope ?? scopeManager.scopes[0];
    if (!global?.__defineGeneric) return;
    for (const name of names) if (!global.set.has(name)) global.__defineGeneric(name, global.set, global.variables, null, null);
    const declared = new Set(names);
    global.through = global.through.filter((reference) => {
      const variable = declared.has(reference.identifier.name) ? global.set.get(reference.identifier.name) : undefined;
      if (!variable) return true;
      reference.resolved = variable;
      variable.references.push(reference);
      return false;
    });
  };
}

/**
 * A script block a processor took out of a component (`page.astro/1_script.ts`,
 * see processors/astro.ts): no file on disk, so no project to type-check it in.
 */
function isComponentBlock(filePath: unknown): boolean {
  return typeof filePath === 'string' && /\.(?:astro|vue|svelte)[\\/]\d+_[^\\/]*$/i.test(filePath);
}

function withoutTypes(options: Record<string, unknown>): Record<string, unknown> {
  const { project: _project, projectService: _projectService, programs: _programs, ...rest } = options;
  return rest;
}

/** The one parser of the shipped configs. */
export const parser = {
  meta: { name: `${PACKAGE.name}/parser`, version: PACKAGE.version },
  parseForESLint(code: string, options: Record<string, unknown> = {}): ParseResult {
    if (isComponentBlock(options.filePath)) options = withoutTypes(options);
    const ext = extensionOf(options.filePath);
    if (ext in COMPONENT_PARSERS) return parseComponent(ext as ComponentExtension, code, options);
    if ((TS_EXTENSIONS as readonly string[]).includes(ext)) return parseTypeScript(code, options);
    if ((JS_EXTENSIONS as readonly string[]).includes(ext)) return parseJavaScript(code, options);
    // No file name (Linter.verify without one, stdin): TypeScript when it is available, since it reads JavaScript too.
    return typescriptSupport().ok ? tsParser!.parseForESLint!(code, options) : parseJavaScript(code, options);
  },
} as const;

export const configParser = parser as unknown as Linter.Parser;
