import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/no-client-token-storage.js';
import { ruleTester } from '../rule-tester.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = path.join(ROOT, 'fixtures/projects/spa-storage/src/pages/account.ts');

ruleTester.run('no-client-token-storage', rule, {
  assertionOptions: { requireData: true, requireLocation: true },
  valid: [
    { name: 'LLM token counts and costs are not auth tokens', code: `localStorage.setItem('costTokensOnObservationTree', 'true');
localStorage.setItem('maxTokens', String(2048));` },
    {
      name: "non-auth values: theme, drafts, layout, tabs",
      filename: "Settings.tsx",
      code: `localStorage.setItem('theme', data.preferences.theme);
sessionStorage.setItem('profile_tab', tab);
sessionStorage.setItem(\`draft:\${id}\`, text);
localStorage.setItem('sidebar', collapsed ? 'collapsed' : 'open');
sessionStorage.setItem('lastRefresh', new Date().toISOString());
localStorage.layout = JSON.stringify(layout);
window.localStorage['lastVisited'] = path;`,
    },
    {
      name: "OAuth state, PKCE verifier, CSRF token and token metadata are not bearer tokens",
      code: `sessionStorage.setItem('oauth_state', state);
sessionStorage.setItem('pkce_code_verifier', verifier);
sessionStorage.setItem('nonce', nonce);
localStorage.setItem('csrfToken', csrf);
localStorage.setItem('tokenExpiresAt', String(expiresAt));
localStorage.setItem('token_type', 'Bearer');`,
    },
    {
      name: "reading tokens and removing them is fine",
      code: `const token = localStorage.getItem('token');
localStorage.removeItem('refresh_token');
sessionStorage.clear();`,
    },
    {
      name: "a shadowed storage or a look-alike object",
      code: `function save(localStorage) {
  localStorage.setItem('token', t);
}
const cache = new Map();
cache.setItem?.('token', t);
const sessionStorage = createMemoryStore();
sessionStorage.setItem('access_token', t);`,
    },
    {
      name: "a token kept in memory only",
      code: `let accessToken = null;
export function setAccessToken(token) {
  accessToken = token;
}`,
    },
    {
      name: "imported key constants about preferences",
      code: `import { THEME_KEY, STORAGE_KEYS } from './constants';
localStorage.setItem(THEME_KEY, theme);
localStorage.setItem(STORAGE_KEYS.sidebar, state);`,
    },
    {
      name: "a storage helper used only for preferences",
      code: `function save(key, value) {
  localStorage.setItem(key, JSON.stringify(value));
}
save('prefs', prefs);
save(\`draft:\${id}\`, text);`,
    },
    {
      name: "storage libraries with non-auth values",
      code: `import localforage from 'localforage';
import store from 'store2';
await localforage.setItem('drafts', drafts);
store.set('layout', layout);`,
    },
    {
      name: "test files are skipped by default",
      filename: "src/auth.spec.ts",
      code: `localStorage.setItem('token', 'test');`,
    },
    {
      name: "empty file",
      code: ``,
    },
    {
      name: "odd syntax does not crash",
      code: `localStorage.setItem(...args);
localStorage.setItem();
localStorage[key] = value;
localStorage.token += 'x';
const a = b; const b = a;
localStorage.setItem('x', a);
localStorage.setItem('x', { ...a, [k]: 1 });`,
    },
    {
      name: "project: a storage wrapper from another module called with non-auth values",
      filename: PAGE,
      code: `import { rememberDraft, storage } from '../lib/storage';
storage.set('theme', 'dark');
storage.set('user-name', user.name);
rememberDraft(text);`,
    },
    {
      name: "project: a wrapper with a fixed token key is reported in the wrapper, not at each call",
      filename: PAGE,
      code: `import { rememberSession } from '../lib/storage';
rememberSession(data.token);`,
    },
    {
      name: "project: an import that does not resolve is unknown",
      filename: PAGE,
      code: `import { storage } from '../lib/missing';
storage.set('token', data.token);`,
    },
    {
      name: "M12: storage factories and a storage class wrapper keeping preferences and drafts",
      filename: PAGE,
      code: `import createStorage from '../lib/createStorage';
import Storage from '../lib/Storage';
const themeStore = createStorage('theme');
themeStore.set(theme);
export const { get, set } = createStorage(\`drafts_\${version}\`);
set(text);
export class UiStore {
  private name = 'UI_STORE';
  sidebar = true;
  constructor() {
    autorun(() => Storage.set(this.name, this.asJson));
  }
  get asJson() {
    return { sidebar: this.sidebar, theme: this.theme };
  }
}`,
    },
    {
      name: "M12: a local storage factory for a preference, persisted stores without a token",
      code: `import { create } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';
function createStorage(key) {
  return { set: (value) => localStorage.setItem(key, JSON.stringify(value)) };
}
createStorage('layout').set(layout);
export const useSettings = create(persist((set) => ({ theme: 'light', locale: 'en', setTheme: (theme) => set({ theme }) }), { name: 'settings' }));
export const useAuth = create(persist((set) => ({ token: null, user: null, theme: 'light' }), {
  name: 'auth',
  partialize: (state) => ({ theme: state.theme }),
}));
export const useNative = create(persist((set) => ({ accessToken: null }), { name: 'auth', storage: createJSONStorage(() => AsyncStorage) }));`,
    },
    {
      name: "M12: a class store persisting itself without a token; mobx-persist-store with preferences or an unknown storage",
      code: `import { makePersistable } from 'mobx-persist-store';
export class UiStore {
  theme = 'light';
  sidebar = true;
  save() { localStorage.setItem('ui', JSON.stringify(this)); }
}
export class SettingsStore {
  locale = 'en';
  constructor() { makePersistable(this, { name: 'SettingsStore', properties: ['locale'], storage: window.localStorage }); }
}
export class NativeAuthStore {
  token = null;
  constructor() { makePersistable(this, { name: 'AuthStore', properties: ['token'], storage: AsyncStorage }); }
}`,
    },
  ],
  invalid: [
    {
      name: "project: a storage wrapper from another module stores the token",
      filename: PAGE,
      code: `import { storage } from '../lib/storage';
storage.set('token', data.token);`,
      errors: [
        { messageId: 'tokenInStorage', line: 2, column: 1, endLine: 2, endColumn: 33, data: { what: "under `token`", storage: "`localStorage`" } },
      ],
    },
    {
      name: "M12: a storage factory from another module created under a token key, or fed a token",
      filename: PAGE,
      code: `import createStorage from '../lib/createStorage';
export const { get, set, reset } = createStorage(\`app_token_\${version}\`);
const tokenStore = createStorage('token');
const userStore = createStorage('user');
userStore.set({ user, refreshToken: data.refreshToken });`,
      errors: [
        { messageId: 'tokenInStorage', line: 2, column: 36, endLine: 2, endColumn: 73, data: { what: "under ``app_token_${version}``", storage: "`localStorage`" } },
        { messageId: 'tokenInStorage', line: 3, column: 20, endLine: 3, endColumn: 42, data: { what: "under `token`", storage: "`localStorage`" } },
        { messageId: 'tokenInStorage', line: 5, column: 1, endLine: 5, endColumn: 57, data: { what: "`{ user, refreshToken: data.refreshToken …`", storage: "`localStorage`" } },
      ],
    },
    {
      name: "M12: a store class persisting itself through a storage class instance from another module",
      filename: PAGE,
      code: `import Storage from '../lib/Storage';
export class AuthStore {
  private name = 'AUTH_STORE';
  user = null;
  collaborationToken: string | null = null;
  constructor() {
    autorun(() => {
      Storage.set(this.name, this.asJson);
    });
  }
  get asJson() {
    return { user: this.user, collaborationToken: this.collaborationToken };
  }
}`,
      errors: [
        { messageId: 'tokenInStorage', line: 8, column: 7, endLine: 8, endColumn: 42, data: { what: "`this.asJson`", storage: "`sessionStorage`" } },
      ],
    },
    {
      name: "M12: a local storage factory, and a zustand store persisted with its token",
      code: `import { create } from 'zustand';
import { persist } from 'zustand/middleware';
const createStorage = (key) => ({ set: (value) => window.localStorage.setItem(key, JSON.stringify(value)) });
const session = createStorage('jwt');
session.set(s);
export const useAuthStore = create(
  persist(
    (set) => ({ accessToken: null, user: null, setAccessToken: (accessToken) => set({ accessToken }) }),
    { name: 'auth-storage' },
  ),
);`,
      errors: [
        { messageId: 'tokenInStorage', line: 4, column: 17, endLine: 4, endColumn: 37, data: { what: "under `jwt`", storage: "`localStorage`" } },
        { messageId: 'tokenInStorage', line: 7, column: 3, endLine: 10, endColumn: 4, data: { what: "in the `accessToken` field of the persisted store `auth-storage`", storage: "`localStorage`" } },
      ],
    },
    {
      name: "M12: a MobX class store that writes itself to localStorage, and one persisted by mobx-persist-store",
      code: `import { makeAutoObservable, toJS } from 'mobx';
import { makePersistable } from 'mobx-persist-store';
export class AuthStore {
  accessToken: string | null = null;
  user = null;
  constructor() { makeAutoObservable(this); }
  setAccessToken(token: string) {
    this.accessToken = token;
    this.persist();
  }
  persist() { localStorage.setItem('auth', JSON.stringify(toJS(this))); }
}
export class SessionStore {
  refreshToken = '';
  constructor() {
    makePersistable(this, { name: 'SessionStore', properties: ['refreshToken'], storage: window.localStorage });
  }
}`,
      errors: [
        { messageId: 'tokenInStorage', line: 11, column: 15, endLine: 11, endColumn: 71, data: { what: "under `auth`", storage: "`localStorage`" } },
        { messageId: 'tokenInStorage', line: 16, column: 5, endLine: 16, endColumn: 112, data: { what: "in the `refreshToken` field of the persisted store `SessionStore`", storage: "`localStorage`" } },
      ],
    },
    {
      name: "login response token in a React component",
      filename: "Login.jsx",
      code: `export default function Login() {
  async function submit() {
    const res = await fetch('/api/login', { method: 'POST' });
    const data = await res.json();
    localStorage.setItem('token', data.token);
  }
  return <form onSubmit={submit} />;
}`,
      errors: [
        {
          messageId: 'tokenInStorage', line: 5, column: 5, endLine: 5, endColumn: 46,
          data: { what: "under `token`", storage: "`localStorage`" },
        },
      ],
    },
    {
      name: "id token prop in an effect",
      filename: "Profile.tsx",
      code: `useEffect(() => {
  localStorage.setItem('id_token', idToken);
}, [idToken]);`,
      errors: [
        {
          messageId: 'tokenInStorage', line: 2, column: 3, endLine: 2, endColumn: 44,
          data: { what: "under `id_token`", storage: "`localStorage`" },
        },
      ],
    },
    {
      name: "axios refresh wrapper, sessionStorage",
      code: `import axios from 'axios';
export async function refresh() {
  const { data } = await axios.post('/api/refresh');
  sessionStorage.setItem('accessToken', data.accessToken);
}`,
      errors: [
        {
          messageId: 'tokenInStorage', line: 4, column: 3, endLine: 4, endColumn: 58,
          data: { what: "under `accessToken`", storage: "`sessionStorage`" },
        },
      ],
    },
    {
      name: "by value origin under a neutral key, JSON.stringify({ token })",
      code: `window.sessionStorage.setItem('auth', JSON.stringify({ token: tokens.accessToken }));
localStorage.setItem('app', JSON.stringify({ user, refreshToken }));
localStorage.setItem('k', data.access_token);`,
      errors: [
        {
          messageId: 'tokenInStorage', line: 1, column: 1, endLine: 1, endColumn: 85,
          data: { what: "under `auth`", storage: "`sessionStorage`" },
        },
        {
          messageId: 'tokenInStorage', line: 2, column: 1, endLine: 2, endColumn: 68,
          data: { what: "under `app`", storage: "`localStorage`" },
        },
        {
          messageId: 'tokenInStorage', line: 3, column: 1, endLine: 3, endColumn: 45,
          data: { what: "under `k`", storage: "`localStorage`" },
        },
      ],
    },
    {
      name: "property and bracket assignment, window.localStorage",
      code: `localStorage.token = res.data.token;
localStorage['refresh_token'] = tokens.refresh;
window.localStorage.jwt = jwt;
globalThis.sessionStorage.sessionId = id;`,
      errors: [
        {
          messageId: 'tokenInStorage', line: 1, column: 1, endLine: 1, endColumn: 36,
          data: { what: "under `token`", storage: "`localStorage`" },
        },
        {
          messageId: 'tokenInStorage', line: 2, column: 1, endLine: 2, endColumn: 47,
          data: { what: "under `refresh_token`", storage: "`localStorage`" },
        },
        {
          messageId: 'tokenInStorage', line: 3, column: 1, endLine: 3, endColumn: 30,
          data: { what: "under `jwt`", storage: "`localStorage`" },
        },
        {
          messageId: 'tokenInStorage', line: 4, column: 1, endLine: 4, endColumn: 41,
          data: { what: "under `sessionId`", storage: "`sessionStorage`" },
        },
      ],
    },
    {
      name: "a storage through a binding and a key constant",
      code: `const TOKEN_KEY = 'app.token';
const storage = remember ? localStorage : sessionStorage;
storage.setItem(TOKEN_KEY, value);`,
      errors: [
        {
          messageId: 'tokenInStorage', line: 3, column: 1, endLine: 3, endColumn: 34,
          data: { what: "under `app.token`", storage: "`localStorage`" },
        },
      ],
    },
    {
      name: "an API key and a sessionStorage session id",
      code: `localStorage.setItem('apiKey', form.apiKey.value);
sessionStorage.setItem('sessionId', session.id);`,
      errors: [
        {
          messageId: 'tokenInStorage', line: 1, column: 1, endLine: 1, endColumn: 50,
          data: { what: "under `apiKey`", storage: "`localStorage`" },
        },
        {
          messageId: 'tokenInStorage', line: 2, column: 1, endLine: 2, endColumn: 48,
          data: { what: "under `sessionId`", storage: "`sessionStorage`" },
        },
      ],
    },
    {
      name: "storage helpers are judged at each call",
      code: `function save(key, value) {
  localStorage.setItem(key, JSON.stringify(value));
}
save('token', data.token);
save('prefs', prefs);
export const storage = {
  set(key, value) { window.localStorage.setItem(key, value); },
};
storage.set('refreshToken', r);
storage.set('theme', t);
const persist = (value) => sessionStorage.setItem('user', value);
persist(data.accessToken);
persist(user.name);`,
      errors: [
        {
          messageId: 'tokenInStorage', line: 4, column: 1, endLine: 4, endColumn: 26,
          data: { what: "under `token`", storage: "`localStorage`" },
        },
        {
          messageId: 'tokenInStorage', line: 9, column: 1, endLine: 9, endColumn: 31,
          data: { what: "under `refreshToken`", storage: "`localStorage`" },
        },
        {
          messageId: 'tokenInStorage', line: 12, column: 1, endLine: 12, endColumn: 26,
          data: { what: "under `user`", storage: "`sessionStorage`" },
        },
      ],
    },
    {
      name: "imported key constants named after a token",
      code: `import { ACCESS_TOKEN, TOKEN_KEY, STORAGE_KEYS } from './constants';
localStorage.setItem(ACCESS_TOKEN, res.data);
localStorage.setItem(TOKEN_KEY, res.data);
localStorage.setItem(STORAGE_KEYS.refreshToken, payload);`,
      errors: [
        {
          messageId: 'tokenInStorage', line: 2, column: 1, endLine: 2, endColumn: 45,
          data: { what: "under `ACCESS_TOKEN`", storage: "`localStorage`" },
        },
        {
          messageId: 'tokenInStorage', line: 3, column: 1, endLine: 3, endColumn: 42,
          data: { what: "under `TOKEN_KEY`", storage: "`localStorage`" },
        },
        {
          messageId: 'tokenInStorage', line: 4, column: 1, endLine: 4, endColumn: 57,
          data: { what: "under `STORAGE_KEYS.refreshToken`", storage: "`localStorage`" },
        },
      ],
    },
    {
      name: "localforage and store2",
      code: `import localforage from 'localforage';
import store from 'store2';
await localforage.setItem('jwt', token);
store.set('refresh_token', tokens.refresh);`,
      errors: [
        {
          messageId: 'tokenInStorage', line: 3, column: 7, endLine: 3, endColumn: 40,
          data: { what: "under `jwt`", storage: "`localforage`" },
        },
        {
          messageId: 'tokenInStorage', line: 4, column: 1, endLine: 4, endColumn: 43,
          data: { what: "under `refresh_token`", storage: "`store2`" },
        },
      ],
    },
    {
      name: "checkTestFiles reports in test files",
      filename: "src/auth.spec.ts",
      options: [{"checkTestFiles":true}],
      code: `localStorage.setItem('token', t);`,
      errors: [
        {
          messageId: 'tokenInStorage', line: 1, column: 1, endLine: 1, endColumn: 33,
          data: { what: "under `token`", storage: "`localStorage`" },
        },
      ],
    },
  ],
});
