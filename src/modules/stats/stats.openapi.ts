import {
  errorResponse,
  jsonContent,
  openApiPath,
  type ApiDescription,
  type JsonSchema,
} from '../../http/openapi.js';
import { API_STATS_ROUTE } from './stats-api.routes.js';
import { statsMessages } from './stats.messages.js';

/** The results API (stats-api.routes.ts) in the OpenAPI document (http/openapi.ts). */

const m = statsMessages.api;
const count = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });
const rate = (description: string): JsonSchema => ({ type: 'number', minimum: 0, maximum: 100, description });

const DOSSIER_STATS: JsonSchema = {
  type: 'object',
  description:
    'Kết quả giải quyết thủ tục hành chính của đơn vị (cộng cả các đơn vị trực thuộc) trong kỳ; cùng số liệu với ô ' +
    '"Kết quả giải quyết TTHC" và trang chi tiết. Định nghĩa: docs/statistics.md (Quyết định 766/QĐ-TTg, chỉ số 2.1).',
  required: [
    'unit',
    'from',
    'to',
    'asOf',
    'received',
    'receivedByChannel',
    'carriedOver',
    'processed',
    'early',
    'onTime',
    'late',
    'onTimeRate',
    'lateRate',
    'inProgress',
    'inProgressOverdue',
    'updatedAt',
  ],
  properties: {
    unit: {
      type: 'object',
      required: ['slug', 'name'],
      properties: { slug: { type: 'string' }, name: { type: 'string' } },
    },
    from: { type: 'string', format: 'date', description: 'Ngày đầu kỳ (giờ Việt Nam), tính cả ngày này.' },
    to: { type: 'string', format: 'date', description: 'Ngày cuối kỳ, tính cả ngày này.' },
    asOf: {
      type: 'string',
      format: 'date',
      description: 'Ngày tính số tồn: ngày cuối kỳ, hoặc hôm nay khi kỳ chưa kết thúc.',
    },
    received: count('Hồ sơ tiếp nhận trong kỳ.'),
    receivedByChannel: {
      type: 'object',
      required: ['counter', 'online', 'post'],
      properties: {
        counter: count('Trực tiếp.'),
        online: count('Trực tuyến.'),
        post: count('Qua bưu chính công ích.'),
      },
    },
    carriedOver: count('Tiếp nhận trước kỳ, chưa kết thúc khi kỳ bắt đầu.'),
    processed: count('Đã giải quyết (kết thúc) trong kỳ = early + onTime + late.'),
    early: count('Trước hạn: kết thúc vào một ngày trước ngày hẹn trả.'),
    onTime: count('Đúng hạn: kết thúc trong ngày hẹn trả, không sau thời điểm hẹn.'),
    late: count('Trễ hạn: kết thúc sau thời điểm hẹn, hoặc đã yêu cầu bổ sung quá một lần.'),
    onTimeRate: rate('(early + onTime) ÷ processed, phần trăm, làm tròn 2 chữ số; 0 khi chưa có hồ sơ.'),
    lateRate: rate('late ÷ processed, phần trăm, làm tròn 2 chữ số.'),
    resolved: count('Kết thúc có kết quả (đã xử lý xong, đã trả).'),
    refused: count('Kết thúc do từ chối.'),
    withdrawn: count('Kết thúc do công dân rút hồ sơ.'),
    stopped: count('Kết thúc do dừng giải quyết.'),
    inProgress: count('Chưa kết thúc vào cuối ngày asOf.'),
    inProgressWithinTime: count('Đang giải quyết trong hạn (kể cả đang chờ bổ sung).'),
    inProgressOverdue: count('Đang giải quyết đã quá hạn.'),
    waitingSupplement: count('Đang chờ công dân bổ sung.'),
    averageDays: {
      type: ['number', 'null'],
      description:
        'Thời gian giải quyết trung bình (ngày, không tính thời gian chờ bổ sung); null khi chưa có.',
    },
    updatedAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description: 'Lần thay đổi gần nhất của số hồ sơ đã giải quyết trong các tháng của kỳ, giờ Việt Nam.',
    },
  },
};

const badRequest = (description: string, error: string, message: string, field: string) =>
  errorResponse(description, { error, message, field });

export const statsOpenApi: ApiDescription = {
  tag: { name: 'stats', description: 'Kết quả giải quyết thủ tục hành chính' },
  schemas: { DossierStats: DOSSIER_STATS },
  paths: {
    [openApiPath(API_STATS_ROUTE)]: {
      get: {
        operationId: 'unitDossierStats',
        summary: 'Kết quả giải quyết TTHC của một đơn vị theo kỳ',
        description:
          'Số hồ sơ tiếp nhận, đã giải quyết (trước hạn, đúng hạn, trễ hạn), đang giải quyết của đơn vị và các đơn ' +
          'vị trực thuộc trong kỳ [from, to] (ngày theo giờ Việt Nam, tính cả hai đầu; mặc định từ đầu năm đến ' +
          'hôm nay). Không cần xác thực.',
        parameters: [
          {
            name: 'slug',
            in: 'path',
            required: true,
            description: 'Tên đường dẫn của đơn vị.',
            schema: { type: 'string' },
            example: 'tan-hong',
          },
          {
            name: 'from',
            in: 'query',
            description: 'Ngày đầu kỳ, YYYY-MM-DD.',
            schema: { type: 'string', format: 'date' },
            example: '2026-01-01',
          },
          {
            name: 'to',
            in: 'query',
            description: 'Ngày cuối kỳ, YYYY-MM-DD.',
            schema: { type: 'string', format: 'date' },
            example: '2026-03-31',
          },
        ],
        responses: {
          '200': {
            description: 'Số liệu của kỳ.',
            content: jsonContent(
              { $ref: '#/components/schemas/DossierStats' },
              {
                unit: { slug: 'tan-hong', name: 'Xã Tân Hồng' },
                from: '2026-01-01',
                to: '2026-03-31',
                asOf: '2026-03-31',
                received: 240,
                receivedByChannel: { counter: 150, online: 80, post: 10 },
                carriedOver: 12,
                processed: 230,
                early: 180,
                onTime: 45,
                late: 5,
                onTimeRate: 97.83,
                lateRate: 2.17,
                resolved: 220,
                refused: 6,
                withdrawn: 3,
                stopped: 1,
                inProgress: 22,
                inProgressWithinTime: 21,
                inProgressOverdue: 1,
                waitingSupplement: 2,
                averageDays: 2.4,
                updatedAt: '2026-03-31T16:42:10+07:00',
              },
            ),
          },
          '400': badRequest('Ngày không đúng dạng hoặc kỳ không hợp lệ.', 'invalid_date', m.badDate, 'from'),
          '404': badRequest(
            'Không có đơn vị với tên đường dẫn đã gửi.',
            'unit_not_found',
            m.unknownUnit,
            'slug',
          ),
        },
      },
    },
  },
};
