/** A finding's value and threshold as the panel writes them, per metric and kind. */
import { AskFinding } from '../../datasource/types';
import { findingValues } from './findingValues';

const finding = (change: Partial<AskFinding>): AskFinding => ({
  serverId: 'DB-EU-002',
  metric: 'cpu',
  kind: 'threshold',
  value: 86.71,
  threshold: 85,
  message: '',
  ...change,
});

describe('findingValues', () => {
  it.each([
    ['a cpu breach', {}, { metricTitle: 'CPU', value: '86.7%', threshold: '85%', exceeds: true }],
    [
      'memory under its threshold',
      { metric: 'memory', value: 78.04, threshold: 80 },
      { metricTitle: 'Memory', value: '78%', threshold: '80%', exceeds: false },
    ],
    [
      'network traffic in bytes/s',
      { metric: 'network_in', value: 12_500_000, threshold: null },
      { metricTitle: 'Network in', value: '12.5 MB/s' },
    ],
    [
      'a correlation coefficient',
      { kind: 'correlation', value: 0.934, threshold: 0.8 },
      { metricTitle: 'CPU', value: '0.93', threshold: '0.80', exceeds: true },
    ],
    ['an offline server', { metric: null, kind: 'offline', value: null, threshold: null }, { metricTitle: 'offline' }],
  ])('reads %s', (_, change, expected) => {
    expect(findingValues(finding(change as Partial<AskFinding>))).toEqual(expected);
  });
});
