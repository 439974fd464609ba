import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite in ./data with DEMO_DATA unset', () => {
    const c = loadConfig({});
    expect(c.http.port).toBe(3000);
    expect(c.db).toEqual({ dialect: 'sqlite', file: './data/congxa.sqlite' });
    expect(c.demoData).toBe('unset');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('switches to PostgreSQL when DATABASE_URL is given, and honours DEMO_DATA=off', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@h:5432/x',
      DEMO_DATA: 'off',
      DATA_DIR: '/srv/cx',
      PORT: '8080',
    });
    expect(c.db).toEqual({ dialect: 'postgres', url: 'postgres://u@h:5432/x' });
    expect(c.demoData).toBe('off');
    expect(loadConfig({ DEMO_DATA: 'on', NODE_ENV: 'production' }).demoData).toBe('on');
    expect(c.dataDir).toBe('/srv/cx');
    expect(c.http.port).toBe(8080);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).db.dialect).toBe('sqlite');
  });

  it('reports every problem in one message', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', DEMO_DATA: 'maybe', PUBLIC_URL: 'not a url' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    for (const name of ['PORT', 'DATABASE_URL', 'DEMO_DATA', 'PUBLIC_URL']) {
      expect(message).toContain(name);
    }
  });
});
