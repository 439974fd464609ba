import type { Db } from '../../platform/db.js';
import { FieldError } from '../../platform/errors.js';
import { addDays, dayNumberOf, instantAt, isLocalDate, type LocalDate } from '../calendar/local-time.js';
import type { DossierRepository } from './dossiers.repository.js';
import { dossierMessages as m } from './dossiers.messages.js';
import type { TrackingBookRow } from './forms/form-views.js';

/*
 * The tracking book (Sổ theo dõi hồ sơ, Mẫu 06 of Circular 01/2018/TT-VPCP) of a unit for a period of local dates:
 * one line per dossier received, numbered continuously through the year (Art. 10: the register's numbers never
 * restart in mid-year).
 */

/** The longest period one book covers (one year) and the most lines it prints. */
export const BOOK_MAX_DAYS = 366;
export const BOOK_MAX_ROWS = 20_000;

export type BookPeriod = { from: LocalDate; to: LocalDate };

/** The period asked for (?tu=&den=, YYYY-MM-DD); defaults: the month of `today` so far. */
export function bookPeriodOf(from: string, to: string, today: LocalDate): BookPeriod {
  const f = from === '' ? `${today.slice(0, 7)}-01` : from;
  const t = to === '' ? today : to;
  if (!isLocalDate(f)) {
    throw new FieldError('tu', 'book_from', m.book.date);
  }
  if (!isLocalDate(t)) {
    throw new FieldError('den', 'book_to', m.book.date);
  }
  if (t < f || dayNumberOf(t) - dayNumberOf(f) >= BOOK_MAX_DAYS || t.slice(0, 4) !== f.slice(0, 4)) {
    throw new FieldError('den', 'book_period', m.book.period);
  }
  return { from: f, to: t };
}

export async function trackingBookRows(
  db: Db,
  repo: DossierRepository,
  unit: { id: number; name: string },
  period: BookPeriod,
): Promise<TrackingBookRow[]> {
  const yearStart = instantAt(`${period.from.slice(0, 4)}-01-01`, 0).toISOString();
  const from = instantAt(period.from, 0).toISOString();
  const to = instantAt(addDays(period.to, 1), 0).toISOString();
  const [before, rows] = await Promise.all([
    repo.countReceived(db, unit.id, yearStart, from),
    repo.bookRows(db, unit.id, from, to, BOOK_MAX_ROWS),
  ]);
  return rows.map((r, i) => ({
    sequence: before + i + 1,
    dossierCode: r.code ?? '',
    procedureName: r.procedureName,
    sets: r.sets,
    applicantName: r.applicantName,
    applicantAddress: r.applicantAddress || null,
    applicantPhone: r.applicantPhone,
    leadAgency: unit.name,
    receivedAt: new Date(r.receivedAt!), // filtered on receivedAt
    dueAt: new Date(r.dueAt ?? r.receivedAt!),
    transferredAt: r.transferredAt ? new Date(r.transferredAt) : null,
    resultReceivedAt: r.resultReceivedAt ? new Date(r.resultReceivedAt) : null,
    returnedAt: r.returnedAt ? new Date(r.returnedAt) : null,
    note: r.status === 'returned' || r.status === 'done' ? null : m.status[r.status],
  }));
}
