import type { TSESTree } from '@typescript-eslint/utils';
import { CHECK_TEST_FILES_OPTION, createRule } from '../src/create-rule.js';
import { getFile, type FileFacts } from '../src/core/file.js';
import { mentions } from '../src/core/prefilter.js';
import type { ClaimUse } from '../src/core/claims.js';
import type { CallLike } from '../src/core/match.js';
import {
  chainEdit,
  jwtSites,
  optionEdit,
  payloadEdit,
  removeElementEdit,
  removePropertyEdit,
  type ChainSite,
  type ConfigSite,
  type Edit,
  type SignSite,
  type VerifySite,
} from '../src/core/sites/jwt.js';
import { handRolledVerifiers } from '../src/core/jwt-handrolled.js';
import { callerWithoutExpiry, forwardedSign, servedSignsSetExpiry } from '../src/project/jwt.js';
import {
  HAND_ROLLED_FIX,
  MAX_CLOCK_TOLERANCE_SECONDS,
  SUGGESTED_LIFETIME,
  type ExpiryFix,
  type JwtLibrary,
  type OptionPath,
  type OptionsAt,
} from '../src/models/jwt.js';

export type MessageId =
  | 'insecure'
  | 'decode'
  | 'unsecured'
  | 'handRolledNone'
  | 'handRolledUnverified'
  | 'addExpiresIn'
  | 'addExpirationTime'
  | 'addExp'
  | 'removeNone'
  | 'removeIgnoreExpiration'
  | 'addAlgorithms';
export type Options = [{ checkTestFiles?: boolean; requireAlgorithms?: boolean; checkClockTolerance?: boolean }];

type Node = TSESTree.Node;

interface Suggestion {
  readonly messageId: MessageId;
  readonly data?: Record<string, string>;
  readonly fix: Edit;
}

/** One problem of a construct: its message text, and the quick fix if a safe edit exists. */
interface Problem {
  readonly text: string;
  readonly suggestion: Suggestion | null;
}

/** One report: a call and every problem it has. */
interface Construct {
  readonly node: Node;
  readonly label: string;
  readonly problems: Problem[];
}

const USE_TEXT: Record<ClaimUse, string> = {
  user: "become the request's user",
  condition: 'decide access in a condition',
  lookup: 'pick the user to load',
  return: 'are returned as the caller’s identity',
};

const PROBLEM = {
  acceptsNone: "accepts `'none'` in `algorithms`, so a token without any signature passes and anyone can forge one: list only the algorithms you sign with",
  signsNone: "signs with `algorithm: 'none'`, so the token carries no signature and anyone can forge one: sign with `HS256` (shared secret) or `RS256` (key pair)",
  ignoreExpiration: 'sets `ignoreExpiration: true`, so expired and stolen tokens stay valid forever: remove it',
  clockTolerance: (s: number): string => `allows a \`clockTolerance\` of ${s} seconds, so tokens stay valid long after they expire: keep it to a few seconds`,
  noExpiry: (what: string, fix: ExpiryFix): string => `${what}, so a leaked token works forever: ${fix.text}`,
  callerNoExpiry: (where: string, fix: ExpiryFix): string =>
    `signs what its caller passes, and the call at ${where} passes no expiry (no \`exp\` claim and no expiry option), so that token never expires and a leaked one works forever: ${fix.text}, here or in every caller`,
  noAlgorithms: (alg: string): string => `does not pin \`algorithms\`, so the token's own header chooses how it is checked: pass \`algorithms: ['${alg}']\``,
};

function suggestion(messageId: MessageId, fix: Edit | null, data?: Record<string, string>): Suggestion | null {
  return fix ? { messageId, data, fix } : null;
}

/** `algorithm: 'none'` when signing, `'none'` among the accepted `algorithms`, `ignoreExpiration: true`. */
function algorithmProblems(file: FileFacts, site: SignSite | VerifySite | ConfigSite): Problem[] {
  const out: Problem[] = [];
  if (site.signsNone) out.push({ text: PROBLEM.signsNone, suggestion: null });
  if (site.acceptsNone) out.push({ text: PROBLEM.acceptsNone, suggestion: suggestion('removeNone', removeElementEdit(site.acceptsNone)) });
  if (site.role !== 'sign' && site.ignoresExpiration) {
    out.push({ text: PROBLEM.ignoreExpiration, suggestion: suggestion('removeIgnoreExpiration', removePropertyEdit(file, site.ignoresExpiration)) });
  }
  return out;
}

function expiresInSuggestion(file: FileFacts, call: CallLike, at: OptionsAt | null, keys: OptionPath | undefined): Suggestion | null {
  if (!at || !keys) return null;
  return suggestion('addExpiresIn', optionEdit(file, call, at, keys, `'${SUGGESTED_LIFETIME}'`));
}

