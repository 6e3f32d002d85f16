/**
 * CI outputs for the seed app, from the built program: SARIF validates
 * against the official SARIF 2.1.0 schema and carries every finding with its
 * rule, location, message and fix; GitHub annotations and the GitLab Code
 * Quality report are checked field by field against the JSON report.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Ajv, type AnySchema } from 'ajv';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { builtPackage, docsUrl, ROOT, runCli, tempProject, type RunResult } from './harness.js';
import { RULE_SECURITY } from '../../src/cli/security.js';

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
  properties: { tags: string[]; 'security-severity': string };
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

let pkg: string;
let json: JsonMessage[];
let sarif: RunResult;
let github: RunResult;
let gitlab: RunResult;

beforeAll(async () => {
  pkg = builtPackage();
  const runs = await Promise.all(['json', 'sarif', 'github', 'gitlab'].map((f) => runCli(pkg, ['--format', f, SEED], ROOT)));
  for (const run of runs) {
    expect(run.stderr).toBe('broken-auth: linted 1 file\n');
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
      helpUri: docsUrl(pkg, 'no-hardcoded-secret'),
      shortDescription: { text: 'Disallow hard-coded or default secrets for sessions, cookies, JWTs and HMACs' },
    });
    expect(secret.help.text).toContain(secret.helpUri);
    for (const rule of driver.rules) {
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.name}\\.md$`));
      // Without a repository in package.json, the link is the page inside the installed package: it must exist.
      if (rule.helpUri.startsWith('file:')) expect(existsSync(fileURLToPath(rule.helpUri))).toBe(true);
      expect(rule.help.text.length).toBeGreaterThan(20);
    }
  });

  it('gives every rule its own security-severity and CWE tags in CodeQL form', () => {
    const rules = (JSON.parse(sarif.stdout) as SarifLog).runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.name).sort()).toEqual(Object.keys(RULE_SECURITY).sort());
    const secret = rules.find((r) => r.name === 'no-hardcoded-secret')!;
    expect(secret.properties['security-severity']).toBe('9.8');
    expect(secret.properties.tags.slice(0, 3)).toEqual(['security', 'external/cwe/cwe-798', 'external/cwe/cwe-321']);
    expect(rules.find((r) => r.name === 'secure-cookie-flags')!.properties).toMatchObject({ 'security-severity': '5.0', tags: expect.arrayContaining(['external/cwe/cwe-1004', 'external/cwe/cwe-614']) });
    for (const rule of rules) {
      expect(rule.properties['security-severity']).toMatch(/^(10|\d)\.\d$/);
      expect(rule.properties.tags.filter((t) => /^external\/cwe\/cwe-\d+$/.test(t)).length).toBeGreaterThan(0);
    }
    expect(new Set(rules.map((r) => r.properties['security-severity'])).size).toBeGreaterThan(3);
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
      const expected = [m.message, ...m.suggestions.map((s) => `Suggested fix: ${s.desc}`), `Docs: ${docsUrl(pkg, name)}`].join('\n');
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

describe('a file that does not parse, in every format', () => {
  // `)` at the start of line 2: the TypeScript parser reports column 0.
  let dir: string;
  const out: Record<string, RunResult> = {};

  beforeAll(async () => {
    const pkg = builtPackage();
    dir = tempProject({ 'src/broken.ts': 'const a = 1;\n)\n', 'src/ok.ts': 'export const b = 2;\n' });
    const formats = ['json', 'sarif', 'github', 'gitlab', 'stylish'];
    const runs = await Promise.all(formats.map((f) => runCli(pkg, ['--format', f], dir)));
    formats.forEach((f, i) => (out[f] = runs[i]!));
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports it at column 1, never 0, and exits 1', () => {
    for (const run of Object.values(out)) {
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('broken-auth: linted 2 files\n');
    }
    const [message] = (JSON.parse(out.json!.stdout) as { messages: JsonMessage[] }[]).flatMap((r) => r.messages);
    expect(message).toMatchObject({ ruleId: null, line: 2, column: 1, endLine: 2, endColumn: 1 });
    expect(out.stylish!.stdout.split('\n').slice(0, 2)).toEqual(['src/broken.ts', '  2:1  error  parse-error']);
    expect(out.github!.stdout).toMatch(/^::error file=src\/broken\.ts,line=2,col=1,endLine=2,endColumn=1,title=parse-error::Parsing error: /);
    expect((JSON.parse(out.gitlab!.stdout) as { severity: string; location: unknown }[])[0]).toMatchObject({ severity: 'blocker', location: { path: 'src/broken.ts', lines: { begin: 2, end: 2 } } });
  });

  it('SARIF stays valid against the 2.1.0 schema, with the parse error as a tool notification', () => {
    const log = JSON.parse(out.sarif!.stdout) as { runs: { invocations: { toolExecutionNotifications: { locations: { physicalLocation: { region: unknown } }[] }[] }[]; results: unknown[] }[] };
    const validate = sarifValidator();
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 2, startColumn: 1, endLine: 2, endColumn: 1 });
  });
});
