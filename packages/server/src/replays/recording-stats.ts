import { isJsonObject, type JsonValue } from '@faultline/protocol';

/**
 * Clicks a segment's recording shows, from the SDK's breadcrumb custom events (rrweb type 5,
 * `tag: "breadcrumb"`): `ui.click` is a click, `ui.slowClickDetected` a dead click (nothing
 * happened after it), and a dead click clicked five or more times a rage click — the
 * definitions of Sentry's replay list (https://docs.sentry.io/product/explore/session-replay/web/replay-page-and-filters/).
 */
export function recordingClicks(events: readonly JsonValue[]): [clicks: number, dead: number, rage: number] {
  let clicks = 0;
  let dead = 0;
  let rage = 0;
  for (const e of events) {
    if (!isJsonObject(e) || e.type !== 5 || !isJsonObject(e.data) || e.data.tag !== 'breadcrumb') continue;
    const payload = e.data.payload;
    if (!isJsonObject(payload)) continue;
    if (payload.category === 'ui.click') clicks++;
    else if (payload.category === 'ui.slowClickDetected') {
      dead++;
      const count = isJsonObject(payload.data) ? payload.data.clickCount : undefined;
      if (typeof count === 'number' && count >= 5) rage++;
    }
  }
  return [clicks, dead, rage];
}
