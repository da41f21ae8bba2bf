// Session replay from the official @sentry/browser: replayIntegration records the page with
// rrweb and sends segments as replay_event + replay_recording envelopes.
//
//   index.html?dsn=<DSN>&mode=session|buffer&mask=default|off
//
// session: replaysSessionSampleRate 1 (recorded and sent from the start).
// buffer:  replaysOnErrorSampleRate 1 (kept in memory, sent when an error is captured).
// mask=off turns the SDK's own masking off, so the server's scrubbing is all that protects
// what is typed (docs/replays.md › Privacy).
//
// The page adds a card field and a password field. `window.__finish()` flushes the replay (in
// buffer mode it first captures an error) and resolves with what the transport sent.
import * as Sentry from '@sentry/browser';
import { recordingTransport } from './recording-transport.js';

const params = new URLSearchParams(location.search);
const mode = params.get('mode') || 'session';

const { transport, sent } = recordingTransport((header, payload) => ({
  type: header.type,
  eventId: header.type === 'event' ? payload.event_id : undefined,
  replayId: header.type === 'replay_event' ? payload.replay_id : undefined,
  errorIds: header.type === 'replay_event' ? payload.error_ids : undefined,
  segmentId: header.type === 'replay_event' ? payload.segment_id : undefined,
  replayTag: header.type === 'event' ? (payload.tags?.replayId ?? null) : undefined,
}));

// minReplayDuration 0: the SDK otherwise drops replays shorter than 5 s, and a test page is quicker.
const masking = params.get('mask') === 'off' ? { maskAllText: false, maskAllInputs: false, blockAllMedia: false } : {};
const replay = Sentry.replayIntegration({ ...masking, minReplayDuration: 0 });

Sentry.init({
  dsn: params.get('dsn'),
  release: 'shop-web@2.0.0',
  environment: 'production',
  integrations: [replay],
  replaysSessionSampleRate: mode === 'session' ? 1 : 0,
  replaysOnErrorSampleRate: mode === 'buffer' ? 1 : 0,
  transport,
});
Sentry.setUser({ id: '42', email: 'jane@example.com' });

const form = document.createElement('form');
form.innerHTML = '<label>Card <input id="card" name="card" autocomplete="off"></label><label>Password <input id="password" type="password"></label>';
document.body.append(form);

window.__finish = async () => {
  let errorId = null;
  if (mode === 'buffer') errorId = Sentry.captureException(new Error('payment declined'));
  // Let the error's envelope go first: buffer mode sends the replay once the error was sent.
  await Sentry.flush(5000);
  await replay.flush();
  await Sentry.flush(5000);
  return { sdkVersion: Sentry.SDK_VERSION, replayId: replay.getReplayId() ?? null, errorId, sent };
};
window.__ready = true;
