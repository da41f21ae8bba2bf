import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Scope } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import { jsonObject, optionalString, readPage, setOffsetLink } from '../../http/index.js';
import { fail } from '../../kernel/index.js';
import { issueActivity, issueNotes } from '../read/issue-detail.js';
import { type IssueParams, issueOfRequest } from './issue-access.js';
import { ISSUE_PREFIXES } from './issue-detail-routes.js';
import type { IssueRouteDeps } from './issue-routes.js';

type NoteParams = IssueParams & { noteId: string };

/** Sentry keeps notes short enough to read in the activity feed; longer text belongs in a linked document. */
const NOTE_MAX_CHARS = 10_000;

/**
 * An issue's history and its notes (comments): `activities/` and `notes/`, as Sentry's API
 * answers them (https://docs.sentry.io/api/events/ — the MCP server's `get_issue_activity` and
 * `add_issue_note` read and write them). A note is an activity of type `note` whose data is
 * `{"text": …}`; it shows in the issue's activity with the other changes.
 */
export function registerIssueActivityRoutes(app: FastifyInstance, deps: IssueRouteDeps): void {
  const { auth, store, clock } = deps;
  const resolve = (request: FastifyRequest<{ Params: IssueParams }>, scope: Scope) => issueOfRequest(auth, store, request, scope);

  for (const prefix of ISSUE_PREFIXES) {
    app.get<{ Params: IssueParams }>(`${prefix}/activities/`, async (request) => {
      const found = await resolve(request, 'event:read');
      return { activity: await issueActivity(store.db, found.issue.id) };
    });

    // Links to external trackers (Jira, GitHub issues) come from integrations Faultline does not
    // have: an issue has none (the MCP server's get_issue_details asks; docs/mcp.md).
    app.get<{ Params: IssueParams }>(`${prefix}/external-issues/`, async (request) => {
      await resolve(request, 'event:read');
      return [];
    });

    app.get<{ Params: IssueParams }>(`${prefix}/notes/`, async (request, reply) => {
      const found = await resolve(request, 'event:read');
      const page = readPage(request);
      const notes = await issueNotes(store.db, found.issue.id, page.offset, page.limit + 1);
      setOffsetLink(request, reply, page.offset, page.limit, notes.length > page.limit);
      return notes.slice(0, page.limit);
    });

    app.post<{ Params: IssueParams }>(`${prefix}/notes/`, async (request, reply) => {
      const found = await resolve(request, 'event:write');
      const text = optionalString(jsonObject(request.body), 'text', NOTE_MAX_CHARS)?.trim();
      if (text === undefined || text === '') fail('validation_failed', 'text is required');
      const user = requirePrincipal(request).user;
      // Sentry refuses the same note from the same person twice in a row (a double submit).
      const [last] = await issueNotes(store.db, found.issue.id, 0, 1);
      if (last !== undefined && last.user?.id === String(user.id) && last.data.text === text)
        fail('validation_failed', 'You have already posted that comment.');
      const { id } = await store.db
        .insertInto('issue_activity')
        .values({ issue_id: found.issue.id, type: 'note', data: JSON.stringify({ text }), user_id: user.id, created_at: clock.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const notes = await issueNotes(store.db, found.issue.id, 0, 10);
      return reply.code(201).send(notes.find((n) => n.id === String(id)) ?? fail('internal', 'the note was not stored'));
    });

    app.delete<{ Params: NoteParams }>(`${prefix}/notes/:noteId/`, async (request, reply) => {
      const found = await resolve(request, 'event:write');
      if (!/^\d{1,15}$/.test(request.params.noteId)) fail('not_found');
      const user = requirePrincipal(request).user;
      // Only its author removes a note, as in Sentry.
      const removed = await store.db
        .deleteFrom('issue_activity')
        .where('id', '=', Number(request.params.noteId))
        .where('issue_id', '=', found.issue.id)
        .where('type', '=', 'note')
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) fail('not_found');
      return reply.code(204).send();
    });
  }
}
