/** Wire contract of POST /api/query (what the Grafana data source sends) and of its answer, Grafana's data frame JSON. */
import { z } from 'zod';
import { FILTER_KEYS, FILTER_OPERATORS, METRIC_NAMES, QUERY_TYPES } from './names';
import { aggregation, instant } from './params';

/** An ad hoc filter from Grafana: applied to every target of the request. */
export const adHocFilter = z.object({
  key: z.enum(FILTER_KEYS, { error: `expected one of ${FILTER_KEYS.join(', ')}` }),
  operator: z.enum(FILTER_OPERATORS, { error: 'expected =, !=, =~ or !~' }).default('='),
  value: z.string(),
});
export type AdHocFilter = z.infer<typeof adHocFilter>;

/** Prometheus's spelling of series and label names. */
const SERIES_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A label filter of a `series` target: the server labels or the series' own, matched as Prometheus does. */
export const seriesLabelMatcher = z.object({
  label: z.string().regex(LABEL_NAME, { error: 'expected a label name (letters, digits, _)' }),
  operator: z.enum(FILTER_OPERATORS, { error: 'expected =, !=, =~ or !~' }).default('='),
  value: z.string().max(1_000),
});
export type SeriesLabelMatcher = z.infer<typeof seriesLabelMatcher>;

export const seriesName = z
  .string()
  .regex(SERIES_NAME, { error: 'expected a series name such as openmanager_service_up' })
  .max(200);

export const queryTarget = z.object({
  refId: z.string().min(1, { error: 'expected a non-empty refId' }).max(64),
  queryType: z.enum(QUERY_TYPES, { error: `expected one of ${QUERY_TYPES.join(', ')}` }).default('timeseries'),
  servers: z.array(z.string().min(1)).max(10_000).default([]),
  metrics: z
    .array(z.enum(METRIC_NAMES, { error: `expected metric names from ${METRIC_NAMES.join(', ')}` }))
    .default(['cpu']),
  aggregation: aggregation.default('avg'),
  /** `series` targets: the labelled series to read (required there) and filters on its labels. */
  series: seriesName.optional(),
  labels: z.array(seriesLabelMatcher).max(20).default([]),
  alias: z.string().max(200).optional(),
  hide: z.boolean().optional(),
});
export type QueryTarget = z.infer<typeof queryTarget>;

/** GET /api/series: the names of the labelled series stored. */
export const seriesNamesAnswer = z.object({ names: z.array(z.string()) });
export type SeriesNamesAnswer = z.infer<typeof seriesNamesAnswer>;

/** GET /api/series/labels: the values one label takes on one series (template variables). */
export const seriesLabelsQuery = z.object({
  name: seriesName,
  label: z.string().regex(LABEL_NAME, { error: 'expected a label name (letters, digits, _)' }),
});
export const seriesLabelsAnswer = z.object({ name: z.string(), label: z.string(), values: z.array(z.string()) });
export type SeriesLabelsAnswer = z.infer<typeof seriesLabelsAnswer>;

export const queryRequest = (nowMs: number) =>
  z.object({
    range: z.object({ from: instant(nowMs), to: instant(nowMs) }),
    intervalMs: z.number().int().positive().max(86_400_000).optional(),
    maxDataPoints: z
      .number()
      .int()
      .min(2, { error: 'expected at least 2' })
      .max(10_000, { error: 'expected at most 10000 points per series' })
      .default(1_000),
    targets: z
      .array(z.unknown())
      .min(1, { error: 'expected at least one target' })
      .max(50, { error: 'expected at most 50 targets' }),
    filters: z.array(adHocFilter).max(50).default([]),
  });
export type QueryRequest = z.output<ReturnType<typeof queryRequest>>;

// ---- answer: Grafana's data frame JSON (what a backend data source returns)

export const FIELD_TYPES = ['time', 'number', 'string', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const frameField = z.object({
  name: z.string(),
  type: z.enum(FIELD_TYPES),
  labels: z.record(z.string(), z.string()).optional(),
  config: z
    .object({
      unit: z.string().optional(),
      displayNameFromDS: z.string().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
    })
    .optional(),
});
export type FrameField = z.infer<typeof frameField>;

export const frameNotice = z.object({ severity: z.enum(['info', 'warning', 'error']), text: z.string() });
export type FrameNotice = z.infer<typeof frameNotice>;

export const dataFrameJson = z.object({
  schema: z.object({
    name: z.string().optional(),
    refId: z.string().optional(),
    fields: z.array(frameField),
    meta: z
      .object({
        notices: z.array(frameNotice).optional(),
        preferredVisualisationType: z.enum(['graph', 'table']).optional(),
      })
      .optional(),
  }),
  /** One array of values per field, in the fields' order. */
  data: z.object({ values: z.array(z.array(z.unknown())) }),
});
export type DataFrameJson = z.infer<typeof dataFrameJson>;

/** One target's answer: frames, or an error (with the HTTP status it would have had) in their place. */
export const targetResult = z.union([
  z.object({ frames: z.array(dataFrameJson) }),
  z.object({ error: z.string(), status: z.number().optional() }),
]);
export type TargetResult = z.infer<typeof targetResult>;

export const queryAnswer = z.object({ results: z.record(z.string(), targetResult) });
export type QueryAnswer = z.infer<typeof queryAnswer>;
