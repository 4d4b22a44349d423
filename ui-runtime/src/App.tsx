import { lazy, Suspense, useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Center, Loader } from '@mantine/core';
import { currentSession, onSessionChange, type Session } from './api/session';
import { Shell } from './shell/Shell';
import { SignInPage } from './pages/SignInPage';
import { OidcCallbackPage } from './pages/OidcCallbackPage';
import { HomePage } from './pages/HomePage';
import { ListPage } from './pages/ListPage';
import { DetailPage } from './pages/DetailPage';
import { FormPage } from './pages/FormPage';
import { NotFound } from './pages/NotFound';
import { SearchPage } from './pages/SearchPage';
import { ActivityPage } from './pages/ActivityPage';
import { ExtensionRoute } from './extensions/Extensions';

// The metadata designer is its own chunk: business users never download it.
const DesignerRoutes = lazy(() => import('./designer/DesignerRoutes'));
// So are the agents pages and the task list (ADR 0127).
const AgentsRoutes = lazy(() => import('./agents/AgentsRoutes'));
const TasksPage = lazy(() => import('./agents/TasksPage'));
// And the job queue pages (admins and job workers).
const JobsRoutes = lazy(() => import('./jobs/JobsRoutes'));

function useSession(): Session | null {
  const [session, set] = useState(currentSession);
  useEffect(() => onSessionChange(set), []);
  return session;
}

function RequireSession({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const returnTo = location.pathname + location.search;
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  return <>{children}</>;
}

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/auth/callback" element={<OidcCallbackPage />} />
      <Route
        element={
          <RequireSession>
            <Shell />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="/search" element={<SearchPage />} />
        <Route path="/activity" element={<ActivityPage />} />
        <Route path="/o/:module/:entity" element={<ListPage />} />
        <Route path="/o/:module/:entity/new" element={<FormPage mode="create" />} />
        <Route path="/o/:module/:entity/:id" element={<DetailPage />} />
        <Route path="/o/:module/:entity/:id/edit" element={<FormPage mode="edit" />} />
        <Route path="/agents/*" element={<Suspense fallback={<PageLoader />}><AgentsRoutes /></Suspense>} />
        <Route path="/jobs/*" element={<Suspense fallback={<PageLoader />}><JobsRoutes /></Suspense>} />
        <Route path="/tasks" element={<Suspense fallback={<PageLoader />}><TasksPage /></Suspense>} />
        <Route path="/x/:module/:page" element={<ExtensionRoute />} />
        <Route path="/designer/*" element={<Suspense fallback={<PageLoader />}><DesignerRoutes /></Suspense>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function PageLoader() {
  return (
    <Center h={240} aria-busy="true">
      <Loader size="sm" aria-label="Loading" />
    </Center>
  );
}
