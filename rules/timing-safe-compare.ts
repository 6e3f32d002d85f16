import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CHECK_TEST_FILES_SCHEMA, createRule } from '../src/create-rule.js';
import { getFile } from '../src/core/file.js';
import { mentions } from '../src/core/prefilter.js';
import { words } from '../src/core/names.js';
import { compareSites, safeEqualHelper, type CompareSite } from '../src/core/sites/compares.js';

export type MessageId = 'unsafeCompare' | 'useSafeEqual';
export type Options = [{ checkTestFiles?: boolean }];

/** What kind of secret a name says, for the message. */
function kindOf(name: string): string {
  const w = words(name);
  if (w.some((x) => x === 'signature' || x === 'sig' || x === 'hmac' || x === 'mac' || x === 'digest')) return 'a signature';
  if (w.some((x) => x === 'otp' || x === 'totp' || x === 'code' || x === 'pin' || x === 'passcode')) return 'a one-time code';
  if (w.includes('key') || w.includes('apikey')) return 'a key';
  if (w.includes('secret')) return 'a secret';
  return 'a token';
}

function helperSource(name: string, timingSafeEqual: string, typescript: boolean): string {
  const params = typescript ? 'a: unknown, b: unknown): boolean' : 'a, b)';
  return [
    `/** Constant-time string comparison: false for non-strings and different lengths. */`,
    `function ${name}(${params} {`,
    `  if (typeof a !== 'string' || typeof b !== 'string') return false;`,
    `  const left = Buffer.from(a);`,
    `  const right = Buffer.from(b);`,
    `  return left.length === right.length && ${timingSafeEqual}(left, right);`,
    `}`,
  ].join('\n');
}

export default createRule<Options, MessageId>({
  name: 'timing-safe-compare',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a constant-time comparison for API keys, tokens, signatures and one-time codes',
      category: 'timing-unsafe-compare',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      unsafeCompare:
        'This `{{operator}}` compares the secret `{{secret}}` ({{kind}}) with an ordinary equality check, which stops at the first differing character: by timing many guesses an attacker can recover it byte by byte. Compare with `crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b))` after checking that the lengths match (or compare HMAC digests of both values).',
      useSafeEqual: 'Compare with a `{{helper}}` helper built on `crypto.timingSafeEqual` (non-strings and different lengths compare unequal).',
    },
    schema: CHECK_TEST_FILES_SCHEMA,
    defaultOptions: [{ checkTestFiles: false }],
  },
  defaultOptions: [{ checkTestFiles: false }],
  create(context, [options]) {
    const file = getFile(context);
    if (file.isTest && !options.checkTestFiles) return {};
    if (!mentions(file, 'compare')) return {};
    const program = context.sourceCode.ast;
    const typescript = /\.[cm]?tsx?$/.test(file.filename);

    function suggestion(site: CompareSite): TSESLint.ReportSuggestionArray<MessageId> {
      const helper = safeEqualHelper(file);
      if (!helper || !site.strings) return [];
      const node = site.node;
      const text = (n: TSESTree.Node): string => {
        const source = context.sourceCode.getText(n);
        return n.type === T.SequenceExpression ? `(${source})` : source;
      };
      const negate = node.operator === '!=' || node.operator === '!==';
      const call = `${negate ? '!' : ''}${helper.name}(${text(node.left)}, ${text(node.right)})`;
      const anchor = helper.anchor;
      return [
        {
          messageId: 'useSafeEqual',
          data: { helper: helper.name },
          fix(fixer) {
            const fixes = [fixer.replaceText(node, call)];
            if (!helper.exists) {
              const source = helperSource(helper.name, helper.timingSafeEqual, typescript);
              fixes.push(anchor ? fixer.insertTextAfter(anchor, `\n\n${source}`) : fixer.insertTextBeforeRange([program.range[0], program.range[0]], `${source}\n\n`));
            }
            return fixes;
          },
        },
      ];
    }

    return {
      'Program:exit'() {
        for (const site of compareSites(file)) {
          const operand = context.sourceCode.getText(site.operand);
          const shown = operand.includes('`') || operand.includes('\n') ? site.name : operand;
          const secret = shown.length > 40 ? `${shown.slice(0, 37)}…` : shown;
          context.report({
            node: site.node,
            messageId: 'unsafeCompare',
            data: { secret, kind: kindOf(site.name), operator: site.operator },
            suggest: suggestion(site),
          });
        }
      },
    };
  },
});
