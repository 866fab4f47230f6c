/** The resolution planner: the finest stored resolution whose retention covers a range's start. */
import { planResolution } from '../../../src/storage/rollups/resolution';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 4, 12, 20);
const WINDOWS = { rawMs: DAY, fiveMinuteMs: 30 * DAY, hourMs: 400 * DAY };

describe('planResolution', () => {
  test.each([
    ['the last hour', HOUR, MIN, 'raw'],
    ['exactly the raw retention', DAY, 5 * MIN, 'raw'],
    ['the raw retention asked a minute ago (its hour partition is still kept)', DAY + MIN, 5 * MIN, 'raw'],
    ['past the oldest raw partition (12:00 yesterday)', DAY + 21 * MIN, 5 * MIN, '5m'],
    ['a week at 30 minutes', 7 * DAY, 30 * MIN, '5m'],
    ['a week at 1 minute (finer than any rollup)', 7 * DAY, MIN, '5m'],
    ['a week at 1 hour (same answer from the hourly rows)', 7 * DAY, HOUR, '1h'],
    ['a week at 90 minutes (not whole hours)', 7 * DAY, 90 * MIN, '5m'],
    ['30 days at 2 hours', 30 * DAY, 2 * HOUR, '1h'],
    ['60 days at 5 minutes (past the 5-minute retention)', 60 * DAY, 5 * MIN, '1h'],
    ['two years (past every retention: the coarsest answers what it has)', 730 * DAY, DAY, '1h'],
  ])('%s', (_, agoMs, stepMs, expected) => {
    expect(planResolution(NOW - agoMs, stepMs, NOW, WINDOWS)).toBe(expected);
  });
});
