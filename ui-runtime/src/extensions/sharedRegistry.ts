// The modules the shell shares with module UI extensions (ADR 0151), by the specifier the
// extension imported: its bundle reads them from globalThis.__PRM_SHARED__ instead of carrying a
// copy. React and the design system whole; of Mantine, React Query and the router the members
// tools/shared-modules.mjs lists (a test keeps both equal). Loaded as its own chunk the first time
// an extension is needed: users of pages without extensions never download it.
import * as React from 'react';
import * as JsxRuntime from 'react/jsx-runtime';
import { createPortal, flushSync } from 'react-dom';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ActionIcon, Alert, Anchor, Avatar, Badge, Box, Breadcrumbs, Button, Card, Center, Checkbox, CloseButton, Code, Combobox, Divider,
  Drawer, Grid, Group, Kbd, Loader, Menu, Modal, MultiSelect, Paper, Pill, Popover, ScrollArea, SegmentedControl, Select, SimpleGrid,
  Skeleton, Stack, Switch, Table, Tabs, TagsInput, Text, TextInput, Textarea, Timeline, Title, Tooltip, UnstyledButton, VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { modals } from '@mantine/modals';
import * as PrmUi from '@prm/ui';

export const shared: Record<string, unknown> = {
  react: React,
  'react/jsx-runtime': JsxRuntime,
  'react-dom': { createPortal, flushSync },
  '@prm/ui': PrmUi,
  '@mantine/core': {
    ActionIcon, Alert, Anchor, Avatar, Badge, Box, Breadcrumbs, Button, Card, Center, Checkbox, CloseButton, Code, Combobox, Divider,
    Drawer, Grid, Group, Kbd, Loader, Menu, Modal, MultiSelect, Paper, Pill, Popover, ScrollArea, SegmentedControl, Select, SimpleGrid,
    Skeleton, Stack, Switch, Table, Tabs, TagsInput, Text, TextInput, Textarea, Timeline, Title, Tooltip, UnstyledButton, VisuallyHidden,
  },
  '@mantine/hooks': { useDebouncedValue, useDisclosure, useMediaQuery },
  '@mantine/notifications': { notifications },
  '@mantine/modals': { modals },
  '@tanstack/react-query': { useQuery, useQueries, useMutation, useQueryClient, keepPreviousData },
  'react-router-dom': { Link, useNavigate, useParams, useSearchParams, useLocation },
};
