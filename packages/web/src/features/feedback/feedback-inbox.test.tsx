import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Issue, IssueEvent } from '../../api/index.js';
import { type Answer, project, renderWithApi } from '../performance/fake-api.test-support.js';
import { FeedbackInbox } from './feedback-inbox.js';

afterEach(cleanup);

const LIST = '/api/0/organizations/acme/issues/';
const HOSTILE = '<img src=x onerror="document.body.dataset.pwned=1">';

/** A feedback issue as the issues API lists it (Sentry's feedback issue shape: metadata carries sender and message). */
function feedbackIssue(id: string, status: string, metadata: Issue['metadata'], firstSeen = '2026-12-07T11:00:00.000000Z'): Issue {
  return {
    id,
    shortId: `SHOP-${id}`,
    title: 'User Feedback',
    culprit: 'user',
    level: 'info',
    status,
    statusDetails: {},
    count: '1',
    userCount: 1,
    firstSeen,
    lastSeen: firstSeen,
    firstRelease: null,
    lastRelease: null,
    assignedTo: null,
    issueCategory: 'feedback',
    project: { id: '2', slug: 'shop' },
    metadata,
  };
}

const JANE = feedbackIssue('41', 'unresolved', {
  title: 'User Feedback',
  message: 'The checkout button does nothing',
  name: 'Jane',
  contact_email: 'jane@example.com',
});
const EVIL = feedbackIssue('42', 'unresolved', { title: 'User Feedback', value: HOSTILE, contact_email: 'mallory@example.com' });
const OLD = feedbackIssue('40', 'resolved', { title: 'User Feedback', message: 'Fixed, thanks', name: 'Ann' });

function latestEvent(issue: Issue, feedback: Record<string, string>, extra: Partial<IssueEvent> = {}): IssueEvent {
  return {
    id: `e${issue.id}`.padEnd(32, '0'),
    eventID: `e${issue.id}`.padEnd(32, '0'),
    groupID: issue.id,
    title: 'User Feedback',
    dateCreated: issue.firstSeen,
    tags: [],
    entries: [],
    contexts: { feedback },
    ...extra,
  };
}

function server(state: Map<string, string>): Answer {
  return (url, init) => {
    const all = [JANE, EVIL, OLD].map((i) => ({ ...i, status: state.get(i.id) ?? i.status }));
    if (url.pathname === LIST) {
      const wanted = url.searchParams.get('query')?.includes('is:resolved') ? 'resolved' : 'unresolved';
      return { body: all.filter((i) => i.status === wanted) };
    }
    const m = /^\/api\/0\/issues\/(\d+)\/(events\/latest\/)?$/.exec(url.pathname);
    const issue = m && all.find((i) => i.id === m[1]);
    if (!issue) {
      if (url.pathname === `/api/0/projects/acme/shop/events/${'e41'.padEnd(32, '0')}/attachments/`)
        return {
          body: [
            { id: '5', name: 'screenshot.png', mimetype: 'image/png', size: 20480, dateCreated: '2026-12-07T11:00:00Z' },
            { id: '6', name: '<b>notes</b>.svg', mimetype: 'image/svg+xml', size: 300, dateCreated: '2026-12-07T11:00:00Z' },
          ],
        };
      if (url.pathname === '/api/0/projects/acme/2/events/c48d945665cc40a6a610ceaa739fad47/')
        return { body: { ...latestEvent(JANE, {}), eventID: 'c48d945665cc40a6a610ceaa739fad47', groupID: '7', title: 'TypeError: cart is undefined' } };
      return undefined;
    }
    if (m?.[2]) {
      if (issue.id === '41')
        return {
          body: latestEvent(issue, {
            message: 'The checkout button does nothing',
            name: 'Jane',
            contact_email: 'jane@example.com',
            url: 'https://shop.example/checkout',
            associated_event_id: 'c48d945665cc40a6a610ceaa739fad47',
            replay_id: '99c65bb420fc4ed7a5b59c3915a4df7f',
          }),
        };
      return { body: latestEvent(issue, { message: HOSTILE, contact_email: 'mallory@example.com', url: 'javascript:alert(1)' }) };
    }
    if (init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as { status: string };
      state.set(issue.id, body.status);
      return { body: { ...issue, status: body.status } };
    }
    return { body: issue };
  };
}

function renderInbox(state = new Map<string, string>(), entry = '/organizations/acme/feedback/?project=2') {
  return renderWithApi(<FeedbackInbox org="acme" project={project} />, server(state), entry, '/organizations/acme/feedback/');
}

