import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../platform/errors.js';
import type { Csrf } from './csrf.js';
import { refuseCsrf } from './csrf-refusal.js';
import { HttpError } from './http-error.js';
import { httpMessages as m } from './http.messages.js';
import { adminPaths, citizenPaths, dossierPaths, procedureAdminPaths, procedurePaths } from './paths.js';

/**
 * A file field of a multipart form, as the route sees it in `req.body`. `truncated`: the file was larger than
 * UPLOAD_MAX_MB, so `data` holds only its first UPLOAD_MAX_MB + 1 bytes (enough for the route to say "too large" at
 * the field, keeping the rest of the form).
 */
export type UploadedFile = { filename: string; mimetype: string; data: Buffer; truncated: boolean };

/** The file fields of the online form (dossiers/online.routes.tsx): `doc-<index of the procedure's document>`. */
export const ONLINE_FILE_FIELDS: readonly string[] = Array.from({ length: 50 }, (_, i) => `doc-${i}`);
/** Files one online submission request may carry; more are added by saving the draft and sending again. */
export const ONLINE_MAX_FILES = 6;

type UploadRoute = { url: string; fileFields: readonly string[]; maxFiles?: number };

/**
 * The only routes that take multipart bodies, with the file fields of their form (one file each) and, where a form
 * has many file fields, how many of them may hold a file in one request (`maxFiles`, so that the memory one request
 * can take stays bounded). Every other route refuses multipart with 415 before a byte of the body is read. On these
 * routes the route's own guard (a staff role, or a signed-in citizen for online submission) and the CSRF token
 * (x-csrf-token header or `_csrf` query parameter, the forms put it in their action URL) are checked before the body
 * is read, so an anonymous or forged request cannot make the server buffer files.
 */
export const UPLOAD_ROUTES: ReadonlyArray<UploadRoute> = [
  { url: adminPaths.articleNew(''), fileFields: ['coverFile'] },
  { url: '/quan-tri/bai-viet/:id', fileFields: ['coverFile'] },
  { url: adminPaths.media(''), fileFields: ['file'] },
  { url: adminPaths.mediaUpload(''), fileFields: ['file'] },
  { url: adminPaths.settingsLogo(''), fileFields: ['logo'] },
  { url: procedurePaths.adminImport(''), fileFields: ['file'] },
  // The template file (PDF, DOC, DOCX, ODT) of one document of a procedure.
  { url: procedureAdminPaths.templates('', ':code'), fileFields: ['file'] },
  // One scan per document of the procedure (staff/staff.routes.tsx INTAKE_FILE_FIELDS).
  { url: dossierPaths.adminIntake(''), fileFields: Array.from({ length: 8 }, (_, i) => `file${i}`) },
  { url: '/quan-tri/ho-so/:id/ket-qua', fileFields: ['result'] },
  // Online submission: one file per document of the procedure, at most ONLINE_MAX_FILES of them per request.
  { url: citizenPaths.online('', ':code'), fileFields: ONLINE_FILE_FIELDS, maxFiles: ONLINE_MAX_FILES },
];

/** Text fields a form may send; the article form has about fifteen. */
const MAX_FIELDS = 50;
/** Longest text field: the article body is at most 500 000 characters (admin.schemas.ts), up to 3 bytes each. */
const MAX_FIELD_BYTES = 1_600_000;

type Guard = (req: FastifyRequest, reply: FastifyReply) => unknown;

