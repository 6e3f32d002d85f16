/**
 * The default human format: findings grouped by file, each with its rule,
 * the message (what, why, and the fix for the library in use), the editor
 * suggestion when there is one, and the rule's documentation. Coloured only
 * when the output is a terminal.
 */
import { displayPath, PARSE_ERROR, ruleInfo, totals, type FileReport } from './findings.js';

interface Paint {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly underline: (s: string) => string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001B[${open}m${s}\u001B[${close}m`;
const COLOURS: Paint = { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), underline: sgr(4, 24) };
const PLAIN: Paint = { bold: (s) => s, dim: (s) => s, red: (s) => s, yellow: (s) => s, underline: (s) => s };

export function formatStylish(reports: readonly FileReport[], cwd: string, colour: boolean): string {
  const paint = colour ? COLOURS : PLAIN;
  const out: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out.push(paint.underline(displayPath(report.file, cwd)));
    for (const f of report.findings) {
      const level = f.severity === 2 ? paint.red('error') : paint.yellow('warning');
      out.push(`  ${f.line}:${f.column}  ${level}  ${paint.bold(f.ruleId ?? PARSE_ERROR)}`);
      out.push(`    ${f.message}`);
      for (const s of f.suggestions) out.push(`    ${paint.dim('suggested fix:')} ${s.desc}`);
      const info = f.ruleId ? ruleInfo(f.ruleId) : null;
      if (info?.url) out.push(`    ${paint.dim(`docs: ${info.url}`)}`);
    }
    out.push('');
  }
  const { errors, warnings } = totals(reports);
  const problems = errors + warnings;
  if (problems === 0) return '';
  const summary = `✖ ${problems} problem${problems === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out.push(errors > 0 ? paint.bold(paint.red(summary)) : paint.bold(paint.yellow(summary)));
  return `${out.join('\n')}\n`;
}
