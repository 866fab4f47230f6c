/** The one door into the analysis: what the service, HTTP, MCP and the CLI may use of it. */
export { AskService, type AskServiceDeps } from './ask-service';
export type { AnalysisData } from './engine/analysis-data';
export type { AlertFeed, FeedAlert, FeedEvent } from './engine/alert-feed';
export { isMaterial } from './engine/checks/anomalies';
export { ANOMALY_SCORE_THRESHOLD, createAnomalyDetector, scoreSeries, type ChangeKind } from './detectors/anomaly';
export { MAX_QUESTION_CHARS, type Entities, type Intent } from './nlu';
export type { Finding, Severity } from './findings';
export { median } from './series';
