/**
 * Parses another file of the project with the parser the linted file was
 * parsed with (its `parseForESLint`, minus type-checking options), and wraps
 * the result so the same core that analyses the linted file can analyse it.
 * Parses are cached by path, size and mtime; a file that does not parse is
 * unknown (null).
 */
import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FileFacts, ParserSetup } from '../core/file.js';
import { factsForParsed } from '../core/file.js';
import { BOUNDS } from './bounds.js';
import { readText, StampedCache } from './fs.js';

type Node = TSESTree.Node;
type ScopeManager = TSESLint.Scope.ScopeManager;
type Scope = TSESLint.Scope.Scope;

interface ParseResult {
  readonly ast: TSESTree.Program;
  readonly scopeManager?: ScopeManager | null;
  readonly visitorKeys?: Record<string, readonly string[]>;
}

interface Parser {
  parseForESLint(text: string, options: Record<string, unknown>): ParseResult;
}

/** Options that would make the parser type-check or look up a program: never for on-demand parses. */
const DROPPED_OPTIONS = new Set(['project', 'projectService', 'programs', 'tsconfigRootDir', 'EXPERIMENTAL_useProjectService', 'extraFileExtensions']);

let fallback: ParserSetup | null | undefined;

interface ScopeTools {
  analyze(ast: unknown, options: Record<string, unknown>): ScopeManager;
  keys: Record<string, readonly string[]>;
  fallbackKeys: (node: unknown) => string[];
}
let scopeTools: ScopeTools | null | undefined;

/** ESLint's own scope analysis and visitor keys, for a parser that returns only an AST (espree). */
function eslintScopeTools(): ScopeTools | null {
  if (scopeTools !== undefined) return scopeTools;
  try {
    const fromEslint = createRequire(createRequire(import.meta.url).resolve('eslint/package.json'));
    const scope = fromEslint('eslint-scope') as { analyze(ast: unknown, options: Record<string, unknown>): ScopeManager };
    const keys = fromEslint('eslint-visitor-keys') as { KEYS: Record<string, readonly string[]>; getKeys: (node: unknown) => string[] };
    scopeTools = { analyze: (ast, options) => scope.analyze(ast, options), keys: keys.KEYS, fallbackKeys: keys.getKeys };
  } catch {
    scopeTools = null;
  }
  return scopeTools;
}

/** Scope analysis as ESLint does it for an AST that came without one. */
function analyzeScope(ast: TSESTree.Program, options: Record<string, unknown>): { scopeManager: ScopeManager; visitorKeys: Record<string, readonly string[]> } | null {
  const tools = eslintScopeTools();
  if (!tools) return null;
  const sourceType = ast.sourceType === 'script' ? 'script' : 'module';
  const scopeManager = tools.analyze(ast, {
    ignoreEval: true,
    nodejsScope: options.sourceType === 'commonjs',
    ecmaVersion: 2022,
    sourceType,
    childVisitorKeys: tools.keys,
    fallback: tools.fallbackKeys,
    jsx: true,
  });
  return { scopeManager, visitorKeys: tools.keys };
}

/** `@typescript-eslint/parser` when it (and TypeScript) can be loaded; null otherwise. */
function fallbackParser(): ParserSetup | null {
  if (fallback !== undefined) return fallback;
  try {
    const parser = createRequire(import.meta.url)('@typescript-eslint/parser') as Parser;
    fallback = { parser, options: {} };
  } catch {
    fallback = null;
  }
  return fallback;
}

/** A minimal `SourceCode` over a parse: what core reads (ast, text, scopes, visitor keys, node text). */
class ParsedSource {
  readonly text: string;
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManager | null;
  readonly visitorKeys: Record<string, readonly string[]>;

  constructor(text: string, result: ParseResult, visitorKeys: Record<string, readonly string[]>) {
    this.text = text;
    this.ast = result.ast;
    this.scopeManager = result.scopeManager ?? null;
    this.visitorKeys = visitorKeys;
  }

  getText(node?: Node): string {
    return node ? this.text.slice(node.range[0], node.range[1]) : this.text;
  }

  getScope(node: Node): Scope {
    const manager = this.scopeManager;
    if (!manager) throw new Error('no scope manager');
    for (let current: Node | undefined = node; current; current = current.parent) {
      const scope = manager.acquire(current, true);
      if (scope) return scope.type === 'function-expression-name' ? scope.childScopes[0]! : scope;
    }
    return manager.scopes[0]!;
  }

  getDeclaredVariables(node: Node): readonly TSESLint.Scope.Variable[] {
    return this.scopeManager?.getDeclaredVariables(node) ?? [];
  }
}

/** Sets `parent` on every node (ESLint does this while it traverses; an on-demand parse has to). */
function setParents(root: Node, keys: Record<string, readonly string[]>): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    for (const key of keys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value as (Node | null)[]) {
          if (child && typeof child.type === 'string') {
            (child as { parent?: Node }).parent = node;
            stack.push(child);
          }
        }
      } else if (value && typeof (value as Node).type === 'string') {
        (value as { parent?: Node }).parent = node;
        stack.push(value as Node);
      }
    }
  }
}

const parsed = new StampedCache<FileFacts | null>(BOUNDS.cachedFiles);

/**
 * The core's facts for another project file, parsed like `like` (the linted
 * file) was, or null when it is missing, too large or does not parse.
 */
export function parseProjectFile(like: FileFacts, filename: string): FileFacts | null {
  if (filename === like.filename) return like;
  return parsed.get(filename, () => {
    const text = readText(filename);
    if (text === null) return null;
    const setup = like.parser ?? fallbackParser();
    if (!setup) return null;
    const options: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(setup.options)) if (!DROPPED_OPTIONS.has(key)) options[key] = value;
    Object.assign(options, { filePath: filename, range: true, loc: true, tokens: false, comment: false, ecmaVersion: 'latest', sourceType: 'module' });
    if (!options.ecmaFeatures) options.ecmaFeatures = { jsx: !/\.[cm]?ts$/.test(filename) };
    try {
      let result = (setup.parser as Parser).parseForESLint(text, options);
      if (!result.scopeManager) {
        const analyzed = analyzeScope(result.ast, options);
        if (!analyzed) return null;
        result = { ...result, scopeManager: analyzed.scopeManager, visitorKeys: result.visitorKeys ?? analyzed.visitorKeys };
      }
      const keys = result.visitorKeys ?? like.sourceCode.visitorKeys;
      setParents(result.ast, keys);
      const source = new ParsedSource(text, result, keys as Record<string, readonly string[]>);
      return factsForParsed(source as unknown as TSESLint.SourceCode, filename, setup);
    } catch {
      return null;
    }
  });
}

/** A project file parsed on its own with the fallback parser (tests, the bench); null when it cannot be. */
export function parseStandalone(filename: string): FileFacts | null {
  const like = { filename: '', parser: null, sourceCode: { visitorKeys: {} } } as unknown as FileFacts;
  return parseProjectFile(like, filename);
}
