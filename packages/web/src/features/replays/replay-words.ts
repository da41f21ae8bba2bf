import type { Replay } from '../../api/index.js';

/** Who was recorded: the display name, else e-mail, username, id or IP; "Anonymous user" without any. */
export function replayUserLabel(replay: Pick<Replay, 'user'>): string {
  const u = replay.user;
  return u?.display_name || u?.email || u?.username || (u?.id ? `User ${u.id}` : '') || u?.ip || 'Anonymous user';
}

/** `8 s`, `2 min 05 s`, `1 h 02 min` of whole seconds; `—` when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
