/** Shapes shared by the model tables (models import nothing from core; core reads these). */

/** A module (or several aliases, `['bcrypt', 'bcryptjs']`) and a path inside it (`()` a call, `new` a construction). */
export interface RefPattern {
  readonly module: string | readonly string[];
  readonly path: readonly string[];
}
