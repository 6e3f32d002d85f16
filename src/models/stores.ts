/**
 * Where applications keep user records, and how each store is queried and
 * written: which methods take a filter and which take the data, under which
 * option keys, and how to fix a plaintext password for that store. Data
 * only; `no-plaintext-password` reads it.
 */

export type StoreFamily = 'mongoose' | 'sequelize' | 'prisma' | 'typeorm' | 'knex' | 'sql' | 'memory' | 'lowdb' | 'generic';

export interface StoreInfo {
  /** How the store is named in messages: "the MongoDB collection (mongoose)". */
  readonly label: string;
  /** Modules whose import says the file uses this store. */
  readonly modules: readonly string[];
  /** The fix for this store, as message text. */
  readonly fix: string;
}

const COMPARE = 'look the user up by e-mail/username only and check with `await bcrypt.compare(password, user.passwordHash)` (or `argon2.verify`)';

export const STORES: Readonly<Record<StoreFamily, StoreInfo>> = {
  mongoose: {
    label: 'the MongoDB collection (mongoose)',
    modules: ['mongoose', 'mongodb'],
    fix: `Hash it in the schema's \`pre('save')\` hook (\`this.password = await bcrypt.hash(this.password, 12)\`, or argon2id), ${COMPARE}.`,
  },
  sequelize: {
    label: 'the database table (sequelize)',
    modules: ['sequelize', 'sequelize-typescript'],
    fix: `Hash it in a \`beforeCreate\`/\`beforeUpdate\` hook (\`user.password = await bcrypt.hash(user.password, 12)\`, or argon2id), ${COMPARE}.`,
  },
  prisma: {
    label: 'the database (Prisma)',
    modules: ['@prisma/client'],
    fix: `Store \`passwordHash: await bcrypt.hash(password, 12)\` (or \`await argon2.hash(password)\`) in \`data\`, ${COMPARE}.`,
  },
  typeorm: {
    label: 'the database table (TypeORM)',
    modules: ['typeorm', '@nestjs/typeorm', '@mikro-orm/core'],
    fix: `Hash it before \`save\` (\`await bcrypt.hash(password, 12)\` or argon2id, e.g. in a \`@BeforeInsert()\` method), ${COMPARE}.`,
  },
  knex: {
    label: 'the database table (knex)',
    modules: ['knex', 'kysely', 'drizzle-orm'],
    fix: `Insert \`password_hash: await bcrypt.hash(password, 12)\` (or argon2id) instead, ${COMPARE}.`,
  },
  sql: {
    label: 'the SQL table',
    modules: ['pg', 'pg-promise', 'postgres', 'mysql', 'mysql2', 'mysql2/promise', 'sqlite', 'sqlite3', 'better-sqlite3', '@vercel/postgres', 'mssql', 'oracledb'],
    fix: 'Store `await bcrypt.hash(password, 12)` (or argon2id) in a `password_hash` column, select the row by e-mail/username only and check with `await bcrypt.compare(password, row.password_hash)`.',
  },
  memory: {
    label: 'the user table in memory',
    modules: [],
    fix: 'Keep only a hash (`await bcrypt.hash(password, 12)`, argon2id, or scrypt with a random salt) and check with `bcrypt.compare` / `argon2.verify` / `crypto.timingSafeEqual` on the scrypt output.',
  },
  lowdb: {
    label: 'the JSON database (lowdb)',
    modules: ['lowdb', 'lowdb/node', 'node-json-db', 'nedb', '@seald-io/nedb'],
    fix: `Write \`passwordHash: await bcrypt.hash(password, 12)\` (or argon2id) instead of the password, ${COMPARE}.`,
  },
  generic: {
    label: 'the user store',
    modules: [],
    fix: `Store only a slow salted hash (\`await bcrypt.hash(password, 12)\` with cost ≥ 10, argon2id, or scrypt with a random salt), ${COMPARE}.`,
  },
};

/** What a method does with its arguments. */
export type StoreRole = 'filter' | 'data';

export interface StoreMethod {
  readonly method: string;
  /** Argument index → its role. */
  readonly args: readonly { readonly arg: number; readonly role: StoreRole }[];
  /** The store this method name points to when nothing else tells (`findFirst` → prisma). */
  readonly hint?: StoreFamily;
}

const q = (method: string, hint?: StoreFamily): StoreMethod => ({ method, args: [{ arg: 0, role: 'filter' }], hint });
const w = (method: string, hint?: StoreFamily): StoreMethod => ({ method, args: [{ arg: 0, role: 'data' }], hint });
const upd = (method: string, hint?: StoreFamily): StoreMethod => ({ method, args: [{ arg: 0, role: 'filter' }, { arg: 1, role: 'data' }], hint });

