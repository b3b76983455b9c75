import { describe, expect, test } from 'vitest';
import { startBanner, type BannerServer } from './banner';
import { loadConfig } from './config';

// Issue #13 item 10: the start says where the console and the portal are, and warns when QR codes would point at
// the loopback address.
const server: BannerServer = {
  url: 'http://127.0.0.1:8080',
  seed: { seeded: false, accounts: [] },
  dataKey: { source: 'file', file: '/srv/sifa/data/secret.key', generated: false },
  auditKey: { anchorFile: '/srv/sifa/data/audit-anchor.json', source: 'dev', keyFile: '/root/.sifa/k.pem', fingerprint: 'ab12', generated: false },
  notices: [],
};

describe('the start banner', () => {
  test('names the console, the portal and the API documents', () => {
    const text = startBanner(server, loadConfig({}), {});
    expect(text).toContain('地址 URL:        http://127.0.0.1:8080  (管理端 console)\n');
    expect(/地址 URL:\s+(http:\/\/\S+)/.exec(text)?.[1]).toBe('http://127.0.0.1:8080'); // what scripts read
    expect(text).toContain('群众门户 portal: http://127.0.0.1:8080/portal\n');
    expect(text).toContain('接口文档 API:    http://127.0.0.1:8080/api/docs');
    expect(text).toContain('演示账号 demo accounts');
  });

  test('without SIFA_PUBLIC_URL it warns that QR codes point at the loopback address, and says what to set', () => {
    const text = startBanner(server, loadConfig({}), {});
    expect(text).toContain('未设置 SIFA_PUBLIC_URL：文书二维码和短信中的链接将指向 http://127.0.0.1:8080/verify/… (本机回环地址，群众的手机扫码打不开)');
    expect(text).toContain('SIFA_PUBLIC_URL=https://sifa.example.gov.cn');
  });

  test('with SIFA_PUBLIC_URL there is no warning, and the portal’s public address is shown', () => {
    const env = { SIFA_PUBLIC_URL: 'https://sifa.example.gov.cn' };
    const text = startBanner(server, loadConfig(env), env);
    expect(text).not.toContain('SIFA_PUBLIC_URL');
    expect(text).toContain('群众门户 portal: http://127.0.0.1:8080/portal  (群众访问 public: https://sifa.example.gov.cn/portal)');
  });

  test('extra notices (a Node.js past its end of life) are shown, each line indented', () => {
    const text = startBanner(server, loadConfig({}), {}, ['第一行\n第二行']);
    expect(text).toContain('  !! 第一行\n     第二行');
  });
});
