import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookieHeader, type TestApp } from '../../../test/app.js';
import { addStaff, addUnit, Browser, PASSWORD } from '../../../test/staff.js';
import { SESSION_COOKIE } from '../../http/auth.js';

/* Citizens' accounts (issue #3 item 3): sign-up, sign-in with the staff lock policy, sign-out, kept apart from staff. */

let t: TestApp;
const CITIZEN_PASSWORD = 'mat-khau-cong-dan';

const signUpFields = (extra: Record<string, string> = {}) => ({
  fullName: 'Nguyễn Thị Hằng',
  idNumber: '001190012345',
  phone: '0912 345 678',
  email: 'hang@example.com',
  password: CITIZEN_PASSWORD,
  passwordConfirm: CITIZEN_PASSWORD,
  ...extra,
});

async function signUp(b: Browser, extra: Record<string, string> = {}, url = '/tai-khoan/dang-ky') {
  return b.submit(url, signUpFields(extra), url.split('?')[0]);
}

beforeAll(async () => {
  t = await buildTestApp();
  const unitId = await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
  await addStaff(t, unitId, 'quantri', ['admin']);
});
afterAll(async () => {
  await t.close();
});

describe('GET/POST /tai-khoan/dang-ky', () => {
  it('shows the form inside the portal, with labelled fields and the CSRF token', async () => {
    const res = await new Browser(t).get('/tai-khoan/dang-ky');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('class="site-header"');
    expect(res.body).toContain('<label for="idNumber">Số định danh cá nhân (số CCCD)</label>');
    expect(res.body).toContain('name="_csrf"');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('says every problem at its field at once, keeping what was typed (never the password)', async () => {
    const res = await signUp(new Browser(t), {
      fullName: 'Trần Văn Bình',
      idNumber: '00119001234',
      phone: '12345',
      email: 'khong-phai-thu',
      password: 'ngan',
      passwordConfirm: 'khac',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.');
    expect(res.body).toContain('Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0, ví dụ 0912345678).');
    expect(res.body).toContain('Địa chỉ thư điện tử không hợp lệ (ví dụ ten@example.com).');
    expect(res.body).toContain('Mật khẩu cần ít nhất 10 ký tự.');
    for (const field of ['idNumber', 'phone', 'email', 'password']) {
      expect(res.body).toContain(`id="${field}-error"`);
      expect(res.body).toContain(`href="#${field}"`);
    }
    expect(res.body).toContain('value="Trần Văn Bình"');
    expect(res.body).toContain('value="00119001234"');
    expect(res.body).toContain('value="12345"');
    expect(res.body).toContain('value="khong-phai-thu"');
    expect(res.body).not.toContain('value="ngan"');
    const mismatch = await signUp(new Browser(t), { passwordConfirm: 'mat-khau-khac-han' });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.body).toContain('Hai lần nhập mật khẩu không giống nhau.');
    expect(
      await t.deps.db.selectFrom('account').select('id').where('kind', '=', 'citizen').execute(),
    ).toEqual([]);
  });

  it('creates the account, signs the citizen in and goes back to where they were going', async () => {
    const b = new Browser(t);
    const res = await signUp(
      b,
      { tiep: '/nop-truc-tuyen/1.004873' },
      '/tai-khoan/dang-ky?tiep=%2Fnop-truc-tuyen%2F1.004873',
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/nop-truc-tuyen/1.004873');
    expect(b.jar[SESSION_COOKIE]).toBeTruthy();
    const row = await t.deps.db
      .selectFrom('account')
      .select(['kind', 'username', 'fullName', 'phone', 'email'])
      .where('kind', '=', 'citizen')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      kind: 'citizen',
      username: 'cccd:001190012345',
      fullName: 'Nguyễn Thị Hằng',
      phone: '0912345678',
      email: 'hang@example.com',
    });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'afterJson'])
      .where('action', '=', 'account.citizen_sign_up')
      .execute();
    expect(audit).toEqual([{ action: 'account.citizen_sign_up', afterJson: null }]);
  });

  it('refuses a second account for the same CCCD at the field', async () => {
    const res = await signUp(new Browser(t), { fullName: 'Người Khác' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Số CCCD này đã có tài khoản.');
    expect(res.body).toContain('id="idNumber-error"');
    expect(res.body).toContain('value="Người Khác"');
  });
});

describe('GET/POST /tai-khoan/dang-nhap and /tai-khoan/dang-xuat', () => {
  it('signs in with the CCCD and password, then out', async () => {
    const b = new Browser(t);
    const wrong = await b.submit('/tai-khoan/dang-nhap', {
      idNumber: '001190012345',
      password: 'sai-mat-khau',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Số CCCD hoặc mật khẩu không đúng.');
    expect(wrong.body).toContain('value="001190012345"');
    const empty = await b.submit('/tai-khoan/dang-nhap', { idNumber: '', password: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Vui lòng nhập số định danh cá nhân (CCCD).');
    const ok = await b.submit('/tai-khoan/dang-nhap', {
      idNumber: '001190012345',
      password: CITIZEN_PASSWORD,
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/tai-khoan/ho-so');
    // Signed in, the sign-in page sends the citizen on.
    expect((await b.get('/tai-khoan/dang-nhap')).statusCode).toBe(303);
    // The sign-out button is on the citizen's pages ("my dossiers").
    const mine = await b.get('/tai-khoan/ho-so');
    expect(mine.body).toContain('action="/tai-khoan/dang-xuat"');
    const out = await b.submit('/tai-khoan/ho-so', {}, '/tai-khoan/dang-xuat');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/');
    expect(b.jar[SESSION_COOKIE]).toBe('');
    expect((await b.get('/tai-khoan/dang-nhap')).statusCode).toBe(200);
  });

  it('keeps staff and citizens apart: no /quan-tri page for a citizen, no citizen sign-in for staff', async () => {
    const b = new Browser(t);
    await b.submit('/tai-khoan/dang-nhap', { idNumber: '001190012345', password: CITIZEN_PASSWORD });
    for (const url of ['/quan-tri', '/quan-tri/bai-viet', '/quan-tri/nguoi-dung', '/quan-tri/tai-khoan']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(b.jar) } });
      expect(res.statusCode, url).toBe(403);
    }
    // The staff sign-in page does not take a citizen's credentials, nor the citizens' page a staff member's.
    const asStaff = await new Browser(t).signIn('', 'cccd:001190012345', CITIZEN_PASSWORD);
    expect(asStaff.statusCode).toBe(422);
    expect(await t.deps.accounts.signIn('quantri', PASSWORD, '10.0.0.9', 'citizen')).toEqual({ ok: false });
    expect((await t.deps.accounts.signIn('quantri', PASSWORD, '10.0.0.9')).ok).toBe(true);
  });

  it('locks a citizen account after 5 failures, like a staff account', async () => {
    const b = new Browser(t);
    await signUp(b, { idNumber: '001190099999' });
    const c = new Browser(t);
    for (let i = 0; i < 5; i++) {
      await c.submit('/tai-khoan/dang-nhap', { idNumber: '001190099999', password: 'sai' });
    }
    const right = await c.submit('/tai-khoan/dang-nhap', {
      idNumber: '001190099999',
      password: CITIZEN_PASSWORD,
    });
    expect(right.statusCode).toBe(422);
    expect(right.body).toContain('Số CCCD hoặc mật khẩu không đúng.');
    expect(right.body).toContain('Sau 5 lần nhập sai liên tiếp, tài khoản tạm khóa 15 phút');
  });
});
