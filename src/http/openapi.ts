/**
 * The OpenAPI 3.1 description of congxa's JSON API, served at GET /api/openapi.json and drawn as an HTML page at
 * GET /api/docs (http/api-docs.routes.tsx). Written by hand, beside each module's routes, and merged here.
 *
 * How a module describes its operations (see docs/api.md, "Adding operations"):
 *
 *  1. Beside its routes, `src/modules/<module>/<module>.openapi.ts` exports an `ApiDescription`: a tag, the path
 *     items keyed by the OpenAPI path (`/api/v1/dossiers/{id}`, the Fastify route `/api/v1/dossiers/:id`), and the
 *     schemas they name (English PascalCase names, referred to with `ref('Dossier')`). Helpers below give the
 *     common parts: `jsonContent`, `errorResponse`, `STAFF_SECURITY` with `AUTH_ERRORS` for routes guarded by
 *     `requireApiRole`, and `zodSchema` to turn a zod schema the route already parses with into JSON Schema.
 *  2. Add it to `API_DESCRIPTIONS` in `src/http/openapi-registry.ts`.
 *
 * A test (api-docs.routes.test.ts) fails while any route the app registers under /api/v1 is not in the document,
 * and while the document names an operation no route serves.
 */
import type { RouteOptions } from 'fastify';
import { z } from 'zod';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it). Loose on purpose: the renderer reads the common keywords. */
export type JsonSchema = {
  $ref?: string;
  type?: string | readonly string[];
  format?: string;
  description?: string;
  enum?: readonly unknown[];
  const?: unknown;
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  allOf?: readonly JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  examples?: readonly unknown[];
  [keyword: string]: unknown;
};

export type MediaType = { schema: JsonSchema; example?: unknown };

export type ApiParameter = {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  description: string;
  schema: JsonSchema;
  example?: unknown;
};

export type ApiResponse = {
  description: string;
  headers?: Readonly<Record<string, { description: string; schema: JsonSchema }>>;
  content?: Readonly<Record<string, MediaType>>;
};

export type ApiOperation = {
  operationId: string;
  summary: string;
  description?: string;
  tags?: readonly string[];
  parameters?: readonly ApiParameter[];
  requestBody?: { required?: boolean; description?: string; content: Readonly<Record<string, MediaType>> };
  responses: Readonly<Record<string, ApiResponse>>;
  /** `STAFF_SECURITY` for a route guarded by requireApiRole; absent = public. */
  security?: ReadonlyArray<Readonly<Record<string, readonly string[]>>>;
};

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type ApiPathItem = Partial<Record<HttpMethod, ApiOperation>>;

/** What one module contributes to the document. */
export type ApiDescription = {
  tag: { name: string; description: string };
  paths: Readonly<Record<string, ApiPathItem>>;
  schemas?: Readonly<Record<string, JsonSchema>>;
};

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: {
    title: string;
    version: string;
    description: string;
    license: { name: string; identifier: string };
  };
  servers?: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, ApiPathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string }>;
  };
};

/** A reference to a schema of the document's components. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** The schema name a `$ref` points to, or undefined. */
export const refName = (s: JsonSchema): string | undefined =>
  s.$ref?.startsWith('#/components/schemas/') ? s.$ref.slice('#/components/schemas/'.length) : undefined;

/** `content` of a JSON request or response. */
export const jsonContent = (schema: JsonSchema, example?: unknown): Record<string, MediaType> => ({
  'application/json': example === undefined ? { schema } : { schema, example },
});

/** An error answer: the shared `Error` schema, with an example. */
export const errorResponse = (description: string, example: Record<string, unknown>): ApiResponse => ({
  description,
  content: jsonContent(ref('Error'), example),
});

/** The security requirement of a route guarded by requireApiRole: an API token (or a staff session). */
export const STAFF_SECURITY = [{ bearerAuth: [] }] as const;

/** The 401 and 403 answers of requireApiRole (http/auth.ts), to spread into an operation's responses. */
export const AUTH_ERRORS: Readonly<Record<string, ApiResponse>> = {
  '401': {
    ...errorResponse('Thiếu khóa API, hoặc khóa không hợp lệ, đã hết hạn, đã bị thu hồi.', {
      error: 'invalid_token',
      message: 'Khóa API không hợp lệ, đã hết hạn, đã bị thu hồi hoặc tài khoản đã bị khóa.',
    }),
    headers: {
      'WWW-Authenticate': {
        description: 'Bearer realm="congxa" (và error="invalid_token" khi khóa bị từ chối)',
        schema: { type: 'string' },
      },
    },
  },
  '403': errorResponse('Tài khoản của khóa không có vai trò cần thiết tại đơn vị.', {
    error: 'role_required',
    message: 'Tài khoản của khóa API này không có vai trò cần thiết tại đơn vị này.',
  }),
};

