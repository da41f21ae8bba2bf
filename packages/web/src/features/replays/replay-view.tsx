import { type ComponentType, useCallback, useEffect, useMemo, useState } from 'react';
import { type Replay, type ReplayDetails, useApi, useResource } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { EmptyState, ErrorState, Skeleton } from '../../ui/states.js';
import { errorItems, parseRecording } from './replay-frames.js';
import { ReplayPlayer, type ReplayPlayerProps, type SeekRequest } from './replay-player.js';
import { ReplaySidePanel } from './replay-side-panel.js';
import { formatDuration, replayUserLabel } from './replay-words.js';
import { useRecording, useReplayErrors } from './use-recording.js';

function ReplayHeader({ replay }: { replay: Replay }) {
  const url = replay.urls?.[0];
  const env = [replay.browser?.name && `${replay.browser.name} ${replay.browser.version ?? ''}`.trim(), replay.os?.name, replay.environment]
    .filter(Boolean)
    .join(' · ');
  return (
    <header className="replay-header card card-body">
      <h1 className="replay-title">{replayUserLabel(replay)}</h1>
      {url && <p className="mono replay-url">{url}</p>}
      <dl className="replay-facts">
        <div>
          <dt>Started</dt>
          <dd>
            <RelativeTime value={replay.started_at} label="Started" />
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(replay.duration)}</dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd>{replay.count_errors ?? replay.error_ids?.length ?? 0}</dd>
        </div>
        {env && (
          <div>
            <dt>Browser</dt>
            <dd>{env}</dd>
          </div>
        )}
        {replay.releases?.[0] && (
          <div>
            <dt>Release</dt>
            <dd className="mono">{replay.releases[0]}</dd>
          </div>
        )}
      </dl>
    </header>
  );
}

/**
 * Opening the page marks the replay viewed by the signed-in user (Sentry's `viewed-by`), once per
 * replay; the list then shows it as seen. A failure only means the mark is missing: not shown.
 */
function useMarkViewed(org: string, replay: Replay | undefined): void {
  const api = useApi();
  const target = replay && !replay.has_viewed && !replay.is_archived ? `projects/${org}/${replay.project_id}/replays/${replay.id}/viewed-by/` : null;
  useEffect(() => {
    if (target === null) return;
    api.request(target, { method: 'POST' }).catch(() => undefined);
  }, [api, target]);
}

/**
 * The replay page: the recording in rrweb's player beside what happened meanwhile (breadcrumbs,
 * console, network, errors), kept in step both ways: the playing item is highlighted, and
 * clicking an item moves the player there.
 */
export function ReplayView({
  org,
  replayId,
  Player = ReplayPlayer,
}: {
  org: string;
  replayId: string;
  /** rrweb's player needs a real browser (it is tested in Chromium); component tests hand in a stand-in. */
  Player?: ComponentType<ReplayPlayerProps>;
}) {
  const details = useResource<ReplayDetails>(`organizations/${org}/replays/${replayId}/`);
  const replay = details.data?.data;
  useMarkViewed(org, replay);
  const recording = useRecording(org, replay);
  const errors = useReplayErrors(org, replay);
  const parsed = useMemo(() => parseRecording(recording.data ?? []), [recording.data]);
  const errorList = useMemo(() => errorItems(errors ?? [], parsed.startMs), [errors, parsed.startMs]);
  const [timeMs, setTimeMs] = useState(0);
  const [seek, setSeek] = useState<SeekRequest | null>(null);
  const onSeek = useCallback((ms: number) => setSeek((s) => ({ ms, n: (s?.n ?? 0) + 1 })), []);

  if (details.error)
    return (
      <ErrorState error={details.error} onRetry={details.reload} title={details.error.status === 404 ? 'Replay not found' : 'Could not load the replay'} />
    );
  if (!replay)
    return (
      <div className="card card-body" aria-busy="true">
        <Skeleton height={28} />
        <Skeleton height={360} />
      </div>
    );
  if (replay.is_archived)
    return (
      <div className="card">
        <EmptyState title="This replay was deleted">
          <span>Its recording is gone; the errors it saw are still in their issues.</span>
        </EmptyState>
      </div>
    );
  return (
    <div className="replay-page">
      <ReplayHeader replay={replay} />
      <div className="replay-layout">
        <div className="replay-main">
          {recording.error && <ErrorState error={recording.error} title="Could not load the recording" />}
          {!recording.data && !recording.error && (
            <section className="card card-body" aria-busy="true" aria-label="Loading the recording">
              <Skeleton height={360} />
            </section>
          )}
          {recording.data && <Player events={parsed.events} seek={seek} onTime={setTimeMs} />}
        </div>
        <ReplaySidePanel
          org={org}
          lists={{ breadcrumbs: parsed.breadcrumbs, console: parsed.console, network: parsed.network, errors: errorList }}
          timeMs={timeMs}
          onSeek={onSeek}
        />
      </div>
    </div>
  );
}
