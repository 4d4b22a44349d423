// The state of one module in the designer: the draft text (the single source of truth both editors
// show), saved to the server as the author works, validated by the server as they type, and the
// installed version for comparison (renames write renamedFrom only for names that are installed).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Document } from 'yaml';
import { ApiError } from '@prm/ui';
import { designerApi, type DraftState, type ManifestProblem } from './api';
import { editManifest, parseManifest } from './yaml/roundTrip';
import type { Manifest } from './model/types';

export type SaveState = 'loading' | 'saved' | 'saving' | 'unsaved' | 'conflict' | 'error';

export interface Designer {
  module: string;
  text: string;
  manifest: Manifest;
  /** YAML syntax problems: the visual editor is read-only while there are any */
  syntaxError: string | null;
  problems: ManifestProblem[];
  validating: boolean;
  installed: Manifest | null;
  installedText: string | null;
  state: DraftState | null;
  save: SaveState;
  revision: number | undefined;
  setText: (text: string) => void;
  edit: (change: (doc: Document) => void) => void;
  saveNow: () => Promise<number | undefined>;
  reload: () => Promise<void>;
  discard: () => Promise<void>;
}

/** A new module's first text: one entity with a name field; the rest is added in the designer. */
export function newModuleText(module: string, title: string, entity: string): string {
  return `apiVersion: prm/v1
module: ${module}
version: 1.0.0
title: ${title}
navigation: { section: main, label: ${title}, order: 50 }

entities:
  ${entity}:
    fields:
      name: { type: text, label: Name, required: true, maxLength: 200, filterable: true, sortable: true, searchable: true }
`;
}

const SAVE_DELAY = 800;
const VALIDATE_DELAY = 400;

export function useDesigner(module: string): Designer {
  const [text, setTextState] = useState('');
  const [state, setState] = useState<DraftState | null>(null);
  const [save, setSave] = useState<SaveState>('loading');
  const [problems, setProblems] = useState<ManifestProblem[]>([]);
  const [validating, setValidating] = useState(false);
  const [installedText, setInstalledText] = useState<string | null>(null);
  const revision = useRef<number | undefined>(undefined);
  const pending = useRef<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const load = useCallback(async () => {
    setSave('loading');
    const current = await designerApi.draft(module);
    let published: string | null = null;
    if (current.activeVersion) published = await designerApi.published(module);
    setInstalledText(published);
    setState(current);
    revision.current = current.draft?.revision;
    setTextState(current.draft?.source ?? published ?? '');
    setSave('saved');
  }, [module]);

  useEffect(() => {
    load().catch(() => setSave('error'));
  }, [load]);

  const saveNow = useCallback(async () => {
    clearTimeout(saveTimer.current);
    const source = pending.current;
    if (source === null) return revision.current;
    pending.current = null;
    setSave('saving');
    try {
      const saved = await designerApi.save(module, source, revision.current);
      revision.current = saved.draft?.revision;
      setState(saved);
      setSave(pending.current === null ? 'saved' : 'unsaved');
    } catch (e) {
      pending.current = source;
      setSave(e instanceof ApiError && e.status === 412 ? 'conflict' : 'error');
    }
    return revision.current;
  }, [module]);

  const setText = useCallback(
    (next: string) => {
      setTextState(next);
      pending.current = next;
      setSave('unsaved');
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => void saveNow(), SAVE_DELAY);
    },
    [saveNow],
  );

  // validation by the server, as the CLI and the publish pipeline check
  useEffect(() => {
    if (!text) return;
    setValidating(true);
    const timer = setTimeout(() => {
      designerApi
        .validate(text, module)
        .then((v) => setProblems(v.problems))
        .catch(() => undefined)
        .finally(() => setValidating(false));
    }, VALIDATE_DELAY);
    return () => clearTimeout(timer);
  }, [text, module]);

  const parsed = useMemo(() => {
    const doc = parseManifest(text);
    const error = doc.errors[0];
    return { manifest: (error ? {} : (doc.toJS() ?? {})) as Manifest, syntaxError: error ? error.message.split('\n')[0] : null };
  }, [text]);

  const installed = useMemo(() => (installedText ? (parseManifest(installedText).toJS() as Manifest) : null), [installedText]);

  const edit = useCallback((change: (doc: Document) => void) => setText(editManifest(text, change)), [text, setText]);

  const discard = useCallback(async () => {
    clearTimeout(saveTimer.current);
    pending.current = null;
    if (revision.current !== undefined) await designerApi.discard(module);
    await load();
  }, [module, load]);

  return {
    module, text, manifest: parsed.manifest, syntaxError: parsed.syntaxError, problems, validating, installed, installedText,
    state, save, revision: revision.current, setText, edit, saveNow, reload: load, discard,
  };
}

/** Problems whose pointer is `pointer` or lies below it (a field shows its own and its options' problems). */
export function problemsAt(problems: ManifestProblem[], pointer: string, exact = false): ManifestProblem[] {
  return problems.filter((p) => p.pointer === pointer || (!exact && p.pointer.startsWith(pointer + '/')));
}

/** JSON pointer of a path (RFC 6901). */
export function pointer(...path: Array<string | number>): string {
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}
