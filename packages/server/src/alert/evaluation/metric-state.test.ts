import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type EvaluationState, nextMetricState } from './metric-state.js';

const minute = 60_000;
type Rule = Parameters<typeof nextMetricState>[0];
const rule: Rule = { thresholdType: 'above', criticalThreshold: 100, warningThreshold: 50, resolveThreshold: 20, sustainMs: 5 * minute };
const ok: EvaluationState = { state: 'ok', warningSince: null, criticalSince: null };

/** Feeds one value per minute and collects the transitions. */
function run(values: number[], r: Rule = rule, start: EvaluationState = ok) {
  let state = start;
  const transitions: string[] = [];
  values.forEach((v, i) => {
    const { next, transition } = nextMetricState(r, state, v, i * minute);
    state = next;
    if (transition)
      transitions.push(
        `${i}:${transition.type === 'severity_changed' ? `${transition.from}->${transition.to}` : transition.type === 'opened' ? `opened ${transition.severity}` : 'resolved'}`,
      );
  });
  return { state, transitions };
}

describe('metric state machine', () => {
  it('opens only after the breach has lasted the sustain duration', () => {
    assert.deepEqual(run([60, 60, 60, 60, 60]).transitions, []);
    assert.deepEqual(run([60, 60, 60, 60, 60, 60]).transitions, ['5:opened warning']);
  });

  it('a break in the breach restarts the sustain clock', () => {
    assert.deepEqual(run([60, 60, 60, 10, 60, 60, 60, 60, 60]).transitions, []);
    assert.deepEqual(run([60, 60, 60, 10, 60, 60, 60, 60, 60, 60]).transitions, ['9:opened warning']);
  });

  it('escalates warning → critical once critical is sustained, then resolves below the resolve threshold', () => {
    const values = [60, 60, 60, 60, 60, 60, 150, 150, 150, 150, 150, 150, 70, 10];
    assert.deepEqual(run(values).transitions, ['5:opened warning', '11:warning->critical', '12:critical->warning', '13:resolved']);
  });

  it('critical with no warning breach holds until resolved', () => {
    const { transitions } = run([150, 150, 150, 150, 150, 150, 30, 10]);
    assert.deepEqual(transitions, ['5:opened critical', '7:resolved']);
  });

  it('holds between the resolve and the alert threshold (no flapping)', () => {
    const { state, transitions } = run([60, 60, 60, 60, 60, 60, 40, 45, 30, 25]);
    assert.deepEqual(transitions, ['5:opened warning']);
    assert.equal(state.state, 'warning');
  });

  it('without a resolve threshold resolves when no longer above the lowest threshold', () => {
    const r = { ...rule, resolveThreshold: null, warningThreshold: null, sustainMs: 0 };
    assert.deepEqual(run([150, 120, 100], r).transitions, ['0:opened critical', '2:resolved']);
  });

  it('below-type rules breach under the threshold', () => {
    const r: Rule = { thresholdType: 'below', criticalThreshold: 10, warningThreshold: 50, resolveThreshold: 80, sustainMs: 0 };
    assert.deepEqual(run([90, 40, 5, 30, 85], r).transitions, ['1:opened warning', '2:warning->critical', '3:critical->warning', '4:resolved']);
  });

  it('no data changes nothing', () => {
    const start: EvaluationState = { state: 'critical', warningSince: 0, criticalSince: 0 };
    const { next, transition } = nextMetricState(rule, start, null, 10 * minute);
    assert.equal(transition, null);
    assert.deepEqual(next, start);
  });
});
