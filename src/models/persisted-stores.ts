/**
 * State libraries that persist a store to web storage: the whole state (or
 * the part a pick option returns) is written under the store's name. Data
 * only; `core/storage.ts` reads it.
 */

export interface PersistedStoreModel {
  /** How the library is named in messages. */
  readonly label: string;
  readonly module: string | readonly string[];
  /** The call that persists a store, as a module path (`persist` of `zustand/middleware`). */
  readonly path: readonly string[];
  /** The argument holding the state creator: a function whose returned object is the state (null: see `fieldsOption`). */
  readonly state: number | null;
  /** The option listing the persisted fields by name (`properties: ['token']`). */
  readonly fieldsOption?: string;
  /** The argument holding the options. */
  readonly options: number;
  /** The option naming the store (its storage key). */
  readonly nameOption: string;
  /** The option choosing the storage; when absent, `defaultStorage` is used (null: configured elsewhere, unknown). */
  readonly storageOption: string;
  readonly defaultStorage: string | null;
  /** The option selecting what is persisted: a function returning an object of the kept fields. */
  readonly pickOption?: string;
}

export const PERSISTED_STORES: readonly PersistedStoreModel[] = [
  // zustand: `create(persist((set) => ({ token: null, … }), { name: 'auth', partialize, storage: createJSONStorage(() => sessionStorage) }))`
  { label: 'zustand persist', module: ['zustand/middleware', 'zustand/esm/middleware'], path: ['persist'], state: 0, options: 1, nameOption: 'name', storageOption: 'storage', defaultStorage: 'localStorage', pickOption: 'partialize' },
  // MobX: `makePersistable(this, { name: 'AuthStore', properties: ['token'], storage: window.localStorage })`
  { label: 'mobx-persist-store', module: 'mobx-persist-store', path: ['makePersistable'], state: null, fieldsOption: 'properties', options: 1, nameOption: 'name', storageOption: 'storage', defaultStorage: null },
];

/** The modules of {@link PERSISTED_STORES}: a file that imports none of them persists no store this way. */
export const PERSISTED_STORE_MODULES: readonly string[] = PERSISTED_STORES.flatMap((m) => [m.module].flat());
