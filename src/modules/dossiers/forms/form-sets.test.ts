import { describe, expect, it } from 'vitest';
import { receiptPdf } from './form-pdfs.js';
import { RECEIVED_AT, sampleApology, sampleBook, sampleControlSlip, sampleReceipt } from './form-samples.js';
import { sampleRefusal, sampleSupplement } from './form-samples.js';
import { DEFAULT_FORM_SET_ID, FORM_SETS, type FormSet, formSetAt, formSetProblems } from './form-sets.js';
import { FORM_PURPOSES, type FormPurpose, type FormTemplate, placeholdersOf } from './form-template.js';
import type { FormValues, RowValues } from './form-template.js';
import {
  apologyValues,
  controlSlipValues,
  receiptValues,
  refusalValues,
  supplementValues,
  trackingBookValues,
} from './form-values.js';
import { flat, pdfPages } from './pdf-probe.js';

/** A second set added as data only: the 2018 templates with another title and legal note for the receipt. */
const TT03_2025: FormSet = {
  id: 'tt03-2025',
  circular: 'Thông tư số 03/2025/TT-VPCP',
  issuedOn: '2025-06-30',
  effectiveFrom: '2025-07-01',
  source: 'test data',
  templates: {
    ...FORM_SETS[0]!.templates,
    receipt: {
      ...FORM_SETS[0]!.templates.receipt,
      blocks: FORM_SETS[0]!.templates.receipt.blocks.map((b) =>
        b.kind === 'legal-note'
          ? { ...b, text: 'Mẫu số 01 ban hành kèm theo Thông tư số 03/2025/TT-VPCP' }
          : b.kind === 'title'
            ? { ...b, text: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ (MẪU 2025)' }
            : b,
      ),
    },
  },
};
const BOTH = [...FORM_SETS, TT03_2025];

describe('formSetAt', () => {
  it.each([
    ['1975-04-30', null],
    ['2018-11-23', null],
    ['2019-01-05', null],
    ['2019-01-06', DEFAULT_FORM_SET_ID],
    ['2025-06-30', DEFAULT_FORM_SET_ID],
    ['2025-07-01', DEFAULT_FORM_SET_ID],
    ['2026-11-26', DEFAULT_FORM_SET_ID],
  ])('built-in sets on %s: %s', (date, id) => {
    expect(formSetAt(date)?.id ?? null).toBe(id);
  });

  it.each([
    ['2019-01-05', null],
    ['2019-01-06', DEFAULT_FORM_SET_ID],
    ['2025-06-30', DEFAULT_FORM_SET_ID],
    ['2025-07-01', 'tt03-2025'],
    ['2030-01-01', 'tt03-2025'],
  ])('with a 2025 set added as data, on %s: %s', (date, id) => {
    expect(formSetAt(date, BOTH)?.id ?? null).toBe(id);
    expect(formSetAt(date, [...BOTH].reverse())?.id ?? null).toBe(id); // the order of the list does not matter
  });

  it('throws on a string that is not a calendar date', () => {
    expect(() => formSetAt('2025-02-30')).toThrow(RangeError);
    expect(() => formSetAt('06/01/2019')).toThrow(RangeError);
  });

  it('the built-in sets are consistent, and the checker sees a broken list', () => {
    expect(formSetProblems(FORM_SETS)).toEqual([]);
    expect(formSetProblems(BOTH)).toEqual([]);
    const broken = { ...TT03_2025, effectiveFrom: '2019-01-06' };
    expect(formSetProblems([...FORM_SETS, broken])).toEqual([
      'tt03-2025: another set takes effect on 2019-01-06',
    ]);
  });

  it('the receipt entry function prints the new set from its effective date (Vietnam time) on', async () => {
    // 30/06/2025 23:59 in Vietnam, then 01/07/2025 00:00.
    const before = await receiptPdf(sampleReceipt, new Date('2025-06-30T16:59:00Z'), { sets: BOTH });
    const after = await receiptPdf(sampleReceipt, new Date('2025-06-30T17:00:00Z'), { sets: BOTH });
    const [textBefore, textAfter] = await Promise.all(
      [before, after].map(async (p) => flat((await pdfPages(p)).join(' '))),
    );
    expect(textBefore).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ Mã hồ sơ');
    expect(textBefore).toContain('Thông tư số 01/2018/TT-VPCP');
    expect(textAfter).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ (MẪU 2025)');
    expect(textAfter).toContain('Mẫu số 01 ban hành kèm theo Thông tư số 03/2025/TT-VPCP');
    expect(textAfter).not.toContain('01/2018');
  });
});

describe('templates of every set against the values of their purpose', () => {
  const valuesOf: Record<FormPurpose, FormValues> = {
    receipt: receiptValues(sampleReceipt, RECEIVED_AT),
    supplement: supplementValues(sampleSupplement, RECEIVED_AT),
    refusal: refusalValues(sampleRefusal, RECEIVED_AT),
    apology: apologyValues(sampleApology, RECEIVED_AT),
    control: controlSlipValues(sampleControlSlip, RECEIVED_AT),
    book: trackingBookValues(sampleBook, RECEIVED_AT),
  };

  const cases = FORM_SETS.flatMap((set) =>
    FORM_PURPOSES.map((purpose) => [set.id, purpose, set.templates[purpose]] as const),
  );

  it.each(cases)(
    '%s %s: every placeholder names a value the form has',
    (_id, purpose, template: FormTemplate) => {
      const values = valuesOf[purpose];
      const used = placeholdersOf(template);
      expect([...used.values].filter((k) => !Object.hasOwn(values, k))).toEqual([]);
      for (const [table, keys] of used.rows) {
        const rows = values[table] as readonly RowValues[];
        expect(Array.isArray(rows)).toBe(true);
        const rowKeys = new Set(rows.flatMap((r) => Object.keys(r)));
        expect([...keys].filter((k) => !rowKeys.has(k) && !Object.hasOwn(values, k))).toEqual([]);
      }
    },
  );

  it('the 2018 set: the form numbers, paper and legal notes of Circular 01/2018 Art. 9', () => {
    const set = FORM_SETS.find((s) => s.id === DEFAULT_FORM_SET_ID)!;
    const rows = FORM_PURPOSES.map((p) => {
      const t = set.templates[p];
      const note = t.blocks.find((b) => b.kind === 'legal-note');
      return [p, t.number, t.paper, t.orientation, note?.kind === 'legal-note' ? note.text : null];
    });
    const legal = (n: string) => `Mẫu số ${n} ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018`;
    expect(rows).toEqual([
      ['receipt', '01', 'A5', 'portrait', legal('01')],
      ['supplement', '02', 'A5', 'portrait', legal('02')],
      ['refusal', '03', 'A5', 'portrait', legal('03')],
      ['apology', '04', 'A5', 'portrait', legal('04')],
      ['control', '05', 'A5', 'portrait', legal('05')],
      ['book', '06', 'A4', 'landscape', legal('06')],
    ]);
    expect(set.effectiveFrom).toBe('2019-01-06');
  });
});
