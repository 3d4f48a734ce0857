import { ConfigError } from '@newsflow/config';
import { loadApiConfig } from './api.config';

describe(loadApiConfig.name, () => {
  it('gives every setting its default when nothing is set', () => {
    expect(loadApiConfig({})).toEqual({
      port: 3000,
      logLevel: 'info',
      database: { url: 'postgres://postgres@127.0.0.1:5432/test' },
      settings: { maxPageSize: 100 },
    });
  });

  it('puts each variable in its piece', () => {
    expect(
      loadApiConfig({
        API_PORT: '8080',
        LOG_LEVEL: 'warn',
        DATABASE_URL: 'postgres://db/api',
        API_MAX_PAGE_SIZE: '25',
      }),
    ).toEqual({
      port: 8080,
      logLevel: 'warn',
      database: { url: 'postgres://db/api' },
      settings: { maxPageSize: 25 },
    });
  });

  it('lists every bad variable in one error', () => {
    expect(() => loadApiConfig({ API_MAX_PAGE_SIZE: '5000', LOG_LEVEL: 'loud' })).toThrow(
      new ConfigError([
        'API_MAX_PAGE_SIZE="5000": must be <= 1000',
        'LOG_LEVEL="loud": must be one of debug, info, warn, error',
      ]),
    );
  });
});
