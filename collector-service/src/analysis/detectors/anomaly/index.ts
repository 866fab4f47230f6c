/** Public face of the online anomaly detector used by the service and the `detect` command. */
export {
  ANOMALY_SCORE_THRESHOLD,
  createAnomalyDetector,
  scoreSeries,
  type AnomalyAlarm,
  type AnomalyDetector,
} from './anomaly-detector';
export { CHANGE_KINDS, type ChangeKind } from './change-kind';
export { DEFAULT_ANOMALY_DETECTOR_OPTIONS, type AnomalyDetectorOptions } from './detector-options';
