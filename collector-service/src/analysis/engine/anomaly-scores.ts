/**
 * Anomaly scores of the window's series from the shared online detector, one detector per
 * (server, metric) fed bucket by bucket as buckets complete, so each point is scored once.
 */
import type { MetricName } from '../../domain/metrics';
import { CHANGE_KINDS, type AnomalyAlarm, type ChangeKind } from '../detectors/anomaly';
import type { Series } from '../series';
import { BySeries } from './by-series';
import type { HistoryWindow } from './history-window';

/** The online detector's face as the engine uses it: one call per point, in time order, score in [0, 1]. */
export interface OnlineDetector {
  update(timestampMs: number, value: number): number;
  /** The newest alarm and what kind of change it was (its kind may be revised over the points after it). */
  lastAlarm(): AnomalyAlarm | null;
}

/** Scores, and at each alarm the kind of change the detector saw (null elsewhere). */
export interface ScoredSeries extends Series {
  change: Array<ChangeKind | null>;
}

const NO_KIND = 255;

/**
 * Detectors held at once. Each keeps its reference windows (about 52 KB with the default options), so
 * scoring every series of a 10,000-server fleet (60,000) would take about 3 GB. Past this many, a series
 * first asked for later goes unscored (its scores read as none) until the window is rebuilt.
 */
export const MAX_SCORED_SERIES = 600;

/** What the scores read of the window. */
export type ScoredWindow = Pick<HistoryWindow, 'stepMs' | 'spanMs' | 'capacity' | 'series'>;

interface Track {
  detector: OnlineDetector;
  /** Newest bucket fed. */
  fedTo: number;
  /** Scores by ring slot, with the bucket each slot holds. */
  scores: Float64Array;
  bucketOf: Float64Array;
  /** Index into CHANGE_KINDS by ring slot, NO_KIND where the point was no alarm. */
  kinds: Uint8Array;
}

export class AnomalyScores {
  private readonly tracks = new BySeries<Track>();
  /** Series read with nothing to score yet: the newest bucket read, so the next read starts after it. */
  private readonly emptyTo = new BySeries<number>();
  /** Series refused a detector because MAX_SCORED_SERIES were already held. */
  private readonly refused = new BySeries<true>();
  private tracked = 0;
  private toldFull = false;

  private readonly maxSeries: number;
  private readonly onFull: (maxSeries: number) => void;

  /** `onFull` is told once, when the first series is refused a detector. */
  constructor(
    private readonly window: ScoredWindow,
    private readonly newDetector: () => OnlineDetector,
    bound: { maxSeries?: number; onFull?: (maxSeries: number) => void } = {}
  ) {
    this.maxSeries = bound.maxSeries ?? MAX_SCORED_SERIES;
    this.onFull = bound.onFull ?? (() => {});
  }

  /**
   * Scores of the buckets of [fromMs, toMs) that are complete by `nowMs` and hold a value.
   * Feeds the detector every complete bucket it has not seen yet, from the oldest the window holds.
   */
  scores(serverId: string, metric: MetricName, fromMs: number, toMs: number, nowMs: number): ScoredSeries {
    if (this.refused.get(serverId, metric)) return { t: [], v: [], change: [] };
    const step = this.window.stepMs;
    const lastComplete = Math.floor(nowMs / step) - 1;
    const fedTo =
      this.tracks.get(serverId, metric)?.fedTo ??
      this.emptyTo.get(serverId, metric) ??
      Math.floor((nowMs - this.window.spanMs) / step) - 1;
    if (lastComplete > fedTo) {
      const values = this.window.series(serverId, metric, (fedTo + 1) * step, (lastComplete + 1) * step);
      // A series with nothing to score yet gets no detector: a big fleet's quiet or new series cost nothing.
      const track = values.t.length > 0 ? this.track(serverId, metric, fedTo) : this.tracks.get(serverId, metric);
      if (!track) {
        this.emptyTo.set(serverId, metric, lastComplete);
        return { t: [], v: [], change: [] };
      }
      for (let i = 0; i < values.t.length; i++) {
        const bucket = Math.floor(values.t[i] / step);
        const slot = bucket % this.window.capacity;
        track.scores[slot] = track.detector.update(values.t[i], values.v[i]);
        track.bucketOf[slot] = bucket;
        track.kinds[slot] = NO_KIND;
        const alarm = track.detector.lastAlarm();
        if (alarm) {
          const alarmBucket = Math.floor(alarm.timestampMs / step);
          const alarmSlot = alarmBucket % this.window.capacity;
          if (track.bucketOf[alarmSlot] === alarmBucket) track.kinds[alarmSlot] = CHANGE_KINDS.indexOf(alarm.kind);
        }
      }
      track.fedTo = lastComplete;
    }
    const track = this.tracks.get(serverId, metric);
    const out: ScoredSeries = { t: [], v: [], change: [] };
    if (!track) return out;
    const last = Math.min(Math.floor((toMs - 1) / step), lastComplete);
    for (let b = Math.floor(fromMs / step); b <= last; b++) {
      const slot = b % this.window.capacity;
      if (track.bucketOf[slot] === b) {
        out.t.push(b * step);
        out.v.push(track.scores[slot]);
        out.change.push(track.kinds[slot] === NO_KIND ? null : CHANGE_KINDS[track.kinds[slot]]);
      }
    }
    return out;
  }

  private track(serverId: string, metric: MetricName, fedTo: number): Track | undefined {
    let track = this.tracks.get(serverId, metric);
    if (!track && this.tracked >= this.maxSeries) {
      this.refused.set(serverId, metric, true);
      if (!this.toldFull) this.onFull(this.maxSeries);
      this.toldFull = true;
      return undefined;
    }
    if (!track) {
      this.tracked++;
      this.emptyTo.delete(serverId, metric);
      track = {
        detector: this.newDetector(),
        fedTo,
        scores: new Float64Array(this.window.capacity),
        bucketOf: new Float64Array(this.window.capacity).fill(-1),
        kinds: new Uint8Array(this.window.capacity).fill(NO_KIND),
      };
      this.tracks.set(serverId, metric, track);
    }
    return track;
  }
}
