import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { IssueEvent } from '../../api/index.js';
import { EventNav } from './event-nav.js';

afterEach(cleanup);

function event(contexts: IssueEvent['contexts']): IssueEvent {
  return { id: 'e1', eventID: 'e'.repeat(32), title: 'Error', dateCreated: '2026-11-21T15:30:46.601Z', tags: [], entries: [], contexts };
}

function renderNav(e: IssueEvent) {
  render(
    <MemoryRouter>
      <EventNav org="acme" issueId="42" event={e} />
    </MemoryRouter>,
  );
}

describe('EventNav', () => {
  it('links an event with a trace context to its trace', () => {
    renderNav(event({ trace: { trace_id: 'BB14F9A0334C4594B16028A527838693', span_id: 'b7fc14d753d6a895', type: 'trace' } }));
    expect(screen.getByRole('link', { name: 'View trace' }).getAttribute('href')).toBe('/organizations/acme/traces/bb14f9a0334c4594b16028a527838693/');
    // And to the log lines of the same request.
    expect(screen.getByRole('link', { name: 'Logs' }).getAttribute('href')).toBe('/organizations/acme/logs/?trace=bb14f9a0334c4594b16028a527838693');
  });

  it('offers no trace link without a trace id, or with one that is not a trace id', () => {
    renderNav(event({ os: { name: 'Debian' } }));
    expect(screen.queryByRole('link', { name: 'View trace' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Logs' })).toBeNull();
    cleanup();
    renderNav(event({ trace: { trace_id: 'not-a-trace' } }));
    expect(screen.queryByRole('link', { name: 'View trace' })).toBeNull();
  });
});
