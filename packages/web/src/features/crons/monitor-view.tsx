import { useState } from 'react';
import { Link } from 'react-router';
import { type Monitor, type MonitorUpdate, useAction, useApi, useResource } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { ErrorState, InlineError, Skeleton } from '../../ui/states.js';
import { usePublishProject } from '../shell/shell-project.js';
import { MONITOR_PERIODS, MonitorCharts, type MonitorPeriod } from './monitor-charts.js';
import { MonitorCheckIns } from './monitor-checkins.js';
import { MonitorEnvironments } from './monitor-environments.js';
import { MonitorIncidents } from './monitor-incidents.js';
import { MonitorSettings } from './monitor-settings.js';
import { describeSchedule } from './schedule-words.js';

export function monitorPath(org: string, slug: string): string {
  return `organizations/${org}/monitors/${encodeURIComponent(slug)}/`;
}

/**
 * One monitor: its state per environment, check-ins and durations over time, its incidents
 * (cron issues) and its settings. Mute and settings write through `PUT …/monitors/{slug}/`.
 */
export function MonitorView({ org, slug }: { org: string; slug: string }) {
  const api = useApi();
  const path = monitorPath(org, slug);
  const monitor = useResource<Monitor>(path, undefined, { pollMs: 60_000 });
  const [period, setPeriod] = useState<MonitorPeriod>('24h');
  const [environment, setEnvironment] = useState('');
  const update = async (body: MonitorUpdate) => {
    await api.request<Monitor>(path, { method: 'PUT', body });
    monitor.reload();
  };
  const mute = useAction(update);
  const muteEnvironment = useAction(async (name: string, isMuted: boolean) => {
    await api.request<Monitor>(`${path}environments/${encodeURIComponent(name)}/`, { method: 'PUT', body: { isMuted } });
    monitor.reload();
  });
  usePublishProject(org, monitor.data?.project.id);
  if (monitor.error)
    return (
      <ErrorState error={monitor.error} onRetry={monitor.reload} title={monitor.error.status === 404 ? 'Monitor not found' : 'Could not load the monitor'} />
    );
  const m = monitor.data;
  if (!m)
    return (
      <div className="cron-page" aria-busy="true">
        <Skeleton height={28} width={320} />
        <Skeleton height={120} />
      </div>
    );
  return (
    <div className="cron-page">
      <nav className="perf-crumbs" aria-label="Breadcrumb">
        <Link to={`/organizations/${org}/crons/?project=${m.project.id}`}>Crons</Link> / {m.slug}
      </nav>
      <div className="page-header">
        <div>
          <h1>{m.name}</h1>
          <p className="cron-summary">
            <span data-cell="schedule">{describeSchedule(m.config)}</span>
            {' · '}
            <span>{m.project.slug}</span>
            {' · '}
            <span>
              created <RelativeTime value={m.dateCreated} label="Created" />
            </span>
            {m.status === 'disabled' && <span className="cron-badge tone-off"> Disabled</span>}
          </p>
        </div>
        <span className="spacer" />
        <button
          type="button"
          className="btn"
          aria-pressed={m.isMuted}
          disabled={mute.pending}
          onClick={() => void mute.run({ isMuted: !m.isMuted })}
          title={m.isMuted ? 'Incidents open and notify again' : 'Stop opening incidents and notifying for this monitor'}
        >
          {m.isMuted ? 'Unmute' : 'Mute'}
        </button>
      </div>
      <InlineError error={mute.error} />
      {m.isMuted && <p className="cron-muted-note">Muted: failures are recorded, but no incident opens and nobody is notified.</p>}
      <section className="card card-body cron-section" aria-labelledby="envs-title">
        <h2 id="envs-title">Environments</h2>
        <InlineError error={muteEnvironment.error} />
        <MonitorEnvironments org={org} monitor={m} pending={muteEnvironment.pending} onMute={(name, muted) => void muteEnvironment.run(name, muted)} />
      </section>
      <section className="card card-body cron-section" aria-labelledby="history-title">
        <div className="section-head">
          <h2 id="history-title">History</h2>
          <span className="spacer" />
          {m.environments.length > 1 && (
            <select aria-label="Environment" value={environment} onChange={(e) => setEnvironment(e.target.value)}>
              <option value="">All environments</option>
              {m.environments.map((e) => (
                <option key={e.name} value={e.name}>
                  {e.name}
                </option>
              ))}
            </select>
          )}
          <select aria-label="Time range" value={period} onChange={(e) => setPeriod(e.target.value as MonitorPeriod)}>
            {MONITOR_PERIODS.map(([p, label]) => (
              <option key={p} value={p}>
                Last {label}
              </option>
            ))}
          </select>
        </div>
        <MonitorCharts org={org} slug={m.slug} period={period} environment={environment} />
      </section>
      <section className="card card-body cron-section" aria-labelledby="checkins-title">
        <h2 id="checkins-title">Check-ins</h2>
        <MonitorCheckIns org={org} slug={m.slug} environment={environment} />
      </section>
      <MonitorIncidents org={org} slug={m.slug} projectId={m.project.id} />
      <section className="card card-body cron-section" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <MonitorSettings key={m.id} monitor={m} save={update} />
      </section>
    </div>
  );
}
