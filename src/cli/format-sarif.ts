/**
 * SARIF 2.1.0 for code scanning: the tool with every rule's metadata (short
 * and full description, help text and the rule page as `helpUri`), one result
 * per finding with its location, message, line-shift-proof fingerprint and
 * the editor suggestion as a SARIF fix; parse errors are tool notifications.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PACKAGE } from '../package-info.js';
import { allRules, displayPath, type FileReport, type Finding, type RuleInfo } from './findings.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const HOMEPAGE = 'https://github.com/eslint-plugin-broken-auth/eslint-plugin-broken-auth';

/** The directory of our package.json (docs/rules/*.md ship with the package). */
function packageRoot(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === PACKAGE.name) return dir;
    } catch {
      // keep walking up
    }
    dir = path.dirname(dir);
  }
  return null;
}

function ruleDocMarkdown(root: string | null, rule: RuleInfo): string | undefined {
  if (root === null) return undefined;
  try {
    return readFileSync(path.join(root, 'docs', 'rules', `${rule.name}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

function uriOf(file: string, cwd: string): string {
  return displayPath(file, cwd).split('/').map(encodeURIComponent).join('/');
}

function region(f: Finding) {
  return { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
}

export function formatSarif(reports: readonly FileReport[], cwd: string): string {
  const root = packageRoot();
  const rules = allRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: object[] = [];
  const notifications: object[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const artifactLocation = { uri: uriOf(f.file, cwd), uriBaseId: '%SRCROOT%' };
      const locations = [{ physicalLocation: { artifactLocation, region: region(f) } }];
      if (f.ruleId === null) {
        notifications.push({ level: 'error', message: { text: f.message }, locations, descriptor: { id: 'parse-error' } });
        continue;
      }
      const ruleIndex = index.get(f.ruleId);
      results.push({
        ruleId: f.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: f.severity === 2 ? 'error' : 'warning',
        message: { text: f.message },
        locations,
        partialFingerprints: { 'brokenAuthLine/v1': f.fingerprint },
        ...(f.suggestions.length > 0
          ? {
              fixes: f.suggestions.map((s) => ({
                description: { text: s.desc },
                artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: { charOffset: s.range[0], charLength: s.range[1] - s.range[0] }, insertedContent: { text: s.text } }] }],
              })),
            }
          : {}),
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'broken-auth',
            fullName: `${PACKAGE.name} ${PACKAGE.version}`,
            version: PACKAGE.version,
            semanticVersion: PACKAGE.version,
            informationUri: HOMEPAGE,
            rules: rules.map((r) => {
              const markdown = ruleDocMarkdown(root, r);
              return {
                id: r.id,
                name: r.name,
                shortDescription: { text: r.description },
                fullDescription: { text: `${r.description}. Category: ${r.category ?? 'broken authentication'}.` },
                helpUri: r.url,
                help: { text: `${r.description}. Each report names the problem, why it breaks authentication and the fix for the library in use; see ${r.url}`, ...(markdown ? { markdown } : {}) },
                defaultConfiguration: { level: 'error' },
                properties: { tags: ['security', 'authentication', ...(r.category ? [r.category] : [])], precision: 'high', 'security-severity': '7.5' },
              };
            }),
          },
        },
        invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
