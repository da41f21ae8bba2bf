import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeGrouping } from '../group/index.js';
import { normalizeCapturedWithNotes, payloadCopy } from '../normalize/sdk-events.test-support.js';
import { type StoredEventDocument, storedEventJson } from './stored-document.js';

const PY = 'sentry-python-1.9.10/001-errors--store.txt';

describe('stored event document', () => {
  it('keeps frames’ effective in_app, the SDK’s value in data.orig_in_app, plus notes and grouping', () => {
    const payload = payloadCopy(PY);
    const values = (payload.exception as { values: { stacktrace: { frames: Record<string, unknown>[] } }[] }).values;
    const frames = values.at(-1)?.stacktrace.frames;
    assert.ok(frames);
    // A library frame the SDK wrongly marked in-app: the built-in stack rules correct it.
    frames.push({ abs_path: '/venv/lib/python3.11/site-packages/lib/x.py', module: 'lib.x', function: 'get', in_app: true });
    payload.level = 42; // invalid: replaced with a note
    const { event, notes } = normalizeCapturedWithNotes(PY, payload);
    const grouping = computeGrouping(event);
    const doc = JSON.parse(storedEventJson(event, notes, grouping)) as StoredEventDocument;
    const stored = doc.exception?.values.at(-1)?.stacktrace?.frames ?? [];
    const last = stored.at(-1);
    assert.equal(last?.in_app, false);
    assert.deepEqual(last?.data, { orig_in_app: true });
    assert.ok(
      stored.slice(0, -1).every((f) => f.data?.orig_in_app === undefined),
      'unchanged frames carry no orig_in_app',
    );
    assert.ok(doc.processing.notes.some((n) => n.path === 'level'));
    assert.deepEqual(doc.processing.grouping?.hashes, grouping.hashes);
    assert.equal(doc.processing.grouping?.mechanism, grouping.mechanism);
  });

  it('stores transactions without grouping', () => {
    const { event, notes } = normalizeCapturedWithNotes('sentry-node-11.12.0/010-express-static--envelope-transaction.txt');
    const doc = JSON.parse(storedEventJson(event, notes, null)) as StoredEventDocument;
    assert.equal(doc.type, 'transaction');
    assert.equal(doc.processing.grouping, null);
    assert.ok((doc.spans?.length ?? 0) > 0);
  });
});
