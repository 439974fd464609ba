import type { Deps } from '../deps.js';
import type { Role } from '../modules/accounts/roles.js';
import { searchTextOf } from '../modules/portal/search-text.js';
import { seedCsv } from '../modules/procedures/sample-csv.js';
import { assetPaths } from '../http/paths.js';
import { planArticles, DEMO_CATEGORIES, type DemoMediaRef } from './demo-content.js';
import type { DemoImageKey } from './demo-images.js';
import { demoImages } from './demo-images.js';
import { loadDemoDossiers } from './demo-dossiers.js';
import { demoPages } from './demo-pages.js';
import { DemoRandom } from './demo-random.js';
import { DemoRepository } from './demo.repository.js';
import {
  DEMO_COMMUNES,
  DEMO_DISTRICT,
  DEMO_PROVINCE,
  demoCodes,
  demoEmail,
  demoHamlets,
  demoLeaders,
  demoPeople,
  demoPhone,
  seedFor,
  type DemoCommune,
  type DemoLeaders,
} from './demo-units.js';

/** The password of every demo staff account, documented in the README. Never used outside demo data. */
export const DEMO_PASSWORD = 'congxa-demo-2026';

/** The demo staff accounts: one per role in xã Tân Hồng, and one appraiser/inspector in huyện Bình Giang. */
export const DEMO_ACCOUNTS: readonly {
  username: string;
  fullName: string;
  unitSlug: string;
  roles: Role[];
}[] = [
  { username: 'admin', fullName: 'Quản trị (tài khoản mẫu)', unitSlug: 'tan-hong', roles: ['admin'] },
  { username: 'bientap', fullName: 'Biên tập viên (tài khoản mẫu)', unitSlug: 'tan-hong', roles: ['editor'] },
  {
    username: 'truongbbt',
    fullName: 'Trưởng Ban Biên tập (tài khoản mẫu)',
    unitSlug: 'tan-hong',
    roles: ['chief_editor'],
  },
  {
    username: 'motcua',
    fullName: 'Công chức Một cửa (tài khoản mẫu)',
    unitSlug: 'tan-hong',
    roles: ['one_stop_officer'],
  },
  {
    username: 'chuyenvien',
    fullName: 'Chuyên viên (tài khoản mẫu)',
    unitSlug: 'tan-hong',
    roles: ['specialist'],
  },
  { username: 'lanhdao', fullName: 'Lãnh đạo xã (tài khoản mẫu)', unitSlug: 'tan-hong', roles: ['leader'] },
  {
    username: 'cchc',
    fullName: 'Đầu mối CCHC (tài khoản mẫu)',
    unitSlug: 'tan-hong',
    roles: ['cchc_focal_point'],
  },
  {
    username: 'huyen',
    fullName: 'Chuyên viên huyện (tài khoản mẫu)',
    unitSlug: DEMO_DISTRICT.slug,
    roles: ['appraiser', 'inspector'],
  },
];

const EDITOR_TITLE = 'Chủ tịch UBND xã';

/**
 * Loads the demo data set on an empty database (issue #2, item 9): tỉnh Hải Dương › huyện Bình Giang › 13 communes
 * with xã Tân Hồng as the default unit, about thirty articles with illustrations per commune, static pages and
 * the demo staff accounts. Deterministic for a given clock; writes one transaction per unit's content.
 */
