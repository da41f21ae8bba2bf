/** "just now", "5 min ago", "3 h ago", "12 d ago", "2 y ago" (or "in 5 min" for the future). */
export function formatRelative(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  const s = Math.abs(seconds);
  const [value, unit] =
    s < 60
      ? [s, 's']
      : s < 3600
        ? [Math.floor(s / 60), 'min']
        : s < 86400
          ? [Math.floor(s / 3600), 'h']
          : s < 30 * 86400
            ? [Math.floor(s / 86400), 'd']
            : s < 365 * 86400
              ? [Math.floor(s / (30 * 86400)), 'mo']
              : [Math.floor(s / (365 * 86400)), 'y'];
  if (s < 10) return 'just now';
  return seconds < 0 ? `in ${value} ${unit}` : `${value} ${unit} ago`;
}

let exactFormat: Intl.DateTimeFormat | undefined;

/** Exact time for the tooltip: local time with the zone, plus UTC. */
export function formatExact(date: Date): string {
  // One formatter for every row: creating one per call costs more than rendering the row.
  exactFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' });
  const local = exactFormat.format(date);
  return `${local} (${date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')})`;
}

export function parseDate(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = typeof value === 'number' ? new Date(value < 1e12 ? value * 1000 : value) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A relative time with the exact one on hover; `label` prefixes the tooltip ("First seen: …"). */
export function RelativeTime({ value, now, className, label }: { value: string | number | null | undefined; now?: Date; className?: string; label?: string }) {
  const date = parseDate(value);
  if (!date) return <span className={className}>—</span>;
  return (
    <time dateTime={date.toISOString()} title={`${label ? `${label}: ` : ''}${formatExact(date)}`} className={className}>
      {formatRelative(date, now)}
    </time>
  );
}
