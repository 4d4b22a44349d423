import { describe, expect, it } from 'vitest';
import type { UiMetadata } from '@prm/ui';
import { sampleRecords } from './samples';
import { previewMetadata, sampleRoute } from './sampleApi';

const ui = {
  user: { username: 'preview', tenant: 'acme', roles: ['clerk'] },
  navigation: [],
  entities: {
    'shop.Order': {
      module: 'shop', name: 'Order', label: 'Order', pluralLabel: 'Orders', api: '/api/v1/shop/order', route: '/o/shop/order', displayField: 'title',
      actions: { create: true, update: false, delete: false, restore: false, export: true, import: false },
      fields: [
        { name: 'title', label: 'Title', type: 'text', maxLength: 5 },
        { name: 'qty', label: 'Qty', type: 'integer', min: 1, max: 15 },
        { name: 'status', label: 'Status', type: 'dictionary', options: [{ value: 'new', label: 'New' }, { value: 'done', label: 'Done' }] },
        { name: 'customer', label: 'Customer', type: 'reference', reference: { entity: 'shop.Customer', api: '/api/v1/shop/customer', displayField: 'name' } },
      ],
      list: { columns: ['title'], sort: [], filters: [], searchFields: [] }, detail: { sections: [], related: [] }, form: { sections: [] },
    },
    'shop.Customer': {
      module: 'shop', name: 'Customer', label: 'Customer', pluralLabel: 'Customers', api: '/api/v1/shop/customer', route: '/o/shop/customer', displayField: 'name',
      actions: { create: false, update: false, delete: false, restore: false, export: true, import: false },
      fields: [{ name: 'name', label: 'Name', type: 'text' }],
      list: { columns: ['name'], sort: [], filters: [], searchFields: [] }, detail: { sections: [], related: [] }, form: { sections: [] },
    },
  },
} as unknown as UiMetadata;

describe('preview samples', () => {
  it('generates values within the field bounds, dictionary codes and references to sample records', () => {
    const meta = previewMetadata(ui);
    const records = sampleRecords(meta, 'shop');
    const orders = records.get('/preview/api/v1/shop/order')!;
    const customers = records.get('/preview/api/v1/shop/customer')!;
    expect(orders).toHaveLength(3);
    for (const o of orders) {
      expect(String(o.title).length).toBeLessThanOrEqual(5);
      expect(o.qty as number).toBeGreaterThanOrEqual(1);
      expect(o.qty as number).toBeLessThanOrEqual(15);
      expect(['new', 'done']).toContain(o.status);
      expect(customers.map((c) => c.id)).toContain(o.customer);
    }
  });

  it('answers list, get and id filters in the browser, and never other paths', async () => {
    const meta = previewMetadata(ui);
    const route = sampleRoute(sampleRecords(meta, 'shop'));
    expect(route('/api/v1/shop/order', {})).toBeUndefined();
    const list = await (await route('/preview/api/v1/shop/order?limit=2', {})!).json();
    expect(list.items).toHaveLength(2);
    const id = list.items[1].id;
    const one = await (await route(`/preview/api/v1/shop/order/${id}`, {})!).json();
    expect(one.id).toBe(id);
    const byId = await (await route(`/preview/api/v1/shop/order?filter=${encodeURIComponent(`id in ('${id}')`)}`, {})!).json();
    expect(byId.items.map((r: { id: string }) => r.id)).toEqual([id]);
    const created = await route('/preview/api/v1/shop/order', { method: 'POST', body: { title: 'New' } })!;
    expect(created.status).toBe(201);
    expect((await route('/preview/api/v1/nope', {})!).status).toBe(404);
  });
});
