import type { LocalDate } from '../calendar/local-time.js';

/*
 * The dossier code (mã hồ sơ) of Circular 01/2018/TT-VPCP Art. 19 and Decree 61/2018 Art. 26 (domain.md §1.3):
 * `<identifier code of the receiving unit>-YYMMDD-XXXX`, the receipt date in Vietnam time and a 4-digit daily
 * sequence per unit. The sequence itself comes from the database (DossierRepository.nextSequence), one per unit and
 * day, incremented inside the intake transaction so that concurrent intakes never share a number.
 */

/**
 * `000.00.13.H12-260210-0001`. Above 9 999 dossiers in a day the number simply grows a digit (the Circular fixes four
 * digits; no commune comes near, and a longer number is better than a duplicate).
 */
export function formatDossierCode(agencyCode: string, receiptDate: LocalDate, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(`Dossier sequence must be a positive integer: ${sequence}`);
  }
  const yymmdd = receiptDate.slice(2, 4) + receiptDate.slice(5, 7) + receiptDate.slice(8, 10);
  return `${agencyCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

/** The shape a citizen may type into the look-up form (case-insensitive, spaces trimmed). */
export const DOSSIER_CODE_PATTERN = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}-\d{6}-\d{4,6}$/;

export function normaliseDossierCode(input: string): string | null {
  const s = input.trim().toUpperCase();
  return DOSSIER_CODE_PATTERN.test(s) ? s : null;
}
