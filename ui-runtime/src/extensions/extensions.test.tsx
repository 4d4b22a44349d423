// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { renderWithShell, sampleUi } from '@prm/ui/testing';
import type { ExtensionMeta, UiMetadata } from '@prm/ui';
import { createExtensionLoader } from './loader';
import { ExtensionBoundary } from './ExtensionBoundary';
import { ExtensionSlot, ExtensionWidget } from './Extensions';

afterEach(cleanup);

const extension: ExtensionMeta = {
  module: 'partners', url: '/api/v1/ui/extensions/partners/abc.js', pages: [],
  widgets: [{ name: 'partner-health', title: 'Partner health', slots: ['deals.Deal.detail.sidebar'], props: ['recordUrn', 'recordId'] }],
};

describe('extension loader', () => {
  it('publishes the shared modules before the first import and imports each bundle once', async () => {
    const seen: unknown[] = [];
    const importer = vi.fn(async (url: string) => {
      seen.push(globalThis.__PRM_SHARED__?.react);
      return { pages: {}, widgets: { w: () => null }, url };
    });
    const provide = vi.fn(async () => ({ react: 'the shell react' }));
    const load = createExtensionLoader(importer, provide);
    const [a, b] = await Promise.all([load('/a.js'), load('/a.js')]);
    await load('/b.js');
    expect(a).toBe(b);
    expect(importer.mock.calls.map((c) => c[0])).toEqual(['/a.js', '/b.js']);
    expect(provide).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['the shell react', 'the shell react']);
  });

  it('refuses a module that is not an extension, and retries a failed load', async () => {
    let attempt = 0;
    const load = createExtensionLoader(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('network down');
      return attempt === 2 ? { default: 1 } : { pages: {}, widgets: {} };
    }, async () => ({}));
    await expect(load('/x.js')).rejects.toThrow('network down');
    await expect(load('/x.js')).rejects.toThrow('is not a PRM UI extension');
    await expect(load('/x.js')).resolves.toEqual({ pages: {}, widgets: {} });
  });
});

describe('extension widgets', () => {
  function Broken(): never {
    throw new Error('kaboom');
  }

  it('contains a widget that throws: the error names it and its neighbours still render', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWithShell(
      <>
        <ExtensionBoundary name="fixture / Broken" resetKey="1"><Broken /></ExtensionBoundary>
        <p>the rest of the page</p>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toContain('fixture / Broken is not available');
    expect(screen.getByRole('alert').textContent).toContain('kaboom');
    expect(screen.getByText('the rest of the page')).toBeTruthy();
    spy.mockRestore();
  });

  it('shows a skeleton while the bundle loads, then the widget with the declared props', async () => {
    let resolve!: (m: unknown) => void;
    const load = createExtensionLoader(() => new Promise((r) => { resolve = r; }), async () => ({}));
    const Health = (props: Record<string, unknown>) => <p>health of {String(props.recordUrn)} / {String(props.recordId)}</p>;
    renderWithShell(<ExtensionWidget extension={extension} name="partner-health" title="Partner health"
      props={{ recordUrn: 'urn:prm:deals:deal:1', recordId: '1' }} load={load} />);
    expect(screen.getByLabelText('Loading Partner health')).toBeTruthy();
    await waitFor(() => expect(resolve).toBeTypeOf('function'));
    resolve({ pages: {}, widgets: { 'partner-health': Health } });
    expect(await screen.findByText('health of urn:prm:deals:deal:1 / 1')).toBeTruthy();
  });

  it('shows a contained error when the bundle fails to load or lacks the widget', async () => {
    const failing = createExtensionLoader(async () => { throw new Error('404 Not Found'); }, async () => ({}));
    renderWithShell(<ExtensionWidget extension={extension} name="partner-health" title="Partner health" props={{}} load={failing} />);
    expect((await screen.findByRole('alert')).textContent).toContain('404 Not Found');
  });

  it('places only the widgets targeting the slot, handing over only the declared props', () => {
    const ui: UiMetadata = { ...sampleUi, extensions: [extension, { ...extension, module: 'other', widgets: [{ ...extension.widgets[0], slots: ['x.Y.detail.main'] }] }] };
    const { container } = renderWithShell(
      <ExtensionSlot ui={ui} slot="deals.Deal.detail.sidebar" entity="deals.Deal" record={{ id: '1', urn: 'urn:prm:deals:deal:1' }} />, ui);
    expect([...container.querySelectorAll('[data-extension-widget]')].map((e) => e.getAttribute('data-extension-widget')))
      .toEqual(['partners.partner-health']);
  });
});
