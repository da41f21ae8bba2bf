const KNOWN = new Set(['fatal', 'error', 'warning', 'info', 'debug', 'sample']);

export function LevelBadge({ level, compact = false }: { level: string; compact?: boolean }) {
  const known = KNOWN.has(level) ? level : 'error';
  return (
    <span className={`level level-${known}`} title={`Level: ${level}`}>
      {compact ? <span className="sr-only">{level}</span> : level}
    </span>
  );
}
