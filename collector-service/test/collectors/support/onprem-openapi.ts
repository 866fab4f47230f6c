/** The on-prem API's OpenAPI document, and validators built from its component schemas (independently of the collector's zod code). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const ONPREM_OPENAPI_PATH = join(__dirname, '../../../openapi/onprem-agent.yaml');

type Json = Record<string, unknown>;

export interface OnpremDocument {
  openapi: string;
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
  security: Array<Record<string, unknown>>;
}

export function loadOnpremDocument(): OnpremDocument {
  return parse(readFileSync(ONPREM_OPENAPI_PATH, 'utf8')) as OnpremDocument;
}

/** A component schema with every `#/components/schemas/X` reference replaced by X. */
export function resolvedSchema(document: OnpremDocument, name: string): Json {
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve);
    if (node === null || typeof node !== 'object') return node;
    const ref = (node as Json).$ref;
    if (typeof ref === 'string') return resolve(document.components.schemas[ref.replace('#/components/schemas/', '')]);
    return Object.fromEntries(Object.entries(node as Json).map(([k, v]) => [k, resolve(v)]));
  };
  return resolve(document.components.schemas[name]) as Json;
}

/** Does `value` conform to the document's component schema `name`? */
export function documentValidator(document: OnpremDocument, name: string): (value: unknown) => boolean {
  // fromJSONSchema ignores `examples`/`description`; `format: date-time` is checked.
  const schema = z.fromJSONSchema(resolvedSchema(document, name) as Parameters<typeof z.fromJSONSchema>[0]);
  return (value) => schema.safeParse(value).success;
}
