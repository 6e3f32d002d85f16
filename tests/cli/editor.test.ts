/**
 * The editor with a real language server: `vscode-eslint-language-server`
 * (the VS Code ESLint extension's server, from vscode-langservers-extracted)
 * over stdio, a workspace whose eslint.config.js uses the plugin's flat
 * config, the seed's vulnerable file opened in it. We speak LSP JSON-RPC as
 * an editor does and check the diagnostics (rule id, range, message) and the
 * quick fix our suggestion provides.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { builtPackage, docsUrl, ROOT, SEED_VULNERABLE, tempProject } from './harness.js';

// Each test runs the real program (several child processes on a loaded machine).
vi.setConfig({ testTimeout: 180_000 });

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  message: string;
  severity: number;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
}
interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  command?: { command: string; arguments?: unknown[] };
  edit?: unknown;
}
interface TextEdit {
  range: Range;
  newText: string;
}

/** A minimal LSP client: Content-Length framing, requests with ids, answers to the server's requests. */
class LspClient {
  readonly #child: ChildProcessWithoutNullStreams;
  #buffer = Buffer.alloc(0);
  #nextId = 1;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly #handlers = new Map<string, (params: unknown) => unknown>();
  readonly notifications: { method: string; params: unknown }[] = [];
  stderr = '';

  constructor(command: string, args: string[], cwd: string) {
    this.#child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, CI: '' } });
    this.#child.stdout.on('data', (chunk: Buffer) => this.#onData(chunk));
    this.#child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.#child.on('exit', () => {
      for (const p of this.#pending.values()) p.reject(new Error(`language server exited\n${this.stderr}`));
      this.#pending.clear();
    });
  }

  onRequest(method: string, handler: (params: unknown) => unknown): void {
    this.#handlers.set(method, handler);
  }

  #send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.#child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  #onData(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.#buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.#buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.#buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as {
        id?: number;
        method?: string;
        params?: unknown;
        result?: unknown;
        error?: { message: string };
      };
      this.#buffer = this.#buffer.subarray(headerEnd + 4 + length);
      this.#dispatch(message);
    }
  }

  #dispatch(message: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } }): void {
    if (message.method !== undefined && message.id !== undefined) {
      const handler = this.#handlers.get(message.method);
      this.#send({ id: message.id, result: handler ? handler(message.params) : null });
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
    } else if (message.id !== undefined) {
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error.message));
      else pending?.resolve(message.result);
    }
  }

  request<T>(method: string, params: unknown, timeoutMs = 60_000): Promise<T> {
    const id = this.#nextId++;
    this.#send({ id, method, params });
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  notify(method: string, params: unknown): void {
    this.#send({ method, params });
  }

  async shutdown(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null, 5_000);
      this.notify('exit', null);
    } catch {
      // fall through to kill
    }
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

const SERVER = path.join(ROOT, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');

let workspace: string;
let client: LspClient;
let uri: string;
let diagnostics: Diagnostic[];
const applied: unknown[] = [];

/** The settings the VS Code ESLint extension sends for `eslint.*` (see vscode-eslint's client `readConfiguration`). */
function eslintSettings(): object {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: path.join(ROOT, 'node_modules'),
    workingDirectory: { mode: 'location' },
    workspaceFolder: { name: path.basename(workspace), uri: pathToFileURL(workspace).href },
  };
}

beforeAll(async () => {
  const pkg = builtPackage();
  const plugin = pathToFileURL(path.join(pkg, 'dist/src/index.js')).href;
  workspace = tempProject(
    {
      'package.json': '{ "name": "editor-workspace", "type": "module", "private": true }\n',
      'eslint.config.js': `import brokenAuth from ${JSON.stringify(plugin)};\n\nexport default [brokenAuth.configs.recommended];\n`,
      'src/vulnerable.ts': SEED_VULNERABLE,
    },
    'broken-auth-editor-',
  );
  uri = pathToFileURL(path.join(workspace, 'src/vulnerable.ts')).href;
  client = new LspClient(process.execPath, [SERVER, '--stdio'], workspace);
  client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => eslintSettings()));
  client.onRequest('workspace/applyEdit', (params) => {
    applied.push(params);
    return { applied: true };
  });
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ name: path.basename(workspace), uri: pathToFileURL(workspace).href }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, applyEdit: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { relatedInformation: true },
        diagnostic: { dynamicRegistration: false },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll.eslint'] } } },
      },
    },
  });
  client.notify('initialized', {});
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: SEED_VULNERABLE } });
  // The server answers pull requests (textDocument/diagnostic); the first one may come before ESLint is loaded.
  for (let attempt = 0; attempt < 20; attempt++) {
    const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }, 120_000);
    diagnostics = report.items;
    if (diagnostics.length > 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
}, 300_000);

afterAll(async () => {
  await client?.shutdown();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
}, 30_000);

const codeOf = (d: Diagnostic): string | number | undefined => d.code;

describe('vscode-eslint-language-server with the plugin', () => {
  it('publishes the hard-coded secret on the literal, with rule id, docs link and message', () => {
    const secret = diagnostics.filter((d) => codeOf(d) === 'broken-auth/no-hardcoded-secret');
    expect(secret, JSON.stringify(diagnostics, null, 2)).toHaveLength(1);
    const [d] = secret;
    expect(d!.source).toBe('eslint');
    expect(d!.severity).toBe(1); // Error
    expect(d!.range).toEqual({ start: { line: 11, character: 10 }, end: { line: 11, character: 28 } });
    expect(SEED_VULNERABLE.split('\n')[11]!.slice(10, 28)).toBe("'please-change-me'");
    expect(d!.message).toMatch(/^Hard-coded secret "pl…" \(16 chars\) is the express-session `secret`: anyone who can read this code can forge session cookies\./);
    expect(d!.message).toContain('process.env.SESSION_SECRET');
    expect(d!.code).toBe('broken-auth/no-hardcoded-secret');
    expect(d!.codeDescription).toEqual({ href: docsUrl(builtPackage(), 'no-hardcoded-secret') });
  });

  it('publishes only broken-auth diagnostics, each on a range inside the file', () => {
    const lines = SEED_VULNERABLE.split('\n');
    for (const d of diagnostics) {
      expect(String(codeOf(d))).toMatch(/^broken-auth\//);
      expect(d.range.start.line).toBeLessThan(lines.length);
      expect(d.range.end.character).toBeGreaterThan(0);
    }
  });

  it('offers our suggestion as a quick fix, and applying it reads the secret from the environment', async () => {
    const d = diagnostics.find((x) => codeOf(x) === 'broken-auth/no-hardcoded-secret')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('Read it from `process.env.SESSION_SECRET` and throw at startup when it is missing (broken-auth/no-hardcoded-secret)');
    const fix = actions.find((a) => a.title.startsWith('Read it from `process.env.SESSION_SECRET`'))!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.command).toBeDefined();
    await client.request('workspace/executeCommand', { command: fix.command!.command, arguments: fix.command!.arguments });
    expect(applied).toHaveLength(1);
    const edit = applied[0] as { edit: { documentChanges?: { edits: TextEdit[] }[]; changes?: Record<string, TextEdit[]> } };
    const edits = edit.edit.documentChanges?.flatMap((c) => c.edits) ?? Object.values(edit.edit.changes ?? {}).flat();
    const inserted = edits.map((e) => e.newText).join('');
    expect(inserted).toContain('process.env.SESSION_SECRET');
    expect(inserted).not.toContain('please-change-me');
  });
});
