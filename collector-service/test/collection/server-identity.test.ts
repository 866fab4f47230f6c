/** Same-named servers of two collectors: the second's labelled series and notices follow its renamed server. */
import { ServerIdentity } from '../../src/collection/server-identity';
import { sample, serverInfo } from '../support/samples';

test("a renamed server's series move with it, and the run's notices are kept", () => {
  const identity = new ServerIdentity([{ id: 'web-1', collector: 'prometheus' }]);
  const now = Date.now();
  const result = identity.apply('cloudwatch', {
    servers: [serverInfo('web-1', { collector: 'cloudwatch', provider: 'aws' })],
    samples: [sample('web-1', now)],
    unreachable: [],
    series: [
      {
        serverId: 'web-1',
        name: 'openmanager_volume_queue_length',
        labels: { volume: 'vol-1' },
        timestamp: new Date(now),
        value: 0.5,
      },
    ],
    notices: ['no volumes'],
  });
  expect(result.servers.map((s) => s.id)).toEqual(['web-1@aws']);
  expect(result.series?.map((s) => [s.serverId, s.labels.volume])).toEqual([['web-1@aws', 'vol-1']]);
  expect(result.notices).toEqual(['no volumes']);
});
