/** The web frameworks whose routes the plugin reads (a model type: models import nothing from core). */
export type RouteFramework = 'express' | 'koa' | 'fastify' | 'hono' | 'nest' | 'next' | 'unknown';
