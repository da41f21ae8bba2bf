import { type CategoryHint, type ClientReport, type OutcomeKind, quantitiesOf } from '@faultline/protocol';
import { mergeOutcomeIncrements, type OutcomeIncrement } from './store/outcomes.js';

const hourMs = 3_600_000;

export function hourStart(ms: number): number {
  return ms - (ms % hourMs);
}

/** What became of one item: accepted, or dropped with a machine-readable reason. */
export type Verdict = { readonly outcome: 'accepted' } | { readonly outcome: Exclude<OutcomeKind, 'accepted' | 'client_discard'>; readonly reason: string };

export interface CountableItem {
  readonly type: string;
  readonly headers: { readonly item_count?: number };
  readonly payload: Uint8Array;
}

/**
 * Accumulates outcome increments for one write (a request, a processed batch). Every
 * item gets exactly one verdict; its quantities per data category come from the
 * protocol package, so an attachment counts its bytes and a span container its spans.
 */
export class OutcomeCounts {
  private readonly rows: OutcomeIncrement[] = [];

  item(projectId: number, at: number, item: CountableItem, verdict: Verdict, hint?: CategoryHint): void {
    const reason = verdict.outcome === 'accepted' ? '' : verdict.reason;
    for (const q of quantitiesOf(item, hint)) {
      this.rows.push({ projectId, hour: hourStart(at), category: q.category, outcome: verdict.outcome, reason, quantity: q.quantity });
    }
  }

  /** What an SDK says it dropped itself (client_report items: docs/wire-format.md › Client reports). */
  clientReport(projectId: number, at: number, report: ClientReport): void {
    for (const e of report.entries) {
      this.rows.push({ projectId, hour: hourStart(at), category: e.category, outcome: e.outcome, reason: e.reason, quantity: e.quantity });
    }
  }

  add(other: OutcomeCounts): void {
    this.rows.push(...other.rows);
  }

  get size(): number {
    return this.rows.length;
  }

  increments(): OutcomeIncrement[] {
    return mergeOutcomeIncrements(this.rows);
  }
}
