// @prm/ui — the PRM OS design system: what the web runtime and module UI extensions build pages
// and widgets from. Everything exported here is public API; module code imports only from here.

// Theme tokens
export { theme, tokens, cssVariablesResolver } from './theme';

// API client: the signed-in user's token, RFC 9457 problems as ApiError
export { ApiError, api, send, withQuery, addVirtualRoute, configureCredentials, bearerToken } from './api/http';
export type { Credentials, RequestOptions, VirtualRoute } from './api/http';
export {
  listRecords, getRecord, createRecord, updateRecord, deleteRecord, restoreRecord, bulk, displayNames,
  exportCsv, importRows, listViews, saveView, deleteView, quickFind,
} from './api/records';
export type { BulkOperation, ListParams } from './api/records';
export { resolveUrn, resolveUrns, clearResolved, MAX_URNS_PER_REQUEST } from './api/resolve';
export type { Resolved } from './api/resolve';
export { recordHistory, activity, search } from './api/audit';
export type { ActivityEntry, ActivityParams, Change, HistoryEntry, Paged, SearchGroup, SearchHit, SearchResult } from './api/audit';
export { runTransition, runAction } from './api/commands';
export { entityClient } from './api/entityClient';
export type { AnyEntityClient, EntityClient } from './api/entityClient';
export type { ActionResult } from './api/commands';
export { streamEvents, parseSse } from './api/events';
export type { DomainEventMessage, StreamOptions } from './api/events';
export type {
  Actions, AgentMeta, AuthConfig, EntityMeta, FieldMeta, FieldOption, FieldType, ImportResult, MoneyValue, NavItem, NavSection,
  Page, QuickFindResult, RecordData, ReferenceTarget, RelatedList, SavedView, Section, SlotWidget, UiMetadata, UiUser,
  ExtensionMeta, ExtensionPageMeta, ExtensionWidgetMeta, WidgetProps, Workflow, WorkflowTransition,
} from './api/types';

// Metadata helpers: columns, sorting, the filter language, formatting, problems
export {
  fieldMap, visibleColumns, choosableColumns, parseSort, sortParam, toggleSort, isSortable, displayFieldOf,
  searchFieldsOf, filterableFields,
} from './meta/columns';
export type { SortKey } from './meta/columns';
export {
  OPERATOR_LABELS, operatorsFor, quote, filterPath, literal, conditionText, searchText, buildFilter, idsFilter, parseConditions,
} from './meta/filter';
export type { Condition, Operator } from './meta/filter';
export { optionLabel, formatMoney, formatDecimal, formatValue, recordTitle, isNumeric } from './meta/format';
export { conditionLabel } from './meta/chips';
export { actorName, verbOf, changeLines, activityRoute, snippetParts } from './meta/history';
export type { ChangeLine, SnippetPart } from './meta/history';
export { referenceBatches, routeOfApi } from './meta/references';
export type { ReferenceBatch } from './meta/references';
export { fieldOfPointer, mapProblem } from './meta/problems';
export type { Problem, ProblemError } from './meta/problems';

// Hooks
export { UiContext, useUi, useCaller, useEntityMeta, hasAnyRole } from './hooks/ui';
export { useRecords, useRecord, useResolve, useTransition, useAction, useEventStream } from './hooks/useApi';
export { useReferenceNames } from './hooks/useReferenceNames';

// Components
export { PageFrame, PageHeader } from './components/PageFrame';
export type { Crumb } from './components/PageFrame';
export { WidgetCard } from './components/WidgetCard';
export type { WidgetCardProps } from './components/WidgetCard';
export { EntityCard } from './components/EntityCard';
export { EntityPicker, PICKER_DEBOUNCE_MS } from './components/EntityPicker';
export type { EntityPickerProps } from './components/EntityPicker';
export { RecordLink } from './components/RecordLink';
export { RecordTable, CARDS_QUERY } from './components/RecordTable';
export { RecordCards } from './components/RecordCards';
export type { RecordCardsProps } from './components/RecordCards';
export type { RecordTableProps } from './components/RecordTable';
export { DataTable, SEARCH_DEBOUNCE_MS } from './components/DataTable';
export type { DataTableProps } from './components/DataTable';
export { FieldValue } from './components/FieldValue';
export { FieldInput } from './components/FieldInput';
export type { FieldInputProps } from './components/FieldInput';
export { EmptyState, ErrorState, LinesSkeleton, TableSkeleton } from './components/States';
export { Metrics } from './components/Metrics';
export type { Metric } from './components/Metrics';
