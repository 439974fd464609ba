import {
  errorResponse,
  jsonContent,
  ref,
  type ApiDescription,
  type ApiParameter,
  type JsonSchema,
} from '../../http/openapi.js';
import { calendarPaths } from '../../http/paths.js';
import { CALENDAR_RULE_VERSIONS } from './calendar-rules.js';
import { calendarMessages } from './calendar.messages.js';
import { MAX_AMOUNT, TIME_LIMIT_KINDS } from './due-date.js';
import { HOLIDAY_IDS } from './holidays.js';
import { SUPPORTED_YEARS } from './working-calendar.js';

/** The calendar's public API (calendar-api.routes.ts) in the OpenAPI document (http/openapi.ts). */

const m = calendarMessages.api;

const unitParam: ApiParameter = {
  name: 'unit',
  in: 'query',
  description:
    'Mã (slug) của đơn vị, ví dụ tan-hong: giờ làm việc của đơn vị đó. Mặc định: đơn vị của tên miền, hoặc đơn vị mặc định.',
  schema: { type: 'string', pattern: '^[a-z0-9-]+$' },
  example: 'tan-hong',
};

const date: JsonSchema = { type: 'string', format: 'date', description: 'Ngày (YYYY-MM-DD, giờ Việt Nam).' };
const confidence: JsonSchema = {
  type: ['string', 'null'],
  enum: ['sourced', 'unverified', 'unknown', null],
  description: 'Độ tin cậy: sourced (có văn bản), unverified (chưa đối chiếu), unknown (chưa có thông báo).',
};

const DUE_DATE: JsonSchema = {
  type: 'object',
  description: 'Hạn trả kết quả tính theo lịch làm việc (docs/calendar.md).',
  required: [
    'dueAt',
    'dueAtUtc',
    'receivedAt',
    'countedFrom',
    'countedFromDate',
    'kind',
    'amount',
    'after15',
    'provisional',
    'ruleVersion',
    'noticeRevision',
    'unit',
  ],
  properties: {
    dueAt: { type: 'string', format: 'date-time', description: 'Hạn, giờ Việt Nam (+07:00).' },
    dueAtUtc: { type: 'string', format: 'date-time', description: 'Hạn, giờ UTC.' },
    receivedAt: { type: 'string', format: 'date-time', description: 'Thời điểm tiếp nhận, giờ Việt Nam.' },
    countedFrom: { type: 'string', format: 'date-time', description: 'Thời điểm bắt đầu tính.' },
    countedFromDate: date,
    kind: { type: 'string', enum: TIME_LIMIT_KINDS },
    amount: { type: 'integer', minimum: 0, maximum: MAX_AMOUNT },
    after15: { type: 'boolean', description: 'Đã áp dụng quy tắc nhận sau 15 giờ.' },
    provisional: {
      type: 'boolean',
      description: 'true khi hạn phụ thuộc ngày nghỉ chưa có thông báo chính thức (có thể thay đổi).',
    },
    ruleVersion: {
      type: 'string',
      enum: CALENDAR_RULE_VERSIONS.map((v) => v.version),
      description: 'Phiên bản quy tắc đã dùng.',
    },
    noticeRevision: {
      type: 'string',
      pattern: '^[0-9a-f]{12}$',
      description: 'Phiên bản dữ liệu thông báo nghỉ lễ đã dùng.',
    },
    unit: { type: 'string', description: 'Mã đơn vị đã dùng giờ làm việc.' },
  },
};

const OFFICE_HOURS: JsonSchema = {
  type: 'object',
  required: ['working', 'receivingOnly'],
  properties: {
    working: {
      type: 'array',
      items: ref('TimeRange'),
      description: 'Các buổi làm việc trong ngày làm việc.',
    },
    receivingOnly: {
      type: 'object',
      description: 'Giờ chỉ tiếp nhận hồ sơ vào ngày nghỉ hằng tuần, theo thứ (0 = Chủ nhật, 6 = thứ Bảy).',
      additionalProperties: { type: 'array', items: ref('TimeRange') },
    },
  },
};

const DAYS_OFF: JsonSchema = {
  type: 'object',
  required: ['year', 'unit', 'noticeRevision', 'hasNotice', 'daysOff', 'makeUpWorkdays', 'officeHours'],
  properties: {
    year: { type: 'integer' },
    unit: { type: 'string' },
    noticeRevision: { type: 'string', pattern: '^[0-9a-f]{12}$' },
    hasNotice: { type: 'boolean', description: 'Năm đã có thông báo nghỉ lễ chính thức.' },
    daysOff: {
      type: 'array',
      items: {
        type: 'object',
        required: ['date', 'name', 'kind', 'origin', 'source', 'confidence', 'provisional', 'holidays'],
        properties: {
          date,
          name: { type: 'string', description: 'Tên ngày lễ, tiếng Việt.' },
          kind: { type: 'string', enum: ['holiday', 'compensatory', 'announced'] },
          origin: {
            type: 'string',
            enum: ['notice', 'derived'],
            description: 'notice: theo thông báo; derived: suy ra từ Bộ luật Lao động.',
          },
          source: { type: 'string', description: 'Văn bản căn cứ.' },
          confidence,
          provisional: { type: 'boolean' },
          holidays: { type: 'array', items: { type: 'string', enum: HOLIDAY_IDS } },
          note: { type: 'string' },
        },
      },
    },
    makeUpWorkdays: {
      type: 'array',
      description: 'Ngày nghỉ hằng tuần phải đi làm bù.',
      items: {
        type: 'object',
        required: ['date', 'name', 'source', 'confidence'],
        properties: {
          date,
          name: { type: 'string' },
          source: { type: 'string' },
          confidence,
          note: { type: 'string' },
        },
      },
    },
    officeHours: ref('OfficeHours'),
  },
};

