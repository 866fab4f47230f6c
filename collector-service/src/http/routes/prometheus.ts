/** Prometheus's HTTP read API under /prometheus, for Grafana's built-in Prometheus data source. */
import { Hono, type Context } from 'hono';
import {
  ApiParams,
  durationParam,
  limitParam,
  matchParams,
  optionalTimeParam,
  timeParam,
} from '../../promql/api/api-params';
import { badData, PromError } from '../../promql/errors';
import { failure, success } from '../../promql/api/format';
import { labelNames, labelValues, limited, seriesAnswer } from '../../promql/store/label-index';
import { LABEL_NAME } from '../../promql/labels';
import { metadataAnswer } from '../../promql/store/metric-catalog';
import { instantQuery, parseQueryParam, rangeQuery } from '../../promql/eval/query-engine';
import { CombinedSource } from '../../alerts/alert-series';
import { alertsAnswer, rulesAnswer } from '../../alerts/alert-views';
import { StoredSeriesSource } from '../../promql/store/stored-series';
import { LabelledSeriesSource } from '../../promql/store/labelled-series';
import type { RequireRole } from '../auth';
import type { ServiceContext } from '../../service-context';
import { ApiError } from '../errors';
import { LimitError } from '../../limits';
import { requestBudget } from '../request-budget';
import { jsonAnswer } from '../json-answer';

/** The Prometheus version whose API this one follows; Grafana reads it to pick the features it uses. */
const COMPATIBLE_PROMETHEUS_VERSION = '2.53.0';

const BASE = '/prometheus/api/v1';

function errorResponse(c: Context, err: Error, ctx: ServiceContext) {
  if (err instanceof PromError) return c.json(failure(err.errorType, err.message), err.status);
  if (err instanceof LimitError)
    return c.json(failure(err.code === 'query_timeout' ? 'timeout' : 'execution', err.message), err.status);
  if (err instanceof ApiError) {
    const type = err.status === 401 ? 'unauthorized' : err.status === 403 ? 'forbidden' : 'bad_data';
    return c.json(failure(type, err.message), err.status);
  }
  ctx.log.error({ err: err.message, stack: err.stack, path: c.req.path }, 'prometheus API request failed');
  return c.json(failure('internal', 'internal error; the service log has the details'), 500);
}

export function prometheusRoutes(ctx: ServiceContext, requireRole: RequireRole) {
  const app = new Hono();
  const stored = new StoredSeriesSource(ctx.servers, ctx.storage.store, ctx.storage.store.sql);
  const labelled = new LabelledSeriesSource(ctx.storage.series, ctx.servers);
  // Queries also see what the alerting writes and reads: ALERTS, ALERTS_FOR_STATE, openmanager_anomaly_score.
  const source = new CombinedSource([stored, labelled, ...ctx.alerting.derivedSources()]);
  const GET_POST = ['GET', 'POST'];

  /** QUERY_TIMEOUT_MS and QUERY_MAX_SAMPLES; a `timeout` parameter can only shorten the deadline. */
  const budgetOf = (c: Context, params: ApiParams) => requestBudget(ctx, c, durationParam(params, 'timeout'));

  /** The series the label endpoints describe: those matching match[] (all when absent) with samples in [start, end]. */
  async function seriesIn(c: Context, params: ApiParams) {
    const matchers = matchParams(params);
    const start = optionalTimeParam(params, 'start');
    const end = optionalTimeParam(params, 'end');
    // Stored spans are (from, to]; Prometheus's are [start, end] at millisecond precision.
    const from = start === undefined ? undefined : start - 1;
    const budget = budgetOf(c, params);
    return [
      ...(await stored.seriesLabels(matchers, budget, from, end)),
      ...(await labelled.seriesLabels(matchers, budget, from)),
      ...ctx.alerting.evaluator.series.seriesLabels(matchers, from, end),
    ];
  }

  app.use(`${BASE}/*`, requireRole('read'));

  app.on(GET_POST, `${BASE}/query`, async (c) => {
    const params = await ApiParams.fromRequest(c.req.raw);
    const timeMs = timeParam(params, 'time', ctx.now());
    const budget = budgetOf(c, params);
    return jsonAnswer(c, success(await instantQuery(source, params.get('query') ?? '', timeMs, { budget })));
  });

  app.on(GET_POST, `${BASE}/query_range`, async (c) => {
    const params = await ApiParams.fromRequest(c.req.raw);
    const startMs = timeParam(params, 'start');
    const endMs = timeParam(params, 'end');
    const stepMs = durationParam(params, 'step');
    if (stepMs === undefined) throw badData('invalid parameter "step": cannot parse "" to a valid duration');
    const budget = budgetOf(c, params);
    return jsonAnswer(
      c,
      success(await rangeQuery(source, params.get('query') ?? '', { startMs, endMs, stepMs }, { budget }))
    );
  });

  app.on(GET_POST, `${BASE}/query_exemplars`, async (c) => {
    const params = await ApiParams.fromRequest(c.req.raw);
    parseQueryParam(params.get('query') ?? '');
    // OpenManager stores no exemplars: the truthful answer is an empty list.
    return c.json(success([]));
  });

  app.on(GET_POST, `${BASE}/labels`, async (c) => {
    const params = await ApiParams.fromRequest(c.req.raw);
    const { items, warnings } = limited(labelNames(await seriesIn(c, params)), limitParam(params));
    return c.json({ ...success(items), ...(warnings && { warnings }) });
  });

  app.get(`${BASE}/label/:name/values`, async (c) => {
    const name = c.req.param('name');
    if (!LABEL_NAME.test(name)) throw badData(`invalid label name: ${JSON.stringify(name)}`);
    const params = await ApiParams.fromRequest(c.req.raw);
    const { items, warnings } = limited(labelValues(await seriesIn(c, params), name), limitParam(params));
    return c.json({ ...success(items), ...(warnings && { warnings }) });
  });

  app.on(GET_POST, `${BASE}/series`, async (c) => {
    const params = await ApiParams.fromRequest(c.req.raw);
    if (params.getAll('match[]').length === 0) throw badData('no match[] parameter provided');
    const { items, warnings } = limited(seriesAnswer(await seriesIn(c, params)), limitParam(params));
    return c.json({ ...success(items), ...(warnings && { warnings }) });
  });

  app.get(`${BASE}/metadata`, async (c) => {
    const params = await ApiParams.fromRequest(c.req.raw);
    return c.json(success(metadataAnswer(params.get('metric') || undefined, limitParam(params))));
  });

  app.get(`${BASE}/rules`, (c) => {
    const q = (name: string) => c.req.queries(name) ?? [];
    return c.json(
      success(
        rulesAnswer(ctx.alerting, {
          type: c.req.query('type'),
          ruleNames: q('rule_name[]'),
          groupNames: q('rule_group[]'),
          files: q('file[]'),
        })
      )
    );
  });

  app.get(`${BASE}/alerts`, (c) => c.json(success(alertsAnswer(ctx.alerting))));

  app.get(`${BASE}/status/buildinfo`, (c) =>
    c.json(
      success({
        version: COMPATIBLE_PROMETHEUS_VERSION,
        revision: `openmanager-${ctx.version}`,
        branch: 'openmanager',
        buildUser: 'openmanager',
        buildDate: '',
        goVersion: '',
      })
    )
  );

  app.all('/prometheus/*', (c) =>
    c.json(failure('not_found', `no Prometheus API endpoint ${c.req.method} ${c.req.path} in OpenManager`), 404)
  );
  app.onError((err, c) => errorResponse(c, err, ctx));
  return app;
}
