import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CHECK_TEST_FILES_SCHEMA, createRule } from '../src/create-rule.js';
import { getFile } from '../src/core/file.js';
import { importsAny, mentions } from '../src/core/prefilter.js';
import { calleeName, nameOf, staticKey, unwrap } from '../src/core/ast.js';
import { isCallOf } from '../src/core/match.js';
import { dereference, resolveObject, resolveValue } from '../src/core/values.js';
import { words } from '../src/core/names.js';
import { callsOf, identifierNames, isBearerTokenName, parameterOf } from '../src/core/cookies.js';
import { STORAGE_CALLS, TOKEN_PRODUCERS } from '../src/models/cookies.js';
import { factoryWrites, persistedStoreOf, storageWriteOf, thisFieldNames, thisGetterValues, webStorageName, wrapperWrites } from '../src/core/storage.js';
import { localFunction } from '../src/core/flow.js';
import { hasProjectImports, importedFunction, importedModuleMayMention, isProjectImport } from '../src/project/values.js';
import { importedMethod } from '../src/project/methods.js';

/** Storage libraries (localforage, store2): a file that imports one writes storage without naming it. */
const STORAGE_MODULES = STORAGE_CALLS.flatMap((c) => [c.module].flat());

/** Text a module that writes web storage must contain. */
const STORAGE_TEXT = /storage/i;

export type MessageId = 'tokenInStorage';
export type Options = [{ checkTestFiles?: boolean }];

type Node = TSESTree.Node;

const MAX_DEPTH = 8;
/** Words that name where a value is kept, not the value: `TOKEN_KEY`, `tokenStorageName`. */
const KEY_SUFFIX_WORDS = new Set(['key', 'keys', 'name', 'storage', 'slot']);

