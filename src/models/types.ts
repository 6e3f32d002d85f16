/** Shapes shared by the model tables (models import nothing from core; core reads these). */

/** A module (or several aliases, `['bcrypt', 'bcryptjs']`) and a path inside it (`()` a call, `new` a construction). */
export interface RefPattern {
  readonly module: string | readonly string[];
  readonly path: readonly string[];
}

/**
 * How a model entry is recognised in code: the one shape every model table
 * uses, read by one interpreter (core/match.ts) that indexes entries by module.
 */
export type ModelMatch =
  /** A call or construction of `module` at exactly `path` (`()` a call, `new` a construction). */
  | { readonly kind: 'call'; readonly module: string | readonly string[]; readonly path: readonly string[] }
  /** `.method(…)` at the end of a builder chain rooted at `path` (`new SignJWT(p).setX().sign(key)`). */
  | { readonly kind: 'chain'; readonly module: string | readonly string[]; readonly path: readonly string[]; readonly method: string }
  /** A fastify-style registration of the module as a plugin: `x.register(plugin, options)`. */
  | { readonly kind: 'plugin'; readonly module: string | readonly string[] }
  /** An assignment to `property` of an instance at `path`: `app.keys = […]` on `new Koa()`. */
  | { readonly kind: 'assign'; readonly module: string | readonly string[]; readonly path: readonly string[]; readonly property: string };
