/** The collectors a configuration enables, each built only when its settings are present. */
import { loadConfig } from '../../src/config';
import { buildCollectors, NoCollectorError } from '../../src/collectors/registry';

const production = (env: Record<string, string>) =>
  loadConfig({ COLLECTOR_MODE: 'production', API_KEYS: `ops:admin:${'s'.repeat(32)}`, ...env });

describe('buildCollectors', () => {
  test('dummy mode: the simulator alone', async () => {
    expect((await buildCollectors(loadConfig({}))).map((c) => c.name)).toEqual(['dummy']);
  });

  test('production with AWS_REGION: the CloudWatch collector (its SDK loaded on demand)', async () => {
    expect((await buildCollectors(production({ AWS_REGION: 'us-east-1' }))).map((c) => c.name)).toEqual(['cloudwatch']);
  });

  test('production with nothing configured: refused', async () => {
    await expect(buildCollectors(production({}))).rejects.toBeInstanceOf(NoCollectorError);
  });
});
