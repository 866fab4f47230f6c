/** GET /api/annotations: its query parameters, and its answer as a frame Grafana turns into annotations. */
import { DataFrame, FieldType, createDataFrame } from '@grafana/data';

import { AnnotationsResponse } from '../types';
import { QueryParams } from './serviceClient';

/** `servers` is left out when empty (every server); lists are comma-separated. */
export function annotationParams(range: { from: number; to: number }, servers: string[], kinds: string[]): QueryParams {
  const params: QueryParams = { from: String(range.from), to: String(range.to), kinds: kinds.join(',') };
  if (servers.length > 0) {
    params.servers = servers.join(',');
  }
  return params;
}

function toEpochMs(value: number | string, what: string): number {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw new Error(`The service sent an annotation whose ${what} "${value}" is neither epoch ms nor ISO-8601.`);
  }
  return ms;
}

/** Fields named as Grafana's standard annotation mapping expects: time, timeEnd, title, text, tags. */
export function annotationsToFrame(refId: string, response: AnnotationsResponse): DataFrame {
  const annotations = response.annotations ?? [];
  return createDataFrame({
    refId,
    meta: response.truncated
      ? {
          notices: [
            { severity: 'warning', text: `Only the ${annotations.length} most severe and newest events are shown.` },
          ],
        }
      : undefined,
    fields: [
      { name: 'time', type: FieldType.time, values: annotations.map((a) => toEpochMs(a.time, 'time')) },
      {
        name: 'timeEnd',
        type: FieldType.time,
        values: annotations.map((a) => (a.timeEnd == null ? null : toEpochMs(a.timeEnd, 'timeEnd'))),
      },
      {
        name: 'title',
        type: FieldType.string,
        values: annotations.map((a) => `${a.serverId} ${a.metric}: ${a.kind} (${a.severity})`),
      },
      { name: 'text', type: FieldType.string, values: annotations.map((a) => a.text) },
      {
        name: 'tags',
        type: FieldType.other,
        values: annotations.map((a) => a.tags ?? [a.kind, a.severity, a.serverId, a.metric]),
      },
    ],
  });
}
