/**
 * The custom on-prem API's answers (openapi/onprem-agent.yaml) as zod schemas: the collector validates
 * every answer with them and the agent types what it serves with them.
 */
import { z } from 'zod';
import {
  appMetricEntrySchema,
  MAX_APP_METRICS,
  MAX_SERVICES,
  MAX_VOLUMES,
  serviceEntrySchema,
  volumeEntrySchema,
} from './host-report-entries';

const text = z.string().min(1, { error: 'expects a non-empty string' });
const percent = z.number().min(0).max(100).nullable();
const nonNegative = z.number().min(0).nullable();
const timestamp = z.iso.datetime({ offset: true, error: 'expects an ISO-8601 date-time' });

export const serverEntrySchema = z.object({
  id: text,
  region: text,
  role: text,
  labels: z.record(z.string(), z.string()).optional(),
});

export const serverListSchema = z.object({
  servers: z.array(serverEntrySchema).superRefine((servers, ctx) => {
    const seen = new Set<string>();
    servers.forEach((server, index) => {
      if (seen.has(server.id))
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `duplicate server id ${JSON.stringify(server.id)}`,
        });
      seen.add(server.id);
    });
  }),
});

/** The six host readings of one server; every field is present, null when the server cannot measure it. */
export const hostReadingSchema = z.object({
  server_id: text,
  timestamp,
  cpu_usage: percent,
  memory_usage: percent,
  disk_usage: percent,
  network_in_bytes: nonNegative,
  network_out_bytes: nonNegative,
  load_1m: nonNegative,
  uptime_seconds: nonNegative,
});

/** One reading of one server: the host readings, and what else the host reports (each entry checked on its own). */
export const serverMetricsSchema = hostReadingSchema.extend({
  services: z.array(serviceEntrySchema).max(MAX_SERVICES).optional(),
  volumes: z.array(volumeEntrySchema).max(MAX_VOLUMES).optional(),
  app_metrics: z.array(appMetricEntrySchema).max(MAX_APP_METRICS).optional(),
});

const uncheckedEntries = z.array(z.unknown(), { error: 'expects a list' }).optional();

/** What the collector parses: the host readings strictly, the other lists entry by entry (a bad entry is dropped with its reason, the reading kept). */
export const serverReportSchema = hostReadingSchema.extend({
  services: uncheckedEntries,
  volumes: uncheckedEntries,
  app_metrics: uncheckedEntries,
});

export const serverStatusSchema = z.object({
  server_id: text,
  online: z.boolean(),
  checked_at: timestamp,
});

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export type ServerEntry = z.infer<typeof serverEntrySchema>;
export type ServerList = z.infer<typeof serverListSchema>;
export type HostReading = z.infer<typeof hostReadingSchema>;
export type ServerMetricsAnswer = z.infer<typeof serverMetricsSchema>;
export type ServerReport = z.infer<typeof serverReportSchema>;
export type ServerStatusAnswer = z.infer<typeof serverStatusSchema>;
