import { describe, expect, it } from 'vitest';
import { formatDecimal, formatValue } from './format';

describe('formatting numbers (issue 15)', () => {
  it('shows a decimal with separators and its scale', () => {
    expect(formatDecimal(525000, 2)).toBe('525,000.00');
    expect(formatValue({ name: 'won_total', label: 'Won', type: 'decimal', scale: 2 }, '1234.5')).toBe('1,234.50');
  });
  it('keeps what it cannot read as a number', () => {
    expect(formatDecimal('n/a', 2)).toBe('n/a');
    expect(formatDecimal(null, 2)).toBe('');
    expect(formatDecimal(0.125)).toBe('0.125');
  });
});
