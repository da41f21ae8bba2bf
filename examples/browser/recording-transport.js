// The page examples' transport: @sentry/browser's own fetch transport, recording what each
// envelope carried (as `describe` reads each item) and the status it got, so a test can compare
// what the SDK really sent with what the server stored. Bundled into each example by esbuild.
import { makeFetchTransport } from '@sentry/browser';

/**
 * Returns the transport factory for `Sentry.init({ transport })` and the list it fills:
 * `{ items: [describe(header, payload)…], status }` per envelope sent.
 */
export function recordingTransport(describe) {
  const sent = [];
  const transport = (options) => {
    const inner = makeFetchTransport(options);
    return {
      async send(envelope) {
        const items = envelope[1].map(([header, payload]) => describe(header, payload));
        const response = await inner.send(envelope);
        sent.push({ items, status: response.statusCode ?? null });
        return response;
      },
      flush: (timeout) => inner.flush(timeout),
    };
  };
  return { transport, sent };
}
