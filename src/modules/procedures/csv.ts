/**
 * A small RFC 4180 reader (pure): fields separated by commas, records by CRLF or LF, fields in double quotes may hold
 * commas, line breaks and doubled quotes (""). A UTF-8 byte-order mark at the start is dropped. Each record carries
 * the line it starts on, so that import reports can name the row a spreadsheet shows.
 */
export type CsvRecord = { line: number; fields: string[] };
export type CsvResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; error: 'unclosed_quote' | 'quote_in_field' };

export function parseCsv(text: string): CsvResult {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let afterQuote = false;
  let quoteLine = 1;

  const endRecord = () => {
    fields.push(field);
    // A record that is one empty field is a blank line: skipped.
    if (!(fields.length === 1 && fields[0] === '')) {
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    afterQuote = false;
  };

  while (i < s.length) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i++;
        continue;
      }
      if (c === '\n') {
        line++;
      }
      field += c;
      i++;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else if (c === '"') {
      if (field !== '' || afterQuote) {
        return { ok: false, line, error: 'quote_in_field' };
      }
      quoted = true;
      quoteLine = line;
      i++;
    } else {
      if (afterQuote) {
        return { ok: false, line, error: 'quote_in_field' };
      }
      field += c;
      i++;
    }
  }
  if (quoted) {
    return { ok: false, line: quoteLine, error: 'unclosed_quote' };
  }
  if (field !== '' || fields.length > 0 || afterQuote) {
    endRecord();
  }
  return { ok: true, records };
}
