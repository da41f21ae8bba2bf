import type { Notification } from './notification.js';

/** A fully populated issue alert, as the evaluator builds one, for the channel tests. */
export function sampleNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    kind: 'issue',
    status: 'triggered',
    severity: 'critical',
    title: 'TypeError: Cannot read properties of undefined (reading "id")',
    reason: 'Affected more than 5 users within 1 hour & <growing>.',
    firedAt: Date.UTC(2026, 0, 1, 12, 30),
    startedAt: Date.UTC(2026, 0, 1, 12, 0),
    organization: { slug: 'acme' },
    project: { id: 3, slug: 'checkout', name: 'Checkout' },
    environment: 'production',
    rule: {
      id: 12,
      name: 'New issue affecting more than 5 users',
      url: 'http://faultline.test/organizations/acme/alerts/rules/checkout/12/details/',
      runbookUrl: 'https://runbooks.acme.test/checkout',
      triageNotes: 'Check the payment provider status page first.',
    },
    link: { url: 'http://faultline.test/organizations/acme/issues/42/', text: 'Open issue' },
    issue: {
      id: 42,
      shortId: 'CHECKOUT-1A',
      title: 'TypeError: Cannot read properties of undefined (reading "id")',
      culprit: 'app/cart.js in submitOrder',
      level: 'fatal',
      firstSeen: Date.UTC(2026, 0, 1, 12, 0),
      timesSeen: 31,
    },
    metric: null,
    usersAffected: 7,
    release: { version: 'checkout@2.4.1', deploys: [{ environment: 'production', finishedAt: Date.UTC(2026, 0, 1, 11, 45) }] },
    dedupKey: 'faultline-issue-12-42',
    ...overrides,
  };
}
