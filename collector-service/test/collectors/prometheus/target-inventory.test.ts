/** Region and role of a Prometheus target from its labels. */
import { targetInventory } from '../../../src/collectors/prometheus/target-inventory';

test.each([
  ['no labels', {}, 'unknown', 'worker'],
  ['plain region and role', { region: 'seoul', role: 'db' }, 'seoul', 'db'],
  [
    'Kubernetes node labels',
    { topology_kubernetes_io_region: 'ap-northeast-2', node_role_kubernetes_io_control_plane: '' },
    'ap-northeast-2',
    'control-plane',
  ],
  [
    'legacy Kubernetes labels',
    { failure_domain_beta_kubernetes_io_region: 'eu-west-1', node_role_kubernetes_io_master: 'true' },
    'eu-west-1',
    'control-plane',
  ],
  [
    'an explicit role wins over the node role',
    { role: 'ingress', node_role_kubernetes_io_control_plane: '' },
    'unknown',
    'ingress',
  ],
  [
    'an empty region label is no region',
    { region: '', topology_kubernetes_io_region: 'us-east-1' },
    'us-east-1',
    'worker',
  ],
])('%s', (_case, labels: Record<string, string>, region, role) => {
  const info = targetInventory('node-1', { __name__: 'up', instance: 'node-1', ...labels }, 'prometheus');
  expect(info).toEqual({
    id: 'node-1',
    provider: 'kubernetes',
    region,
    role,
    collector: 'prometheus',
    labels: { instance: 'node-1', ...labels },
  });
});
