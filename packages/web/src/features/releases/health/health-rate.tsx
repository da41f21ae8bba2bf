import { formatHealthPercent, type HealthThresholds, healthLevel, levelNote } from './health-rates.js';

/** A rate coloured against the project's thresholds; what the colour means is in the tooltip and for screen readers. */
export function HealthRate({
  label,
  value,
  thresholds,
  className = '',
}: {
  label: string;
  value: number | null;
  thresholds: HealthThresholds;
  className?: string;
}) {
  const level = healthLevel(value, thresholds);
  const text = formatHealthPercent(value);
  const note = levelNote(level, thresholds);
  return (
    <span
      className={`health-rate health-${level} ${className}`.trim()}
      data-level={level}
      // One announcement with the colour's meaning (the colour alone says nothing to a screen reader).
      role="img"
      title={`${label}: ${text}, ${note}`}
      aria-label={`${label} ${text}, ${note}`}
    >
      {text}
    </span>
  );
}
