import { describe, expect, it } from 'vitest';
import {
  emblemOf,
  excerpt,
  inSentence,
  normaliseQuery,
  parsePageNumber,
  scrollableTables,
  searchPhrase,
  searchTokens,
  titleMatches,
  toArticleCard,
  toChrome,
  toCounters,
  toMeta,
  toPagination,
} from './portal.presenter.js';

const unit = {
  name: 'Xã Tân Hồng',
  fullName: 'Ủy ban nhân dân xã Tân Hồng',
  address: 'Thôn Mộ Trạch',
  phone: '0220 3000 000',
  email: 'ubnd@example.gov.vn',
  editorName: 'Nguyễn Văn Mẫu',
  editorTitle: 'Chủ tịch UBND xã',
  logoPath: null,
  isDemo: 0,
};

describe('toChrome', () => {
  const chrome = toChrome({
    unit,
    parentName: 'Huyện Bình Giang',
    base: '/tan-hong',
    categories: [
      { slug: 'tin-tuc', name: 'Tin tức', showInMenu: 1 },
      { slug: 'an', name: 'Ẩn', showInMenu: 0 },
    ],
    pages: [{ slug: 'gioi-thieu', title: 'Giới thiệu', showInMenu: 1 }],
  });

  it('names the portal as the seed page does', () => {
    expect(chrome.siteTitle).toBe('TRANG THÔNG TIN ĐIỆN TỬ XÃ TÂN HỒNG - HUYỆN BÌNH GIANG');
    expect(chrome.siteName).toBe('Trang thông tin điện tử xã Tân Hồng');
    expect(chrome.footer.editorLine).toBe('Trưởng Ban Biên tập: Nguyễn Văn Mẫu - Chủ tịch UBND xã');
  });

  it('builds the menu with the base path: home, pages, categories in the menu, search', () => {
    expect(chrome.menu).toEqual([
      { label: 'Trang chủ', href: '/tan-hong/' },
      { label: 'Giới thiệu', href: '/tan-hong/trang/gioi-thieu' },
      { label: 'Tin tức', href: '/tan-hong/chuyen-muc/tin-tuc' },
      { label: 'Tìm kiếm', href: '/tan-hong/tim-kiem' },
    ]);
  });

  it('uses the logo when there is one, initials otherwise', () => {
    expect(chrome.logo).toBeNull();
    expect(chrome.emblem).toBe('TH');
    const withLogo = toChrome({
      unit: { ...unit, logoPath: 'logo/th.png' },
      parentName: null,
      base: '',
      categories: [],
      pages: [],
    });
    expect(withLogo.logo).toEqual({ src: '/media/logo/th.png', alt: 'Biểu trưng Xã Tân Hồng' });
    expect(withLogo.siteTitle).toBe('TRANG THÔNG TIN ĐIỆN TỬ XÃ TÂN HỒNG');
  });

  it('leaves out the editor line when no editor-in-chief is set', () => {
    const c = toChrome({
      unit: { ...unit, editorName: '' },
      parentName: null,
      base: '',
      categories: [],
      pages: [],
    });
    expect(c.footer.editorLine).toBeNull();
  });
});

describe('names', () => {
  it('lower-cases the kind word inside a sentence, not proper names', () => {
    expect(inSentence('Xã Tân Hồng')).toBe('xã Tân Hồng');
    expect(inSentence('Thị trấn Kẻ Sặt')).toBe('thị trấn Kẻ Sặt');
    expect(inSentence('Hải Dương')).toBe('Hải Dương');
    expect(emblemOf('Thành phố Hải Dương')).toBe('HD');
    expect(emblemOf('Đông Anh')).toBe('ĐA');
  });
});

describe('toCounters', () => {
  it('formats numbers the Vietnamese way', () => {
    expect(toCounters({ online: 8, today: 1180, total: 5307886 })).toEqual({
      online: '8',
      today: '1.180',
      total: '5.307.886',
    });
  });
});

describe('toArticleCard', () => {
  it('links with the base path and dates in Vietnam time', () => {
    const card = toArticleCard(
      {
        slug: 'bai-a',
        title: 'Bài A',
        summary: 'Tóm tắt',
        publishedAt: '2023-03-10T17:30:00.000Z',
        coverKey: '2023/03/a.png',
        coverAlt: 'Ảnh',
      },
      '/thai-hoc',
    );
    expect(card).toEqual({
      title: 'Bài A',
      href: '/thai-hoc/bai-viet/bai-a',
      dateLabel: '11/03/2023',
      dateTime: '2023-03-10T17:30:00.000Z',
      summary: 'Tóm tắt',
      image: { src: '/media/2023/03/a.png', alt: 'Ảnh' },
    });
  });
});

