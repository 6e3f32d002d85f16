/**
 * Does the module a model comes from hash passwords in a save hook? The
 * module (`import User from '../models/user'`) is resolved and parsed, and
 * the same core check as for the linted file decides.
 */
import type { FileFacts } from '../core/file.js';
import { hashesOnSave } from '../core/hooks.js';
import { moduleFile } from './exports.js';

/** True when the project module `specifier` (as written in `file`) registers a save hook that hashes; false when unknown. */
export function moduleHashesOnSave(file: FileFacts, specifier: string): boolean {
  const target = moduleFile(file, specifier);
  return !!target && hashesOnSave(target);
}
