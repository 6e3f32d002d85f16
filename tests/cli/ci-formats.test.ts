/**
 * CI outputs for the seed app, from the built program: SARIF validates
 * against the official SARIF 2.1.0 schema and carries every finding with its
 * rule, location, message and fix; GitHub annotations and the GitLab Code
 * Quality report are checked field by field against the JSON report.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type AnySchema } from 'ajv';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { builtPackage, ROOT, runCli, type RunResult } from './harness.js';

// Each test runs the real program (several child processes on a loaded machine).
vi.setConfig({ testTimeout: 180_000 });

const SEED = 'fixtures/seed/vulnerable.ts';

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestions: { desc: string; fix: { range: [number, number]; text: string } }[];
  fingerprint: string;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown?: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
  partialFingerprints: Record<string, string>;
  fixes?: { description: { text: string }; artifactChanges: { replacements: { deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }[] }[] }[];
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; rules: SarifRule[] } }; results: SarifResult[] }[];
}

/** The official schema is draft-04; ajv 8 reads it once `id` is `$id` (see tests/schemas/README.md). */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'tests/schemas/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile({ ...rest, $id: id } as AnySchema);
}

let json: JsonMessage[];
let sarif: RunResult;
let github: RunResult;
let gitlab: RunResult;

beforeAll(async () => {
  const pkg = builtPackage();
  const runs = await Promise.all(['json', 'sarif', 'github', 'gitlab'].map((f) => runCli(pkg, ['--format', f, SEED], ROOT)));
  for (const run of runs) {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  }
  json = (JSON.parse(runs[0]!.stdout) as { messages: JsonMessage[] }[])[0]!.messages;
  [, sarif, github, gitlab] = runs as [RunResult, RunResult, RunResult, RunResult];
}, 300_000);

describe('SARIF for the seed app', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const log: unknown = JSON.parse(sarif.stdout);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('a broken log does not validate (the validator is live)', () => {
    const validate = sarifValidator();
    const log = JSON.parse(sarif.stdout) as SarifLog;
    (log.runs[0]!.results[0] as unknown as Record<string, unknown>).level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('describes every rule with help text and helpUri', () => {
    const log = JSON.parse(sarif.stdout) as SarifLog;
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('broken-auth');
    const secret = driver.rules.find((r) => r.id === 'broken-auth/no-hardcoded-secret')!;
    expect(secret).toMatchObject({
      name: 'no-hardcoded-secret',
      helpUri: 'https://github.com/eslint-plugin-broken-auth/eslint-plugin-broken-auth/blob/main/docs/rules/no-hardcoded-secret.md',
      shortDescription: { text: 'Disallow hard-coded or default secrets for sessions, cookies, JWTs and HMACs' },
    });
    expect(secret.help.text).toContain(secret.helpUri);
    for (const rule of driver.rules) {
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.name}\\.md$`));
      expect(rule.help.text.length).toBeGreaterThan(20);
    }
  });

  it('carries each finding with its rule, location, message and fix text', () => {
    const log = JSON.parse(sarif.stdout) as SarifLog;
    const { results, tool } = log.runs[0]!;
    expect(json.length).toBeGreaterThan(0);
    expect(results).toHaveLength(json.length);
    results.forEach((r, i) => {
      const m = json[i]!;
      expect(r.ruleId).toBe(m.ruleId);
      expect(tool.driver.rules[r.ruleIndex]!.id).toBe(m.ruleId);
      expect(r.level).toBe('error');
      expect(r.message.text).toBe(m.message);
      expect(r.locations[0]!.physicalLocation).toEqual({
        artifactLocation: { uri: SEED, uriBaseId: '%SRCROOT%' },
        region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
      });
      expect(r.partialFingerprints).toEqual({ 'brokenAuthLine/v1': m.fingerprint });
      expect((r.fixes ?? []).map((f) => f.description.text)).toEqual(m.suggestions.map((s) => s.desc));
      (r.fixes ?? []).forEach((f, k) => {
        const s = m.suggestions[k]!;
        expect(f.artifactChanges[0]!.replacements[0]).toEqual({ deletedRegion: { charOffset: s.fix.range[0], charLength: s.fix.range[1] - s.fix.range[0] }, insertedContent: { text: s.fix.text } });
      });
    });
  });

  it('reports the hard-coded session secret on the literal, with the env-var fix, without printing the secret', () => {
    const log = JSON.parse(sarif.stdout) as SarifLog;
    const secret = log.runs[0]!.results.filter((r) => r.ruleId === 'broken-auth/no-hardcoded-secret');
    expect(secret).toHaveLength(1);
    expect(secret[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 12, startColumn: 11, endLine: 12, endColumn: 29 });
    expect(secret[0]!.message.text).toMatch(/^Hard-coded secret "pl…" \(16 chars\) is the express-session `secret`/);
    expect(sarif.stdout).not.toContain('please-change-me');
    expect(secret[0]!.fixes![0]!.description.text).toBe('Read it from `process.env.SESSION_SECRET` and throw at startup when it is missing');
    expect(secret[0]!.fixes![0]!.artifactChanges[0]!.replacements[0]!.insertedContent.text).toContain('process.env.SESSION_SECRET');
  });
});

/** Undo workflow-command escaping. */
function unescape(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

describe('GitHub annotations for the seed app', () => {
  it('one ::error command per finding with file, line, col, endLine, endColumn, title and the message with its fix', () => {
    const lines = github.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(json.length);
    lines.forEach((line, i) => {
      const m = json[i]!;
      const match = /^::error file=([^,:]*),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]*)::(.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      const [, file, l, c, el, ec, title, data] = match!;
      expect({ file, line: Number(l), col: Number(c), endLine: Number(el), endColumn: Number(ec), title: unescape(title!) }).toEqual({
        file: SEED,
        line: m.line,
        col: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        title: m.ruleId,
      });
      expect(data).not.toMatch(/[\r\n]/);
      const name = m.ruleId!.replace('broken-auth/', '');
      const expected = [m.message, ...m.suggestions.map((s) => `Suggested fix: ${s.desc}`), `Docs: https://github.com/eslint-plugin-broken-auth/eslint-plugin-broken-auth/blob/main/docs/rules/${name}.md`].join('\n');
      expect(unescape(data!)).toBe(expected);
    });
  });
});

describe('GitLab Code Quality report for the seed app', () => {
  it('one issue per finding with description, check_name, unique fingerprint, severity and location', () => {
    const issues = JSON.parse(gitlab.stdout) as Record<string, unknown>[];
    expect(issues).toHaveLength(json.length);
    issues.forEach((issue, i) => {
      const m = json[i]!;
      expect(issue).toMatchObject({
        type: 'issue',
        description: m.message,
        check_name: m.ruleId,
        severity: 'major',
        categories: ['Security'],
        location: { path: SEED, lines: { begin: m.line, end: m.endLine } },
      });
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    });
    expect(new Set(issues.map((x) => x.fingerprint)).size).toBe(issues.length);
  });
});
