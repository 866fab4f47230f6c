import { FieldType } from '@grafana/data';

import { renderAlias, toTargetFrames } from './frames';

/** The service's answer for one frame. */
const contractFrame = {
  schema: {
    name: 'cpu DB-EU-002',
    fields: [
      { name: 'time', type: 'time' },
      { name: 'cpu', type: 'number', labels: { server: 'DB-EU-002', provider: 'aws' }, config: { unit: 'percent' } },
    ],
  },
  data: {
    values: [
      [1764115200000, 1764115260000],
      [84.1, 85.3],
    ],
  },
};

describe('toTargetFrames', () => {
  it('turns the contract frame into a time series with labels, unit and a readable name', () => {
    const [frame] = toTargetFrames('A', [contractFrame as never], 'cpu of DB-EU-002');
    expect(frame.refId).toBe('A');
    expect(frame.length).toBe(2);
    const [time, cpu] = frame.fields;
    expect(time.type).toBe(FieldType.time);
    expect(time.values).toEqual([1764115200000, 1764115260000]);
    expect(cpu.type).toBe(FieldType.number);
    expect(cpu.values).toEqual([84.1, 85.3]);
    expect(cpu.labels).toEqual({ server: 'DB-EU-002', provider: 'aws' });
    expect(cpu.config.unit).toBe('percent');
    expect(cpu.config.displayNameFromDS).toBe('DB-EU-002 CPU');
  });

  it.each([
    ['network_in', 'Bps', 'WEB-US-001 Network in'],
    ['memory', 'percent', 'WEB-US-001 Memory'],
    ['load', 'short', 'WEB-US-001 Load (1m)'],
  ])('fills in unit and name of %s when the service sent none', (metric, unit, name) => {
    const json = {
      schema: {
        fields: [
          { name: 'time', type: 'time' },
          { name: metric, type: 'number', labels: { server: 'WEB-US-001' } },
        ],
      },
      data: { values: [[1], [2]] },
    };
    const [frame] = toTargetFrames('B', [json as never], metric);
    expect(frame.fields[1].config).toMatchObject({ unit, displayNameFromDS: name });
  });

  it('renders the alias from the series labels and the metric', () => {
    const [frame] = toTargetFrames(
      'A',
      [contractFrame as never],
      'cpu',
      '{{metric}} on {{ server }} ({{provider}}) {{unknown}}'
    );
    expect(frame.fields[1].config.displayNameFromDS).toBe('cpu on DB-EU-002 (aws) {{unknown}}');
  });

  it('keeps what the service decided: its display name and its notices', () => {
    const json = {
      schema: {
        meta: {
          notices: [
            { severity: 'info', text: 'Cache miss: served from the database' },
            { severity: 'warning', text: 'WEB-US-003 is offline: its newest sample is stale' },
          ],
        },
        fields: [
          { name: 'time', type: 'time' },
          { name: 'cpu', type: 'number', labels: { server: 'WEB-US-003' }, config: { displayNameFromDS: 'web 3' } },
        ],
      },
      data: { values: [[1], [50]] },
    };
    const [frame] = toTargetFrames('A', [json as never], 'cpu');
    expect(frame.meta?.notices).toEqual(json.schema.meta.notices);
    expect(frame.fields[1].config.displayNameFromDS).toBe('web 3');
  });

  it('names the columns of the latest-values and server tables', () => {
    const latest = {
      schema: {
        fields: [
          { name: 'server', type: 'string' },
          { name: 'status', type: 'string' },
          { name: 'time', type: 'time' },
          { name: 'cpu', type: 'number' },
          { name: 'network_out', type: 'number' },
        ],
      },
      data: { values: [['DB-EU-002'], ['critical'], [1764115200000], [88], [1200]] },
    };
    const [frame] = toTargetFrames('T', [latest as never], 'latest');
    expect(frame.fields.map((field) => field.config.displayNameFromDS)).toEqual([
      'Server',
      'Status',
      'Time',
      'CPU',
      'Network out',
    ]);
    expect(frame.fields.map((field) => field.config.unit)).toEqual([undefined, undefined, undefined, 'percent', 'Bps']);

    const servers = {
      schema: {
        fields: [
          { name: 'last seen', type: 'time' },
          { name: 'collector', type: 'string' },
          { name: 'zone', type: 'string' },
        ],
      },
      data: { values: [[null], ['dummy'], ['a']] },
    };
    const [table] = toTargetFrames('S', [servers as never], 'servers');
    expect(table.fields.map((field) => field.config.displayNameFromDS)).toEqual(['Last seen', 'Collector', undefined]);
  });

  it('answers an empty result with a notice that says why, not a bare "No data"', () => {
    const frames = toTargetFrames('A', [], 'cpu of WEB-US-003');
    expect(frames).toHaveLength(1);
    expect(frames[0].refId).toBe('A');
    expect(frames[0].meta?.notices?.[0].text).toContain('no samples for cpu of WEB-US-003');
  });
});

describe('renderAlias', () => {
  it('leaves text without placeholders alone', () => {
    expect(renderAlias('CPU', { server: 'A' })).toBe('CPU');
  });
});
