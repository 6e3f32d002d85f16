import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { getFile } from '../src/core/file.js';
import { mentions } from '../src/core/prefilter.js';
import { nameOf, unwrap } from '../src/core/ast.js';
import { mask } from '../src/core/secrets.js';
import { hashSites, isBreachCheck, isPrehash, parameterHashes, type FastHashSite, type SlowHashSite } from '../src/core/sites/hashes.js';
import { isPasswordName } from '../src/core/names.js';
import { userPasswordOf } from '../src/core/requests.js';
import { importedFunction, importedModuleMayMention, isProjectImport } from '../src/project/values.js';import { locationFrom } from '../src/project/files.js';

import { PASSWORD_HASH_FIX, type CostSlot } from '../src/models/hashes.js';

export type MessageId = 'fastHash' | 'weakSettings' | 'raiseCost';
export type Options = [{ checkTestFiles?: boolean; minBcryptCost?: number; minPbkdf2Iterations?: number }];

type Node = TSESTree.Node;

/** Text every module that hashes with a library the models know has (a cheap test before parsing it). */
const HASH_TEXT = /hash|crypt|md5|sha|digest|hmac/i;
/** Text every slow-hash call (bcrypt, argon2, PBKDF2, scrypt and their wrappers' packages) has. */
const SLOW_HASH_TEXT = /crypt|argon|pbkdf/i;

const CONSTANT_SALT = 'so equal passwords get equal hashes and one precomputed table cracks them all';

function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

