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
    [undefined, '/quan-tri'],
  ])('%s → %s', (input, expected) => {
    expect(safeLocalPath(input, '/quan-tri')).toBe(expected);
  });
});
