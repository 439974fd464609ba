import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { StatsRecorder } from './stats-recorder.js';
import { StatsRepository } from './stats.repository.js';
import { StatsService, type HistorySource } from './stats.service.js';
import { WidgetRenderer } from './widget-html.js';

export type StatsModuleDeps = {
  db: Db;
  clock: Clock;
  directory: UnitDirectory;
  /** The dossiers' event logs (the dossiers module), read by a rebuild and by `congxa stats verify`. */
  histories: HistorySource;
};

/** The results of administrative procedures, wired once (docs/statistics.md). */
export class StatsModule {
  readonly repo = new StatsRepository();
  /** Given to the dossiers repository: keeps the aggregates current in each dossier transaction. */
  readonly recorder: StatsRecorder;
  readonly service: StatsService;
  /** The portal sidebar's widget, rendered once per change of its figures. */
  readonly widgetHtml: WidgetRenderer;

  constructor(readonly deps: StatsModuleDeps) {
    this.recorder = new StatsRecorder(this.repo, (unitId) => deps.directory.parentsOf(unitId));
    this.service = new StatsService({ ...deps, repo: this.repo, recorder: this.recorder });
    this.widgetHtml = new WidgetRenderer(this.service);
  }
}
