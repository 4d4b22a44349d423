// A reference input with search-as-you-type over the target's list API
// (filter: displayField contains '…'), debounced; the current value shows its display name.
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState, type Ref } from 'react';
import type { ReferenceTarget } from '../api/types';
import { displayNames, listRecords } from '../api/records';
import { quote } from '../meta/filter';

export interface EntityPickerProps {
  /** The entity to pick from: its API and display field (a reference field's `reference`). */
  target: ReferenceTarget;
  label: string;
  required?: boolean;
  value: string | null;
  onChange: (v: unknown) => void;
  'aria-label'?: string;
  error?: string;
  disabled?: boolean;
  readOnly?: boolean;
  withAsterisk?: boolean;
  onBlur?: () => void;
  description?: string;
  placeholder?: string;
  ref?: Ref<HTMLInputElement>;
}

/** How long typing must pause before the picker searches. */
export const PICKER_DEBOUNCE_MS = 250;

export function EntityPicker({ target, label, required, value, onChange, placeholder, ...rest }: EntityPickerProps) {
  const display = target.displayField;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), PICKER_DEBOUNCE_MS);
  const current = useQuery({
    queryKey: ['names', target.api, value],
    queryFn: () => displayNames(target.api, display, [value!]),
    enabled: !!value,
    staleTime: 60_000,
  });
  const options = useQuery({
    queryKey: ['refsearch', target.api, debounced],
    queryFn: () =>
      listRecords(target.api, {
        filter: debounced && display ? `${display} contains ${quote(debounced)}` : undefined,
        limit: 20,
        fields: display ? `id,${display}` : undefined,
        sort: display ?? undefined,
      }).catch(() =>
        // the display field may not be sortable: retry in the default order
        listRecords(target.api, {
          filter: debounced && display ? `${display} contains ${quote(debounced)}` : undefined,
          limit: 20,
          fields: display ? `id,${display}` : undefined,
        }),
      ),
    staleTime: 10_000,
  });
  const data = useMemo(() => {
    const map = new Map<string, string>();
    if (value) map.set(value, current.data?.get(value) ?? value);
    for (const r of options.data?.items ?? []) map.set(r.id, display && r[display] ? String(r[display]) : r.id);
    return [...map.entries()].map(([v, l]) => ({ value: v, label: l }));
  }, [value, current.data, options.data, display]);

  // With an error shown (a server 422 lands here and the form focuses the field), focusing must not
  // open the list over the message: the list opens on click, typing or the arrow keys instead.
  const [opened, setOpened] = useState(false);
  const focusing = useRef(false);
  const guard = rest.error
    ? {
        dropdownOpened: opened,
        onDropdownOpen: () => { if (!focusing.current) setOpened(true); },
        onDropdownClose: () => setOpened(false),
        onFocusCapture: () => {
          focusing.current = true;
          setTimeout(() => { focusing.current = false; }, 0);
        },
      }
    : {};

  return (
    <Select
      {...rest}
      {...guard}
      label={label}
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      searchable
      clearable={!required}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={options.isFetching ? 'Searching…' : 'No match'}
      rightSection={options.isFetching ? <Loader size={14} /> : undefined}
      placeholder={placeholder ?? `Search ${label.toLowerCase()}…`}
    />
  );
}
