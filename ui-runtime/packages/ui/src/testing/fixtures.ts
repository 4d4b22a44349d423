// A small entity in the shape of the UI metadata, for unit tests of the runtime and of module code.
import type { EntityMeta, FieldMeta } from '../api/types';

export const f = (name: string, type: string, extra: Partial<FieldMeta> = {}): FieldMeta => ({
  name, label: name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' '), type, filterable: true, sortable: true, ...extra,
});

export const partner: EntityMeta = {
  module: 'partners', name: 'Partner', label: 'Partner', pluralLabel: 'Partners',
  api: '/api/v1/partners/partner', route: '/o/partners/partner', displayField: 'name',
  actions: { create: true, update: true, delete: true, restore: true, export: true, import: true },
  fields: [
    f('name', 'text', { required: true, maxLength: 200, searchable: true }),
    f('tier', 'dictionary', { required: true, options: [{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }] }),
    f('types', 'multidictionary', { sortable: false, options: [{ value: 'reseller', label: 'Reseller' }, { value: 'referral', label: 'Referral' }] }),
    f('score', 'integer', { min: 0, max: 100 }),
    f('organization', 'reference', { reference: { entity: 'organizations.Organization', api: '/api/v1/organizations/organization', displayField: 'name' } }),
    f('parent', 'reference', { reference: { entity: 'partners.Partner', api: '/api/v1/partners/partner', displayField: 'name' } }),
    f('contact_email', 'email', { searchable: true }),
    f('website', 'url'),
    f('joined_on', 'date'),
    f('active', 'boolean'),
    f('annual_target', 'money', { currencies: ['EUR', 'USD'] }),
    f('notes', 'longtext', { filterable: false, sortable: false }),
    f('details', 'json', { filterable: false, sortable: false }),
    f('code', 'text', { pattern: '^[A-Z]{2}$', minLength: 2, maxLength: 2 }),
    f('registration_id', 'uuid', { readOnly: true }),
  ],
  list: { columns: ['name', 'tier', 'score', 'secret'], sort: ['-score', 'name'], filters: ['tier', 'score'], searchFields: ['name'] },
  detail: { sections: [{ label: 'Overview', fields: ['name', 'tier'] }], related: [] },
  form: { sections: [{ label: 'Partner', fields: ['name', 'tier', 'score'] }] },
};

export const field = (name: string): FieldMeta => partner.fields.find((x) => x.name === name)!;
