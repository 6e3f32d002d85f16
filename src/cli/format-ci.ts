/**
 * CI formats: GitHub Actions workflow-command annotations and the GitLab
 * Code Quality report.
 */
import { displayPath, hash, PARSE_ERROR, ruleInfo, type FileReport, type Finding } from './findings.js';

/** The fix and docs lines that follow the message. */
function remediation(f: Finding): string[] {
  const lines = f.suggestions.map((s) => `Suggested fix: ${s.desc}`);
  const info = f.ruleId ? ruleInfo(f.ruleId) : null;
  if (info?.url) lines.push(`Docs: ${info.url}`);
  return lines;
}

/** Workflow-command data: `%`, CR and LF are escaped. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property values: also `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(reports: readonly FileReport[], cwd: string): string {
  const out: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const props = [
        `file=${escapeProperty(displayPath(f.file, cwd))}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.ruleId ?? PARSE_ERROR)}`,
      ].join(',');
      out.push(`::${f.severity === 2 ? 'error' : 'warning'} ${props}::${escapeData([f.message, ...remediation(f)].join('\n'))}`);
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

export function formatGitlab(reports: readonly FileReport[], cwd: string): string {
  const issues = reports.flatMap((report) =>
    report.findings.map((f) => {
      const file = displayPath(f.file, cwd);
      const body = remediation(f);
      return {
        type: 'issue',
        check_name: f.ruleId ?? PARSE_ERROR,
        description: f.message,
        ...(body.length > 0 ? { content: { body: body.join('\n\n') } } : {}),
        categories: [f.ruleId ? 'Security' : 'Bug Risk'],
        fingerprint: hash(file, f.fingerprint),
        severity: f.ruleId === null ? 'blocker' : f.severity === 2 ? 'major' : 'minor',
        location: { path: file, lines: { begin: f.line, end: f.endLine } },
      };
    }),
  );
  return `${JSON.stringify(issues, null, 2)}\n`;
}
