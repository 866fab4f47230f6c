import { ServerSummary } from '../types';
import { AdHocFilterError, matchesFilter, toWireFilters } from './adhocFilters';
import { distinctValues, matchesSelection, selectionParams } from './serverInventory';

function server(
  id: string,
  provider: string,
  region: string,
  role: string,
  status: ServerSummary['status']
): ServerSummary {
  return { id, provider, region, role, status, lastSeen: 1764115200000, labels: {} };
}

const fleet = [
  server('DB-EU-001', 'aws', 'eu-west-1', 'database', 'online'),
  server('DB-EU-002', 'aws', 'eu-west-1', 'database', 'critical'),
  server('WEB-US-003', 'aws', 'us-east-1', 'web', 'offline'),
  server('ONPREM-DB-01', 'onprem', 'seoul-dc1', 'database', 'online'),
  server('K8S-WORKER-03', 'kubernetes', 'ap-northeast-2', 'worker', 'warning'),
];

describe('toWireFilters', () => {
  it('passes the supported filters through as key/operator/value', () => {
    expect(
      toWireFilters([
        { key: 'provider', operator: '=', value: 'aws' },
        { key: 'status', operator: '!~', value: 'offline|critical' },
      ])
    ).toEqual([
      { key: 'provider', operator: '=', value: 'aws' },
      { key: 'status', operator: '!~', value: 'offline|critical' },
    ]);
    expect(toWireFilters(undefined)).toEqual([]);
  });

  it('names an unsupported key or operator', () => {
    expect(() => toWireFilters([{ key: 'cluster', operator: '=', value: 'prod-k8s' }])).toThrow(
      'Ad hoc filter on "cluster" is not supported: use provider, region, role, status.'
    );
    expect(() => toWireFilters([{ key: 'region', operator: '<', value: 'x' }])).toThrow(AdHocFilterError);
  });
});

describe('matchesFilter', () => {
  it.each([
    [{ key: 'provider', operator: '=', value: 'aws' } as const, ['DB-EU-001', 'DB-EU-002', 'WEB-US-003']],
    [{ key: 'role', operator: '!=', value: 'database' } as const, ['WEB-US-003', 'K8S-WORKER-03']],
    [{ key: 'region', operator: '=~', value: 'eu-.*|seoul-dc1' } as const, ['DB-EU-001', 'DB-EU-002', 'ONPREM-DB-01']],
    // regexes match the whole value: "on" is not "online"
    [{ key: 'status', operator: '=~', value: 'on' } as const, []],
    [{ key: 'status', operator: '=~', value: 'on.*' } as const, ['DB-EU-001', 'ONPREM-DB-01']],
    [{ key: 'status', operator: '!~', value: 'online|offline' } as const, ['DB-EU-002', 'K8S-WORKER-03']],
  ])('%j keeps the servers the service would keep', (filter, ids) => {
    expect(fleet.filter((s) => matchesFilter(s, filter)).map((s) => s.id)).toEqual(ids);
  });

  it('names an invalid regular expression', () => {
    expect(() => matchesFilter(fleet[0], { key: 'region', operator: '=~', value: '(' })).toThrow(
      'not a valid regular expression'
    );
  });
});

describe('server inventory selection', () => {
  it('sends single values as query parameters and filters several values here', () => {
    const selection = { provider: ['aws'], region: ['eu-west-1', 'us-east-1'], role: [] };
    expect(selectionParams(selection)).toEqual({ provider: 'aws' });
    expect(fleet.filter((s) => matchesSelection(s, selection)).map((s) => s.id)).toEqual([
      'DB-EU-001',
      'DB-EU-002',
      'WEB-US-003',
    ]);
  });

  it('lists distinct values sorted', () => {
    expect(distinctValues(fleet, 'provider')).toEqual(['aws', 'kubernetes', 'onprem']);
    expect(distinctValues(fleet, 'role')).toEqual(['database', 'web', 'worker']);
  });
});
