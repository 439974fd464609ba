import {
  errorResponse,
  jsonContent,
  openApiPath,
  ref,
  type ApiDescription,
  type JsonSchema,
} from '../../http/openapi.js';
import { common } from '../../web/messages.js';
import { CHANNELS, DOSSIER_STATUSES, NATIONAL_STATUS } from './dossier-workflow.js';
import { dossierMessages } from './dossiers.messages.js';
import { lookupMessages } from './lookup.messages.js';
import { API_DOSSIER_ROUTE } from './lookup.presenter.js';

/** The dossiers' public API (lookup.routes.tsx) in the OpenAPI document (http/openapi.ts). */

const m = lookupMessages;
const SAMPLE_CODE = '000.00.13.H12-260210-0001';

const instant = (description: string): JsonSchema => ({ type: 'string', format: 'date-time', description });
const instantOrNull = (description: string): JsonSchema => ({
  type: ['string', 'null'],
  format: 'date-time',
  description,
});

const STATUS: JsonSchema = {
  type: 'object',
  required: ['code', 'nationalCode', 'label'],
  properties: {
    code: { type: 'string', enum: DOSSIER_STATUSES },
    nationalCode: {
      type: 'integer',
      minimum: 1,
      maximum: 10,
      description:
        'Mã trạng thái hồ sơ dùng khi đồng bộ với Cổng Dịch vụ công quốc gia (danh mục TRANGTHAIHOSO).',
    },
    label: { type: 'string', description: 'Tên trạng thái, tiếng Việt.' },
  },
};

const PUBLIC_DOSSIER: JsonSchema = {
  type: 'object',
  description:
    'Thông tin công khai của hồ sơ (docs/dossiers.md, "Public look-up"). Không có số định danh, số điện thoại, ' +
    'thư điện tử, địa chỉ của người nộp, tên cán bộ, phí, tệp.',
  required: [
    'code',
    'unit',
    'procedure',
    'channel',
    'status',
    'applicantName',
    'submittedAt',
    'receivedAt',
    'dueAt',
    'dueProvisional',
    'duePaused',
    'endedAt',
    'returnedAt',
    'timing',
    'history',
  ],
  properties: {
    code: { type: 'string', description: 'Mã hồ sơ (Thông tư 01/2018/TT-VPCP, Điều 19).' },
    unit: {
      type: 'object',
      description: 'Đơn vị tiếp nhận hồ sơ.',
      required: ['slug', 'name'],
      properties: { slug: { type: 'string' }, name: { type: 'string' } },
    },
    procedure: {
      type: 'object',
      description: 'Thủ tục hành chính.',
      required: ['code', 'name'],
      properties: { code: { type: 'string' }, name: { type: 'string' } },
    },
    channel: {
      type: 'object',
      required: ['code', 'nationalCode', 'label'],
      properties: {
        code: { type: 'string', enum: CHANNELS },
        nationalCode: {
          type: 'integer',
          enum: [1, 2, 3],
          description: 'Kênh thực hiện: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích.',
        },
        label: { type: 'string' },
      },
    },
    status: ref('DossierStatus'),
    applicantName: {
      type: 'string',
      description: 'Họ tên người nộp đã che: giữ họ, mỗi tên còn chữ cái đầu, ví dụ "Nguyễn T** H***".',
    },
    submittedAt: instant('Thời điểm nộp, giờ Việt Nam (+07:00).'),
    receivedAt: instantOrNull('Thời điểm tiếp nhận; null khi hồ sơ nộp trực tuyến chưa được tiếp nhận.'),
    dueAt: instantOrNull(
      'Hạn trả kết quả đang có hiệu lực; null trước khi tiếp nhận và trong thời gian chờ bổ sung hồ sơ.',
    ),
    dueProvisional: {
      type: 'boolean',
      description: 'true khi hạn được tính qua ngày nghỉ lễ chưa có thông báo chính thức (có thể thay đổi).',
    },
    duePaused: {
      type: 'boolean',
      description: 'true khi đang chờ bổ sung hồ sơ: tạm dừng tính hạn, hạn mới tính lại khi nhận đủ.',
    },
    endedAt: instantOrNull('Thời điểm kết thúc giải quyết (có kết quả, từ chối, rút, dừng); null khi chưa.'),
    returnedAt: instantOrNull('Thời điểm trả kết quả; null khi chưa trả.'),
    timing: {
      type: ['object', 'null'],
      description:
        'Thời gian giải quyết khi đã kết thúc: trước hạn (kết thúc trước ngày hẹn), đúng hạn (trong ngày hẹn, ' +
        'không muộn hơn giờ hẹn), quá hạn (sau giờ hẹn); null khi chưa kết thúc hoặc không có hạn.',
      required: ['code', 'label'],
      properties: {
        code: { type: 'string', enum: ['early', 'on_time', 'late'] },
        label: { type: 'string', enum: Object.values(m.timing) },
      },
    },
    history: {
      type: 'array',
      description: 'Quá trình giải quyết, theo thứ tự thời gian.',
      items: {
        type: 'object',
        required: ['at', 'action', 'status', 'text', 'reason', 'documents', 'newDueAt'],
        properties: {
          at: instant('Thời điểm, giờ Việt Nam.'),
          action: { type: 'string', description: 'Mã thao tác, ví dụ intake, assign, request_supplement.' },
          status: ref('DossierStatus'),
          text: { type: 'string', description: 'Mô tả công khai của bước, không có tên cán bộ.' },
          reason: {
            type: ['string', 'null'],
            description:
              'Lý do, chỉ với yêu cầu bổ sung và từ chối (người nộp cần biết); họ tên người nộp được che, số ' +
              'định danh, số điện thoại, thư điện tử được thay bằng "[đã ẩn]".',
          },
          documents: {
            type: 'array',
            items: { type: 'string' },
            description: 'Giấy tờ cần bổ sung (với yêu cầu bổ sung).',
          },
          newDueAt: instantOrNull('Ngày hẹn trả mới (với văn bản xin lỗi và hẹn lại).'),
        },
      },
    },
  },
};