function signProblems(file: FileFacts, site: SignSite): Problem[] {
  const { api, call } = site;
  const problems = algorithmProblems(file, site);
  const expires = site.expiryOption === 'found' || site.expClaim === 'found';
  const never = !expires && (api.options === null || site.expiryOption === 'absent') && site.expClaim === 'absent';
  if (!api.configured && never) {
    const fix = api.expiry.suggest === 'exp'
      ? suggestion('addExp', payloadEdit(file, call, api.payload, 'exp: Math.floor(Date.now() / 1000) + 15 * 60'))
      : expiresInSuggestion(file, call, api.options, api.expiryOptions[0]);
    const what = api.options ? 'issues a token that never expires (no `expiresIn` option and no `exp` claim)' : 'issues a token that never expires (no `exp` claim in the payload)';
    problems.push({ text: PROBLEM.noExpiry(what, api.expiry), suggestion: fix });
  } else if (!expires) {
    const caller = helperCaller(file, site);
    if (caller) problems.push({ text: PROBLEM.callerNoExpiry(caller, api.expiry), suggestion: null });
  }
  return problems;
}

/** A helper signing its parameters (`createToken(payload, options)`): one of its callers that passes no expiry, as `file:line`. */
function helperCaller(file: FileFacts, site: SignSite | ChainSite): string | null {
  const forwarded = forwardedSign(site);
  return forwarded ? (callerWithoutExpiry(file, forwarded)?.where ?? null) : null;
}

function chainProblems(file: FileFacts, site: ChainSite): Problem[] {
  if (site.finish && !site.setsExpiry && site.expClaim === 'unknown') {
    const caller = helperCaller(file, site);
    return caller ? [{ text: PROBLEM.callerNoExpiry(caller, site.api.expiry), suggestion: null }] : [];
  }
  if (!site.finish || site.setsExpiry || site.expClaim !== 'absent') return [];
  const fix = suggestion('addExpirationTime', chainEdit(file, site.finish, `.setExpirationTime('${SUGGESTED_LIFETIME}')`));
  return [{ text: PROBLEM.noExpiry('issues a token that never expires (no `setExpirationTime` and no `exp` claim)', site.api.expiry), suggestion: fix }];
}

function verifyProblems(file: FileFacts, site: VerifySite, options: Options[0]): Problem[] {
  const { api, call } = site;
  const problems = algorithmProblems(file, site);
  if (options.checkClockTolerance && site.clockTolerance !== null && site.clockTolerance > MAX_CLOCK_TOLERANCE_SECONDS) {
    problems.push({ text: PROBLEM.clockTolerance(site.clockTolerance), suggestion: null });
  }
  if (options.requireAlgorithms && api.pinAlgorithms && api.options && site.algorithmsPinned === 'absent') {
    const alg = site.keyAlgorithm;
    const fix = suggestion('addAlgorithms', optionEdit(file, call, api.options, api.pinAlgorithms, `['${alg}']`), { alg });
    problems.push({ text: PROBLEM.noAlgorithms(alg), suggestion: fix });
  }
  return problems;
}

/** A module configuration that sets no expiry, when no sign call of its library passes one either. */
function configExpiryProblem(file: FileFacts, site: ConfigSite): Problem {
  const { api, call } = site;
  const option = api.expiryOptions[0]?.join('.') ?? 'expiresIn';
  const what = `issues tokens that never expire (no \`${option}\`, and no sign call passes an expiry)`;
  return { text: PROBLEM.noExpiry(what, api.expiry), suggestion: expiresInSuggestion(file, call, api.options, api.expiryOptions[0]) };
}

