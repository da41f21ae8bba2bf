import { useCallback, useEffect, useRef, useState } from 'react';
import { formatOffset, type RecordingEvent } from './replay-frames.js';

type ReplayerModule = typeof import('./rrweb-replayer.js');
type Replayer = InstanceType<ReplayerModule['Replayer']>;
type ReplayerEvents = ConstructorParameters<ReplayerModule['Replayer']>[0];

/** A request to move the player: `n` changes on every request, so the same moment can be asked for twice. */
export interface SeekRequest {
  readonly ms: number;
  readonly n: number;
}

/** Tallest the player gets, in CSS pixels; a taller recorded viewport is scaled down. */
const MAX_HEIGHT = 560;

// rrweb's player is loaded only here, so its code and styles land in this page's own chunk.
function loadReplayer(): Promise<ReplayerModule> {
  return import('./rrweb-replayer.js');
}

/** What the replay page hands its player: the events, the latest seek request, where to report the time. */
export interface ReplayPlayerProps {
  readonly events: readonly RecordingEvent[];
  readonly seek: SeekRequest | null;
  readonly onTime: (ms: number) => void;
}

/**
 * The recording played back by rrweb's Replayer: the recorded DOM is rebuilt inside a sandboxed
 * iframe (no scripts run in it), scaled to the column's width. Reports the playing time to
 * `onTime` and moves to `seek` whenever it changes.
 */
export function ReplayPlayer({ events, seek, onTime }: ReplayPlayerProps) {
  const frame = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const replayer = useRef<Replayer | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed' | 'empty'>('loading');
  const [playing, setPlaying] = useState(false);
  const [total, setTotal] = useState(0);
  const [time, setTime] = useState(0);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [scale, setScale] = useState(1);
  const onTimeRef = useRef(onTime);
  onTimeRef.current = onTime;

  const report = useCallback((ms: number) => {
    setTime(ms);
    onTimeRef.current(ms);
  }, []);

  useEffect(() => {
    let cancelled = false;
    let created: Replayer | null = null;
    // rrweb needs a meta event and a full snapshot at least; less is nothing to play.
    if (events.length < 2) {
      setState('empty');
      return;
    }
    setState('loading');
    loadReplayer()
      .then(({ Replayer }) => {
        if (cancelled || !stage.current) return;
        created = new Replayer(events as unknown as ReplayerEvents, {
          root: stage.current,
          mouseTail: false,
          showWarning: false,
          skipInactive: false,
          triggerFocus: false,
        });
        created.on('resize', (d) => {
          const { width, height } = d as { width: number; height: number };
          setSize({ width, height });
        });
        const ended = created;
        created.on('finish', () => {
          setPlaying(false);
          report(ended.getMetaData().totalTime);
        });
        replayer.current = created;
        setTotal(created.getMetaData().totalTime);
        created.pause(0);
        setState('ready');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      created?.destroy();
      replayer.current = null;
    };
  }, [events, report]);

  // Fit the recorded viewport into the column.
  useEffect(() => {
    const el = frame.current;
    if (!el || size.width === 0) return;
    // The whole viewport in view: as wide as the column, no taller than MAX_HEIGHT.
    const fitToColumn = () => setScale(Math.min(el.clientWidth / size.width, MAX_HEIGHT / size.height));
    fitToColumn();
    window.addEventListener('resize', fitToColumn);
    return () => window.removeEventListener('resize', fitToColumn);
  }, [size.width, size.height]);

  // While playing, follow the player's clock.
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last = -1;
    const tick = () => {
      const r = replayer.current;
      const now = r ? Math.min(total, Math.max(0, r.getCurrentTime())) : -1;
      // A tenth of a second is as fine as the clock and the timeline show: fewer renders while playing.
      if (now >= 0 && Math.abs(now - last) >= 100) {
        last = now;
        report(now);
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, total, report]);

  const moveTo = useCallback(
    (ms: number, play: boolean) => {
      const r = replayer.current;
      if (!r) return;
      const at = Math.min(Math.max(0, ms), total);
      if (play) r.play(at);
      else r.pause(at);
      report(at);
    },
    [total, report],
  );

  const playingRef = useRef(playing);
  playingRef.current = playing;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new request (seek.n) moves the player, nothing else
  useEffect(() => {
    if (seek && state === 'ready') moveTo(seek.ms, playingRef.current);
  }, [seek?.n, state]);

  function toggle() {
    if (playing) {
      moveTo(replayer.current?.getCurrentTime() ?? time, false);
      setPlaying(false);
    } else {
      moveTo(time >= total ? 0 : time, true);
      setPlaying(true);
    }
  }

  return (
    <section className="replay-player card" aria-label="Replay player" data-state={state} data-playing={playing} data-current-ms={Math.round(time)}>
      <div className="replay-frame" ref={frame}>
        <div className="replay-viewport" style={size.width ? { width: Math.round(size.width * scale), height: Math.round(size.height * scale) } : undefined}>
          <div className="replay-stage" ref={stage} style={{ transform: `scale(${scale})` }} />
        </div>
        {state === 'loading' && <p className="replay-frame-note">Loading the player…</p>}
        {state === 'failed' && (
          <p className="replay-frame-note" role="alert">
            The player could not be loaded. Reload the page to try again.
          </p>
        )}
        {state === 'empty' && <p className="replay-frame-note">This replay has no recording to play.</p>}
      </div>
      <div className="replay-controls">
        <button type="button" className="btn btn-small" onClick={toggle} disabled={state !== 'ready' || total === 0}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <input
          type="range"
          aria-label="Position in the replay"
          min={0}
          max={Math.max(total, 0)}
          step={100}
          value={Math.min(time, total)}
          disabled={state !== 'ready'}
          onChange={(e) => moveTo(Number(e.target.value), playing)}
        />
        <span className="mono replay-clock" aria-live="off">
          <span data-testid="replay-time">{formatOffset(time)}</span> / {formatOffset(total)}
        </span>
      </div>
    </section>
  );
}
