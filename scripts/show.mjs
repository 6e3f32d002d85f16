// Prints what a rule reports on a snippet, with suggestion outputs: for writing rule tests.
// usage: node scripts/show.mjs <rule> <file.ext> <code>
import { Linter } from 'eslint';
import plugin from '../dist/src/index.js';
const [rule, filename, code, options] = process.argv.slice(2);
const linter = new Linter();
const config = { ...plugin.configs.all, files: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'], rules: { [`broken-auth/${rule}`]: options ? ['error', JSON.parse(options)] : 'error' } };
const messages = linter.verify(code, [config], filename);
for (const m of messages) {
  console.log(JSON.stringify({ messageId: m.messageId, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, message: m.message }));
  for (const s of m.suggestions ?? []) {
    const out = code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]);
    console.log('  suggestion', s.messageId, JSON.stringify(s.desc), '\n' + out);
  }
}
