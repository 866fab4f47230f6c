/** Environment → one typed, validated Config. Parsed once at start; a bad value stops start-up. */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_THRESHOLDS, type Thresholds } from './domain/thresholds';

export type Role = 'read' | 'admin';
export interface ApiKey {
  name: string;
  role: Role;
  /** SHA-256 of the secret (hex): the secret itself need not be kept, or even given. */
  sha256: string;
}

export const MIN_SECRET_CHARS = 16;

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
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  );

const SHA256_HEX = /^[0-9a-f]{64}$/i;
const API_KEYS_FORMAT = `expects comma-separated name:role:secret entries (role read or admin, secret of ${MIN_SECRET_CHARS}+ characters) or name:role:sha256:<64 hex digits>`;

const apiKeys = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return [];
    const entries = v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (entries.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `${API_KEYS_FORMAT}; it is set but holds no key (unset it to run without keys)`,
      });
      return z.NEVER;
    }
    const keys: ApiKey[] = [];
    for (const entry of entries) {
      const [name, role, ...rest] = entry.split(':');
      const secret = rest.join(':');
      const digest =
        rest[0] === 'sha256' && rest.length === 2 && SHA256_HEX.test(rest[1]) ? rest[1].toLowerCase() : null;
      if (!name || (role !== 'read' && role !== 'admin') || (digest === null && secret.length < MIN_SECRET_CHARS)) {
        ctx.addIssue({ code: 'custom', message: API_KEYS_FORMAT });
        return z.NEVER;
      }
      keys.push({ name, role, sha256: digest ?? createHash('sha256').update(secret).digest('hex') });
    }
    return keys;
  });

const threshold = (fallback: number) =>
  z.coerce.number({ error: 'expects a percentage 0-100' }).min(0).max(100).default(fallback);

const schema = z.object({
  PORT: intIn(0, 65535, 'a TCP port 0-65535').default(8787),
  HOST: z.string().trim().min(1, { error: 'expects a host name or address' }).default('127.0.0.1'),
  COLLECTOR_MODE: z.enum(['dummy', 'production'], { error: 'expects dummy or production' }).default('dummy'),
  DATABASE_URL: optionalUrl('a postgres:// connection URL', /^postgres(ql)?$/),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  REDIS_URL: optionalUrl('a redis:// or rediss:// URL', /^rediss?$/),
  REDIS_KEY_PREFIX: z.string().default(''),
  SPOOL_MAX_BYTES: intIn(1024 * 1024, Number.MAX_SAFE_INTEGER, 'bytes of on-disk spool, 1048576 or more').default(
    268_435_456
  ),
  SHUTDOWN_TIMEOUT_MS: intIn(100, 600_000, 'milliseconds a graceful shutdown may take, 100-600000').default(15_000),
  API_KEYS: apiKeys,
  COLLECT_INTERVAL_MS: intIn(100, 86_400_000, 'milliseconds between collection runs, 100 or more').default(10_000),
  COLLECTOR_TIMEOUT_MS: intIn(100, 86_400_000, 'milliseconds a collector may take, 100 or more').optional(),
  RETENTION_HOURS: intIn(1, 24 * 365, 'whole hours of history to keep, 1 or more').default(24),
  HEAD_MAX_BYTES: intIn(1_048_576, 2 ** 40, 'a whole number of bytes, at least 1048576').default(50_331_648),
  DUMMY_SEED: intIn(0, 2 ** 31 - 1, 'a non-negative integer seed').default(42),
  DUMMY_SERVERS: intIn(30, 10_000, 'a fleet size from 30 to 10000').default(30),
  ROLLUP_5M_RETENTION_DAYS: intIn(1, 3_650, 'whole days of 5-minute rollups to keep, 1-3650').default(30),
  ROLLUP_1H_RETENTION_DAYS: intIn(1, 36_500, 'whole days of 1-hour rollups to keep, 1-36500').default(400),
  DUMMY_BACKFILL_HOURS: intIn(0, 24 * 30, 'hours of history to backfill, 0-720').default(24),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'expects fatal, error, warn, info, debug, trace or silent',
    })
    .default('info'),
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
  CLOUDWATCH_PERIOD_SECONDS: z.coerce
    .number()
    .refine((v) => v === 60 || v === 300, { error: 'expects 60 (detailed monitoring) or 300 (basic)' })
    .default(300),
  ONPREM_API_ENDPOINT: optionalUrl('an http(s):// URL of the on-prem API', HTTP),
  ONPREM_API_KEY: optionalString,
  // limits on every read
  QUERY_TIMEOUT_MS: intIn(100, 3_600_000, 'milliseconds one read may take, 100 to 3600000').default(20_000),
  QUERY_MAX_SAMPLES: intIn(1, 1_000_000_000, 'samples one read may load or produce, 1 to 1000000000').default(
    50_000_000
  ),
  QUERY_CONCURRENCY: intIn(1, 1_000, 'heavy reads served at once, 1 to 1000').default(8),
  RATE_LIMIT_PER_MINUTE: intIn(0, 10_000_000, 'requests per minute per API key or client, 0 for no limit').default(
    6_000
  ),
  BODY_LIMIT_BYTES: intIn(1_024, 1_073_741_824, 'the largest request body in bytes, 1024 or more').default(1_048_576),
  // optional language model that may rephrase answers
  LLM_BASE_URL: optionalUrl('an OpenAI-compatible http(s):// base URL', HTTP),
  LLM_API_KEY: optionalString,
  LLM_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  // alerts: rules evaluated here, delivered by Alertmanager
  ALERT_RULES_FILE: optionalString,
  ALERTMANAGER_URL: csvList.pipe(
    z.array(z.url({ protocol: HTTP, error: 'expects comma-separated http(s):// URLs of Alertmanager' }))
  ),
  ALERT_EVALUATION_INTERVAL_MS: intIn(100, 86_400_000, 'milliseconds between rule evaluations, 100 or more').optional(),
  ALERT_RESEND_DELAY_MS: intIn(100, 86_400_000, 'milliseconds between resends of a firing alert, 100 or more').default(
    60_000
  ),
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
  /** Bound of the on-disk spool of batches the database refused (DATA_DIR/spool). */
  spoolMaxBytes: number;
  shutdownTimeoutMs: number;
  apiKeys: ApiKey[];
  /** Reads need no key: dummy mode on a loopback bind with API_KEYS unset. */
  openReads: boolean;
  collectIntervalMs: number;
  collectorTimeoutMs: number;
  retentionHours: number;
  /** Days of 5-minute and 1-hour rollups kept (history past the raw retention). */
  rollups: { fiveMinuteDays: number; hourDays: number };
  /** Memory cap of the in-memory head of recent samples. */
  headMaxBytes: number;
  dummy: { seed: number; servers: number; backfillHours: number };
  logLevel: Env['LOG_LEVEL'];
  thresholds: Thresholds;
  prometheus: { endpoint?: string; apiKey?: string; job: string; serverLabel: string; rateWindow: string };
  aws: { regions: string[]; periodSeconds: number };
  onprem: { endpoint?: string; apiKey?: string };
  llm: { baseUrl?: string; apiKey?: string; model: string };
  limits: {
    /** One read's budget: QUERY_TIMEOUT_MS over loading and evaluation, QUERY_MAX_SAMPLES across its targets and selectors. */
    query: { timeoutMs: number; maxSamples: number };
    /** Heavy reads served at once; past it (and a short queue) requests are shed with 503. */
    concurrency: number;
    /** Requests per minute per API key (or client address); 0 = off. */
    ratePerMinute: number;
    bodyBytes: number;
  };
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
const SECRET_VARIABLES = new Set([
  'API_KEYS',
  'DATABASE_URL',
  'REDIS_URL',
  'PROMETHEUS_API_KEY',
  'ONPREM_API_KEY',
  'LLM_API_KEY',
  'ALERTMANAGER_URL',
]);

