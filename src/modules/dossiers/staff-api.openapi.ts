import {
  AUTH_ERRORS,
  errorResponse,
  jsonContent,
  openApiPath,
  ref,
  STAFF_SECURITY,
  zodSchema,
  type ApiDescription,
  type JsonSchema,
} from '../../http/openapi.js';
import { DOSSIER_STATUSES } from './dossier-workflow.js';
import { QUEUES } from './dossiers.repository.js';
import { ActionInput, IntakeInput } from './dossiers.schemas.js';
import { STAFF_API } from './staff-api.routes.js';

/** The staff API of the dossiers (staff-api.routes.ts) in the OpenAPI document. */

const CODE = '000.00.13.H12-260210-0001';
const instant: JsonSchema = { type: ['string', 'null'], format: 'date-time' };
const status: JsonSchema = {
  type: 'object',
  required: ['code', 'nationalCode', 'label'],
  properties: {
    code: { type: 'string', enum: DOSSIER_STATUSES },
    nationalCode: { type: 'integer', minimum: 1, maximum: 10 },
    label: { type: 'string' },
  },
};

const STAFF_DOSSIER: JsonSchema = {
  type: 'object',
  description:
    'Hồ sơ như cán bộ của đơn vị thấy (có thông tin người nộp). `version` phải gửi lại khi thao tác.',
  required: [
    'id',
    'code',
    'status',
    'procedure',
    'channel',
    'applicant',
    'dueAt',
    'version',
    'availableActions',
  ],
  properties: {
    id: { type: 'integer' },
    code: { type: ['string', 'null'] },
    status,
    procedure: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
    channel: { type: 'string', enum: ['counter', 'online', 'post'] },
    applicant: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        idNumber: { type: ['string', 'null'] },
        phone: { type: ['string', 'null'] },
        email: { type: ['string', 'null'] },
        address: { type: 'string' },
      },
    },
    submittedAt: instant,
    receivedAt: instant,
    dueAt: { ...instant, description: 'Hạn trả kết quả đang có hiệu lực (giờ Việt Nam, +07:00).' },
    dueRuleVersion: { type: ['string', 'null'] },
    dueProvisional: { type: 'boolean' },
    assigneeId: { type: ['integer', 'null'] },
    supplementCount: { type: 'integer' },
    apologyCount: { type: 'integer' },
    endedAt: instant,
    returnedAt: instant,
    version: { type: 'integer' },
    availableActions: { type: 'array', items: { type: 'string' } },
  },
};

const SAMPLE = {
  id: 1,
  code: CODE,
  status: { code: 'received', nationalCode: 2, label: 'Đã tiếp nhận' },
  procedure: { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân' },
  channel: 'counter',
  applicant: {
    name: 'Nguyễn Thị Hằng',
    idNumber: '001190012345',
    phone: '0912345678',
    email: null,
    address: '',
  },
  submittedAt: '2026-02-10T09:00:00+07:00',
  receivedAt: '2026-02-10T09:00:00+07:00',
  dueAt: '2026-02-13T17:00:00+07:00',
  dueRuleVersion: 'nd61-2018.1',
  dueProvisional: false,
  assigneeId: null,
  supplementCount: 0,
  apologyCount: 0,
  endedAt: null,
  returnedAt: null,
  version: 1,
  availableActions: ['assign', 'request_supplement', 'refuse', 'apologise', 'withdraw', 'record_fee'],
};

const invalid = errorResponse('Dữ liệu không hợp lệ: thông báo ở trường gây lỗi.', {
  error: 'invalid_request',
  message: 'Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.',
  field: 'applicant.idNumber',
});

export const staffApiOpenApi: ApiDescription = {
  tag: {
    name: 'staff-dossiers',
    description: 'Hồ sơ một cửa cho cán bộ và hệ thống tích hợp (cần khóa API)',
  },
  schemas: {
    StaffDossier: STAFF_DOSSIER,
    IntakeInput: zodSchema(IntakeInput),
    ActionInput: zodSchema(ActionInput),
  },
  paths: {
    [STAFF_API.dossiers]: {
      post: {
        operationId: 'dossierIntake',
        summary: 'Tiếp nhận hồ sơ (trực tiếp hoặc bưu chính)',
        description:
          'Cấp mã hồ sơ và hạn trả kết quả theo lịch làm việc của đơn vị. Gửi cùng khóa `idempotencyKey` (hoặc tiêu đề ' +
          'Idempotency-Key) khi thử lại: trả về hồ sơ đã tạo (200) thay vì tạo hồ sơ mới. Vai trò: cán bộ một cửa.',
        security: STAFF_SECURITY,
        requestBody: { required: true, content: jsonContent(ref('IntakeInput')) },
        responses: {
          '201': {
            description: 'Hồ sơ mới đã tiếp nhận.',
            content: jsonContent(ref('StaffDossier'), SAMPLE),
          },
          '200': {
            description: 'Hồ sơ đã tạo trước đó với cùng khóa.',
            content: jsonContent(ref('StaffDossier'), SAMPLE),
          },
          '422': invalid,
          ...AUTH_ERRORS,
        },
      },
      get: {
        operationId: 'dossierQueue',
        summary: 'Danh sách hồ sơ theo hàng đợi',
        security: STAFF_SECURITY,
        parameters: [
          {
            name: 'queue',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: QUEUES },
            description: 'Hàng đợi (mặc định all).',
          },
          {
            name: 'q',
            in: 'query',
            required: false,
            schema: { type: 'string' },
            description: 'Mã, tên người nộp, tên thủ tục.',
          },
          {
            name: 'page',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1 },
            description: 'Trang (20 hồ sơ).',
          },
        ],
        responses: {
          '200': {
            description: 'Một trang của hàng đợi, với số hồ sơ của mọi hàng đợi.',
            content: jsonContent({ type: 'object', required: ['queue', 'page', 'total', 'counts', 'items'] }),
          },
          '400': errorResponse('Hàng đợi không có.', {
            error: 'invalid_request',
            message: 'Hàng đợi phải là …',
            field: 'queue',
          }),
          ...AUTH_ERRORS,
        },
      },
    },
    [openApiPath(STAFF_API.actions)]: {
      post: {
        operationId: 'dossierAction',
        summary: 'Thao tác xử lý hồ sơ',
        description:
          'Một bước của quy trình (Nghị định 61/2018): assign, request_supplement, complete_supplement, ' +
          'submit_for_approval, send_back, approve, refuse, apologise, withdraw, stop, return_result, record_fee. ' +
          'Gửi `version` của hồ sơ đã đọc: nếu người khác vừa thao tác, trả 409 và cho biết ai, lúc nào.',
        security: STAFF_SECURITY,
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            description: 'Mã hồ sơ.',
            schema: { type: 'string' },
            example: CODE,
          },
        ],
        requestBody: {
          required: true,
          content: jsonContent(ref('ActionInput'), { action: 'assign', version: 1, assigneeId: 5 }),
        },
        responses: {
          '200': { description: 'Hồ sơ sau thao tác.', content: jsonContent(ref('StaffDossier'), SAMPLE) },
          '404': errorResponse('Không có hồ sơ này ở đơn vị.', {
            error: 'dossier_not_found',
            message: 'Không tìm thấy hồ sơ.',
          }),
          '409': errorResponse('Trạng thái không cho phép, hoặc người khác vừa thao tác.', {
            error: 'not_in_status',
            message: 'Không thể "Trả kết quả" khi hồ sơ đang ở trạng thái "Đã tiếp nhận".',
          }),
          '422': invalid,
          ...AUTH_ERRORS,
        },
      },
    },
  },
};
