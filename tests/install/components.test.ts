/**
 * Vue, Svelte and Astro: the configs lint their script blocks (Astro: the
 * frontmatter and expressions, and the client `<script>` tags through the
 * plugin's processor) through vue-eslint-parser, svelte-eslint-parser and
 * astro-eslint-parser when those are installed (here as pinned dev
 * dependencies), with the parser for each block's `lang` (TypeScript or
 * JavaScript). Exact findings per fixture under fixtures/components/.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { componentSupport, parser } from '../../src/parsers.js';
import { ROOT } from '../cli/harness.js';

async function findings(dir: string): Promise<Record<string, string[]>> {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended], ignore: false });
  const results = await eslint.lintFiles([path.join(ROOT, dir)]);
  const out: Record<string, string[]> = {};
  for (const r of results) out[path.relative(path.join(ROOT, dir), r.filePath)] = r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'parse'} ${m.messageId ?? m.message}`);
  return out;
}

describe('Vue, Svelte and Astro components', () => {
  it('the parsers are installed, so the configs include their files', () => {
    expect(componentSupport()).toEqual({ vue: true, svelte: true, astro: true });
    expect(plugin.configs.recommended.files).toEqual(['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}', '**/*.vue', '**/*.svelte', '**/*.astro']);
  });

  it('reports in their script blocks exactly the expected findings', async () => {
    expect(await findings('fixtures/components')).toEqual({
      'astro/account.astro': [
        '22:9 broken-auth/no-client-token-storage tokenInStorage',
        '25:23 broken-auth/secure-cookie-flags clientCookie',
        '28:9 broken-auth/no-client-token-storage tokenInStorage',
      ],
      'astro/login.astro': ['6:49 broken-auth/no-hardcoded-secret literal'],
      'svelte/Login.svelte': ['9:5 broken-auth/no-client-token-storage tokenInStorage'],
      'svelte/Remember.svelte': ['5:5 broken-auth/no-client-token-storage tokenInStorage'],
      'vue/LoginForm.vue': ['19:3 broken-auth/no-client-token-storage tokenInStorage', '20:3 broken-auth/secure-cookie-flags clientCookie'],
      'vue/Settings.vue': [],
    });
  });

  it('a component parser\'s own scope manager has addGlobals for ESLint 10 (svelte-eslint-parser 1.x, on eslint-scope 8, lacks it)', () => {
    const code = { vue: '<script>\nsessionStorage.setItem(k, v);\n</script>\n', svelte: '<script>\nsessionStorage.setItem(k, v);\n</script>\n', astro: '---\nsessionStorage.setItem(k, v);\n---\n' };
    for (const [ext, text] of Object.entries(code)) {
      const { scopeManager } = parser.parseForESLint(text, { filePath: `/app/x.${ext}`, ecmaVersion: 'latest', sourceType: 'module' }) as unknown as {
        scopeManager: { addGlobals: (names: string[]) => void; scopes: { set: Map<string, { references: unknown[] }>; through: { identifier: { name: string } }[] }[] };
      };
      if (ext !== 'svelte') {
        expect(scopeManager, `${ext}: the parser leaves scope analysis to ESLint`).toBeUndefined();
        continue;
      }
      expect(typeof scopeManager.addGlobals, ext).toBe('function');
      scopeManager.addGlobals(['sessionStorage']);
      const global = scopeManager.scopes[0]!;
      expect(global.set.get('sessionStorage')?.references.length, ext).toBe(1);
      expect(global.through.map((r) => r.identifier.name).sort(), ext).toEqual(['k', 'v']);
    }
  });
});
