import { addDays, addMonths, dm, dmy, nthWeekday, type VnDate } from './demo-calendar.js';
import type { DemoImageKey } from './demo-images.js';
import { DemoRandom } from './demo-random.js';
import { demoPeople, type DemoLeaders } from './demo-units.js';

/*
 * The demo articles: templates written for congxa (not copied from any site), filled in per commune with made-up
 * figures from a seeded generator. Every number, name and event in them is fictitious.
 */

export type DemoCategorySlug =
  | 'tin-tuc-su-kien'
  | 'cai-cach-hanh-chinh'
  | 'thong-bao'
  | 'chinh-sach-phap-luat'
  | 'kinh-te-xa-hoi'
  | 'van-hoa-xa-hoi';

/** What a template knows when it writes: the commune, the (Vietnam) date of publication and a seeded generator. */
export type ArticleContext = {
  commune: string;
  district: string;
  province: string;
  date: VnDate;
  hamlets: readonly string[];
  leaders: DemoLeaders;
  /** This commune's place in the district's (demo) CCHC ranking, 1 = first, among `communeCount` communes. */
  rank: number;
  communeCount: number;
  /** Which repetition of the template this is (0-based). */
  k: number;
  rnd: DemoRandom;
};

export type ArticleContent = {
  title: string;
  summary: string;
  /** Plain-text paragraphs (escaped when the body is built). */
  paragraphs: string[];
  /** The illustration placed after the first paragraph, with a caption about this article. */
  figure: { image: DemoImageKey; caption: string };
  cover: DemoImageKey;
};

/** When a template's instances are dated: a fixed day of the year, a day of recent months, or spread out. */
export type Schedule =
  | { kind: 'yearly'; month: number; day: number }
  | { kind: 'monthly'; day: number; monthsAgo: number }
  | { kind: 'spread' };

export type ArticleTemplate = {
  id: string;
  category: DemoCategorySlug;
  /** One entry per instance. */
  schedule: readonly Schedule[];
  write(ctx: ArticleContext): ArticleContent;
};

/** The line every demo article ends with. */
export const DEMO_NOTICE =
  'Bài viết mẫu do hệ thống congxa tạo để minh họa; nội dung và số liệu là giả định.';

