import { deflateSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../src/modules/accounts/roles.js';
import { cookieHeader, cookiesFrom, csrfFrom, type TestApp } from './app.js';

/** Helpers for admin HTTP tests: units, staff accounts, signing in, forms and multipart bodies. */

export const PASSWORD = 'mat-khau-du-dai-123';

export async function addUnit(t: TestApp, slug: string, name: string, isDefault: boolean): Promise<number> {
  return t.deps.units.createUnit(null, {
    slug,
    name,
    fullName: `Ủy ban nhân dân ${name}`,
    kind: 'commune',
    parentId: null,
    adminCode: null,
    agencyCode: null,
    host: null,
    isDefault,
    isDemo: false,
  });
}

export async function addStaff(t: TestApp, unitId: number, username: string, roles: Role[]): Promise<number> {
  return t.deps.accounts.createStaff(null, {
    username,
    fullName: `Cán bộ ${username}`,
    email: null,
    password: PASSWORD,
    unitId,
    roles,
  });
}

/** A browser's cookie jar, with helpers that send it and keep what the server sets. */
export class Browser {
  readonly jar: Record<string, string> = {};
  constructor(private readonly t: TestApp) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.t.app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(this.jar) } });
    cookiesFrom(res, this.jar);
    return res;
  }

  /** GETs `formUrl` for its CSRF token, then POSTs the form (urlencoded) to `action` (default: the same URL). */
  async submit(
    formUrl: string,
    fields: Record<string, string | string[]>,
    action = formUrl,
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(formUrl);
    const body = new URLSearchParams();
    body.append('_csrf', csrfFrom(page.body));
    for (const [k, v] of Object.entries(fields)) {
      for (const one of Array.isArray(v) ? v : [v]) {
        body.append(k, one);
      }
    }
    const res = await this.t.app.inject({
      method: 'POST',
      url: action,
      headers: { cookie: cookieHeader(this.jar), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    cookiesFrom(res, this.jar);
    return res;
  }

  /** Same as submit, as multipart/form-data with files. */
  async submitMultipart(
    formUrl: string,
    fields: Record<string, string | string[]>,
    files: MultipartFile[],
    action = formUrl,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(formUrl);
    const token = csrfFrom(page.body);
    const { payload, contentType } = multipart({ _csrf: token, ...fields }, files);
    // As a browser does: post to the multipart form's action (its URL carries the CSRF token, checked before the
    // body is read); an endpoint that is no form's action gets the token in the header, as admin.js sends it.
    const formAction = multipartActionsOf(page.body).find((a) => a.split('?')[0] === action);
    const res = await this.t.app.inject({
      method: 'POST',
      url: formAction ?? action,
      headers: {
        cookie: cookieHeader(this.jar),
        'content-type': contentType,
        ...(formAction ? {} : { 'x-csrf-token': token }),
        ...headers,
      },
      payload,
    });
    cookiesFrom(res, this.jar);
    return res;
  }

  async signIn(base: string, username: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    return this.submit(`${base}/quan-tri/dang-nhap`, { username, password });
  }
}

/** The action URLs of a page's multipart forms (HTML-unescaped). */
export function multipartActionsOf(html: string): string[] {
  return [...html.matchAll(/<form\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => tag.includes('enctype="multipart/form-data"'))
    .flatMap((tag) => {
      const action = /\baction="([^"]*)"/.exec(tag)?.[1];
      return action === undefined ? [] : [action.replace(/&amp;/g, '&')];
    });
}

export type MultipartFile = { field: string; filename: string; contentType: string; data: Buffer };

export function multipart(
  fields: Record<string, string | string[]>,
  files: MultipartFile[],
): { payload: Buffer; contentType: string } {
  const boundary = '----congxa-test-boundary-7d9f';
  const parts: Buffer[] = [];
  for (const [k, values] of Object.entries(fields)) {
    for (const v of Array.isArray(values) ? values : [values]) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    }
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.contentType}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) {
    c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A valid width×height RGB PNG of one colour. */
export function tinyPng(width = 3, height = 2): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
