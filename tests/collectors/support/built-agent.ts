/** The agent program as `npm run agent` runs it (collector-service/dist/agent/main.js), built first when missing or older than its sources. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
export const AGENT_MAIN = join(ROOT, 'collector-service/dist/agent/main.js');

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds collector-service (as `npm run agent` does) unless dist is newer than every source file. */
export function ensureAgentBuilt(): string {
  const fresh =
    existsSync(AGENT_MAIN) && statSync(AGENT_MAIN).mtimeMs >= newestSourceMs(join(ROOT, 'collector-service/src'));
  if (fresh) return AGENT_MAIN;
  try {
    execFileSync('npm', ['run', '-s', 'build', '-w', 'collector-service'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
      timeout: 180_000,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`building collector-service for the agent failed:\n${stdout}${stderr}`);
  }
  return AGENT_MAIN;
}
