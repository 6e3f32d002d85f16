import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CHECK_TEST_FILES_OPTION, createRule } from '../src/create-rule.js';
import { getFile } from '../src/core/file.js';
import { nameOf, staticKey } from '../src/core/ast.js';
import { argumentAt, indexModels, matchingAssigns, matchingEntries, type CallLike } from '../src/core/match.js';
import { arrayElements, envName, getPropertyPath, isOverwritten, resolveValue, type Value } from '../src/core/values.js';
import { isPasswordName, isPublicName, isSecretName, words } from '../src/core/names.js';
import {
  configDefaults,
  derivedLiteral,
  hasPrivateKeyHeader,
  isAppConstant,
  isCredentialName,
  isInstruction,
  isOwnName,
  isPrivateKeyPem,
  isSampleFile,
  isSecretLiteral,
  isSinkSecretLiteral,
  keyListName,
  looksLikeRealCredential,
  envNameFor,
  envReadFix,
  mask,
  outermostConcat,
  parameterArguments,
  rotationValues,
  readsPublicName,
  schemaDefault,
  typedSinks,
} from '../src/core/secrets.js';
import { SECRET_SINKS, type SecretSink, type SecretSlot, type TypedSink } from '../src/models/secret-sinks.js';
import { stringLiteralType } from '../src/core/types.js';
import { importedValue } from '../src/project/values.js';import { locationFrom } from '../src/project/files.js';

import { isReplacedSentinel } from '../src/project/secrets.js';
import { isUsedAsName } from '../src/core/storage.js';

/** The sink table indexed by module, once. */
const SINK_INDEX = indexModels(SECRET_SINKS, (sink) => sink);

export type MessageId = 'literal' | 'fallback' | 'named' | 'namedFallback' | 'credential' | 'privateKey' | 'useEnv';
export type Options = [{ checkTestFiles?: boolean; useTypeInformation?: boolean }];

type Finding =
  | { readonly via: 'sink'; readonly sink: SecretSink | TypedSink; readonly value: Exclude<Value, { kind: 'unknown' | 'env' }>; readonly origin?: string }
  | { readonly via: 'name'; readonly name: string; readonly value: Exclude<Value, { kind: 'unknown' | 'env' }>; readonly credential?: boolean; readonly schema?: boolean }
  | { readonly via: 'pem'; readonly node: TSESTree.Node; readonly text: string };

/** Where the report goes and what the suggestion replaces: the literal, or the whole `env || 'lit'` expression. */
function findingNode(f: Finding): TSESTree.Node {
  return f.via === 'pem' ? f.node : f.value.node;
}