/**
 * Decided on the parsed address, never on a text prefix: `127.evil.example` is a host name that
 * resolves wherever its owner likes. `localhost` is the one name trusted (it is loopback by standard).
 */
export function isLoopback(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  const family = isIP(bare);
  if (family === 4) return bare.split('.')[0] === '127';
  if (family === 6) {
    if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
    return mapped !== null && isIP(mapped[1]) === 4 && mapped[1].split('.')[0] === '127';
  }
  return false;
}

/** A URL that may carry data in clear: https, or http to a loopback address. */
export function isSecureOrLoopbackUrl(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || isLoopback(parsed.hostname);
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
        `THRESHOLD_${metric.toUpperCase()}_WARNING expects a value not above THRESHOLD_${metric.toUpperCase()}_CRITICAL, got ${t.warning} > ${t.critical}`
      );
    }
  }
  const loopback = isLoopback(e.HOST);
  if (e.LLM_BASE_URL && !isSecureOrLoopbackUrl(e.LLM_BASE_URL)) {
    throw new ConfigError('LLM_BASE_URL expects an https:// URL (http only to a loopback address such as 127.0.0.1)');
  }
  if (e.API_KEYS.length === 0 && e.COLLECTOR_MODE === 'production') {
    throw new ConfigError('API_KEYS expects at least one name:role:secret entry in production mode');
  }
  if (e.API_KEYS.length === 0 && !loopback) {
    throw new ConfigError(
      `API_KEYS expects at least one name:role:secret entry when HOST is not loopback, got HOST ${JSON.stringify(e.HOST)}`
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    mode: e.COLLECTOR_MODE,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    spoolMaxBytes: e.SPOOL_MAX_BYTES,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    apiKeys: e.API_KEYS,
    openReads: e.API_KEYS.length === 0,
    collectIntervalMs: e.COLLECT_INTERVAL_MS,
    collectorTimeoutMs: e.COLLECTOR_TIMEOUT_MS ?? Math.max(100, Math.round(e.COLLECT_INTERVAL_MS * 0.8)),
    retentionHours: e.RETENTION_HOURS,
    rollups: { fiveMinuteDays: e.ROLLUP_5M_RETENTION_DAYS, hourDays: e.ROLLUP_1H_RETENTION_DAYS },
    headMaxBytes: e.HEAD_MAX_BYTES,
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
    limits: {
      query: { timeoutMs: e.QUERY_TIMEOUT_MS, maxSamples: e.QUERY_MAX_SAMPLES },
      concurrency: e.QUERY_CONCURRENCY,
      ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
      bodyBytes: e.BODY_LIMIT_BYTES,
    },
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
