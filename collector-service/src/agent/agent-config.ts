/** The on-prem agent's environment → one validated AgentConfig; a bad or missing value stops start-up with one clear line. */
import { hostname } from 'node:os';
import { z } from 'zod';
import { isLoopback } from '../config';

export interface AgentConfig {
  port: number;
  host: string;
  apiKey: string;
  serverId: string;
  region: string;
  role: string;
  sampleIntervalMs: number;
  /** systemd units always reported (failed units are reported too). */
  services: string[];
  /** Local Prometheus text-format endpoints whose metrics are reported as application metrics. */
  scrapeUrls: string[];
}

export class AgentConfigError extends Error {}

/** RFC 6750 token characters: what may follow `Bearer ` in a header. */
const BEARER_TOKEN = /^[A-Za-z0-9._~+/-]+=*$/;
const KEY_HELP = 'a secret of 16+ characters from A-Z a-z 0-9 . _ ~ + / - (e.g. AGENT_API_KEY=$(openssl rand -hex 24))';

/** systemd's unit name characters (escapes like \x2d included). */
const UNIT_NAME = /^[A-Za-z0-9:_.@\\-]+$/;
const SCRAPE_HELP =
  'expects comma-separated http(s) URLs on this machine (127.0.0.1, ::1 or localhost), e.g. http://127.0.0.1:9100/metrics';

const name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `expects ${what}` });

const schema = z.object({
  AGENT_PORT: z.coerce
    .number({ error: 'expects a TCP port 0-65535' })
    .int({ error: 'expects a TCP port 0-65535' })
    .min(0, { error: 'expects a TCP port 0-65535' })
    .max(65535, { error: 'expects a TCP port 0-65535' })
    .default(9101),
  AGENT_HOST: name('a host name or address to listen on').default('127.0.0.1'),
  AGENT_API_KEY: z
    .string({ error: `is required: set it to ${KEY_HELP}; clients send it as Authorization: Bearer <key>` })
    .min(16, { error: `expects ${KEY_HELP}` })
    .regex(BEARER_TOKEN, { error: `expects ${KEY_HELP}` }),
  AGENT_SERVER_ID: name('the id this server is reported under').optional(),
  AGENT_REGION: name('the site or region of this server').default('on-prem'),
  AGENT_ROLE: name('the role of this server').default('server'),
  AGENT_SAMPLE_INTERVAL_MS: z.coerce
    .number({ error: 'expects milliseconds between readings, 100 or more' })
    .int({ error: 'expects milliseconds between readings, 100 or more' })
    .min(100, { error: 'expects milliseconds between readings, 100 or more' })
    .default(5000),
  AGENT_SERVICES: z
    .string()
    .optional()
    .transform((list) => commaList(list))
    .pipe(
      z.array(
        z
          .string()
          .regex(UNIT_NAME, { error: 'expects comma-separated systemd unit names (e.g. postfix,nginx.service)' })
      )
    ),
  AGENT_SCRAPE_URLS: z
    .string()
    .optional()
    .transform((list) => commaList(list))
    .pipe(z.array(z.string().refine(isLoopbackHttpUrl, { error: SCRAPE_HELP }))),
});

function commaList(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function isLoopbackHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url.hostname);
}

/** Parses the environment; throws AgentConfigError naming the variable (never echoing the key). */
export function loadAgentConfig(env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0]);
    const got =
      variable === 'AGENT_API_KEY' || env[variable] === undefined ? '' : `, got ${JSON.stringify(env[variable])}`;
    throw new AgentConfigError(`${variable} ${issue.message}${got}`);
  }
  const e = parsed.data;
  return {
    port: e.AGENT_PORT,
    host: e.AGENT_HOST,
    apiKey: e.AGENT_API_KEY,
    serverId: e.AGENT_SERVER_ID ?? hostname(),
    region: e.AGENT_REGION,
    role: e.AGENT_ROLE,
    sampleIntervalMs: e.AGENT_SAMPLE_INTERVAL_MS,
    services: e.AGENT_SERVICES,
    scrapeUrls: e.AGENT_SCRAPE_URLS,
  };
}
