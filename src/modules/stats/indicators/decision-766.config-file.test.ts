import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_766_CONFIG } from './decision-766.config.js';
import { load766Config } from './decision-766.config-file.js';

/* The deployment's Decision 766 scoring table (STATS_766_CONFIG, docs/statistics-indicators.md). */

const dir = mkdtempSync(join(tmpdir(), 'congxa-766-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('STATS_766_CONFIG', () => {
  it('without a file: the provisional defaults', () => {
    expect(load766Config(undefined)).toBe(DEFAULT_766_CONFIG);
  });

  it('lays the file over the defaults', () => {
    const c = load766Config(
      file(
        'ok.json',
        JSON.stringify({ source: 'Sở Nội vụ, 2026', provisional: false, indicators: { '4.2': { max: 6 } } }),
      ),
    );
    expect(c).toMatchObject({ source: 'Sở Nội vụ, 2026', provisional: false });
    expect(c.indicators['4.2']).toEqual({
      group: 'digitisation',
      max: 6,
      threshold: 80,
      direction: 'higher',
    });
    expect(c.indicators['4.1']).toEqual(DEFAULT_766_CONFIG.indicators['4.1']);
  });

  it.each([
    ['a missing file', join(dir, 'none.json'), /cannot read .* as JSON/],
    ['a file that is not JSON', file('bad.json', '{ max: 1 '), /cannot read .* as JSON/],
    [
      'a wrong value',
      file('wrong.json', '{"indicators":{"3.1":{"threshold":"80%"}}}'),
      /indicators\.3\.1\.threshold/,
    ],
  ])('stops the start on %s, naming the problem', (_name, path, message) => {
    expect(() => load766Config(path)).toThrow(message);
  });
});
