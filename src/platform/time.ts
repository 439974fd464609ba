/** Vietnamese date and time formats, always in Asia/Ho_Chi_Minh whatever the server's TZ. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function localParts(
  instant: Date | string,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const out = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const p of parts.formatToParts(new Date(instant))) {
    if (p.type in out) {
      out[p.type as keyof typeof out] = p.value; // narrowed by the `in` check above
    }
  }
  return out;
}

/** "22/09/2023 04:20:45": the format of the seed page. */
export function formatDateTime(instant: Date | string): string {
  const p = localParts(instant);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** "22/09/2023". */
export function formatDate(instant: Date | string): string {
  const p = localParts(instant);
  return `${p.day}/${p.month}/${p.year}`;
}

/** The local calendar date of an instant as YYYY-MM-DD. */
export function localDate(instant: Date | string): string {
  const p = localParts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** One formatter per number of decimals: making one costs about 70 µs, using it about 1 µs. */
const numberFormats = new Map<number, Intl.NumberFormat>();

/** Vietnamese number style: 87032.5 → "87.032,5". */
export function formatNumber(n: number, fractionDigits = 0): string {
  let f = numberFormats.get(fractionDigits);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: fractionDigits });
    numberFormats.set(fractionDigits, f);
  }
  return f.format(n);
}
