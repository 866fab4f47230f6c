/** API-key authentication: `Authorization: Bearer <secret>`, keys with a read or admin role, constant-time comparison. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiKey, Role } from '../config';
import { ApiError } from './errors';

export interface AuthOptions {
  keys: ApiKey[];
  /** Reads need no key (dummy mode on loopback without API_KEYS). */
  openReads: boolean;
}

/** Who is calling: the key's name and role, or no key (open reads). */
export type AuthVariables = { apiKeyName: string | null; apiKeyRole: Role | null };

/** Why a request may not pass, and the WWW-Authenticate challenge that goes with a 401. */
export interface AuthRefusal {
  status: ContentfulStatusCode;
  code: 'unauthorized' | 'forbidden';
  message: string;
  challenge?: string;
}

/** The caller of an Authorization header (undefined when absent) on a route needing `role`, or why not. */
export type KeyCheck = (authorization: string | undefined, role: Role) => AuthVariables | AuthRefusal;

export const isRefusal = (checked: AuthVariables | AuthRefusal): checked is AuthRefusal => 'status' in checked;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The key whose secret matches, comparing against every key so timing reveals nothing. */
function findKey(keys: Array<ApiKey & { hash: Buffer }>, presented: string): ApiKey | null {
  const hash = digest(presented);
  let found: ApiKey | null = null;
  for (const key of keys) if (timingSafeEqual(key.hash, hash) && !found) found = key;
  return found;
}

const OPEN_READ: AuthVariables = { apiKeyName: null, apiKeyRole: null };

export function createKeyCheck({ keys, openReads }: AuthOptions): KeyCheck {
  const hashed = keys.map((k) => ({ ...k, hash: Buffer.from(k.sha256, 'hex') }));
  return (authorization, role) => {
    if (!authorization) {
      if (role === 'read' && openReads) return OPEN_READ;
      if (hashed.length === 0)
        return { status: 403, code: 'forbidden', message: 'admin routes are disabled: set API_KEYS with an admin key' };
      return {
        status: 401,
        code: 'unauthorized',
        message: 'missing API key: send Authorization: Bearer <key>',
        challenge: 'Bearer',
      };
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const key = match ? findKey(hashed, match[1]) : null;
    if (!key)
      return {
        status: 401,
        code: 'unauthorized',
        message: 'API key not recognised',
        challenge: 'Bearer error="invalid_token"',
      };
    if (role === 'admin' && key.role !== 'admin')
      return { status: 403, code: 'forbidden', message: 'this route needs an admin key' };
    return { apiKeyName: key.name, apiKeyRole: key.role };
  };
}

export function createAuth(check: KeyCheck) {
  return function requireRole(role: Role): MiddlewareHandler<{ Variables: AuthVariables }> {
    return (c, next) => {
      const checked = check(c.req.header('authorization'), role);
      if (isRefusal(checked)) {
        if (checked.challenge) c.header('WWW-Authenticate', checked.challenge);
        throw new ApiError(checked.status, checked.code, checked.message);
      }
      c.set('apiKeyName', checked.apiKeyName);
      c.set('apiKeyRole', checked.apiKeyRole);
      return next();
    };
  };
}

export type RequireRole = ReturnType<typeof createAuth>;
