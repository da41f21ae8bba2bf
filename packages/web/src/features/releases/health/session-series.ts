import type { SessionsResponse } from '../../../api/index.js';
import type { StackSeries } from '../../../ui/stacked-bars.js';

/**
 * Sessions by status from `GET /organizations/{org}/sessions/?field=sum(session)&groupBy=session.status`
 * (Sentry API docs, "Retrieve Release Health Session Statistics"): one stacked series per status,
 * healthy at the bottom. Sentry always answers the four statuses; a newer server may add `unhandled`.
 */
const ORDER = ['healthy', 'errored', 'unhandled', 'abnormal', 'crashed'];
export const SESSION_FIELD = 'sum(session)';

export interface StatusSeries {
  /** bucket starts, unix seconds */
  readonly buckets: number[];
  readonly series: StackSeries[];
  readonly total: number;
}

const rank = (status: string) => {
  const i = ORDER.indexOf(status);
  return i === -1 ? ORDER.length : i;
};

export function statusSeries(res: SessionsResponse | undefined): StatusSeries {
  if (!res) return { buckets: [], series: [], total: 0 };
  const buckets = res.intervals.map((t) => Math.floor(Date.parse(t) / 1000));
  const series = res.groups
    .map((g) => {
      const status = String(g.by['session.status'] ?? 'all');
      const values = buckets.map((_, i) => g.series?.[SESSION_FIELD]?.[i] ?? 0);
      return { key: status, label: status, className: `status-${status}`, values };
    })
    .sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
  const total = series.reduce((n, s) => n + s.values.reduce((m, v) => m + v, 0), 0);
  return { buckets, series, total };
}
