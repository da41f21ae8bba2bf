import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useEffect } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import recorded from '../../../test-fixtures/sentry-browser-11.12.0-replay-segment-0.json';
import type { Replay } from '../../api/index.js';
import { type Answer, renderWithApi } from '../performance/fake-api.test-support.js';
import { parseRecording } from './replay-frames.js';
import type { ReplayPlayerProps } from './replay-player.js';
import { ReplaySidePanel } from './replay-side-panel.js';
import { ReplayView } from './replay-view.js';

afterEach(cleanup);

const REPLAY_ID = '99c65bb420fc4ed7a5b59c3915a4df7f';
const HOSTILE = '<img src=x onerror="document.body.dataset.pwned=1">';

/** The replay as the API aggregates the real replay_event (fixture 007) and the two errors it references. */
const REPLAY: Replay = {
  id: REPLAY_ID,
  project_id: '2',
  replay_type: 'buffer',
  started_at: '2026-11-21T15:33:22+00:00',
  finished_at: '2026-11-21T15:33:30+00:00',
  duration: 8,
  environment: 'production',
  urls: ['http://localhost:8080/'],
  count_segments: 2,
  count_errors: 2,
  error_ids: ['c48d945665cc40a6a610ceaa739fad47', 'f19ec5d995c34740bd9bf9921ad6eb2b'],
  user: { id: '42', email: 'jane@example.com', display_name: 'jane@example.com' },
  browser: { name: 'Chrome', version: '156.0.0' },
};

/** A second segment the SDK could have sent: a console message and a fetch, plus a hostile breadcrumb. */
const SEGMENT_1 = [
  { type: 5, timestamp: 1795275206000, data: { tag: 'breadcrumb', payload: { category: 'console', level: 'error', message: 'cart failed' } } },
  {
    type: 5,
    timestamp: 1795275206.5,
    data: {
      tag: 'performanceSpan',
      payload: {
        op: 'resource.fetch',
        description: '/api/cart',
        startTimestamp: 1795275206.5,
        endTimestamp: 1795275206.62,
        data: { method: 'POST', statusCode: 500 },
      },
    },
  },
  { type: 5, timestamp: 1795275207000, data: { tag: 'breadcrumb', payload: { category: 'ui', message: HOSTILE } } },
];

/**
 * Stands in for rrweb's player, which needs a real browser (the end-to-end test plays the
 * recording in Chromium): shows how many events it got and follows seek requests like the
 * player does, reporting the new time.
 */
function StandInPlayer({ events, seek, onTime }: ReplayPlayerProps) {
  useEffect(() => {
    if (seek) onTime(seek.ms);
  }, [seek, onTime]);
  return <p data-testid="player" data-events={events.length} data-seek={seek?.ms ?? ''} />;
}

const SEGMENTS = '/api/0/projects/acme/2/replays/99c65bb420fc4ed7a5b59c3915a4df7f/recording-segments/';
const VIEWED_BY = '/api/0/projects/acme/2/replays/99c65bb420fc4ed7a5b59c3915a4df7f/viewed-by/';

const server: Answer = (url) => {
  if (url.pathname === `/api/0/organizations/acme/replays/${REPLAY_ID}/`) return { body: { data: REPLAY } };
  if (url.pathname === VIEWED_BY) return { body: {} };
  if (url.pathname === SEGMENTS) {
    // Two pages of one segment each, as the paginated download answers.
    return url.searchParams.get('cursor') === '1:1:0' ? { body: [SEGMENT_1] } : { body: recorded, link: true };
  }
  if (url.pathname === '/api/0/projects/acme/2/events/c48d945665cc40a6a610ceaa739fad47/')
    return { body: { eventID: 'c48d945665cc40a6a610ceaa739fad47', groupID: '6', title: 'TypeError: x is undefined', dateCreated: '2026-11-21T15:33:25.362Z' } };
  return undefined;
};

