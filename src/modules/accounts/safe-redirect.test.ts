import { describe, expect, it } from 'vitest';
import { safeLocalPath } from './safe-redirect.js';

describe('safeLocalPath', () => {
  it.each([
    ['/quan-tri/bai-viet', '/quan-tri/bai-viet'],
    ['/tan-hong/quan-tri?trang=2', '/tan-hong/quan-tri?trang=2'],
    ['//evil.example', '/quan-tri'],
    ['/\\evil.example', '/quan-tri'],
    ['https://evil.example/', '/quan-tri'],
    ['quan-tri', '/quan-tri'],
    ['/\t/evil.example', '/quan-tri'],
    ['', '/quan-tri'],
    // A unit prefix is stripped before routing: "/tan-hong//evil.example" would be served as "//evil.example".
    ['/tan-hong//evil.example', '/quan-tri'],
    ['/tan-hong/\\evil.example', '/quan-tri'],
    ['/tan-hong/%2F%2Fevil.example', '/quan-tri'],
    ['/tan-hong/%5Cevil.example', '/quan-tri'],
    ['/%2f%2fevil.example', '/quan-tri'],
    ['/tan-hong/%09/evil.example', '/quan-tri'],
    ['/tan-hong/bai-viet/a-b?q=x%2Fy', '/tan-hong/bai-viet/a-b?q=x%2Fy'],
    [undefined, '/quan-tri'],
  ])('%s → %s', (input, expected) => {
    expect(safeLocalPath(input, '/quan-tri')).toBe(expected);
  });
});
