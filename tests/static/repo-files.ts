/** Paths and readers shared by the static checks of the plugins, provisioning and compose file. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const ROOT = path.resolve(__dirname, '../..');

export const PLUGIN_IDS = { datasource: 'openmanager-vibe-datasource', panel: 'openmanager-askai-panel' } as const;
export const DATASOURCE_UID = 'openmanager';
export const DASHBOARD_UID = 'openmanager-fleet';

export function repoPath(...parts: string[]): string {
  return path.join(ROOT, ...parts);
}

export function readJson<T = Record<string, any>>(...parts: string[]): T {
  return JSON.parse(fs.readFileSync(repoPath(...parts), 'utf8')) as T;
}

export function readYaml<T = Record<string, any>>(...parts: string[]): T {
  return parse(fs.readFileSync(repoPath(...parts), 'utf8')) as T;
}

/** `>=12.0.0` style minimum of a grafanaDependency, as [major, minor, patch]. */
export function minimumVersion(range: string): number[] {
  const match = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (!match) {
    throw new Error(`grafanaDependency ${JSON.stringify(range)} is not of the form >=X.Y.Z`);
  }
  return match.slice(1).map(Number);
}

export function atLeast(version: number[], minimum: number[]): boolean {
  for (let i = 0; i < minimum.length; i++) {
    if (version[i] !== minimum[i]) {
      return version[i] > minimum[i];
    }
  }
  return true;
}
