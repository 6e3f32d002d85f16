#!/usr/bin/env node
// The `broken-auth` command: runs the built CLI (dist/src/cli.js) and exits with its code.
const debug = process.argv.includes('--debug');

function fail(error) {
  const text = error instanceof Error ? error.message : String(error);
  process.stderr.write(`broken-auth: ${text.split('\n')[0]}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}

import('../dist/src/cli.js').then(
  ({ main }) =>
    main(process.argv.slice(2)).then((code) => {
      process.exitCode = code;
    }, fail),
  fail,
);
