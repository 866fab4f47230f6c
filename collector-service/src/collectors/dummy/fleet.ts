/** The simulated fleet: 30 fixed servers (10 Kubernetes, 10 AWS, 10 on-premises), plus generated healthy ones for scale tests. */
import type { Provider, ServerInfo } from '../../domain/metrics';

interface FleetGroup {
  provider: Provider;
  region: string;
  role: string;
  ids: string[];
  labels?: Record<string, string>;
}

const range = (prefix: string, from: number, to: number, width: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(width, '0')}`);

const K8S = { cluster: 'prod-k8s' };

const CONTRACT_FLEET: FleetGroup[] = [
  {
    provider: 'kubernetes',
    region: 'ap-northeast-2',
    role: 'control-plane',
    ids: range('K8S-MASTER-', 1, 3, 2),
    labels: K8S,
  },
  { provider: 'kubernetes', region: 'ap-northeast-2', role: 'worker', ids: range('K8S-WORKER-', 1, 7, 2), labels: K8S },
  { provider: 'aws', region: 'us-east-1', role: 'web', ids: range('WEB-US-', 1, 3, 3) },
  { provider: 'aws', region: 'us-east-1', role: 'api', ids: range('API-US-', 1, 2, 3) },
  { provider: 'aws', region: 'eu-west-1', role: 'database', ids: range('DB-EU-', 1, 2, 3) },
  { provider: 'aws', region: 'eu-west-1', role: 'cache', ids: ['CACHE-EU-001'] },
  { provider: 'aws', region: 'ap-northeast-2', role: 'batch', ids: range('BATCH-AP-', 1, 2, 3) },
  { provider: 'onprem', region: 'seoul-dc1', role: 'web', ids: range('ONPREM-WEB-', 1, 2, 2) },
  { provider: 'onprem', region: 'seoul-dc1', role: 'app', ids: range('ONPREM-APP-', 1, 2, 2) },
  { provider: 'onprem', region: 'seoul-dc1', role: 'database', ids: ['ONPREM-DB-01'] },
  { provider: 'onprem', region: 'seoul-dc1', role: 'file', ids: ['ONPREM-FILE-01'] },
  { provider: 'onprem', region: 'seoul-dc1', role: 'mail', ids: ['ONPREM-MAIL-01'] },
  { provider: 'onprem', region: 'seoul-dc1', role: 'directory', ids: ['ONPREM-LDAP-01'] },
  { provider: 'onprem', region: 'seoul-dc1', role: 'backup', ids: ['ONPREM-BACKUP-01'] },
  { provider: 'onprem', region: 'seoul-dc1', role: 'monitoring', ids: ['ONPREM-MON-01'] },
];

/** Where generated servers go, in rotation. */
const GENERATED_PLACES: Array<Pick<FleetGroup, 'provider' | 'region' | 'role'>> = [
  { provider: 'kubernetes', region: 'ap-northeast-2', role: 'worker' },
  { provider: 'aws', region: 'us-east-1', role: 'web' },
  { provider: 'aws', region: 'eu-west-1', role: 'api' },
  { provider: 'onprem', region: 'seoul-dc1', role: 'app' },
];

export const CONTRACT_SERVER_IDS: readonly string[] = CONTRACT_FLEET.flatMap((g) => g.ids);

/** The contract fleet followed by `size - 30` generated servers `SIM-00031`, `SIM-00032`, … */
export function buildFleet(size: number): ServerInfo[] {
  const fleet: ServerInfo[] = CONTRACT_FLEET.flatMap((g) =>
    g.ids.map((id) => ({
      id,
      provider: g.provider,
      region: g.region,
      role: g.role,
      collector: 'dummy',
      labels: { ...g.labels },
    }))
  );
  for (let n = fleet.length + 1; n <= size; n++) {
    const place = GENERATED_PLACES[n % GENERATED_PLACES.length];
    fleet.push({
      id: `SIM-${String(n).padStart(5, '0')}`,
      ...place,
      collector: 'dummy',
      labels: { generated: 'true' },
    });
  }
  return fleet;
}
