// The example programs' transport: the SDK's own Node transport, recording for each envelope its
// item types (and, with `describe`, each item as `describe` reads it) and the HTTP status it got,
// or the transport's error. The requests are unchanged; the tests compare this record with what
// the server stored.

/**
 * `Sentry` is the SDK module the program loaded. Returns the transport factory for
 * `Sentry.init({ transport })` and the list it fills: `{ types, items?, status, error? }` per envelope.
 */
export function recordingTransport(Sentry, describe) {
  const sent = [];
  const transport = (options) => {
    const inner = Sentry.makeNodeTransport(options);
    return {
      async send(envelope) {
        const types = envelope[1].map(([header]) => header.type);
        const record = describe ? { types, items: envelope[1].map(([header, payload]) => describe(header, payload)) } : { types };
        try {
          const response = await inner.send(envelope);
          sent.push({ ...record, status: response.statusCode ?? null });
          return response;
        } catch (error) {
          sent.push({ ...record, status: null, error: String(error) });
          throw error;
        }
      },
      flush: (timeout) => inner.flush(timeout),
    };
  };
  return { transport, sent };
}
