import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import {
  daysBefore,
  insertArticle,
  insertCategory,
  insertMedia,
  insertPage,
  insertUnit,
} from './test-fixtures.js';

const BROWSER =
  'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const NOW = '2026-11-20T03:00:00.000Z';

/** Text of an HTML page with tags removed and spaces collapsed, to assert what a reader sees. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('public portal', () => {
  let t: TestApp;
  let tanHong: number;
  let thaiHoc: number;

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER, ...headers } });

  beforeAll(async () => {
    t = await buildTestApp({ now: NOW });
    const { db } = t.deps;
    const province = await insertUnit(t.deps, {
      slug: 'hai-duong',
      name: 'Tỉnh Hải Dương',
      kind: 'province',
    });
    const district = await insertUnit(t.deps, {
      slug: 'binh-giang',
      name: 'Huyện Bình Giang',
      kind: 'district',
      parentId: province,
    });
    tanHong = await insertUnit(t.deps, {
      slug: 'tan-hong',
      name: 'Xã Tân Hồng',
      parentId: district,
      isDefault: true,
      settings: {
        address: 'Thôn Mộ Trạch - xã Tân Hồng - Huyện Bình Giang - Tỉnh Hải Dương',
        phone: '0220 3000 000',
        email: 'ubnd.tanhong@example.gov.vn',
        editorName: 'Nguyễn Văn Mẫu',
        editorTitle: 'Chủ tịch UBND xã',
      },
    });
    thaiHoc = await insertUnit(t.deps, { slug: 'thai-hoc', name: 'Xã Thái Học', parentId: district });

    const cchc = await insertCategory(db, {
      unitId: tanHong,
      slug: 'cai-cach-hanh-chinh',
      name: 'Cải cách hành chính',
      position: 1,
    });
    const news = await insertCategory(db, {
      unitId: tanHong,
      slug: 'tin-tuc',
      name: 'Tin tức - Sự kiện',
      position: 2,
    });
    await insertCategory(db, {
      unitId: tanHong,
      slug: 'chua-co-tin',
      name: 'Chuyên mục trống',
      position: 3,
      showOnHome: false,
    });
    await insertCategory(db, {
      unitId: tanHong,
      slug: 'an-menu',
      name: 'Chuyên mục ẩn',
      position: 4,
      showInMenu: false,
    });
    const cover = await insertMedia(db, {
      unitId: tanHong,
      storageKey: '2026/11/mot-cua.png',
      alt: 'Công dân nộp hồ sơ tại quầy',
      caption: 'Hình ảnh công dân nộp hồ sơ dịch vụ công trực tuyến tại Bộ phận Một cửa xã Tân Hồng',
    });
    await insertArticle(db, {
      unitId: tanHong,
      categoryId: cchc,
      slug: 'dan-dau-chi-so-cchc',
      title: 'Xã Tân Hồng 03 năm liền dẫn đầu về Chỉ số cải cách hành chính',
      summary: 'Xã Tân Hồng xếp vị trí đầu bảng với 87,032 điểm.',
      bodyHtml:
        '<p>Có được kết quả này, UBND xã đã tập trung nâng cao chất lượng công tác CCHC.</p>' +
        '<figure><img src="/media/2026/11/than.png" alt="Hội nghị tổng kết"><figcaption>Hội nghị tổng kết năm 2022</figcaption></figure>',
      featured: true,
      publishedAt: '2023-03-11T05:00:00.000Z',
      coverMediaId: cover,
    });
    await insertArticle(db, {
      unitId: tanHong,
      categoryId: cchc,
      slug: 'mot-cua-hien-dai',
      title: 'Bộ phận Một cửa hiện đại',
      publishedAt: '2023-03-01T02:00:00.000Z',
    });
    await insertArticle(db, {
      unitId: tanHong,
      categoryId: news,
      slug: 'dang-ky-khai-sinh-truc-tuyen',
      title: 'Hướng dẫn Đăng ký khai sinh trực tuyến',
      summary: 'Các bước đăng ký trên Cổng dịch vụ công.',
      publishedAt: daysBefore(NOW, 1),
    });
    for (let i = 1; i <= 12; i++) {
      await insertArticle(db, {
        unitId: tanHong,
        categoryId: news,
        slug: `tin-so-${i}`,
        title: `Tin hoạt động số ${i}`,
        publishedAt: daysBefore(NOW, 2 + i),
      });
    }
    await insertArticle(db, {
      unitId: tanHong,
      categoryId: news,
      slug: 'ban-nhap',
      title: 'Bản nháp chưa đăng',
      status: 'draft',
    });
    await insertArticle(db, {
      unitId: tanHong,
      categoryId: news,
      slug: 'hen-gio',
      title: 'Bài hẹn giờ đăng ngày mai',
      publishedAt: '2026-11-21T03:00:00.000Z',
    });
    await insertPage(db, {
      unitId: tanHong,
      slug: 'gioi-thieu',
      title: 'Giới thiệu chung',
      bodyHtml: '<p>Xã Tân Hồng có truyền thống hiếu học.</p>',
    });
    const thaiNews = await insertCategory(db, { unitId: thaiHoc, slug: 'tin-tuc', name: 'Tin tức Thái Học' });
    await insertArticle(db, {
      unitId: thaiHoc,
      categoryId: thaiNews,
      slug: 'tin-rieng',
      title: 'Tin riêng của xã Thái Học',
    });
  });

  afterAll(async () => {
    await t.close();
  });

  describe('GET /', () => {
    it('shows featured, latest and category blocks, only published articles', async () => {
      const res = await get('/');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const text = textOf(res.body);
      expect(text).toContain('Tin nổi bật');
      expect(text).toContain('Xã Tân Hồng 03 năm liền dẫn đầu về Chỉ số cải cách hành chính');
      expect(text).toContain('Tin mới');
      expect(text).toContain('Hướng dẫn Đăng ký khai sinh trực tuyến');
      expect(res.body).toMatch(
        /<h2 id="chuyen-muc-0"><a href="\/chuyen-muc\/cai-cach-hanh-chinh">Cải cách hành chính<\/a>/,
      );
      expect(text).toContain('Tin tức - Sự kiện');
      expect(text).not.toContain('Bản nháp chưa đăng');
      expect(text).not.toContain('Bài hẹn giờ đăng ngày mai');
      expect(text).not.toContain('Tin riêng của xã Thái Học');
    });

    it('carries the header, menu and the footer a state portal must have', async () => {
      const res = await get('/');
      const text = textOf(res.body);
      expect(text).toContain('TRANG THÔNG TIN ĐIỆN TỬ XÃ TÂN HỒNG - HUYỆN BÌNH GIANG');
      expect(text).toContain('Cơ quan chủ quản: Ủy ban nhân dân Xã Tân Hồng');
      expect(text).toContain('Trưởng Ban Biên tập: Nguyễn Văn Mẫu - Chủ tịch UBND xã');
      expect(text).toContain('Địa chỉ: Thôn Mộ Trạch - xã Tân Hồng - Huyện Bình Giang - Tỉnh Hải Dương');
      expect(text).toContain('Điện thoại: 0220 3000 000');
      expect(text).toContain('Email: ubnd.tanhong@example.gov.vn');
      expect(res.body).toContain('href="/so-do-trang"');
      expect(res.body).toContain('href="/rss.xml"');
      expect(res.body).toContain('<html lang="vi">');
      expect(res.body).toContain('class="skip-link" href="#noi-dung"');
      // Menu: home, pages, categories shown in the menu, search; the hidden category is not there.
      const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(res.body)?.[0] ?? '';
      expect(textOf(nav)).toMatch(
        /Trang chủ .*Giới thiệu chung .*Cải cách hành chính .*Tin tức - Sự kiện .*Chuyên mục trống .*Tìm kiếm/,
      );
      expect(nav).not.toContain('Chuyên mục ẩn');
      expect(res.body).toMatch(/<label for="tu-khoa-dau-trang">Tìm kiếm<\/label>/);
      // No logo yet: the emblem fallback, no broken image.
      expect(res.body).toContain('class="brand-emblem"');
      // The results widget fills the sidebar's slot (issue #4); no quick links to services that do not exist yet,
      // but the national public-service portal, marked as another site.
      expect(res.body).toContain(
        '<section class="box results-widget" aria-labelledby="ket-qua-giai-quyet-tthc">',
      );
      expect(res.body).not.toContain('data-slot="ket-qua-giai-quyet-tthc"');
      expect(text).not.toContain('Thủ tục hành chính Hỏi đáp');
      const quick = /<section class="box" aria-labelledby="lien-ket-nhanh">[\s\S]*?<\/section>/.exec(
        res.body,
      )?.[0];
      expect(textOf(quick ?? '')).toContain('Cổng Dịch vụ công quốc gia (trang bên ngoài)');
      expect(quick).toContain('<a href="/tra-cuu-ho-so">Tra cứu hồ sơ</a>'); // the dossier look-up exists
      // The working calendar's pages exist, so every portal page links to them.
      expect(quick).toContain('<a href="/han-giai-quyet">Tính hạn trả kết quả</a>');
      expect(quick).toContain('<a href="/ngay-nghi">Lịch nghỉ lễ, Tết</a>');
      expect(quick).toContain(
        '<a href="https://dichvucong.gov.vn" rel="external noopener" class="external">',
      );
      // Every page names its icon.
      expect(res.body).toContain('<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"/>');
      expect(text).toMatch(/Đang truy cập: \d+ Hôm nay: \d+ Tất cả: \d+/);
    });

    it('folds the menu into a "Danh mục" disclosure for phones that names the current section', async () => {
      const res = await get('/chuyen-muc/cai-cach-hanh-chinh');
      const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(res.body)?.[0] ?? '';
      const compact = /<details class="menu-compact">([\s\S]*?)<\/details>/.exec(nav)?.[1] ?? '';
      const summary = /<summary>([\s\S]*?)<\/summary>/.exec(compact)?.[1] ?? '';
      expect(textOf(summary).trim()).toBe('Danh mục , đang xem: Cải cách hành chính');
      // The same links in the disclosure and in the wide menu; the current one marked in both, nothing else.
      const current = '<a href="/chuyen-muc/cai-cach-hanh-chinh" aria-current="page">';
      expect(compact).toContain(current);
      expect(nav.split(current)).toHaveLength(3);
      expect(nav.match(/aria-current/g)).toHaveLength(2);
      expect(textOf(/<div class="menu-wide">[\s\S]*?<\/div>/.exec(nav)?.[0] ?? '')).toMatch(
        /Trang chủ .*Giới thiệu chung .*Cải cách hành chính .*Tìm kiếm/,
      );
      // On a page outside the menu the summary says only "Danh mục".
      const units = await get('/don-vi');
      expect(textOf(/<summary>([\s\S]*?)<\/summary>/.exec(units.body)?.[1] ?? '').trim()).toBe('Danh mục');
    });

    it('has Open Graph and Dublin Core metadata with absolute URLs', async () => {
      const res = await get('/');
      expect(res.body).toContain('<link rel="canonical" href="http://localhost:80/"/>');
      expect(res.body).toContain('<meta property="og:url" content="http://localhost:80/"/>');
      expect(res.body).toContain('<meta property="og:type" content="website"/>');
      for (const name of [
        'DC.title',
        'DC.creator',
        'DC.date',
        'DC.description',
        'DC.publisher',
        'DC.identifier',
      ]) {
        expect(res.body).toContain(`<meta name="${name}" content="`);
      }
      expect(res.body).toContain('<meta name="DC.language" content="vi"/>');
      expect(res.body).toContain('<meta name="DC.date" content="2026-11-20"/>');
    });

    it('serves another unit at its slug prefix, with links that carry the prefix', async () => {
      const res = await get('/thai-hoc/');
      expect(res.statusCode).toBe(200);
      const text = textOf(res.body);
      expect(text).toContain('TRANG THÔNG TIN ĐIỆN TỬ XÃ THÁI HỌC - HUYỆN BÌNH GIANG');
      expect(text).toContain('Tin riêng của xã Thái Học');
      expect(text).not.toContain('Chỉ số cải cách hành chính');
      expect(res.body).toContain('href="/thai-hoc/bai-viet/tin-rieng"');
      expect(res.body).toContain('href="/thai-hoc/chuyen-muc/tin-tuc"');
      expect(res.body).toContain('action="/thai-hoc/tim-kiem"');
      expect(res.body).toContain('<link rel="canonical" href="http://localhost:80/thai-hoc/"/>');
      const article = await get('/thai-hoc/bai-viet/tin-rieng');
      expect(article.statusCode).toBe(200);
      // An article of one unit is not found under another.
      expect((await get('/bai-viet/tin-rieng')).statusCode).toBe(404);
    });

    it('answers HEAD like GET, without a body', async () => {
      const res = await t.app.inject({ method: 'HEAD', url: '/', headers: { 'user-agent': BROWSER } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe('');
    });
  });

  describe('GET /chuyen-muc/:slug', () => {
    it('lists the latest articles, ten a page, with pagination', async () => {
      const res = await get('/chuyen-muc/tin-tuc');
      expect(res.statusCode).toBe(200);
      const text = textOf(res.body);
      expect(text).toContain('Hướng dẫn Đăng ký khai sinh trực tuyến');
      expect(text).toContain('Trang 1/2');
      expect(res.body).toContain('href="/chuyen-muc/tin-tuc?trang=2"');
      expect(text).not.toContain('Tin hoạt động số 10 '); // the 11th and later are on page 2
      const page2 = await get('/chuyen-muc/tin-tuc?trang=2');
      expect(page2.statusCode).toBe(200);
      expect(textOf(page2.body)).toContain('Tin hoạt động số 12');
      expect(page2.body).toContain(
        '<link rel="canonical" href="http://localhost:80/chuyen-muc/tin-tuc?trang=2"/>',
      );
    });

    it('answers 404 for a page number out of range or not a number', async () => {
      for (const q of ['99', 'abc', '0', '-1', '1.5', '']) {
        const res = await get(`/chuyen-muc/tin-tuc?trang=${q}`);
        expect(res.statusCode, q).toBe(404);
        expect(res.body).toContain('Không');
      }
    });

    it('shows an empty category with a message, and 404 for an unknown one', async () => {
      const res = await get('/chuyen-muc/chua-co-tin');
      expect(res.statusCode).toBe(200);
      expect(textOf(res.body)).toContain('Chưa có bài viết');
      expect((await get('/chuyen-muc/chua-co-tin?trang=2')).statusCode).toBe(404);
      const unknown = await get('/chuyen-muc/khong-ton-tai');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body).toContain('Không tìm thấy chuyên mục này.');
    });
  });

  describe('GET /bai-viet/:slug', () => {
    it('shows category, title, date and time, summary, cover with its caption, body and related articles', async () => {
      const res = await get('/bai-viet/dan-dau-chi-so-cchc');
      expect(res.statusCode).toBe(200);
      const text = textOf(res.body);
      expect(res.body).toContain('<a href="/chuyen-muc/cai-cach-hanh-chinh">Cải cách hành chính</a>');
      expect(res.body).toContain('<h1>Xã Tân Hồng 03 năm liền dẫn đầu về Chỉ số cải cách hành chính</h1>');
      expect(text).toContain('11/03/2023 12:00:00');
      expect(text).toContain('Xã Tân Hồng xếp vị trí đầu bảng với 87,032 điểm.');
      expect(res.body).toMatch(
        /<figure class="cover"><img src="\/media\/2026\/11\/mot-cua.png" alt="Công dân nộp hồ sơ tại quầy"[^>]*\/><figcaption>Hình ảnh công dân nộp hồ sơ dịch vụ công trực tuyến tại Bộ phận Một cửa xã Tân Hồng<\/figcaption><\/figure>/,
      );
      expect(res.body).toContain('<figcaption>Hội nghị tổng kết năm 2022</figcaption>');
      expect(text).toContain('Tin cùng chuyên mục');
      expect(res.body).toContain('href="/bai-viet/mot-cua-hien-dai"');
      expect(res.body).toContain('href="/bai-viet/dan-dau-chi-so-cchc/ban-in"');
      expect(res.body).toContain('<meta property="og:type" content="article"/>');
      expect(res.body).toContain(
        '<meta property="og:image" content="http://localhost:80/media/2026/11/mot-cua.png"/>',
      );
      expect(res.body).toContain('<meta name="DC.date" content="2023-03-11"/>');
    });

    it('answers 404 for a draft, an article scheduled later, and an unknown slug', async () => {
      for (const slug of ['ban-nhap', 'hen-gio', 'khong-co-bai-nay']) {
        const res = await get(`/bai-viet/${slug}`);
        expect(res.statusCode, slug).toBe(404);
        expect(res.body).toContain('Không tìm thấy bài viết này');
      }
    });

    it('has a print view without the menu', async () => {
      const res = await get('/bai-viet/dan-dau-chi-so-cchc/ban-in');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<body class="print">');
      expect(res.body).not.toContain('class="site-nav"');
      expect(textOf(res.body)).toContain('11/03/2023 12:00:00');
      expect(textOf(res.body)).toContain('Nguồn: http://localhost:80/bai-viet/dan-dau-chi-so-cchc');
      expect((await get('/bai-viet/ban-nhap/ban-in')).statusCode).toBe(404);
    });
  });

  describe('GET /trang/:slug', () => {
    it('shows a static page, 404 for an unknown one', async () => {
      const res = await get('/trang/gioi-thieu');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1>Giới thiệu chung</h1>');
      expect(res.body).toContain('<p>Xã Tân Hồng có truyền thống hiếu học.</p>');
      expect((await get('/trang/co-cau-to-chuc')).statusCode).toBe(404);
    });
  });

  describe('GET /tim-kiem', () => {
    it('shows only the form for an empty query', async () => {
      const res = await get('/tim-kiem');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<label for="tu-khoa">Từ khóa</label>');
      const main = /<main[\s\S]*?<\/main>/.exec(res.body)?.[0] ?? '';
      expect(main).toContain('Từ khóa');
      expect(textOf(main)).not.toContain('kết quả');
    });

    it('ignores diacritics and đ/d', async () => {
      const cchc = await get('/tim-kiem?q=cai+cach+hanh+chinh');
      expect(cchc.statusCode).toBe(200);
      const text = textOf(cchc.body);
      expect(text).toContain('Tìm thấy 1 kết quả cho “cai cach hanh chinh”.');
      expect(text).toContain('Xã Tân Hồng 03 năm liền dẫn đầu về Chỉ số cải cách hành chính');
      const dangKy = textOf((await get('/tim-kiem?q=dang%20ky')).body);
      expect(dangKy).toContain('Hướng dẫn Đăng ký khai sinh trực tuyến');
      const upper = textOf((await get(`/tim-kiem?q=${encodeURIComponent('ĐĂNG KÝ')}`)).body);
      expect(upper).toContain('Hướng dẫn Đăng ký khai sinh trực tuyến');
    });

    it('finds static pages, never drafts, and says when nothing matches', async () => {
      expect(textOf((await get('/tim-kiem?q=hieu+hoc')).body)).toContain('Giới thiệu chung');
      expect(textOf((await get('/tim-kiem?q=ban+nhap')).body)).toContain('Không tìm thấy kết quả nào');
      expect(textOf((await get('/tim-kiem?q=100%25_x')).body)).toContain('Không tìm thấy kết quả nào');
    });

    it('lists titles first and paginates', async () => {
      const res = await get('/tim-kiem?q=tin');
      const text = textOf(res.body);
      expect(text).toContain('Tìm thấy 12 kết quả');
      expect(text).toContain('Trang 1/2');
      expect((await get('/tim-kiem?q=tin&trang=2')).statusCode).toBe(200);
      expect((await get('/tim-kiem?q=tin&trang=3')).statusCode).toBe(404);
    });

    it('ranks titles with every word first, then texts with the whole phrase, then the rest', async () => {
      const category = await insertCategory(t.deps.db, { unitId: thaiHoc, slug: 'hoi-dap', name: 'Hỏi đáp' });
      const add = (slug: string, title: string, summary: string, publishedAt: string) =>
        insertArticle(t.deps.db, {
          unitId: thaiHoc,
          categoryId: category,
          slug,
          title,
          summary,
          publishedAt,
        });
      await add(
        'ky-hop',
        'Kỳ họp thứ nhất Hội đồng nhân dân',
        'Kỳ họp đang diễn ra.',
        '2024-06-01T00:00:00.000Z',
      );
      await add(
        'ket-hon',
        'Hướng dẫn thủ tục kết hôn',
        'Người dân đăng ký kết hôn tại Bộ phận Một cửa.',
        '2024-05-01T00:00:00.000Z',
      );
      await add('thuong-tru', 'Đăng ký thường trú', 'Thủ tục cư trú.', '2024-01-01T00:00:00.000Z');
      t.deps.portal.pageCache.invalidateUnit(thaiHoc);
      const res = await get('/thai-hoc/tim-kiem?q=dang+ky');
      const titles = [...res.body.matchAll(/<h3><a href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((x) => x[1]);
      expect(titles).toEqual([
        'Đăng ký thường trú',
        'Hướng dẫn thủ tục kết hôn',
        'Kỳ họp thứ nhất Hội đồng nhân dân',
      ]);
    });

    it('copes with a very long query', async () => {
      const res = await get(`/tim-kiem?q=${'cải cách '.repeat(60)}`);
      expect(res.statusCode).toBe(200);
    });
  });

  describe('feeds and site maps', () => {
    it('serves RSS 2.0 with the latest articles and absolute links', async () => {
      const res = await get('/rss.xml');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      expect(res.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
      const items = res.body.match(/<item>[\s\S]*?<\/item>/g) ?? [];
      expect(items).toHaveLength(15); // every published article: fewer than 20
      expect(items[0]).toContain('<link>http://localhost:80/bai-viet/dang-ky-khai-sinh-truc-tuyen</link>');
      expect(items[0]).toMatch(/<pubDate>Thu, 19 Nov 2026 03:00:00 GMT<\/pubDate>/);
      expect(res.body).toContain('<category>Tin tức - Sự kiện</category>');
      expect(res.body).not.toContain('Bản nháp chưa đăng');
      assertWellFormed(res.body);
    });

    it('lists at most the latest 20 articles', async () => {
      const category = await insertCategory(t.deps.db, { unitId: thaiHoc, slug: 'luu-tru', name: 'Lưu trữ' });
      for (let i = 1; i <= 22; i++) {
        await insertArticle(t.deps.db, {
          unitId: thaiHoc,
          categoryId: category,
          slug: `luu-tru-${i}`,
          title: `Tin cũ ${i} <b>&</b>`,
          publishedAt: daysBefore('2025-01-01T00:00:00.000Z', i),
        });
      }
      t.deps.portal.pageCache.invalidateUnit(thaiHoc);
      const res = await get('/thai-hoc/rss.xml');
      expect(res.body.match(/<item>/g)).toHaveLength(20);
      expect(res.body).toContain('<title>Tin cũ 1 &lt;b&gt;&amp;&lt;/b&gt;</title>');
      expect(res.body).not.toContain('luu-tru-20<');
      assertWellFormed(res.body);
    });

    it('serves RSS per category, 404 for an unknown category', async () => {
      const res = await get('/rss/cai-cach-hanh-chinh.xml');
      expect(res.statusCode).toBe(200);
      expect(res.body.match(/<item>/g)).toHaveLength(2);
      expect(res.body).toContain('<title>Cải cách hành chính - Trang thông tin điện tử xã Tân Hồng</title>');
      assertWellFormed(res.body);
      expect((await get('/rss/khong-co.xml')).statusCode).toBe(404);
      const prefixed = await get('/thai-hoc/rss/tin-tuc.xml');
      expect(prefixed.body).toContain('<link>http://localhost:80/thai-hoc/bai-viet/tin-rieng</link>');
    });

    it('serves sitemap.xml with home, categories, pages and published articles', async () => {
      const res = await get('/sitemap.xml');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(res.body).toContain('<loc>http://localhost:80/</loc>');
      expect(res.body).toContain('<loc>http://localhost:80/chuyen-muc/tin-tuc</loc>');
      expect(res.body).toContain('<loc>http://localhost:80/trang/gioi-thieu</loc>');
      expect(res.body).toContain(
        '<loc>http://localhost:80/bai-viet/dan-dau-chi-so-cchc</loc><lastmod>2026-11-01</lastmod>',
      );
      expect(res.body).not.toContain('ban-nhap');
      expect(res.body).not.toContain('tin-rieng');
      assertWellFormed(res.body);
    });

    it('has an HTML site map, a list of units and robots.txt', async () => {
      const map = await get('/so-do-trang');
      expect(map.statusCode).toBe(200);
      expect(map.body).toContain('href="/chuyen-muc/cai-cach-hanh-chinh"');
      expect(map.body).toContain('href="/trang/gioi-thieu"');
      expect(map.body).toContain('href="/sitemap.xml"');
      const units = await get('/don-vi');
      expect(units.statusCode).toBe(200);
      expect(units.body).toContain('<a href="/thai-hoc/">Xã Thái Học</a>');
      expect(units.body).toContain('<a href="/" aria-current="page">Xã Tân Hồng</a>');
      const robots = await get('/robots.txt');
      expect(robots.body).toContain('Sitemap: http://localhost:80/sitemap.xml');
      expect(robots.body).toContain('Sitemap: http://localhost:80/thai-hoc/sitemap.xml');
    });
  });

  describe('page cache', () => {
    it('answers If-None-Match with 304', async () => {
      const first = await get('/trang/gioi-thieu');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"/);
      const again = await get('/trang/gioi-thieu', { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect((await get('/trang/gioi-thieu', { 'if-none-match': '"other"' })).statusCode).toBe(200);
    });

    it('serves a cached page until the unit is invalidated', async () => {
      const before = await get('/bai-viet/mot-cua-hien-dai');
      expect(before.body).toContain('Bộ phận Một cửa hiện đại');
      await t.deps.db
        .updateTable('article')
        .set({ title: 'Bộ phận Một cửa đã đổi tên' })
        .where('slug', '=', 'mot-cua-hien-dai')
        .execute();
      const cached = await get('/bai-viet/mot-cua-hien-dai');
      expect(cached.body).toBe(before.body);
      t.deps.portal.pageCache.invalidateUnit(tanHong);
      const fresh = await get('/bai-viet/mot-cua-hien-dai');
      expect(fresh.body).toContain('Bộ phận Một cửa đã đổi tên');
    });

    it('keys pages by unit: a unit prefix does not get the default unit’s page', async () => {
      await get('/chuyen-muc/tin-tuc');
      const other = await get('/thai-hoc/chuyen-muc/tin-tuc');
      expect(textOf(other.body)).toContain('Tin tức Thái Học');
    });
  });

  describe('not found inside a unit', () => {
    it('keeps the unit’s header, menu and footer, says what was missing and offers a search', async () => {
      const res = await get('/bai-viet/khong-co-bai-nay');
      expect(res.statusCode).toBe(404);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.etag).toBeUndefined();
      const text = textOf(res.body);
      expect(text).toContain('TRANG THÔNG TIN ĐIỆN TỬ XÃ TÂN HỒNG - HUYỆN BÌNH GIANG');
      expect(res.body).toContain('<nav class="site-nav" aria-label="Danh mục chính">');
      expect(text).toContain('Cơ quan chủ quản: Ủy ban nhân dân Xã Tân Hồng');
      expect(res.body).toContain('<h1>Không tìm thấy trang</h1>');
      expect(text).toContain('Không tìm thấy bài viết này, hoặc bài viết chưa được đăng.');
      expect(res.body).toMatch(
        /<form class="search-page-form" role="search" method="get" action="\/tim-kiem" aria-label="Tìm kiếm nội dung cần tìm">/,
      );
      expect(res.body).toContain('<label for="tu-khoa-khong-thay">');
      expect(res.body).toContain('<meta name="robots" content="noindex, follow"/>');
      expect(res.body).toContain('<title>Không tìm thấy trang - Trang thông tin điện tử xã Tân Hồng</title>');
    });

    it('uses the layout of the unit in the path, for unknown categories, pages and addresses', async () => {
      const category = await get('/thai-hoc/chuyen-muc/khong-co');
      expect(category.statusCode).toBe(404);
      expect(textOf(category.body)).toContain('XÃ THÁI HỌC');
      expect(textOf(category.body)).toContain('Không tìm thấy chuyên mục này.');
      expect(category.body).toContain('action="/thai-hoc/tim-kiem"');
      const page = await get('/trang/khong-co');
      expect(page.statusCode).toBe(404);
      expect(textOf(page.body)).toContain('Không tìm thấy trang này.');
      // No route at all: the default unit's portal, the general message.
      const nowhere = await get('/khong-co/dia-chi-nay');
      expect(nowhere.statusCode).toBe(404);
      expect(nowhere.body).toContain('<nav class="site-nav"');
      expect(textOf(nowhere.body)).toContain('Trang bạn tìm không tồn tại hoặc đã được chuyển đi.');
      // A page number out of range is a 404 inside the layout too.
      expect((await get('/chuyen-muc/cai-cach-hanh-chinh?trang=99')).body).toContain('<nav class="site-nav"');
    });

    it('is never cached: an article published after a 404 shows at once', async () => {
      expect((await get('/bai-viet/vua-moi-dang')).statusCode).toBe(404);
      const { id: categoryId } = await t.deps.db
        .selectFrom('category')
        .select('id')
        .where('unitId', '=', tanHong)
        .where('slug', '=', 'cai-cach-hanh-chinh')
        .executeTakeFirstOrThrow();
      await insertArticle(t.deps.db, {
        unitId: tanHong,
        categoryId,
        slug: 'vua-moi-dang',
        title: 'Bài vừa mới đăng',
        publishedAt: daysBefore(NOW, 0),
      });
      const res = await get('/bai-viet/vua-moi-dang');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1>Bài vừa mới đăng</h1>');
    });

    it('leaves files, the admin and APIs to the plain error pages', async () => {
      const file = await get('/static/khong-co.css');
      expect(file.statusCode).toBe(404);
      expect(file.body).not.toContain('site-nav');
      expect(file.body).toContain('<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"/>');
      const admin = await get('/quan-tri/khong-co');
      expect(admin.statusCode).toBe(404);
      expect(admin.body).not.toContain('site-nav');
      const api = await get('/api/khong-co');
      expect(api.statusCode).toBe(404);
      expect(api.json()).toEqual({ error: 'not_found', message: expect.stringContaining('không tồn tại') });
    });
  });

  describe('GET /favicon.ico', () => {
    it('sends the browser to the SVG icon, which is served', async () => {
      const res = await get('/favicon.ico');
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe('/static/favicon.svg');
      expect((await get('/thai-hoc/favicon.ico')).headers.location).toBe('/static/favicon.svg');
      const icon = await get('/static/favicon.svg');
      expect(icon.statusCode).toBe(200);
      expect(icon.headers['content-type']).toContain('image/svg+xml');
      expect(icon.body).toContain('<svg');
    });
  });

  describe('visitor counter', () => {
    it('counts page views of people, also from the cache, but not robots, feeds or 404s', async () => {
      const counter = t.deps.portal.visitors;
      const start = counter.snapshot(thaiHoc);
      await get('/thai-hoc/');
      await get('/thai-hoc/'); // from the cache
      await get('/thai-hoc/', { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' });
      await get('/thai-hoc/', { 'user-agent': 'curl/8.5.0' });
      await get('/thai-hoc/', { 'user-agent': '' });
      await get('/thai-hoc/rss.xml');
      await get('/thai-hoc/bai-viet/khong-co');
      const after = counter.snapshot(thaiHoc);
      expect(after.today - start.today).toBe(2);
      expect(after.total - start.total).toBe(2);
      expect(after.online).toBe(1);
      await get('/thai-hoc/', { 'user-agent': `${BROWSER} Firefox` });
      expect(counter.snapshot(thaiHoc).online).toBe(2);
    });

    it('shows the counts on the page with Vietnamese number formatting', async () => {
      t.deps.portal.pageCache.invalidateUnit(thaiHoc);
      const res = await get('/thai-hoc/don-vi');
      const s = t.deps.portal.visitors.snapshot(thaiHoc);
      expect(textOf(res.body)).toContain(`Hôm nay: ${s.today - 1} Tất cả: ${s.total - 1}`);
    });
  });
});

/** A small structural check: every element closed in order (the feeds carry no DTD, CDATA or comments). */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)([^>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (selfClosing) {
      continue;
    }
    if (closing) {
      expect(stack.pop()).toBe(name);
    } else {
      stack.push(name!);
    }
  }
  expect(stack).toEqual([]);
  expect(body.replace(/<[^>]+>/g, '')).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
}
