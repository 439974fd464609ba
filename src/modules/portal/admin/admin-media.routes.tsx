import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { requireRole } from '../../../http/auth.js';
import { adminPaths, withCsrfToken } from '../../../http/paths.js';
import { formatNumber } from '../../../platform/time.js';
import { ADMIN_AREAS } from '../../../web/admin-nav.js';
import { common } from '../../../web/messages.js';
import { actorOf, renderAdmin, siteOf } from '../../../web/admin-shell.js';
import {
  fieldErrors,
  formValues,
  type FieldErrors,
  type FormValues,
} from '../../../web/components/form-errors.js';
import { adminMessages } from './admin.messages.js';
import { pagination, toMediaViews } from './admin.presenter.js';
import { EditorUploadForm, MediaTextForm, PageQuery } from './admin.schemas.js';
import { MediaPage } from './views/MediaPage.js';
import { checkImageUpload } from './image-upload.js';
import { NotFoundError } from '../../../platform/errors.js';

const PAGE_SIZE = 24;
const f = adminMessages.fields;

/**
 * The image library (upload form without JavaScript) and the editor's upload endpoint, which answers JSON
 * {url, mediaId, alt} for admin.js.
 */
export function mediaAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const { accounts, portalAdmin, config } = deps;
  const guard = { preHandler: requireRole(accounts, ADMIN_AREAS.media.roles) };
  const maxMb = formatNumber(config.uploads.maxBytes / 1024 / 1024, 1);

  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    pageNo: number,
    values: FormValues,
    errors: FieldErrors,
    status?: number,
  ) => {
    const site = siteOf(req);
    const { rows, total } = await portalAdmin.media.listForUnit(site.unit.id, pageNo, PAGE_SIZE);
    if (rows.length === 0 && pageNo > 1) {
      throw new NotFoundError('page_out_of_range', common.errors.pageOutOfRange);
    }
    return renderAdmin(
      req,
      reply,
      deps,
      { title: adminMessages.media.title, area: 'media', status },
      (shell) => (
        <MediaPage
          action={withCsrfToken(adminPaths.media(site.basePath), shell.csrfToken)}
          csrfToken={shell.csrfToken}
          maxMb={maxMb}
          values={values}
          errors={errors}
          items={toMediaViews(rows)}
          pagination={pagination(total, pageNo, PAGE_SIZE, (p) => adminPaths.mediaPage(site.basePath, p))}
        />
      ),
    );
  };

  app.get(adminPaths.media(''), guard, async (req, reply) =>
    page(req, reply, PageQuery.parse(req.query).trang, {}, {}),
  );

  app.post(adminPaths.media(''), guard, async (req, reply) => {
    const site = siteOf(req);
    const values = formValues(req.body);
    const form = MediaTextForm.safeParse(values);
    const upload = checkImageUpload(
      (req.body as Record<string, unknown> | undefined)?.file,
      config.uploads.maxBytes,
    );
    const errors: FieldErrors = {}; // in the order of the form's fields
    if (upload.kind !== 'image') {
      errors.file = upload.kind === 'none' ? f.file_required : f[upload.code];
    }
    if (!form.success) {
      Object.assign(errors, fieldErrors(form.error, f));
    }
    if (!form.success || upload.kind !== 'image') {
      return page(req, reply, 1, values, errors, 422);
    }
    await portalAdmin.media.uploadImage(actorOf(req), site.unit.id, upload.image, form.data, req.ip);
    return reply.redirect(adminPaths.media(site.basePath), 303);
  });

  app.post(adminPaths.mediaUpload(''), guard, async (req, reply) => {
    const site = siteOf(req);
    const body = req.body as Record<string, unknown> | undefined;
    const text = EditorUploadForm.safeParse(formValues(body));
    const upload = checkImageUpload(body?.file, config.uploads.maxBytes);
    if (upload.kind !== 'image' || !text.success) {
      const code =
        upload.kind === 'invalid' ? upload.code : upload.kind === 'none' ? 'file_required' : 'too_long';
      return reply.code(422).send({ error: code, message: f[code] });
    }
    const stored = await portalAdmin.media.uploadImage(
      actorOf(req),
      site.unit.id,
      upload.image,
      text.data,
      req.ip,
    );
    return reply.code(201).send({ url: stored.url, mediaId: stored.id, alt: text.data.alt });
  });
}