const isMultipart = (req: FastifyRequest): boolean =>
  (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');

const isFastifyStyleError = (err: unknown): boolean =>
  err instanceof AppError || (err instanceof Error && 'statusCode' in err);

export class Uploads {
  private readonly routes = new Map<
    string,
    { fileFields: readonly string[]; maxFiles: number; guards: Guard[] }
  >();

  constructor(
    private readonly csrf: Csrf,
    private readonly maxFileBytes: number,
  ) {}

  /**
   * onRoute hook: remembers the role guard (preHandler) of each upload route so that it can run before the body is
   * read. An upload route without a guard is a programming error and stops the start.
   */
  readonly onRoute = (route: RouteOptions): void => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const spec = UPLOAD_ROUTES.find((r) => r.url === route.url);
    if (!spec || !methods.includes('POST')) {
      return;
    }
    const pre = route.preHandler;
    const guards = (Array.isArray(pre) ? pre : pre ? [pre] : []) as Guard[];
    if (guards.length === 0) {
      throw new Error(`upload route ${route.url} has no role guard (preHandler)`);
    }
    this.routes.set(route.url, {
      fileFields: spec.fileFields,
      maxFiles: spec.maxFiles ?? spec.fileFields.length,
      guards,
    });
  };

  /** After the routes are registered: every entry of UPLOAD_ROUTES names a real POST route with a guard. */
  assertComplete(): void {
    const missing = UPLOAD_ROUTES.filter((r) => !this.routes.has(r.url)).map((r) => r.url);
    if (missing.length > 0) {
      throw new Error(`UPLOAD_ROUTES lists routes that do not exist: ${missing.join(', ')}`);
    }
  }

  private routeOf(req: FastifyRequest) {
    return req.method === 'POST' ? this.routes.get(req.routeOptions.url ?? '') : undefined;
  }

  /**
   * onRequest hook (after cookies are parsed and the unit resolved): a multipart request to a route that takes no
   * files is a 415; to an upload route it must pass the route's guard and the CSRF check first.
   */
  readonly gate = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!isMultipart(req) || req.method === 'GET' || req.method === 'HEAD') {
      return undefined;
    }
    // Any refusal below closes the connection once answered, so the unread body is not drained either.
    reply.header('connection', 'close');
    const route = this.routeOf(req);
    if (!route) {
      throw new HttpError(415, 'multipart_not_accepted', m.multipartNotHere);
    }
    for (const guard of route.guards) {
      await guard.call(req.server, req, reply);
      if (reply.sent) {
        return reply;
      }
    }
    if (!this.csrf.verify(req)) {
      return refuseCsrf(reply);
    }
    reply.removeHeader('connection');
    return undefined;
  };

  /**
   * preValidation hook: reads the multipart body of an upload route into `req.body` (text fields as strings, a
   * field sent twice as an array, each file field as an UploadedFile). At most one file per declared file field,
   * each kept to UPLOAD_MAX_MB + 1 bytes; anything else is refused with 413/400 and a message that says which.
   */
  readonly parse = async (req: FastifyRequest): Promise<void> => {
    const route = this.routeOf(req);
    if (!route || !isMultipart(req)) {
      return;
    }
    const body: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    try {
      const parts = req.parts({
        limits: {
          files: route.fileFields.length,
          fields: MAX_FIELDS,
          parts: MAX_FIELDS + route.fileFields.length,
          fileSize: this.maxFileBytes + 1,
          fieldSize: MAX_FIELD_BYTES,
        },
      }); // throwFileSizeLimit: false is set where the plugin is registered (app.tsx)
      for await (const part of parts) {
        if (part.type === 'file') {
          await this.takeFile(part, route, body);
        } else {
          addField(part, body);
        }
      }
    } catch (err) {
      // busboy's own errors ("Multipart: Boundary not found", "Unexpected end of multipart data") are plain Errors.
      throw isFastifyStyleError(err) ? err : new HttpError(400, 'malformed_multipart', m.malformedForm);
    }
    req.body = { ...body };
  };

  private async takeFile(
    part: MultipartFile,
    route: { fileFields: readonly string[]; maxFiles: number },
    body: Record<string, unknown>,
  ): Promise<void> {
    if (!route.fileFields.includes(part.fieldname) || body[part.fieldname] !== undefined) {
      part.file.resume(); // let busboy go on to the end of the body; the request is refused
      throw new HttpError(413, 'too_many_files', m.tooManyFiles);
    }
    const data = await part.toBuffer();
    if (data.length > 0 && filledFiles(body) >= route.maxFiles) {
      throw new HttpError(413, 'too_many_files', m.tooManyFilesAtOnce(route.maxFiles));
    }
    const file: UploadedFile = {
      filename: part.filename,
      mimetype: part.mimetype,
      data,
      truncated: part.file.truncated || data.length > this.maxFileBytes,
    };
    body[part.fieldname] = file;
  }
}

/** The file fields already read that hold a file (a file input left empty sends an empty part). */
const filledFiles = (body: Record<string, unknown>): number =>
  Object.values(body).filter(
    (v) => v instanceof Object && 'data' in v && Buffer.isBuffer(v.data) && v.data.length > 0,
  ).length;

function addField(part: MultipartValue, body: Record<string, unknown>): void {
  if (part.valueTruncated || part.fieldnameTruncated) {
    throw new HttpError(413, 'field_too_long', m.fieldTooLong);
  }
  const value = typeof part.value === 'string' ? part.value : String(part.value);
  const previous = body[part.fieldname];
  if (previous === undefined) {
    body[part.fieldname] = value;
  } else if (Array.isArray(previous)) {
    previous.push(value);
  } else {
    body[part.fieldname] = [previous, value];
  }
}