describe('FeedbackInbox', () => {
  it('lists new feedback with who, what, when and project, asking for feedback issues only', async () => {
    const api = renderInbox();
    const list = await screen.findByRole('region', { name: 'Feedback' });
    const rows = await within(list).findAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-feedback'))).toEqual(['41', '42']);
    const jane = rows[0] as HTMLElement;
    expect(within(jane).getByText('Jane')).toBeTruthy();
    expect(within(jane).getByText('jane@example.com')).toBeTruthy();
    expect(within(jane).getByText('The checkout button does nothing')).toBeTruthy();
    expect(within(jane).getByText('shop')).toBeTruthy();
    expect(jane.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-07T11:00:00.000Z');
    // Without a name the e-mail says who it is.
    expect(within(rows[1] as HTMLElement).getByText('mallory@example.com')).toBeTruthy();
    const asked = api.to(LIST)[0];
    expect(asked?.searchParams.get('query')).toBe('issue.category:feedback is:unresolved');
    expect(asked?.searchParams.get('project')).toBe('2');
  });

  it('opens a feedback beside the list with its message, contact, page and links to its error and replay', async () => {
    renderInbox();
    fireEvent.click(await screen.findByText('The checkout button does nothing'));
    const pane = await screen.findByRole('article', { name: 'Feedback from Jane' });
    await within(pane).findByRole('link', { name: 'Watch the replay' });
    expect(within(pane).getByRole('link', { name: 'Watch the replay' }).getAttribute('href')).toBe(
      '/organizations/acme/replays/99c65bb420fc4ed7a5b59c3915a4df7f/',
    );
    expect(within(pane).getByRole('link', { name: 'jane@example.com' }).getAttribute('href')).toBe('mailto:jane@example.com');
    expect(within(pane).getByRole('link', { name: 'https://shop.example/checkout' }).getAttribute('href')).toBe('https://shop.example/checkout');
    const error = await within(pane).findByRole('link', { name: 'TypeError: cart is undefined' });
    expect(error.getAttribute('href')).toBe('/organizations/acme/issues/7/events/c48d945665cc40a6a610ceaa739fad47/');
    expect(within(pane).getByRole('link', { name: 'Open the feedback issue' }).getAttribute('href')).toBe('/organizations/acme/issues/41/');
    expect(screen.getByRole('region', { name: 'Feedback' }).querySelector('[aria-current="true"]')?.getAttribute('data-feedback')).toBe('41');
    // The screenshot sent with it is shown; other files (an SVG too) are only offered as downloads.
    const files = await within(pane).findByRole('list', { name: 'Attachments' });
    const shot = within(files).getByRole('img', { name: 'Screenshot screenshot.png' });
    const download = `/api/0/projects/acme/shop/events/${'e41'.padEnd(32, '0')}/attachments/5/?download=1`;
    expect(shot.getAttribute('src')).toBe(download);
    expect(within(files).getAllByRole('img')).toHaveLength(1);
    expect(within(files).getByRole('link', { name: '<b>notes</b>.svg' }).getAttribute('download')).toBe('<b>notes</b>.svg');
    expect(within(files).getByText('20 KB')).toBeTruthy();
  });

  it('shows hostile markup from the sender as text and links no script URL', async () => {
    renderInbox(new Map(), '/organizations/acme/feedback/?project=2&feedback=42');
    const pane = await screen.findByRole('article', { name: 'Feedback from mallory@example.com' });
    await waitFor(() => expect(within(pane).getByText('javascript:alert(1)')).toBeTruthy());
    // The comment is in the list and the pane as text; no element was made from it.
    expect(screen.getAllByText(HOSTILE)).toHaveLength(2);
    expect(document.querySelector('img')).toBeNull();
    expect(document.body.dataset.pwned).toBeUndefined();
    expect(within(pane).getByText('javascript:alert(1)').closest('a')).toBeNull();
  });

  it('resolves a feedback: it leaves the new tab, shows under resolved and can be reopened', async () => {
    const state = new Map<string, string>();
    renderInbox(state, '/organizations/acme/feedback/?project=2&feedback=41');
    const pane = await screen.findByRole('article', { name: 'Feedback from Jane' });
    fireEvent.click(within(pane).getByRole('button', { name: 'Resolve' }));
    await within(pane).findByRole('button', { name: 'Unresolve' });
    expect(state.get('41')).toBe('resolved');
    await waitFor(() => expect(document.querySelector('[data-feedback="41"]')).toBeNull());

    fireEvent.click(screen.getByRole('tab', { name: 'Resolved' }));
    await waitFor(() => expect([...document.querySelectorAll('[data-feedback]')].map((r) => r.getAttribute('data-feedback'))).toEqual(['41', '40']));
    fireEvent.click(screen.getByText('The checkout button does nothing'));
    fireEvent.click(await within(await screen.findByRole('article', { name: 'Feedback from Jane' })).findByRole('button', { name: 'Unresolve' }));
    await waitFor(() => expect(state.get('41')).toBe('unresolved'));
  });

  it('says how to collect feedback when there is none, and shows the server’s error', async () => {
    renderWithApi(<FeedbackInbox org="acme" project={project} />, (url) => (url.pathname === LIST ? { body: [] } : undefined), '/x/?project=2', '/x/');
    await screen.findByText('No new feedback');
    expect(screen.getByText(/feedbackIntegration/)).toBeTruthy();
    cleanup();
    renderWithApi(<FeedbackInbox org="acme" project={project} />, () => ({ status: 403, body: { detail: 'You do not have access.' } }), '/x/', '/x/');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('You do not have access.'));
  });
});
