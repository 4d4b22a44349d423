// The modules the shell shares with module UI extensions (ADR 0151), by the specifier the
// extension imported: its bundle reads them from globalThis.__PRM_SHARED__ instead of carrying a
// copy (ui-runtime/tools/shared-modules.mjs lists the same specifiers). Loaded as its own chunk,
// the first time an extension is needed: users of pages without extensions never download it.
import * as React from 'react';
import * as JsxRuntime from 'react/jsx-runtime';
import * as ReactDom from 'react-dom';
import * as ReactDomClient from 'react-dom/client';
import * as ReactRouterDom from 'react-router-dom';
import * as ReactQuery from '@tanstack/react-query';
import * as MantineCore from '@mantine/core';
import * as MantineHooks from '@mantine/hooks';
import * as MantineDates from '@mantine/dates';
import * as MantineNotifications from '@mantine/notifications';
import * as MantineModals from '@mantine/modals';
import * as PrmUi from '@prm/ui';

export const shared: Record<string, unknown> = {
  react: React,
  'react/jsx-runtime': JsxRuntime,
  'react-dom': ReactDom,
  'react-dom/client': ReactDomClient,
  'react-router-dom': ReactRouterDom,
  '@tanstack/react-query': ReactQuery,
  '@mantine/core': MantineCore,
  '@mantine/hooks': MantineHooks,
  '@mantine/dates': MantineDates,
  '@mantine/notifications': MantineNotifications,
  '@mantine/modals': MantineModals,
  '@prm/ui': PrmUi,
};
