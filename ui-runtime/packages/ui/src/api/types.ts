// The UI metadata contract served by GET /api/v1/ui/metadata (see docs/ui.md).
// Everything here is already filtered by the caller's permissions.

export type FieldType =
  | 'text' | 'longtext' | 'longText' | 'integer' | 'bigint' | 'decimal' | 'money' | 'boolean'
  | 'date' | 'datetime' | 'email' | 'url' | 'phone' | 'uuid' | 'json'
  | 'dictionary' | 'multidictionary' | 'reference' | string;

export interface FieldOption {
  value: string;
  label: string;
  /** A colour of the theme's palette (`green`, `red`, …) for the value's badge; absent = neutral. */
  color?: string | null;
}

export interface ReferenceTarget {
  entity: string;
  api: string;
  displayField: string | null;
  route?: string;
}

export interface FieldMeta {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  readOnly?: boolean;
  maxLength?: number | null;
  minLength?: number | null;
  min?: number | null;
  max?: number | null;
  pattern?: string | null;
  filterable?: boolean;
  sortable?: boolean;
  searchable?: boolean;
  options?: FieldOption[] | null;
  currencies?: string[] | null;
  precision?: number | null;
  scale?: number | null;
  reference?: ReferenceTarget | null;
  operators?: string[] | null;
  description?: string | null;
}

export interface Actions {
  create: boolean;
  update: boolean;
  delete: boolean;
  restore: boolean;
  export: boolean;
  import: boolean;
  bulk?: boolean;
}

export interface Section {
  label: string;
  fields: string[];
}

export interface RelatedList {
  entity: string;
  field: string;
  label: string;
  api: string;
  route?: string;
  columns: string[];
}

export interface SlotWidget {
  widget: 'relatedList' | 'summaryCard' | string;
  entity: string;
  field?: string | null;
  /** Whose field links the two: the widget's entity (related records) or the host (the record it references). */
  fieldOwner?: 'entity' | 'host';
  title?: string | null;
  columns?: string[] | null;
  filter?: string | null;
}

export interface EntityMeta {
  module: string;
  name: string;
  label: string;
  pluralLabel: string;
  api: string;
  route: string;
  displayField: string | null;
  icon?: string | null;
  actions: Actions;
  /** The entity's manifest features: `audit` → GET …/{id}/history exists. */
  features?: { audit?: boolean; activity?: boolean; softDelete?: boolean; optimisticLock?: boolean };
  fields: FieldMeta[];
  list: { columns: string[]; sort: string[]; filters: string[]; searchFields: string[] };
  detail: {
    sections: Section[];
    related: RelatedList[];
    slots?: Record<string, SlotWidget[]>;
  };
  form: { sections: Section[] };
  /** The entity's state machine, when it has one whose field the caller can see. */
  workflow?: Workflow | null;
}

export interface WorkflowTransition {
  name: string;
  label?: string | null;
  from: string[];
  to: string;
  /** Whether the caller's roles permit it; guards are checked by the server when it is requested. */
  allowed: boolean;
}

export interface Workflow {
  field: string;
  initial?: string | null;
  transitions: WorkflowTransition[];
}

/** A module's UI extension bundle and what of it the caller may see (docs/ui-extensions.md). */
export interface ExtensionMeta {
  module: string;
  /** Content-hashed: /api/v1/ui/extensions/{module}/{hash}.js */
  url: string;
  pages: ExtensionPageMeta[];
  widgets: ExtensionWidgetMeta[];
}

export interface ExtensionPageMeta {
  name: string;
  title: string;
  icon?: string | null;
  section: string;
  /** /x/{module}/{name} */
  route: string;
}

export interface ExtensionWidgetMeta {
  name: string;
  title: string;
  slots: string[];
  props: string[];
}

/** What the shell hands to a widget placed in a detail slot (the declared props only). */
export interface WidgetProps {
  recordUrn?: string;
  recordId?: string;
  entity?: string;
}

export interface NavItem {
  entity: string;
  label: string;
  icon?: string | null;
  order?: number;
  route: string;
}

export interface NavSection {
  section: string;
  label: string;
  order?: number;
  items: NavItem[];
}

export interface UiUser {
  /** The principal's id: what records store in created_by / updated_by. */
  id?: string;
  username: string;
  tenant: string;
  roles: string[];
}

/** An agent the user may start by hand (docs/agents.md); `entity` when it is started from that entity's records. */
export interface AgentMeta {
  name: string;
  module: string;
  label: string;
  description: string;
  entity?: string;
  /** Tools whose calls wait for a person's approval. */
  approval: string[];
}

export interface UiMetadata {
  user: UiUser;
  navigation: NavSection[];
  entities: Record<string, EntityMeta>;
  /** Absent from engines before the agents UI. */
  agents?: AgentMeta[];
  /** Module UI extensions the caller may see; absent from engines before phase B. */
  extensions?: ExtensionMeta[];
}

export interface AuthConfig {
  mode: 'dev' | 'oidc';
  users?: UiUser[];
  oidc?: { authority: string; clientId: string; scopes?: string };
}

/** A money field's value as an input holds it: the amount may be text while the user types. */
export interface MoneyValue {
  amount: number | string | null;
  currency: string | null;
}

export type RecordData = Record<string, unknown> & { id: string; version?: number };

export interface Page<T = RecordData> {
  items: T[];
  nextCursor?: string | null;
  total?: number;
}

export interface SavedView {
  id: string;
  entity: string;
  name: string;
  filter: string;
  sort: string[];
  columns: string[];
  isDefault: boolean;
}

export interface ImportResult {
  total: number;
  created: number;
  failed: { row: number; errors: { field?: string; pointer?: string; message: string }[] }[];
}

export interface QuickFindResult {
  groups: { entity: string; label: string; items: { id: string; display: string; route: string }[] }[];
}
