import { type EnvelopeTemplate, type EventIdSequence, stampId } from '../corpus/index.js';
import type { Sender } from './http-sender.js';
import type { PhaseStats } from './phase-stats.js';

/**
 * Picks the next template round-robin, stamps a fresh event id and sends it. A template
 * whose bytes may still be queued on a socket (an earlier send has not been answered yet)
 * is copied first: patching bytes Node has not written yet would corrupt that request.
 */
export interface Dispatcher {
  /** Sends one envelope; `startedAt` is where its latency is measured from. */
  dispatch(startedAt: number, settled: () => void): void;
  readonly outstanding: number;
}

export function createDispatcher(templates: readonly EnvelopeTemplate[], ids: EventIdSequence, sender: Sender, stats: PhaseStats): Dispatcher {
  if (templates.length === 0) throw new RangeError('the corpus is empty');
  const inFlight = new Uint32Array(templates.length);
  let cursor = 0;
  let outstanding = 0;
  return {
    dispatch(startedAt, settled) {
      const index = cursor;
      cursor = (cursor + 1) % templates.length;
      const template = templates[index] as EnvelopeTemplate;
      const busy = (inFlight[index] ?? 0) > 0;
      const body = stampId(template, ids.next(), busy ? Buffer.from(template.wire) : template.wire);
      inFlight[index] = (inFlight[index] ?? 0) + 1;
      outstanding++;
      stats.sent++;
      stats.bytesSent += body.length;
      sender.send(body, template.encoding === 'gzip', (outcome) => {
        inFlight[index] = (inFlight[index] ?? 1) - 1;
        outstanding--;
        stats.settle(template.kind, startedAt, performance.now(), outcome);
        settled();
      });
    },
    get outstanding() {
      return outstanding;
    },
  };
}
