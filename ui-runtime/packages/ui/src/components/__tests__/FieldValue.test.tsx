// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldInput } from '../FieldInput';
import { FieldValue } from '../FieldValue';
import { field } from '../../testing/fixtures';
import { renderWithShell } from '../../testing/render';

afterEach(cleanup);

function shown(name: string, value: unknown, refNames?: Map<string, string>) {
  renderWithShell(<FieldValue field={field(name)} value={value} refNames={refNames} />);
  return screen.getByTestId('subject');
}

describe('FieldValue renders each field type', () => {
  it('dictionary values as their labels, multidictionary as one badge each', () => {
    expect(shown('tier', 'gold').textContent).toBe('Gold');
    cleanup();
    const multi = shown('types', ['reseller', 'referral']);
    expect([...multi.querySelectorAll('.mantine-Badge-root')].map((b) => b.textContent)).toEqual(['Reseller', 'Referral']);
  });

  it('a dictionary value with a colour in the manifest is a badge of that colour, else grey', () => {
    const tier = { ...field('tier'), options: [{ value: 'gold', label: 'Gold', color: 'yellow' }, { value: 'silver', label: 'Silver' }] };
    renderWithShell(<FieldValue field={tier} value="gold" />);
    expect(screen.getByText('Gold').closest('.mantine-Badge-root')?.getAttribute('data-color')).toBe('yellow');
    cleanup();
    renderWithShell(<FieldValue field={tier} value="silver" />);
    expect(screen.getByText('Silver').closest('.mantine-Badge-root')?.getAttribute('data-color')).toBe('gray');
  });

  it('money in its currency, integers grouped, booleans as words', () => {
    expect(shown('annual_target', { amount: 1234.5, currency: 'EUR' }).textContent).toBe('€1,234.50');
    cleanup();
    expect(shown('score', 12345).textContent).toBe('12,345');
    cleanup();
    expect(shown('active', false).textContent).toBe('No');
  });

  it('references as links to the record with its display name', () => {
    shown('organization', 'o1', new Map([['o1', 'Globex']]));
    const link = screen.getByRole('link', { name: 'Globex' });
    expect(link.getAttribute('href')).toBe('/o/organizations/organization/o1');
  });

  it('urls and emails as links, json as formatted text', () => {
    shown('website', 'https://example.com');
    expect(screen.getByRole('link', { name: 'https://example.com' }).getAttribute('href')).toBe('https://example.com');
    cleanup();
    shown('contact_email', 'a@b.c');
    expect(screen.getByRole('link', { name: 'a@b.c' }).getAttribute('href')).toBe('mailto:a@b.c');
    cleanup();
    expect(shown('details', { a: 1 }).textContent).toBe('{\n  "a": 1\n}');
  });

  it('an empty value as a dash labelled empty', () => {
    shown('name', '');
    expect(screen.getByLabelText('empty').textContent).toBe('—');
  });
});

describe('FieldInput renders the input of each field type', () => {
  const input = (name: string, value: unknown) => renderWithShell(<FieldInput field={field(name)} value={value} onChange={() => undefined} />);

  it('text kinds as typed text inputs with their limits', () => {
    input('name', 'Acme');
    const box = screen.getByLabelText(/Name/) as HTMLInputElement;
    expect(box.value).toBe('Acme');
    expect(box.maxLength).toBe(200);
    cleanup();
    input('contact_email', '');
    expect((screen.getByLabelText('Contact email') as HTMLInputElement).type).toBe('email');
    cleanup();
    input('website', '');
    expect((screen.getByLabelText('Website') as HTMLInputElement).type).toBe('url');
  });

  it('booleans as checkboxes, long text as a text area', () => {
    input('active', true);
    expect((screen.getByRole('checkbox', { name: 'Active' }) as HTMLInputElement).checked).toBe(true);
    cleanup();
    input('notes', 'hello');
    expect(screen.getByLabelText('Notes').tagName).toBe('TEXTAREA');
  });

  it('dictionaries as a select showing the option label, money with a currency select', () => {
    input('tier', 'silver');
    expect((screen.getByLabelText(/^Tier/, { selector: 'input' }) as HTMLInputElement).value).toBe('Silver');
    cleanup();
    input('annual_target', { amount: 10, currency: 'USD' });
    expect((screen.getByLabelText('Annual target currency') as HTMLInputElement).value).toBe('USD');
  });

  it('references as a search-as-you-type picker', () => {
    input('organization', null);
    expect(screen.getByPlaceholderText('Search organization…')).toBeTruthy();
  });
});
