-- The file name a version was published from (its format: module.yaml or module.json) and who
-- published it through the pipeline.
ALTER TABLE prm_kernel.module_version ADD COLUMN IF NOT EXISTS file varchar(255) NOT NULL DEFAULT 'module.yaml';
CREATE INDEX IF NOT EXISTS module_version_history_idx ON prm_kernel.module_version (module, installed_at DESC);
