// @vitest-environment jsdom
import { Notification } from '@mantine/core';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithShell } from './testing/render';

afterEach(cleanup);

describe('theme', () => {
  it('gives the close button of a notification an accessible name', () => {
    renderWithShell(<Notification title="helpdesk 1.1.0 published">done</Notification>);
    expect(screen.getByRole('button', { name: 'Dismiss notification' })).toBeTruthy();
  });
});
