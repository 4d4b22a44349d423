// Renders a component the way the shell does: theme, a fresh query cache, a router and the UI
// metadata of a signed-in user. The component sits in the element with test id "subject".
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import type { UiMetadata } from '../api/types';
import { UiContext } from '../hooks/ui';
import { theme } from '../theme';
import { partner } from './fixtures';

export const sampleUi: UiMetadata = {
  user: { username: 'carol', tenant: 'acme', roles: ['partner_manager'] },
  navigation: [],
  entities: { 'partners.Partner': partner },
};

export function renderWithShell(node: ReactNode, ui: UiMetadata = sampleUi) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <UiContext.Provider value={ui}>
            <div data-testid="subject">{node}</div>
          </UiContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}
