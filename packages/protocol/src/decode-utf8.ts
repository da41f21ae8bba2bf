import { type Failure, fail } from './result.js';

// `fatal: true` makes invalid UTF-8 an error instead of silently inserting U+FFFD: the
// SDKs write all JSON as UTF-8 (Sentry developer docs, Envelopes › Serialization Format), and Relay rejects
// anything else.
const decoder = new TextDecoder('utf-8', { fatal: true });

export type Utf8Result = { readonly ok: true; readonly text: string } | Failure;

/** Decodes strict UTF-8. A leading byte-order mark is dropped (lenient; SDKs never send one). */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return fail('not valid UTF-8');
  }
}