describe('ReplayView', () => {
  it('loads every page of the recording and the replay’s errors into the side lists', async () => {
    // The fake API adds a Link header when asked to; the first page points at the second.
    const api = renderWithApi(<ReplayView org="acme" replayId={REPLAY_ID} Player={StandInPlayer} />, withLink(server), `/r/`, '/r/');
    const timeline = await screen.findByRole('region', { name: 'Replay timeline' });
    await waitFor(() => expect(within(timeline).getByRole('tab', { name: /Breadcrumbs/ }).textContent).toBe('Breadcrumbs3'));
    expect(within(timeline).getByRole('tab', { name: /Console/ }).textContent).toBe('Console1');
    expect(within(timeline).getByRole('tab', { name: /Network/ }).textContent).toBe('Network1');
    await waitFor(() => expect(within(timeline).getByRole('tab', { name: /Errors/ }).textContent).toBe('Errors2'));
    const pages = api.to(SEGMENTS);
    expect(pages.map((u) => [u.searchParams.get('download'), u.searchParams.get('cursor')])).toEqual([
      ['true', null],
      ['true', '1:1:0'],
    ]);

    // Recorded text is shown as text.
    expect(within(timeline).getByText(HOSTILE)).toBeTruthy();
    expect(document.querySelector('.replay-items img')).toBeNull();
    expect(document.body.dataset.pwned).toBeUndefined();

    fireEvent.click(within(timeline).getByRole('tab', { name: /Errors/ }));
    const errors = within(timeline).getByRole('list', { name: 'Errors' });
    const rows = within(errors).getAllByRole('listitem');
    // The error that could not be read keeps its id; the other is placed at its time and links its issue.
    expect(rows.map((r) => r.querySelector('.replay-item-title')?.textContent)).toEqual([
      'Event f19ec5d995c34740bd9bf9921ad6eb2b',
      'TypeError: x is undefined',
    ]);
    expect(rows[1]?.querySelector('.replay-item-time')?.textContent).toBe('0:02');
    expect(
      within(rows[1] as HTMLElement)
        .getByRole('link', { name: 'Open issue' })
        .getAttribute('href'),
    ).toBe('/organizations/acme/issues/6/events/c48d945665cc40a6a610ceaa739fad47/');
    expect(screen.getByRole('heading', { name: 'jane@example.com' })).toBeTruthy();
    // The player got every event of both pages (19 + 3).
    expect(screen.getByTestId('player').getAttribute('data-events')).toBe('22');
    // Opening the page marked the replay viewed, once.
    expect(api.to(VIEWED_BY)).toHaveLength(1);

    // Clicking the error moves the player to it, and the error becomes the current item.
    fireEvent.click(within(rows[1] as HTMLElement).getByRole('button'));
    expect(screen.getByTestId('player').getAttribute('data-seek')).toBe(String(Date.parse('2026-11-21T15:33:25.362Z') - 1795275202749));
    await waitFor(() => expect(errors.querySelector('[aria-current="true"] .replay-item-title')?.textContent).toBe('TypeError: x is undefined'));
  });

  it('says when the replay was deleted, and asks for no recording', async () => {
    const api = renderWithApi(
      <ReplayView org="acme" replayId={REPLAY_ID} Player={StandInPlayer} />,
      (url) => (url.pathname === `/api/0/organizations/acme/replays/${REPLAY_ID}/` ? { body: { data: { ...REPLAY, is_archived: true } } } : undefined),
      '/r/',
      '/r/',
    );
    await screen.findByText('This replay was deleted');
    expect(api.to(SEGMENTS)).toEqual([]);
  });

  it('does not mark a replay the caller has viewed already', async () => {
    const api = renderWithApi(
      <ReplayView org="acme" replayId={REPLAY_ID} Player={StandInPlayer} />,
      (url) => (url.pathname === `/api/0/organizations/acme/replays/${REPLAY_ID}/` ? { body: { data: { ...REPLAY, has_viewed: true } } } : server(url)),
      '/r/',
      '/r/',
    );
    await screen.findByRole('region', { name: 'Replay timeline' });
    await waitFor(() => expect(api.to(SEGMENTS).length).toBeGreaterThan(0));
    expect(api.to(VIEWED_BY)).toEqual([]);
  });

  it('says when the replay does not exist', async () => {
    renderWithApi(<ReplayView org="acme" replayId="0" Player={StandInPlayer} />, () => undefined, '/r/', '/r/');
    await screen.findByText('Replay not found');
  });
});

/** Adds the paginated download's Link header to the first page. */
function withLink(answer: Answer): Answer {
  return (url, init) => {
    const a = answer(url, init) as { body: unknown; link?: boolean } | undefined;
    if (!a?.link) return a;
    return { body: a.body, headers: { link: `<${url.href}&cursor=1:1:0>; rel="next"; results="true"; cursor="1:1:0"` } };
  };
}

describe('ReplaySidePanel', () => {
  const parsed = parseRecording(recorded);
  const lists = { breadcrumbs: parsed.breadcrumbs, console: parsed.console, network: parsed.network, errors: [] };

  function panel(timeMs: number, onSeek = vi.fn()) {
    render(
      <MemoryRouter>
        <ReplaySidePanel org="acme" lists={lists} timeMs={timeMs} onSeek={onSeek} />
      </MemoryRouter>,
    );
    return onSeek;
  }

  it('highlights the item playing now', () => {
    panel(0);
    expect(document.querySelector('[aria-current="true"]')).toBeNull();
    cleanup();
    panel(2609);
    expect(document.querySelector('[aria-current="true"] .replay-item-title')?.textContent).toBe('body > button#btn');
    cleanup();
    panel(60_000);
    expect(document.querySelector('[aria-current="true"] .replay-item-title')?.textContent).toBe('checkout clicked');
  });

  it('moves the player to an item when it is clicked', () => {
    const onSeek = panel(0);
    fireEvent.click(screen.getByText('checkout clicked'));
    expect(onSeek).toHaveBeenCalledWith(2610);
    fireEvent.click(screen.getByRole('tab', { name: /Network/ }));
    expect(screen.getByText('No fetch or XHR requests were recorded.')).toBeTruthy();
  });
});