/** ORM / ODM / query-builder methods, by name (mongoose, sequelize, prisma, typeorm, knex, lowdb). */
export const STORE_METHODS: readonly StoreMethod[] = [
  q('findOne'), q('find'), q('findAll', 'sequelize'), q('findFirst', 'prisma'), q('findFirstOrThrow', 'prisma'),
  q('findUnique', 'prisma'), q('findUniqueOrThrow', 'prisma'), q('findMany', 'prisma'), q('findOneBy', 'typeorm'),
  q('findBy', 'typeorm'), q('findOneByOrFail', 'typeorm'), q('findOneOrFail', 'typeorm'), q('exists'), q('count'),
  q('countDocuments', 'mongoose'), q('where', 'knex'), q('andWhere', 'knex'), q('orWhere', 'knex'), q('deleteOne'),
  w('create'), w('insert'), w('insertOne', 'mongoose'), w('insertMany', 'mongoose'), w('bulkCreate', 'sequelize'),
  w('build', 'sequelize'), w('save'), w('createMany', 'prisma'), w('upsert'),
  upd('updateOne', 'mongoose'), upd('updateMany'), upd('replaceOne', 'mongoose'), upd('findOneAndUpdate', 'mongoose'),
  upd('findByIdAndUpdate', 'mongoose'), upd('findOneAndReplace', 'mongoose'), upd('findOrCreate', 'sequelize'),
  { method: 'update', args: [{ arg: 0, role: 'data' }, { arg: 1, role: 'data' }] },
];

/** Keys inside a filter argument that hold the real filter (sequelize/prisma/typeorm `where`, mongo `$and`). */
export const FILTER_KEYS: ReadonlySet<string> = new Set(['where', '$and', '$or', 'filter']);
/** Keys inside a data argument that hold the record (prisma `data`/`create`/`update`, mongo `$set`, sequelize `defaults`). */
export const DATA_KEYS: ReadonlySet<string> = new Set(['data', 'create', 'update', '$set', '$setOnInsert', 'defaults', 'values', 'set']);

/** Calls that send a SQL string (pg, mysql2, sqlite, better-sqlite3, pg-promise, sequelize.query, prisma raw, knex.raw). */
export const SQL_METHODS: ReadonlySet<string> = new Set([
  'query', 'execute', 'run', 'get', 'all', 'each', 'exec', 'prepare', 'raw', 'unsafe', 'many', 'one', 'oneOrNone',
  'manyOrNone', 'any', 'none', 'result', 'whereRaw', 'andWhereRaw', 'orWhereRaw', 'where', 'andWhere', 'orWhere',
  '$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe', 'sql',
]);

/** Methods that run a prepared statement: the SQL is in `prepare(sql)`, the values in this call. */
export const PREPARED_RUN: ReadonlySet<string> = new Set(['run', 'get', 'all', 'iterate', 'execute', 'bind']);

/** Modules whose `create`/`update` calls go to an identity provider or an HTTP API that hashes for you. */
export const NOT_STORES: ReadonlySet<string> = new Set([
  'axios', 'got', 'ky', 'superagent', 'node-fetch', 'firebase-admin', 'firebase/auth', '@supabase/supabase-js',
  'auth0', '@clerk/clerk-sdk-node', '@clerk/backend', '@clerk/nextjs', 'keycloak-admin', '@keycloak/keycloak-admin-client',
  'better-auth', 'lucia', 'next-auth', '@auth/core', 'supertest', 'react-hook-form', 'formik', 'yup', 'zod', 'joi',
]);

/** Receiver names that are never a store (`res.create`, `form.update`, `api.users.create`). */
export const NOT_STORE_NAMES: ReadonlySet<string> = new Set([
  'res', 'response', 'reply', 'form', 'api', 'client', 'http', 'fetch', 'axios', 'auth', 'Object', 'Array', 'JSON',
  'Promise', 'Reflect', 'Map', 'Set', 'document', 'window', 'navigator', 'router', 'app', 'schema', 'z', 'yup', 'Joi',
  'supabase', 'firebase', 'admin', 'clerk', 'auth0', 'signIn', 'signUp', 'request', 'req', 'ctx', 'c', 'cy', 'page', 'test',
]);

/** Names of in-memory user tables: `users`, `USERS`, `accounts`, `userStore`, `usersByEmail`, `credentials`. */
const TABLE_WORDS = new Set(['users', 'accounts', 'members', 'credentials', 'passwords', 'logins', 'customers', 'admins', 'userdb', 'people']);
const RECORD_WORDS = new Set(['user', 'account', 'member', 'credential', 'login', 'customer', 'admin', 'password']);
const CONTAINER_WORDS = new Set(['store', 'map', 'db', 'table', 'list', 'registry', 'repo', 'cache', 'by', 'index', 'database', 'data']);

export function isUserTableName(words: readonly string[]): boolean {
  if (words.some((x) => TABLE_WORDS.has(x))) return true;
  return words.some((x) => RECORD_WORDS.has(x)) && words.some((x) => CONTAINER_WORDS.has(x));
}
