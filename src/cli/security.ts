/**
 * What code scanning shows for each rule: a `security-severity` (a CVSS-like
 * score from 0.0 to 10.0 that GitHub maps to critical/high/medium/low) and
 * the weaknesses it finds as CWE tags, in CodeQL's form
 * (`external/cwe/cwe-798`). The scores follow CodeQL's JavaScript queries for
 * the same weakness where one exists.
 */
import type { RuleName } from '../categories.js';

export interface RuleSecurity {
  /** `security-severity`, one decimal. */
  readonly severity: string;
  /** CWE numbers, the main weakness first. */
  readonly cwe: readonly number[];
}

export const RULE_SECURITY: Readonly<Record<RuleName, RuleSecurity>> = {
  'no-hardcoded-secret': { severity: '9.8', cwe: [798, 321] }, // js/hardcoded-credentials
  'no-plaintext-password': { severity: '8.1', cwe: [256, 522] },
  'no-weak-password-hash': { severity: '8.1', cwe: [916, 328, 760] }, // js/insufficient-password-hash
  'secure-cookie-flags': { severity: '5.0', cwe: [1004, 614] }, // js/client-exposed-cookie, js/clear-text-cookie
  'secure-jwt': { severity: '7.0', cwe: [347, 613] }, // js/jwt-missing-verification
  'session-regenerate-on-login': { severity: '6.5', cwe: [384] },
  'login-rate-limit': { severity: '7.5', cwe: [307, 770] }, // js/missing-rate-limiting
  'no-insecure-token-randomness': { severity: '7.8', cwe: [338, 330] }, // js/insecure-randomness
  'timing-safe-compare': { severity: '5.9', cwe: [208] },
  'no-client-token-storage': { severity: '5.0', cwe: [922] },
  'no-credential-logging': { severity: '7.5', cwe: [532, 312] }, // js/clear-text-logging
};

/** `["external/cwe/cwe-798", …]` */
export function cweTags(cwe: readonly number[]): string[] {
  return cwe.map((n) => `external/cwe/cwe-${n}`);
}
