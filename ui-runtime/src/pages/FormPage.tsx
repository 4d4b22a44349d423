// Create and edit forms generated from metadata: inputs per type, client validation mirroring
// the manifest, server 422 errors on their fields, and a conflict dialog on 412.
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, FieldInput, PageHeader, createRecord, fieldMap, getRecord, mapProblem, recordTitle, updateRecord, type EntityMeta, type FieldMeta, type RecordData, type Section } from '@prm/ui';
import { changedFields, toFormValues, toPayload, type FormValues } from '../meta/formValues';
import { validateAll, validateValue } from '../meta/validation';
import { useRouteEntity } from '../shell/UiContext';
import { NotFound } from './NotFound';
import { ConflictDialog } from '../components/ConflictDialog';
import { PageLoader } from '../App';

export function formSections(entity: EntityMeta, mode: 'create' | 'edit'): Section[] {
  const known = fieldMap(entity);
  const usable = (n: string) => known.has(n) && !(mode === 'create' && known.get(n)!.readOnly);
  const declared = (entity.form?.sections ?? [])
    .map((s) => ({ label: s.label, fields: s.fields.filter(usable) }))
    .filter((s) => s.fields.length > 0);
  const placed = new Set(declared.flatMap((s) => s.fields));
  const rest = entity.fields.map((f) => f.name).filter((n) => usable(n) && !placed.has(n));
  if (declared.length === 0) return [{ label: 'Details', fields: rest }];
  return rest.length > 0 ? [...declared, { label: 'Other', fields: rest }] : declared;
}

export function FormPage({ mode }: { mode: 'create' | 'edit' }) {
  const found = useRouteEntity();
  const { id } = useParams();
  if (!found) return <NotFound what="form" />;
  const { entity } = found;
  if ((mode === 'create' && !entity.actions.create) || (mode === 'edit' && !entity.actions.update)) {
    return <NotFound what="form" />;
  }
  return mode === 'create' ? <RecordForm key={`${found.key}/new`} entity={entity} /> : <EditLoader key={`${found.key}/${id}`} entity={entity} id={id!} />;
}

function EditLoader({ entity, id }: { entity: EntityMeta; id: string }) {
  const record = useQuery({ queryKey: ['record', entity.api, id], queryFn: () => getRecord(entity.api, id), staleTime: 0 });
  if (record.isPending) return <PageLoader />;
  if (record.isError) return record.error instanceof ApiError && record.error.status === 404 ? <NotFound what="record" /> : <Alert color="red">{record.error.message}</Alert>;
  return <RecordForm entity={entity} record={record.data} />;
}

