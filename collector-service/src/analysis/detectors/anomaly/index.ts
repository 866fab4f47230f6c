/** Public face of the online anomaly detector used by the service and the `detect` command. */
export { ANOMALY_SCORE_THRESHOLD, createAnomalyDetector, scoreSeries, type AnomalyDetector } from './anomaly-detector';
export { DEFAULT_ANOMALY_DETECTOR_OPTIONS, type AnomalyDetectorOptions } from './detector-options';
export { FEATURE_NAMES, type FeatureName } from './metric-features';
