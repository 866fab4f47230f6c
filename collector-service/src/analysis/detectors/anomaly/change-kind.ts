/** What kind of change an alarm was: read off the component that fired, and for a jump in value, off the points after it. */

import type { ChangeKind } from '@openmanager/contract';

export { CHANGE_KINDS, type ChangeKind } from '@openmanager/contract';

/** The detector's components, each a scale-free novelty. */
export type Component = 'value' | 'volatility' | 'daily';

/** Points after a jump in value that decide between a spike (it came back) and a level shift (it stayed). */
export const CONFIRM_POINTS = 5;

const KIND_OF: Record<Component, ChangeKind> = {
  value: 'spike',
  volatility: 'variance_change',
  daily: 'pattern_break',
};

/**
 * Follows the newest alarm. A jump in value starts as a spike; if most of the next CONFIRM_POINTS points
 * stay at least halfway out from the level before the jump, it becomes a level shift.
 */
export class ChangeKindTracker {
  kind: ChangeKind | null = null;
  private before = 0;
  private jump = 0;
  private toConfirm = 0;
  private stayed = 0;

  /** A new alarm fired by `component` at `value`; `levelBefore` is the smoothed level before it. */
  alarm(component: Component, value: number, levelBefore: number): void {
    this.kind = KIND_OF[component];
    this.toConfirm = component === 'value' ? CONFIRM_POINTS : 0;
    this.stayed = 0;
    this.before = levelBefore;
    this.jump = value - levelBefore;
  }

  /** A point after the alarm. */
  follow(value: number): void {
    if (this.toConfirm === 0) return;
    this.toConfirm--;
    if ((value - this.before) * Math.sign(this.jump) >= Math.abs(this.jump) / 2) this.stayed++;
    if (this.stayed > CONFIRM_POINTS / 2) {
      this.kind = 'level_shift';
      this.toConfirm = 0;
    }
  }
}
