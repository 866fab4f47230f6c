/** systemd units through `systemctl`: the configured ones and every failed one, each with its state and since when. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  MAX_SERVICES,
  SERVICE_STATES,
  type ServiceEntry,
  type ServiceState,
} from '../collectors/custom-api/host-report-entries';

export type ServicesReading = { available: true; services: ServiceEntry[] } | { available: false; reason: string };

/** Runs systemctl with these arguments and resolves its standard output; rejects when it cannot run or fails. */
export type SystemctlRunner = (args: string[]) => Promise<string>;

const TIMEOUT_MS = 5000;

export const runSystemctl: SystemctlRunner = async (args) =>
  (
    await promisify(execFile)('systemctl', args, {
      timeout: TIMEOUT_MS,
      maxBuffer: 8 << 20,
      env: { ...process.env, LC_ALL: 'C' },
    })
  ).stdout;

/** `postfix` → `postfix.service`; a name with a unit suffix is kept. */
export function unitName(name: string): string {
  return /\.[a-z]+$/.test(name) ? name : `${name}.service`;
}

/** Units `systemctl list-units --type=service --state=failed --no-legend --plain` lists: the first column. */
export function parseUnitList(listing: string): string[] {
  return listing
    .split('\n')
    .map(
      (line) =>
        line
          .trim()
          .replace(/^[●*]\s*/, '')
          .split(/\s+/)[0]
    )
    .filter((unit) => unit !== undefined && unit !== '');
}

/** `systemctl show --timestamp=unix -p Id,ActiveState,StateChangeTimestamp`: blocks of Key=value separated by blank lines. */
export function parseUnitStates(show: string): ServiceEntry[] {
  return show
    .split(/\n\s*\n/)
    .map((block) =>
      Object.fromEntries(
        block.split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
      )
    )
    .filter((props: Record<string, string>) => props.Id)
    .map((props: Record<string, string>) => ({
      name: props.Id,
      state: (SERVICE_STATES as readonly string[]).includes(props.ActiveState)
        ? (props.ActiveState as ServiceState)
        : 'inactive',
      since: sinceOf(props.StateChangeTimestamp),
    }));
}

/** `@1764835200` (seconds) → ISO-8601; empty or 0 (never changed since boot of the manager) → null. */
function sinceOf(timestamp: string | undefined): string | null {
  const seconds = Number(timestamp?.replace(/^@/, ''));
  return timestamp && Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
}

/** The configured units (with or without `.service`) and every failed service unit; unavailable when systemctl cannot answer. */
export async function readServices(
  configured: string[],
  run: SystemctlRunner = runSystemctl
): Promise<ServicesReading> {
  try {
    const failed = parseUnitList(
      await run(['list-units', '--type=service', '--state=failed', '--no-legend', '--plain'])
    );
    const units = [...new Set([...configured.map(unitName), ...failed])];
    if (units.length === 0) return { available: true, services: [] };
    const show = await run(['show', '--timestamp=unix', '-p', 'Id,ActiveState,StateChangeTimestamp', '--', ...units]);
    return { available: true, services: parseUnitStates(show).slice(0, MAX_SERVICES) };
  } catch (error) {
    return { available: false, reason: `systemctl cannot answer: ${failureOf(error)}` };
  }
}

function failureOf(error: unknown): string {
  const failure = error as { code?: string | number; stderr?: string; message?: string };
  if (failure.code === 'ENOENT') return 'systemctl is not installed';
  const stderr = failure.stderr?.trim().split('\n')[0];
  return stderr || failure.message || String(error);
}
