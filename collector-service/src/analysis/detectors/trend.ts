/**
 * Trend of a capacity series (memory, disk): a line fitted to the segment since the last reset,
 * so a sawtooth that drops at every clean-up or restart is read by its rising teeth, not its average.
 * When the current tooth is too short to fit, the previous complete tooth gives the rate.
 */
import { HOUR_MS, MINUTE_MS, type Series } from '../series';
import { fitLine, type LinearFit } from './linear-fit';
import { findResets } from './resets';

export interface TrendOptions {
  /** A segment shorter than this gives no rate. */
  minSpanMs: number;
  minPoints: number;
  /** A rate (units/hour) below this is flat. */
  minRatePerHour: number;
  /** A fit explaining less of the variance than this is noise, not a trend. */
  minR2: number;
  /** A rise smaller than this over the segment is not worth reporting as a trend. */
  minRise: number;
}

export const DEFAULT_TREND_OPTIONS: TrendOptions = {
  minSpanMs: 30 * MINUTE_MS,
  minPoints: 20,
  minRatePerHour: 0.2,
  minR2: 0.6,
  minRise: 5,
};

export type TrendDirection = 'rising' | 'falling' | 'flat';

export interface SegmentFit {
  startMs: number;
  endMs: number;
  fromValue: number;
  toValue: number;
  fit: LinearFit;
}

export interface TrendResult {
  /** `insufficient` when no segment is long enough to fit: "not enough history". */
  status: 'insufficient' | TrendDirection;
  /** Units per hour of the segment the rate comes from (0 when insufficient). */
  ratePerHour: number;
  /** Which segment gave the rate. */
  basis: 'current' | 'previous' | null;
  /** The fitted segment (current, or the previous tooth). */
  segment: SegmentFit | null;
  /** Newest value, and when. */
  current: number;
  currentAt: number;
  /** Times of the resets found (ms), oldest first. */
  resets: number[];
  /** Complete teeth that rose by `minRise` or more and then fell: the signature of a leak that gets restarted. */
  risingCycles: number;
  /** How much history there is in all (ms), current segment or not. */
  historyMs: number;
}

function fitSegment(s: Series, from: number, to: number): SegmentFit | null {
  const fit = fitLine(s.t, s.v, from, to);
  if (!fit) return null;
  return { startMs: s.t[from], endMs: s.t[to - 1], fromValue: s.v[from], toValue: s.v[to - 1], fit };
}

function longEnough(seg: SegmentFit | null, o: TrendOptions): seg is SegmentFit {
  return seg !== null && seg.endMs - seg.startMs >= o.minSpanMs && seg.fit.n >= o.minPoints;
}

function direction(seg: SegmentFit, o: TrendOptions): TrendDirection {
  const { slopePerHour, r2 } = seg.fit;
  if (Math.abs(slopePerHour) < o.minRatePerHour || r2 < o.minR2) return 'flat';
  return slopePerHour > 0 ? 'rising' : 'falling';
}

export function analyzeTrend(s: Series, options: Partial<TrendOptions> = {}): TrendResult {
  const o = { ...DEFAULT_TREND_OPTIONS, ...options };
  const n = s.v.length;
  const base = {
    current: n > 0 ? s.v[n - 1] : NaN,
    currentAt: n > 0 ? s.t[n - 1] : NaN,
    historyMs: n > 1 ? s.t[n - 1] - s.t[0] : 0,
  };
  const resetIdx = findResets(s.v);
  const bounds = [0, ...resetIdx, n];
  let risingCycles = 0;
  // Complete teeth: between two resets (the first, partial one from the window start counts too if it rose).
  for (let k = 0; k + 2 < bounds.length; k++) {
    const seg = fitSegment(s, bounds[k], bounds[k + 1]);
    if (longEnough(seg, o) && direction(seg, o) === 'rising' && seg.toValue - seg.fromValue >= o.minRise)
      risingCycles++;
  }
  const resets = resetIdx.map((i) => s.t[i]);
  const current = fitSegment(s, bounds[bounds.length - 2], n);
  if (longEnough(current, o)) {
    return {
      ...base,
      status: direction(current, o),
      ratePerHour: current.fit.slopePerHour,
      basis: 'current',
      segment: current,
      resets,
      risingCycles,
    };
  }
  if (bounds.length >= 3) {
    const previous = fitSegment(s, bounds[bounds.length - 3], bounds[bounds.length - 2]);
    if (longEnough(previous, o) && direction(previous, o) === 'rising') {
      return {
        ...base,
        status: 'rising',
        ratePerHour: previous.fit.slopePerHour,
        basis: 'previous',
        segment: previous,
        resets,
        risingCycles,
      };
    }
  }
  return { ...base, status: 'insufficient', ratePerHour: 0, basis: null, segment: null, resets, risingCycles };
}

/** A rise worth reporting: steady over a long enough segment, or the repeated rise-and-drop of a leak. */
export function isReportableRise(trend: TrendResult, options: Partial<TrendOptions> = {}): boolean {
  const o = { ...DEFAULT_TREND_OPTIONS, ...options };
  if (trend.status !== 'rising' || !trend.segment) return false;
  const rise = trend.ratePerHour * ((trend.segment.endMs - trend.segment.startMs) / HOUR_MS);
  return rise >= o.minRise || trend.risingCycles >= 1;
}