const TIME_RANGE: JsonSchema = {
  type: 'object',
  required: ['start', 'end'],
  properties: {
    start: { type: 'string', pattern: '^\\d{2}:\\d{2}$', examples: ['07:00'] },
    end: { type: 'string', pattern: '^\\d{2}:\\d{2}$', examples: ['11:30'] },
  },
};

const invalid = (fields: Record<string, string>) =>
  errorResponse('Tham số không hợp lệ: thông báo theo từng tham số trong fields.', {
    error: 'invalid_request',
    message: m.invalidRequest,
    fields,
  });

const unitNotFound = errorResponse('Không có đơn vị với mã đã gửi.', {
  error: 'unit_not_found',
  message: m.unitNotFound('khong-co'),
  fields: { unit: m.unitNotFound('khong-co') },
});

export const calendarOpenApi: ApiDescription = {
  tag: { name: 'calendar', description: 'Lịch làm việc: ngày nghỉ lễ, giờ làm việc, tính hạn giải quyết' },
  schemas: { DueDate: DUE_DATE, DaysOff: DAYS_OFF, OfficeHours: OFFICE_HOURS, TimeRange: TIME_RANGE },
  paths: {
    [calendarPaths.apiDueDate()]: {
      get: {
        operationId: 'calendarDueDate',
        summary: 'Tính hạn trả kết quả',
        description:
          'Hạn trả kết quả của hồ sơ tiếp nhận tại thời điểm receivedAt với thời hạn amount theo kind, tính theo ' +
          'ngày nghỉ lễ và giờ làm việc của đơn vị. Không cần xác thực.',
        parameters: [
          {
            name: 'receivedAt',
            in: 'query',
            required: true,
            description: 'Thời điểm tiếp nhận, ISO 8601; không ghi múi giờ thì hiểu là giờ Việt Nam.',
            schema: { type: 'string', format: 'date-time' },
            example: '2026-02-10T09:00:00+07:00',
          },
          {
            name: 'kind',
            in: 'query',
            required: true,
            description: 'Loại thời hạn.',
            schema: { type: 'string', enum: TIME_LIMIT_KINDS },
            example: 'working_days',
          },
          {
            name: 'amount',
            in: 'query',
            description: 'Thời hạn (số ngày hoặc số giờ); bắt buộc, trừ khi kind là same_day.',
            schema: { type: 'integer', minimum: 0, maximum: MAX_AMOUNT },
            example: 3,
          },
          {
            name: 'after15',
            in: 'query',
            description: 'Áp dụng quy tắc hồ sơ nhận sau 15 giờ được tính từ ngày làm việc kế tiếp.',
            schema: { type: 'boolean', default: false },
          },
          unitParam,
        ],
        responses: {
          '200': {
            description: 'Hạn đã tính.',
            content: jsonContent(ref('DueDate'), {
              dueAt: '2026-02-13T17:00:00+07:00',
              dueAtUtc: '2026-02-13T10:00:00.000Z',
              receivedAt: '2026-02-10T09:00:00+07:00',
              countedFrom: '2026-02-10T09:00:00+07:00',
              countedFromDate: '2026-02-10',
              kind: 'working_days',
              amount: 3,
              after15: false,
              provisional: false,
              ruleVersion: 'nd61-2018.1',
              noticeRevision: 'f08a0bef5ab5',
              unit: 'tan-hong',
            }),
          },
          '400': invalid({ amount: m.amountInvalid }),
          '404': unitNotFound,
        },
      },
    },
    [calendarPaths.apiDaysOff()]: {
      get: {
        operationId: 'calendarDaysOff',
        summary: 'Ngày nghỉ lễ, ngày làm bù và giờ làm việc của một năm',
        description:
          'Ngày nghỉ lễ (theo thông báo, hoặc suy ra khi chưa có thông báo), ngày làm bù và giờ làm việc của ' +
          'đơn vị. Không cần xác thực.',
        parameters: [
          {
            name: 'year',
            in: 'query',
            description: `Năm, từ ${SUPPORTED_YEARS.min} đến ${SUPPORTED_YEARS.max}; mặc định năm hiện tại.`,
            schema: { type: 'integer', minimum: SUPPORTED_YEARS.min, maximum: SUPPORTED_YEARS.max },
            example: 2026,
          },
          unitParam,
        ],
        responses: {
          '200': {
            description: 'Lịch nghỉ của năm.',
            content: jsonContent(ref('DaysOff'), {
              year: 2026,
              unit: 'tan-hong',
              noticeRevision: 'f08a0bef5ab5',
              hasNotice: true,
              daysOff: [
                {
                  date: '2026-02-17',
                  name: 'Tết Nguyên đán',
                  kind: 'announced',
                  origin: 'notice',
                  source: 'Thông báo nghỉ lễ, Tết năm 2026',
                  confidence: 'sourced',
                  provisional: false,
                  holidays: ['lunar_new_year'],
                },
              ],
              makeUpWorkdays: [
                {
                  date: '2026-01-10',
                  name: 'Tết Dương lịch',
                  source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025',
                  confidence: 'sourced',
                },
              ],
              officeHours: {
                working: [
                  { start: '07:00', end: '11:30' },
                  { start: '13:30', end: '17:00' },
                ],
                receivingOnly: {},
              },
            }),
          },
          '400': invalid({ year: m.yearInvalid }),
          '404': unitNotFound,
        },
      },
    },
  },
};
