import { describe, expect, it } from 'vitest';
import { hover, locate, suggestions } from './schemaAssist';

const doc = `apiVersion: prm/v1
module: shop
version: 1.0.0
entities:
  Order:
    label: Order
    fields:
      title: { type: text, req
      qty:
        type: `;

describe('locate', () => {
  it('finds the block path and a key being typed inside a flow map', () => {
    const at = doc.indexOf('req') + 3;
    expect(locate(doc, at)).toEqual({ path: ['entities', 'Order', 'fields', 'title'], at: 'key', prefix: 'req' });
  });
  it('finds a value being typed', () => {
    expect(locate(doc, doc.length)).toEqual({ path: ['entities', 'Order', 'fields', 'qty'], at: 'value', key: 'type', prefix: '' });
  });
});

describe('suggestions from the manifest schema', () => {
  it('offers field keys', () => {
    const at = doc.indexOf('req') + 3;
    const s = suggestions(doc, at);
    expect(s.from).toBe(doc.indexOf('req'));
    expect(s.options.map((o) => o.label)).toEqual(expect.arrayContaining(['required', 'maxLength', 'dictionary', 'formula']));
  });
  it('offers the field types as values of type', () => {
    expect(suggestions(doc, doc.length).options.map((o) => o.label)).toEqual(expect.arrayContaining(['text', 'money', 'reference']));
  });
  it('offers top-level keys at the root', () => {
    expect(suggestions('apiVersion: prm/v1\nper', 22).options.map((o) => o.label)).toEqual(expect.arrayContaining(['permissions', 'entities', 'dictionaries']));
  });
  it('offers entity keys', () => {
    const text = 'entities:\n  Order:\n    wo';
    expect(suggestions(text, text.length).options.map((o) => o.label)).toEqual(expect.arrayContaining(['workflow', 'validations', 'fields', 'features']));
  });
});

describe('hover', () => {
  it('describes a key from the schema', () => {
    const text = 'entities:\n  Order:\n    fields:\n      a: { type: text, onDelete: setNull }';
    const h = hover(text, text.indexOf('onDelete') + 2);
    expect(h?.text).toContain('restrict | setNull | cascade');
  });
});
