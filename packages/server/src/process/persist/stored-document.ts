import type { EffectiveInApp, GroupingResult } from '../group/index.js';
import type { NormalizedEvent, ProcessingNote, Stacktrace } from '../normalize/index.js';

/**
 * What `events.payload` holds (compressed JSON, see events/store/event-payload-codec.ts): the normalized, scrubbed event in Sentry's field
 * names — never the payload as received — plus `processing`: what normalization and
 * symbolication changed (notes) and how the event was grouped. Frames carry their effective
 * `in_app` (after stack trace rules); where a rule changed it, the SDK's value is kept in
 * `data.orig_in_app`, as Sentry does.
 */
export type StoredEventDocument = NormalizedEvent & {
  processing: {
    notes: readonly ProcessingNote[];
    grouping: StoredGrouping | null;
  };
};

export interface StoredGrouping {
  mechanism: string;
  hashes: readonly string[];
  variant: string;
  fingerprintSource: string;
  fingerprint: readonly string[] | null;
  description: string;
  matchedRule: { line: number; text: string } | null;
}

/** Builds the document (mutating the event: effective in_app, processing) as JSON. */
export function storedEventJson(event: NormalizedEvent, notes: readonly ProcessingNote[], grouping: GroupingResult | null): string {
  if (grouping !== null) applyEffectiveInApp(event, grouping.effectiveInApp);
  const document: StoredEventDocument = Object.assign(event, {
    processing: {
      notes,
      grouping:
        grouping === null
          ? null
          : {
              mechanism: grouping.mechanism,
              hashes: grouping.hashes,
              variant: grouping.variant,
              fingerprintSource: grouping.fingerprintSource,
              fingerprint: grouping.fingerprint,
              description: grouping.description,
              matchedRule: grouping.matchedRule,
            },
    },
  });
  return JSON.stringify(document);
}

function applyEffectiveInApp(event: NormalizedEvent, effective: EffectiveInApp): void {
  const values = event.exception?.values ?? [];
  for (let i = 0; i < values.length; i++) applyFlags(values[i]?.stacktrace, effective.exception[i]);
  const threads = event.threads?.values ?? [];
  for (let i = 0; i < threads.length; i++) applyFlags(threads[i]?.stacktrace, effective.threads[i]);
  applyFlags(event.stacktrace, effective.stacktrace);
}

function applyFlags(stacktrace: Stacktrace | undefined, flags: readonly boolean[] | null | undefined): void {
  if (stacktrace === undefined || flags == null || flags.length !== stacktrace.frames.length) return;
  stacktrace.frames.forEach((frame, i) => {
    const inApp = flags[i] as boolean;
    if (frame.in_app === inApp) return;
    frame.data = { ...frame.data, orig_in_app: frame.in_app };
    frame.in_app = inApp;
  });
}