export default createRule<Options, MessageId>({
  name: 'no-weak-password-hash',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow fast hashes (md5, sha*) for passwords and slow hashes with a low cost or a constant salt',
      category: 'weak-password-hash',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      fastHash:
        '{{subject}} is hashed with {{algorithm}} ({{api}}), a fast hash made for checksums: a leaked table of these is brute-forced at billions of guesses per second on one GPU, so most passwords fall in hours. {{fix}}',
      weakSettings: '{{api}} {{problems}}, so a leaked password hash is cheap to crack. {{fix}}',
      raiseCost: 'Raise the {{label}} to {{recommended}}',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkTestFiles: {
            type: 'boolean',
            description: 'Also report in test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`), which are skipped by default (tests often use a low bcrypt cost on purpose).',
          },
          minBcryptCost: {
            type: 'integer',
            minimum: 4,
            maximum: 31,
            description: 'The smallest bcrypt cost (salt rounds) accepted; 10 by default.',
          },
          minPbkdf2Iterations: {
            type: 'integer',
            minimum: 1,
            description: 'The smallest PBKDF2 iteration count accepted; 100,000 by default (OWASP recommends 600,000 for PBKDF2-HMAC-SHA256).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkTestFiles: false, minBcryptCost: 10, minPbkdf2Iterations: 100_000 }],
  },
  defaultOptions: [{ checkTestFiles: false, minBcryptCost: 10, minPbkdf2Iterations: 100_000 }],
  create(context, [options]) {
    const file = getFile(context);
    if (file.isTest && !options.checkTestFiles) return {};
    // A fast hash counts only on a password (a password word in the text); weak settings need a slow-hash API.
    const passwords = mentions(file, 'password');
    if (!passwords && !SLOW_HASH_TEXT.test(file.sourceCode.text)) return {};
    if (!mentions(file, 'hash')) return {};
    const sourceCode = context.sourceCode;

    function minimum(site: SlowHashSite, slot: CostSlot): number {
      if (site.api.kind === 'bcrypt') return options.minBcryptCost ?? slot.min;
      if (site.api.kind === 'pbkdf2') return options.minPbkdf2Iterations ?? slot.min;
      return slot.min;
    }

    function subjectOf(data: readonly Node[]): string {
      const named = data.map((d) => unwrap(d)).find((d) => d.type === T.Identifier || d.type === T.MemberExpression);
      const text = named ? sourceCode.getText(named) : '';
      return text && text.length <= 40 ? `The password \`${text}\`` : 'A password';
    }

    function checkFast(site: FastHashSite): void {
      if (!site.password || isPrehash(file, site) || isBreachCheck(file, site)) return;
      const named = site.algorithm;
      const algorithm = named === null ? 'a fast digest' : site.api.label.endsWith('createHmac') ? `HMAC-${named.toUpperCase()}` : named.toUpperCase();
      context.report({
        node: site.end,
        messageId: 'fastHash',
        data: { subject: subjectOf(site.data), algorithm, api: site.api.label, fix: PASSWORD_HASH_FIX },
      });
    }

    function costProblem(site: SlowHashSite, slot: CostSlot, value: number, min: number): string {
      const defaulted = site.cost?.kind === 'found' && site.cost.defaulted ? `the library default, as \`${slot.options?.[0]?.join('.') ?? slot.label}\` is not set; ` : '';
      if (site.api.kind === 'pbkdf2') return `runs only ${formatNumber(value)} iterations (${defaulted}at least ${formatNumber(min)}; OWASP recommends 600,000 for PBKDF2-HMAC-SHA256)`;
      if (site.api.kind === 'bcrypt') return `uses ${slot.label} ${formatNumber(value)}, below ${formatNumber(min)} (each step down halves the work per guess; use ${formatNumber(slot.recommended)})`;
      return `uses ${slot.label} ${formatNumber(value)}${defaulted ? ` (${defaulted.slice(0, -2)})` : ''}, below ${formatNumber(min)} (use ${formatNumber(slot.recommended)} or more)`;
    }

    function checkSlow(site: SlowHashSite): void {
      if (site.keyMaterial) return;
      const { api } = site;
      const problems: string[] = [];
      let lowLiteral: TSESTree.Literal | null = null;
      if (api.cost) {
        const min = minimum(site, api.cost);
        if (site.cost?.kind === 'found' && site.cost.value < min) {
          lowLiteral = site.cost.literal;
          problems.push(costProblem(site, api.cost, site.cost.value, min));
        }
        // bcrypt.hash(pw, '$2b$08$fixedsaltfixedsaltfix')
        if (site.saltInCost !== null) {
          const rounds = /^\$2[abxy]?\$(\d\d)\$/.exec(site.saltInCost);
          if (rounds && Number(rounds[1]) < min) problems.push(`uses cost ${Number(rounds[1])}, below ${min}`);
          problems.push(`uses the constant salt ${mask(site.saltInCost)}, ${CONSTANT_SALT} (let \`bcrypt.hash(password, 12)\` generate the salt)`);
        }
      }
      if (site.salt !== null) problems.push(`uses the constant salt ${mask(site.salt)}, ${CONSTANT_SALT} (use \`crypto.randomBytes(16)\` per password, stored beside the hash)`);
      if (problems.length === 0) return;
      const suggest: TSESLint.ReportSuggestionArray<MessageId> = [];
      if (lowLiteral && api.cost && api.kind === 'bcrypt') {
        const literal = lowLiteral;
        const recommended = String(api.cost.recommended);
        suggest.push({ messageId: 'raiseCost', data: { label: api.cost.label, recommended }, fix: (fixer) => fixer.replaceText(literal, recommended) });
      }
      context.report({ node: site.call, messageId: 'weakSettings', data: { api: api.label, problems: problems.join(' and '), fix: PASSWORD_HASH_FIX }, suggest });
    }

    /**
     * A hashing helper another module of the project exports, called here on
     * a password (`digest(req.body.password)` with `digest` = md5 of its
     * argument): reported at the call, unless the helper's own file already
     * reports that hash (its parameter is named like a password).
     */
    /** A password, or a string built from one (`${password}${salt}`, `password + salt`, `password ?? 'default'`). */
    function carriesPassword(raw: Node, depth = 0): boolean {
      const n = unwrap(raw);
      if (isPasswordName(nameOf(n) ?? '') || userPasswordOf(file, n)) return true;
      if (depth > 3) return false;
      if (n.type === T.TemplateLiteral) return n.expressions.some((e) => carriesPassword(e, depth + 1));
      if ((n.type === T.BinaryExpression && n.operator === '+') || n.type === T.LogicalExpression) {
        return carriesPassword(n.left as Node, depth + 1) || carriesPassword(n.right, depth + 1);
      }
      return false;
    }

    function checkImportedHelper(call: TSESTree.CallExpression): void {
      if (call.callee.type !== T.Identifier && call.callee.type !== T.MemberExpression) return;
      // Cheap first: a callee bound to a project module (a memoised set), then the arguments.
      if (call.arguments.length === 0 || !isProjectImport(file, call.callee) || !importedModuleMayMention(file, call.callee, HASH_TEXT)) return;
      const passwords = call.arguments.map((a) => a.type !== T.SpreadElement && carriesPassword(a));
      if (!passwords.some(Boolean)) return;
      const imported = importedFunction(file, call.callee);
      if (!imported) return;
      const hash = parameterHashes(imported.file, imported.fn).find((h) => passwords[h.index] && !h.site.password);
      if (!hash) return;
      const where = locationFrom(file.filename, imported.file.filename, hash.site.call.loc.start.line);
      const algorithm = hash.site.algorithm === null ? 'a fast digest' : hash.site.algorithm.toUpperCase();
      context.report({
        node: call,
        messageId: 'fastHash',
        data: { subject: subjectOf([call.arguments[hash.index]!]), algorithm, api: `${hash.site.api.label} in ${where}`, fix: PASSWORD_HASH_FIX },
      });
    }

    return {
      ...(passwords ? { CallExpression: checkImportedHelper } : {}),
      'Program:exit'() {
        for (const site of hashSites(file)) {
          if (site.kind === 'fast') checkFast(site);
          else checkSlow(site);
        }
      },
    };
  },
});
