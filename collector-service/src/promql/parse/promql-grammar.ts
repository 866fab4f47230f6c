/**
 * The PromQL grammar of the Prometheus UI. The package declares itself ESM but ships a CommonJS
 * build (its `require` export), so a plain require works in the compiled service and under jest.
 */
import type * as LezerPromQL from '@prometheus-io/lezer-promql' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports -- TypeScript refuses a static import of it (TS1479)
export const promqlParser = (require('@prometheus-io/lezer-promql') as typeof LezerPromQL).parser;
