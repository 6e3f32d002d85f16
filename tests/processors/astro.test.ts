/**
 * The Astro processor: which `<script>` blocks become virtual files, and how
 * their findings, fixes and suggestions land in the `.astro` file.
 */
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { parser } from '../../src/parsers.js';
import { astroProcessor, astroScripts } from '../../src/processors/astro.js';

const PAGE = `---
const s = '<script>localStorage.setItem("token", fm);</script>';
---
<div>
<!-- <script>commented();</script> -->
<style>/* <script>styled();</script> */</style>
<script>bundled();</script>
<script is:inline>inline();</script>
<script lang="ts">typed();</script>
<script type="module">moduleType();</script>
<script type="text/javascript">mime();</script>
<script type="application/json">{"token": 1}</script>
<script type="application/ld+json">{"token": 2}</script>
<script type="text/partytown">thirdParty();</script>
<script src="/x.js"></script>
<script src="/y.js" />
<script define:vars={{ next: '>' }}>withVars();</script>
{signedIn && <script>inExpression();</script>}
</div>
`;

describe('astroScripts', () => {
  it('takes the JavaScript <script> blocks outside the frontmatter, comments and <style>, with their positions and lang', () => {
    const blocks = astroScripts(PAGE, { typescript: true });
    expect(blocks.map((b) => [b.text, b.line, b.column, b.lang])).toEqual([
      ['bundled();', 7, 8, 'ts'],
      ['inline();', 8, 18, 'js'],
      ['typed();', 9, 18, 'ts'],
      ['moduleType();', 10, 22, 'ts'],
      ['mime();', 11, 31, 'ts'],
      ['withVars();', 17, 36, 'ts'],
      ['inExpression();', 18, 21, 'ts'],
    ]);
    for (const b of blocks) expect(PAGE.slice(b.offset, b.offset + b.text.length)).toBe(b.text);
  });

  it('without a TypeScript to parse with, bundled scripts are JavaScript and lang="ts" stays TypeScript', () => {
    expect(astroScripts(PAGE, { typescript: false }).map((b) => b.lang)).toEqual(['js', 'js', 'ts', 'js', 'js', 'js', 'js']);
  });

  it('a file without frontmatter, and an unclosed tag, lose nothing before them', () => {
    expect(astroScripts('<p>hi</p>\n<script>\n  a();\n</script>\n<script>b();', { typescript: false }).map((b) => [b.text, b.line, b.column])).toEqual([['\n  a();\n', 2, 8]]);
  });
});

describe('astroProcessor', () => {
  it('passes other files through whole, and gives an .astro file itself plus one virtual file per block', () => {
    expect(astroProcessor.preprocess!('const a = 1;', '/app/a.ts')).toEqual(['const a = 1;']);
    expect(astroProcessor.postprocess!([[]], '/app/a.ts')).toEqual([]);
    const text = '---\n---\n<script>a();</script>\n<script is:inline>\nb();\n</script>\n';
    expect(astroProcessor.preprocess!(text, '/app/p.astro')).toEqual([text, { text: 'a();', filename: 'script.ts' }, { text: '\nb();\n', filename: 'script.js' }]);
    astroProcessor.postprocess!([[], [], []], '/app/p.astro');
  });

  it('maps lines, columns, fixes and suggestions of a block onto the .astro file (after a byte-order mark too)', () => {
    const text = '\uFEFF---\n---\n<p/>\n  <script>var a = 1;\nvar b = 2;</script>\n';
    astroProcessor.preprocess!(text, '/app/p.astro');
    const fix = { range: [0, 3] as [number, number], text: 'let' };
    const message = (line: number, column: number): Linter.LintMessage => ({
      ruleId: 'x',
      message: 'm',
      severity: 2,
      line,
      column,
      endLine: line,
      endColumn: column + 3,
      fix,
      suggestions: [{ desc: 'd', fix }],
    });
    const own: Linter.LintMessage = { ruleId: 'y', message: 'own', severity: 2, line: 1, column: 1 };
    const out = astroProcessor.postprocess!([[own], [message(2, 1), message(1, 1)]], '/app/p.astro');
    const start = text.slice(1).indexOf('var a');
    expect(out.map((m) => [m.line, m.column, m.endLine, m.endColumn, m.fix?.range, m.suggestions?.[0]?.fix.range])).toEqual([
      [1, 1, undefined, undefined, undefined, undefined],
      [4, 11, 4, 14, [start, start + 3], [start, start + 3]],
      [5, 1, 5, 4, [start, start + 3], [start, start + 3]],
    ]);
  });

  it('under ESLint: findings in <script> blocks at their place in the file, and fixes applied there', async () => {
    const eslint = new ESLint({
      overrideConfigFile: true,
      overrideConfig: [plugin.configs.recommended, { rules: { 'no-var': 'error' } }],
      fix: true,
    });
    const text = [
      '---',
      "const title = 'Account';",
      '---',
      '<h1>{title}</h1>',
      '<script>',
      "  var token = new URLSearchParams(location.search).get('token');",
      "  if (token) localStorage.setItem('token', token);",
      '</script>',
      '<script is:inline>var seen = 1; sessionStorage.setItem("jwt", window.jwt);</script>',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(text, { filePath: 'src/pages/account.astro' });
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId}`)).toEqual([
      '7:14 broken-auth/no-client-token-storage tokenInStorage',
      '9:33 broken-auth/no-client-token-storage tokenInStorage',
    ]);
    expect(result!.output).toBe(text.replace('  var token', '  let token').replace('>var seen', '>let seen'));
  });

  it('a block is parsed without type information (it is not a file the TypeScript project has)', () => {
    expect(() => parser.parseForESLint('const a: string = "x";', { filePath: '/app/p.astro/1_script.ts', projectService: true })).not.toThrow();
  });
});
