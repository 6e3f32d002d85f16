/**
 * One shape for what the CLI reports, built from ESLint's results: the
 * finding's rule, place, message and suggested fixes, plus a fingerprint
 * that survives line shifts (for baselines, GitLab and code scanning).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { NAMESPACE } from '../configs.js';
import { rules } from '../../rules/index.js';
import { categoryOfRule } from '../categories.js';

export interface Suggestion {
  readonly desc: string;
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface Finding {
  /** Absolute path. */
  readonly file: string;
  /** `broken-auth/<rule>`, or null for a file that does not parse. */
  readonly ruleId: string | null;
  readonly severity: 1 | 2;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly suggestions: readonly Suggestion[];
  /** Hash of the rule, the trimmed source line and its occurrence index on such lines in the file. */
  readonly fingerprint: string;
}

export interface FileReport {
  readonly file: string;
  readonly findings: Finding[];
}

export interface RuleInfo {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly category: string | undefined;
}

export const PARSE_ERROR = 'parse-error';

/** What we know about one of our rules, by `broken-auth/<name>` id. */
export function ruleInfo(id: string): RuleInfo | null {
  const name = id.startsWith(`${NAMESPACE}/`) ? id.slice(NAMESPACE.length + 1) : null;
  const rule = name !== null ? (rules as Record<string, { meta: { docs?: { description?: string; url?: string } } }>)[name] : undefined;
  if (!name || !rule) return null;
  return { id, name, description: rule.meta.docs?.description ?? name, url: rule.meta.docs?.url ?? '', category: categoryOfRule(id) };
}

export function allRules(): RuleInfo[] {
  return Object.keys(rules).map((name) => ruleInfo(`${NAMESPACE}/${name}`)!);
}

/** Ours: a `broken-auth/*` report, or a file that does not parse. Everything else (unused directives, other plugins) is dropped. */
function isOurs(m: Linter.LintMessage): boolean {
  return m.ruleId !== null ? m.ruleId.startsWith(`${NAMESPACE}/`) : m.fatal === true;
}

function normaliseLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

export function hash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

/**
 * Lines and columns are 1-based in every format (SARIF requires it): parsers
 * report some errors at column 0 or without an end.
 */
function position(m: Linter.LintMessage): Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const line = Math.max(1, m.line || 1);
  const column = Math.max(1, m.column || 1);
  const endLine = Math.max(line, m.endLine ?? line);
  const endColumn = Math.max(endLine === line ? column : 1, m.endColumn ?? column);
  return { line, column, endLine, endColumn };
}

/** A file the CLI could not read: reported like a file that does not parse, so the rest of the run goes on. */
export function unreadableReport(file: string, code: string): FileReport {
  const message = `Cannot read file: ${code}${READ_ERRORS[code] ? ` (${READ_ERRORS[code]})` : ''}`;
  return {
    file,
    findings: [{ file, ruleId: null, severity: 2, message, line: 1, column: 1, endLine: 1, endColumn: 1, suggestions: [], fingerprint: hash(PARSE_ERROR, '', '0') }],
  };
}

const READ_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EIO: 'input/output error',
  ELOOP: 'too many symbolic links',
};

/** Whether `error` is a file-system error about reading one file (not a bug in a rule or in ESLint). */
export function readErrorCode(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code in READ_ERRORS ? code : null;
}

/**
 * Turn ESLint results into reports. `sources` holds the text that was linted
 * when it is not the file on disk (staged blobs).
 */
export function toReports(results: readonly ESLint.LintResult[], sources: ReadonlyMap<string, string> = new Map()): FileReport[] {
  return results.map((result) => {
    const messages = result.messages.filter(isOurs).sort((a, b) => a.line - b.line || a.column - b.column);
    if (messages.length === 0) return { file: result.filePath, findings: [] };
    let text = sources.get(result.filePath) ?? result.source;
    if (text === undefined) {
      try {
        text = readFileSync(result.filePath, 'utf8');
      } catch {
        text = '';
      }
    }
    const lines = text.split(/\r\n|\r|\n/);
    const seen = new Map<string, number>();
    const findings = messages.map((m): Finding => {
      const ruleId = m.ruleId;
      const place = position(m);
      const lineText = normaliseLine(lines[place.line - 1] ?? '');
      const key = `${ruleId ?? PARSE_ERROR}\0${lineText}`;
      const index = seen.get(key) ?? 0;
      seen.set(key, index + 1);
      return {
        file: result.filePath,
        ruleId,
        severity: m.severity === 1 ? 1 : 2,
        message: m.message,
        ...place,
        suggestions: (m.suggestions ?? []).map((s) => ({ desc: s.desc, range: s.fix.range, text: s.fix.text })),
        fingerprint: hash(ruleId ?? PARSE_ERROR, lineText, String(index)),
      };
    });
    return { file: result.filePath, findings };
  });
}

/** `path` relative to `cwd` with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}

export interface Totals {
  readonly errors: number;
  readonly warnings: number;
}

export function totals(reports: readonly FileReport[]): Totals {
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      if (f.severity === 2) errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}
