/**
 * Obvious robots, scripts and link previewers, recognised by their user agent; an empty user agent counts as one.
 * Deliberately simple: it keeps the visitor counter honest, it is not a security control.
 */
const BOT_UA =
  /bot|crawl|spider|slurp|curl|wget|python|httpclient|http-client|headless|lighthouse|facebookexternalhit|preview|scrapy|java\/|okhttp|axios|node-fetch|undici|libwww|go-http|phantomjs|pingdom|uptime|monitor|feedfetcher|archiver|validator|scan|fetch/i;

export function isBot(userAgent: string | undefined): boolean {
  const ua = userAgent?.trim() ?? '';
  return ua === '' || BOT_UA.test(ua);
}
