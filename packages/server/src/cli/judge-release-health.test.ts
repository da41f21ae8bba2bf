import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GATE_CANNOT_JUDGE, GATE_FAIL, GATE_PASS, judgeReleaseHealth, type ReleaseHealthMeasures } from './judge-release-health.js';

const healthy: ReleaseHealthMeasures = { sessions: 200, users: 50, crashFreeSessions: 99.5, crashFreeUsers: 98, unhandledFreeUsers: null };

test('passes when every asked number is at or above its minimum', () => {
  const v = judgeReleaseHealth(healthy, { minSessions: 100, minCrashFreeUsers: 98, minCrashFreeSessions: 99 });
  assert.equal(v.code, GATE_PASS);
  assert.match(v.lines.join('\n'), /crash-free users: 98% \(minimum 98%\) ok/);
  assert.equal(v.lines.at(-1), 'healthy');
});

test('fails naming the number and the threshold it is below', () => {
  const v = judgeReleaseHealth({ ...healthy, crashFreeUsers: 96.9994 }, { minSessions: 100, minCrashFreeUsers: 97, minCrashFreeSessions: 99 });
  assert.equal(v.code, GATE_FAIL);
  assert.equal(v.lines.at(-1), 'unhealthy: crash-free users 96.999% is below 97%');
  assert.match(v.lines.join('\n'), /crash-free sessions: 99.5% \(minimum 99%\) ok/);
});

test('too few sessions cannot be judged, even with perfect rates', () => {
  const v = judgeReleaseHealth({ ...healthy, sessions: 99, crashFreeSessions: 100, crashFreeUsers: 100 }, { minSessions: 100, minCrashFreeUsers: 97 });
  assert.equal(v.code, GATE_CANNOT_JUDGE);
  assert.match(v.lines.at(-1) ?? '', /99 session\(s\) since the deploy, at least 100 needed/);
});

test('no sessions at all cannot be judged', () => {
  const v = judgeReleaseHealth(
    { sessions: 0, users: 0, crashFreeSessions: null, crashFreeUsers: null, unhandledFreeUsers: null },
    { minSessions: 1, minCrashFreeSessions: 90 },
  );
  assert.equal(v.code, GATE_CANNOT_JUDGE);
});

test('user thresholds without user ids cannot be judged; a session threshold still can', () => {
  const noUsers = { ...healthy, users: 0, crashFreeUsers: null };
  assert.equal(judgeReleaseHealth(noUsers, { minSessions: 100, minCrashFreeUsers: 97 }).code, GATE_CANNOT_JUDGE);
  assert.match(judgeReleaseHealth(noUsers, { minSessions: 100, minCrashFreeUsers: 97 }).lines.at(-1) ?? '', /no session carried a user id/);
  assert.equal(judgeReleaseHealth(noUsers, { minSessions: 100, minCrashFreeSessions: 99 }).code, GATE_PASS);
});

test('unhandled-free users: judged when reported, cannot judge when the server does not count them', () => {
  assert.equal(judgeReleaseHealth({ ...healthy, unhandledFreeUsers: 98.5 }, { minSessions: 1, minUnhandledFreeUsers: 99 }).code, GATE_FAIL);
  assert.equal(judgeReleaseHealth({ ...healthy, unhandledFreeUsers: 99 }, { minSessions: 1, minUnhandledFreeUsers: 99 }).code, GATE_PASS);
  const v = judgeReleaseHealth({ ...healthy, unhandledFreeUsers: 'unsupported' }, { minSessions: 1, minUnhandledFreeUsers: 99 });
  assert.equal(v.code, GATE_CANNOT_JUDGE);
  assert.match(v.lines.at(-1) ?? '', /does not report unhandled sessions/);
});

test('every failing number is listed, not only the first', () => {
  const v = judgeReleaseHealth({ ...healthy, crashFreeSessions: 90, crashFreeUsers: 80 }, { minSessions: 1, minCrashFreeSessions: 99, minCrashFreeUsers: 97 });
  assert.equal(v.code, GATE_FAIL);
  assert.equal(v.lines.at(-1), 'unhealthy: crash-free sessions 90% is below 99%; crash-free users 80% is below 97%');
});
