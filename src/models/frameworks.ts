/**
 * The web frameworks whose routes the plugin reads (a model type: models import nothing from core).
 *
 * Besides routers that register routes by call or decorator, some frameworks
 * serve a function because of where it is exported or what it is passed to:
 * `next-action` (a Next.js server action, `'use server'`), `remix` (a Remix /
 * React Router route module's `action`), `sveltekit` (`+page.server` form
 * actions, `+server` handlers), `graphql` (a resolver of a GraphQL mutation or
 * query), `auth-callback` (an auth library's credentials callback, Auth.js
 * `Credentials({ authorize })`), `egg` (an egg / tegg controller) and
 * `socketio` (a socket.io event handler, `socket.on('login', (data, ack) => …)`).
 */
export type RouteFramework =
  | 'express' | 'koa' | 'fastify' | 'hono' | 'nest' | 'next'
  | 'next-action' | 'remix' | 'sveltekit' | 'graphql' | 'auth-callback' | 'egg' | 'socketio'
  | 'unknown';
