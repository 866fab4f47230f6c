/** Screenshots of the browser tests: saved under test-results/plugin/ (gitignored) and checked to show something. */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

import { REPO_ROOT } from '../../support/process';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'plugin');

export function saveScreenshot(name: string, png: Buffer): string {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  fs.writeFileSync(file, png);
  return file;
}

export interface PixelStats {
  width: number;
  height: number;
  /** Distinct RGB colours (a blank or single-colour image has 1). */
  colours: number;
  /** Share of pixels that differ from the most common colour (the background). */
  foreground: number;
}

export function pixelStats(png: Buffer): PixelStats {
  const image = PNG.sync.read(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < image.data.length; i += 4) {
    const rgb = (image.data[i] << 16) | (image.data[i + 1] << 8) | image.data[i + 2];
    counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
  }
  const pixels = image.width * image.height;
  const background = Math.max(...counts.values());
  return { width: image.width, height: image.height, colours: counts.size, foreground: (pixels - background) / pixels };
}
