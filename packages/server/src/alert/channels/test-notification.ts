import type { Notification } from './notification.js';

/** The message "send test notification" sends: every part of a real alert, clearly marked as a test. */
export function testNotification(input: { publicUrl: string; org: string; channelId: number; channelName: string; now: number }): Notification {
  const rulesUrl = `${input.publicUrl}/organizations/${input.org}/alerts/rules/`;
  return {
    kind: 'test',
    status: 'triggered',
    severity: 'info',
    title: `Test notification for “${input.channelName}”`,
    reason: 'This is a test sent from Faultline to check that this channel works. No action is needed.',
    firedAt: input.now,
    startedAt: input.now,
    organization: { slug: input.org },
    project: { id: 0, slug: 'test', name: 'test' },
    environment: null,
    rule: { id: 0, name: 'Test notification', url: rulesUrl, runbookUrl: null, triageNotes: null },
    link: { url: rulesUrl, text: 'Open alert rules' },
    issue: null,
    metric: null,
    usersAffected: null,
    release: null,
    dedupKey: `faultline-test-${input.channelId}-${input.now}`,
  };
}
