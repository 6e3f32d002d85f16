import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLintUtils, type JSONSchema } from '@typescript-eslint/utils';
import type { Category } from './categories.js';
import { isVendoredFile } from './project/files.js';

export interface BrokenAuthDocs {
  description: string;
  /** The detection category of SPEC.md this rule reports. */
  category: Category;
  /** Which shipped configs enable the rule: `recommended` implies `strict` and `all`. */
  recommended: 'recommended' | 'strict' | 'all';
  requiresTypeChecking?: boolean;
}

interface OwnPackage {
  readonly root: string;
  readonly repository?: string | { type?: string; url?: string };
}

/** Our package.json and its directory, found by walking up from this file (src/ and dist/src/ alike). */
function ownPackage(): OwnPackage | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; repository?: OwnPackage['repository'] };
      if (pkg.name === 'eslint-plugin-broken-auth') return { root: dir, repository: pkg.repository };
    } catch {
      // keep walking up
    }
    dir = path.dirname(dir);
  }
  return null;
}

/** `https://host/owner/repo` from package.json's `repository` (`git+https://….git`, `github:owner/repo`, `owner/repo`), or null. */
export function repositoryWebUrl(repository: OwnPackage['repository']): string | null {
  const raw = (typeof repository === 'string' ? repository : repository?.url)?.trim();
  if (!raw) return null;
  const short = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (short) return `https://${short[1] ?? 'github'}${short[1] === 'bitbucket' ? '.org' : '.com'}/${short[2]!.replace(/\.git$/, '')}`;
  const url = /^(?:git\+)?(?:https?|git|ssh):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?[/:](.+?)(?:\.git)?\/?$/.exec(raw) ?? /^git@([^:]+):(.+?)(?:\.git)?$/.exec(raw);
  return url ? `https://${url[1]}/${url[2]}` : null;
}

const OWN = ownPackage();
/** The repository's web page, when package.json names one. */
export const REPOSITORY_URL = OWN ? repositoryWebUrl(OWN.repository) : null;
/** The installed package's directory (rule docs ship in its `docs/rules/`). */
export const PACKAGE_ROOT = OWN?.root ?? null;

/**
 * Where rule pages are: the repository's `docs/rules/` when package.json
 * names a repository, else the copy inside the installed package (a
 * `file://` URL that resolves on the machine that runs the lint).
 */
export const DOCS_BASE = REPOSITORY_URL
  ? `${REPOSITORY_URL}/blob/main/docs/rules/`
  : pathToFileURL(path.join(PACKAGE_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), 'docs', 'rules') + path.sep).href;

const ruleCreator = ESLintUtils.RuleCreator<BrokenAuthDocs>((name) => `${DOCS_BASE}${name}.md`);

/**
 * `RuleCreator`, with the options merged once per distinct option value
 * instead of on every file: its `create` deep-clones the defaults each time
 * (`structuredClone`), which cost more than some rules' whole work on a small
 * file. The merged options are frozen, so sharing them is safe.
 */
export const createRule: typeof ruleCreator = (spec) => {
  const rule = ruleCreator(spec);
  const merged = new Map<string, unknown>();
  return {
    ...rule,
    create(context) {
      // A copy of a third-party package kept in the project (`libs/<pkg>/` with its license): not the project's code.
      if (isVendoredFile(context.filename)) return {};
      const key = JSON.stringify(context.options);
      let options = merged.get(key);
      if (options === undefined) {
        options = deepFreeze(ESLintUtils.applyDefault((spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as never, context.options as never));
        if (merged.size >= 32) merged.clear();
        merged.set(key, options);
      }
      return spec.create(context, options as never);
    },
  };
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The `checkTestFiles` option every rule that skips test files takes (see `isTestFile` in core/file.ts). */
export const CHECK_TEST_FILES_OPTION = {
  type: 'boolean',
  description: 'Also report in test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`), which are skipped by default.',
} as const;

/** The whole options schema of a rule whose only option is `checkTestFiles`. */
export const CHECK_TEST_FILES_SCHEMA: JSONSchema.JSONSchema4[] = [
  {
    type: 'object',
    properties: {
      checkTestFiles: CHECK_TEST_FILES_OPTION,
    },
    additionalProperties: false,
  },
];
