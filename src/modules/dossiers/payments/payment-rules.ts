import { ACTION_RULES, type DossierStatus } from '../dossier-workflow.js';
import type { DossierRow } from '../dossiers.repository.js';

/*
 * When a citizen may pay a dossier's fee online, and when a payment may still record it. Pure.
 */

/**
 * A dossier may be paid online once the one-stop unit has received it and until processing ends (issue #3: "received
 * or later but not ended"): received, processing, awaiting approval, or waiting for a supplement.
 */
export const PAYABLE_STATUSES: readonly DossierStatus[] = [
  'received',
  'processing',
  'awaiting_approval',
  'supplement_requested',
];

/** A paid notification records the fee while staff could still record it by hand (the 'record_fee' action). */
export const RECORDABLE_STATUSES: readonly DossierStatus[] = ACTION_RULES.record_fee.from;

type FeeFacts = Pick<DossierRow, 'code' | 'status' | 'receivedAt' | 'feeVnd' | 'feePaidAt'>;

/**
 * Is there a fee to pay online now? A fixed fee of more than 0 đồng (a per-page fee or one "set by the province" has no
 * amount on the dossier: staff collect it by hand), not recorded yet, on a received dossier that has not ended.
 */
export function feeDueOnline(d: FeeFacts): boolean {
  return (
    d.code !== null &&
    d.receivedAt !== null &&
    d.feeVnd !== null &&
    d.feeVnd > 0 &&
    d.feePaidAt === null &&
    PAYABLE_STATUSES.includes(d.status)
  );
}

/** What the public look-up says about the fee: paid, payable now (a button), or nothing. */
export function publicFeeState(d: FeeFacts, gatewayOn: boolean): 'paid' | 'payable' | null {
  if (d.feePaidAt !== null) {
    return 'paid';
  }
  return gatewayOn && feeDueOnline(d) ? 'payable' : null;
}
