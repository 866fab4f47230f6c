/** Environment → one typed, validated Config. Parsed once at start; a bad value stops start-up. */
import { z } from 'zod';
import { DEFAULT_THRESHOLDS, type Thresholds } from './domain/thresholds';

export type Role = 'read' | 'admin';
export interface ApiKey {
  name: string;
  role: Role;
  secret: string;
}

const intIn = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `expects ${what}` })
    .int({ error: `expects ${what}` })
    .min(min, { error: `expects ${what}` })
    .max(max, { error: `expects ${what}` });

const optionalUrl = (what: string, protocol: RegExp) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.url({ protocol, error: `expects ${what}` }).optional())
    .optional();

const HTTP = /^https?$/;

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const csvList = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const apiKeys = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const keys: ApiKey[] = [];
    for (const entry of (v ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      const [name, role, ...rest] = entry.split(':');
      const secret = rest.join(':');
      if (!name || (role !== 'read' && role !== 'admin') || secret.length < 8) {
        ctx.addIssue({
          code: 'custom',
          message: 'expects comma-separated name:role:secret entries, role read or admin, secret of 8+ characters',
        });
        return z.NEVER;
      }
      keys.push({ name, role, secret });
    }
    return keys;
  });

const threshold = (fallback: number) => z.coerce.number({ error: 'expects a percentage 0-100' }).min(0).max(100).default(fallback);

const schema = z.object({
  PORT: intIn(0, 65535, 'a TCP port 0-65535').default(8787),
  HOST: z.string().trim().min(1, { error: 'expects a host name or address' }).default('127.0.0.1'),
  COLLECTOR_MODE: z.enum(['dummy', 'production'], { error: 'expects dummy or production' }).default('dummy'),
  DATABASE_URL: optionalUrl('a postgres:// connection URL', /^postgres(ql)?$/),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  REDIS_URL: optionalUrl('a redis:// or rediss:// URL', /^rediss?$/),
  REDIS_KEY_PREFIX: z.string().default(''),
  API_KEYS: apiKeys,
  COLLECT_INTERVAL_MS: intIn(100, 86_400_000, 'milliseconds between collection runs, 100 or more').default(10_000),
  COLLECTOR_TIMEOUT_MS: intIn(100, 86_400_000, 'milliseconds a collector may take, 100 or more').optional(),
  RETENTION_HOURS: intIn(1, 24 * 365, 'whole hours of history to keep, 1 or more').default(24),
  DUMMY_SEED: intIn(0, 2 ** 31 - 1, 'a non-negative integer seed').default(42),
  DUMMY_SERVERS: intIn(30, 10_000, 'a fleet size from 30 to 10000').default(30),
  DUMMY_BACKFILL_HOURS: intIn(0, 24 * 7, 'hours of history to backfill, 0-168').default(24),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'expects fatal, error, warn, info, debug, trace or silent',
  }).default('info'),
  THRESHOLD_CPU_WARNING: threshold(DEFAULT_THRESHOLDS.cpu.warning),
  THRESHOLD_CPU_CRITICAL: threshold(DEFAULT_THRESHOLDS.cpu.critical),
  THRESHOLD_MEMORY_WARNING: threshold(DEFAULT_THRESHOLDS.memory.warning),
  THRESHOLD_MEMORY_CRITICAL: threshold(DEFAULT_THRESHOLDS.memory.critical),
  THRESHOLD_DISK_WARNING: threshold(DEFAULT_THRESHOLDS.disk.warning),
  THRESHOLD_DISK_CRITICAL: threshold(DEFAULT_THRESHOLDS.disk.critical),
  // production collectors (issue: real collectors)
  PROMETHEUS_ENDPOINT: optionalUrl('an http(s):// URL of Prometheus', HTTP),
  PROMETHEUS_API_KEY: optionalString,
  PROMETHEUS_JOB: z.string().trim().min(1).default('node'),
  PROMETHEUS_SERVER_LABEL: z.string().trim().min(1).default('instance'),
  PROMETHEUS_RATE_WINDOW: z
    .string()
    .trim()
    .regex(/^\d+[smh]$/, { error: 'expects a PromQL duration such as 1m or 90s' })
    .default('1m'),
  AWS_REGION: csvList,
  CLOUDWATCH_PERIOD_SECONDS: z.coerce.number().refine((v) => v === 60 || v === 300, { error: 'expects 60 (detailed monitoring) or 300 (basic)' }).default(300),
  ONPREM_API_ENDPOINT: optionalUrl('an http(s):// URL of the on-prem API', HTTP),
  ONPREM_API_KEY: optionalString,
  // optional language model that may rephrase answers
  LLM_BASE_URL: optionalUrl('an OpenAI-compatible http(s):// base URL', HTTP),
  LLM_API_KEY: optionalString,
  LLM_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  // alerts: rules evaluated here, delivered by Alertmanager
  ALERT_RULES_FILE: optionalString,
  ALERTMANAGER_URL: csvList.pipe(z.array(z.url({ protocol: HTTP, error: 'expects comma-separated http(s):// URLs of Alertmanager' }))),
  ALERT_EVALUATION_INTERVAL_MS: intIn(100, 86_400_000, 'milliseconds between rule evaluations, 100 or more').optional(),
  ALERT_RESEND_DELAY_MS: intIn(100, 86_400_000, 'milliseconds between resends of a firing alert, 100 or more').default(60_000),
  ALERT_LANGUAGE: z.enum(['ko', 'en'], { error: 'expects ko or en' }).default('en'),
  GRAFANA_URL: optionalUrl('the http(s):// URL operators open Grafana at', HTTP),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  mode: 'dummy' | 'production';
  databaseUrl?: string;
  dataDir: string;
  redisUrl?: string;
  redisKeyPrefix: string;
  apiKeys: ApiKey[];
  /** Reads need no key: dummy mode on a loopback bind with API_KEYS unset. */
  openReads: boolean;
  collectIntervalMs: number;
  collectorTimeoutMs: number;
  retentionHours: number;
  dummy: { seed: number; servers: number; backfillHours: number };
  logLevel: Env['LOG_LEVEL'];
  thresholds: Thresholds;
  prometheus: { endpoint?: string; apiKey?: string; job: string; serverLabel: string; rateWindow: string };
  aws: { regions: string[]; periodSeconds: number };
  onprem: { endpoint?: string; apiKey?: string };
  llm: { baseUrl?: string; apiKey?: string; model: string };
  alerts: {
    /** Undefined: the shipped provisioning/alerting/openmanager.rules.yml. */
    rulesFile?: string;
    alertmanagerUrls: string[];
    evaluationIntervalMs: number;
    resendDelayMs: number;
    language: 'ko' | 'en';
    grafanaUrl: string;
  };
}

