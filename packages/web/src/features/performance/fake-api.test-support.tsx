import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { ApiProvider, createApiClient, type Project } from '../../api/index.js';

/**
 * The HTTP layer of the component tests: a fetch that answers from `answer` and records every
 * URL the page asked for, behind the real API client (as the other component tests do).
 */
export interface FakeApi {
  readonly requests: URL[];
  /** the requests to a path, e.g. `/api/0/organizations/acme/events/` */
  to(path: string): URL[];
}

/** `init` carries the method and JSON body of a write. */
export type Answer = (url: URL, init?: RequestInit) => { status?: number; body: unknown; headers?: Record<string, string> } | undefined;

export function renderWithApi(ui: ReactNode, answer: Answer, initialEntry: string, routePath: string): FakeApi {
  const requests: URL[] = [];
  const client = createApiClient(async (input, init) => {
    const url = new URL(String(input), 'http://faultline.test');
    requests.push(url);
    const a = answer(url, init) ?? { status: 404, body: { detail: 'Not found' } };
    return new Response(JSON.stringify(a.body), { status: a.status ?? 200, headers: { 'content-type': 'application/json', ...a.headers } });
  });
  render(
    <ApiProvider client={client}>
      <MemoryRouter initialEntries={[initialEntry]}>
        <Routes>
          <Route path={routePath} element={ui} />
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </ApiProvider>,
  );
  return { requests, to: (path) => requests.filter((u) => u.pathname === path) };
}

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

export const project: Project = { id: '2', slug: 'shop', name: 'Shop', platform: 'node', dateCreated: '2026-11-01T00:00:00Z', team: null };

/** `meta` as the server sends it with a table answer. */
export function table(data: Record<string, string | number | null>[]) {
  return { body: { data, meta: { fields: {}, units: {}, dataset: 'transactions' } } };
}
