/**
 * The channel-neutral alert message. Evaluation builds it once per firing (it is stored
 * with the firing, so a retry sends what was true when the alert fired); each channel
 * renders it in its own format from the same facts.
 */
export type Severity = 'critical' | 'error' | 'warning' | 'info';

export interface Notification {
  kind: 'issue' | 'metric' | 'test';
  /** what happened to the alert: it fired, its severity changed, or it resolved */
  status: 'triggered' | 'severity_changed' | 'resolved';
  severity: Severity;
  title: string;
  /** what fired and why, one sentence: value vs. threshold and window */
  reason: string;
  firedAt: number;
  /** when the problem started: the issue's first event, the incident's first breach */
  startedAt: number;
  organization: { slug: string };
  project: { id: number; slug: string; name: string };
  environment: string | null;
  rule: { id: number; name: string; url: string; runbookUrl: string | null; triageNotes: string | null };
  /** the issue, or the metric chart */
  link: { url: string; text: string };
  issue: { id: number; shortId: string; title: string; culprit: string; level: string; firstSeen: number; timesSeen: number } | null;
  metric: { key: string; label: string; value: number; threshold: number; thresholdType: 'above' | 'below'; windowMs: number } | null;
  usersAffected: number | null;
  release: { version: string; deploys: { environment: string; finishedAt: number }[] } | null;
  /** identity of the alert across trigger and resolve (PagerDuty's dedup_key) */
  dedupKey: string;
}

export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatDuration(ms: number): string {
  const units: [number, string][] = [
    [604_800_000, 'week'],
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  for (const [size, name] of units) {
    if (ms >= size && ms % size === 0) return `${ms / size} ${name}${ms / size === 1 ? '' : 's'}`;
  }
  return `${Math.round(ms / 1000)} seconds`;
}

function releaseText(release: NonNullable<Notification['release']>): string {
  const last = release.deploys[0];
  return last ? `${release.version} (deployed to ${last.environment} ${formatTime(last.finishedAt)})` : `${release.version} (no deploy recorded)`;
}

/** The labelled facts every channel shows, in one order. */
export function notificationFacts(n: Notification): { label: string; value: string }[] {
  const facts: { label: string; value: string }[] = [
    { label: 'Severity', value: n.status === 'resolved' ? `resolved (was ${n.severity})` : n.severity },
    { label: 'Project', value: n.project.name === n.project.slug ? n.project.slug : `${n.project.name} (${n.project.slug})` },
    { label: 'Environment', value: n.environment ?? 'all' },
    { label: 'Started', value: formatTime(n.startedAt) },
  ];
  if (n.metric) {
    facts.push({
      label: n.metric.label,
      value: `${round(n.metric.value)} (threshold ${n.metric.thresholdType} ${round(n.metric.threshold)}, window ${formatDuration(n.metric.windowMs)})`,
    });
  }
  if (n.issue) facts.push({ label: 'Issue', value: `${n.issue.shortId} · ${n.issue.timesSeen} events` });
  if (n.usersAffected !== null) facts.push({ label: 'Users affected', value: String(n.usersAffected) });
  if (n.release) facts.push({ label: 'Release', value: releaseText(n.release) });
  return facts;
}

function round(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** Short status prefix for titles: `[critical]`, `[resolved]`. */
export function statusTag(n: Notification): string {
  return n.status === 'resolved' ? '[resolved]' : `[${n.severity}]`;
}