export async function loadDemoData(deps: Deps): Promise<void> {
  const { units, accounts, storage, db, audit, clock } = deps;
  const now = clock.now();
  const repo = new DemoRepository();

  const provinceId = await units.createUnit(null, {
    slug: DEMO_PROVINCE.slug,
    name: DEMO_PROVINCE.name,
    fullName: `Ủy ban nhân dân tỉnh ${DEMO_PROVINCE.short}`,
    kind: 'province',
    parentId: null,
    ...demoCodes.province,
    host: null,
    isDefault: false,
    isDemo: true,
  });
  const districtId = await units.createUnit(null, {
    slug: DEMO_DISTRICT.slug,
    name: DEMO_DISTRICT.name,
    fullName: `Ủy ban nhân dân huyện ${DEMO_DISTRICT.short}`,
    kind: 'district',
    parentId: provinceId,
    ...demoCodes.district,
    host: null,
    isDefault: false,
    isDemo: true,
  });
  const communeIds = new Map<string, number>();
  for (const [i, commune] of DEMO_COMMUNES.entries()) {
    const id = await units.createUnit(null, {
      slug: commune.slug,
      name: `Xã ${commune.short}`,
      fullName: `Ủy ban nhân dân xã ${commune.short}`,
      kind: 'commune',
      parentId: districtId,
      ...demoCodes.commune(i + 1),
      host: null,
      isDefault: commune.isDefault,
      isDemo: true,
    });
    communeIds.set(commune.slug, id);
  }

  const unitIdOf = (slug: string): number => {
    const id = slug === DEMO_DISTRICT.slug ? districtId : communeIds.get(slug);
    if (id === undefined) {
      throw new Error(`demo account for an unknown unit: ${slug}`);
    }
    return id;
  };
  const accountIds = new Map<string, number>();
  for (const a of DEMO_ACCOUNTS) {
    const id = await accounts.createStaff(null, {
      username: a.username,
      fullName: a.fullName,
      email: demoEmail(a.username),
      password: DEMO_PASSWORD,
      unitId: unitIdOf(a.unitSlug),
      roles: a.roles,
    });
    accountIds.set(a.username, id);
  }

  await writeUpperLevelSettings(deps, repo, provinceId, districtId);

  // The CCHC ranking of the demo district: Tân Hồng first (as on its real portal), the others in a seeded order.
  const others = new DemoRandom('congxa-demo:ranking').shuffle(DEMO_COMMUNES.filter((c) => !c.isDefault));
  const rankOf = new Map([
    ...DEMO_COMMUNES.filter((c) => c.isDefault).map((c) => [c.slug, 1] as const),
    ...others.map((c, i) => [c.slug, i + 2] as const),
  ]);

  const images = demoImages();
  for (const [i, commune] of DEMO_COMMUNES.entries()) {
    const unitId = unitIdOf(commune.slug);
    const rnd = seedFor(commune);
    const leaders = demoLeaders(rnd);
    const hamlets = demoHamlets(rnd);
    // Files first (outside the transaction): one copy of each illustration per unit, as an upload would be.
    const keys = await Promise.all(images.map((img) => storage.put(img.bytes, 'png')));
    const createdAt = now.toISOString();

    await db.transaction().execute(async (trx) => {
      await repo.updateUnitSettings(trx, unitId, communeSettings(commune, i + 1, leaders, createdAt));
      const media = await repo.insertMedia(
        trx,
        images.map((img, n) => ({
          unitId,
          storageKey: keys[n] ?? '',
          fileName: img.fileName,
          mime: 'image/png',
          size: img.bytes.length,
          width: img.width,
          height: img.height,
          alt: img.alt,
          caption: img.caption,
          uploadedBy: null,
          createdAt,
        })),
      );
      const mediaIdByKey = new Map(media.map((m) => [m.storageKey, m.id]));
      const refs = new Map<DemoImageKey, DemoMediaRef & { id: number }>(
        images.map((img, n) => {
          const storageKey = keys[n] ?? '';
          const ref = {
            id: mediaIdByKey.get(storageKey) ?? 0,
            url: assetPaths.media(storageKey),
            alt: img.alt,
            width: img.width,
            height: img.height,
          };
          return [img.key, ref];
        }),
      );
      const mediaRef = (key: DemoImageKey) => {
        const ref = refs.get(key);
        if (!ref) {
          throw new Error(`no demo image ${key}`);
        }
        return ref;
      };

      const categories = await repo.insertCategories(
        trx,
        DEMO_CATEGORIES.map((c, position) => ({
          unitId,
          slug: c.slug,
          name: c.name,
          description: c.description,
          position: position + 1,
          showInMenu: c.showInMenu ? 1 : 0,
          showOnHome: c.showOnHome ? 1 : 0,
          createdAt,
          updatedAt: createdAt,
        })),
      );
      const categoryId = new Map(categories.map((c) => [c.slug, c.id]));

      const articles = planArticles({
        now,
        rnd,
        base: {
          commune: commune.short,
          district: DEMO_DISTRICT.short,
          province: DEMO_PROVINCE.short,
          hamlets,
          leaders,
          rank: rankOf.get(commune.slug) ?? DEMO_COMMUNES.length,
          communeCount: DEMO_COMMUNES.length,
        },
        media: mediaRef,
      });
      const authorId = commune.isDefault ? (accountIds.get('bientap') ?? null) : null;
      await repo.insertArticles(
        trx,
        articles.map((a) => ({
          unitId,
          categoryId: categoryId.get(a.categorySlug) ?? 0,
          slug: a.slug,
          title: a.title,
          summary: a.summary,
          bodyHtml: a.bodyHtml,
          coverMediaId: mediaRef(a.cover).id,
          status: a.status,
          featured: a.featured ? 1 : 0,
          publishedAt: a.publishedAt?.toISOString() ?? null,
          authorId,
          authorName: a.authorName,
          searchText: a.searchText,
          createdAt: a.createdAt.toISOString(),
          updatedAt: a.createdAt.toISOString(),
        })),
      );

      const pages = demoPages({
        commune: commune.short,
        slug: commune.slug,
        district: DEMO_DISTRICT.short,
        province: DEMO_PROVINCE.short,
        // The seat's hamlet (Tân Hồng's real address) is listed on the introduction page, never used in articles.
        hamlets: commune.seat.startsWith('Thôn ')
          ? [commune.seat.slice('Thôn '.length), ...hamlets]
          : hamlets,
        leaders,
        n: i + 1,
        area: (rnd.int(55, 110) / 10).toFixed(1).replace('.', ','),
        population: `${rnd.int(6, 11)}.${String(rnd.int(0, 9) * 100).padStart(3, '0')}`,
      });
      await repo.insertPages(
        trx,
        pages.map((p) => ({
          unitId,
          slug: p.slug,
          title: p.title,
          bodyHtml: p.bodyHtml,
          position: p.position,
          showInMenu: 1,
          searchText: searchTextOf(p.title, p.bodyHtml),
          createdAt,
          updatedAt: createdAt,
        })),
      );

      await audit.append(trx, {
        at: now,
        actor: null,
        unitId,
        action: 'demo.load',
        entity: 'unit',
        entityId: unitId,
        after: {
          media: media.length,
          categories: categories.length,
          articles: articles.length,
          pages: pages.length,
        },
      });
    });
    // The sample procedure catalogue (domain.md §7), imported as an officer would.
    await deps.procedures.service.importCsv(null, unitId, seedCsv(), 'commune-procedures-sample.csv');
  }
  await units.refreshDirectory();
  // The one-stop dossiers since 1 January, made through the dossier service (src/demo/demo-dossiers.ts).
  if (deps.config.demoDossiers) {
    await loadDemoDossiers(deps, { password: DEMO_PASSWORD });
  }
}