export class ConfigError extends Error {}

/** Variables whose values may hold secrets: never echoed in an error. */
const SECRET_VARIABLES = new Set(['API_KEYS', 'DATABASE_URL', 'REDIS_URL', 'PROMETHEUS_API_KEY', 'ONPREM_API_KEY', 'LLM_API_KEY', 'ALERTMANAGER_URL']);

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/** Parses the environment; throws ConfigError with one line naming the variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    const got = env[name];
    const shown = got === undefined || SECRET_VARIABLES.has(name) ? '' : `, got ${JSON.stringify(got)}`;
    throw new ConfigError(`${name} ${issue.message}${shown}`);
  }
  const e = parsed.data;
  const thresholds: Thresholds = {
    cpu: { warning: e.THRESHOLD_CPU_WARNING, critical: e.THRESHOLD_CPU_CRITICAL },
    memory: { warning: e.THRESHOLD_MEMORY_WARNING, critical: e.THRESHOLD_MEMORY_CRITICAL },
    disk: { warning: e.THRESHOLD_DISK_WARNING, critical: e.THRESHOLD_DISK_CRITICAL },
  };
  for (const [metric, t] of Object.entries(thresholds)) {
    if (t.warning > t.critical) {
      throw new ConfigError(
        `THRESHOLD_${metric.toUpperCase()}_WARNING expects a value not above THRESHOLD_${metric.toUpperCase()}_CRITICAL, got ${t.warning} > ${t.critical}`,
      );
    }
  }
  const loopback = isLoopback(e.HOST);
  if (e.API_KEYS.length === 0 && e.COLLECTOR_MODE === 'production') {
    throw new ConfigError('API_KEYS expects at least one name:role:secret entry in production mode');
  }
  if (e.API_KEYS.length === 0 && !loopback) {
    throw new ConfigError(`API_KEYS expects at least one name:role:secret entry when HOST is not loopback, got HOST ${JSON.stringify(e.HOST)}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    mode: e.COLLECTOR_MODE,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    apiKeys: e.API_KEYS,
    openReads: e.API_KEYS.length === 0,
    collectIntervalMs: e.COLLECT_INTERVAL_MS,
    collectorTimeoutMs: e.COLLECTOR_TIMEOUT_MS ?? Math.max(100, Math.round(e.COLLECT_INTERVAL_MS * 0.8)),
    retentionHours: e.RETENTION_HOURS,
    dummy: { seed: e.DUMMY_SEED, servers: e.DUMMY_SERVERS, backfillHours: e.DUMMY_BACKFILL_HOURS },
    logLevel: e.LOG_LEVEL,
    thresholds,
    prometheus: {
      endpoint: e.PROMETHEUS_ENDPOINT,
      apiKey: e.PROMETHEUS_API_KEY,
      job: e.PROMETHEUS_JOB,
      serverLabel: e.PROMETHEUS_SERVER_LABEL,
      rateWindow: e.PROMETHEUS_RATE_WINDOW,
    },
    aws: { regions: e.AWS_REGION, periodSeconds: e.CLOUDWATCH_PERIOD_SECONDS },
    onprem: { endpoint: e.ONPREM_API_ENDPOINT, apiKey: e.ONPREM_API_KEY },
    llm: { baseUrl: e.LLM_BASE_URL, apiKey: e.LLM_API_KEY, model: e.LLM_MODEL },
    alerts: {
      rulesFile: e.ALERT_RULES_FILE,
      alertmanagerUrls: e.ALERTMANAGER_URL,
      evaluationIntervalMs: e.ALERT_EVALUATION_INTERVAL_MS ?? e.COLLECT_INTERVAL_MS,
      resendDelayMs: e.ALERT_RESEND_DELAY_MS,
      language: e.ALERT_LANGUAGE,
      grafanaUrl: (e.GRAFANA_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
    },
  };
}
