// Applied filter conditions as short human texts, for the chips above a list ("Tier is any of Gold, Silver").
import type { FieldMeta } from '../api/types';
import { OPERATOR_LABELS, type Condition } from './filter';
import { formatValue } from './format';

function valueText(field: FieldMeta, raw: string, refNames?: Map<string, string>): string {
  if (field.type === 'boolean') return raw === 'true' ? 'Yes' : raw === 'false' ? 'No' : raw;
  if (field.type === 'dictionary' || field.type === 'multidictionary') return formatValue({ ...field, type: 'dictionary' }, raw);
  if (field.type === 'reference') return refNames?.get(raw) ?? raw;
  return raw;
}

/** "Tier is any of Gold, Silver", "Score at least 50", "Region is empty"; the field's name when it is unknown. */
export function conditionLabel(fields: FieldMeta[], condition: Condition, refNames?: Map<string, string>): string {
  const field = fields.find((f) => f.name === condition.field) ?? { name: condition.field, label: condition.field, type: 'text' };
  const op = OPERATOR_LABELS[condition.op] ?? condition.op;
  if (condition.op === 'isNull' || condition.op === 'isNotNull') return `${field.label} ${op}`;
  const values = Array.isArray(condition.value) ? condition.value : condition.value === undefined ? [] : [condition.value];
  return `${field.label} ${op} ${values.map((v) => valueText(field, v, refNames)).join(', ')}`.trim();
}
