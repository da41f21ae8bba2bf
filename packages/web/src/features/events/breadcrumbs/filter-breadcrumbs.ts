import type { Breadcrumb } from '../../../api/index.js';

export interface BreadcrumbFilter {
  /** Words that must all occur in the category, message, type, level or data (case-insensitive). */
  readonly text: string;
  /** Levels to keep; empty keeps every level. */
  readonly levels: ReadonlySet<string>;
  /** Category (or type when there is none) to keep; '' keeps all. */
  readonly category: string;
}

export const NO_FILTER: BreadcrumbFilter = { text: '', levels: new Set(), category: '' };

export function crumbCategory(b: Breadcrumb): string {
  return b.category || b.type || 'default';
}

export function crumbLevel(b: Breadcrumb): string {
  const l = (b.level || 'info').toLowerCase();
  return l === 'warn' ? 'warning' : l === 'critical' ? 'fatal' : l === 'log' ? 'info' : l;
}

function haystack(b: Breadcrumb): string {
  let data = '';
  try {
    data = b.data ? JSON.stringify(b.data) : '';
  } catch {
    data = '';
  }
  return `${crumbCategory(b)} ${b.type ?? ''} ${b.message ?? ''} ${crumbLevel(b)} ${data}`.toLowerCase();
}

/** The breadcrumbs that pass the filter, with their position in the original list. */
export function filterBreadcrumbs(crumbs: readonly Breadcrumb[], filter: BreadcrumbFilter): { crumb: Breadcrumb; index: number }[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const out: { crumb: Breadcrumb; index: number }[] = [];
  crumbs.forEach((crumb, index) => {
    if (filter.levels.size > 0 && !filter.levels.has(crumbLevel(crumb))) return;
    if (filter.category && crumbCategory(crumb) !== filter.category) return;
    if (words.length > 0) {
      const text = haystack(crumb);
      if (!words.every((w) => text.includes(w))) return;
    }
    out.push({ crumb, index });
  });
  return out;
}

/** Categories present, most frequent first, for the filter menu. */
export function categoriesOf(crumbs: readonly Breadcrumb[]): string[] {
  const counts = new Map<string, number>();
  for (const b of crumbs) counts.set(crumbCategory(b), (counts.get(crumbCategory(b)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

function seconds(ts: string | number | null | undefined): number | null {
  if (ts === null || ts === undefined) return null;
  if (typeof ts === 'number') return ts > 1e12 ? ts / 1000 : ts;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? null : ms / 1000;
}

/** "2.4 s before", "3 min before", "at the error" — relative to the event's time. */
export function timeBefore(ts: string | number | null | undefined, eventTime: string | null | undefined): string {
  const t = seconds(ts);
  const e = seconds(eventTime);
  if (t === null || e === null) return '';
  const d = e - t;
  const abs = Math.abs(d);
  const text = abs < 0.05 ? '' : abs < 60 ? `${abs.toFixed(abs < 10 ? 1 : 0)} s` : abs < 3600 ? `${Math.round(abs / 60)} min` : `${(abs / 3600).toFixed(1)} h`;
  if (text === '') return 'at the error';
  return d >= 0 ? `${text} before` : `${text} after`;
}
