/** API-key authentication: `Authorization: Bearer <secret>`, keys with a read or admin role, constant-time comparison. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ApiKey, Role } from '../config';
import { ApiError } from './errors';

export interface AuthOptions {
  keys: ApiKey[];
  /** Reads need no key (dummy mode on loopback without API_KEYS). */
  openReads: boolean;
}

/** Who is calling: the key's name and role, or no key (open reads). */
export type AuthVariables = { apiKeyName: string | null; apiKeyRole: Role | null };

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The key whose secret matches, comparing against every key so timing reveals nothing. */
function findKey(keys: Array<ApiKey & { hash: Buffer }>, presented: string): ApiKey | null {
  const hash = digest(presented);
  let found: ApiKey | null = null;
  for (const key of keys) if (timingSafeEqual(key.hash, hash) && !found) found = key;
  return found;
}

export function createAuth({ keys, openReads }: AuthOptions) {
  const hashed = keys.map((k) => ({ ...k, hash: Buffer.from(k.sha256, 'hex') }));

  return function requireRole(role: Role): MiddlewareHandler<{ Variables: AuthVariables }> {
    // Not async: it passes on synchronously (see sync-chain.ts).
    return (c, next) => {
      const header = c.req.header('authorization');
      if (!header) {
        if (role === 'read' && openReads) {
          c.set('apiKeyName', null);
          c.set('apiKeyRole', null);
          return next();
        }
        if (hashed.length === 0)
          throw new ApiError(403, 'forbidden', 'admin routes are disabled: set API_KEYS with an admin key');
        c.header('WWW-Authenticate', 'Bearer');
        throw new ApiError(401, 'unauthorized', 'missing API key: send Authorization: Bearer <key>');
      }
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const key = match ? findKey(hashed, match[1]) : null;
      if (!key) {
        c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw new ApiError(401, 'unauthorized', 'API key not recognised');
      }
      if (role === 'admin' && key.role !== 'admin')
        throw new ApiError(403, 'forbidden', 'this route needs an admin key');
      c.set('apiKeyName', key.name);
      c.set('apiKeyRole', key.role);
      return next();
    };
  };
}

export type RequireRole = ReturnType<typeof createAuth>;
