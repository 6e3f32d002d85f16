/** Moved to the project layer (src/project/packages.ts), the only code that reads other files. */
export { declaredRange, lowestVersion, rangeAtLeast } from '../project/packages.js';
