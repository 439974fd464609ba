/**
 * The seed notices: seed/vn-civil-service-holidays.json (copied from the shared reference data), parsed and checked
 * once at import. The next slice stores them in the database for the province admin to edit; this is the seed and the
 * fixture the calendar tests use. (The folder is seed/, not data/: data/ is git-ignored as the runtime data directory.)
 */
import seedFile from './seed/vn-civil-service-holidays.json' with { type: 'json' };
import { type NoticeFile, noticeSourceOf, parseNoticeFile, type NoticeSource } from './notices.js';

export const SEED_NOTICE_FILE: NoticeFile = parseNoticeFile(seedFile);

export const SEED_NOTICES: NoticeSource = noticeSourceOf(SEED_NOTICE_FILE);
