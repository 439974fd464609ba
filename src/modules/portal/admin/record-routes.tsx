import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { JSX } from 'preact';
import type { ZodType } from 'zod';
import type { Deps } from '../../../deps.js';
import { adminPaths } from '../../../http/paths.js';
import { ConflictError, FieldError } from '../../../platform/errors.js';
import type { Actor } from '../../accounts/actor.js';
import type { AdminArea } from '../../../web/admin-nav.js';
import { actorOf, renderAdmin, siteOf } from '../../../web/admin-shell.js';
import {
  fieldErrors,
  formValues,
  type FieldErrors,
  type FormValues,
} from '../../../web/components/form-errors.js';
import { adminMessages } from './admin.messages.js';
import { IdParams } from './admin.schemas.js';
import { ConfirmDeletePage } from './views/ConfirmDeletePage.js';
import type { RecordFormView } from './views/record-form-view.js';

/** Where a record of the admin lives: its list, new form, edit form and delete confirmation. */
export type RecordPaths = {
  list: (base: string) => string;
  create: (base: string) => string;
  edit: (base: string, id: number) => string;
  remove: (base: string, id: number) => string;
};

/**
 * Runs a save and answers 303 to `doneHref`; a FieldError from the service shows the form again (422) with its
 * message at the field.
 */
export async function saveOrShowErrors(
  reply: FastifyReply,
  run: () => Promise<unknown>,
  showErrors: (errors: FieldErrors) => FastifyReply | Promise<FastifyReply>,
  doneHref: string,
): Promise<FastifyReply> {
  try {
    await run();
  } catch (err) {
    if (err instanceof FieldError) {
      return showErrors({ [err.field]: err.message });
    }
    throw err;
  }
  return reply.redirect(doneHref, 303);
}

export type RecordFormSpec<T> = {
  area: AdminArea;
  /** The route of the edit form, e.g. '/quan-tri/chuyen-muc/:id'. */
  editRoute: string;
  paths: RecordPaths;
  messages: { newTitle: string; editTitle: string };
  /** Load the rich-text editor on the form. */
  editor?: boolean;
  schema: ZodType<T>;
  blank: FormValues;
  /** The stored record's form values; a NotFoundError for an id of another unit. */
  load: (unitId: number, id: number) => Promise<FormValues>;
  save: (actor: Actor, unitId: number, id: number | null, data: T, ip: string) => Promise<unknown>;
  Form: (props: RecordFormView) => JSX.Element;
};

/**
 * GET and POST of a record's new and edit forms: the form, then 303 to the list, or 422 with the user's input and
 * the messages at their fields. An unknown id is a 404 before the posted form is read.
 */
export function recordFormRoutes<T>(
  app: FastifyInstance,
  deps: Deps,
  guard: RouteShorthandOptions,
  spec: RecordFormSpec<T>,
): void {
  const { paths, messages: m, Form } = spec;
  const formPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number | null,
    values: FormValues,
    errors: FieldErrors,
    status?: number,
  ) => {
    const base = siteOf(req).basePath;
    const heading = id === null ? m.newTitle : m.editTitle;
    const page = { title: heading, area: spec.area, editor: spec.editor, status };
    return renderAdmin(req, reply, deps, page, (shell) => (
      <Form
        heading={heading}
        action={id === null ? paths.create(base) : paths.edit(base, id)}
        csrfToken={shell.csrfToken}
        uploadUrl={adminPaths.mediaUpload(base)}
        values={values}
        errors={errors}
        backHref={paths.list(base)}
        deleteHref={id === null ? null : paths.remove(base, id)}
      />
    ));
  };

  const save = async (req: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const site = siteOf(req);
    const values = formValues(req.body);
    const form = spec.schema.safeParse(values);
    if (!form.success) {
      return formPage(req, reply, id, values, fieldErrors(form.error, adminMessages.fields), 422);
    }
    return saveOrShowErrors(
      reply,
      () => spec.save(actorOf(req), site.unit.id, id, form.data, req.ip),
      (errors) => formPage(req, reply, id, values, errors, 422),
      paths.list(site.basePath),
    );
  };

  app.get(paths.create(''), guard, async (req, reply) => formPage(req, reply, null, spec.blank, {}));
  app.post(paths.create(''), guard, async (req, reply) => save(req, reply, null));
  app.get(spec.editRoute, guard, async (req, reply) => {
    const { id } = IdParams.parse(req.params);
    return formPage(req, reply, id, await spec.load(siteOf(req).unit.id, id), {});
  });
  app.post(spec.editRoute, guard, async (req, reply) => {
    const { id } = IdParams.parse(req.params);
    await spec.load(siteOf(req).unit.id, id);
    return save(req, reply, id);
  });
}

export type RecordDeleteSpec = {
  area: AdminArea;
  /** The route of the confirmation, e.g. '/quan-tri/chuyen-muc/:id/xoa'. */
  route: string;
  paths: RecordPaths;
  messages: { deleteTitle: string; deleteConfirm: string; deleteYes: string };
  /** The record's title for the confirmation; a NotFoundError for an id of another unit. */
  titleOf: (unitId: number, id: number) => Promise<string>;
  remove: (actor: Actor, unitId: number, id: number, ip: string) => Promise<void>;
};

/**
 * GET and POST of a record's delete confirmation: 303 to the list once removed; a ConflictError (the record is
 * still in use) shows the confirmation again with the reason and no button (409).
 */
export function recordDeleteRoutes(
  app: FastifyInstance,
  deps: Deps,
  guard: RouteShorthandOptions,
  spec: RecordDeleteSpec,
): void {
  const { paths, messages: m } = spec;
  const confirmPage = async (req: FastifyRequest, reply: FastifyReply, refusal?: string) => {
    const site = siteOf(req);
    const { id } = IdParams.parse(req.params);
    const itemTitle = await spec.titleOf(site.unit.id, id);
    const page = { title: m.deleteTitle, area: spec.area, status: refusal ? 409 : undefined };
    return renderAdmin(req, reply, deps, page, (shell) => (
      <ConfirmDeletePage
        heading={m.deleteTitle}
        itemTitle={itemTitle}
        question={m.deleteConfirm}
        yes={m.deleteYes}
        action={paths.remove(site.basePath, id)}
        backHref={paths.edit(site.basePath, id)}
        csrfToken={shell.csrfToken}
        refusal={refusal}
      />
    ));
  };

  app.get(spec.route, guard, async (req, reply) => confirmPage(req, reply));
  app.post(spec.route, guard, async (req, reply) => {
    const site = siteOf(req);
    const { id } = IdParams.parse(req.params);
    try {
      await spec.remove(actorOf(req), site.unit.id, id, req.ip);
    } catch (err) {
      if (err instanceof ConflictError) {
        return confirmPage(req, reply, err.message);
      }
      throw err;
    }
    return reply.redirect(paths.list(site.basePath), 303);
  });
}
