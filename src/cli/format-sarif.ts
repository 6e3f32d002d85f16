/**
 * SARIF 2.1.0 for code scanning: the tool with every rule's metadata (short
 * and full description, help text and the rule page as `helpUri`), one result
 * per finding with its location, message, line-shift-proof fingerprint and
 * the editor suggestion as a SARIF fix; parse errors are tool notifications.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE } from '../package-info.js';
import { PACKAGE_ROOT, REPOSITORY_URL } from '../create-rule.js';
import type { RuleName } from '../categories.js';
import { allRules, displayPath, type FileReport, type Finding, type RuleInfo } from './findings.js';
import { cweTags, RULE_SECURITY } from './security.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const HOMEPAGE = REPOSITORY_URL ?? `https://www.npmjs.com/package/${PACKAGE.name}`;

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
  const root = PACKAGE_ROOT;
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
              const security = RULE_SECURITY[r.name as RuleName];
              return {
                id: r.id,
                name: r.name,
                shortDescription: { text: r.description },
                fullDescription: { text: `${r.description}. Category: ${r.category ?? 'broken authentication'}.` },
                helpUri: r.url,
                help: { text: `${r.description}. Each report names the problem, why it breaks authentication and the fix for the library in use; see ${r.url}`, ...(markdown ? { markdown } : {}) },
                defaultConfiguration: { level: 'error' },
                properties: {
                  tags: ['security', ...cweTags(security.cwe), 'authentication', ...(r.category ? [r.category] : [])],
                  precision: 'high',
                  'problem.severity': 'error',
                  'security-severity': security.severity,
                },
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
