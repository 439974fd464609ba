import { describe, expect, it } from 'vitest';
import { hasVisibleText, requiredText } from './required-text.js';

describe('requiredText', () => {
  const title = requiredText(10, 'title_required');

  it.each(['', '   ', '\u200B', '\u200B\u200C\u200D\u2060', '\uFEFF\u00A0\u3000', '\u202E\u2066\u00AD'])(
    'refuses %j: nothing visible',
    (input) => {
      expect(hasVisibleText(input)).toBe(false);
      expect(title.safeParse(input).error?.issues[0]?.message).toBe('title_required');
    },
  );

  it('accepts visible text with invisible characters around it, trimmed', () => {
    expect(title.parse('  Tin \u200Btức ')).toBe('Tin \u200Btức');
  });

  it('still limits the length', () => {
    expect(title.safeParse('x'.repeat(11)).error?.issues[0]?.message).toBe('too_long');
  });
});
