import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { addStaff, addUnit, Browser } from '../../../test/staff.js';
import { SESSION_COOKIE } from '../../http/auth.js';

let t: TestApp;
let unitId: number;
let otherUnitId: number;

beforeAll(async () => {
  t = await buildTestApp();
  unitId = await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
  otherUnitId = await addUnit(t, 'thai-hoc', 'Xã Thái Học', false);
  await addStaff(t, unitId, 'quantri', ['admin']);
  await addStaff(t, unitId, 'bientap', ['editor']);
  await addStaff(t, otherUnitId, 'bientap.th', ['editor']);
  await addStaff(t, unitId, 'khoa.thu', ['editor']);
});
afterAll(async () => {
  await t.close();
});

describe('GET/POST /quan-tri/dang-nhap', () => {
  it('shows the sign-in form with labelled fields', async () => {
    const res = await new Browser(t).get('/quan-tri/dang-nhap');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<label for="username">Tên đăng nhập</label>');
    expect(res.body).toContain('name="trix-csp-nonce"');
  });

  it('answers an empty form with 422 and messages at the fields', async () => {
    const res = await new Browser(t).signIn('', '', '');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Vui lòng nhập tên đăng nhập.');
    expect(res.body).toContain('href="#username"');
  });

  it('refuses a wrong password with one generic message, keeping the username', async () => {
    const res = await new Browser(t).signIn('', 'bientap', 'sai-mat-khau');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(res.body).toContain('value="bientap"');
    expect(res.headers['set-cookie']?.toString() ?? '').not.toContain(SESSION_COOKIE);
    const unknown = await new Browser(t).signIn('', 'khong-ai', 'sai-mat-khau');
    expect(unknown.body).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('locks the account after 5 failures, even for the right password, with the same message as any failure', async () => {
    const b = new Browser(t);
    const form = await b.get('/quan-tri/dang-nhap');
    expect(form.body).toContain('Sau 5 lần nhập sai liên tiếp, tài khoản tạm khóa 15 phút');
    for (let i = 0; i < 5; i++) {
      expect((await b.signIn('', 'khoa.thu', 'sai')).body).toContain(
        'Tên đăng nhập hoặc mật khẩu không đúng.',
      );
    }
    const right = await b.signIn('', 'khoa.thu');
    expect(right.statusCode).toBe(422);
    expect(right.body).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    // An unknown username reads exactly the same: the page does not tell which usernames exist.
    const unknown = await b.signIn('', 'khong-co-ai', 'sai');
    const messageOf = (html: string) => /class="field-error">([\s\S]*?)<\/p>/.exec(html)?.[1];
    expect(messageOf(right.body)).toContain('không đúng');
    expect(messageOf(unknown.body)).toBe(messageOf(right.body));
    expect(right.body).not.toContain('bị khóa vì');
    t.clock.advance(16 * 60_000);
    expect((await b.signIn('', 'khoa.thu')).statusCode).toBe(303);
  });

  it('signs in: 303 to the dashboard with an httpOnly session cookie', async () => {
    const b = new Browser(t);
    const res = await b.signIn('', 'bientap');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/quan-tri');
    const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=604800/);
    const dash = await b.get('/quan-tri');
    expect(dash.statusCode).toBe(200);
    expect(dash.body).toContain('Cán bộ bientap');
    expect(dash.body).toContain('>Bài viết</a>');
    expect(dash.body).not.toContain('>Người dùng</a>');
  });

  it('follows a local ?tiep= and refuses an open redirect', async () => {
    const b = new Browser(t);
    const res = await b.submit('/quan-tri/dang-nhap?tiep=%2Fquan-tri%2Fbai-viet', {
      username: 'bientap',
      password: 'mat-khau-du-dai-123',
      tiep: '/quan-tri/bai-viet',
    });
    expect(res.headers.location).toBe('/quan-tri/bai-viet');
    for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const r = await new Browser(t).submit('/quan-tri/dang-nhap', {
        username: 'bientap',
        password: 'mat-khau-du-dai-123',
        tiep: evil,
      });
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/quan-tri');
    }
  });

  it('signs into another unit at its prefix and lists the other units the actor works in', async () => {
    await t.deps.accounts.setRoles(
      await t.deps.accounts.actorOf(1),
      (await t.deps.accounts.listStaff(unitId)).find((s) => s.username === 'bientap')!.id,
      otherUnitId,
      ['editor'],
      null,
    );
    const b = new Browser(t);
    const res = await b.signIn('/thai-hoc', 'bientap');
    expect(res.headers.location).toBe('/thai-hoc/quan-tri');
    const dash = await b.get('/thai-hoc/quan-tri');
    expect(dash.body).toContain('Xã Thái Học');
    expect(dash.body).toContain('href="/quan-tri">Xã Tân Hồng</a>');
  });
});

describe('POST /quan-tri/dang-xuat', () => {
  it('ends the session', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const out = await b.submit('/quan-tri', {}, '/quan-tri/dang-xuat');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/quan-tri/dang-nhap');
    const after = await b.get('/quan-tri');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/quan-tri/dang-nhap?tiep=%2Fquan-tri');
  });
});

