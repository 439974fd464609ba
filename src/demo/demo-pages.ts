import type { DemoLeaders } from './demo-units.js';
import { demoEmail, demoMobile } from './demo-units.js';

/*
 * The three static pages every demo commune has (Decree 43/2011 Art. 10 a: introduction, organisation, leaders).
 * Generic text written for congxa; people and numbers are fictitious and the pages say so.
 */

export type DemoPageContext = {
  commune: string;
  slug: string;
  district: string;
  province: string;
  hamlets: readonly string[];
  leaders: DemoLeaders;
  /** A number unique to the commune, used to make its fictitious phone numbers distinct. */
  n: number;
  area: string;
  population: string;
};

export type DemoPage = { slug: string; title: string; bodyHtml: string; position: number };

export const PAGE_NOTICE =
  'Trang mẫu do hệ thống congxa tạo để minh họa; tên người, số điện thoại và số liệu là giả định.';

/** Escapes text content (quotes stay as they are, as the body sanitiser writes them). */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value written between double quotes. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

const p = (text: string): string => `<p>${escapeText(text)}</p>`;
const h2 = (text: string): string => `<h2>${escapeText(text)}</h2>`;
const ul = (items: readonly string[]): string =>
  `<ul>${items.map((i) => `<li>${escapeText(i)}</li>`).join('')}</ul>`;
const notice = `<p><em>${escapeText(PAGE_NOTICE)}</em></p>`;

export function demoPages(ctx: DemoPageContext): DemoPage[] {
  const { commune: c, district, province, leaders: l } = ctx;
  const introduction = [
    h2('Vị trí địa lý và điều kiện tự nhiên'),
    p(
      `Xã ${c} là xã thuần nông thuộc huyện ${district}, tỉnh ${province}, nằm trong vùng đồng bằng châu thổ sông Hồng. Xã có diện tích tự nhiên khoảng ${ctx.area} km², địa hình tương đối bằng phẳng, đất đai màu mỡ, thuận lợi cho trồng lúa, rau màu và nuôi trồng thủy sản.`,
    ),
    p(
      'Khí hậu nhiệt đới gió mùa, có bốn mùa rõ rệt; mùa mưa từ tháng 5 đến tháng 10, mùa khô từ tháng 11 đến tháng 4 năm sau. Hệ thống kênh mương nội đồng được kiên cố hóa phần lớn, bảo đảm tưới tiêu cho sản xuất.',
    ),
    h2('Dân cư và đơn vị hành chính'),
    p(
      `Dân số toàn xã khoảng ${ctx.population} người, sinh sống ở ${ctx.hamlets.length} thôn: ${ctx.hamlets.join(', ')}. Người dân cần cù, hiếu học, giữ gìn nhiều nét đẹp văn hóa truyền thống của làng quê Bắc Bộ.`,
    ),
    h2('Lịch sử và truyền thống'),
    p(
      'Trải qua các thời kỳ đấu tranh dựng nước và giữ nước, nhân dân trong xã luôn đoàn kết, đóng góp sức người, sức của cho sự nghiệp chung. Nhiều đình, chùa, nhà thờ họ được nhân dân gìn giữ, tu bổ và là nơi diễn ra lễ hội truyền thống vào mùa xuân.',
    ),
    h2('Phương hướng phát triển'),
    p(
      'Xã tập trung phát triển nông nghiệp hàng hóa gắn với xây dựng nông thôn mới kiểu mẫu, khuyến khích phát triển thương mại, dịch vụ, đẩy mạnh cải cách hành chính và chuyển đổi số, nâng cao đời sống vật chất và tinh thần của nhân dân.',
    ),
    notice,
  ].join('\n');

  const organisation = [
    h2('Đảng ủy xã'),
    p(
      `Đảng ủy xã ${c} lãnh đạo toàn diện các mặt công tác trên địa bàn. Bí thư Đảng ủy: ${l.secretary.name}.`,
    ),
    h2('Hội đồng nhân dân xã'),
    p(
      `Hội đồng nhân dân xã là cơ quan quyền lực nhà nước ở địa phương, do nhân dân bầu ra. Chủ tịch HĐND xã: ${l.councilChair.name}.`,
    ),
    h2('Ủy ban nhân dân xã'),
    p(
      `Ủy ban nhân dân xã là cơ quan hành chính nhà nước ở địa phương, gồm Chủ tịch (${l.chairman.name}), các Phó Chủ tịch (${l.viceEconomy.name}, ${l.viceSociety.name}) và các công chức chuyên môn:`,
    ),
    ul([
      'Văn phòng - Thống kê',
      'Địa chính - Nông nghiệp - Xây dựng và Môi trường',
      'Tài chính - Kế toán',
      'Tư pháp - Hộ tịch',
      'Văn hóa - Xã hội',
      'Chỉ huy trưởng Ban Chỉ huy Quân sự xã',
    ]),
    h2('Bộ phận tiếp nhận và trả kết quả (Bộ phận Một cửa)'),
    p(
      'Bộ phận Một cửa đặt tại trụ sở UBND xã, tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành chính cho tổ chức, cá nhân vào các ngày làm việc trong tuần; hướng dẫn người dân nộp hồ sơ trực tuyến.',
    ),
    h2('Ủy ban Mặt trận Tổ quốc và các đoàn thể'),
    ul([
      'Ủy ban Mặt trận Tổ quốc Việt Nam xã',
      'Hội Cựu chiến binh xã',
      'Hội Liên hiệp Phụ nữ xã',
      'Hội Nông dân xã',
      'Đoàn Thanh niên Cộng sản Hồ Chí Minh xã',
    ]),
    notice,
  ].join('\n');

  const leaderRows: [string, string, string][] = [
    [l.secretary.name, 'Bí thư Đảng ủy xã', 'bithu'],
    [l.councilChair.name, 'Chủ tịch HĐND xã', 'chutichhdnd'],
    [l.chairman.name, 'Chủ tịch UBND xã', 'chutich'],
    [l.viceEconomy.name, 'Phó Chủ tịch UBND xã (phụ trách kinh tế)', 'phochutich1'],
    [l.viceSociety.name, 'Phó Chủ tịch UBND xã (phụ trách văn hóa - xã hội)', 'phochutich2'],
  ];
  const mailSlug = ctx.slug.replace(/-/g, '');
  const leaders = [
    p(`Danh sách lãnh đạo Đảng ủy, HĐND và UBND xã ${c} và thông tin liên hệ công vụ.`),
    // Only the markup the body sanitiser keeps (no <caption>, no scope), so an edit in the admin changes nothing.
    '<table>',
    '<thead><tr><th>Họ và tên</th><th>Chức vụ</th><th>Điện thoại</th><th>Thư điện tử</th></tr></thead>',
    '<tbody>',
    ...leaderRows.map(
      ([name, role, mail], i) =>
        `<tr><td>${escapeText(name)}</td><td>${escapeText(role)}</td><td>${demoMobile(ctx.n * 10 + i)}</td><td>${demoEmail(`${mail}.${mailSlug}`)}</td></tr>`,
    ),
    '</tbody>',
    '</table>',
    notice,
  ].join('\n');

  return [
    { slug: 'gioi-thieu', title: 'Giới thiệu', bodyHtml: introduction, position: 1 },
    { slug: 'co-cau-to-chuc', title: 'Cơ cấu tổ chức', bodyHtml: organisation, position: 2 },
    { slug: 'lanh-dao', title: 'Lãnh đạo xã', bodyHtml: leaders, position: 3 },
  ];
}
