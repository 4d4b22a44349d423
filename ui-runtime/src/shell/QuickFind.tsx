// The global search box: quick find across every entity the user may read (GET /api/v1/ui/quickfind);
// "Search everything" or Enter opens the full-text search page (/search).
import { Combobox, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import IconSearch from '@tabler/icons-react/icons/IconSearch';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { quickFind } from '@prm/ui';

const SEARCH_ALL = '__search__';

export function QuickFind() {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const navigate = useNavigate();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const result = useQuery({
    queryKey: ['quickfind', debounced],
    queryFn: () => quickFind(debounced, 5),
    enabled: debounced.length >= 2,
    staleTime: 10_000,
  });
  const groups = result.data?.groups.filter((g) => g.items.length > 0) ?? [];

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(route) => {
        navigate(route === SEARCH_ALL ? `/search?q=${encodeURIComponent(q.trim())}` : route);
        setQ('');
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <TextInput
          w="100%"
          placeholder="Search records…"
          aria-label="Quick find"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={result.isFetching ? <Loader size={14} /> : null}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            // Enter without a highlighted option opens the full-text search page.
            if (e.key === 'Enter' && combobox.getSelectedOptionIndex() < 0 && q.trim().length > 0) {
              navigate(`/search?q=${encodeURIComponent(q.trim())}`);
              setQ('');
              combobox.closeDropdown();
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={debounced.length < 2}>
        <Combobox.Options>
          {groups.map((g) => (
            <Combobox.Group label={g.label} key={g.entity}>
              {g.items.map((item) => (
                <Combobox.Option value={item.route} key={item.route}>
                  {item.display}
                </Combobox.Option>
              ))}
            </Combobox.Group>
          ))}
          {result.isSuccess && groups.length === 0 && <Combobox.Empty>No records match “{debounced}”</Combobox.Empty>}
          {debounced.length >= 2 && <Combobox.Option value={SEARCH_ALL}>Search everything for “{debounced}”</Combobox.Option>}
          {result.isError && (
            <Text size="sm" c="red" p="xs">
              Search failed: {result.error.message}
            </Text>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
