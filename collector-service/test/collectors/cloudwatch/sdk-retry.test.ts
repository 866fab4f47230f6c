/** Throttling is retried by the real SDK (no mock): a local HTTP server stands in for EC2 and keeps refusing. */
import { CloudWatchCollector } from '../../../src/collectors/cloudwatch/cloudwatch-collector';
import { DEFAULT_THRESHOLDS } from '../../../src/domain/thresholds';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';

const THROTTLED =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>RequestLimitExceeded</Code>' +
  '<Message>Request limit exceeded.</Message></Error></Errors><RequestID>r-1</RequestID></Response>';
/** Variables set for this test: a local endpoint and static credentials, so nothing leaves the machine. */
const TEST_ENV = ['AWS_ENDPOINT_URL_EC2', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_EC2_METADATA_DISABLED'];

let server: ScriptedServer;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  server = await startScriptedServer(() => ({ status: 503, body: THROTTLED }));
  for (const name of TEST_ENV) saved[name] = process.env[name];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_EC2: server.url,
    AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
    AWS_SECRET_ACCESS_KEY: 'local-test-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
});

afterAll(async () => {
  for (const name of TEST_ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await server.close();
});

test('the SDK retries a throttled call up to maxAttempts, then the collector reports it', async () => {
  const collector = new CloudWatchCollector({ regions: ['us-east-1'], thresholds: DEFAULT_THRESHOLDS, maxAttempts: 2 });
  await expect(collector.collectAll(new AbortController().signal)).rejects.toThrow(
    'EC2 DescribeInstances in us-east-1 failed: RequestLimitExceeded: Request limit exceeded. (throttled; gave up after 2 attempts)'
  );
  expect(server.requests.map((r) => new URLSearchParams(r.body).get('Action'))).toEqual([
    'DescribeInstances',
    'DescribeInstances',
  ]);
}, 20_000);
