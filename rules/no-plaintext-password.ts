import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CHECK_TEST_FILES_SCHEMA, createRule } from '../src/create-rule.js';
import { getFile, memo } from '../src/core/file.js';
import { mentions } from '../src/core/prefilter.js';
import { unwrap } from '../src/core/ast.js';
import { mask } from '../src/core/secrets.js';
import { storeSites, type HookPlaces, type StoreSite } from '../src/core/sites/stores.js';
import { moduleHashesOnSave } from '../src/project/hooks.js';
import { STORES, type StoreFamily } from '../src/models/stores.js';

export type MessageId = 'compare' | 'query' | 'write' | 'table';
export type Options = [{ checkTestFiles?: boolean }];

type Node = TSESTree.Node;

const MAX_TEXT = 48;
const HOLDERS = { source: 'the source code', environment: 'the environment' } as const;

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT - 1)}…` : one;
}

function data(store: StoreFamily, extra: Record<string, string>): Record<string, string> {
  return { store: STORES[store].label, fix: STORES[store].fix, ...extra };
}

export default createRule<Options, MessageId>({
  name: 'no-plaintext-password',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow storing, querying or comparing passwords in plaintext',
      category: 'plaintext-password',
      recommended: 'recommended',
    },
    messages: {
      compare:
        'The stored password {{stored}} is compared in plaintext with {{input}} (`{{operator}}`): passwords are kept readable in {{store}}, so anyone who reads it (a leak, a backup, an injection) can log in as every user. {{fix}}',
      query:
        'This query on {{store}} matches on the raw password {{input}}, which only works when passwords are stored in plaintext: a leak of the table hands out every account. {{fix}}',
      write:
        'The raw password {{input}} is written to {{store}} without hashing: anyone who reads the stored data can log in as every user (and on other sites where they reuse it). {{fix}}',
      table:
        '`{{name}}` holds plaintext passwords in the source: anyone who can read the code or the repository can log in. Load the accounts from outside the code. {{fix}}',
    },
    schema: CHECK_TEST_FILES_SCHEMA,
    defaultOptions: [{ checkTestFiles: false }],
  },
  defaultOptions: [{ checkTestFiles: false }],
  create(context, [options]) {
    const file = getFile(context);
    if (file.isTest && !options.checkTestFiles) return {};
    if (!mentions(file, 'password')) return {};
    const sourceCode = context.sourceCode;

    function describe(n: Node): string {
      const u = unwrap(n);
      if (u.type === T.Literal && typeof u.value === 'string') return `hard-coded as ${mask(u.value)}`;
      return `\`${short(sourceCode.getText(u))}\``;
    }

    /** A hashing hook (mongoose `pre('save')`, sequelize `beforeCreate`, TypeORM `@BeforeInsert`) in this file or the model's module hashes the write. */
    function hashedOnSave(hook: HookPlaces): boolean {
      return hook.inFile || hook.modules.some((specifier) => memo(file, `plaintext-password:hook:${specifier}`, () => moduleHashesOnSave(file, specifier)));
    }

    function check(site: StoreSite): void {
      switch (site.kind) {
        case 'compare': {
          const store = site.holder ? HOLDERS[site.holder] : STORES[site.family].label;
          context.report({
            node: site.node,
            messageId: 'compare',
            data: { stored: describe(site.stored), input: describe(site.typed), operator: site.operator, store, fix: STORES[site.family].fix },
          });
          return;
        }
        case 'table':
          if (site.entries === 'records' || site.compared) context.report({ node: site.node, messageId: 'table', data: { name: site.name, fix: STORES.memory.fix } });
          return;
        default: {
          if (site.hook && hashedOnSave(site.hook)) return;
          const input = site.input ? describe(site.input) : `in \`${site.column ?? ''}\``;
          context.report({ node: site.node, messageId: site.kind, data: data(site.family, { input }) });
        }
      }
    }

    return {
      'Program:exit'() {
        for (const site of storeSites(file)) check(site);
      },
    };
  },
});
