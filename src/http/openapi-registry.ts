import { calendarOpenApi } from '../modules/calendar/calendar.openapi.js';
import { dossiersOpenApi } from '../modules/dossiers/dossiers.openapi.js';
import { staffApiOpenApi } from '../modules/dossiers/staff-api.openapi.js';
import { errorResponse, jsonContent, ref, type ApiDescription } from './openapi.js';
import { apiPaths } from './paths.js';
import { statsOpenApi } from '../modules/stats/stats.openapi.js';

/**
 * Every module's part of the OpenAPI document (http/openapi.ts says how to write one). A module that serves routes
 * under /api/v1 adds its description here; api-docs.routes.test.ts fails until it does.
 */
export const API_DESCRIPTIONS: readonly ApiDescription[] = [
  platformOpenApi(),
  calendarOpenApi,
  dossiersOpenApi,
  staffApiOpenApi,
  statsOpenApi,
];

/** The health check and the document itself. */
function platformOpenApi(): ApiDescription {
  return {
    tag: { name: 'platform', description: 'Tình trạng hệ thống và tài liệu API' },
    schemas: {
      Health: {
        type: 'object',
        required: ['status', 'db', 'version'],
        properties: {
          status: { const: 'ok' },
          db: { type: 'string', enum: ['sqlite', 'postgres'], description: 'Loại cơ sở dữ liệu.' },
          version: { type: 'string', description: 'Phiên bản congxa.' },
        },
      },
    },
    paths: {
      [apiPaths.health()]: {
        get: {
          operationId: 'health',
          summary: 'Kiểm tra tình trạng hệ thống',
          description: 'Trả lời 200 khi máy chủ chạy và cơ sở dữ liệu trả lời được. Dùng cho giám sát.',
          responses: {
            '200': {
              description: 'Hệ thống hoạt động.',
              content: jsonContent(ref('Health'), { status: 'ok', db: 'sqlite', version: '0.1.0' }),
            },
            '500': errorResponse('Cơ sở dữ liệu không trả lời.', {
              error: 'internal',
              message: 'Đã có lỗi ngoài ý muốn. Vui lòng thử lại sau.',
              reference: 'req-1a',
            }),
          },
        },
      },
      [apiPaths.openApi()]: {
        get: {
          operationId: 'openApiDocument',
          summary: 'Tài liệu OpenAPI 3.1 của API',
          description: `Tài liệu này, dạng JSON. Bản đọc được trên trình duyệt: ${apiPaths.docs()}.`,
          responses: {
            '200': {
              description: 'Tài liệu OpenAPI.',
              content: jsonContent({ type: 'object', description: 'OpenAPI 3.1.0' }),
            },
          },
        },
      },
    },
  };
}
