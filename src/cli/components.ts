/**
 * Component files (Vue, Svelte, Astro) hold `<script>` blocks with the same
 * token storage, cookies and fetch-with-token code as plain modules. The CLI
 * lints them when the ecosystem's parser is installed, and says it skipped
 * them when not.
 */
import type { ExtraType } from './files.js';

export const COMPONENT_PARSERS = [
  { ext: '.vue', parser: 'vue-eslint-parser' },
  { ext: '.svelte', parser: 'svelte-eslint-parser' },
  { ext: '.astro', parser: 'astro-eslint-parser' },
] as const;

/** Whether `name` resolves from this package (and so from the project that installs it). */
function resolvable(name: string): boolean {
  try {
    import.meta.resolve(name);
    return true;
  } catch {
    return false;
  }
}

export function componentTypes(): ExtraType[] {
  return COMPONENT_PARSERS.map((c) => ({ ...c, installed: resolvable(c.parser) }));
}
