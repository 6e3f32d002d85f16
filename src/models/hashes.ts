/**
 * Hash and key-derivation APIs, and where their cost parameters and salts
 * sit. Data only: `no-weak-password-hash` checks the cost and salt slots,
 * `no-plaintext-password` treats any value these produce as hashed.
 */

/**
 * - `fast`: a general-purpose digest (md5, sha*), unsuitable for passwords at any setting.
 * - `bcrypt`, `pbkdf2`, `scrypt`, `argon2`: slow, salted password hashes, weak only with a low cost or a constant salt.
 */
export type HashKind = 'fast' | 'bcrypt' | 'pbkdf2' | 'scrypt' | 'argon2';

/** A numeric work factor: argument index, optionally an option path inside it, and the smallest acceptable value. */
export interface CostSlot {
  readonly arg: number;
  /** Option paths inside the argument, first found wins (`{ N }` or `{ cost }` for scrypt). */
  readonly options?: readonly (readonly string[])[];
  /** What the number is called in messages: "cost", "iterations", "N". */
  readonly label: string;
  readonly min: number;
  /** The value to propose in a suggestion. */
  readonly recommended: number;
  /** What the library uses when the call does not set it (only for libraries whose default is weak). */
  readonly default?: number;
}

/** Where the salt goes: argument index, optionally an option path inside it. */
export interface SaltSlot {
  readonly arg: number;
  readonly option?: readonly string[];
}

export interface HashApi {
  readonly kind: HashKind;
  /** Display name used in messages: "crypto.createHash", "bcrypt.hash". */
  readonly label: string;
  readonly module: string | readonly string[];
  readonly path: readonly string[];
  /** The argument holding the data (the password); absent when data arrives by `.update()`. */
  readonly data?: number;
  /** Data is fed by `.update(x)` calls on the returned object (`createHash(alg).update(pw).digest()`). */
  readonly update?: boolean;
  /** The algorithm: fixed, or the index of the argument that names it. */
  readonly algorithm?: string;
  readonly algorithmArg?: number;
  readonly cost?: CostSlot;
  readonly salt?: SaltSlot;
  /** For bcrypt: a string in the cost position is a salt (`$2b$08$…`) whose cost is parsed from it. */
  readonly saltInCost?: boolean;
}

const BCRYPT = ['bcrypt', 'bcryptjs', 'bcrypt-nodejs', 'bcrypt-ts'] as const;
const ARGON2 = ['argon2', '@node-rs/argon2', 'argon2-browser'] as const;
const BCRYPT_COST: CostSlot = { arg: 1, label: 'cost (salt rounds)', min: 10, recommended: 12 };
const BCRYPT_SALT_COST: CostSlot = { arg: 0, label: 'cost (salt rounds)', min: 10, recommended: 12 };
const PBKDF2_ITERATIONS: CostSlot = { arg: 2, label: 'iterations', min: 100_000, recommended: 600_000 };
const SCRYPT_COST: CostSlot = { arg: 3, options: [['N'], ['cost']], label: 'cost N', min: 16_384, recommended: 131_072 };

const fast = (module: string | readonly string[], path: readonly string[], algorithm: string, label: string, data = 0): HashApi => ({
  kind: 'fast',
  label,
  module,
  path,
  data,
  algorithm,
});

