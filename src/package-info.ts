import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  name: string;
  version: string;
}

/** Our own package.json, found by walking up from this file (works from src/ and from dist/src/). */
function readOwnPackage(): PackageJson {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
      if (pkg.name === 'eslint-plugin-broken-auth') return pkg;
    } catch {
      // keep walking up
    }
    dir = path.dirname(dir);
  }
  return { name: 'eslint-plugin-broken-auth', version: '0.0.0' };
}

export const PACKAGE = readOwnPackage();
