import { dossierPaths } from '../../http/paths.js';
import type { Tx } from '../../platform/db.js';
import type { DossierNotification } from '../notifications/notifications.service.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { dossierMessages as m } from './dossiers.messages.js';
import type { DossierNotice, DossierNotifier } from './dossiers.service.js';

/*
 * What the citizen is told, and when (issue #3 item 7; Decree 61/2018 Arts. 17, 19, 20): at receipt, at a request to
 * supplement (once, completely), when the result is ready, at an apology with a new appointment, and at a refusal.
 * The messages go into the notification outbox inside the dossier's transaction (notifications module).
 */

type Notify = (trx: Tx, n: DossierNotification) => Promise<unknown>;

/** The absolute address of a dossier's public look-up: the unit's own host, else PUBLIC_URL, else the path alone. */
export function lookupUrlOf(
  directory: UnitDirectory,
  publicUrl: string | undefined,
  unitId: number,
  code: string,
): string {
  const unit = directory.get(unitId);
  if (unit?.host) {
    return `${publicUrl?.startsWith('http://') ? 'http' : 'https'}://${unit.host}${dossierPaths.lookup('', code)}`;
  }
  const base = unit ? directory.basePathOf(unit) : '';
  return `${publicUrl ?? ''}${dossierPaths.lookup(base, code)}`;
}

export function dossierNotifier(deps: {
  directory: UnitDirectory;
  publicUrl: string | undefined;
  notify: Notify;
}): DossierNotifier {
  return async (trx: Tx, n: DossierNotice) => {
    const d = n.dossier;
    if (d.code === null || d.isDemo === 1) {
      return;
    }
    const unit = deps.directory.get(d.unitId);
    const view = {
      unitName: unit?.fullName || unit?.name || '',
      dossierCode: d.code,
      procedureName: d.procedureName,
      applicantName: d.applicantName,
      receivedAt: d.receivedAt ?? d.submittedAt,
      dueAt: d.dueAt ?? d.submittedAt,
      lookupUrl: lookupUrlOf(deps.directory, deps.publicUrl, d.unitId, d.code),
      resultMethod: m.returnMethod[d.returnMethod],
    };
    const reason = n.reason ?? '';
    const base = {
      unitId: d.unitId,
      dossierId: d.id,
      to: { email: d.applicantEmail, phone: d.applicantPhone, zalo: null },
    };
    switch (n.kind) {
      case 'receipt':
      case 'result_ready':
        await deps.notify(trx, { ...base, kind: n.kind, view });
        return;
      case 'supplement':
        await deps.notify(trx, {
          ...base,
          kind: 'supplement',
          view: { ...view, reason, documents: n.documents },
        });
        return;
      case 'apology':
        await deps.notify(trx, { ...base, kind: 'apology', view: { ...view, reason, newDueAt: view.dueAt } });
        return;
      case 'refusal':
        await deps.notify(trx, { ...base, kind: 'refusal', view: { ...view, reason } });
        return;
    }
  };
}