export const HASH_APIS: readonly HashApi[] = [
  // node:crypto
  { kind: 'fast', label: 'crypto.createHash', module: 'crypto', path: ['createHash'], update: true, algorithmArg: 0 },
  { kind: 'fast', label: 'crypto.createHmac', module: 'crypto', path: ['createHmac'], update: true, algorithmArg: 0 },
  { kind: 'fast', label: 'crypto.hash', module: 'crypto', path: ['hash'], data: 1, algorithmArg: 0 },
  { kind: 'fast', label: 'crypto.subtle.digest', module: 'crypto', path: ['subtle', 'digest'], data: 1, algorithmArg: 0 },
  { kind: 'fast', label: 'crypto.subtle.digest', module: 'crypto', path: ['webcrypto', 'subtle', 'digest'], data: 1, algorithmArg: 0 },
  { kind: 'pbkdf2', label: 'crypto.pbkdf2', module: 'crypto', path: ['pbkdf2'], data: 0, salt: { arg: 1 }, cost: PBKDF2_ITERATIONS },
  { kind: 'pbkdf2', label: 'crypto.pbkdf2Sync', module: 'crypto', path: ['pbkdf2Sync'], data: 0, salt: { arg: 1 }, cost: PBKDF2_ITERATIONS },
  { kind: 'scrypt', label: 'crypto.scrypt', module: 'crypto', path: ['scrypt'], data: 0, salt: { arg: 1 }, cost: SCRYPT_COST },
  { kind: 'scrypt', label: 'crypto.scryptSync', module: 'crypto', path: ['scryptSync'], data: 0, salt: { arg: 1 }, cost: SCRYPT_COST },
  // bcrypt, bcryptjs
  { kind: 'bcrypt', label: 'bcrypt.hash', module: BCRYPT, path: ['hash'], data: 0, cost: BCRYPT_COST, saltInCost: true },
  { kind: 'bcrypt', label: 'bcrypt.hashSync', module: BCRYPT, path: ['hashSync'], data: 0, cost: BCRYPT_COST, saltInCost: true },
  { kind: 'bcrypt', label: 'bcrypt.genSalt', module: BCRYPT, path: ['genSalt'], cost: BCRYPT_SALT_COST },
  { kind: 'bcrypt', label: 'bcrypt.genSaltSync', module: BCRYPT, path: ['genSaltSync'], cost: BCRYPT_SALT_COST },
  { kind: 'bcrypt', label: 'bcrypt.hash', module: BCRYPT, path: ['default', 'hash'], data: 0, cost: BCRYPT_COST, saltInCost: true },
  { kind: 'bcrypt', label: 'bcrypt.genSalt', module: BCRYPT, path: ['default', 'genSalt'], cost: BCRYPT_SALT_COST },
  // argon2
  { kind: 'argon2', label: 'argon2.hash', module: ARGON2, path: ['hash'], data: 0, salt: { arg: 1, option: ['salt'] } },
  { kind: 'argon2', label: 'argon2.hash', module: ARGON2, path: ['default', 'hash'], data: 0, salt: { arg: 1, option: ['salt'] } },
  { kind: 'argon2', label: 'argon2.hashRaw', module: ARGON2, path: ['hashRaw'], data: 0, salt: { arg: 1, option: ['salt'] } },
  // crypto-js (namespace and deep imports)
  fast('crypto-js', ['MD5'], 'md5', 'CryptoJS.MD5'),
  fast('crypto-js', ['SHA1'], 'sha1', 'CryptoJS.SHA1'),
  fast('crypto-js', ['SHA224'], 'sha224', 'CryptoJS.SHA224'),
  fast('crypto-js', ['SHA256'], 'sha256', 'CryptoJS.SHA256'),
  fast('crypto-js', ['SHA384'], 'sha384', 'CryptoJS.SHA384'),
  fast('crypto-js', ['SHA512'], 'sha512', 'CryptoJS.SHA512'),
  fast('crypto-js', ['SHA3'], 'sha3', 'CryptoJS.SHA3'),
  fast('crypto-js', ['RIPEMD160'], 'ripemd160', 'CryptoJS.RIPEMD160'),
  fast('crypto-js', ['HmacMD5'], 'hmac-md5', 'CryptoJS.HmacMD5'),
  fast('crypto-js', ['HmacSHA1'], 'hmac-sha1', 'CryptoJS.HmacSHA1'),
  fast('crypto-js', ['HmacSHA256'], 'hmac-sha256', 'CryptoJS.HmacSHA256'),
  fast('crypto-js', ['HmacSHA512'], 'hmac-sha512', 'CryptoJS.HmacSHA512'),
  fast('crypto-js/md5', [], 'md5', 'crypto-js/md5'),
  fast('crypto-js/sha1', [], 'sha1', 'crypto-js/sha1'),
  fast('crypto-js/sha256', [], 'sha256', 'crypto-js/sha256'),
  fast('crypto-js/sha512', [], 'sha512', 'crypto-js/sha512'),
  fast('crypto-js/sha3', [], 'sha3', 'crypto-js/sha3'),
  fast('crypto-js/hmac-sha256', [], 'hmac-sha256', 'crypto-js/hmac-sha256'),
  { kind: 'pbkdf2', label: 'CryptoJS.PBKDF2', module: 'crypto-js', path: ['PBKDF2'], data: 0, salt: { arg: 1 }, cost: { arg: 2, options: [['iterations']], label: 'iterations', min: 100_000, recommended: 600_000 } },
  { kind: 'pbkdf2', label: 'crypto-js/pbkdf2', module: 'crypto-js/pbkdf2', path: [], data: 0, salt: { arg: 1 }, cost: { arg: 2, options: [['iterations']], label: 'iterations', min: 100_000, recommended: 600_000 } },
  // pbkdf2-password: `require('pbkdf2-password')(options)` builds the hasher; `iterations` defaults to 10,000
  // (and `digest` to sha1) in the factory options; the hasher takes `{ password, salt }` per call.
  { kind: 'pbkdf2', label: 'pbkdf2-password', module: 'pbkdf2-password', path: [], cost: { arg: 0, options: [['iterations']], label: 'iterations', min: 100_000, recommended: 600_000, default: 10_000 } },
  { kind: 'pbkdf2', label: 'pbkdf2-password hasher', module: 'pbkdf2-password', path: ['()'], salt: { arg: 0, option: ['salt'] } },
  // single-purpose digest packages
  fast(['md5', 'blueimp-md5', 'js-md5', 'md5-hex', 'crypto-md5'], [], 'md5', 'md5()'),
  fast(['js-md5'], ['hex'], 'md5', 'md5.hex()'),
  fast(['sha1', 'js-sha1', 'sha1-hex'], [], 'sha1', 'sha1()'),
  fast(['js-sha1'], ['hex'], 'sha1', 'sha1.hex()'),
  fast('js-sha256', [], 'sha256', 'sha256()'),
  fast('js-sha256', ['sha256'], 'sha256', 'sha256()'),
  fast('js-sha256', ['hex'], 'sha256', 'sha256.hex()'),
  fast('js-sha256', ['sha256', 'hex'], 'sha256', 'sha256.hex()'),
  fast('js-sha256', ['sha224'], 'sha224', 'sha224()'),
  fast('js-sha512', [], 'sha512', 'sha512()'),
  fast('js-sha512', ['sha512'], 'sha512', 'sha512()'),
  fast('js-sha512', ['sha512', 'hex'], 'sha512', 'sha512.hex()'),
  fast(['@noble/hashes/sha256', '@noble/hashes/sha2'], ['sha256'], 'sha256', 'sha256()'),
  fast(['@noble/hashes/sha512', '@noble/hashes/sha2'], ['sha512'], 'sha512', 'sha512()'),
  fast(['@noble/hashes/sha1', '@noble/hashes/legacy'], ['sha1'], 'sha1', 'sha1()'),
];

