/**
 * Per-file analysis state, computed once and shared by every rule that runs
 * on the file. Keyed by the AST so RuleTester's reuse of modules is safe.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import path from 'node:path';
import { startLint } from '../project/fs.js';

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

export interface FileFacts {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly filename: string;
  /** The file name relative to ESLint's cwd (forward slashes), for path-based decisions. */
  readonly relativeFilename: string;
  /** `*.test.*`, `*.spec.*`, `__tests__/`, `test/`: see {@link isTestFile}. */
  readonly isTest: boolean;
  /** The file ESLint is linting (not another module the project layer parsed): its traversal steps are ESLint's, already made. */
  readonly linted: boolean;
  /** Free-form per-file caches for core modules, keyed by a module-private symbol or string. */
  readonly memo: Map<unknown, unknown>;
  /** How other files of the project are parsed (the linting parser and its options), or null when they cannot be. */
  readonly parser: ParserSetup | null;
  scopeOf(node: TSESTree.Node): Scope;
  /** The variable an identifier refers to, or null for globals that are not declared. */
  variableOf(id: TSESTree.Identifier): Variable | null;
  /** True when the identifier is the unshadowed global of that name (`process`, `require`, `Math`). */
  isGlobal(id: TSESTree.Identifier): boolean;
}

/** A parser as ESLint's `languageOptions` holds it, with the options to parse another file the same way. */
export interface ParserSetup {
  readonly parser: unknown;
  readonly options: Readonly<Record<string, unknown>>;
}

const files = new WeakMap<TSESTree.Program, FileFacts>();

export function getFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileFacts {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  let facts = files.get(ast);
  if (!facts) {
    facts = createFacts(sourceCode, context.filename, context.cwd, parserSetupOf(context), true);
    files.set(ast, facts);
    startLint(ast);
  }
  return facts;
}

/** Facts for a file the project layer parsed itself (another module of the linted file's project). */
export function factsForParsed(sourceCode: Readonly<TSESLint.SourceCode>, filename: string, parser: ParserSetup | null): FileFacts {
  const ast = sourceCode.ast;
  let facts = files.get(ast);
  if (!facts) {
    facts = createFacts(sourceCode, filename, path.dirname(filename), parser, false);
    files.set(ast, facts);
  }
  return facts;
}

function parserSetupOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ParserSetup | null {
  const languageOptions = (context as { languageOptions?: { parser?: unknown; parserOptions?: Record<string, unknown> } }).languageOptions;
  const parser = languageOptions?.parser;
  if (!parser || typeof (parser as { parseForESLint?: unknown }).parseForESLint !== 'function') return null;
  return { parser, options: languageOptions?.parserOptions ?? {} };
}

function createFacts(sourceCode: Readonly<TSESLint.SourceCode>, filename: string, cwd: string, parser: ParserSetup | null, linted: boolean): FileFacts {
  const relative = path.isAbsolute(filename) && cwd ? path.relative(cwd, filename) : filename;
  const relativeFilename = (relative.startsWith('..') ? filename : relative).replace(/\\/g, '/');
  const variables = new Map<TSESTree.Identifier, Variable | null>();
  const facts: FileFacts = {
    sourceCode,
    filename,
    relativeFilename,
    isTest: isTestFile(relativeFilename),
    linted,
    memo: new Map(),
    parser,
    scopeOf(node) {
      return sourceCode.getScope(node);
    },
    variableOf(id) {
      if (variables.has(id)) return variables.get(id)!;
      let found: Variable | null;
      try {
        found = ASTUtils.findVariable(sourceCode.getScope(id), id);
      } catch {
        found = null;
      }
      variables.set(id, found);
      return found;
    },
    isGlobal(id) {
      const v = facts.variableOf(id);
      return v === null || v.defs.length === 0;
    },
  };
  return facts;
}

/** Memoise a per-file computation under `key`. */
export function memo<T>(file: FileFacts, key: unknown, compute: () => T): T {
  const hit = file.memo.get(key);
  if (hit !== undefined || file.memo.has(key)) return hit as T;
  const value = compute();
  file.memo.set(key, value);
  return value;
}

/** True when a variable is written only by its declaration (const, or a let/var never reassigned). */
export function isNeverReassigned(variable: Variable): boolean {
  return variable.references.every((ref) => !ref.isWrite() || ref.init === true);
}

const TEST_FILE = /(^|[\\/])(__tests__|__mocks__|test|tests|spec|e2e|cypress|playwright)[\\/]|\.(test|spec|e2e|cy)\.[cm]?[jt]sx?$/;

/** One shared answer for "is this a test file" (`*.test.*`, `*.spec.*`, `*.cy.*`, `__tests__/`, `test/`, `e2e/`, `cypress/`, `playwright/`). */
export function isTestFile(filename: string): boolean {
  return TEST_FILE.test(filename.replace(/\\/g, '/'));
}