/** 1250 → "1.250" (Vietnamese thousands separator). */
export function num(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 87.5 → "87,5" with `digits` decimals (Vietnamese decimal comma). */
export function dec(x: number, digits = 1): string {
  const [int = '0', frac] = x.toFixed(digits).split('.');
  return frac ? `${num(Number(int))},${frac}` : num(Number(int));
}

const hamlet = (ctx: ArticleContext, i: number): string => ctx.hamlets[i % ctx.hamlets.length] ?? 'Đông';
const once = [{ kind: 'spread' }] as const satisfies readonly Schedule[];
/** One fictitious farmer quoted in an article, with the honorific used to name them ("Ông …", "Bà …"). */
function farmer(rnd: DemoRandom): string {
  const [p] = demoPeople(rnd, 1);
  return p ? `${p.female ? 'Bà' : 'Ông'} ${p.name}` : 'Một hộ dân';
}

export const ARTICLE_TEMPLATES: readonly ArticleTemplate[] = [
  {
    id: 'cchc-index',
    category: 'cai-cach-hanh-chinh',
    schedule: [{ kind: 'yearly', month: 3, day: 10 }],
    write(ctx) {
      const { commune: c, district, rank, communeCount, rnd } = ctx;
      const y = ctx.date.year - 1;
      const score = 89.5 - (rank - 1) * 1.4 - rnd.decimal(0, 1.2, 3);
      const online = rnd.decimal(52, 78, 1);
      const sat = rnd.decimal(96, 99.8, 1);
      const total = rnd.int(780, 1350);
      const title =
        rank === 1
          ? `Xã ${c} dẫn đầu huyện ${district} về Chỉ số Cải cách hành chính năm ${y}`
          : `Xã ${c} xếp thứ ${rank} toàn huyện về Chỉ số Cải cách hành chính năm ${y}`;
      return {
        title,
        summary: `Theo kết quả xác định Chỉ số cải cách hành chính (CCHC) cấp xã năm ${y} do UBND huyện ${district} công bố, xã ${c} đạt ${dec(score, 3)} điểm, ${rank === 1 ? `đứng đầu ${communeCount} xã trong huyện` : `xếp thứ ${rank}/${communeCount} xã`}.`,
        paragraphs: [
          `Năm ${y}, UBND xã ${c} xác định cải cách hành chính là nhiệm vụ trọng tâm, gắn với việc nâng cao chất lượng phục vụ người dân. Ngay từ đầu năm, xã ban hành kế hoạch CCHC, phân công cụ thể cho từng công chức chuyên môn và đưa kết quả thực hiện vào tiêu chí đánh giá, xếp loại cuối năm. Hằng quý, Chủ tịch UBND xã chủ trì họp kiểm điểm tiến độ, chỉ rõ những việc còn chậm để khắc phục ngay.`,
          `Trong các lĩnh vực được chấm điểm, chỉ số công tác chỉ đạo, điều hành CCHC của xã đạt ${dec(rnd.decimal(92, 100, 1))}%, chỉ số cải cách thủ tục hành chính đạt ${dec(rnd.decimal(90, 100, 1))}%, chỉ số xây dựng chính quyền số đạt ${dec(rnd.decimal(80, 95, 1))}%. Tỷ lệ người dân, tổ chức hài lòng với sự phục vụ tại Bộ phận Một cửa đạt ${dec(sat)}%. Trong năm, xã tiếp nhận ${num(total)} hồ sơ thủ tục hành chính, ${num(total - rnd.int(0, 3))} hồ sơ được giải quyết trước và đúng hạn.`,
          `Để có kết quả này, Bộ phận Một cửa bố trí công chức thường trực hướng dẫn người dân nộp hồ sơ trực tuyến, từ việc đăng nhập tài khoản định danh điện tử, kê khai biểu mẫu đến thanh toán phí, lệ phí qua mạng. Nhờ vậy, tỷ lệ hồ sơ nộp trực tuyến của xã năm ${y} đạt ${dec(online)}%, vượt chỉ tiêu huyện giao.`,
          `Phát huy kết quả đạt được, UBND xã ${c} yêu cầu các bộ phận chuyên môn rà soát từng tiêu chí còn bị trừ điểm, nhất là ${rnd.pick(['công tác tuyên truyền CCHC', 'tỷ lệ số hóa hồ sơ', 'việc cập nhật thông tin trên Trang thông tin điện tử'])}, để có giải pháp khắc phục cụ thể; tiếp tục đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính và nâng cao tinh thần, thái độ phục vụ của đội ngũ cán bộ, công chức.`,
        ],
        figure: {
          image: 'quay-mot-cua',
          caption: `Bộ phận tiếp nhận và trả kết quả của xã ${c} (tranh minh họa)`,
        },
        cover: 'tru-so-ubnd',
      };
    },
  },
  {
    id: 'one-stop-month',
    category: 'cai-cach-hanh-chinh',
    schedule: [0, 1, 3].map((monthsAgo) => ({ kind: 'monthly', day: 4, monthsAgo })),
    write(ctx) {
      const { commune: c, rnd } = ctx;
      const prev = addMonths(ctx.date.year, ctx.date.month, -1);
      const received = rnd.int(70, 150);
      const online = Math.round(received * rnd.decimal(0.45, 0.8, 2));
      const a = rnd.int(20, 35);
      const b = rnd.int(12, 22);
      const land = rnd.int(5, 12);
      const late = rnd.next() < 0.25 ? 1 : 0;
      const resolved = received - rnd.int(2, 6);
      const early = Math.round(resolved * rnd.decimal(0.6, 0.85, 2));
      const onlinePct = (online / received) * 100;
      return {
        title: `Kết quả giải quyết thủ tục hành chính tháng ${prev.month}/${prev.year} tại xã ${c}`,
        summary: `Trong tháng ${prev.month}/${prev.year}, Bộ phận Một cửa xã ${c} tiếp nhận ${received} hồ sơ thủ tục hành chính, trong đó ${online} hồ sơ nộp trực tuyến; ${late === 0 ? 'toàn bộ hồ sơ đến hạn được giải quyết trước và đúng hạn' : 'chỉ có 1 hồ sơ giải quyết quá hạn'}.`,
        paragraphs: [
          `Theo báo cáo của Bộ phận tiếp nhận và trả kết quả, trong tháng ${prev.month}/${prev.year}, UBND xã ${c} đã tiếp nhận ${received} hồ sơ. Các lĩnh vực có nhiều hồ sơ nhất là chứng thực (${a} hồ sơ), hộ tịch (${b} hồ sơ) và đất đai (${land} hồ sơ); số còn lại thuộc các lĩnh vực bảo trợ xã hội, người có công, tư pháp và nông nghiệp.`,
          `Số hồ sơ đã giải quyết là ${resolved}, trong đó ${early} hồ sơ trước hạn, ${resolved - early - late} hồ sơ đúng hạn${late > 0 ? ' và 1 hồ sơ quá hạn do phải xác minh thêm nguồn gốc thửa đất; UBND xã đã gửi văn bản xin lỗi và hẹn lại ngày trả kết quả cho công dân' : ', không có hồ sơ quá hạn'}. Tỷ lệ hồ sơ nộp trực tuyến đạt ${dec(onlinePct)}%${onlinePct >= 60 ? ', vượt chỉ tiêu huyện giao' : '; xã tiếp tục tăng cường hướng dẫn để nâng tỷ lệ này'}.`,
          `Trong tháng, xã tiếp tục số hóa hồ sơ ngay khi tiếp nhận; ${dec(rnd.decimal(85, 99, 1))}% kết quả giải quyết được cập nhật bản điện tử lên hệ thống. Người dân có thể tra cứu tình trạng hồ sơ bằng mã hồ sơ ghi trên giấy tiếp nhận, hoặc liên hệ Bộ phận Một cửa trong giờ hành chính để được hỗ trợ.`,
        ],
        figure: {
          image: 'quay-mot-cua',
          caption: `Công chức Bộ phận Một cửa xã ${c} hướng dẫn người dân hoàn thiện hồ sơ (tranh minh họa)`,
        },
        cover: 'quay-mot-cua',
      };
    },
  },
  {
    id: 'online-services-guide',
    category: 'cai-cach-hanh-chinh',
    schedule: once,
    write(ctx) {
      const c = ctx.commune;
      return {
        title: 'Hướng dẫn nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia',
        summary: `Để tiết kiệm thời gian đi lại, UBND xã ${c} khuyến khích người dân nộp hồ sơ thủ tục hành chính qua mạng. Bài viết tóm tắt các bước cơ bản để nộp hồ sơ trực tuyến.`,
        paragraphs: [
          'Hiện nay, nhiều thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã như đăng ký khai sinh, đăng ký kết hôn, cấp bản sao trích lục hộ tịch, xác nhận tình trạng hôn nhân đã được cung cấp dưới hình thức dịch vụ công trực tuyến. Người dân có thể nộp hồ sơ mọi lúc, mọi nơi và theo dõi tiến độ giải quyết ngay trên điện thoại.',
          `Bước 1: truy cập Cổng Dịch vụ công quốc gia và đăng nhập bằng tài khoản định danh điện tử VNeID. Bước 2: tìm thủ tục cần thực hiện, chọn cơ quan giải quyết là UBND xã ${c}. Bước 3: kê khai thông tin theo biểu mẫu, tải lên bản chụp giấy tờ theo yêu cầu. Bước 4: kiểm tra lại thông tin, nộp hồ sơ và ghi lại mã hồ sơ để tra cứu.`,
          'Đối với thủ tục có thu phí, lệ phí, người dân có thể thanh toán trực tuyến qua ngân hàng hoặc ví điện tử được kết nối. Kết quả giải quyết được trả qua tài khoản trên Cổng Dịch vụ công, qua dịch vụ bưu chính công ích hoặc nhận trực tiếp tại Bộ phận Một cửa của xã, tùy lựa chọn khi nộp hồ sơ.',
          `Trường hợp gặp khó khăn, người dân có thể đến Bộ phận Một cửa UBND xã ${c} để được công chức hướng dẫn trực tiếp, hoặc gọi số điện thoại ghi ở chân trang. Tổ công nghệ số cộng đồng ở các thôn cũng sẵn sàng hỗ trợ người cao tuổi và người chưa quen dùng điện thoại thông minh.`,
        ],
        figure: { image: 'quay-mot-cua', caption: 'Nộp và tra cứu hồ sơ trực tuyến (tranh minh họa)' },
        cover: 'quay-mot-cua',
      };
    },
  },
  {
    id: 'cchc-self-assessment',
    category: 'cai-cach-hanh-chinh',
    schedule: [{ kind: 'yearly', month: 11, day: 10 }],
    write(ctx) {
      const { commune: c, province, rnd } = ctx;
      const y = ctx.date.year;
      return {
        title: `Xã ${c} triển khai tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${y}`,
        summary: `UBND xã ${c} tổ chức hội nghị triển khai tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${y}, yêu cầu từng bộ phận rà soát và cung cấp đầy đủ tài liệu kiểm chứng trước ngày ${rnd.int(1, 5)}/12/${y}.`,
        paragraphs: [
          `Tại hội nghị, đồng chí ${ctx.leaders.chairman.name}, Chủ tịch UBND xã, quán triệt bộ tiêu chí xác định Chỉ số CCHC cấp xã do UBND tỉnh ${province} ban hành, gồm các lĩnh vực: công tác chỉ đạo, điều hành; cải cách thể chế; cải cách thủ tục hành chính; cải cách tổ chức bộ máy; cải cách chế độ công vụ; cải cách tài chính công và xây dựng chính quyền số.`,
          'Theo kế hoạch, mỗi bộ phận chuyên môn tự chấm điểm các tiêu chí được phân công, kèm theo tài liệu kiểm chứng là văn bản, báo cáo và số liệu trích xuất từ hệ thống. Công chức đầu mối CCHC của xã có trách nhiệm tổng hợp, đối chiếu và báo cáo Chủ tịch UBND xã trước khi gửi cơ quan chuyên môn của huyện thẩm định.',
          `Năm ${y - 1}, xã ${c} đạt ${dec(rnd.decimal(78, 88, 2), 2)} điểm. Năm nay, xã đặt mục tiêu tăng ít nhất ${rnd.int(2, 4)} điểm, tập trung cải thiện các tiêu chí về số hóa hồ sơ, thanh toán trực tuyến và mức độ hài lòng của người dân.`,
          'Chủ tịch UBND xã đề nghị cán bộ, công chức thực hiện nghiêm túc, khách quan, tránh chấm điểm hình thức; tiêu chí nào chưa đạt phải nêu rõ nguyên nhân và giải pháp khắc phục trong năm tới.',
        ],
        figure: {
          image: 'tru-so-ubnd',
          caption: `Hội nghị được tổ chức tại trụ sở UBND xã ${c} (tranh minh họa)`,
        },
        cover: 'tru-so-ubnd',
      };
    },
  },
  {
    id: 'cchc-plan',
    category: 'cai-cach-hanh-chinh',
    schedule: [{ kind: 'yearly', month: 1, day: 15 }],
    write(ctx) {
      const { commune: c, rnd } = ctx;
      const y = ctx.date.year;
      return {
        title: `UBND xã ${c} ban hành Kế hoạch cải cách hành chính năm ${y}`,
        summary: `Kế hoạch đặt mục tiêu 100% thủ tục hành chính được công khai đầy đủ, tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt trên ${rnd.int(97, 99)}% và mức độ hài lòng của người dân đạt trên ${rnd.int(92, 96)}%.`,
        paragraphs: [
          `Nhằm tiếp tục nâng cao hiệu lực, hiệu quả hoạt động của chính quyền cơ sở, UBND xã ${c} đã ban hành Kế hoạch cải cách hành chính năm ${y} với ${rnd.int(6, 8)} nhóm nhiệm vụ, giao rõ người chủ trì, thời hạn hoàn thành và sản phẩm đầu ra của từng nhiệm vụ.`,
          `Về cải cách thủ tục hành chính, xã tiếp tục niêm yết công khai thủ tục tại Bộ phận Một cửa và trên Trang thông tin điện tử; tiếp nhận, xử lý kịp thời phản ánh, kiến nghị của người dân; phấn đấu tỷ lệ hồ sơ trực tuyến đạt trên ${rnd.int(55, 70)}% tổng số hồ sơ tiếp nhận.`,
          `Về xây dựng chính quyền số, xã đẩy mạnh sử dụng văn bản điện tử và chữ ký số trong trao đổi văn bản; duy trì hoạt động của tổ công nghệ số cộng đồng ở ${ctx.hamlets.length} thôn để hỗ trợ người dân sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.`,
          'Kế hoạch cũng yêu cầu tăng cường kiểm tra công vụ, chấn chỉnh kịp thời những biểu hiện gây phiền hà cho người dân; kết quả thực hiện nhiệm vụ cải cách hành chính là một trong những căn cứ để đánh giá, xếp loại cán bộ, công chức cuối năm.',
        ],
        figure: { image: 'quay-mot-cua', caption: `Bộ phận Một cửa UBND xã ${c} (tranh minh họa)` },
        cover: 'tru-so-ubnd',
      };
    },
  },
  {
    id: 'citizen-reception',
    category: 'thong-bao',
    schedule: [0, 1].map((monthsAgo) => ({ kind: 'monthly', day: 25, monthsAgo })),
    write(ctx) {
      const c = ctx.commune;
      const next = addMonths(ctx.date.year, ctx.date.month, 1);
      const first = nthWeekday(next.year, next.month, 4, 1);
      const third = nthWeekday(next.year, next.month, 4, 3);
      return {
        title: `Thông báo lịch tiếp công dân của Chủ tịch UBND xã ${c} tháng ${next.month}/${next.year}`,
        summary: `UBND xã ${c} thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND xã trong tháng ${next.month}/${next.year} để người dân biết, liên hệ.`,
        paragraphs: [
          `Thực hiện Luật Tiếp công dân và quy chế tiếp công dân của địa phương, UBND xã ${c} thông báo lịch tiếp công dân định kỳ tháng ${next.month}/${next.year} như sau.`,
          `Chủ tịch UBND xã tiếp công dân định kỳ vào thứ Năm, ngày ${dm(first)} và thứ Năm, ngày ${dmy(third)}; buổi sáng từ 7 giờ 30 đến 11 giờ 00, buổi chiều từ 13 giờ 30 đến 17 giờ 00. Địa điểm: phòng tiếp công dân, trụ sở UBND xã ${c}.`,
          'Ngoài lịch định kỳ, công chức Văn phòng - Thống kê xã tiếp công dân thường xuyên vào các ngày làm việc trong tuần. Công dân đến trình bày khiếu nại, tố cáo, kiến nghị, phản ánh cần mang theo thẻ căn cước và các giấy tờ, tài liệu liên quan (nếu có).',
          'Trường hợp thay đổi lịch do công tác đột xuất, UBND xã sẽ thông báo trên hệ thống truyền thanh và Trang thông tin điện tử của xã.',
        ],
        figure: {
          image: 'tru-so-ubnd',
          caption: `Trụ sở UBND xã ${c}, nơi đặt phòng tiếp công dân (tranh minh họa)`,
        },
        cover: 'tru-so-ubnd',
      };
    },
  },
  {
    id: 'land-use-plan',
    category: 'thong-bao',
    schedule: [{ kind: 'yearly', month: 2, day: 20 }],
    write(ctx) {
      const { commune: c, district, rnd } = ctx;
      const y = ctx.date.year;
      return {
        title: `Thông báo công khai Kế hoạch sử dụng đất năm ${y} trên địa bàn xã ${c}`,
        summary: `UBND xã ${c} công khai Kế hoạch sử dụng đất năm ${y} đã được UBND huyện ${district} phê duyệt, để tổ chức, cá nhân biết và thực hiện.`,
        paragraphs: [
          `Căn cứ quyết định phê duyệt Kế hoạch sử dụng đất năm ${y} của huyện ${district}, UBND xã ${c} thông báo công khai các chỉ tiêu sử dụng đất và danh mục công trình, dự án thực hiện trong năm trên địa bàn xã.`,
          `Trong năm ${y}, trên địa bàn xã có ${rnd.int(4, 9)} công trình, dự án với tổng diện tích khoảng ${dec(rnd.decimal(3, 12, 2), 2)} ha, chủ yếu là mở rộng đường giao thông nội đồng, xây dựng nhà văn hóa thôn ${hamlet(ctx, 1)} và bố trí đất ở cho nhân dân tại khu dân cư thôn ${hamlet(ctx, 2)}. Diện tích đất trồng lúa chuyển mục đích sử dụng là ${dec(rnd.decimal(0.8, 4, 2), 2)} ha.`,
          'Hồ sơ kế hoạch sử dụng đất được niêm yết tại trụ sở UBND xã và nhà văn hóa các thôn trong 30 ngày kể từ ngày thông báo. Tổ chức, cá nhân có ý kiến đề nghị gửi về công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường xã để được giải đáp.',
          'Người sử dụng đất thực hiện đúng mục đích, ranh giới được giao; nghiêm cấm tự ý chuyển mục đích sử dụng đất, xây dựng công trình trái phép trên đất nông nghiệp.',
        ],
        figure: { image: 'canh-dong-lua', caption: `Cánh đồng sản xuất lúa của xã ${c} (tranh minh họa)` },
        cover: 'canh-dong-lua',
      };
    },
  },
  {
    id: 'livestock-vaccination',
    category: 'thong-bao',
    schedule: [{ kind: 'yearly', month: 4, day: 3 }],
    write(ctx) {
      const { commune: c } = ctx;
      const y = ctx.date.year;
      const start = addDays(ctx.date, 4);
      const end = addDays(start, 9);
      return {
        title: `Thông báo tiêm phòng vắc xin cho đàn gia súc, gia cầm đợt 1 năm ${y}`,
        summary: `UBND xã ${c} tổ chức tiêm phòng các bệnh cúm gia cầm, lở mồm long móng, dịch tả lợn và bệnh dại ở chó, mèo đợt 1 năm ${y}, từ ngày ${dm(start)} đến ngày ${dmy(end)}.`,
        paragraphs: [
          `Để chủ động phòng, chống dịch bệnh cho vật nuôi trong mùa nắng nóng, UBND xã ${c} thông báo kế hoạch tiêm phòng vắc xin đợt 1 năm ${y} tới toàn thể các hộ chăn nuôi trên địa bàn.`,
          `Thời gian tiêm từ ngày ${dm(start)} đến ngày ${dmy(end)}, lần lượt tại các thôn ${ctx.hamlets.slice(0, 4).join(', ')}. Đối tượng tiêm gồm trâu, bò, lợn, chó, mèo và gia cầm trong độ tuổi tiêm phòng. Nhân viên thú y xã phối hợp với trưởng thôn thông báo lịch cụ thể trên loa truyền thanh của thôn.`,
          'Các hộ chăn nuôi có trách nhiệm nhốt giữ vật nuôi để cán bộ thú y tiêm thuận lợi và ghi chép đầy đủ vào sổ theo dõi. Sau khi tiêm, nếu vật nuôi có biểu hiện bất thường, người chăn nuôi báo ngay cho nhân viên thú y xã để được hướng dẫn xử lý.',
        ],
        figure: { image: 'lang-que', caption: `Khu dân cư thôn ${hamlet(ctx, 0)} (tranh minh họa)` },
        cover: 'lang-que',
      };
    },
  },
  {
    id: 'disaster-preparedness',
    category: 'tin-tuc-su-kien',
    schedule: [{ kind: 'yearly', month: 5, day: 12 }],
    write(ctx) {
      const { commune: c, district, rnd } = ctx;
      const y = ctx.date.year;
      return {
        title: `Xã ${c} chủ động phương án phòng, chống thiên tai năm ${y}`,
        summary: `Ban Chỉ huy phòng thủ dân sự xã ${c} đã kiện toàn lực lượng, rà soát các điểm xung yếu và chuẩn bị vật tư, phương tiện sẵn sàng ứng phó với mưa bão, ngập úng trong mùa mưa năm ${y}.`,
        paragraphs: [
          `Theo dự báo, mùa mưa bão năm ${y} có thể diễn biến phức tạp, mưa lớn tập trung trong thời gian ngắn gây ngập úng cục bộ. Thực hiện chỉ đạo của huyện ${district}, UBND xã ${c} đã xây dựng phương án ứng phó theo phương châm "bốn tại chỗ": chỉ huy tại chỗ, lực lượng tại chỗ, vật tư, phương tiện tại chỗ và hậu cần tại chỗ.`,
          `Xã đã thành lập ${rnd.int(4, 6)} đội xung kích với tổng số ${rnd.int(90, 160)} người, chủ yếu là dân quân và đoàn viên thanh niên; chuẩn bị ${num(rnd.int(15, 30) * 100)} bao tải, ${num(rnd.int(3, 8) * 100)} cọc tre, đèn pin và phao cứu sinh. Các điểm xung yếu như cống tiêu thôn ${hamlet(ctx, 1)} và tuyến kênh trục của xã được phân công người theo dõi thường xuyên.`,
          `Trước mùa mưa, xã đã nạo vét ${dec(rnd.decimal(4, 12, 1))} km kênh mương nội đồng, tu sửa ${rnd.int(5, 14)} cống tiêu và chặt tỉa cây xanh có nguy cơ gãy đổ dọc các tuyến đường liên thôn.`,
          'UBND xã đề nghị nhân dân thường xuyên theo dõi thông tin thời tiết, chằng chống nhà cửa, thu hoạch sớm diện tích lúa và hoa màu đã chín khi có tin mưa bão, không đánh bắt cá, vớt củi trên sông, kênh khi nước lên.',
        ],
        figure: { image: 'hoang-hon-tren-song', caption: 'Dòng sông chảy qua địa bàn xã (tranh minh họa)' },
        cover: 'hoang-hon-tren-song',
      };
    },
  },
  {
    id: 'council-session',
    category: 'tin-tuc-su-kien',
    schedule: [{ kind: 'yearly', month: 7, day: 8 }],
    write(ctx) {
      const { commune: c, district, rnd } = ctx;
      const y = ctx.date.year;
      return {
        title: `Hội đồng nhân dân xã ${c} tổ chức kỳ họp thường lệ giữa năm ${y}`,
        summary: `Kỳ họp đánh giá kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm, thông qua các nghị quyết quan trọng và bàn giải pháp thực hiện nhiệm vụ 6 tháng cuối năm ${y}.`,
        paragraphs: [
          `Ngày ${dmy(ctx.date)}, Hội đồng nhân dân xã ${c} tổ chức kỳ họp thường lệ giữa năm ${y}. Dự kỳ họp có các đại biểu HĐND xã, đại diện Thường trực HĐND huyện ${district}, lãnh đạo Đảng ủy, UBND, Ủy ban Mặt trận Tổ quốc xã và trưởng các thôn.`,
          `Báo cáo của UBND xã cho biết, 6 tháng đầu năm, tổng giá trị sản xuất trên địa bàn ước đạt ${dec(rnd.decimal(180, 320, 1))} tỷ đồng, bằng ${dec(rnd.decimal(48, 56, 1))}% kế hoạch năm; thu ngân sách đạt ${rnd.int(52, 68)}% dự toán; công tác an sinh xã hội, quốc phòng, an ninh được bảo đảm.`,
          `Tại kỳ họp, các đại biểu đã thảo luận, chất vấn về những vấn đề cử tri quan tâm như tiến độ nâng cấp đường giao thông thôn ${hamlet(ctx, 2)}, việc thu gom rác thải sinh hoạt và quản lý đất đai. Lãnh đạo UBND xã đã trả lời, làm rõ và nêu giải pháp trong thời gian tới.`,
          `Kỳ họp đã biểu quyết thông qua ${rnd.int(4, 7)} nghị quyết về kinh tế - xã hội, đầu tư công và điều chỉnh dự toán ngân sách xã năm ${y}. Phát biểu bế mạc, đồng chí ${ctx.leaders.councilChair.name}, Chủ tịch HĐND xã, đề nghị các đại biểu tích cực tuyên truyền để nhân dân hiểu và thực hiện tốt các nghị quyết.`,
        ],
        figure: {
          image: 'tru-so-ubnd',
          caption: `Kỳ họp diễn ra tại hội trường UBND xã ${c} (tranh minh họa)`,
        },
        cover: 'tru-so-ubnd',
      };
    },
  },
  {
    id: 'military-send-off',
    category: 'tin-tuc-su-kien',
    schedule: [{ kind: 'yearly', month: 3, day: 2 }],
    write(ctx) {
      const { commune: c, rnd } = ctx;
      const y = ctx.date.year;
      const recruits = rnd.int(8, 16);
      return {
        title: `Xã ${c} tổ chức lễ giao nhận quân năm ${y}`,
        summary: `Sáng ${dmy(ctx.date)}, xã ${c} tổ chức lễ giao nhận quân, tiễn ${recruits} thanh niên lên đường thực hiện nghĩa vụ quân sự và nghĩa vụ tham gia Công an nhân dân.`,
        paragraphs: [
          `Năm ${y}, xã ${c} được giao chỉ tiêu ${recruits} công dân nhập ngũ. Từ cuối năm trước, Hội đồng nghĩa vụ quân sự xã đã thực hiện chặt chẽ các khâu đăng ký, khám tuyển, xét duyệt công khai, dân chủ ở từng thôn, bảo đảm đúng luật và hoàn thành 100% chỉ tiêu được giao.`,
          'Tại buổi lễ, đại diện các tân binh bày tỏ niềm tự hào khi được lên đường làm nhiệm vụ, hứa sẽ rèn luyện tốt, hoàn thành xuất sắc nhiệm vụ được giao, xứng đáng với truyền thống quê hương.',
          `Trước đó, Đảng ủy, UBND xã đã tổ chức gặp mặt, tặng quà các tân binh với tổng số tiền ${rnd.int(25, 60)} triệu đồng; các đoàn thể, dòng họ và thôn cũng đến thăm hỏi, động viên gia đình có con em lên đường nhập ngũ.`,
        ],
        figure: {
          image: 'tru-so-ubnd',
          caption: 'Lễ giao nhận quân tại sân trụ sở UBND xã (tranh minh họa)',
        },
        cover: 'lang-que',
      };
    },
  },
  {
    id: 'clean-up',
    category: 'tin-tuc-su-kien',
    schedule: [
      { kind: 'yearly', month: 6, day: 6 },
      { kind: 'yearly', month: 9, day: 21 },
    ],
    write(ctx) {
      const { commune: c, rnd, k } = ctx;
      const y = ctx.date.year;
      const occasion =
        k === 0 ? 'hưởng ứng Ngày Môi trường thế giới' : 'hưởng ứng Chiến dịch Làm cho thế giới sạch hơn';
      return {
        title: `Xã ${c} ra quân ${occasion} năm ${y}`,
        summary: `Hơn ${rnd.int(3, 6) * 100} đoàn viên, hội viên và người dân ${ctx.hamlets.length} thôn của xã ${c} đã tham gia thu gom rác thải, phát quang đường làng, ngõ xóm và khơi thông cống rãnh.`,
        paragraphs: [
          `Sáng ${dm(addDays(ctx.date, -1))}, UBND xã ${c} phối hợp với Ủy ban Mặt trận Tổ quốc và các đoàn thể tổ chức lễ ra quân ${occasion}. Ngay sau lễ phát động, các lực lượng chia thành nhiều tổ, tỏa về các thôn dọn vệ sinh đường làng, ngõ xóm và khu vực công cộng.`,
          `Kết quả, các lực lượng đã thu gom khoảng ${dec(rnd.decimal(3, 9, 1))} tấn rác thải, phát quang ${dec(rnd.decimal(5, 15, 1))} km đường giao thông và khơi thông nhiều đoạn cống rãnh. Tại thôn ${hamlet(ctx, k + 1)}, đoàn viên thanh niên còn trồng mới ${rnd.int(40, 120)} cây xanh và sơn lại hàng rào khu vui chơi của trẻ em.`,
          'Thông qua hoạt động, xã mong muốn nâng cao ý thức của người dân trong việc giữ gìn vệ sinh môi trường, phân loại rác thải tại nguồn, hạn chế sử dụng túi ni lông khó phân hủy, góp phần xây dựng cảnh quan sáng - xanh - sạch - đẹp.',
        ],
        figure: {
          image: 'lang-que',
          caption: `Đường làng thôn ${hamlet(ctx, k + 1)} sau buổi ra quân (tranh minh họa)`,
        },
        cover: 'lang-que',
      };
    },
  },
  {
    id: 'half-year-economy',
    category: 'kinh-te-xa-hoi',
    schedule: [{ kind: 'yearly', month: 7, day: 15 }],
    write(ctx) {
      const { commune: c, rnd } = ctx;
      const y = ctx.date.year;
      const yieldT = dec(rnd.decimal(62, 68, 1));
      return {
        title: `Kinh tế - xã hội xã ${c} 6 tháng đầu năm ${y} duy trì tăng trưởng`,
        summary: `Sáu tháng đầu năm ${y}, tổng giá trị sản xuất trên địa bàn xã ${c} ước đạt ${dec(rnd.decimal(180, 320, 1))} tỷ đồng, tăng ${dec(rnd.decimal(5, 9, 1))}% so với cùng kỳ; năng suất lúa vụ xuân đạt ${yieldT} tạ/ha.`,
        paragraphs: [
          `Trong 6 tháng đầu năm, sản xuất nông nghiệp của xã tiếp tục ổn định. Toàn xã gieo cấy ${num(rnd.int(280, 520))} ha lúa vụ xuân, năng suất bình quân đạt ${yieldT} tạ/ha; diện tích rau màu được mở rộng ở các thôn ${hamlet(ctx, 0)}, ${hamlet(ctx, 3)}. Chăn nuôi được duy trì, không để dịch bệnh lớn xảy ra.`,
          `Các ngành tiểu thủ công nghiệp, thương mại, dịch vụ có bước phục hồi; trên địa bàn có thêm ${rnd.int(8, 25)} hộ kinh doanh mới đăng ký hoạt động. Thu ngân sách nhà nước trên địa bàn đạt ${rnd.int(52, 70)}% dự toán năm.`,
          `Lĩnh vực văn hóa - xã hội có nhiều chuyển biến. Xã chi trả đầy đủ, kịp thời chế độ cho người có công và đối tượng bảo trợ xã hội; tỷ lệ người dân tham gia bảo hiểm y tế đạt ${dec(rnd.decimal(92, 97, 1))}%; an ninh chính trị, trật tự an toàn xã hội được giữ vững.`,
          'Sáu tháng cuối năm, xã tập trung chỉ đạo sản xuất vụ mùa, đẩy nhanh tiến độ các công trình xây dựng cơ bản, tăng cường quản lý đất đai, trật tự xây dựng và phấn đấu hoàn thành toàn diện các chỉ tiêu nghị quyết HĐND xã đề ra.',
        ],
        figure: { image: 'canh-dong-lua', caption: `Lúa vụ xuân trên đồng ruộng xã ${c} (tranh minh họa)` },
        cover: 'canh-dong-lua',
      };
    },
  },
  {
    id: 'model-village',
    category: 'kinh-te-xa-hoi',
    schedule: once,
    write(ctx) {
      const { commune: c, rnd } = ctx;
      const total = rnd.int(18, 21);
      const money = rnd.decimal(6, 14, 1);
      return {
        title: `Xã ${c} nỗ lực xây dựng nông thôn mới kiểu mẫu`,
        summary: `Sau khi đạt chuẩn nông thôn mới nâng cao, xã ${c} tiếp tục huy động nguồn lực, phấn đấu hoàn thành các tiêu chí nông thôn mới kiểu mẫu, nâng cao đời sống vật chất và tinh thần của người dân.`,
        paragraphs: [
          `Đến nay, xã ${c} đã hoàn thành ${total - rnd.int(2, 4)}/${total} nội dung tiêu chí của xã nông thôn mới kiểu mẫu. Thu nhập bình quân đầu người năm ${ctx.date.year - 1} đạt ${rnd.int(68, 82)} triệu đồng; tỷ lệ hộ nghèo theo chuẩn đa chiều giảm còn ${dec(rnd.decimal(0.8, 2.2, 2), 2)}%.`,
          `Từ đầu năm, xã đã huy động trên ${dec(money)} tỷ đồng, trong đó nhân dân đóng góp tiền, ngày công và hiến đất trị giá gần ${dec(money * rnd.decimal(0.2, 0.35, 2))} tỷ đồng để cứng hóa đường giao thông, kênh mương nội đồng và chỉnh trang nhà văn hóa các thôn. Nhiều tuyến đường được trồng hoa, lắp đèn chiếu sáng.`,
          `Thôn ${hamlet(ctx, 1)} là điển hình của phong trào với mô hình "tuyến đường hoa tự quản" do chi hội phụ nữ thôn đảm nhận: mỗi hộ gia đình nhận chăm sóc đoạn đường trước cửa nhà. Mô hình đang được nhân rộng ra các thôn khác trong xã.`,
          'Thời gian tới, xã tập trung hoàn thiện các tiêu chí còn lại về môi trường, chuyển đổi số và sản phẩm OCOP, phấn đấu đủ điều kiện đề nghị công nhận xã đạt chuẩn nông thôn mới kiểu mẫu.',
        ],
        figure: {
          image: 'lang-que',
          caption: `Đường làng thôn ${hamlet(ctx, 1)} được trồng hoa hai bên (tranh minh họa)`,
        },
        cover: 'lang-que',
      };
    },
  },
  {
    id: 'farming-model',
    category: 'kinh-te-xa-hoi',
    schedule: [{ kind: 'spread' }, { kind: 'spread' }],
    write(ctx) {
      // Two different models per commune, chosen by a generator seeded per commune (not the shared one, so that
      // both instances agree on the order).
      const order = new DemoRandom(`${ctx.commune}:farming`).shuffle(FARMING_MODELS);
      const model = order[ctx.k % order.length];
      if (!model) {
        throw new Error('no farming model');
      }
      return model(ctx);
    },
  },
  {
    id: 'road-opening',
    category: 'kinh-te-xa-hoi',
    schedule: once,
    write(ctx) {
      const { commune: c, rnd } = ctx;
      const len = rnd.int(6, 18) * 100;
      const width = rnd.pick([3.5, 4, 5]);
      return {
        title: `Khánh thành tuyến đường liên thôn ${hamlet(ctx, 2)} - ${hamlet(ctx, 3)}`,
        summary: `Tuyến đường dài ${num(len)} m, mặt đường rộng ${dec(width)} m, tổng kinh phí hơn ${dec(rnd.decimal(2, 6, 1))} tỷ đồng, trong đó nhân dân đóng góp ${rnd.int(15, 30)}%, đã được khánh thành và đưa vào sử dụng.`,
        paragraphs: [
          `Sáng ${dmy(ctx.date)}, UBND xã ${c} tổ chức lễ khánh thành tuyến đường liên thôn ${hamlet(ctx, 2)} - ${hamlet(ctx, 3)}. Công trình do UBND xã làm chủ đầu tư, từ nguồn ngân sách hỗ trợ xây dựng nông thôn mới, ngân sách xã và đóng góp của nhân dân.`,
          `Tuyến đường dài ${num(len)} m, nền đường rộng ${dec(width + 2)} m, mặt đường bê tông xi măng rộng ${dec(width)} m, hai bên có rãnh thoát nước và hệ thống đèn chiếu sáng. Trong quá trình thi công, ${rnd.int(12, 40)} hộ dân đã tự nguyện hiến đất, tháo dỡ tường rào để mở rộng đường.`,
          `Phát biểu tại buổi lễ, đồng chí ${ctx.leaders.viceEconomy.name}, Phó Chủ tịch UBND xã, ghi nhận sự đồng thuận của nhân dân và đề nghị các thôn có phương án quản lý, bảo trì, không để lấn chiếm hành lang an toàn giao thông.`,
          'Tuyến đường hoàn thành giúp việc đi lại, vận chuyển hàng hóa và nông sản của người dân thuận lợi hơn, góp phần hoàn thiện tiêu chí giao thông trong xây dựng nông thôn mới kiểu mẫu.',
        ],
        figure: { image: 'lang-que', caption: `Tuyến đường mới qua thôn ${hamlet(ctx, 2)} (tranh minh họa)` },
        cover: 'lang-que',
      };
    },
  },
  {
    id: 'health',
    category: 'van-hoa-xa-hoi',
    schedule: [{ kind: 'spread' }, { kind: 'spread' }],
    write(ctx) {
      const { commune: c, rnd } = ctx;
      if (ctx.k === 0) {
        const kids = rnd.int(90, 180);
        return {
          title: `Xã ${c} tổ chức tiêm chủng mở rộng cho trẻ em tháng ${ctx.date.month}/${ctx.date.year}`,
          summary: `Trạm Y tế xã ${c} đã tiêm chủng cho ${kids} trẻ em trong độ tuổi, bảo đảm an toàn, không có trường hợp phản ứng nặng sau tiêm.`,
          paragraphs: [
            `Ngày ${dmy(ctx.date)}, Trạm Y tế xã ${c} tổ chức buổi tiêm chủng mở rộng định kỳ cho trẻ em dưới 5 tuổi và phụ nữ có thai trên địa bàn. Các loại vắc xin được tiêm gồm vắc xin phòng lao, viêm gan B, bạch hầu - ho gà - uốn ván, bại liệt, sởi và viêm não Nhật Bản.`,
            'Trước khi tiêm, trẻ được khám sàng lọc, tư vấn đầy đủ; sau tiêm được theo dõi 30 phút tại trạm. Cha mẹ được hướng dẫn cách chăm sóc và theo dõi trẻ tại nhà trong 24 giờ đầu.',
            `Kết quả, đã có ${kids} trẻ em và ${rnd.int(15, 40)} phụ nữ có thai được tiêm chủng an toàn. Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ của xã từ đầu năm đến nay đạt ${dec(rnd.decimal(96, 99.5, 1))}%.`,
            'Trạm Y tế xã đề nghị các gia đình đưa trẻ đi tiêm đúng lịch; trường hợp trẻ bị ốm vào ngày tiêm, gia đình liên hệ trạm để được hẹn tiêm bổ sung.',
          ],
          figure: { image: 'tram-y-te', caption: `Trạm Y tế xã ${c} (tranh minh họa)` },
          cover: 'tram-y-te',
        };
      }
      const elders = rnd.int(250, 480);
      return {
        title: `Khám sức khỏe miễn phí cho người cao tuổi xã ${c}`,
        summary: `${num(elders)} người cao tuổi trên địa bàn xã ${c} đã được khám sức khỏe, đo huyết áp, đường huyết và tư vấn chế độ dinh dưỡng miễn phí.`,
        paragraphs: [
          `Hưởng ứng phong trào chăm sóc sức khỏe người cao tuổi, Trạm Y tế xã ${c} phối hợp với Hội Người cao tuổi xã tổ chức khám sức khỏe định kỳ cho hội viên tại nhà văn hóa các thôn.`,
          'Các cụ được đo huyết áp, xét nghiệm đường huyết, khám mắt và tư vấn phòng, chống các bệnh không lây nhiễm như tăng huyết áp, đái tháo đường. Những trường hợp phát hiện bệnh được lập hồ sơ theo dõi và hướng dẫn điều trị ở tuyến phù hợp.',
          `Qua khám, có ${rnd.int(60, 110)} người được phát hiện tăng huyết áp, ${rnd.int(15, 40)} người có chỉ số đường huyết cao. Trạm Y tế xã sẽ quản lý, theo dõi và cấp thuốc điều trị ngoại trú cho các cụ theo chế độ bảo hiểm y tế.`,
        ],
        figure: {
          image: 'tram-y-te',
          caption: `Trạm Y tế xã ${c}, nơi tiếp nhận khám sức khỏe (tranh minh họa)`,
        },
        cover: 'tram-y-te',
      };
    },
  },
  {
    id: 'school-year',
    category: 'van-hoa-xa-hoi',
    schedule: [{ kind: 'yearly', month: 9, day: 5 }],
    write(ctx) {
      const { commune: c, rnd } = ctx;
      const y = ctx.date.year;
      const mn = rnd.int(250, 420);
      const th = rnd.int(500, 800);
      const thcs = rnd.int(380, 600);
      return {
        title: `Các trường học trên địa bàn xã ${c} khai giảng năm học ${y} - ${y + 1}`,
        summary: `Sáng ${dm(ctx.date)}, hơn ${num(Math.floor((mn + th + thcs) / 100) * 100)} học sinh của ba trường mầm non, tiểu học và trung học cơ sở xã ${c} đã dự lễ khai giảng năm học mới.`,
        paragraphs: [
          `Năm học ${y} - ${y + 1}, xã ${c} có ${num(mn + th + thcs)} học sinh ở ba cấp học, trong đó trường mầm non có ${mn} cháu, trường tiểu học có ${th} học sinh và trường trung học cơ sở có ${thcs} học sinh. Trước ngày khai giảng, các trường đã sửa chữa phòng học, bổ sung bàn ghế, thiết bị dạy học và vệ sinh trường lớp.`,
          'Dự lễ khai giảng tại các trường có lãnh đạo Đảng ủy, HĐND, UBND xã cùng đông đảo phụ huynh học sinh. Sau nghi lễ chào cờ, thầy cô giáo và học sinh đã lắng nghe thư của Chủ tịch nước gửi ngành giáo dục nhân dịp khai giảng năm học mới.',
          `Năm học trước, ${rnd.int(20, 45)} học sinh của xã đạt giải trong các kỳ thi học sinh giỏi cấp huyện và cấp tỉnh; tỷ lệ học sinh lớp 9 tốt nghiệp trung học cơ sở đạt ${dec(rnd.decimal(98, 100, 1))}%. Năm học này, các trường tiếp tục thực hiện chương trình giáo dục phổ thông mới, đẩy mạnh ứng dụng công nghệ thông tin trong dạy và học.`,
          `Nhân dịp này, Hội Khuyến học xã và các nhà hảo tâm đã trao ${rnd.int(20, 50)} suất học bổng cho học sinh có hoàn cảnh khó khăn vượt khó học tốt.`,
        ],
        figure: { image: 'truong-hoc', caption: `Một ngôi trường trên địa bàn xã ${c} (tranh minh họa)` },
        cover: 'truong-hoc',
      };
    },
  },
  {
    id: 'village-festival',
    category: 'van-hoa-xa-hoi',
    schedule: [{ kind: 'yearly', month: 3, day: 18 }],
    write(ctx) {
      const { commune: c } = ctx;
      const h = hamlet(ctx, 0);
      return {
        title: `Lễ hội truyền thống đình thôn ${h} năm ${ctx.date.year}`,
        summary: `Lễ hội truyền thống đình thôn ${h}, xã ${c} diễn ra trang trọng với phần lễ theo nghi thức cổ truyền và phần hội với nhiều trò chơi dân gian, thu hút đông đảo nhân dân và du khách.`,
        paragraphs: [
          `Lễ hội đình thôn ${h} được tổ chức hằng năm vào mùa xuân, nhằm tưởng nhớ công đức của vị thành hoàng làng và cầu mong mưa thuận gió hòa, mùa màng bội thu. Năm nay, Ban tổ chức đã chuẩn bị chu đáo, bảo đảm lễ hội trang trọng, tiết kiệm và an toàn.`,
          'Phần lễ gồm lễ rước kiệu và lễ tế theo nghi thức truyền thống do các cụ cao niên trong thôn thực hiện. Phần hội diễn ra sôi nổi với các trò chơi dân gian như cờ người, kéo co, đập niêu, thi nấu cơm và giao lưu văn nghệ của các chi hội.',
          'Ban tổ chức bố trí lực lượng bảo đảm an ninh trật tự, trông giữ xe, không để xảy ra tình trạng chèo kéo khách. Người đến lễ hội được nhắc nhở ăn mặc lịch sự, giữ gìn vệ sinh chung và thực hiện nếp sống văn minh.',
        ],
        figure: { image: 'dem-hoi', caption: `Đêm hội làng thôn ${h} (tranh minh họa)` },
        cover: 'dem-hoi',
      };
    },
  },
  {
    id: 'mid-autumn',
    category: 'van-hoa-xa-hoi',
    schedule: [{ kind: 'yearly', month: 9, day: 26 }],
    write(ctx) {
      const { commune: c, rnd } = ctx;
      const gifts = rnd.int(20, 40) * 10;
      return {
        title: `Vui Tết Trung thu cho thiếu nhi xã ${c} năm ${ctx.date.year}`,
        summary: `Đoàn Thanh niên xã ${c} tổ chức chương trình "Đêm hội trăng rằm", trao ${gifts} suất quà cho thiếu nhi, trong đó có các em có hoàn cảnh khó khăn.`,
        paragraphs: [
          `Tối ${dm(addDays(ctx.date, -1))}, tại sân nhà văn hóa thôn ${hamlet(ctx, 2)}, Đoàn Thanh niên xã ${c} tổ chức chương trình "Đêm hội trăng rằm" cho thiếu nhi trên địa bàn. Chương trình có các tiết mục văn nghệ do chính các em biểu diễn, phần thi bày mâm cỗ Trung thu và rước đèn ông sao.`,
          'Các chi đoàn thôn đã tự tay làm hàng trăm chiếc đèn ông sao, đèn lồng để tặng các em; nhiều gia đình, doanh nghiệp trên địa bàn ủng hộ bánh kẹo, đồ chơi cho chương trình.',
          `Dịp này, Ban tổ chức trao ${gifts} suất quà cho thiếu nhi, trong đó có ${rnd.int(20, 45)} suất dành cho các em có hoàn cảnh đặc biệt khó khăn, tổng giá trị gần ${rnd.int(30, 70)} triệu đồng.`,
        ],
        figure: { image: 'dem-hoi', caption: 'Thiếu nhi rước đèn trong đêm hội trăng rằm (tranh minh họa)' },
        cover: 'dem-hoi',
      };
    },
  },
  {
    id: 'blood-donation',
    category: 'van-hoa-xa-hoi',
    schedule: once,
    write(ctx) {
      const { commune: c, rnd } = ctx;
      const units = rnd.int(70, 140);
      return {
        title: `Ngày hội hiến máu tình nguyện xã ${c} tiếp nhận ${units} đơn vị máu`,
        summary: `Hưởng ứng phong trào hiến máu tình nguyện, ${units + rnd.int(15, 40)} cán bộ, đoàn viên và người dân xã ${c} đã đăng ký tham gia; Ban tổ chức tiếp nhận ${units} đơn vị máu an toàn.`,
        paragraphs: [
          `Ngày hội hiến máu tình nguyện do Ban Chỉ đạo vận động hiến máu tình nguyện xã ${c} phối hợp với Hội Chữ thập đỏ tổ chức tại hội trường UBND xã. Từ sáng sớm, đông đảo cán bộ, công chức, đoàn viên thanh niên, dân quân và người dân các thôn đã có mặt để đăng ký.`,
          `Trước khi hiến máu, người tham gia được khám sàng lọc, đo huyết áp và xét nghiệm nhanh theo quy định. Nhiều người đã hiến máu từ ${rnd.int(5, 12)} lần trở lên, có những gia đình cả vợ và chồng cùng tham gia.`,
          `Kết quả, Ban tổ chức tiếp nhận ${units} đơn vị máu. Toàn bộ số máu được chuyển về bệnh viện tuyến tỉnh để phục vụ cấp cứu, điều trị người bệnh.`,
        ],
        figure: {
          image: 'tram-y-te',
          caption: `Trạm Y tế xã ${c} phối hợp tổ chức ngày hội (tranh minh họa)`,
        },
        cover: 'tram-y-te',
      };
    },
  },
  {
    id: 'health-insurance',
    category: 'chinh-sach-phap-luat',
    schedule: once,
    write(ctx) {
      const { commune: c, rnd } = ctx;
      return {
        title: `Vận động người dân tham gia bảo hiểm y tế hộ gia đình năm ${ctx.date.year}`,
        summary: `Đến nay, tỷ lệ người dân xã ${c} tham gia bảo hiểm y tế đạt ${dec(rnd.decimal(92, 96.5, 1))}%. Xã tiếp tục vận động các hộ gia đình chưa tham gia mua thẻ để được chăm sóc sức khỏe khi ốm đau.`,
        paragraphs: [
          'Người tham gia bảo hiểm y tế theo hộ gia đình được giảm mức đóng từ thành viên thứ hai trở đi: người thứ hai đóng bằng 70%, người thứ ba bằng 60%, người thứ tư bằng 50% mức đóng của người thứ nhất; từ người thứ năm trở đi đóng bằng 40%.',
          'Người có thẻ bảo hiểm y tế được thanh toán chi phí khám, chữa bệnh trong phạm vi quyền lợi, kể cả những bệnh có chi phí điều trị lớn, kéo dài. Khi đi khám, chữa bệnh, người dân có thể xuất trình thẻ căn cước hoặc ứng dụng VNeID đã tích hợp thông tin thẻ bảo hiểm y tế.',
          `Hiện trên địa bàn xã còn khoảng ${num(rnd.int(300, 700))} người chưa tham gia bảo hiểm y tế, chủ yếu là lao động tự do và người làm nông nghiệp. UBND xã đã giao các thôn, đoàn thể rà soát từng hộ để tuyên truyền, vận động; đại lý thu của xã hỗ trợ kê khai, thu tiền tại nhà.`,
          `Mọi thắc mắc về chính sách, người dân liên hệ công chức Văn hóa - Xã hội xã hoặc Bộ phận Một cửa UBND xã ${c} để được giải đáp.`,
        ],
        figure: {
          image: 'tram-y-te',
          caption: `Khám bệnh theo thẻ bảo hiểm y tế tại Trạm Y tế xã ${c} (tranh minh họa)`,
        },
        cover: 'tram-y-te',
      };
    },
  },
  {
    id: 'land-law',
    category: 'chinh-sach-phap-luat',
    schedule: once,
    write(ctx) {
      const { commune: c, rnd } = ctx;
      return {
        title: `Hội nghị phổ biến Luật Đất đai năm 2024 cho cán bộ và nhân dân xã ${c}`,
        summary: `Hơn ${rnd.int(12, 25) * 10} cán bộ, trưởng thôn và người dân xã ${c} đã được phổ biến những điểm mới của Luật Đất đai năm 2024 liên quan trực tiếp đến quyền và nghĩa vụ của người sử dụng đất.`,
        paragraphs: [
          `Luật Đất đai năm 2024 có hiệu lực thi hành từ ngày 01/8/2024 với nhiều điểm mới quan trọng. Để người dân nắm được các quy định, UBND xã ${c} phối hợp với phòng chuyên môn của huyện tổ chức hội nghị phổ biến tại hội trường UBND xã.`,
          'Tại hội nghị, báo cáo viên giới thiệu những nội dung người dân quan tâm như điều kiện cấp giấy chứng nhận quyền sử dụng đất đối với đất không có giấy tờ, bảng giá đất, bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất và trách nhiệm của người sử dụng đất.',
          'Người dự hội nghị đã nêu nhiều câu hỏi về thủ tục tách thửa, chuyển mục đích sử dụng đất vườn, ao sang đất ở và thời hạn sử dụng đất nông nghiệp. Các câu hỏi đều được báo cáo viên giải đáp cụ thể.',
          'Sau hội nghị, công chức Tư pháp - Hộ tịch xã tiếp tục phối hợp với các thôn tuyên truyền trên hệ thống truyền thanh và đăng tải tài liệu hỏi - đáp trên Trang thông tin điện tử của xã.',
        ],
        figure: { image: 'tru-so-ubnd', caption: `Hội nghị tại hội trường UBND xã ${c} (tranh minh họa)` },
        cover: 'tru-so-ubnd',
      };
    },
  },
  {
    id: 'social-allowance',
    category: 'chinh-sach-phap-luat',
    schedule: once,
    write(ctx) {
      const { commune: c, rnd } = ctx;
      return {
        title: `Chi trả trợ cấp xã hội hằng tháng qua tài khoản cho người hưởng tại xã ${c}`,
        summary: `Xã ${c} hiện có ${num(rnd.int(280, 520))} đối tượng bảo trợ xã hội hưởng trợ cấp hằng tháng; ${rnd.int(65, 88)}% trong số đó đã nhận tiền qua tài khoản ngân hàng, thuận tiện và an toàn.`,
        paragraphs: [
          `Thực hiện chủ trương chi trả an sinh xã hội không dùng tiền mặt, UBND xã ${c} đã phối hợp với ngân hàng và bưu điện hỗ trợ người hưởng trợ cấp mở tài khoản miễn phí. Người cao tuổi, người khuyết tật, trẻ em mồ côi đang hưởng trợ cấp nhận tiền ngay trong tài khoản vào ngày chi trả hằng tháng.`,
          'Đối với những người không thể tự đi lại, cán bộ xã và chi hội ở thôn hỗ trợ cài đặt ứng dụng ngân hàng trên điện thoại của người thân, hoặc hướng dẫn ủy quyền cho người thân nhận thay theo quy định.',
          'Những trường hợp chưa có tài khoản vẫn được chi trả bằng tiền mặt tại điểm chi trả ở nhà văn hóa các thôn. Mọi thắc mắc về chế độ trợ cấp, người dân liên hệ công chức Văn hóa - Xã hội xã để được hướng dẫn.',
        ],
        figure: {
          image: 'quay-mot-cua',
          caption: 'Hỗ trợ người hưởng trợ cấp mở tài khoản ngân hàng (tranh minh họa)',
        },
        cover: 'quay-mot-cua',
      };
    },
  },
];

const FARMING_MODELS: readonly ((ctx: ArticleContext) => ArticleContent)[] = [
  (ctx) => {
    const { commune: c, rnd } = ctx;
    const h = hamlet(ctx, 3);
    const ha = rnd.int(25, 60);
    const gain = rnd.int(6, 12);
    return {
      title: `Hiệu quả mô hình liên kết sản xuất lúa chất lượng cao ở thôn ${h}`,
      summary: `${ha} ha lúa chất lượng cao tại thôn ${h}, xã ${c} được doanh nghiệp bao tiêu toàn bộ sản phẩm, lãi cao hơn trồng lúa thường khoảng ${gain} triệu đồng mỗi héc-ta.`,
      paragraphs: [
        `HTX dịch vụ nông nghiệp xã ${c} liên kết với một doanh nghiệp chế biến gạo thực hiện mô hình sản xuất lúa chất lượng cao trên diện tích ${ha} ha tại thôn ${h}, với ${rnd.int(90, 180)} hộ tham gia. Doanh nghiệp cung ứng giống, hướng dẫn quy trình canh tác và cam kết thu mua toàn bộ sản phẩm theo giá thỏa thuận.`,
        'Các hộ tham gia được tập huấn kỹ thuật gieo cấy, bón phân cân đối và sử dụng thuốc bảo vệ thực vật theo nguyên tắc "bốn đúng". Nhờ cấy cùng trà, cùng giống trên một cánh đồng, việc làm đất, thu hoạch bằng máy thuận lợi, giảm đáng kể chi phí nhân công.',
        `Năng suất lúa của mô hình đạt bình quân ${dec(rnd.decimal(63, 70, 1))} tạ/ha. ${farmer(rnd)}, một hộ tham gia mô hình, cho biết: "Có doanh nghiệp bao tiêu nên bà con yên tâm sản xuất, không còn lo cảnh được mùa mất giá".`,
        `Vụ tới, xã dự kiến mở rộng mô hình thêm ${rnd.int(10, 30)} ha ở các thôn lân cận, đồng thời hướng dẫn nông dân ghi chép nhật ký đồng ruộng để tiến tới cấp mã số vùng trồng.`,
      ],
      figure: {
        image: 'canh-dong-lua',
        caption: `Cánh đồng lúa chất lượng cao ở thôn ${h} (tranh minh họa)`,
      },
      cover: 'canh-dong-lua',
    };
  },
  (ctx) => {
    const { commune: c, rnd } = ctx;
    const h = hamlet(ctx, 4);
    const ha = rnd.int(12, 35);
    const profit = rnd.int(4, 7);
    return {
      title: `Thôn ${h} mở rộng diện tích rau màu vụ đông`,
      summary: `Vụ đông vừa qua, thôn ${h}, xã ${c} gieo trồng ${ha} ha rau màu các loại như bắp cải, su hào, cà rốt, khoai tây; nhiều hộ thu lãi khoảng ${profit} triệu đồng mỗi sào.`,
      paragraphs: [
        `Tận dụng đất hai lúa sau thu hoạch vụ mùa, những năm gần đây người dân thôn ${h}, xã ${c} đã mạnh dạn trồng cây vụ đông. Vụ vừa qua, diện tích rau màu của thôn đạt ${ha} ha, tăng ${rnd.int(2, 6)} ha so với vụ trước.`,
        `Để giúp bà con sản xuất hiệu quả, HTX dịch vụ nông nghiệp xã đã phối hợp tổ chức ${rnd.int(2, 4)} lớp tập huấn về kỹ thuật làm đất tối thiểu, tưới tiết kiệm và sử dụng phân hữu cơ vi sinh. Nhiều hộ đầu tư hệ thống tưới phun, giảm công lao động và hạn chế sâu bệnh.`,
        `${farmer(rnd)}, thôn ${h}, chia sẻ: "Gia đình tôi trồng bốn sào bắp cải và su hào, thương lái đến tận ruộng thu mua nên rất thuận tiện. Trừ chi phí, mỗi sào cho lãi khoảng ${profit} triệu đồng, hơn hẳn để đất trống".`,
        'Thời gian tới, xã khuyến khích các hộ liên kết thành tổ hợp tác sản xuất rau an toàn, từng bước xây dựng thương hiệu rau vụ đông của địa phương.',
      ],
      figure: { image: 'canh-dong-lua', caption: `Ruộng rau vụ đông ở thôn ${h} (tranh minh họa)` },
      cover: 'lang-que',
    };
  },
  (ctx) => {
    const { commune: c, rnd } = ctx;
    const h = hamlet(ctx, 1);
    return {
      title: `Nuôi cá theo hướng an toàn sinh học giúp nông dân xã ${c} tăng thu nhập`,
      summary: `Với ${rnd.int(20, 45)} ha ao, hồ được cải tạo, nhiều hộ nông dân xã ${c} đã áp dụng quy trình nuôi cá theo hướng an toàn sinh học, giảm dịch bệnh và cho thu nhập ổn định.`,
      paragraphs: [
        `Xã ${c} có khoảng ${rnd.int(50, 90)} ha mặt nước nuôi trồng thủy sản, phần lớn là các ô trũng cấy lúa kém hiệu quả được chuyển đổi. Từ năm ${ctx.date.year - 1}, xã vận động các hộ áp dụng quy trình nuôi cá an toàn sinh học: cải tạo ao, xử lý nước trước khi thả giống, cho ăn theo định lượng và theo dõi môi trường nước thường xuyên.`,
        `Các đối tượng nuôi chính là cá trắm, chép, rô phi đơn tính; một số hộ thử nghiệm nuôi cá trong ao nổi có sục khí. Năng suất bình quân đạt ${dec(rnd.decimal(9, 14, 1))} tấn/ha, cao hơn cách nuôi truyền thống từ 20 đến 30%.`,
        `${farmer(rnd)}, chủ một trang trại ở thôn ${h}, cho biết gia đình nuôi ${dec(rnd.decimal(1.5, 4, 1))} ha cá, mỗi năm trừ chi phí còn lãi khoảng ${rnd.int(250, 600)} triệu đồng, đồng thời sẵn sàng chia sẻ kinh nghiệm cho các hộ mới vào nghề.`,
      ],
      figure: { image: 'dam-sen', caption: `Ao nuôi cá kết hợp trồng sen ở thôn ${h} (tranh minh họa)` },
      cover: 'dam-sen',
    };
  },
  (ctx) => {
    const { commune: c, rnd } = ctx;
    const h = hamlet(ctx, 2);
    const tons = rnd.int(8, 15);
    return {
      title: `Nông dân xã ${c} trồng nấm từ rơm rạ sau thu hoạch`,
      summary: `Tận dụng nguồn rơm rạ sau thu hoạch, ${rnd.int(20, 45)} hộ dân xã ${c} đã trồng nấm rơm, nấm sò, vừa tăng thu nhập vừa hạn chế tình trạng đốt rơm gây ô nhiễm môi trường.`,
      paragraphs: [
        `Trước đây, sau mỗi vụ thu hoạch lúa, phần lớn rơm rạ trên đồng ruộng xã ${c} bị đốt bỏ, gây khói bụi và lãng phí. Hai năm gần đây, Hội Nông dân xã đã vận động hội viên tận dụng rơm rạ để trồng nấm, với sự hỗ trợ kỹ thuật của trung tâm dịch vụ nông nghiệp huyện.`,
        `Quy trình trồng nấm không phức tạp: rơm được xử lý bằng nước vôi, ủ đống rồi xếp luống, cấy meo giống và giữ ẩm. Sau khoảng 12 đến 15 ngày có thể thu hái lứa đầu. Mỗi tấn rơm khô cho khoảng ${rnd.int(15, 20) * 10} kg nấm tươi.`,
        `${farmer(rnd)}, thôn ${h}, cho biết mỗi vụ gia đình sử dụng khoảng ${tons} tấn rơm, thu được hơn ${num(tons * 150)} kg nấm, bán tại chỗ cho thương lái. Sau khi thu hoạch nấm, bã rơm được ủ làm phân bón hữu cơ cho cây trồng.`,
        'Hội Nông dân xã đang phối hợp với HTX dịch vụ nông nghiệp thành lập tổ hợp tác trồng nấm, hướng tới sản xuất quy mô lớn hơn và kết nối tiêu thụ ổn định.',
      ],
      figure: {
        image: 'canh-dong-lua',
        caption: 'Rơm rạ sau thu hoạch được tận dụng để trồng nấm (tranh minh họa)',
      },
      cover: 'lang-que',
    };
  },
];

/** Two drafts per commune, so the admin list shows the editorial state next to published articles. */
export const DRAFT_TEMPLATES: readonly ArticleTemplate[] = [
  {
    id: 'draft-sports-day',
    category: 'thong-bao',
    schedule: once,
    write(ctx) {
      const c = ctx.commune;
      return {
        title: `Kế hoạch tổ chức Đại hội Thể dục thể thao xã ${c} (dự thảo)`,
        summary: `Dự thảo kế hoạch tổ chức Đại hội Thể dục thể thao xã ${c} với các môn bóng đá, bóng chuyền, cầu lông, kéo co và cờ tướng.`,
        paragraphs: [
          `UBND xã ${c} dự kiến tổ chức Đại hội Thể dục thể thao xã vào quý tới, với sự tham gia của các thôn, trường học và đoàn thể trên địa bàn.`,
          'Các môn thi đấu dự kiến gồm bóng đá nam, bóng chuyền hơi, cầu lông, kéo co và cờ tướng. Điều lệ chi tiết từng môn sẽ được gửi tới các đơn vị sau khi kế hoạch được phê duyệt.',
          'Bản dự thảo đang được lấy ý kiến các đoàn thể trước khi trình Chủ tịch UBND xã ký ban hành.',
        ],
        figure: {
          image: 'truong-hoc',
          caption: `Sân thi đấu dự kiến tại trường học của xã ${c} (tranh minh họa)`,
        },
        cover: 'truong-hoc',
      };
    },
  },
  {
    id: 'draft-culture-movement',
    category: 'tin-tuc-su-kien',
    schedule: once,
    write(ctx) {
      const c = ctx.commune;
      return {
        title: `Xã ${c} sơ kết phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa"`,
        summary: `Bài viết đang biên tập: kết quả phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa" ở các thôn của xã ${c}.`,
        paragraphs: [
          `Ban Chỉ đạo phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa" xã ${c} tổ chức hội nghị sơ kết, đánh giá kết quả thực hiện phong trào ở các thôn.`,
          'Số liệu về tỷ lệ gia đình văn hóa, thôn văn hóa đang được các thôn tổng hợp và sẽ được bổ sung trước khi đăng bài.',
          'Phóng viên cộng tác đang bổ sung ý kiến của các điển hình tiên tiến được khen thưởng tại hội nghị.',
        ],
        figure: { image: 'lang-que', caption: `Một góc khu dân cư văn hóa của xã ${c} (tranh minh họa)` },
        cover: 'lang-que',
      };
    },
  },
];
