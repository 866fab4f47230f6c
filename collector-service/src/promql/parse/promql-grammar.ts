/**
 * The PromQL grammar of the Prometheus UI. The package declares itself ESM but ships a CommonJS
 * build (its `require` export), so a plain require works in the compiled service and under jest.
 */
import type * as LezerPromQL from '@prometheus-io/lezer-promql' with { 'resolution-mode': 'import' };

export const promqlParser = (require('@prometheus-io/lezer-promql') as typeof LezerPromQL).parser;