const codeError = (description: string, error: string, message: string): ReturnType<typeof errorResponse> =>
  errorResponse(description, { error, message, field: 'code' });

export const dossiersOpenApi: ApiDescription = {
  tag: { name: 'dossiers', description: 'Hồ sơ thủ tục hành chính: tra cứu công khai theo mã hồ sơ' },
  schemas: { PublicDossier: PUBLIC_DOSSIER, DossierStatus: STATUS },
  paths: {
    [openApiPath(API_DOSSIER_ROUTE)]: {
      get: {
        operationId: 'dossierLookup',
        summary: 'Tra cứu hồ sơ theo mã',
        description:
          'Tình trạng, hạn trả kết quả và quá trình giải quyết của hồ sơ, với họ tên người nộp đã che; cùng nội ' +
          'dung với trang /tra-cuu-ho-so?ma=<mã>. Mã hồ sơ là duy nhất toàn quốc: trả lời như nhau trên cổng của ' +
          'mọi đơn vị. Không cần xác thực; mỗi địa chỉ IP tra cứu tối đa 30 lần mỗi phút.',
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            description: 'Mã hồ sơ, không phân biệt chữ hoa, chữ thường.',
            schema: { type: 'string' },
            example: SAMPLE_CODE,
          },
        ],
        responses: {
          '200': {
            description: 'Thông tin công khai của hồ sơ.',
            content: jsonContent(ref('PublicDossier'), {
              code: SAMPLE_CODE,
              unit: { slug: 'tan-hong', name: 'Xã Tân Hồng' },
              procedure: { code: '1.004873', name: 'Đăng ký khai sinh' },
              channel: { code: 'counter', nationalCode: 1, label: dossierMessages.channel.counter },
              status: {
                code: 'processing',
                nationalCode: NATIONAL_STATUS.processing,
                label: dossierMessages.status.processing,
              },
              applicantName: 'Nguyễn T** H***',
              submittedAt: '2026-02-10T09:00:00+07:00',
              receivedAt: '2026-02-10T09:00:00+07:00',
              dueAt: '2026-02-13T17:00:00+07:00',
              dueProvisional: false,
              duePaused: false,
              endedAt: null,
              returnedAt: null,
              timing: null,
              history: [
                {
                  at: '2026-02-10T09:00:00+07:00',
                  action: 'intake',
                  status: {
                    code: 'received',
                    nationalCode: NATIONAL_STATUS.received,
                    label: dossierMessages.status.received,
                  },
                  text: m.event.intake,
                  reason: null,
                  documents: [],
                  newDueAt: null,
                },
                {
                  at: '2026-02-10T10:15:00+07:00',
                  action: 'assign',
                  status: {
                    code: 'processing',
                    nationalCode: NATIONAL_STATUS.processing,
                    label: dossierMessages.status.processing,
                  },
                  text: m.event.assign,
                  reason: null,
                  documents: [],
                  newDueAt: null,
                },
              ],
            }),
          },
          '400': codeError('Mã hồ sơ không đúng dạng.', 'invalid_code', m.field.malformed),
          '404': codeError(
            'Không có hồ sơ với mã đã gửi.',
            'dossier_not_found',
            m.field.notFound(SAMPLE_CODE),
          ),
          '429': {
            ...errorResponse('Quá 30 lần tra cứu trong một phút từ cùng địa chỉ IP.', {
              error: 'rate_limited',
              message: `${m.api.tooMany} ${common.errors.retryAfter(1)}`,
            }),
            headers: {
              'Retry-After': {
                description: 'Số giây cần chờ trước lần tra cứu tiếp theo.',
                schema: { type: 'integer' },
              },
            },
          },
        },
      },
    },
  },
};