/**
 * JSON Schema of a zod schema, for a route that parses its input (io 'input') or shapes its answer (io 'output')
 * with zod: one source for the check and the description. Parts zod cannot express (transforms) become `{}`.
 */
export function zodSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** `{ error, message, field?, fields? }`: every error answer of the API. */
const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'Lỗi: mã ổn định (snake_case, để máy đọc) và thông báo tiếng Việt (để người đọc).',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'Mã lỗi ổn định, ví dụ invalid_request, invalid_token.' },
    message: { type: 'string', description: 'Thông báo tiếng Việt.' },
    field: { type: 'string', description: 'Tham số hoặc trường gây lỗi, khi chỉ có một.' },
    fields: {
      type: 'object',
      description: 'Thông báo theo từng tham số hoặc trường, khi có nhiều.',
      additionalProperties: { type: 'string' },
    },
    reference: { type: 'string', description: 'Mã tham chiếu của lỗi hệ thống (500), để báo quản trị viên.' },
  },
};

/** Fastify's `/api/v1/dossiers/:id` as OpenAPI's `/api/v1/dossiers/{id}` (a regexp after a parameter dropped). */
export const openApiPath = (route: string): string =>
  route.replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, (_m, name: string) => `{${name}}`);

/**
 * Merges the modules' descriptions into one document. Two modules describing the same operation, or one schema
 * name with two meanings, is a programming error and throws.
 */
export function buildOpenApiDocument(opts: {
  version: string;
  publicUrl?: string;
  descriptions: readonly ApiDescription[];
}): OpenApiDocument {
  const paths: Record<string, ApiPathItem> = {};
  const schemas: Record<string, JsonSchema> = { Error: ERROR_SCHEMA };
  for (const d of opts.descriptions) {
    for (const [path, item] of Object.entries(d.paths)) {
      const merged: ApiPathItem = { ...paths[path] };
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!op) {
          continue;
        }
        if (merged[method]) {
          throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is described twice`);
        }
        merged[method] = { ...op, tags: op.tags ?? [d.tag.name] };
      }
      paths[path] = merged;
    }
    for (const [name, schema] of Object.entries(d.schemas ?? {})) {
      if (schemas[name] && JSON.stringify(schemas[name]) !== JSON.stringify(schema)) {
        throw new Error(`OpenAPI: schema ${name} is defined twice, differently`);
      }
      schemas[name] = schema;
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'congxa API',
      version: opts.version,
      description:
        'API JSON của congxa. Các API công khai không cần xác thực; API dành cho cán bộ cần khóa API ' +
        '(Authorization: Bearer <khóa>, tạo bằng lệnh "congxa token create" hoặc tại trang tài khoản trong ' +
        'Quản trị). Đơn vị của yêu cầu là đơn vị của tên miền, hoặc của tiền tố /<mã-đơn-vị>/api/…, nếu không ' +
        'thì là đơn vị mặc định.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    ...(opts.publicUrl ? { servers: [{ url: opts.publicUrl, description: 'Máy chủ của cổng' }] } : {}),
    tags: opts.descriptions.map((d) => d.tag),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'Khóa API của tài khoản cán bộ (cx_…), gửi trong tiêu đề Authorization: Bearer <khóa>. Khóa mang ' +
            'đúng các vai trò của tài khoản tại đơn vị của yêu cầu.',
        },
      },
    },
  };
}

/**
 * The routes the app registers under /api/ (an onRoute hook, app.tsx), as `METHOD /openapi/path`, so a test can
 * hold them against the document. Fastify's automatic HEAD routes are left out.
 */
export class ApiRouteLog {
  readonly routes: string[] = [];

  readonly onRoute = (route: RouteOptions): void => {
    if (!route.url.startsWith('/api/')) {
      return;
    }
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      if (method !== 'HEAD') {
        this.routes.push(`${method} ${openApiPath(route.url)}`);
      }
    }
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The /api/ routes registered (http/openapi.ts, ApiRouteLog). */
    apiRoutes: ApiRouteLog;
  }
}
