/** Prometheus's rule-file format (groups → alerting rules), read with yaml and checked with zod and the PromQL parser. */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Expr } from '../promql/parse/ast';
import { parseDurationText } from '../promql/parse/literals';
import { parsePromQL } from '../promql/parse/parse';
import { LABEL_NAME } from '../promql/labels';
import { parseTemplate, type Template } from './template';

export interface AlertRule {
  group: string;
  name: string;
  /** The expression as written, for the rules API. */
  query: string;
  expr: Expr;
  forMs: number;
  keepFiringForMs: number;
  labels: Record<string, string>;
  annotations: Record<string, Template>;
  /** The annotation texts as written. */
  annotationSources: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  file: string;
  /** Evaluation interval of the group; undefined: the service's. */
  intervalMs?: number;
  /** Most pending + firing alerts one rule may have; more fails the rule and clears its alerts (0: no limit). */
  limit: number;
  rules: AlertRule[];
}

/** Bounds on a rule file, so a hostile or mistaken file cannot make the service do unbounded work. */
const MAX_FILE_BYTES = 1_048_576;
const MAX_RULES = 1_000;

const duration = z
  .string()
  .refine((v) => parseDurationText(v) !== null, { error: 'expects a Prometheus duration such as 5m or 1h30m' });
const labelMap = z.record(
  z.string().regex(LABEL_NAME, { error: 'expects label names like [a-zA-Z_][a-zA-Z0-9_]*' }),
  z.string()
);

const ruleSchema = z
  .object({
    alert: z
      .string()
      .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, { error: 'expects a metric-name-like alert name' })
      .optional(),
    record: z.string().optional(),
    expr: z.union([z.string(), z.number().transform(String)]),
    for: duration.optional(),
    keep_firing_for: duration.optional(),
    labels: labelMap.optional(),
    annotations: labelMap.optional(),
  })
  .strict();

const fileSchema = z
  .object({
    groups: z.array(
      z
        .object({
          name: z.string().min(1),
          interval: duration.optional(),
          limit: z.number().int().min(0).optional(),
          rules: z.array(ruleSchema).default([]),
        })
        .strict()
    ),
  })
  .strict();

export class RuleFileError extends Error {}

const where = (path: PropertyKey[]) => path.map(String).join('.');

/** Parses rule-file text; throws RuleFileError naming the file, the place and what is wrong. */
export function parseRuleFile(text: string, file: string): RuleGroup[] {
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw new RuleFileError(`${file}: larger than ${MAX_FILE_BYTES} bytes`);
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100 }) ?? { groups: [] };
  } catch (err) {
    throw new RuleFileError(`${file}: not YAML: ${(err as Error).message}`);
  }
  const parsed = fileSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RuleFileError(`${file}: ${where(issue.path)}: ${issue.message}`);
  }
  const names = new Set<string>();
  let count = 0;
  return parsed.data.groups.map((g, gi) => {
    if (names.has(g.name)) throw new RuleFileError(`${file}: groups.${gi}: group name "${g.name}" is repeated`);
    names.add(g.name);
    const rules = g.rules.map((r, ri): AlertRule => {
      const at = `${file}: group "${g.name}", rule ${ri + 1}`;
      if (++count > MAX_RULES) throw new RuleFileError(`${at}: more than ${MAX_RULES} rules`);
      if (r.record !== undefined || r.alert === undefined)
        throw new RuleFileError(`${at}: only alerting rules (alert:) are evaluated; recording rules are not supported`);
      let expr: Expr;
      try {
        expr = parsePromQL(r.expr);
      } catch (err) {
        throw new RuleFileError(`${at} (${r.alert}): expr: ${(err as Error).message}`);
      }
      if (expr.type !== 'vector' && expr.type !== 'scalar')
        throw new RuleFileError(`${at} (${r.alert}): expr must be an instant vector or scalar`);
      const annotations: Record<string, Template> = {};
      for (const [k, v] of Object.entries(r.annotations ?? {})) {
        try {
          annotations[k] = parseTemplate(v);
        } catch (err) {
          throw new RuleFileError(`${at} (${r.alert}): annotation ${k}: ${(err as Error).message}`);
        }
      }
      for (const [k, v] of Object.entries(r.labels ?? {})) {
        if (v.includes('{{'))
          throw new RuleFileError(`${at} (${r.alert}): label ${k}: templates in labels are not supported`);
      }
      return {
        group: g.name,
        name: r.alert,
        query: r.expr,
        expr,
        forMs: parseDurationText(r.for ?? '0s')!,
        keepFiringForMs: parseDurationText(r.keep_firing_for ?? '0s')!,
        labels: r.labels ?? {},
        annotations,
        annotationSources: r.annotations ?? {},
      };
    });
    return {
      name: g.name,
      file,
      intervalMs: g.interval === undefined ? undefined : parseDurationText(g.interval)!,
      limit: g.limit ?? 0,
      rules,
    };
  });
}

export async function loadRuleFile(file: string): Promise<RuleGroup[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new RuleFileError(
      `ALERT_RULES_FILE ${file} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`
    );
  }
  return parseRuleFile(text, file);
}
