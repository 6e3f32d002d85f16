import { ESLint } from 'eslint';
import plugin from '/work/main/dist/src/index.js';
const eslint = new ESLint({ cwd: '/work/main', overrideConfigFile: true, overrideConfig: [plugin.configs.all] });
const results = await eslint.lintFiles([process.argv[2] ?? 'fixtures']);
for (const r of results) for (const m of r.messages) console.log(r.filePath.replace('/work/main/',''), m.line, m.ruleId, m.message.slice(0, 140));
