/**
 * Component files (Vue, Svelte, Astro) hold `<script>` blocks with the same
 * token storage, cookies and fetch-with-token code as plain modules. The CLI
 * lints them when the ecosystem's parser is installed (the shipped configs
 * then match them, see parsers.ts), and says it skipped them when not.
 */
import { COMPONENT_PARSERS, componentSupport, type ComponentExtension } from '../parsers.js';
import type { ExtraType } from './files.js';

export function componentTypes(): ExtraType[] {
  const installed = componentSupport();
  return (Object.keys(COMPONENT_PARSERS) as ComponentExtension[]).map((ext) => ({ ext: `.${ext}`, parser: COMPONENT_PARSERS[ext], installed: installed[ext] }));
}
