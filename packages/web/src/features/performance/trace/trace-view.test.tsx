import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceSpanNode } from '../../../api/performance-types.js';
import { type Answer, renderWithApi } from '../fake-api.test-support.js';
import { sampleTrace } from './trace-fixture.test-support.js';
import { TraceView } from './trace-view.js';

afterEach(cleanup);

const TRACE = 'bb14f9a0334c4594b16028a527838693';
const TRACE_PATH = `/api/0/organizations/acme/trace/${TRACE}/`;

/** The transaction's event JSON, where status, data and self time of the spans live. */
const transactionEvent = {
  id: 'a'.repeat(32),
  eventID: 'a'.repeat(32),
  title: 'GET /users/:id',
  dateCreated: '2026-11-21T15:30:46Z',
  tags: [],
  contexts: { trace: { trace_id: TRACE, span_id: 'root00000000000a', status: 'internal_error', op: 'http.server' } },
  entries: [{ type: 'spans', data: [{ span_id: 'mw0000000000000c', status: 'ok', exclusive_time: 0.5, data: { 'express.type': 'middleware' } }] }],
};

function server(trace: { status?: number; body: unknown }): Answer {
  return (url) => {
    if (url.pathname === TRACE_PATH) return trace;
    if (url.pathname === `/api/0/projects/acme/shop/events/${'a'.repeat(32)}/`) return { body: transactionEvent };
    return undefined;
  };
}

function renderTrace(answer: Answer) {
  return renderWithApi(<TraceView org="acme" traceId={TRACE} />, answer, `/organizations/acme/traces/${TRACE}/`, '/organizations/acme/traces/:traceId/');
}

const rows = () => [...document.querySelectorAll<HTMLElement>('.waterfall-rows > li')];

describe('TraceView', () => {
  it('draws every span as a bar on the trace timeline, marks the span with an error and lists errors outside the spans', async () => {
    renderTrace(server({ body: sampleTrace() }));
    await screen.findByRole('list', { name: 'Spans of the trace' });
    expect(rows().map((r) => r.dataset.spanId)).toEqual(['root00000000000a', 'mw0000000000000c', 'db0000000000000b']);
    const bar = (id: string) => document.querySelector<HTMLElement>(`[data-span-id="${id}"] .waterfall-bar`) as HTMLElement;
    expect(bar('root00000000000a').style.left).toBe('0%');
    expect(bar('root00000000000a').style.width).toBe('100%');
    expect(Number.parseFloat(bar('db0000000000000b').style.left)).toBeCloseTo(20, 1);
    expect(Number.parseFloat(bar('db0000000000000b').style.width)).toBeCloseTo(50, 1);
    expect(rows()[2]?.classList.contains('has-error')).toBe(true);
    expect(within(rows()[2] as HTMLElement).getByText('1 error')).toBeTruthy();
    expect(document.querySelector('.trace-facts')?.textContent).toMatch(/3 spans · 2 errors · 10 ms/);
    const orphans = screen.getByRole('region', { name: 'Errors outside the stored spans' });
    expect(within(orphans).getByRole('link', { name: 'TypeError: elsewhere' }).getAttribute('href')).toBe(
      `/organizations/acme/issues/43/events/${'f'.repeat(32)}/`,
    );
  });

  it('marks the spans a performance issue blames and links the issue from the span details', async () => {
    const trace = sampleTrace();
    const root = trace[0] as TraceSpanNode;
    const db = root.children.find((c) => c.event_id === 'db0000000000000b');
    expect(db).toBeTruthy();
    if (db) db.occurrences = [{ event_type: 'occurrence', event_id: 'e'.repeat(32), issue_id: 77, short_id: 'SHOP-3', description: 'N+1 Query' }];
    renderTrace(server({ body: trace }));
    await screen.findByRole('list', { name: 'Spans of the trace' });
    const row = rows().find((r) => r.dataset.spanId === 'db0000000000000b') as HTMLElement;
    expect(row.classList.contains('has-problem')).toBe(true);
    expect(within(row).getByText('N+1 Query')).toBeTruthy();
    expect(rows().filter((r) => r.classList.contains('has-problem'))).toHaveLength(1);
    fireEvent.click(row.querySelector('.waterfall-name') as HTMLElement);
    const details = await screen.findByRole('complementary', { name: 'Span details' });
    expect(within(details).getByRole('link', { name: 'N+1 Query' }).getAttribute('href')).toBe('/organizations/acme/issues/77/');
  });

  it('folds a span to hide its children and unfolds it again', async () => {
    renderTrace(server({ body: sampleTrace() }));
    const fold = await screen.findByRole('button', { name: 'Collapse GET /users/:id' });
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(fold);
    expect(rows()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Expand GET /users/:id' }));
    expect(rows()).toHaveLength(3);
  });

  it('shows a clicked span: op, description, duration and its error with the way to the issue', async () => {
    renderTrace(server({ body: sampleTrace() }));
    fireEvent.click(await screen.findByRole('button', { name: 'db.query SELECT * FROM users WHERE id = $1: 5 ms' }));
    const details = screen.getByRole('complementary', { name: 'Span details' });
    expect(details.textContent).toContain('db.query');
    expect(details.textContent).toContain('SELECT * FROM users WHERE id = $1');
    expect(details.textContent).toMatch(/Self time\s*5 ms/);
    expect(within(details).getByRole('link', { name: 'Error: user lookup failed for 17' }).getAttribute('href')).toBe(
      `/organizations/acme/issues/42/events/${'e'.repeat(32)}/`,
    );
    fireEvent.click(within(details).getByRole('button', { name: 'Close span details' }));
    expect(screen.queryByRole('complementary', { name: 'Span details' })).toBeNull();
  });

  it("takes status, data and self time the trace answer lacks from the span's transaction event", async () => {
    renderTrace(server({ body: sampleTrace() }));
    fireEvent.click(await screen.findByRole('button', { name: 'middleware query' }));
    const details = screen.getByRole('complementary', { name: 'Span details' });
    await within(details).findByText('express.type');
    expect(details.textContent).toMatch(/Status\s*ok/);
    expect(details.textContent).toMatch(/Self time\s*500 µs/);
    fireEvent.click(screen.getByRole('button', { name: 'http.server GET /users/:id' }));
    await within(screen.getByRole('complementary', { name: 'Span details' })).findByText('internal_error');
  });

  it('says so when the trace is unknown or the server has no trace endpoint', async () => {
    renderTrace(server({ status: 404, body: { detail: 'Not found' } }));
    expect((await screen.findByRole('alert')).textContent).toContain('Trace not found');
  });
});
