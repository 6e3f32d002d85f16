/**
 * Every rule of the plugin. Add a rule here (one line) and it is in the
 * plugin, its configs (from `meta.docs.recommended`), the docs check, the
 * meta test and the fixture test.
 */
import noHardcodedSecret from './no-hardcoded-secret.js';
import noPlaintextPassword from './no-plaintext-password.js';
import noWeakPasswordHash from './no-weak-password-hash.js';
import secureCookieFlags from './secure-cookie-flags.js';
import noClientTokenStorage from './no-client-token-storage.js';
import secureJwt from './secure-jwt.js';
import sessionRegenerateOnLogin from './session-regenerate-on-login.js';
import loginRateLimit from './login-rate-limit.js';
import noInsecureTokenRandomness from './no-insecure-token-randomness.js';
import timingSafeCompare from './timing-safe-compare.js';
import noCredentialLogging from './no-credential-logging.js';

export const rules = {
  'no-hardcoded-secret': noHardcodedSecret,
  'no-plaintext-password': noPlaintextPassword,
  'no-weak-password-hash': noWeakPasswordHash,
  'secure-cookie-flags': secureCookieFlags,
  'no-client-token-storage': noClientTokenStorage,
  'secure-jwt': secureJwt,
  'session-regenerate-on-login': sessionRegenerateOnLogin,
  'login-rate-limit': loginRateLimit,
  'no-insecure-token-randomness': noInsecureTokenRandomness,
  'timing-safe-compare': timingSafeCompare,
  'no-credential-logging': noCredentialLogging,
};
