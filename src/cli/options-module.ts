/**
 * ESLint options module for parallel linting: ESLint imports this URL in the
 * main thread and in every worker, and the query string carries the CLI's
 * choices (`?cwd=…&level=…&project=…&concurrency=…`).
 */
import type { ESLint } from 'eslint';
import { eslintOptions, type Concurrency, type Level } from './engine.js';

const query = new URL(import.meta.url).searchParams;
const level = query.get('level');
const project = query.get('project');
const rawConcurrency = query.get('concurrency') ?? 'auto';
const concurrency: Concurrency = rawConcurrency === 'auto' || rawConcurrency === 'off' ? rawConcurrency : Number(rawConcurrency);

const options: ESLint.Options = {
  ...eslintOptions({
    cwd: query.get('cwd') ?? process.cwd(),
    level: level === 'strict' || level === 'all' ? (level as Level) : 'recommended',
    project: project !== null,
    asIs: project === 'as-is',
  }),
  concurrency,
};

export default options;
