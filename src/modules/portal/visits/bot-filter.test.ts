import { describe, expect, it } from 'vitest';
import { isBot } from './bot-filter.js';

describe('isBot', () => {
  it('recognises robots, scripts, previewers and an empty user agent', () => {
    for (const ua of [
      undefined,
      '',
      '   ',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0)',
      'Mozilla/5.0 (compatible; Yahoo! Slurp)',
      'curl/8.5.0',
      'Wget/1.21',
      'python-requests/2.31',
      'Apache-HttpClient/4.5',
      'Go-http-client/1.1',
      'Mozilla/5.0 HeadlessChrome/120.0',
      'Chrome-Lighthouse',
      'facebookexternalhit/1.1',
      'Mozilla/5.0 (compatible; SemrushBot/7)',
      'Mozilla/5.0 (compatible; AhrefsBot/7.0)',
      'Zalo link preview',
    ]) {
      expect(isBot(ua), String(ua)).toBe(true);
    }
  });

  it('counts ordinary browsers', () => {
    for (const ua of [
      'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/125.0 Chrome/119.0 Safari/537.36',
    ]) {
      expect(isBot(ua), ua).toBe(false);
    }
  });
});
