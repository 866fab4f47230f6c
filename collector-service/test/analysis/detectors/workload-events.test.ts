/** Workload state changes read from built labelled series: stopped units, pod restarts, pods not running, restarts on resets. */
import {
  coinciding,
  podRestarts,
  podsNotRunning,
  stoppedServices,
} from '../../../src/analysis/detectors/workload-events';
import type { StoredLabelledSeries } from '../../../src/storage/series/series-reader';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 26, 0, 0);

function built(serverId: string, name: string, labels: Record<string, string>, values: number[]): StoredLabelledSeries {
  return { serverId, name, labels, timestampsMs: values.map((_, i) => T0 + i * MINUTE), values: [...values] };
}
const at = (minute: number) => T0 + minute * MINUTE;
const up = (server: string, service: string, values: number[]) =>
  built(server, 'openmanager_service_up', { service }, values);

describe('stopped services', () => {
  test('a unit down now is reported from the first sample of its current run of down', () => {
    const series = [
      up('MAIL', 'postfix.service', [1, 1, 1, 0, 1, 1, 0, 0, 0, 0]),
      up('MAIL', 'sshd.service', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
    ];
    expect(stoppedServices(series, at(9))).toEqual([
      { serverId: 'MAIL', service: 'postfix.service', sinceMs: at(6), sinceBeforeRange: false },
    ]);
  });

  test('a unit down for all the range says it stopped before it', () => {
    expect(stoppedServices([up('MAIL', 'postfix.service', [0, 0, 0])], at(2))).toEqual([
      { serverId: 'MAIL', service: 'postfix.service', sinceMs: at(0), sinceBeforeRange: true },
    ]);
  });

  test('a unit that came back, or is no longer reported, is not down', () => {
    expect(stoppedServices([up('A', 'nginx.service', [0, 0, 1])], at(2))).toEqual([]);
    expect(stoppedServices([up('A', 'nginx.service', [1, 0, 0])], at(10))).toEqual([]);
  });
});

describe('pod restarts', () => {
  const restarts = (pod: string, values: number[]) =>
    built('NODE', 'openmanager_pod_restarts_total', { namespace: 'payments', pod }, values);

  test('counter rises are restarts, a jump of two counts two, a fall is a new counter', () => {
    expect(podRestarts([restarts('api', [3, 3, 4, 4, 6, 6, 0, 0, 1]), restarts('quiet', [2, 2, 2])])).toEqual([
      { serverId: 'NODE', namespace: 'payments', pod: 'api', atMs: [at(2), at(4), at(8)], count: 4 },
    ]);
  });

  test('restarts on the host memory resets are counted within the tolerance only', () => {
    const resets = [at(60), at(420)];
    expect(coinciding([at(61), at(419), at(200)], resets, 5 * MINUTE)).toBe(2);
    expect(coinciding([at(70)], resets, 5 * MINUTE)).toBe(0);
  });
});

describe('pods not running', () => {
  const phase = (pod: string, p: string, values: number[]) =>
    built('NODE', 'openmanager_pod_status', { namespace: 'web', pod, phase: p }, values);

  test('the newest phase counts: Failed and Pending are reported, Running and Succeeded are not', () => {
    const series = [
      phase('a', 'Running', [1, 1, 1, 1]),
      phase('b', 'Running', [1, 1]),
      { ...phase('b', 'Failed', [1, 1]), timestampsMs: [at(2), at(3)] },
      phase('c', 'Pending', [1, 1, 1, 1]),
      phase('d', 'Succeeded', [1, 1, 1, 1]),
    ];
    expect(podsNotRunning(series, at(3))).toEqual([
      { serverId: 'NODE', namespace: 'web', pod: 'b', phase: 'Failed', sinceMs: at(2) },
      { serverId: 'NODE', namespace: 'web', pod: 'c', phase: 'Pending', sinceMs: at(0) },
    ]);
  });

  test('a phase no longer reported is stale', () => {
    expect(podsNotRunning([phase('c', 'Pending', [1, 1])], at(30))).toEqual([]);
  });
});
