/**
 * How far the project layer may look. A fact past any of these bounds is
 * unknown, and unknown never makes a finding.
 */
export const BOUNDS = {
  /** Largest source file read or parsed (bytes): bundles and generated code are left out. */
  fileBytes: 512 * 1024,
  /** Files whose text, parse and summary are kept at once (least recently used are dropped). */
  cachedFiles: 2000,
  /** Source files the project index lists (the reverse index of mounts and global guards). */
  indexFiles: 4000,
  /** Directory depth the project index descends below the project root. */
  indexDepth: 12,
  /** Entries read from one directory. */
  dirEntries: 2000,
  /** How long a directory listing and the project index are trusted before being listed again (ms). */
  listingTtlMs: 2000,
  /** Re-export hops (`export * from`, `export { x } from`) followed to find an export. */
  reexportDepth: 6,
  /** Mount hops followed upwards (router → the router that mounts it → the app). */
  mountDepth: 4,
  /** Directory levels walked up to find package.json / tsconfig.json. */
  levels: 32,
} as const;
