// One input per field type, used by forms, the filter builder and bulk update.
import { Checkbox, Group, MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { DateInput, DateTimePicker } from '@mantine/dates';
import type { Ref } from 'react';
import type { FieldMeta, MoneyValue } from '../api/types';
import { EntityPicker } from './EntityPicker';

export interface FieldInputProps {
  field: FieldMeta;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur?: () => void;
  error?: string | null;
  /** Label override; pass '' with an ariaLabel for inline inputs. */
  label?: string;
  ariaLabel?: string;
  readOnly?: boolean;
  withAsterisk?: boolean;
  /** The form library's ref: it focuses the input of the first error and tracks the field as mounted. */
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement & HTMLButtonElement>;
}

const DEFAULT_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY'];

export function FieldInput({ field, value, onChange, onBlur, error, label, ariaLabel, readOnly, withAsterisk, inputRef }: FieldInputProps) {
  const common = {
    label: label ?? field.label,
    'aria-label': ariaLabel,
    description: field.description ?? undefined,
    error: error ?? undefined,
    readOnly: readOnly ?? field.readOnly,
    disabled: readOnly ?? field.readOnly,
    withAsterisk: withAsterisk ?? !!field.required,
    onBlur,
    name: field.name,
    ref: inputRef,
  };
  switch (field.type) {
    case 'longtext':
    case 'longText':
      return <Textarea {...common} autosize minRows={3} maxRows={10} value={(value as string) ?? ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'json':
      return (
        <Textarea {...common} autosize minRows={3} maxRows={12} ff="monospace" value={(value as string) ?? ''} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'integer':
    case 'bigint':
    case 'decimal':
      return (
        <NumberInput
          {...common}
          value={(value as number | string) ?? ''}
          onChange={(v) => onChange(v)}
          allowDecimal={field.type === 'decimal'}
          min={field.min ?? undefined}
          max={field.max ?? undefined}
          clampBehavior="none"
          hideControls={field.type === 'decimal'}
        />
      );
    case 'money': {
      const m = (value as MoneyValue) ?? { amount: '', currency: null };
      const currencies = field.currencies && field.currencies.length > 0 ? field.currencies : DEFAULT_CURRENCIES;
      return (
        <Group gap={6} align="flex-start" wrap="nowrap">
          <NumberInput
            {...common}
            style={{ flex: 1 }}
            value={m.amount ?? ''}
            onChange={(v) => onChange({ ...m, amount: v })}
            decimalScale={4}
            thousandSeparator=","
            hideControls
          />
          <Select
            label={common.label ? 'Currency' : undefined}
            aria-label={`${field.label} currency`}
            w={96}
            data={currencies}
            value={m.currency}
            onChange={(c) => onChange({ ...m, currency: c })}
            disabled={common.disabled}
            allowDeselect={false}
          />
        </Group>
      );
    }
    case 'boolean':
      return (
        <Checkbox
          mt={common.label ? 'lg' : 0}
          label={common.label || undefined}
          aria-label={ariaLabel}
          checked={Boolean(value)}
          onChange={(e) => onChange(e.currentTarget.checked)}
          disabled={common.disabled}
          error={common.error}
          name={field.name}
          ref={inputRef}
        />
      );
    case 'date':
      return (
        <DateInput
          {...common}
          value={(value as string) || null}
          onChange={(v) => onChange(v)}
          valueFormat="YYYY-MM-DD"
          placeholder="YYYY-MM-DD"
          clearable={!field.required}
        />
      );
    case 'datetime':
      return (
        <DateTimePicker
          {...common}
          value={(value as string) || null}
          onChange={(v) => onChange(v)}
          valueFormat="YYYY-MM-DD HH:mm"
          clearable={!field.required}
        />
      );
    case 'dictionary':
      return (
        <Select
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o.value, label: o.label }))}
          value={(value as string) ?? null}
          onChange={(v) => onChange(v)}
          clearable={!field.required}
          searchable={(field.options ?? []).length > 8}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'multidictionary':
      return (
        <MultiSelect
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o.value, label: o.label }))}
          value={(value as string[]) ?? []}
          onChange={(v) => onChange(v)}
          clearable
        />
      );
    case 'reference':
      return field.reference ? <EntityPicker {...common} label={common.label} required={field.required} target={field.reference} placeholder={`Search ${field.label.toLowerCase()}…`} value={(value as string) ?? null} onChange={onChange} /> : null;
    default:
      return (
        <TextInput
          {...common}
          type={field.type === 'email' ? 'email' : field.type === 'url' ? 'url' : field.type === 'phone' ? 'tel' : 'text'}
          value={(value as string) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          maxLength={field.maxLength ?? undefined}
        />
      );
  }
}
