import { describe, expect, it } from 'vitest';
import { isSameOriginImage, sanitizeBodyHtml } from './html-sanitize.js';

const trixFigure = (attachment: object, attributes: object | null, inner: string) => {
  const enc = (o: object) => JSON.stringify(o).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<figure data-trix-attachment="${enc(attachment)}"${attributes ? ` data-trix-attributes="${enc(attributes)}"` : ''} data-trix-content-type="image/png" class="attachment attachment--preview attachment--png">${inner}</figure>`;
};

describe('sanitizeBodyHtml', () => {
  it('removes scripts, event handlers, styles and javascript: links', () => {
    const out = sanitizeBodyHtml(
      '<p style="color:red" onclick="steal()">Xin chào</p><script>alert(1)</script><img src="/media/2026/11/abcdefghijklmnop.png" onerror="alert(1)"><a href="javascript:alert(1)">bấm</a><iframe src="https://x"></iframe>',
    );
    expect(out).toBe(
      '<p>Xin chào</p><p><img src="/media/2026/11/abcdefghijklmnop.png" alt="" /><a>bấm</a></p>',
    );
  });

  it('keeps the allowed markup: headings, lists, quotes, tables, links', () => {
    const html =
      '<h2>Tiêu đề</h2><h3>Mục</h3><ul><li><strong>Đậm</strong> <em>nghiêng</em> <u>gạch</u> <s>xóa</s></li></ul><blockquote>Trích</blockquote><table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><hr /><p><a href="https://dichvucong.gov.vn" title="DVC">Cổng</a> <a href="mailto:a@b.vn">thư</a> <a href="/trang/gioi-thieu">giới thiệu</a></p>';
    expect(sanitizeBodyHtml(html)).toBe(
      '<h2>Tiêu đề</h2><h3>Mục</h3><ul><li><strong>Đậm</strong> <em>nghiêng</em> <u>gạch</u> <s>xóa</s></li></ul><blockquote>Trích</blockquote><table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><hr /><p><a href="https://dichvucong.gov.vn" title="DVC">Cổng</a> <a href="mailto:a@b.vn">thư</a> <a href="/trang/gioi-thieu">giới thiệu</a></p>',
    );
  });

  it('keeps figure with figcaption and drops images from other origins or data: URLs', () => {
    expect(
      sanitizeBodyHtml(
        '<figure><img src="/media/2026/11/abcdefghijklmnop.png" alt="Trụ sở" width="640" height="nope"><figcaption>Trụ sở UBND xã</figcaption></figure><img src="https://evil.example/x.png"><img src="//evil.example/x.png"><img src="data:image/png;base64,AAAA"><img src="/media/%2e%2e/secrets.json"><img src="evil.example/a.png">',
      ),
    ).toBe(
      '<figure><img src="/media/2026/11/abcdefghijklmnop.png" alt="Trụ sở" width="640" /><figcaption>Trụ sở UBND xã</figcaption></figure>',
    );
  });

  it('turns plain text into paragraphs and escapes a stray "<"', () => {
    expect(sanitizeBodyHtml('Dòng một\ndòng hai\r\n\r\nĐoạn 2: 3 < 5')).toBe(
      '<p>Dòng một<br />dòng hai</p>\n<p>Đoạn 2: 3 &lt; 5</p>',
    );
  });

  it("splits Trix's <div> with blank lines into paragraphs and maps h1 to h2", () => {
    expect(sanitizeBodyHtml('<div>Một<br><br>Hai</div><h1>Tiêu đề</h1><div><br></div>')).toBe(
      '<p>Một</p><p>Hai</p><h2>Tiêu đề</h2>',
    );
  });

  it('normalises to NFC', () => {
    const decomposed = 'Tiếng Việt'.normalize('NFD');
    expect(sanitizeBodyHtml(`<p>${decomposed}</p>`)).toBe('<p>Tiếng Việt</p>');
  });

  it("turns Trix's image attachment into figure + img + figcaption with the typed caption", () => {
    const html = trixFigure(
      {
        contentType: 'image/png',
        filename: 'a.png',
        filesize: 10,
        url: '/media/2026/11/abcdefghijklmnop.png',
        width: 640,
        height: 480,
        alt: 'Cổng trụ sở',
      },
      { caption: 'Trụ sở <mới> của xã', presentation: 'gallery' },
      '<img src="/media/2026/11/abcdefghijklmnop.png" width="640" height="480"><figcaption class="attachment__caption attachment__caption--edited">Trụ sở &lt;mới&gt; của xã</figcaption>',
    );
    expect(sanitizeBodyHtml(`<p>Trước</p>${html}<p>Sau</p>`)).toBe(
      '<p>Trước</p><figure><img src="/media/2026/11/abcdefghijklmnop.png" alt="Cổng trụ sở" width="640" height="480" /><figcaption>Trụ sở &lt;mới&gt; của xã</figcaption></figure><p>Sau</p>',
    );
  });

  it('uses the caption as alt text when none was given, and drops the file-name caption Trix shows by default', () => {
    const withCaption = trixFigure(
      { contentType: 'image/png', url: '/media/2026/11/abcdefghijklmnop.png' },
      { caption: 'Hội nghị' },
      '<a href="/media/x"><img src="/media/2026/11/abcdefghijklmnop.png"></a>',
    );
    expect(sanitizeBodyHtml(withCaption)).toBe(
      '<figure><img src="/media/2026/11/abcdefghijklmnop.png" alt="Hội nghị" /><figcaption>Hội nghị</figcaption></figure>',
    );
    const noCaption = trixFigure(
      { contentType: 'image/png', url: '/media/2026/11/abcdefghijklmnop.png' },
      null,
      '<img src="/media/2026/11/abcdefghijklmnop.png"><figcaption class="attachment__caption"><span class="attachment__name">a.png</span> <span class="attachment__size">10 KB</span></figcaption>',
    );
    expect(sanitizeBodyHtml(noCaption)).toBe(
      '<figure><img src="/media/2026/11/abcdefghijklmnop.png" alt="" /></figure>',
    );
  });

  it('keeps an image Trix read back from a stored article (content type "image"), with alt and caption', () => {
    const fig = trixFigure(
      {
        contentType: 'image',
        url: '/media/2026/11/abcdefghijklmnop.png',
        width: 640,
        height: 400,
        alt: 'Trụ sở',
      },
      { caption: 'Trụ sở UBND xã', presentation: 'gallery' },
      '<img src="/media/2026/11/abcdefghijklmnop.png"><figcaption class="attachment__caption">Trụ sở UBND xã</figcaption>',
    );
    expect(sanitizeBodyHtml(`<div>Đoạn đầu.</div><div>${fig}</div>`)).toBe(
      '<p>Đoạn đầu.</p><figure><img src="/media/2026/11/abcdefghijklmnop.png" alt="Trụ sở" width="640" height="400" /><figcaption>Trụ sở UBND xã</figcaption></figure>',
    );
  });

  it('drops a Trix attachment pointing elsewhere or that is not an image', () => {
    expect(
      sanitizeBodyHtml(
        trixFigure({ contentType: 'image/png', url: 'javascript:alert(1)' }, null, '') + '<p>x</p>',
      ),
    ).toBe('<figure></figure><p>x</p>');
    expect(
      sanitizeBodyHtml(
        trixFigure({ contentType: 'application/pdf', url: '/media/a.pdf' }, null, '') + '<p>x</p>',
      ),
    ).toBe('<p>x</p>');
  });
});

describe('isSameOriginImage', () => {
  it.each([
    ['/media/2026/11/abcdefghijklmnop.png', true],
    [' /media/2026/11/abcdefghijklmnop.png ', true],
    ['/media/2026/11/a.png', false],
    ['anh/a.png', false],
    ['evil.example/a.png', false],
    ['/static/x.png', false],
    ['/media/../secrets.json', false],
    ['/media/%2e%2e/2026/11/abcdefghijklmnop.png', false],
    ['/media/2026/11/abcdefghijklmnop.png/../../x.png', false],
    ['/media/2026/11/abcdefghijklmnop.png?x=1', false],
    ['/media//2026/11/abcdefghijklmnop.png', false],
    ['https://x/a.png', false],
    ['//x/a.png', false],
    ['data:image/png;base64,AA', false],
    ['JaVaScRiPt:alert(1)', false],
  ])('%s → %s', (src, ok) => {
    expect(isSameOriginImage(src)).toBe(ok);
  });
});

describe('sanitizeBodyHtml with what Trix sends', () => {
  it('lifts an image out of its text block and splits blank lines into paragraphs', () => {
    const enc = (o: object) => JSON.stringify(o).replace(/"/g, '&quot;');
    const fig = `<figure data-trix-attachment="${enc({ contentType: 'image/png', url: '/media/2026/11/abcdefghijklmnop.png', alt: 'Ảnh' })}" data-trix-attributes="${enc({ caption: 'Chú thích' })}" class="attachment"><img src="/media/2026/11/abcdefghijklmnop.png"><figcaption class="attachment__caption">Chú thích</figcaption></figure>`;
    expect(sanitizeBodyHtml(`<div>Một<br>dòng hai<br><br>Đoạn hai${fig}<br>Sau ảnh</div>`)).toBe(
      '<p>Một<br />dòng hai</p><p>Đoạn hai</p><figure><img src="/media/2026/11/abcdefghijklmnop.png" alt="Ảnh" /><figcaption>Chú thích</figcaption></figure><p>Sau ảnh</p>',
    );
  });
});

describe('sanitizeBodyHtml keeps text around a figure in paragraphs', () => {
  const figure = '<figure><img src="/media/2026/11/abcdefghijklmnop.png" alt="Ảnh" /></figure>';

  it.each([
    [`<p>a<br><br>b${figure}c</p>`, `<p>a</p><p>b</p>${figure}<p>c</p>`],
    [`<p>a${figure}<strong>c</strong> d</p>`, `<p>a</p>${figure}<p><strong>c</strong> d</p>`],
    [`<p>a${figure}c<br><br>d</p><p>e</p>`, `<p>a</p>${figure}<p>c</p><p>d</p><p>e</p>`],
    [`<ul><li>x</li></ul>y`, `<ul><li>x</li></ul><p>y</p>`],
  ])('%s → %s', (input, expected) => {
    expect(sanitizeBodyHtml(input)).toBe(expected);
  });
});
