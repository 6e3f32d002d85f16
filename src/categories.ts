/**
 * The detection categories of SPEC.md and the rule that reports each. The
 * fixture test, the bench and the CLI read this one table.
 */
export const CATEGORY_RULES = {
  'hardcoded-secret': 'no-hardcoded-secret',
  'plaintext-password': 'no-plaintext-password',
  'weak-password-hash': 'no-weak-password-hash',
  'cookie-flags': 'secure-cookie-flags',
  jwt: 'secure-jwt',
  'session-fixation': 'session-regenerate-on-login',
  'rate-limit': 'login-rate-limit',
  'insecure-randomness': 'no-insecure-token-randomness',
  'timing-unsafe-compare': 'timing-safe-compare',
  'client-token-storage': 'no-client-token-storage',
  'credential-logging': 'no-credential-logging',
} as const;

export type Category = keyof typeof CATEGORY_RULES;
export type RuleName = (typeof CATEGORY_RULES)[Category];

export const CATEGORIES = Object.keys(CATEGORY_RULES) as Category[];

export function categoryOfRule(rule: string): Category | undefined {
  const bare = rule.startsWith('broken-auth/') ? rule.slice('broken-auth/'.length) : rule;
  return CATEGORIES.find((c) => CATEGORY_RULES[c] === bare);
}