export default createRule<Options, MessageId>({
  name: 'no-hardcoded-secret',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow hard-coded or default secrets for sessions, cookies, JWTs and HMACs',
      category: 'hardcoded-secret',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      literal: 'Hard-coded secret {{preview}} is the {{sink}}: anyone who can read this code can forge {{forges}}. {{fix}}',
      fallback: 'The {{sink}} falls back to the hard-coded {{preview}} {{when}}, so a deployment that forgets the variable runs with a key anyone can read here. Remove the fallback. {{fix}}',
      named: '`{{name}}` holds a hard-coded secret {{preview}}: whatever it signs or encrypts can be forged by anyone who reads the code. Read it from `process.env.{{env}}` and throw at startup when it is missing.',
      namedFallback: '`{{name}}` falls back to the hard-coded {{preview}} {{when}}, so a deployment that forgets the variable runs with a key anyone can read here. Drop the fallback and throw at startup when `process.env.{{env}}` is missing.',
      credential: '`{{name}}` holds a hard-coded credential {{preview}}: anyone who reads the code can call the service as this app, and rotating it means a new release. Read it from `process.env.{{env}}` and throw at startup when it is missing.',
      privateKey: 'A private key is embedded in the source ({{preview}}): anyone with the code can sign as this service. Load it from outside the repository (`process.env.{{env}}`, a mounted file or a secret manager) and refuse to start without it.',
      useEnv: 'Read it from `process.env.{{env}}` and throw at startup when it is missing',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkTestFiles: CHECK_TEST_FILES_OPTION,
          useTypeInformation: {
            type: 'boolean',
            description: 'With type information (`recommended-type-checked`), also report a secret sink fed by a constant from another file whose type is a string literal.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkTestFiles: false, useTypeInformation: false }],
  },
  defaultOptions: [{ checkTestFiles: false, useTypeInformation: false }],
  create(context, [options]) {
    const file = getFile(context);
    if ((file.isTest || isSampleFile(file.relativeFilename)) && !options.checkTestFiles) return {};
    const findings = new Map<TSESTree.Node, Finding>();

    /** Keep one finding per node; a library call outranks a typed options object, which outranks a name, which outranks a bare PEM. */
    function add(f: Finding): void {
      const node = findingNode(f);
      const prev = findings.get(node);
      const rank = (x: Finding): number => (x.via === 'sink' ? (x.sink.kind === 'typed' ? 2.5 : 3) : x.via === 'name' ? 2 : 1);
      if (!prev || rank(f) > rank(prev)) findings.set(node, f);
    }

    function checkSinkValue(sink: SecretSink | TypedSink, node: TSESTree.Node): void {
      const elements = arrayElements(file, node) ?? [node];
      for (const el of elements) {
        // A verify key held in a binding named as public (`publicKey`, `JWKS`) is public material, whatever its fallback.
        const held = nameOf(el);
        if (held && isPublicName(held)) continue;
        const value = valueOf(el);
        if (value.kind === 'literal' && isSinkSecretLiteral(value.text)) add({ via: 'sink', sink, value });
        else if (value.kind === 'fallback' && isSinkSecretLiteral(value.text) && !isInstruction(value.text)) add({ via: 'sink', sink, value });
        else if (value.kind === 'unknown' && importedSecret(sink, el)) continue;
        else if (value.kind === 'unknown' && helperArguments(sink, el)) continue;
        else if (value.kind === 'unknown' && options.useTypeInformation) {
          const text = stringLiteralType(context, el);
          if (text !== null && isSinkSecretLiteral(text)) add({ via: 'sink', sink, value: { kind: 'literal', text, node: el } });
        }
      }
    }

    /**
     * A literal from another module of the project (`config.session.key`):
     * reported here, where it reaches the sink, unless that module already
     * reports it under a secret-looking name (one finding per secret).
     */
    function importedSecret(sink: SecretSink | TypedSink, el: TSESTree.Node): boolean {
      const imported = importedValue(file, el);
      if (!imported || (imported.value.kind !== 'literal' && imported.value.kind !== 'fallback')) return false;
      const { text } = imported.value;
      if (!isSinkSecretLiteral(text)) return false;
      if (imported.holder && isSecretName(imported.holder) && isSecretLiteral(text)) return true;
      const origin = locationFrom(file.filename, imported.file.filename, imported.node.loc.start.line);
      add({ via: 'sink', sink, value: { ...imported.value, node: el }, origin });
      return true;
    }

    /** A local helper's parameter reaches the sink: each literal its callers pass, reported at the literal. */
    function helperArguments(sink: SecretSink | TypedSink, el: TSESTree.Node): boolean {
      let found = false;
      for (const arg of parameterArguments(file, el)) {
        const value = valueOf(arg);
        if ((value.kind !== 'literal' && value.kind !== 'fallback') || !isSinkSecretLiteral(value.text)) continue;
        add({ via: 'sink', sink, value: value.kind === 'fallback' ? { ...value, node: value.literal } : value });
        found = true;
      }
      return found;
    }

    function checkSlots(sink: SecretSink, call: CallLike, slots: readonly SecretSlot[]): void {
      for (const slot of slots) {
        const arg = argumentAt(call, slot.arg);
        if (!arg) continue;
        const found = slot.option ? getPropertyPath(file, arg, slot.option) : { kind: 'found' as const, value: arg };
        if (found.kind === 'found') checkSinkValue(sink, found.value);
      }
    }

    function checkCall(call: CallLike): void {
      for (const sink of matchingEntries(file, call, SINK_INDEX)) {
        if (sink.kind === 'plugin') checkSlots(sink, call, sink.options.map((option) => ({ arg: 1, option })));
        else if (sink.kind !== 'assign') checkSlots(sink, call, sink.slots);
      }
    }

    /** What a node holds: `resolveValue`, else a key derived from a literal. */
    function valueOf(node: TSESTree.Node): Value {
      const value = resolveValue(file, node);
      return value.kind === 'unknown' ? (derivedLiteral(file, node) ?? value) : value;
    }

    /** A literal under a name: a secret name (any token-like literal), or a presented credential's name (a real-looking literal). */
    /** A name `checkNamed` can report under: a secret, a credential, or on an app-wide constant a bare key or password. */
    function namedCandidate(name: string, appConstant: boolean): boolean {
      return isSecretName(name) || isCredentialName(name) || (appConstant && (words(name).join('_') === 'key' || isPasswordName(name)));
    }

    function checkNamed(name: string | null, valueNode: TSESTree.Node | null | undefined, appConstant = false): void {
      if (!name || !valueNode) return;
      // On an app-wide constant a bare `KEY` or a password name holds a credential too (`static KEY`, `ADMIN_PASSWORD`).
      const constantCredential = appConstant && (words(name).join('_') === 'key' || isPasswordName(name));
      const credential = !isSecretName(name) && (isCredentialName(name) || constantCredential);
      if (!credential && !isSecretName(name)) return;
      const held = nameOf(valueNode);
      if ((held && isPublicName(held)) || readsPublicName(valueNode)) return;
      // A key list or rotation map (`keys: ['a', 'b']`, `{ v1: 'a', v2: 'b' }`): each literal.
      const elements = arrayElements(file, valueNode) ?? rotationValues(file, valueNode);
      for (const el of elements ?? [valueNode]) {
        const value = valueOf(el);
        if (value.kind !== 'literal' && value.kind !== 'fallback') continue;
        if (isOwnName(name, value.text) || (credential ? !looksLikeRealCredential(value.text) : !isSecretLiteral(value.text))) continue;
        if (isReplacedSentinel(file, name, value.text)) continue;
        add({ via: 'name', name, value, credential });
      }
    }

    /** A default set by a config schema or service for a secret-named setting: a fallback. */
    function checkDefault(name: string, valueNode: TSESTree.Node, envVar?: string | null): void {
      if (!isSecretName(name.replace(/[./]/g, '_'))) return;
      const value = valueOf(valueNode);
      if (value.kind !== 'literal' || !isSecretLiteral(value.text) || isInstruction(value.text)) return;
      const env = envVar ?? (/^[A-Z][A-Z0-9_]*$/.test(name) ? name : null);
      add({ via: 'name', name, value: { kind: 'fallback', name: env, text: value.text, node: value.node, literal: value.node }, schema: true });
    }

    /** A framework key list (`config.keys = app.name + '_…'`, `app.keys = ['…']`): each literal key. */
    function checkKeyList(name: string, valueNode: TSESTree.Node): void {
      for (const el of arrayElements(file, valueNode) ?? [valueNode]) {
        const value = valueOf(el);
        if ((value.kind === 'literal' || value.kind === 'fallback') && isSecretLiteral(value.text)) add({ via: 'name', name, value });
      }
    }

    function checkAssignSink(node: TSESTree.AssignmentExpression): void {
      if (node.left.type !== T.MemberExpression) return;
      for (const sink of matchingAssigns(file, node.left, SINK_INDEX)) checkSinkValue(sink, node.right);
    }

    /** A PEM header is a key only with key material in the whole concatenation / template it starts. */
    function checkPem(whole: TSESTree.Node, fallbackText: string): void {
      const value = resolveValue(file, whole);
      const text = value.kind === 'literal' ? value.text : fallbackText;
      if (isPrivateKeyPem(text)) add({ via: 'pem', node: whole, text });
    }

    function envFor(f: Finding): string {
      if (f.via === 'pem') return 'PRIVATE_KEY';
      if (f.value.kind === 'fallback' && f.value.name) return f.value.name;
      return f.via === 'sink' ? f.sink.env : envNameFor(f.name);
    }

    function suggestion(f: Finding, env: string): TSESLint.ReportSuggestionArray<MessageId> {
      return [{ messageId: 'useEnv', data: { env }, fix: envReadFix(findingNode(f), env) }];
    }

    function report(f: Finding): void {
      const node = findingNode(f);
      const env = envFor(f);
      // A schema default is not replaced by an env read: the fix is to drop it, which changes the schema's contract.
      const suggest = f.via === 'name' && f.schema ? [] : suggestion(f, env);
      if (f.via === 'pem') {
        context.report({ node, messageId: 'privateKey', data: { preview: mask(f.text), env }, suggest });
        return;
      }
      const preview = f.via === 'sink' && f.origin ? `${mask(f.value.text)}, from ${f.origin}` : mask(f.value.text);
      if (f.value.kind === 'fallback') {
        const when = f.value.name ? `when ${f.value.name} is not set` : 'when no other value is provided';
        if (f.via === 'sink') {
          context.report({ node, messageId: 'fallback', data: { preview, when, sink: f.sink.label, fix: f.sink.fix }, suggest });
        } else {
          context.report({ node, messageId: 'namedFallback', data: { preview, when, name: f.name, env }, suggest });
        }
      } else if (f.via === 'sink') {
        context.report({ node, messageId: 'literal', data: { preview, sink: f.sink.label, forges: f.sink.forges, fix: f.sink.fix }, suggest });
      } else {
        context.report({ node, messageId: f.credential ? 'credential' : 'named', data: { preview, name: f.name, env }, suggest });
      }
    }

    return {
      CallExpression(node) {
        checkCall(node);
        for (const d of configDefaults(file, node)) checkDefault(d.name, d.value);
      },
      NewExpression: checkCall,
      AssignmentExpression(node) {
        // `x += 'suffix'` appends to whatever `x` held: the literal alone is not the value.
        if (node.operator !== '=' && node.operator !== '||=' && node.operator !== '??=') return;
        checkAssignSink(node);
        if (node.left.type === T.MemberExpression && envName(file, node.left) !== undefined) return; // a write into the environment, not a binding
        const keyList = node.left.type === T.MemberExpression ? keyListName(node.left) : null;
        if (keyList) checkKeyList(keyList, node.right);
        else if (node.left.type === T.MemberExpression) checkNamed(staticKey(node.left), node.right);
        else if (node.left.type === T.Identifier) checkNamed(node.left.name, node.right);
      },
      VariableDeclarator(node) {
        for (const { sink, object } of typedSinks(file, node)) {
          for (const option of sink.options) {
            const found = getPropertyPath(file, object, option);
            if (found.kind === 'found') checkSinkValue(sink, found.value);
          }
        }
        // The name first: the two mutation checks scan the binding's references.
        if (node.id.type !== T.Identifier) return;
        const appConstant = isAppConstant(node);
        if (namedCandidate(node.id.name, appConstant) && !isOverwritten(file, node) && !isUsedAsName(file, node)) checkNamed(node.id.name, node.init, appConstant);
      },
      Property(node) {
        if (node.parent.type !== T.ObjectExpression) return;
        const schema = schemaDefault(node);
        const key = staticKey(node);
        if ((schema || (key !== null && namedCandidate(key, false))) && !isOverwritten(file, node)) {
          if (schema) checkDefault(schema.name, schema.value, schema.env);
          else checkNamed(key, node.value);
        }
      },
      PropertyDefinition(node) {
        checkNamed(staticKey(node), node.value, isAppConstant(node));
      },
      // Every string literal is a candidate only in a file whose text holds a PEM header at all.
      ...(hasPrivateKeyHeader(context.sourceCode.text)
        ? {
            Literal(node: TSESTree.Literal) {
              if (typeof node.value === 'string' && hasPrivateKeyHeader(node.value)) checkPem(outermostConcat(node), node.value);
            },
            TemplateElement(node: TSESTree.TemplateElement) {
              const text = node.value.cooked;
              if (text && hasPrivateKeyHeader(text)) checkPem(outermostConcat(node.parent), text);
            },
          }
        : {}),
      'Program:exit'() {
        for (const f of findings.values()) report(f);
      },
    };
  },
});

