/** Finding the OpenManager data source to ask, and naming what is wrong when there is none. */
import { dataSourceSettings } from '../../testing/dataSourceFixture';
import { testDataSourceSrv } from '../../testing/dataSourceSrv';
import { resolveAskDataSource } from './askDataSource';

const asker = (name: string) => ({ name, ask: async () => undefined, querySeries: async () => undefined });
const prometheus = { ...dataSourceSettings('http://p', 'prom', 'Prometheus'), type: 'prometheus' } as never;

describe('resolveAskDataSource', () => {
  const srv = testDataSourceSrv([
    { settings: prometheus, instance: {} },
    { settings: dataSourceSettings('http://a', 'om-a', 'OpenManager A'), instance: asker('A') },
    { settings: dataSourceSettings('http://b', 'om-b', 'OpenManager B'), instance: asker('B') },
    { settings: dataSourceSettings('http://c', 'om-old', 'Old OpenManager'), instance: {} },
  ]);

  it('takes the chosen one, else the first OpenManager data source', async () => {
    expect(await resolveAskDataSource(srv, 'om-b')).toMatchObject({ name: 'B' });
    expect(await resolveAskDataSource(srv)).toMatchObject({ name: 'A' });
  });

  it.each([
    ['a deleted choice', 'gone', 'uid "gone") does not exist any more'],
    ['another type', 'prom', '"Prometheus" is a prometheus data source; this panel needs an OpenManager one'],
    [
      'an instance without ask()',
      'om-old',
      '"Old OpenManager" cannot answer questions: update the OpenManager data source plugin',
    ],
  ])('names what is wrong with %s', async (_, uid, message) => {
    await expect(resolveAskDataSource(srv, uid)).rejects.toThrow(message);
  });

  it('says how to add one when there is none', async () => {
    await expect(resolveAskDataSource(testDataSourceSrv([{ settings: prometheus, instance: {} }]))).rejects.toThrow(
      'There is no OpenManager data source yet'
    );
  });
});
