/** What a range read may spend: samples charged as they are scanned, and a signal that ends the work. */
export interface ReadBudget {
  /** Counts samples a read is about to scan; throws when the request is over its budget. */
  charge(samples: number): void;
  signal?: AbortSignal;
}

/** Charges `samples` and stops when the request was abandoned. */
export function spend(budget: ReadBudget | undefined, samples: number): void {
  if (!budget) return;
  budget.signal?.throwIfAborted();
  if (samples > 0) budget.charge(samples);
}
