import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { IssueEvent } from '../../api/index.js';
import { EventView } from './event-view.js';

afterEach(cleanup);

const base: IssueEvent = { id: 'a'.repeat(32), eventID: 'a'.repeat(32), title: 'N+1 Query', dateCreated: '2026-12-01T10:00:00Z', tags: [], entries: [] };

describe('EventView', () => {
  it("shows a performance issue's evidence: the offending statement and the detector's findings", () => {
    const event: IssueEvent = {
      ...base,
      occurrence: {
        issueTitle: 'N+1 Query',
        subtitle: 'SELECT * FROM orders WHERE id = $1',
        type: 1006,
        evidenceDisplay: [{ name: 'Offending Spans', value: 'db - SELECT * FROM orders WHERE id = $1', important: true }],
      },
    };
    render(
      <MemoryRouter>
        <EventView event={event} listHref={() => '/'} />
      </MemoryRouter>,
    );
    const section = screen.getByRole('region', { name: 'N+1 Query: what was found' });
    expect(within(section).getByText('Offending Spans')).toBeTruthy();
    expect(within(section).getByText('db - SELECT * FROM orders WHERE id = $1')).toBeTruthy();
  });

  it('shows no evidence section for an error event', () => {
    render(
      <MemoryRouter>
        <EventView event={{ ...base, title: 'TypeError' }} listHref={() => '/'} />
      </MemoryRouter>,
    );
    expect(screen.queryByRole('region', { name: /what was found/ })).toBeNull();
  });
});
