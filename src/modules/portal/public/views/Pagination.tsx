/** The portal's pager is the shared one (also used by the admin lists). */
export { Pagination } from '../../../../web/components/Pagination.js';
