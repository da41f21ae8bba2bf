import type { StatusBadge as Badge } from './monitor-status.js';

export function StatusBadge({ badge }: { badge: Badge }) {
  return (
    <span className={`cron-badge tone-${badge.tone}`} data-tone={badge.tone}>
      {badge.text}
    </span>
  );
}
