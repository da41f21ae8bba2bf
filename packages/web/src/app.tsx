import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useParams } from 'react-router';
import type { ApiClient } from './api/index.js';
import { ApiProvider } from './api/index.js';
import { RequireSession } from './features/auth/require-session.js';
import { SessionProvider } from './features/auth/session.js';
import { AppShell } from './features/shell/app-shell.js';
import { lazyPage } from './lazy-page.js';
import { Loading } from './ui/states.js';

// Route-level code splitting: the first load carries only the shell and the page it opens.
const SignInPage = lazyPage(() => import('./routes/sign-in-page.js'));
const AcceptInvitePage = lazyPage(() => import('./routes/accept-invite-page.js'));
const HomePage = lazyPage(() => import('./routes/home-page.js'));
const IssuesPage = lazyPage(() => import('./routes/issues-page.js'));
const IssuePage = lazyPage(() => import('./routes/issue-page.js'));
const ReleasesPage = lazyPage(() => import('./routes/releases-page.js'));
const ReleasePage = lazyPage(() => import('./routes/release-page.js'));
const PerformancePage = lazyPage(() => import('./routes/performance-page.js'));
const TransactionSummaryPage = lazyPage(() => import('./routes/transaction-summary-page.js'));
const TracePage = lazyPage(() => import('./routes/trace-page.js'));
const ProjectSettingsPage = lazyPage(() => import('./routes/project-settings-page.js'));
const OrgSettingsPage = lazyPage(() => import('./routes/org-settings-page.js'));
const CronsPage = lazyPage(() => import('./routes/crons-page.js'));
const LogsPage = lazyPage(() => import('./routes/logs-page.js'));
const MonitorPage = lazyPage(() => import('./routes/monitor-page.js'));
const AlertsPage = lazyPage(() => import('./routes/alerts-page.js'));
const FeedbackPage = lazyPage(() => import('./routes/feedback-page.js'));
const ReplaysPage = lazyPage(() => import('./routes/replays-page.js'));
const ReplayPage = lazyPage(() => import('./routes/replay-page.js'));
const NotFoundPage = lazyPage(() => import('./routes/not-found-page.js'));

function OrgRedirect() {
  const { org } = useParams();
  return <Navigate to={`/organizations/${org}/issues/`} replace />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/auth/login/" element={<SignInPage />} />
        <Route path="/accept-invite/:id/:token/" element={<AcceptInvitePage />} />
        <Route
          element={
            <RequireSession>
              <AppShell />
            </RequireSession>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="/organizations/:org/" element={<OrgRedirect />} />
          <Route path="/organizations/:org/issues/" element={<IssuesPage />} />
          <Route path="/organizations/:org/issues/:issueId/" element={<IssuePage />} />
          <Route path="/organizations/:org/issues/:issueId/events/:eventId/" element={<IssuePage />} />
          <Route path="/organizations/:org/releases/" element={<ReleasesPage />} />
          <Route path="/organizations/:org/releases/:version/" element={<ReleasePage />} />
          <Route path="/organizations/:org/performance/" element={<PerformancePage />} />
          <Route path="/organizations/:org/performance/summary/" element={<TransactionSummaryPage />} />
          <Route path="/organizations/:org/traces/:traceId/" element={<TracePage />} />
          <Route path="/organizations/:org/logs/" element={<LogsPage />} />
          <Route path="/organizations/:org/crons/" element={<CronsPage />} />
          <Route path="/organizations/:org/crons/:slug/" element={<MonitorPage />} />
          <Route path="/organizations/:org/alerts/*" element={<AlertsPage />} />
          <Route path="/organizations/:org/feedback/" element={<FeedbackPage />} />
          <Route path="/organizations/:org/replays/" element={<ReplaysPage />} />
          <Route path="/organizations/:org/replays/:replayId/" element={<ReplayPage />} />
          <Route path="/settings/:org/" element={<OrgSettingsPage />} />
          <Route path="/settings/:org/:section/" element={<OrgSettingsPage />} />
          <Route path="/settings/:org/projects/:project/" element={<ProjectSettingsPage />} />
          <Route path="/settings/:org/projects/:project/:section/" element={<ProjectSettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export function App({ client }: { client: ApiClient }) {
  return (
    <ApiProvider client={client}>
      <SessionProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SessionProvider>
    </ApiProvider>
  );
}
