import { describe, expect, it } from 'vitest';
import { fold, slugify } from './fold.js';

describe('fold (search ignores diacritics and đ/d: issue #2 item 6, stack.md 4d)', () => {
  it.each([
    ['Cải cách hành chính', 'cai cach hanh chinh'],
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['ĐẢNG BỘ XÃ TÂN HỒNG', 'dang bo xa tan hong'],
    ['  Nước   sạch, vệ sinh!  ', 'nuoc sach ve sinh'],
    // NFC and NFD input fold the same
    ['Nguyễn'.normalize('NFD'), 'nguyen'],
    ['ỹ ự ở ẵ', 'y u o a'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('slugify', () => {
  it.each([
    [
      'Xã Tân Hồng 03 năm liền dẫn đầu về Chỉ số cải cách hành chính',
      'xa-tan-hong-03-nam-lien-dan-dau-ve-chi-so-cai-cach-hanh-chinh',
    ],
    ['Đường làng — ngõ xóm', 'duong-lang-ngo-xom'],
    ['!!!', ''],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('cuts long titles at a word boundary without a trailing hyphen', () => {
    const slug = slugify('a '.repeat(100), 9);
    expect(slug).toBe('a-a-a-a-a');
  });
});
