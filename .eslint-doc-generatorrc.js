/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  ignoreConfig: ['all'],
  ruleListSplit: 'meta.docs.category',
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'fixable', 'options'],
  urlConfigs: 'https://github.com/eslint-plugin-broken-auth/eslint-plugin-broken-auth#configs',
};
