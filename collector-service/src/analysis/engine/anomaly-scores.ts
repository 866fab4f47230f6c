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

  constructor(
    private readonly window: HistoryWindow,
    private readonly newDetector: () => OnlineDetector
  ) {}

  /** Forget every detector (after the window was reloaded). */
  reset(): void {
    this.tracks.clear();
    this.emptyTo.clear();
  }

  /**
   * Scores of the buckets of [fromMs, toMs) that are complete by `nowMs` and hold a value.
   * Feeds the detector every complete bucket it has not seen yet, from the oldest the window holds.
   */
  scores(serverId: string, metric: MetricName, fromMs: number, toMs: number, nowMs: number): ScoredSeries {
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

  private track(serverId: string, metric: MetricName, fedTo: number): Track {
    let track = this.tracks.get(serverId, metric);
    if (!track) {
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