describe('users and roles (/quan-tri/nguoi-dung)', () => {
  it('sends an anonymous visitor to sign in', async () => {
    const res = await new Browser(t).get('/quan-tri/nguoi-dung');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/quan-tri/dang-nhap?tiep=%2Fquan-tri%2Fnguoi-dung');
  });

  it('shows an editor a 403 page that explains, and keeps them signed in', async () => {
    const b = new Browser(t);
    await b.signIn('', 'bientap');
    const res = await b.get('/quan-tri/nguoi-dung');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Bạn vẫn đang đăng nhập');
    expect((await b.get('/quan-tri')).statusCode).toBe(200);
  });

  it('refuses an invalid new account with 422, messages at the fields and the input kept', async () => {
    const b = new Browser(t);
    await b.signIn('', 'quantri');
    const res = await b.submit('/quan-tri/nguoi-dung/moi', {
      username: 'Nguyễn Văn A',
      fullName: 'Nguyễn Văn A',
      email: 'khong-phai-email',
      password: 'ngan',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Tên đăng nhập chỉ gồm chữ thường không dấu');
    expect(res.body).toContain('Địa chỉ thư điện tử không đúng định dạng');
    expect(res.body).toContain('Mật khẩu cần ít nhất 12 ký tự.');
    expect(res.body).toContain('Chọn ít nhất một vai trò.');
    expect(res.body).toContain('value="Nguyễn Văn A"');
    const taken = await b.submit('/quan-tri/nguoi-dung/moi', {
      username: 'bientap',
      fullName: 'Trùng tên',
      email: '',
      password: 'mat-khau-du-dai-123',
      roles: ['editor'],
    });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('Tên đăng nhập này đã có người dùng.');
  });

  it('creates a staff account with roles, edits the roles, disables and enables it', async () => {
    const b = new Browser(t);
    await b.signIn('', 'quantri');
    const res = await b.submit('/quan-tri/nguoi-dung/moi', {
      username: 'mot.cua',
      fullName: 'Trần Thị Một Cửa',
      email: 'motcua@xa.example.vn',
      password: 'mat-khau-du-dai-123',
      roles: ['one_stop_officer', 'specialist'],
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/quan-tri/nguoi-dung');
    const list = await b.get('/quan-tri/nguoi-dung');
    expect(list.body).toContain('Trần Thị Một Cửa');
    expect(list.body).toContain('Cán bộ một cửa, Chuyên viên');

    const id = (await t.deps.accounts.listStaff(unitId)).find((s) => s.username === 'mot.cua')!.id;
    const edit = await b.submit(`/quan-tri/nguoi-dung/${id}`, { roles: ['leader'] });
    expect(edit.statusCode).toBe(303);
    const roles = (await t.deps.accounts.listStaff(unitId)).filter((s) => s.id === id).map((s) => s.role);
    expect(roles).toEqual(['leader']);

    const off = await b.submit(
      `/quan-tri/nguoi-dung/${id}`,
      { disabled: '1' },
      `/quan-tri/nguoi-dung/${id}/trang-thai`,
    );
    expect(off.statusCode).toBe(303);
    expect((await new Browser(t).signIn('', 'mot.cua')).statusCode).toBe(422);
    await b.submit(`/quan-tri/nguoi-dung/${id}`, { disabled: '0' }, `/quan-tri/nguoi-dung/${id}/trang-thai`);
    expect((await new Browser(t).signIn('', 'mot.cua')).statusCode).toBe(303);

    const audit = await b.get('/quan-tri/nhat-ky');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('account.set_roles');
    expect(audit.body).toContain('account.disable');
    expect(audit.body).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
  });

  it('does not let an admin remove their own admin role', async () => {
    const b = new Browser(t);
    await b.signIn('', 'quantri');
    const me = (await t.deps.accounts.listStaff(unitId)).find((s) => s.username === 'quantri')!.id;
    const res = await b.submit(`/quan-tri/nguoi-dung/${me}`, { roles: ['editor'] });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Bạn không thể tự bỏ quyền quản trị');
  });

  it('answers 404 for staff of another unit and for a malformed id', async () => {
    const b = new Browser(t);
    await b.signIn('', 'quantri');
    const other = (await t.deps.accounts.listStaff(otherUnitId)).find((s) => s.username === 'bientap.th')!.id;
    expect((await b.get(`/quan-tri/nguoi-dung/${other}`)).statusCode).toBe(404);
    expect((await b.get('/quan-tri/nguoi-dung/abc')).statusCode).toBe(404);
    expect((await b.get('/quan-tri/nguoi-dung/99999999999')).statusCode).toBe(404);
    const me = (await t.deps.accounts.listStaff(unitId)).find((s) => s.username === 'quantri')!.id;
    expect((await b.get(`/quan-tri/nguoi-dung/${me}`)).statusCode).toBe(200);
    for (const spelling of [`0x${me.toString(16)}`, `%20${me}`, `0${me}`, `${me}.0`, `+${me}`]) {
      expect((await b.get(`/quan-tri/nguoi-dung/${spelling}`)).statusCode, spelling).toBe(404);
    }
  });

  it("removes a shared account from this unit only, and goes back to the unit's list", async () => {
    const b = new Browser(t);
    await b.signIn('', 'quantri');
    const shared = await addStaff(t, unitId, 'hai.noi', ['editor']);
    await t.deps.db
      .insertInto('accountRole')
      .values({ accountId: shared, unitId: otherUnitId, role: 'editor' })
      .execute();
    const res = await b.submit(
      `/quan-tri/nguoi-dung/${shared}`,
      { disabled: '1' },
      `/quan-tri/nguoi-dung/${shared}/trang-thai`,
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/quan-tri/nguoi-dung');
    expect((await b.get('/quan-tri/nguoi-dung')).body).not.toContain('hai.noi');
    expect((await new Browser(t).signIn('/thai-hoc', 'hai.noi')).statusCode).toBe(303);
  });
});