function communeSettings(commune: DemoCommune, n: number, leaders: DemoLeaders, updatedAt: string) {
  const place = `huyện ${DEMO_DISTRICT.short} - tỉnh ${DEMO_PROVINCE.short}`;
  return {
    address:
      commune.seat === 'Trụ sở UBND xã'
        ? `Trụ sở UBND xã ${commune.short} - ${place}`
        : `${commune.seat} - xã ${commune.short} - ${place}`,
    phone: demoPhone(n),
    email: demoEmail(`ubnd.${commune.slug.replace(/-/g, '')}`),
    editorName: leaders.chairman.name,
    editorTitle: EDITOR_TITLE,
    updatedAt,
  };
}

/** Footer settings for the province and district units (fictitious contacts, like everything else). */
async function writeUpperLevelSettings(
  deps: Deps,
  repo: DemoRepository,
  provinceId: number,
  districtId: number,
): Promise<void> {
  const [provinceHead, districtHead] = demoPeople(new DemoRandom('congxa-demo:upper'), 2);
  const updatedAt = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateUnitSettings(trx, provinceId, {
      address: `Trụ sở UBND tỉnh ${DEMO_PROVINCE.short} (địa chỉ mẫu)`,
      phone: demoPhone(90),
      email: demoEmail('ubnd.haiduong'),
      editorName: provinceHead?.name ?? '',
      editorTitle: 'Chánh Văn phòng UBND tỉnh',
      updatedAt,
    });
    await repo.updateUnitSettings(trx, districtId, {
      address: `Trụ sở UBND huyện ${DEMO_DISTRICT.short} - tỉnh ${DEMO_PROVINCE.short} (địa chỉ mẫu)`,
      phone: demoPhone(80),
      email: demoEmail('ubnd.binhgiang'),
      editorName: districtHead?.name ?? '',
      editorTitle: 'Chánh Văn phòng HĐND và UBND huyện',
      updatedAt,
    });
  });
}
