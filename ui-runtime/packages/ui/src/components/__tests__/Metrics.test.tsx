// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Metrics } from '../Metrics';
import { renderWithShell } from '../../testing/render';

afterEach(cleanup);

describe('Metrics', () => {
  it('renders each figure as a term and its value, a dash for no value, a skeleton while loading', () => {
    const { container } = renderWithShell(<Metrics items={[
      { label: 'Tier', value: 'Gold' },
      { label: 'Open deals', value: null },
      { label: 'Won total', value: 'x', loading: true },
    ]} />);
    const terms = [...container.querySelectorAll('dt')].map((e) => e.textContent);
    const values = [...container.querySelectorAll('dd')].map((e) => e.textContent);
    expect(terms).toEqual(['Tier', 'Open deals', 'Won total']);
    expect(values.slice(0, 2)).toEqual(['Gold', '—']);
    expect(screen.getByLabelText('loading')).toBeTruthy();
    expect(container.querySelectorAll('dd')[2].getAttribute('aria-busy')).toBe('true');
  });
});
