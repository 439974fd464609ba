import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * congxa is AGPL-3.0-or-later; every package it ships with (the non-dev part of the lockfile) must carry a licence
 * compatible with it (issue #2 item 12). Permissive licences only: a copyleft or unknown licence needs a human look
 * and an ADR before it lands.
 */
const ALLOWED = new Set([
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  'BlueOak-1.0.0',
  '0BSD',
  'CC0-1.0',
  'Unlicense',
  'MPL-2.0',
  // Fonts embedded in generated PDFs (Be Vietnam Pro, for the one-stop forms). The SIL Open Font License allows
  // embedding a font in documents and bundling it with software of any licence; it only binds the font itself.
  'OFL-1.1',
]);

/**
 * Packages whose package.json has no licence field, with the licence read in the LICENSE file they ship. Each entry
 * was checked by hand; the test still requires that file to be there.
 */
const LICENCE_FILES: Record<string, string> = {
  'png-js': 'MIT', // pdfkit's PNG decoder; node_modules/png-js/LICENSE is the MIT licence text
};

/** An SPDX expression is acceptable when one side of each OR is allowed (AND needs both). */
function licenceAllowed(expression: string): boolean {
  const e = expression.trim().replace(/^\((.*)\)$/, '$1');
  if (e.includes(' OR ')) {
    return e.split(' OR ').some(licenceAllowed);
  }
  if (e.includes(' AND ')) {
    return e.split(' AND ').every(licenceAllowed);
  }
  return ALLOWED.has(e);
}

/** The licence of a package without a licence field, when it is listed in LICENCE_FILES and ships its LICENSE. */
function licenceFromFile(path: string): string {
  const known = LICENCE_FILES[path.replace(/.*node_modules\//, '')];
  return known !== undefined && existsSync(new URL(`../${path}/LICENSE`, import.meta.url)) ? known : 'NONE';
}

type Lock = { packages: Record<string, { dev?: boolean; license?: string; optional?: boolean }> };

describe('third-party licences', () => {
  it.each([
    ['MIT', true],
    ['(MPL-2.0 OR Apache-2.0)', true],
    ['(BSD-2-Clause OR MIT OR Apache-2.0)', true],
    ['GPL-2.0-only', false],
    ['SSPL-1.0', false],
    ['MIT AND CC-BY-NC-4.0', false],
  ])('%s allowed: %s', (expr, ok) => {
    expect(licenceAllowed(expr)).toBe(ok);
  });

  it('every runtime dependency has a licence compatible with AGPL-3.0-or-later', () => {
    const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as Lock;
    const runtime = Object.entries(lock.packages).filter(([path, p]) => path !== '' && !p.dev);
    expect(runtime.length).toBeGreaterThan(50);
    const refused = runtime
      .filter(([path, p]) => !licenceAllowed(p.license ?? licenceFromFile(path)))
      .map(([path, p]) => `${path.replace(/.*node_modules\//, '')}: ${p.license ?? 'no licence field'}`);
    expect(refused).toEqual([]);
  });
});
