/**
 * Every rule of the plugin. Add a rule here (one line) and it is in the
 * plugin, its configs (from `meta.docs.recommended`), the docs check, the
 * meta test and the fixture test.
 */
import noHardcodedSecret from './no-hardcoded-secret.js';

export const rules = {
  'no-hardcoded-secret': noHardcodedSecret,
};
