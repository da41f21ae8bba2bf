import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserReport } from '../../api/index.js';
import { renderWithApi } from '../performance/fake-api.test-support.js';
import { IssueUserReports } from './issue-user-reports.js';

afterEach(cleanup);

const REPORTS = '/api/0/organizations/acme/issues/6/user-reports/';
const HOSTILE = '<img src=x onerror="document.body.dataset.pwned=1">';

/** User reports in the shape of Sentry's `/issues/{id}/user-reports/` items. */
const reports: UserReport[] = [
  {
    id: '2',
    eventID: 'c48d945665cc40a6a610ceaa739fad47',
    name: 'Jane Doe',
    email: 'jane@example.com',
    comments: HOSTILE,
    dateCreated: '2026-12-07T11:05:00.000000Z',
    user: null,
    event: { id: 'c48d945665cc40a6a610ceaa739fad47', eventID: 'c48d945665cc40a6a610ceaa739fad47' },
  },
  {
    id: '1',
    eventID: 'f19ec5d995c34740bd9bf9921ad6eb2b',
    name: null,
    email: 'ann@example.com',
    comments: 'Still broken',
    dateCreated: '2026-12-07T10:00:00.000000Z',
  },
];

describe('IssueUserReports', () => {
  it('lists what the issue’s users wrote, as text, newest first as the API orders them', async () => {
    const api = renderWithApi(<IssueUserReports org="acme" issueId="6" />, (url) => (url.pathname === REPORTS ? { body: reports } : undefined), '/i/', '/i/');
    const list = await screen.findByRole('region', { name: 'User feedback' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.user-report-name')?.textContent)).toEqual(['Jane Doe', 'ann@example.com']);
    expect(items[0]?.querySelector('.user-report-comments')?.textContent).toBe(HOSTILE);
    expect(list.querySelector('img')).toBeNull();
    expect(document.body.dataset.pwned).toBeUndefined();
    expect(within(items[0] as HTMLElement).getByText('jane@example.com')).toBeTruthy();
    expect(api.to(REPORTS)[0]?.searchParams.get('per_page')).toBe('25');
  });

  it('says where reports come from when there are none', async () => {
    renderWithApi(<IssueUserReports org="acme" issueId="6" />, (url) => (url.pathname === REPORTS ? { body: [] } : undefined), '/i/', '/i/');
    await screen.findByText('No user feedback on this issue');
  });
});
