import type { Db } from '../db/connect.js';
import type { NetworkActor, OrgActor, SessionUser } from './actor.js';
import type { Services } from './services.js';

declare module 'fastify' {
  interface FastifyRequest {
    db: Db;
    session: SessionUser | null;
    actor: OrgActor;
    networkActor: NetworkActor;
  }
  interface FastifyInstance {
    services: Services;
  }
  interface FastifyContextConfig {
    /** Set by app.ts on routes behind a session guard: anonymous callers get 401 before validation. */
    requiresSession?: boolean;
  }
}
