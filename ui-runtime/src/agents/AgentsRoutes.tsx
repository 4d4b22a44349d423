// The agents section (its own chunk, loaded on first visit): agents, run history, a run's page.
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../pages/NotFound';
import { AgentsPage } from './AgentsPage';
import { RunPage } from './RunPage';
import { RunsPage } from './RunsPage';

export default function AgentsRoutes() {
  return (
    <Routes>
      <Route index element={<AgentsPage />} />
      <Route path="runs" element={<RunsPage />} />
      <Route path="runs/:id" element={<RunPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
