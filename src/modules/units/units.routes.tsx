import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { requireRole } from '../../http/auth.js';
import { adminPaths, assetPaths, withCsrfToken } from '../../http/paths.js';
import { ADMIN_AREAS } from '../../web/admin-nav.js';
import { actorOf, renderAdmin, siteOf } from '../../web/admin-shell.js';
import {
  fieldErrors,
  formValues,
  type FieldErrors,
  type FormValues,
} from '../../web/components/form-errors.js';
import { checkImageUpload } from '../portal/admin/image-upload.js';
import type { UnitRow } from './units.repository.js';
import { unitMessages } from './units.messages.js';
import { PortalSettingsForm } from './units.schemas.js';
import { SettingsPage } from './views/SettingsPage.js';

const m = unitMessages;

function settingsValues(u: UnitRow): FormValues {
  return {
    fullName: u.fullName,
    address: u.address,
    phone: u.phone,
    email: u.email,
    editorName: u.editorName,
    editorTitle: u.editorTitle,
    agencyCode: u.agencyCode ?? '',
    adminCode: u.adminCode ?? '',
  };
}

/**
 * The unit settings page of the admin (portal footer, editor-in-chief, codes, logo). Admins only. The unit's host
 * name is shown but not editable here: it is a deployment setting (`congxa unit set-host`).
 */
export function unitRoutes(app: FastifyInstance, deps: Deps): void {
  const { accounts, units, directory, portalAdmin, config } = deps;
  const guard = { preHandler: requireRole(accounts, ADMIN_AREAS.settings.roles) };

  const page = (
    req: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    errors: FieldErrors,
    status?: number,
  ) => {
    const site = siteOf(req);
    const unit = directory.get(site.unit.id) ?? site.unit;
    const { saved } = req.query as { saved?: string };
    return renderAdmin(req, reply, deps, { title: m.settings.title, area: 'settings', status }, (shell) => (
      <SettingsPage
        action={adminPaths.settings(site.basePath)}
        logoAction={withCsrfToken(adminPaths.settingsLogo(site.basePath), shell.csrfToken)}
        csrfToken={shell.csrfToken}
        values={values}
        errors={errors}
        logo={
          unit.logoPath ? { src: assetPaths.media(unit.logoPath), alt: m.settings.logoAlt(unit.name) } : null
        }
        host={unit.host}
        saved={saved === '1' && !status}
      />
    ));
  };

  app.get(adminPaths.settings(''), guard, async (req, reply) => {
    const unit = siteOf(req).unit;
    return page(req, reply, settingsValues(directory.get(unit.id) ?? unit), {});
  });

  app.post(adminPaths.settings(''), guard, async (req, reply) => {
    const site = siteOf(req);
    const values = formValues(req.body);
    const form = PortalSettingsForm.safeParse(values);
    if (!form.success) {
      return page(req, reply, values, fieldErrors(form.error, m.fields), 422);
    }
    await units.updatePortalSettings(actorOf(req), site.unit.id, form.data, req.ip);
    portalAdmin.pageCache.invalidateUnit(site.unit.id);
    return reply.redirect(`${adminPaths.settings(site.basePath)}?saved=1`, 303);
  });

  app.post(adminPaths.settingsLogo(''), guard, async (req, reply) => {
    const site = siteOf(req);
    const upload = checkImageUpload(
      (req.body as Record<string, unknown> | undefined)?.logo,
      config.uploads.maxBytes,
    );
    if (upload.kind !== 'image') {
      const unit = directory.get(site.unit.id) ?? site.unit;
      const message = upload.kind === 'none' ? m.fields.file_required : m.fields[upload.code];
      return page(req, reply, settingsValues(unit), { logo: message }, 422);
    }
    const actor = actorOf(req);
    const alt = m.settings.logoAlt(site.unit.name);
    const stored = await portalAdmin.media.uploadImage(
      actor,
      site.unit.id,
      upload.image,
      { alt, caption: '' },
      req.ip,
    );
    await units.setLogo(actor, site.unit.id, stored.storageKey, req.ip);
    portalAdmin.pageCache.invalidateUnit(site.unit.id);
    return reply.redirect(`${adminPaths.settings(site.basePath)}?saved=1`, 303);
  });
}
