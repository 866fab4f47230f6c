/** The OpenManager data source: Grafana's DataSourceApi wired to the service client and the query, variable and filter logic. */
import {
  CoreApp,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceGetTagValuesOptions,
  DataSourceInstanceSettings,
  LegacyMetricFindQueryOptions,
  MetricFindValue,
  TestDataSourceResponse,
} from '@grafana/data';
import { TemplateSrv, getTemplateSrv } from '@grafana/runtime';

import { annotationSupport } from './annotationSupport';
import { TimeRangeMs, askService } from './app/askService';
import { checkService } from './app/healthCheck';
import { listSeriesNames, listServers, runVariableQuery, seriesLabelValues, tagValues } from './app/inventoryQueries';
import { runQueries } from './app/queryRunner';
import { seriesRequest } from './app/seriesRequest';
import { ServiceClient } from './app/serviceClient';
import {
  AskAnswer,
  DEFAULT_QUERY,
  OpenManagerOptions,
  OpenManagerQuery,
  SERVER_LABELS,
  SeriesRef,
  ServerSummary,
  VariableQuery,
} from './types';
import { OpenManagerVariableSupport } from './variableSupport';

export class DataSource extends DataSourceApi<OpenManagerQuery, OpenManagerOptions> {
  private readonly client: ServiceClient;

  constructor(
    instanceSettings: DataSourceInstanceSettings<OpenManagerOptions>,
    private readonly templateSrv: TemplateSrv = getTemplateSrv()
  ) {
    super(instanceSettings);
    this.client = new ServiceClient(instanceSettings.url ?? '', instanceSettings.jsonData?.url);
    this.variables = new OpenManagerVariableSupport(this);
    this.annotations = annotationSupport;
  }

  getDefaultQuery(_app: CoreApp): Partial<OpenManagerQuery> {
    return DEFAULT_QUERY;
  }

  filterQuery(query: OpenManagerQuery): boolean {
    return !query.hide;
  }

  query(request: DataQueryRequest<OpenManagerQuery>): Promise<DataQueryResponse> {
    return runQueries(request, { client: this.client, templateSrv: this.templateSrv });
  }

  testDatasource(): Promise<TestDataSourceResponse> {
    return checkService(this.client);
  }

  metricFindQuery(query: VariableQuery | string, options?: LegacyMetricFindQueryOptions): Promise<MetricFindValue[]> {
    return runVariableQuery(query, this.client, this.templateSrv, options?.scopedVars);
  }

  async getTagKeys(): Promise<MetricFindValue[]> {
    return SERVER_LABELS.map((label) => ({ text: label }));
  }

  getTagValues(options: DataSourceGetTagValuesOptions<OpenManagerQuery>): Promise<MetricFindValue[]> {
    return tagValues(options.key, options.filters ?? [], this.client);
  }

  /** The inventory, for the editors' server pickers. */
  listServers(): Promise<ServerSummary[]> {
    return listServers(this.client);
  }

  /** Names of the labelled series, for the editors' series pickers. */
  listSeriesNames(): Promise<string[]> {
    return listSeriesNames(this.client);
  }

  /** Values a label takes on a labelled series, for the label filters of the query editor. */
  seriesLabelValues(series: string, label: string): Promise<string[]> {
    return seriesLabelValues(this.client, series, label);
  }

  /**
   * Asks the service a question (POST /api/ask) over a range, through the data proxy route that adds the key;
   * the ask-AI panel calls this, as panels may not use the data proxy themselves.
   */
  ask(question: string, range?: TimeRangeMs): Promise<AskAnswer> {
    return askService(this.client, question, range);
  }

  /** Time series of several server metrics (frames with refIds S0, S1, ... in the order given), e.g. behind findings. */
  querySeries(series: SeriesRef[], range: TimeRangeMs, maxDataPoints: number): Promise<DataQueryResponse> {
    return runQueries(seriesRequest(series, range, maxDataPoints), {
      client: this.client,
      templateSrv: this.templateSrv,
    });
  }

  /** `$name` of every dashboard variable, offered beside server ids in the editors. */
  templateVariableNames(): string[] {
    return this.templateSrv.getVariables().map((variable) => `$${variable.name}`);
  }
}
