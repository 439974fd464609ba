import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { addUnit } from '../../test/staff.js';
import { API_DESCRIPTIONS } from './openapi-registry.js';
import {
  buildOpenApiDocument,
  HTTP_METHODS,
  refName,
  type ApiDescription,
  type JsonSchema,
  type OpenApiDocument,
} from './openapi.js';

let t: TestApp;
let doc: OpenApiDocument;

beforeAll(async () => {
  t = await buildTestApp();
  await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('application/json');
  doc = res.json<OpenApiDocument>();
});
afterAll(async () => {
  await t.close();
});

const operationsOf = (d: OpenApiDocument) =>
  Object.entries(d.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
  );

/** Every value a schema (and the schemas it refers to) allows: the keywords the API's descriptions use. */
function conforms(schema: JsonSchema, value: unknown, at = '$'): string[] {
  const name = refName(schema);
  if (name) {
    const target = doc.components.schemas[name];
    return target ? conforms(target, value, at) : [`${at}: no schema ${name}`];
  }
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const kind =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'array'
        : Number.isInteger(value)
          ? 'integer'
          : typeof value;
  if (types.length > 0 && !types.includes(kind) && !(kind === 'integer' && types.includes('number'))) {
    return [`${at}: ${kind} is not ${types.join('|')}`];
  }
  if (schema.enum && !schema.enum.includes(value)) {
    return [`${at}: ${JSON.stringify(value)} not in enum`];
  }
  if (Array.isArray(value) && schema.items) {
    return value.flatMap((v, i) => conforms(schema.items as JsonSchema, v, `${at}[${i}]`));
  }
  if (kind === 'object') {
    const obj = value as Record<string, unknown>;
    const missing = (schema.required ?? []).filter((k) => !(k in obj)).map((k) => `${at}.${k}: missing`);
    const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    return [
      ...missing,
      ...Object.entries(obj).flatMap(([k, v]) => {
        const p = schema.properties?.[k] ?? extra;
        return p ? conforms(p, v, `${at}.${k}`) : schema.properties ? [`${at}.${k}: not described`] : [];
      }),
    ];
  }
  return [];
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with the bearer scheme, the shared error schema and the calendar', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(t.deps.version);
    expect(doc.servers).toBeUndefined(); // no PUBLIC_URL in the tests
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.schemas.Error?.required).toEqual(['error', 'message']);
    expect(operationsOf(doc)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/calendar/due-date',
        'GET /api/v1/calendar/days-off',
        'GET /healthz',
        'GET /api/openapi.json',
      ]),
    );
    expect(doc.paths['/api/v1/calendar/due-date']?.get?.parameters?.map((p) => p.name)).toEqual([
      'receivedAt',
      'kind',
      'amount',
      'after15',
      'unit',
    ]);
  });

  it('describes every route the app serves under /api/v1, and nothing it does not serve', () => {
    const served = t.app.apiRoutes.routes.filter((r) => r.includes(' /api/v1/'));
    expect(served.length).toBeGreaterThan(0);
    const described = operationsOf(doc).filter((o) => o.includes(' /api/v1/'));
    expect(
      served.filter((r) => !described.includes(r)),
      'routes missing from the document',
    ).toEqual([]);
    expect(
      described.filter((o) => !served.includes(o)),
      'operations no route serves',
    ).toEqual([]);
  });

  it('refers only to schemas it defines, and its examples fit its schemas', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (x) => x[1],
    );
    expect(refs.filter((r) => !r || !doc.components.schemas[r])).toEqual([]);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of HTTP_METHODS) {
        for (const [status, r] of Object.entries(item[method]?.responses ?? {})) {
          const media = r.content?.['application/json'];
          if (media?.example !== undefined) {
            expect(conforms(media.schema, media.example), `${method} ${path} ${status}`).toEqual([]);
          }
        }
      }
    }
  });

  it('matches what the calendar and health routes really answer', async () => {
    const answers: [string, string, string][] = [
      ['/api/v1/calendar/due-date', '200', '?receivedAt=2026-09-01T15:30:00Z&amount=4&kind=working_days'],
      ['/api/v1/calendar/due-date', '400', '?amount=x'],
      ['/api/v1/calendar/due-date', '404', '?receivedAt=2026-02-10T09:00:00Z&amount=1&kind=same_day&unit=x'],
      ['/api/v1/calendar/days-off', '200', '?year=2026'],
      ['/api/v1/calendar/days-off', '400', '?year=1'],
      ['/healthz', '200', ''],
    ];
    for (const [path, status, query] of answers) {
      const res = await t.app.inject({ method: 'GET', url: `${path}${query}` });
      expect(String(res.statusCode), path + query).toBe(status);
      const schema = doc.paths[path]?.get?.responses[status]?.content?.['application/json']?.schema;
      expect(schema, `${path} ${status} described`).toBeDefined();
      expect(conforms(schema ?? {}, res.json()), `${path}${query}`).toEqual([]);
    }
  });

  it('lists the servers from PUBLIC_URL, and refuses an operation described twice', () => {
    const withUrl = buildOpenApiDocument({
      version: '1',
      publicUrl: 'https://tanhong.example.gov.vn',
      descriptions: API_DESCRIPTIONS,
    });
    expect(withUrl.servers).toEqual([
      { url: 'https://tanhong.example.gov.vn', description: expect.any(String) },
    ]);
    const twice: ApiDescription = {
      tag: { name: 'x', description: 'x' },
      paths: API_DESCRIPTIONS[1]?.paths ?? {},
    };
    expect(() => buildOpenApiDocument({ version: '1', descriptions: [...API_DESCRIPTIONS, twice] })).toThrow(
      /described twice/,
    );
  });
});

describe('GET /api/docs', () => {
  it('draws every operation and schema on one HTML page without scripts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<h1>Tài liệu API</h1>');
    expect(html).not.toMatch(/<script/i);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (op) {
          expect(html).toContain(`id="op-${op.operationId}"`);
          expect(html).toContain(
            `<span class="api-method">${method.toUpperCase()}</span> <code>${path}</code>`,
          );
        }
      }
    }
    for (const name of Object.keys(doc.components.schemas)) {
      expect(html).toContain(`id="schema-${name}"`);
    }
    expect(html).toContain('receivedAt');
    expect(html).toContain('2026-02-13T17:00:00+07:00'); // the due-date example
  });
});
