// Loading module UI extensions at run time (docs/ui-extensions.md): the bundle named in the UI
// metadata is imported with a dynamic import() the first time one of its pages or widgets is
// shown, after the shell has published its shared modules. A new module version has a new
// content-hashed URL, so the next metadata fetch brings the new code without a rebuild or restart.
import type { ComponentType } from 'react';

export interface ExtensionModule {
  pages: Record<string, ComponentType<Record<string, unknown>>>;
  widgets: Record<string, ComponentType<Record<string, unknown>>>;
}

export type Importer = (url: string) => Promise<unknown>;
export type SharedProvider = () => Promise<Record<string, unknown>>;

declare global {
  // eslint-disable-next-line no-var
  var __PRM_SHARED__: Record<string, unknown> | undefined;
}

const browserImport: Importer = (url) => import(/* @vite-ignore */ url);
const sharedModules: SharedProvider = () => import('./sharedRegistry').then((m) => m.shared);

/** A loader with its own cache; the app uses {@link loadExtension}, tests make their own. */
export function createExtensionLoader(importer: Importer = browserImport, provideShared: SharedProvider = sharedModules) {
  const cache = new Map<string, Promise<ExtensionModule>>();
  let sharing: Promise<void> | null = null;
  const ensureShared = () => (sharing ??= provideShared().then((modules) => {
    globalThis.__PRM_SHARED__ = { ...(globalThis.__PRM_SHARED__ ?? {}), ...modules };
  }));
  return (url: string): Promise<ExtensionModule> => {
    let loading = cache.get(url);
    if (!loading) {
      loading = ensureShared().then(() => importer(url)).then((m) => checked(url, m));
      // A failed load (network, bad bundle) may be retried by the next render.
      loading.catch(() => cache.delete(url));
      cache.set(url, loading);
    }
    return loading;
  };
}

function checked(url: string, m: unknown): ExtensionModule {
  const candidate = m as Partial<ExtensionModule> | null;
  if (!candidate || typeof candidate.pages !== 'object' || typeof candidate.widgets !== 'object') {
    throw new Error(`${url} is not a PRM UI extension (it exports no pages and widgets)`);
  }
  return { pages: candidate.pages ?? {}, widgets: candidate.widgets ?? {} };
}

export const loadExtension = createExtensionLoader();
