// The permissions matrix: roles × entities × operations, with scopes all / own / none / a record
// rule (the filter language, checked as it is typed) and field access hidden / read / write.
import { Button, Checkbox, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { Designer } from '../useDesigner';
import { pointer, problemsAt } from '../useDesigner';
import { designerApi } from '../api';
import * as op from '../model/operations';
import { removeKey, setValue } from '../model/edits';
import type { EntityGrant, Scope } from '../model/types';
import { ExpressionInput, ProblemList } from './common';

const SCOPED = ['read', 'update', 'delete', 'restore'] as const;

function scopeKind(scope: Scope | undefined): string {
  if (scope === undefined || scope === 'none' || scope === false) return 'none';
  if (scope === true || scope === 'all') return 'all';
  if (scope === 'own') return 'own';
  return 'rule';
}

/** Roles some installed module declares, with that module: adding one of another module adds it to requires. */
function useKnownRoles(d: Designer) {
  return useQuery({
    queryKey: ['designer-roles', d.module],
    queryFn: async () => {
      const [modules, preview] = await Promise.all([designerApi.installed(), designerApi.preview(d.installedText ?? d.text, []).catch(() => null)]);
      return { roleModules: preview?.roleModules ?? {}, versions: Object.fromEntries(modules.items.map((m) => [m.module, m.version])) };
    },
    staleTime: 60_000,
  });
}

export function PermissionsPanel({ d }: { d: Designer }) {
  const permissions = d.manifest.permissions ?? {};
  const declared = Object.keys(d.manifest.roles ?? {});
  const roles = [...new Set([...declared, ...Object.keys(permissions)])];
  const entities = Object.keys(d.manifest.entities ?? {});
  const known = useKnownRoles(d);
  const [pick, setPick] = useState<string | null>(null);
  const [fresh, setFresh] = useState('');
  const elsewhere = Object.entries(known.data?.roleModules ?? {}).filter(([r, m]) => m !== d.module && !roles.includes(r)).map(([r, m]) => ({ value: r, label: `${r} (from ${m})` }));

  const grantRole = (role: string) => d.edit((doc) => {
    const module = known.data?.roleModules[role];
    if (module && module !== d.module && !d.manifest.requires?.[module]) {
      const major = (known.data?.versions[module] ?? '1.0.0').split('.')[0];
      setValue(doc, ['requires', module], `^${major}.0`);
    }
    if (entities[0]) op.setGrant(doc, role, entities[0], 'read', 'all');
  });

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">Access is denied unless granted. A role holds the widest scope any grant gives it; hidden fields never reach the role's users.</Text>
      {roles.map((role) => (
        <Paper p="md" key={role} data-testid={`role-${role}`}>
          <Title order={3} size="h4" mb="xs">{role}{declared.includes(role) ? '' : ' '}</Title>
          <ProblemList problems={problemsAt(d.problems, pointer('permissions', role))} />
          <RoleGrants d={d} role={role} entities={entities} grants={permissions[role] ?? {}} />
        </Paper>
      ))}
      <Paper p="md">
        <Group align="flex-end" gap="xs">
          <Select label="Grant a role of an installed module" placeholder="sales_rep" data={elsewhere} value={pick} onChange={setPick} searchable w={280} />
          <Button disabled={!pick || entities.length === 0} onClick={() => { grantRole(pick!); setPick(null); }}>Add role</Button>
          <TextInput label="Or declare a new role" placeholder="ticket_agent" value={fresh} onChange={(e) => setFresh(e.currentTarget.value)} />
          <Button variant="light" disabled={!/^[a-z][a-z0-9_]{0,62}$/.test(fresh) || roles.includes(fresh)}
            onClick={() => { d.edit((doc) => { op.addRole(doc, fresh, op.humanize(fresh)); if (entities[0]) op.setGrant(doc, fresh, entities[0], 'read', 'all'); }); setFresh(''); }}>
            Declare role
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}

function RoleGrants({ d, role, entities, grants }: { d: Designer; role: string; entities: string[]; grants: Record<string, EntityGrant | null> }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Table.ScrollContainer minWidth={620}>
    <Table withTableBorder withColumnBorders aria-label={`Permissions of ${role}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Entity</Table.Th>
          {SCOPED.map((o) => <Table.Th scope="col" key={o}>{o}</Table.Th>)}
          <Table.Th scope="col">create</Table.Th>
          <Table.Th scope="col">bulk</Table.Th>
          <Table.Th scope="col">fields</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entities.map((entity) => {
          const grant = grants[entity] ?? {};
          const set = (operation: string, value: unknown) => d.edit((doc) => op.setGrant(doc, role, entity, operation, value));
          const rules = SCOPED.filter((o) => scopeKind(grant[o]) === 'rule');
          const hidden = Object.values(grant.fields ?? {}).filter((a) => a === 'hidden').length;
          return (
            <Fragment key={entity}>
              <Table.Tr>
                <Table.Th scope="row">{entity}</Table.Th>
                {SCOPED.map((operation) => (
                  <Table.Td key={operation}>
                    <Select size="xs" aria-label={`${role} ${operation} ${entity}`} allowDeselect={false} data={['all', 'own', 'none', 'rule']} value={scopeKind(grant[operation])}
                      onChange={(v) => set(operation, v === 'rule' ? { where: 'created_by eq $user.id' } : v)} w={80} />
                  </Table.Td>
                ))}
                <Table.Td><Checkbox aria-label={`${role} create ${entity}`} checked={!!grant.create} onChange={(e) => set('create', e.currentTarget.checked)} /></Table.Td>
                <Table.Td><Checkbox aria-label={`${role} bulk ${entity}`} checked={!!grant.bulk} onChange={(e) => set('bulk', e.currentTarget.checked)} /></Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === entity ? null : entity)} aria-expanded={open === entity}>
                    {hidden ? `${hidden} hidden` : 'all visible'}
                  </Button>
                </Table.Td>
              </Table.Tr>
              {rules.map((operation) => (
                <Table.Tr key={operation}>
                  <Table.Td colSpan={8}>
                    <ExpressionInput
                      label={`${operation} rule for ${role} on ${entity}`}
                      description="Filter language: fields, created_by, $user.id, $user.name, $user.tenant, $user.roles"
                      value={(grant[operation] as { where: string }).where ?? ''}
                      onChange={(v) => set(operation, { where: v })}
                      source={d.text}
                      entity={entity}
                      kind={{ rule: true }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
              {open === entity && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <FieldAccess d={d} role={role} entity={entity} grant={grant} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
    </Table.ScrollContainer>
  );
}

function FieldAccess({ d, role, entity, grant }: { d: Designer; role: string; entity: string; grant: EntityGrant }) {
  const fields = Object.keys(d.manifest.entities?.[entity]?.fields ?? {});
  return (
    <Stack gap={4}>
      {fields.map((field) => (
        <Group key={field} gap="sm">
          <Text size="sm" w={160}>{field}</Text>
          <SegmentedControl size="xs" aria-label={`${role} access to ${entity}.${field}`} value={grant.fields?.[field] ?? 'default'}
            data={['default', 'hidden', 'read', 'write']}
            onChange={(v) => d.edit((doc) => (v === 'default' && !grant.fields?.[field] ? undefined : op.setFieldAccess(doc, role, entity, field, v === 'default' ? undefined : v)))} />
        </Group>
      ))}
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => d.edit((doc) => removeKey(doc, ['permissions', role, entity]))}>Revoke everything on {entity}</Button>
    </Stack>
  );
}
