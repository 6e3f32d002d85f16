#!/usr/bin/env node
// The `broken-auth` command: runs the built CLI (dist/src/cli.js) and exits with its code.
import { existsSync } from 'node:fs';

const debug = process.argv.includes('--debug');

function fail(error) {
  const text = error instanceof Error ? error.message : String(error);
  process.stderr.write(`broken-auth: ${text.split('\n')[0]}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(cli)) {
  // A copy installed from a git branch (not a release tag), or a checkout that was never compiled.
  process.stderr.write(
    'broken-auth: this copy of eslint-plugin-broken-auth has no built JavaScript (dist/): install it from the registry, a release tag (git URL #vX.Y.Z) or a packed tarball, or run `npm run compile` in a checkout\n',
  );
  process.exitCode = 2;
} else {
  import(cli.href).then(
    ({ main }) =>
      main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
      }, fail),
    fail,
  );
}
