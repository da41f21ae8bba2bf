// Fuzzing the feedback parsers: whatever JSON a client sends as a `feedback` payload or a user
// report (item, API body or dialog form), the parser returns a typed result (never throws), and
// what it accepts is within Sentry's limits; the pipeline turns every refusal into an outcome.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isValidEmail } from './email-address.js';
import { FEEDBACK_MESSAGE_MAX, readFeedbackContext } from './feedback-context.js';
import { parseUserReport, USER_REPORT_LIMITS } from './user-report-input.js';

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', '   ', 'jane@example.com', 'a@b', '@x.com', 'x'.repeat(5000), '<b>hi</b>'));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.jsonValue({ maxDepth: 2 }));
const eventId = fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.uuid(), fc.string({ maxLength: 40 }));

const feedbackPayload = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record(
    {
      contexts: maybe(
        fc.record(
          {
            feedback: maybe(
              fc.record(
                {
                  message: maybe(text),
                  contact_email: maybe(text),
                  name: maybe(text),
                  associated_event_id: maybe(eventId),
                  replay_id: maybe(eventId),
                  url: maybe(text),
                },
                { requiredKeys: [] },
              ),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
);

const reportBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ event_id: maybe(eventId), name: maybe(text), email: maybe(text), comments: maybe(text) }, { requiredKeys: [] }),
);

describe('feedback parsers over arbitrary JSON', () => {
  it('readFeedbackContext never throws; an accepted message is non-blank and within the limit', () => {
    fc.assert(
      fc.property(feedbackPayload, (payload) => {
        const r = readFeedbackContext(payload);
        if (!r.ok) {
          assert.match(r.reason, /^(missing_feedback_context|empty_feedback_message)$/);
          return;
        }
        assert.ok(r.feedback.message.trim() !== '');
        assert.ok(r.feedback.message.length <= FEEDBACK_MESSAGE_MAX);
        for (const id of [r.feedback.associatedEventId, r.feedback.replayId]) if (id !== null) assert.match(id, /^[0-9a-f]{32}$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseUserReport never throws; what it accepts is within the limits with a valid address, in both modes', () => {
    fc.assert(
      fc.property(reportBody, fc.boolean(), (body, truncate) => {
        const r = parseUserReport(body, { truncate });
        if (!r.ok) {
          assert.ok(['event_id', 'name', 'email', 'comments'].includes(r.field));
          assert.ok(r.reason.length > 0);
          return;
        }
        assert.match(r.report.eventId, /^[0-9a-f]{32}$/);
        assert.ok(r.report.name.length > 0 && r.report.name.length <= USER_REPORT_LIMITS.name);
        assert.ok(r.report.email.length <= USER_REPORT_LIMITS.email && isValidEmail(r.report.email));
        assert.ok(r.report.comments.length > 0 && r.report.comments.length <= USER_REPORT_LIMITS.comments);
      }),
      { numRuns: 2000 },
    );
  });

  it('isValidEmail refuses long hostile input at once (the length check comes first) and checks the parts', () => {
    const hostile = `${'a.'.repeat(50_000)}@${'b-'.repeat(50_000)}`;
    const started = performance.now();
    assert.equal(isValidEmail(hostile), false);
    assert.equal(isValidEmail(`${'a'.repeat(60)}@${'sub.'.repeat(20_000)}com`), false);
    assert.ok(performance.now() - started < 200);
    assert.equal(isValidEmail('jane.doe+tag@example.co.uk'), true);
    assert.equal(isValidEmail('jane@localhost'), true);
    for (const bad of [
      'jane',
      'jane@',
      '@example.com',
      'ja ne@example.com',
      'jane@exa_mple.com',
      'jane@example',
      'jane..doe@example.com',
      'jane@-example.com',
    ]) {
      assert.equal(isValidEmail(bad), false, bad);
    }
  });
});
