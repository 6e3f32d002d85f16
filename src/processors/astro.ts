/**
 * Astro's client-side `<script>` tags, linted under ESLint. astro-eslint-parser
 * gives ESLint the frontmatter and the template expressions but leaves the
 * `<script>` tags out of its AST (oxlint lints them). This processor hands
 * ESLint the `.astro` file itself plus each script block as a virtual file
 * (`page.astro/1_script.ts`), which the shipped configs match like any
 * module, and maps the blocks' findings back onto the `.astro` file.
 *
 * Which blocks: every `<script>` outside the frontmatter, HTML comments and
 * `<style>` whose `type` is absent, `module` or a JavaScript MIME type
 * (`application/json`, `application/ld+json`, `importmap`, `text/partytown`…
 * are data or another language). `is:inline` scripts are sent to the browser
 * as they are, so they are JavaScript (`.js`); `lang="ts"` is TypeScript
 * (`.ts`); the scripts Astro bundles accept TypeScript, so they are `.ts`
 * when the project's TypeScript can be parsed, else `.js`.
 *
 * The block text is the file's text verbatim, so a fix's range is the
 * block's range plus the block's offset, and fixes and suggestions are kept.
 *
 * The processor sits in a config object that also matches `.js`/`.ts`/`.vue`
 * … files; those pass through untouched (one block: the file itself).
 */
import type { Linter } from 'eslint';
import { PACKAGE } from '../package-info.js';
import { typescriptSupport } from '../parsers.js';

export interface ScriptBlock {
  /** The text between `<script …>` and `</script>`, verbatim. */
  readonly text: string;
  /** Offset of `text` in the file (its text without a byte-order mark, as ESLint's fix ranges count). */
  readonly offset: number;
  /** 1-based line and 0-based column where `text` starts. */
  readonly line: number;
  readonly column: number;
  readonly lang: 'js' | 'ts';
}

/** `type` values of a script the browser runs as JavaScript (absent and empty included). */
const JS_TYPES = new Set([
  '',
  'module',
  'text/javascript',
  'application/javascript',
  'application/x-javascript',
  'text/x-javascript',
  'text/ecmascript',
  'application/ecmascript',
  'text/jscript',
]);

/** An attribute's value: the text of a quoted or bare value, `true` for a bare attribute, `null` for a `{expression}`. */
type AttributeValue = string | true | null;

/** End of a `{…}` expression starting at `start` (a `{`), skipping quoted strings; -1 when unclosed. */
function braceEnd(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = source.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The attributes of an opening tag whose name ends at `start`, and where the tag ends (after `>`); `selfClosing` for `/>`. */
function readTag(source: string, start: number): { attributes: Map<string, AttributeValue>; end: number; selfClosing: boolean } | undefined {
  const attributes = new Map<string, AttributeValue>();
  let i = start;
  for (;;) {
    while (i < source.length && /\s/.test(source[i]!)) i++;
    if (i >= source.length) return undefined;
    if (source[i] === '>') return { attributes, end: i + 1, selfClosing: false };
    if (source.startsWith('/>', i)) return { attributes, end: i + 2, selfClosing: true };
    if (source[i] === '{') {
      // A spread `{...props}`: its value is not known.
      const end = braceEnd(source, i);
      if (end < 0) return undefined;
      i = end;
      continue;
    }
    const nameStart = i;
    while (i < source.length && !/[\s=>]/.test(source[i]!) && !source.startsWith('/>', i)) i++;
    const name = source.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < source.length && /\s/.test(source[j]!)) j++;
    if (source[j] !== '=') {
      if (name) attributes.set(name, true);
      if (i === nameStart) i++; // a stray `/`
      continue;
    }
    j++;
    while (j < source.length && /\s/.test(source[j]!)) j++;
    const quote = source[j];
    if (quote === '"' || quote === "'" || quote === '`') {
      const close = source.indexOf(quote, j + 1);
      if (close < 0) return undefined;
      attributes.set(name, source.slice(j + 1, close));
      i = close + 1;
    } else if (quote === '{') {
      const end = braceEnd(source, j);
      if (end < 0) return undefined;
      attributes.set(name, null);
      i = end;
    } else {
      const valueStart = j;
      while (j < source.length && !/[\s>]/.test(source[j]!)) j++;
      attributes.set(name, source.slice(valueStart, j));
      i = j;
    }
  }
}

