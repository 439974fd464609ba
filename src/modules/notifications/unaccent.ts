/**
 * Vietnamese text without diacritics, keeping case and punctuation: "Đăng ký khai sinh." → "Dang ky khai sinh.".
 * For ASCII-only fallbacks (attachment names for old mail clients, SMS gateways that send unaccented 7-bit text).
 */
export function unaccent(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
