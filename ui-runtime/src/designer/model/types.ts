// The manifest as the visual editor reads it: the plain value of the YAML document (doc.toJS()).
// Loose on purpose: the editor must show any manifest the author typed, valid or not; the server
// says what is wrong.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface FieldDef {
  type?: string;
  label?: string;
  description?: string;
  renamedFrom?: string;
  required?: boolean;
  unique?: boolean;
  readOnly?: boolean;
  filterable?: boolean;
  sortable?: boolean;
  searchable?: boolean;
  default?: Json;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  precision?: number;
  scale?: number;
  currencies?: string[];
  dictionary?: string;
  to?: string;
  onDelete?: string;
  hierarchy?: boolean;
  formula?: string;
  [key: string]: Json | undefined;
}

export interface TransitionDef {
  from?: string[] | string;
  to?: string;
  label?: string;
  guard?: string;
  guardMessage?: string;
  roles?: string[];
  set?: Record<string, Json>;
  emit?: string;
  rowScope?: string;
}

export interface EntityDef {
  label?: string;
  pluralLabel?: string;
  description?: string;
  display?: string;
  summary?: string[];
  publicId?: { prefix?: string; digits?: number };
  features?: string[] | Record<string, Json>;
  fields?: Record<string, FieldDef | null>;
  indexes?: Array<{ name?: string; fields?: string[]; unique?: boolean }>;
  ui?: {
    list?: { columns?: string[]; sort?: string[]; filters?: string[]; searchFields?: string[] };
    form?: { sections?: Array<{ label?: string; fields?: string[] }> };
    detail?: { sections?: Array<{ label?: string; fields?: string[] }> };
  };
  validations?: Array<{ rule?: string; message?: string; field?: string }>;
  workflow?: { field?: string; initial?: string; transitions?: Record<string, TransitionDef | null> };
  [key: string]: Json | undefined | object;
}

export interface DictionaryValue {
  code: string;
  label?: string;
  [key: string]: Json | undefined;
}

export type DictionaryDef = string[] | { label?: string; extensible?: boolean; values?: Array<DictionaryValue | string> };

export type Scope = 'all' | 'own' | 'none' | boolean | { where: string };

export interface EntityGrant {
  read?: Scope;
  create?: boolean;
  update?: Scope;
  delete?: Scope;
  restore?: Scope;
  bulk?: boolean;
  fields?: Record<string, 'hidden' | 'read' | 'write'>;
}

export interface Manifest {
  apiVersion?: string;
  module?: string;
  version?: string;
  title?: string;
  description?: string;
  requires?: Record<string, string>;
  navigation?: { section?: string; label?: string; icon?: string; order?: number };
  dictionaries?: Record<string, DictionaryDef | null>;
  entities?: Record<string, EntityDef | null>;
  roles?: Record<string, { label?: string; description?: string } | null>;
  permissions?: Record<string, Record<string, EntityGrant | null> | null>;
  migrations?: Array<{ drop?: Record<string, Json> }>;
  events?: {
    publishes?: Record<string, { description?: string; schema?: Json; emit?: string[] } | null>;
    subscribes?: string[];
    webhooks?: Json[];
  };
  ui?: { slots?: Array<Record<string, Json>> };
  [key: string]: unknown;
}

/** The field types of the manifest (docs/manifest.md), in the order the designer offers them. */
export const FIELD_TYPES = [
  'text', 'longtext', 'integer', 'bigint', 'decimal', 'money', 'boolean', 'date', 'datetime',
  'email', 'url', 'phone', 'uuid', 'json', 'dictionary', 'multidictionary', 'reference',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** The options each type allows beyond the common ones (an option on another type is a schema error). */
export function optionsOf(type: string | undefined): string[] {
  const common = ['required', 'unique', 'readOnly', 'filterable', 'sortable', 'default'];
  const textual = ['minLength', 'maxLength', 'pattern'];
  switch (type) {
    case 'text':
    case 'email':
    case 'url':
    case 'phone':
      return [...common, 'searchable', ...textual];
    case 'longtext':
      return ['required', 'readOnly', 'filterable', 'searchable', 'default', ...textual];
    case 'integer':
    case 'bigint':
      return [...common, 'min', 'max'];
    case 'decimal':
      return [...common, 'min', 'max', 'precision', 'scale'];
    case 'money':
      return ['required', 'readOnly', 'filterable', 'sortable', 'min', 'max', 'precision', 'scale', 'currencies'];
    case 'dictionary':
      return [...common, 'dictionary'];
    case 'multidictionary':
      return ['required', 'readOnly', 'filterable', 'default', 'dictionary'];
    case 'reference':
      return ['required', 'unique', 'readOnly', 'filterable', 'sortable', 'to', 'onDelete', 'hierarchy'];
    case 'json':
      return ['required', 'readOnly', 'default'];
    default:
      return common;
  }
}

/** Types a formula may compute (CelTypes.formulaResult). */
export const FORMULA_TYPES = ['text', 'longtext', 'integer', 'bigint', 'decimal', 'boolean', 'date', 'datetime', 'email', 'url', 'phone', 'uuid'];
