import { describe, expect, it } from 'vitest';
import { formatSize, toDocumentFields } from './online.presenter.js';
import type { OnlineProcedure } from './online.service.js';

describe('toDocumentFields', () => {
  const procedure = {
    documents: [
      { name: 'Tờ khai', original: true, required: true },
      { name: 'Giấy tờ về hôn nhân trước đây (nếu có)', original: null, required: false },
      { name: 'Văn bản ủy quyền', original: false, required: false },
    ],
  } as unknown as OnlineProcedure; // only the documents are read

  it('labels each document once as required or optional, with its kind, and shows the file kept', () => {
    const fields = toDocumentFields(procedure, [
      {
        document: 1,
        documentName: '',
        fileName: 'hon-nhan.pdf',
        mime: 'application/pdf',
        size: 350_000,
        storageKey: 'k',
      },
    ]);
    expect(fields.map((f) => [f.field, f.label, f.uploaded])).toEqual([
      ['doc-0', 'Tờ khai (bản chính) (bắt buộc)', null],
      ['doc-1', 'Giấy tờ về hôn nhân trước đây (nếu có)', { fileName: 'hon-nhan.pdf', size: '342 KB' }],
      ['doc-2', 'Văn bản ủy quyền (bản sao) (nếu có)', null],
    ]);
  });
});

describe('formatSize', () => {
  it('says KB below a megabyte and MB with one decimal above', () => {
    expect([formatSize(10), formatSize(350_000), formatSize(1_258_291)]).toEqual([
      '1 KB',
      '342 KB',
      '1,2 MB',
    ]);
  });
});
