// The designer's routes, loaded on demand (its own chunk: CodeMirror and the YAML library stay out
// of what business users download).
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../pages/NotFound';
import { DesignerHome } from './DesignerHome';
import { ModuleDesigner } from './ModuleDesigner';
import './designer.css';

export default function DesignerRoutes() {
  return (
    <div className="prm-designer">
      <Routes>
        <Route index element={<DesignerHome />} />
        <Route path="m/:module" element={<ModuleDesigner />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}
