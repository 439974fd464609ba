import type { AuditLog } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db.js';
import type { StatsRecorder } from '../../stats/stats-recorder.js';
import { DossierRepository } from '../dossiers.repository.js';
import type { PaymentGateway } from './payment-gateway.js';
import { PaymentRepository } from './payments.repository.js';
import { PaymentService } from './payments.service.js';
import { SandboxPaymentGateway } from './sandbox-gateway.js';

export type PaymentsDeps = {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  /** PAYMENT_GATEWAY (config.ts). A real gateway's adapter would be chosen here too (docs/dossiers.md). */
  gateway: 'sandbox' | 'off';
  /** The session secret: the sandbox derives its keys from it (sandbox-gateway.ts). */
  secret: string;
  /** The results recorder: a fee paid online changes indicator 3.6. */
  stats: StatsRecorder;
};

/** Online payment of dossier fees, wired once: the configured gateway and the service over it. */
export class PaymentsModule {
  readonly service: PaymentService;
  /** The sandbox adapter when it is the gateway (its pages are served by payments.routes.tsx); else null. */
  readonly sandbox: SandboxPaymentGateway | null;

  constructor(deps: PaymentsDeps) {
    this.sandbox = deps.gateway === 'sandbox' ? new SandboxPaymentGateway(deps.secret, deps.clock) : null;
    const gateway: PaymentGateway | null = this.sandbox;
    this.service = new PaymentService({
      db: deps.db,
      clock: deps.clock,
      audit: deps.audit,
      gateway,
      dossiers: new DossierRepository(deps.stats),
      repo: new PaymentRepository(),
    });
  }
}