/** Where the frontmatter ends (after its closing `---`), or 0 when the file has none. */
function frontmatterEnd(source: string): number {
  const open = /^\s*---[ \t]*\r?\n/.exec(source);
  if (!open) return 0;
  const m = /^---[ \t]*$/m.exec(source.slice(open[0].length));
  return m ? open[0].length + m.index + m[0].length : 0;
}

function isJavaScript(attributes: Map<string, AttributeValue>): boolean {
  const type = attributes.get('type');
  if (type === undefined || type === null || type === true) return true;
  return JS_TYPES.has(type.trim().toLowerCase());
}

function langOf(attributes: Map<string, AttributeValue>, typescript: boolean): 'js' | 'ts' {
  const lang = attributes.get('lang');
  if (typeof lang === 'string' && /^(ts|typescript)$/i.test(lang.trim())) return 'ts';
  if (attributes.has('is:inline')) return 'js';
  return typescript ? 'ts' : 'js';
}

/** 1-based line and 0-based column of `offset`. */
function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart };
}

/**
 * The JavaScript `<script>` blocks of an Astro file (without a byte-order
 * mark). `typescript`: whether bundled scripts are read as TypeScript.
 */
export function astroScripts(source: string, { typescript }: { typescript: boolean }): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  const next = /<!--|<(script|style)(?=[\s>/])/gi;
  next.lastIndex = frontmatterEnd(source);
  for (let m = next.exec(source); m; m = next.exec(source)) {
    if (!m[1]) {
      const end = source.indexOf('-->', m.index + 4);
      if (end < 0) break;
      next.lastIndex = end + 3;
      continue;
    }
    const tag = readTag(source, m.index + m[0].length);
    if (!tag) break;
    next.lastIndex = tag.end;
    if (tag.selfClosing) continue;
    const closing = new RegExp(`</${m[1]}\\s*>`, 'ig');
    closing.lastIndex = tag.end;
    const close = closing.exec(source);
    if (!close) break;
    next.lastIndex = close.index + close[0].length;
    if (m[1].toLowerCase() !== 'script' || !isJavaScript(tag.attributes)) continue;
    const text = source.slice(tag.end, close.index);
    if (!text.trim()) continue;
    blocks.push({ text, offset: tag.end, ...position(source, tag.end), lang: langOf(tag.attributes, typescript) });
  }
  return blocks;
}

const ASTRO_FILE = /\.astro$/i;
const BOM = '\uFEFF';

/** The blocks of each `.astro` file between `preprocess` and `postprocess` (ESLint calls them in turn, per file). */
const pending = new Map<string, ScriptBlock[]>();

function mapFix(fix: Linter.LintMessage['fix'], offset: number): Linter.LintMessage['fix'] {
  return fix && { range: [fix.range[0] + offset, fix.range[1] + offset], text: fix.text };
}

/** A block's message, placed in the `.astro` file. */
function mapMessage(message: Linter.LintMessage, block: ScriptBlock): Linter.LintMessage {
  const out: Linter.LintMessage = { ...message };
  if (typeof message.line === 'number') {
    out.line = message.line + block.line - 1;
    if (message.line === 1) out.column = message.column + block.column;
  }
  if (typeof message.endLine === 'number') {
    out.endLine = message.endLine + block.line - 1;
    if (message.endLine === 1 && typeof message.endColumn === 'number') out.endColumn = message.endColumn + block.column;
  }
  if (message.fix) out.fix = mapFix(message.fix, block.offset);
  if (message.suggestions) out.suggestions = message.suggestions.map((s) => ({ ...s, fix: mapFix(s.fix, block.offset)! }));
  return out;
}

export const astroProcessor: Linter.Processor = {
  meta: { name: `${PACKAGE.name}/astro`, version: PACKAGE.version },
  supportsAutofix: true,
  preprocess(text, filename) {
    if (!ASTRO_FILE.test(filename)) return [text];
    const source = text.startsWith(BOM) ? text.slice(1) : text;
    const blocks = astroScripts(source, { typescript: typescriptSupport().ok });
    pending.set(filename, blocks);
    return [text, ...blocks.map((b) => ({ text: b.text, filename: `script.${b.lang}` }))];
  },
  postprocess(messages, filename) {
    const blocks = ASTRO_FILE.test(filename) ? pending.get(filename) : undefined;
    pending.delete(filename);
    if (!blocks) return messages[0] ?? [];
    const merged = [...(messages[0] ?? [])];
    blocks.forEach((block, i) => merged.push(...(messages[i + 1] ?? []).map((m) => mapMessage(m, block))));
    return merged.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  },
};
