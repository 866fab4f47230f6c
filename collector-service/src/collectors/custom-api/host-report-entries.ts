/**
 * What an on-prem host reports beyond its six readings — services, volumes, application metrics —
 * as zod schemas of one entry each, with the bounds and the Prometheus naming rules they follow.
 */
import { z } from 'zod';

export const MAX_SERVICES = 1000;
export const MAX_VOLUMES = 256;
export const MAX_APP_METRICS = 5000;
const MAX_NAME_CHARS = 256;
const MAX_APP_LABELS = 32;

/** Prometheus metric names; the stored series is `openmanager_app_<name>`. */
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
/** Prometheus label names; `__`-prefixed ones are Prometheus's own. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Labels every stored series gets from its server: an application may not set them. */
export const SERVER_LABELS = ['server', 'provider', 'region', 'role'] as const;

/**
 * systemd's ActiveState values. A Windows service reports RUNNING as `active`, STOPPED as
 * `inactive`, START_PENDING as `activating`, STOP_PENDING as `deactivating`, PAUSED as `inactive`.
 */
export const SERVICE_STATES = [
  'active',
  'reloading',
  'refreshing',
  'inactive',
  'failed',
  'activating',
  'deactivating',
  'maintenance',
] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

/** The states in which a service is up (`openmanager_service_up` 1). */
export const UP_STATES: ReadonlySet<ServiceState> = new Set(['active', 'reloading', 'refreshing']);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const entryName = (what: string) =>
  z
    .string()
    .min(1, { error: `expects ${what}` })
    .max(MAX_NAME_CHARS, { error: `expects ${what} of at most ${MAX_NAME_CHARS} characters` })
    .refine((name) => !CONTROL.test(name), { error: `expects ${what} without control characters` });
const bytesPerSecond = z.number().min(0, { error: 'expects bytes per second, 0 or more' });

export const serviceEntrySchema = z.object({
  name: entryName('a service name'),
  state: z.enum(SERVICE_STATES, { error: `expects one of ${SERVICE_STATES.join(', ')}` }),
  /** When the service entered its current state; null when unknown. */
  since: z.iso.datetime({ offset: true, error: 'expects an ISO-8601 date-time' }).nullable().optional(),
});

export const volumeEntrySchema = z.object({
  name: entryName('a device or volume name'),
  read_bytes_per_second: bytesPerSecond,
  write_bytes_per_second: bytesPerSecond,
});

const appLabelName = z
  .string()
  .regex(LABEL_NAME, { error: 'expects a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)' })
  .refine((name) => !name.startsWith('__'), { error: 'label names starting with __ are reserved' })
  .refine((name) => !(SERVER_LABELS as readonly string[]).includes(name), {
    error: `the labels ${SERVER_LABELS.join(', ')} are the server's own`,
  });

export const appMetricEntrySchema = z.object({
  name: z
    .string()
    .max(MAX_NAME_CHARS, { error: `expects a metric name of at most ${MAX_NAME_CHARS} characters` })
    .regex(METRIC_NAME, { error: 'expects a Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)' }),
  labels: z
    .record(appLabelName, z.string().max(MAX_NAME_CHARS))
    .refine((labels) => Object.keys(labels).length <= MAX_APP_LABELS, {
      error: `expects at most ${MAX_APP_LABELS} labels`,
    })
    .optional(),
  value: z.number(),
});

export type ServiceEntry = z.infer<typeof serviceEntrySchema>;
export type VolumeEntry = z.infer<typeof volumeEntrySchema>;
export type AppMetricEntry = z.infer<typeof appMetricEntrySchema>;
