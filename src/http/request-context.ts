import type { Actor } from '../modules/accounts/actor.js';
import type { Site } from '../modules/units/unit-directory.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The unit this request is for, or undefined when the deployment has no unit yet. */
    site: Site | undefined;
    cspNonce: string;
    /** Loaded on demand by http/auth.ts: undefined until asked, null when nobody is signed in. */
    actor: Actor | null | undefined;
  }
}

const prefixOf = new WeakMap<object, string>();

/** Remembers the unit slug that rewriteUrl stripped from a request's path. */
export function setUnitPrefix(raw: object, slug: string): void {
  prefixOf.set(raw, slug);
}

export function unitPrefix(raw: object): string | undefined {
  return prefixOf.get(raw);
}
