/**
 * A second dev set: the dummy simulator's healthy metrics (daily cycle plus noise, per server) with one labelled
 * incident each, of the kinds operators meet, in NAB's layout and labelling (one window of 10 % of the series,
 * centred on the onset). Deterministic: the same call gives the same files.
 */
import { baselineOf, healthyReadings, type Readings } from '../collectors/dummy/baseline';
import { unit } from '../collectors/dummy/noise';
import { buildFleet } from '../collectors/dummy/fleet';
import type { NabSeries } from './nab-dataset';

const STEP_MS = 5 * 60_000;
const POINTS = 10 * 288;
const START_MS = Date.UTC(2026, 0, 5);
const SEED = 14;
const HALF_DAY_MS = 12 * 3_600_000;

type Metric = 'cpu' | 'memory' | 'networkIn';

interface Incident {
  category: string;
  metric: Metric;
  /** The series from the healthy one: `healthy(i, shiftMs)` reads the simulator at point i (shifted in time). */
  apply(
    i: number,
    onset: number,
    healthy: (i: number, shiftMs?: number) => number,
    draw: number,
    previous: number[]
  ): number;
}

const clampPct = (v: number) => Math.min(100, Math.max(0, v));
/** Usage metrics move in points, traffic in multiples. */
const bump = (metric: Metric, v: number, points: number, factor: number) =>
  metric === 'networkIn' ? v * factor : clampPct(v + points);

export const INCIDENTS: readonly Incident[] = [
  {
    category: 'simSpike',
    metric: 'cpu',
    apply: (i, k, h, d) => (i === k || i === k + 1 ? clampPct(h(i) + 35 + 25 * d) : h(i)),
  },
  {
    category: 'simLevelShift',
    metric: 'networkIn',
    apply: (i, k, h, d) => (i >= k ? bump('networkIn', h(i), 0, 1.8 + d) : h(i)),
  },
  {
    category: 'simLevelShiftCpu',
    metric: 'cpu',
    apply: (i, k, h, d) => (i >= k ? bump('cpu', h(i), 15 + 10 * d, 1) : h(i)),
  },
  // A leak: memory climbs 20-30 points a day from the onset.
  {
    category: 'simLeak',
    metric: 'memory',
    apply: (i, k, h, d) => (i >= k ? clampPct(h(i) + ((20 + 10 * d) * (i - k)) / 288) : h(i)),
  },
  {
    category: 'simVarianceChange',
    metric: 'cpu',
    apply: (i, k, h, d) =>
      i >= k
        ? clampPct(
            h(i) +
              (6 + 4 * d) *
                Math.sqrt(-2 * Math.log(unit(SEED, i, 7) + 1e-12)) *
                Math.cos(2 * Math.PI * unit(SEED, i, 8))
          )
        : h(i),
  },
  // A frozen exporter: the last reading repeated.
  { category: 'simFlatline', metric: 'memory', apply: (i, k, h, _d, prev) => (i >= k ? prev[k - 1] : h(i)) },
  // A batch schedule moved twelve hours: the daily cycle runs at the wrong time of day.
  { category: 'simPatternBreak', metric: 'cpu', apply: (i, k, h) => (i >= k ? h(i, HALF_DAY_MS) : h(i)) },
  // A byte counter (cumulative traffic) that restarts from zero.
  { category: 'simCounterReset', metric: 'networkIn', apply: () => NaN },
  { category: 'simHealthy', metric: 'cpu', apply: (i, _k, h) => h(i) },
];

const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

function healthySeries(serverIndex: number, metric: Metric): (i: number, shiftMs?: number) => number {
  const server = buildFleet(30)[serverIndex % 30];
  const baseline = baselineOf(server, SEED, START_MS);
  return (i, shiftMs = 0) =>
    healthyReadings(baseline, SEED, START_MS + i * STEP_MS + shiftMs)[metric as keyof Readings];
}

/** `perKind` series of each incident kind (and as many healthy ones), with their NAB label windows. */
export function simulatedIncidents(perKind: number): {
  series: NabSeries[];
  labels: Record<string, Array<[string, string]>>;
} {
  const series: NabSeries[] = [];
  const labels: Record<string, Array<[string, string]>> = {};
  const stamps = Array.from({ length: POINTS }, (_, i) => stamp(START_MS + i * STEP_MS));
  const timestampsMs = stamps.map((_, i) => START_MS + i * STEP_MS);
  const halfWindow = Math.floor((0.1 * POINTS) / 2);
  INCIDENTS.forEach((incident, kindIndex) => {
    for (let n = 0; n < perKind; n++) {
      const serverIndex = kindIndex * 7 + n * 5;
      const healthy = healthySeries(serverIndex, incident.metric);
      const draw = unit(SEED, kindIndex, n, 1);
      const onset = Math.floor(POINTS * (0.5 + 0.35 * unit(SEED, kindIndex, n, 2)));
      const values: number[] = [];
      if (incident.category === 'simCounterReset') {
        let total = 0;
        for (let i = 0; i < POINTS; i++) {
          if (i === onset) total = 0;
          total += healthy(i) * (STEP_MS / 1000);
          values.push(Math.round(total));
        }
      } else {
        for (let i = 0; i < POINTS; i++)
          values.push(Math.round(incident.apply(i, onset, healthy, draw, values) * 1000) / 1000);
      }
      const rel = `${incident.category}/${incident.category}_${n + 1}.csv`;
      series.push({ rel, category: incident.category, stamps, timestampsMs, values });
      labels[rel] =
        incident.category === 'simHealthy'
          ? []
          : [[`${stamps[onset - halfWindow]}.000000`, `${stamps[onset + halfWindow - 1]}.000000`]];
    }
  });
  return { series, labels };
}