export default createRule<Options, MessageId>({
  name: 'no-client-token-storage',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow auth tokens (JWTs, access/refresh/id tokens, session ids) in localStorage or sessionStorage',
      category: 'client-token-storage',
      recommended: 'recommended',
    },
    messages: {
      tokenInStorage:
        'The auth token {{what}} is written to {{storage}}: any script injected into the page (XSS) can read {{storage}} and replay the token from anywhere until it expires. Have the server set it as an HttpOnly, Secure, SameSite cookie (the browser then sends it without script access), and keep any short-lived access token in memory only.',
    },
    schema: CHECK_TEST_FILES_SCHEMA,
    defaultOptions: [{ checkTestFiles: false }],
  },
  defaultOptions: [{ checkTestFiles: false }],
  create(context, [options]) {
    const file = getFile(context);
    if (file.isTest && !options.checkTestFiles) return {};
    // Web storage is written here (the text names it, or a persisted store), or through a wrapper another module of the project exports.
    if (!mentions(file, 'storage') && !importsAny(file, STORAGE_MODULES) && !hasProjectImports(file)) return {};

    const storageName = (node: Node): string | null => webStorageName(file, node);
    /** This file's own text names web storage (a local wrapper or factory can write it). */
    const writesStorageHere = STORAGE_TEXT.test(context.sourceCode.text);

    /** A token by its origin or its names: `data.token`, `tokens.refreshToken`, `JSON.stringify({ token })`, `jwt.sign(…)`. */
    function isTokenValue(raw: Node, depth = 0): boolean {
      if (depth > MAX_DEPTH) return false;
      const node = unwrap(raw);
      if (identifierNames(node, 16).some(isBearerTokenName)) return true;
      const target = unwrap(dereference(file, node));
      if (target !== node && identifierNames(target, 16).some(isBearerTokenName)) return true;
      if (target.type === T.CallExpression) {
        if (TOKEN_PRODUCERS.some((p) => !p.chainMethod && isCallOf(file, target, p))) return true;
        // JSON.stringify({ token }), String(token)
        const name = calleeName(target);
        if (name === 'stringify' || name === 'String' || name === 'toJS') {
          const first = target.arguments[0];
          return !!first && first.type !== T.SpreadElement && isTokenValue(first, depth + 1);
        }
        return false;
      }
      const object = target.type === T.ObjectExpression ? target : resolveObject(file, target);
      if (object) {
        return object.properties.some((p) => {
          if (p.type === T.SpreadElement) return isTokenValue(p.argument, depth + 1);
          const key = staticKey(p);
          return (key !== null && isBearerTokenName(key)) || isTokenValue(p.value, depth + 1);
        });
      }
      if (target.type === T.TemplateLiteral) return target.expressions.some((e) => isTokenValue(e, depth + 1));
      // `this` of a store class with a token field; `this.asJson`: what the class's getter returns
      if (target.type === T.ThisExpression) return thisFieldNames(target).some(isBearerTokenName);
      return thisGetterValues(target).some((v) => isTokenValue(v, depth + 1));
    }

    function isTokenKey(key: Node): boolean {
      const value = resolveValue(file, key);
      if (value.kind === 'literal') return isBearerTokenName(value.text);
      // `${prefix}:token`: the known parts of a template
      const target = unwrap(key);
      if (target.type === T.TemplateLiteral) return target.quasis.some((q) => words(q.value.cooked ?? '').length > 0 && isBearerTokenName(q.value.cooked ?? ''));
      // An imported key constant: `ACCESS_TOKEN`, `TOKEN_KEY`, `STORAGE_KEYS.refreshToken`
      const name = nameOf(target);
      if (name === null || parameterOf(file, target)) return false;
      const w = [...words(name)];
      while (w.length > 1 && KEY_SUFFIX_WORDS.has(w[w.length - 1]!)) w.pop();
      return isBearerTokenName(w.join('_'));
    }

    function describe(key: Node | null, value: Node): string {
      const k = key ? resolveValue(file, key) : null;
      if (k?.kind === 'literal') return `under \`${k.text.length > 40 ? `${k.text.slice(0, 40)}…` : k.text}\``;
      if (key && isTokenKey(key)) return `under \`${context.sourceCode.getText(key).slice(0, 40)}\``;
      const text = context.sourceCode.getText(value);
      return `\`${text.length > 40 ? `${text.slice(0, 40)}…` : text}\``;
    }

    function check(report: Node, storage: string, key: Node | null, value: Node): void {
      if ((key && isTokenKey(key)) || isTokenValue(value)) {
        context.report({ node: report, messageId: 'tokenInStorage', data: { what: describe(key, value), storage: `\`${storage}\`` } });
        return;
      }
      checkHelperCalls(storage, key, value);
    }

    /** A storage helper (`function save(key, value) { localStorage.setItem(key, value) }`): judge each call in the file by what it passes. */
    function checkHelperCalls(storage: string, key: Node | null, value: Node): void {
      const keyParam = key ? parameterOf(file, key) : null;
      const valueParam = parameterOf(file, value);
      const fn = keyParam?.fn ?? valueParam?.fn;
      if (!fn || (keyParam && valueParam && keyParam.fn !== valueParam.fn)) return;
      // a factory of stores (`createStorage(key)` returning `{ set }`) is judged where its stores are made and used
      if (keyParam && fn.type !== T.TSDeclareFunction && fn.type !== T.TSEmptyBodyFunctionExpression && factoryWrites(file, fn).length) return;
      for (const call of callsOf(file, fn)) {
        const keyArg = keyParam ? call.arguments[keyParam.index] : key;
        const valueArg = valueParam ? call.arguments[valueParam.index] : value;
        if (!valueArg || valueArg.type === T.SpreadElement || keyArg?.type === T.SpreadElement) continue;
        if ((keyArg && isTokenKey(keyArg)) || isTokenValue(valueArg)) {
          context.report({ node: call, messageId: 'tokenInStorage', data: { what: describe(keyArg ?? null, valueArg), storage: `\`${storage}\`` } });
        }
      }
    }

    /** A storage wrapper another module of the project exports (`storage.set('token', t)`, `saveToken(t)`): judged by what this call passes. */
    function checkImportedWrapper(call: TSESTree.CallExpression): void {
      if (call.callee.type !== T.Identifier && call.callee.type !== T.MemberExpression) return;
      // Cheap first: a callee imported from a project module, whose text names web storage when the callee is a function
      // it defines (an object's method may come from a class defined elsewhere), then an argument that looks like a token.
      if (call.arguments.length === 0 || !isProjectImport(file, call.callee)) return;
      if (call.callee.type === T.Identifier && !importedModuleMayMention(file, call.callee, STORAGE_TEXT)) return;
      if (!call.arguments.some((a) => a.type !== T.SpreadElement && (isTokenKey(a) || isTokenValue(a)))) return;
      const imported = importedFunction(file, call.callee) ?? importedMethod(file, call.callee);
      if (!imported || imported.fn.type === T.TSDeclareFunction || imported.fn.type === T.TSEmptyBodyFunctionExpression) return;
      // a factory of stores is judged by checkFactory
      if (factoryWrites(imported.file, imported.fn).length) return;
      for (const w of wrapperWrites(imported.file, imported.fn)) {
        const keyArg = w.keyParam === null ? null : call.arguments[w.keyParam];
        const valueArg = w.valueParam === null ? null : call.arguments[w.valueParam];
        if (keyArg?.type === T.SpreadElement || valueArg?.type === T.SpreadElement) continue;
        const fixedKey = w.keyParam === null && w.key ? resolveValue(imported.file, w.key) : null;
        // A fixed token key (`setItem('auth_token', value)`) is reported in the wrapper itself: one finding.
        if (fixedKey?.kind === 'literal' && isBearerTokenName(fixedKey.text)) continue;
        if ((keyArg && isTokenKey(keyArg)) || (valueArg && isTokenValue(valueArg))) {
          const what = keyArg ? describe(keyArg, valueArg ?? keyArg) : describe(null, valueArg ?? call);
          context.report({ node: call, messageId: 'tokenInStorage', data: { what, storage: `\`${w.storage}\`` } });
          return;
        }
      }
    }

    /** The calls made on a store a factory call returns: `const s = f(k); s.set(v)`, `const { set } = f(k); set(v)`, `f(k).set(v)`. */
    function storeCalls(created: TSESTree.CallExpression): { method: string | null; call: TSESTree.CallExpression }[] {
      const out: { method: string | null; call: TSESTree.CallExpression }[] = [];
      const use = (id: Node, method: string | null): void => {
        const p = id.parent;
        if (method === null && p?.type === T.MemberExpression && p.object === id && p.parent?.type === T.CallExpression && p.parent.callee === p) out.push({ method: staticKey(p), call: p.parent });
        else if (p?.type === T.CallExpression && p.callee === id) out.push({ method, call: p });
      };
      use(created, null);
      const declarator = created.parent;
      if (declarator?.type !== T.VariableDeclarator || declarator.init !== created) return out;
      if (declarator.id.type === T.Identifier) {
        for (const ref of file.variableOf(declarator.id)?.references ?? []) use(ref.identifier, null);
      } else if (declarator.id.type === T.ObjectPattern) {
        for (const p of declarator.id.properties) {
          const local = p.type === T.Property ? (p.value.type === T.AssignmentPattern ? p.value.left : p.value) : null;
          if (p.type !== T.Property || local?.type !== T.Identifier) continue;
          for (const ref of file.variableOf(local)?.references ?? []) use(ref.identifier, staticKey(p));
        }
      }
      return out;
    }

    /**
     * A store factory (`createStorage(key)` returning `{ get, set }` over web storage), here or in another module:
     * created under a token key, one finding at the creation; else each store call that passes a token.
     */
    function checkFactory(call: TSESTree.CallExpression): void {
      if (call.callee.type !== T.Identifier && call.callee.type !== T.MemberExpression) return;
      // Cheap first: a factory of this file writes web storage only if the text names it; an imported one is a
      // project import (a function whose module names web storage).
      const local = writesStorageHere ? localFunction(file, call.callee) : null;
      if (!local) {
        if (!isProjectImport(file, call.callee)) return;
        if (call.callee.type === T.Identifier && !importedModuleMayMention(file, call.callee, STORAGE_TEXT)) return;
      }
      const keyed = call.arguments.find((a) => a.type !== T.SpreadElement && isTokenKey(a));
      const fed = keyed ? [] : storeCalls(call).filter((u) => u.call.arguments.some((a) => a.type !== T.SpreadElement && isTokenValue(a)));
      if (!keyed && fed.length === 0) return;
      const factory = local ? { file, fn: local } : importedFunction(file, call.callee);
      const writes = factory && factory.fn.type !== T.TSDeclareFunction && factory.fn.type !== T.TSEmptyBodyFunctionExpression ? factoryWrites(factory.file, factory.fn) : [];
      if (keyed) {
        const w = writes.find((x) => x.keyParam !== null && call.arguments[x.keyParam] === keyed);
        if (w) context.report({ node: call, messageId: 'tokenInStorage', data: { what: describe(keyed, keyed), storage: `\`${w.storage}\`` } });
        return;
      }
      for (const u of fed) {
        const w = writes.find((x) => x.method === u.method && x.valueParam !== null);
        const value = w ? u.call.arguments[w.valueParam!] : undefined;
        if (w && value && value.type !== T.SpreadElement && isTokenValue(value)) {
          context.report({ node: u.call, messageId: 'tokenInStorage', data: { what: describe(null, value), storage: `\`${w.storage}\`` } });
        }
      }
    }

    /** A state library persisting a store that holds a token (zustand `persist`). */
    function checkPersisted(call: TSESTree.CallExpression): boolean {
      const store = persistedStoreOf(file, call);
      if (!store) return false;
      const field = store.fields.find((f) => isBearerTokenName(f.key));
      if (field) {
        const what = `in the \`${field.key}\` field of the persisted store${store.name ? ` \`${store.name.slice(0, 40)}\`` : ''}`;
        context.report({ node: call, messageId: 'tokenInStorage', data: { what, storage: `\`${store.storage}\`` } });
      }
      return true;
    }

    return {
      CallExpression(call) {
        const write = storageWriteOf(file, call);
        if (write) {
          check(call, write.storage, write.key, write.value);
          return;
        }
        if (checkPersisted(call)) return;
        checkImportedWrapper(call);
        checkFactory(call);
      },
      AssignmentExpression(node) {
        if (node.operator !== '=' || node.left.type !== T.MemberExpression) return;
        const storage = storageName(node.left.object);
        if (!storage) return;
        const key = node.left.computed ? node.left.property : null;
        const name = staticKey(node.left);
        if (!node.left.computed && name !== null) {
          if (isBearerTokenName(name) || isTokenValue(node.right)) {
            context.report({ node, messageId: 'tokenInStorage', data: { what: `under \`${name}\``, storage: `\`${storage}\`` } });
          }
          return;
        }
        if (key) check(node, storage, key, node.right);
      },
    };
  },
});