describe('toMeta', () => {
  const chrome = toChrome({ unit, parentName: null, base: '', categories: [], pages: [] });
  it('gives absolute URLs and Dublin Core dates in Vietnam time', () => {
    const meta = toMeta(
      {
        title: 'Bài A',
        description: 'Mô tả',
        path: '/bai-viet/bai-a',
        type: 'article',
        date: '2023-03-10T17:30:00.000Z',
        imagePath: '/media/a.png',
      },
      chrome,
      'https://tanhong.example.gov.vn',
      new Date('2026-11-20T03:00:00Z'),
    );
    expect(meta).toMatchObject({
      documentTitle: 'Bài A - Trang thông tin điện tử xã Tân Hồng',
      canonicalUrl: 'https://tanhong.example.gov.vn/bai-viet/bai-a',
      imageUrl: 'https://tanhong.example.gov.vn/media/a.png',
      dcDate: '2023-03-11',
      dcCreator: 'Ủy ban nhân dân xã Tân Hồng',
      dcPublisher: 'Ủy ban nhân dân xã Tân Hồng',
      rssUrl: 'https://tanhong.example.gov.vn/rss.xml',
      type: 'article',
    });
  });

  it('uses the site name as the home page title', () => {
    const meta = toMeta({ path: '/' }, chrome, 'http://x', new Date('2026-11-20T20:00:00Z'));
    expect(meta.documentTitle).toBe('Trang thông tin điện tử xã Tân Hồng');
    expect(meta.dcDate).toBe('2026-11-21');
    expect(meta.imageUrl).toBeNull();
  });
});

describe('excerpt', () => {
  it('cuts long text at a word', () => {
    expect(excerpt('một hai ba bốn năm sáu', 12)).toBe('một hai ba…');
    expect(excerpt('  ngắn  ')).toBe('ngắn');
  });
});

describe('parsePageNumber', () => {
  it('accepts only positive integers', () => {
    expect(parsePageNumber(undefined)).toBe(1);
    expect(parsePageNumber('2')).toBe(2);
    for (const bad of ['0', '-1', 'abc', '1.5', '', '01', '9999999', ['1', '2']]) {
      expect(parsePageNumber(bad)).toBeNull();
    }
  });
});

describe('toPagination', () => {
  it('links neighbours, the first and the last page', () => {
    const p = toPagination(5, 9, (n) => `/c?trang=${n}`);
    expect(p.pages.map((x) => x.number)).toEqual([1, 3, 4, 5, 6, 7, 9]);
    expect(p.previousHref).toBe('/c?trang=4');
    expect(p.nextHref).toBe('/c?trang=6');
    expect(p.label).toBe('Trang 5/9');
    const first = toPagination(1, 2, (n) => `/c?trang=${n}`);
    expect(first.previousHref).toBeNull();
  });
});

describe('search helpers', () => {
  it('folds the query into distinct words', () => {
    expect(searchTokens('Cải cách  HÀNH chính, cải cách')).toEqual(['cai', 'cach', 'hanh', 'chinh']);
    expect(searchTokens('Đăng ký')).toEqual(['dang', 'ky']);
    expect(searchTokens('100%_ "x"')).toEqual(['100', 'x']);
    expect(searchTokens('  ')).toEqual([]);
  });

  it('folds the whole query into one phrase, repeated words kept', () => {
    expect(searchPhrase('  Đăng   ký, đăng ký! ')).toBe('dang ky dang ky');
  });

  it('keeps the first query value, trimmed and cut to 200 characters', () => {
    expect(normaliseQuery(['a', 'b'])).toBe('a');
    expect(normaliseQuery(undefined)).toBe('');
    expect(normaliseQuery('x'.repeat(300))).toHaveLength(200);
  });

  it('tells whether every word starts a word of the title', () => {
    expect(titleMatches('Hướng dẫn Đăng ký khai sinh', ['dang', 'ky'])).toBe(true);
    expect(titleMatches('Hướng dẫn Đăng ký khai sinh', ['ang'])).toBe(false);
  });
});

describe('scrollableTables', () => {
  it('puts every table, nested ones too, in a focusable, labelled region and leaves the rest alone', () => {
    const open =
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Bảng (có thể cuộn ngang)">';
    expect(scrollableTables('<p>a</p><table><tr><td>1</td></tr></table><p>b</p>')).toBe(
      `<p>a</p>${open}<table><tr><td>1</td></tr></table></div><p>b</p>`,
    );
    expect(scrollableTables('<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>')).toBe(
      `${open}<table><tr><td>${open}<table><tr><td>x</td></tr></table></div></td></tr></table></div>`,
    );
    expect(scrollableTables('<p>Thẻ &lt;table&gt; là bảng</p>')).toBe('<p>Thẻ &lt;table&gt; là bảng</p>');
  });
});
