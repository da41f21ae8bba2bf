import { useEffect, useState } from 'react';
import { ApiError, type IssueEvent, type Replay, useApi } from '../../api/index.js';
import type { ReplayError } from './replay-frames.js';

/** Segments per request; the download is paginated by segment. */
const SEGMENTS_PER_PAGE = 100;
/** Pages fetched at most (10 000 segments, far beyond what a replay records). */
const MAX_PAGES = 100;
/** Errors looked up at most: the list shows the first ones a replay references. */
const MAX_ERRORS = 50;

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
}

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, err instanceof Error ? err.message : String(err));
}

/**
 * Every segment of the replay's recording (`recording-segments/?download`, a JSON array of
 * segments per page), following the Link header until the last page.
 */
export function useRecording(org: string, replay: Replay | undefined): Loaded<unknown[]> {
  const api = useApi();
  const [state, setState] = useState<Loaded<unknown[]>>({ data: undefined, error: undefined });
  const projectId = replay?.project_id;
  const replayId = replay?.id;
  // A deleted (archived) replay has no recording left to ask for.
  const hasSegments = !replay?.is_archived && (replay?.count_segments ?? 1) > 0;
  useEffect(() => {
    if (!projectId || !replayId) return;
    if (!hasSegments) {
      setState({ data: [], error: undefined });
      return;
    }
    const controller = new AbortController();
    setState({ data: undefined, error: undefined });
    (async () => {
      const segments: unknown[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await api.request<unknown>(`projects/${org}/${projectId}/replays/${replayId}/recording-segments/`, {
          query: { download: 'true', per_page: SEGMENTS_PER_PAGE, cursor },
          signal: controller.signal,
        });
        if (Array.isArray(res.data)) segments.push(...res.data);
        const next = res.links.next;
        if (!next?.results || !Array.isArray(res.data) || res.data.length === 0) break;
        cursor = next.cursor;
      }
      return segments;
    })()
      .then((data) => setState({ data, error: undefined }))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setState({ data: undefined, error: asApiError(err) });
      });
    return () => controller.abort();
  }, [api, org, projectId, replayId, hasSegments]);
  return state;
}

/** The replay's errors (`error_ids`) as events: title, time and issue; one that cannot be read keeps only its id. */
export function useReplayErrors(org: string, replay: Replay | undefined): readonly ReplayError[] | undefined {
  const api = useApi();
  const [errors, setErrors] = useState<readonly ReplayError[] | undefined>(undefined);
  const projectId = replay?.project_id;
  const ids = replay?.is_archived ? '' : (replay?.error_ids ?? []).slice(0, MAX_ERRORS).join(',');
  useEffect(() => {
    if (!projectId) return;
    const controller = new AbortController();
    const list = ids ? ids.split(',') : [];
    Promise.all(
      list.map((id) =>
        api
          .get<IssueEvent>(`projects/${org}/${projectId}/events/${id}/`, undefined, controller.signal)
          .then((e): ReplayError => ({ eventId: id, title: e.title, dateCreated: e.dateCreated, issueId: e.groupID ?? null }))
          .catch((): ReplayError => ({ eventId: id, title: null, dateCreated: null, issueId: null })),
      ),
    ).then((found) => {
      if (!controller.signal.aborted) setErrors(found);
    });
    return () => controller.abort();
  }, [api, org, projectId, ids]);
  return errors;
}