function RecordForm({ entity, record }: { entity: EntityMeta; record?: RecordData }) {
  const mode = record ? 'edit' : 'create';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sections = useMemo(() => formSections(entity, mode), [entity, mode]);
  const fields = useMemo(() => {
    const map = fieldMap(entity);
    return sections.flatMap((s) => s.fields).map((n) => map.get(n)!);
  }, [entity, sections]);
  const [base, setBase] = useState<RecordData | undefined>(record);
  const initial = useMemo(() => toFormValues(fields, base), [fields, base]);
  // Errors appear on submit and are re-checked as the user types; validating on blur would move the
  // buttons under the pointer between mouse down and up, and swallow the click.
  const form = useForm<FormValues>({ defaultValues: initial, mode: 'onSubmit', reValidateMode: 'onChange' });
  const [general, setGeneral] = useState<string[]>([]);
  const [conflict, setConflict] = useState<RecordData | null>(null);
  const [saving, setSaving] = useState(false);

  const title = mode === 'create' ? `New ${entity.label}` : `Edit ${recordTitle(entity, base)}`;

  const save = async (values: FormValues, version?: number) => {
    setSaving(true);
    setGeneral([]);
    try {
      const saved =
        mode === 'create'
          ? await createRecord(entity.api, toPayload(fields, values, 'create'))
          : await updateRecord(entity.api, base!.id, version ?? base!.version, toPayload(fields, values, 'update', changedFields(fields, initial, values)));
      queryClient.invalidateQueries({ queryKey: ['list', entity.api] });
      queryClient.setQueryData(['record', entity.api, saved.id], saved);
      notifications.show({ color: 'green', message: `${entity.label} “${recordTitle(entity, saved)}” ${mode === 'create' ? 'created' : 'saved'}` });
      navigate(`${entity.route}/${saved.id}`, { replace: mode === 'edit' });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412 && base) {
        try {
          setConflict(await getRecord(entity.api, base.id));
        } catch {
          setGeneral(['This record was deleted meanwhile.']);
        }
      } else if (e instanceof ApiError) {
        const mapped = mapProblem(e.problem, new Set(fields.map((f) => f.name)));
        for (const [name, message] of Object.entries(mapped.fields)) form.setError(name, { type: 'server', message });
        setGeneral(mapped.general);
        const first = Object.keys(mapped.fields)[0];
        if (first) form.setFocus(first);
      } else {
        setGeneral([(e as Error).message]);
      }
    } finally {
      setSaving(false);
    }
  };

  // Every shown field is checked on submit with the same rules as on blur (validateAll), and
  // nothing is sent while one fails.
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const values = form.getValues();
    const problems = validateAll(fields, values);
    form.clearErrors();
    const names = Object.keys(problems);
    for (const name of names) form.setError(name, { type: 'client', message: problems[name] });
    if (names.length > 0) {
      form.setFocus(names[0]);
      return;
    }
    save(values);
  };

  return (
    <>
      <PageHeader
        crumbs={[
          { label: entity.pluralLabel, to: entity.route },
          ...(base ? [{ label: recordTitle(entity, base), to: `${entity.route}/${base.id}` }] : []),
          { label: mode === 'create' ? 'New' : 'Edit' },
        ]}
        title={title}
      />
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          {general.length > 0 && (
            <Alert color="red" role="alert" title="The record was not saved">
              {general.map((g) => <Text size="sm" key={g}>{g}</Text>)}
            </Alert>
          )}
          {Object.keys(form.formState.errors).length > 0 && general.length === 0 && (
            <Alert color="red" role="alert">Please correct the highlighted fields.</Alert>
          )}
          {sections.map((s) => (
            <Paper p="md" key={s.label} component="fieldset" style={{ border: '1px solid var(--mantine-color-gray-3)' }}>
              <Title order={2} size="h3" mb="sm" component="legend" style={{ padding: '0 4px' }}>{s.label}</Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                {s.fields.map((name) => {
                  const f = fields.find((x) => x.name === name) as FieldMeta;
                  return (
                    <div key={name} style={f.type === 'longtext' || f.type === 'longText' || f.type === 'json' ? { gridColumn: '1 / -1' } : undefined}>
                      <Controller
                        name={name}
                        control={form.control}
                        rules={{ validate: (v) => (f.readOnly ? true : validateValue(f, v) ?? true) }}
                        render={({ field: rhf, fieldState }) => (
                          <FieldInput field={f} value={rhf.value} onChange={rhf.onChange} onBlur={rhf.onBlur} inputRef={rhf.ref} error={fieldState.error?.message} />
                        )}
                      />
                    </div>
                  );
                })}
              </SimpleGrid>
            </Paper>
          ))}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => navigate(-1)}>Cancel</Button>
            <Button type="submit" loading={saving}>{mode === 'create' ? `Create ${entity.label}` : 'Save'}</Button>
          </Group>
        </Stack>
      </form>
      <ConflictDialog
        entity={entity}
        base={base}
        latest={conflict}
        initial={initial}
        current={conflict ? form.getValues() : initial}
        onClose={() => setConflict(null)}
        onReload={() => {
          // Resetting only here: a reset right after mount would drop the fields' registration.
          const latest = conflict!;
          setConflict(null);
          setBase(latest);
          form.reset(toFormValues(fields, latest));
          queryClient.setQueryData(['record', entity.api, latest.id], latest);
        }}
        onOverwrite={() => { const latest = conflict!; setConflict(null); save(form.getValues(), latest.version); }}
      />
    </>
  );
}
