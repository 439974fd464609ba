import { describe, expect, it } from 'vitest';
import { receiptPdf } from './form-pdfs.js';
import { RECEIVED_AT, sampleReceipt } from './form-samples.js';
import type { FormTemplate } from './form-template.js';
import { flat, pdfInfo, pdfPages, pdfWords } from './pdf-probe.js';
import { cleanValue, renderFormPdf, TemplateError } from './render-pdf.js';

const A5_WIDTH = 419.53;
const MARGIN = 24;

const probe: FormTemplate = {
  purpose: 'receipt',
  number: '99',
  name: 'Thử',
  paper: 'A5',
  orientation: 'portrait',
  blocks: [
    { kind: 'title', text: 'BIỂU MẪU THỬ' },
    { kind: 'paragraph', text: 'Họ tên: **{{name}}**' },
    { kind: 'paragraph', text: 'Ghi chú: {{note}}' },
    { kind: 'paragraph', text: 'Chỉ khi có: {{note}}', when: 'note' },
    {
      kind: 'table',
      rows: 'rows',
      minRows: 2,
      columns: [
        { header: 'TT', width: 1, cell: '{{index}}' },
        { header: 'Nội dung', width: 4, cell: '{{text}}' },
      ],
    },
  ],
};

async function textOf(values: Parameters<typeof renderFormPdf>[1]): Promise<string> {
  return (await pdfPages(await renderFormPdf(probe, values))).join('\n');
}

describe('renderFormPdf', () => {
  it('prints values as text: markup, placeholders and line breaks in a value are not read', async () => {
    const text = await textOf({
      name: 'Nguyễn **Thị** {{note}} Hằng',
      note: 'dòng một\ndòng hai\u0007',
      rows: [{ index: '1', text: '{{name}} <b>&amp;</b>' }],
    });
    expect(text).toContain('Họ tên: Nguyễn **Thị** {{note}} Hằng');
    expect(text).toContain('Ghi chú: dòng một dòng hai');
    expect(text).toContain('{{name}} <b>&amp;</b>');
  });

  it('prints missing values as dotted leaders and leaves out a paragraph whose `when` value is missing', async () => {
    const text = await textOf({ name: 'Nguyễn Thị Hằng', note: '   ', rows: [] });
    expect(text).toContain('Ghi chú: …………');
    expect(text).not.toContain('Chỉ khi có');
    expect(text).toMatch(/TT\s+Nội dung/);
    expect(text.match(/…………/g)?.length).toBeGreaterThanOrEqual(5); // the note and two blank rows
  });

  it('refuses a template that names a value the form does not have', async () => {
    await expect(renderFormPdf(probe, { name: 'A', rows: [] })).rejects.toBeInstanceOf(TemplateError);
    await expect(renderFormPdf(probe, { name: 'A', note: null, rows: 'x' })).rejects.toThrow(/rows/);
    await expect(renderFormPdf(probe, { name: 'A', note: null, rows: [{ index: '1' }] })).rejects.toThrow(
      /\{\{text\}\}/,
    );
  });

  it('normalises values to NFC and strips control characters', () => {
    expect(cleanValue('Nguye\u0302\u0303n')).toBe('Nguyễn');
    expect(cleanValue(' a\r\nb\tc\u2028d ')).toBe('a b c d');
    expect(cleanValue(' \n ')).toBeNull();
    expect(cleanValue(undefined)).toBeNull();
  });

  it('wraps long names, long words and long tables inside the margins', async () => {
    const longName = 'Nguyễn Thị Hằng ' + 'Tôn Nữ Thị Diệu Huyền Trang Hoàng Phủ '.repeat(6);
    const longWord = 'https://tanhong.example.vn/' + 'tra-cuu/'.repeat(20) + 'ho-so';
    const pdf = await receiptPdf(
      {
        ...sampleReceipt,
        applicant: { ...sampleReceipt.applicant, name: longName.trim() },
        documents: Array.from({ length: 30 }, (_, i) => ({
          name: i === 0 ? longWord : `Giấy tờ số ${i + 1} của hồ sơ ỹ ự ở ẵ đ`,
          copies: 1,
          original: true,
        })),
      },
      RECEIVED_AT,
    );
    const [words, info, pages] = await Promise.all([pdfWords(pdf), pdfInfo(pdf), pdfPages(pdf)]);
    expect(info.pages).toBeGreaterThan(1);
    const outside = words.filter((w) => w.xMax > A5_WIDTH - MARGIN + 0.5 || w.xMin < MARGIN - 0.5);
    expect(outside).toEqual([]);
    const all = flat(pages.join('\n'));
    expect(all).toContain(`Ông/Bà ${longName.trim()}`);
    // The word breaks after hyphens and slashes; its row's other cells are read between its first two lines.
    expect(all.replace(/ /g, '').replace('Bảnchính1', '')).toContain(longWord);
    expect(all).toContain('Giấy tờ số 30 của hồ sơ');
  });
});
