// Test support (not exported): real SDK events from the captures copied into
// packages/server/test-fixtures/<sdk-dir>/, helpers to vary them, and a model of how the
// pipeline turns hashes into issues (documented in index.ts).
import { readFileSync } from 'node:fs';
import type { GroupingResult } from './compute-grouping.js';
import type { GroupingEvent, GroupingException, GroupingFrame } from './grouping-input.js';

const FIXTURES = new URL('../../../test-fixtures/', import.meta.url);

/** The event payload of a capture: a store body, or the line after an envelope's `event` item header. */
export function captureEvent(file: string): GroupingEvent {
  const text = readFileSync(new URL(file, FIXTURES), 'utf8');
  const blank = text.indexOf('\n\n');
  if (blank < 0) throw new Error(`${file}: no blank line after the request headers`);
  const body = text.slice(blank + 2);
  if (file.includes('--store')) return JSON.parse(body) as GroupingEvent;
  // Line 0 is the envelope header; item headers and JSON payloads alternate after it.
  const lines = body.split('\n');
  for (let i = 1; i < lines.length - 1; i += 2) {
    const header = JSON.parse(lines[i] as string) as { type?: string };
    if (header.type === 'event') return JSON.parse(lines[i + 1] as string) as GroupingEvent;
  }
  throw new Error(`${file}: no event item`);
}

export const node8 = (n: string): GroupingEvent => captureEvent(`sentry-node-8.55.2/${n}`);
export const node11 = (n: string): GroupingEvent => captureEvent(`sentry-node-11.12.0/${n}`);
export const browser = (n: string): GroupingEvent => captureEvent(`sentry-browser-11.12.0/${n}`);
export const python = (n: string): GroupingEvent => captureEvent(`sentry-python-1.9.10/${n}`);
export const cli2 = (n: string): GroupingEvent => captureEvent(`sentry-cli-2.58.6/${n}`);

const exceptionsOf = (e: GroupingEvent): readonly GroupingException[] => e.exception?.values ?? [];

/** Rewrites the thrown (last) exception. */
export function withMain(e: GroupingEvent, f: (x: GroupingException) => GroupingException): GroupingEvent {
  const values = exceptionsOf(e);
  const last = values[values.length - 1];
  if (last === undefined) throw new Error('event has no exception');
  return { ...e, exception: { values: [...values.slice(0, -1), f(last)] } };
}

export function withFrames(e: GroupingEvent, f: (frames: readonly GroupingFrame[]) => readonly GroupingFrame[]): GroupingEvent {
  return withMain(e, (x) => ({ ...x, stacktrace: { frames: f(x.stacktrace?.frames ?? []) } }));
}

export function mapFrames(e: GroupingEvent, f: (frame: GroupingFrame, i: number) => GroupingFrame): GroupingEvent {
  return withFrames(e, (frames) => frames.map(f));
}

export const withValue = (e: GroupingEvent, value: string): GroupingEvent => withMain(e, (x) => ({ ...x, value }));

/** Every frame moves down by `n` lines, as after an edit above all of them. */
export const shiftLines = (e: GroupingEvent, n: number): GroupingEvent =>
  mapFrames(e, (f) => ({ ...f, lineno: (f.lineno ?? 0) + n, colno: (f.colno ?? 0) + 1 }));

/** Replaces the newest frame (the throw site). */
export const withTopFrame = (e: GroupingEvent, patch: Partial<GroupingFrame>): GroupingEvent =>
  withFrames(e, (frames) => frames.map((f, i) => (i === frames.length - 1 ? { ...f, ...patch } : f)));

export const frame = (patch: Partial<GroupingFrame>): GroupingFrame => ({ in_app: true, ...patch });

export const error = (type: string, value: string, frames?: readonly GroupingFrame[], platform = 'node'): GroupingEvent => ({
  platform,
  level: 'error',
  exception: { values: [{ type, value, ...(frames === undefined ? {} : { stacktrace: { frames } }) }] },
});

export const message = (text: string, platform = 'node'): GroupingEvent => ({ platform, level: 'info', message: text });

/**
 * The issue lookup of index.ts: an event joins the issue that owns any of its hashes (primary
 * first) and that issue adopts the event's unowned hashes; otherwise a new issue owns them all.
 * Returns the issue number of each event, in order.
 */
export function assignIssues(results: readonly GroupingResult[]): number[] {
  const owner = new Map<string, number>();
  let issues = 0;
  return results.map((r) => {
    const key = (h: string): string => `${r.mechanism}:${h}`;
    const found = r.hashes.map((h) => owner.get(key(h))).find((i) => i !== undefined);
    const issue = found ?? issues++;
    for (const h of r.hashes) if (!owner.has(key(h))) owner.set(key(h), issue);
    return issue;
  });
}

/** `[0, 0, 1]` → `'AAB'`: the shape of a partition, independent of issue numbering. */
export function partitionShape(issues: readonly number[]): string {
  const labels = new Map<number, string>();
  return issues.map((i) => labels.get(i) ?? (labels.set(i, String.fromCharCode(65 + labels.size)).get(i) as string)).join('');
}
