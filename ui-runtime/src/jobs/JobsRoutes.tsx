// The Jobs section (its own chunk, loaded on first visit): the list and a job's page, for callers
// holding admin or job_worker; others get the not-found page (the API refuses them anyway).
import { Route, Routes } from 'react-router-dom';
import { useUi } from '@prm/ui';
import { NotFound } from '../pages/NotFound';
import { JobPage } from './JobPage';
import { JobsPage } from './JobsPage';
import { canSeeJobs } from './jobView';

export default function JobsRoutes() {
  const ui = useUi();
  if (!canSeeJobs(ui.user.roles)) return <NotFound />;
  return (
    <Routes>
      <Route index element={<JobsPage />} />
      <Route path=":id" element={<JobPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