/** Name words of local helpers that hash (`hashPassword`, `encryptPassword`, `bcryptHash`): their result counts as hashed. */
export const HASHING_HELPER_WORDS: ReadonlySet<string> = new Set([
  'hash', 'hashed', 'hashes', 'digest', 'encrypt', 'encrypted', 'crypt', 'bcrypt', 'argon2', 'argon', 'scrypt', 'pbkdf2', 'derive', 'kdf',
  // fast digests (`md5(password + salt)`): hashed, if weakly, which is weak-password-hash's finding, not a plaintext one
  'md5', 'sha1', 'sha256', 'sha512', 'hmac',
]);

/** Verify functions: their use is the right way to check a password (named in messages). */
export const VERIFY_FIX = {
  bcrypt: '`await bcrypt.hash(password, 12)` to store and `await bcrypt.compare(password, hash)` to check',
  argon2: '`await argon2.hash(password)` (argon2id by default) to store and `await argon2.verify(hash, password)` to check',
  scrypt: '`crypto.scrypt(password, randomBytes(16), 64)` with the salt stored beside the hash, checked with `crypto.timingSafeEqual`',
} as const;

/** The fix for any weak password hash, as message text. */
export const PASSWORD_HASH_FIX =
  `Hash passwords with a slow, salted hash: bcrypt (${VERIFY_FIX.bcrypt}), argon2id (${VERIFY_FIX.argon2}) or scrypt with a random salt.`;