export default createRule<Options, MessageId>({
  name: 'secure-jwt',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require JWTs to be verified with a real algorithm and to expire',
      category: 'jwt',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      insecure: '{{api}} {{problems}}.',
      decode: "{{api}} reads the token without checking its signature, yet its claims {{use}}: anyone can forge a token with any user or role. {{fix}}",
      unsecured: "{{api}} makes or accepts tokens with no signature (`alg: 'none'`), so anyone can forge one. Sign with `new SignJWT(claims).sign(key)` and read tokens with `jwtVerify(token, key)`.",
      handRolledNone: "This hand-rolled JWT check accepts `alg: 'none'`, so a token with no signature passes and anyone can forge one. {{fix}}",
      handRolledUnverified: 'This hand-rolled JWT decode checks no signature, yet its claims {{use}}: anyone can forge a token with any user or role. {{fix}}',
      addExpiresIn: `Add \`expiresIn: '${SUGGESTED_LIFETIME}'\``,
      addExpirationTime: `Add \`.setExpirationTime('${SUGGESTED_LIFETIME}')\``,
      addExp: 'Add an `exp` claim 15 minutes ahead',
      removeNone: "Remove `'none'` from `algorithms`",
      removeIgnoreExpiration: 'Remove `ignoreExpiration: true`',
      addAlgorithms: "Add `algorithms: ['{{alg}}']`",
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkTestFiles: CHECK_TEST_FILES_OPTION,
          requireAlgorithms: {
            type: 'boolean',
            description: "Report jsonwebtoken `verify` calls that do not pin `algorithms` (jsonwebtoken 9 already refuses `'none'`; on in `strict`).",
          },
          checkClockTolerance: {
            type: 'boolean',
            description: 'Report a verify `clockTolerance` above one hour, which keeps expired tokens valid (on in `strict`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkTestFiles: false, requireAlgorithms: false, checkClockTolerance: false }],
  },
  defaultOptions: [{ checkTestFiles: false, requireAlgorithms: false, checkClockTolerance: false }],
  create(context, [options]) {
    const file = getFile(context);
    if (file.isTest && !options.checkTestFiles) return {};
    if (!mentions(file, 'jwt') && !(mentions(file, 'split') && mentions(file, 'jwtDecode'))) return {};
    const constructs = new Map<Node, Construct>();

    function add(node: Node, label: string, problems: Problem[]): void {
      if (problems.length === 0) return;
      const prev = constructs.get(node);
      if (prev) prev.problems.push(...problems.filter((p) => !prev.problems.some((q) => q.text === p.text)));
      else constructs.set(node, { node, label, problems });
    }

    function reportConstruct(c: Construct): void {
      if (c.problems.length === 0) {
        context.report({ node: c.node, messageId: 'unsecured', data: { api: c.label } });
        return;
      }
      const suggest = c.problems.flatMap((p) => (p.suggestion ? [p.suggestion] : []));
      context.report({
        node: c.node,
        messageId: 'insecure',
        data: { api: c.label, problems: c.problems.map((p) => p.text).join('; it also ') },
        suggest: suggest.map((s) => ({ messageId: s.messageId, data: s.data, fix: s.fix })),
      });
    }

    /** Verifiers that split and decode the token themselves: `'none'` accepted, or claims trusted with no signature check. */
    function reportHandRolled(): void {
      for (const v of handRolledVerifiers(file)) {
        if (v.untrustedUseOnly) continue;
        if (v.acceptsNone) {
          context.report({ node: v.acceptsNone, messageId: 'handRolledNone', data: { fix: HAND_ROLLED_FIX } });
          continue;
        }
        for (const t of v.trusted) context.report({ node: t.node, messageId: 'handRolledUnverified', data: { use: USE_TEXT[t.use], fix: HAND_ROLLED_FIX } });
      }
    }

    return {
      'Program:exit'() {
        const { sites, client } = jwtSites(file);
        /** Module configurations without an expiry, decided once every sign call is seen. */
        const pendingConfigs: { site: ConfigSite; problems: Problem[] }[] = [];
        /** Libraries whose sign calls in this file pass their own expiry. */
        const signsWithExpiry = new Set<JwtLibrary>();
        for (const site of sites) {
          switch (site.role) {
            case 'sign':
              if (site.api.configured && (site.expiryOption === 'found' || site.expClaim === 'found')) signsWithExpiry.add(site.api.library);
              add(site.call, site.api.label, signProblems(file, site));
              break;
            case 'chain':
              add(site.call, site.api.label, chainProblems(file, site));
              break;
            case 'verify':
              add(site.call, site.api.label, verifyProblems(file, site, options));
              break;
            case 'config':
              if (site.noExpiry) pendingConfigs.push({ site, problems: algorithmProblems(file, site) });
              else add(site.call, site.api.label, algorithmProblems(file, site));
              break;
            case 'unsecured':
              constructs.set(site.call, { node: site.call, label: site.api.label, problems: [] });
              break;
            case 'decode':
              break;
          }
        }
        for (const { site, problems } of pendingConfigs) {
          if (!signsWithExpiry.has(site.api.library) && !servedSignsSetExpiry(file, site)) problems.push(configExpiryProblem(file, site));
          add(site.call, site.api.label, problems);
        }
        for (const site of client ? [] : sites) {
          if (site.role !== 'decode' || site.verified || !site.use) continue;
          context.report({ node: site.call, messageId: 'decode', data: { api: site.api.label, use: USE_TEXT[site.use], fix: site.api.fix } });
        }
        for (const c of constructs.values()) reportConstruct(c);
        reportHandRolled();
      },
    };
  },
});
