import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, multipartFile, sampleModule, type Agent, type TestApp } from '@sifa/testing';
import { checkContent, cleanFilename, FILE_TYPES, formatBytes, typeOfName } from './file-types';
import { resolveFilesRoot } from './storage';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(5000)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.'), randomBytes(2000)]);

/** Every file under the store, relative (what is on disk, whatever the database says). */
function storedFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1));
}

describe('attachments: limits, types, storage, soft delete', () => {
  let t: TestApp;
  let zhanggong: Agent;
  let matterId: string;
  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule], config: { uploadMaxMb: 1 } });
    zhanggong = await t.loginAs('zhanggong');
    const res = await zhanggong.request('POST', '/api/sample/cases', { orgId: await t.orgId('章贡区司法局'), title: '相邻关系纠纷' });
    matterId = res.json<{ id: string }>().id;
  });
  afterAll(() => t.close());

  const upload = (agent: Agent, filename: string, content: Buffer | string, id = matterId) => {
    const { payload, headers } = multipartFile(filename, content);
    return agent.request('POST', `/api/matters/${id}/attachments`, payload, headers);
  };

  test('a file over the limit is refused with 413 and a message naming the limit; nothing is kept', async () => {
    const before = storedFiles(t.filesDir);
    const res = await upload(zhanggong, '庭审录音.mp3', Buffer.concat([Buffer.from('ID3'), Buffer.alloc(1024 * 1024)]));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE', message: '文件“庭审录音.mp3”超过 1 MB 的大小上限，请压缩或拆分后再上传' });
    expect(storedFiles(t.filesDir)).toEqual(before);
  });

  test('a cut-off or malformed upload is a 400 and a request over the parser’s limits a 413, each saying what to do (not a 500)', async () => {
    const boundary = '----sifa-probe';
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const field = (name: string, filename?: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\nx\r\n`;
    const post = (body: string) => zhanggong.request('POST', `/api/matters/${matterId}/attachments`, Buffer.from(body), headers);
    for (const body of ['不是 multipart 的内容', field('file', '笔录.txt').slice(0, 60)]) {
      const res = await post(body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'UPLOAD_MALFORMED', message: expect.stringContaining('请重新选择文件上传') as string });
    }
    const many = await post(`${Array.from({ length: 12 }, (_, i) => field(`f${String(i)}`)).join('')}${field('file', '笔录.txt')}--${boundary}--\r\n`);
    expect(many.statusCode).toBe(413);
    expect(many.json()).toMatchObject({ code: 'UPLOAD_REFUSED', message: '上传请求中的字段过多 (最多 10 个)，请只提交文件' });
  });

  test('an executable renamed to .pdf is refused by its first bytes', async () => {
    const res = await upload(zhanggong, '判决书.pdf', EXE);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'FILE_CONTENT_MISMATCH', message: expect.stringContaining('不是 PDF 文档') as string });
    expect(storedFiles(t.filesDir).some((f) => f.endsWith('.part'))).toBe(false);
  });

  test('a type outside the list is refused with the list of accepted formats', async () => {
    const res = await upload(zhanggong, 'setup.exe', EXE);
    expect(res.statusCode).toBe(415);
    expect(res.json<{ message: string }>().message).toBe('不能上传“setup.exe”：只接受以下格式的文件：pdf、jpg、jpeg、png、docx、xlsx、doc、xls、txt、mp3、mp4');
  });

  test('an empty file and a request without a file are refused with what to do', async () => {
    expect((await upload(zhanggong, '空白.txt', '')).json()).toMatchObject({ code: 'FILE_EMPTY' });
    const json = await zhanggong.request('POST', `/api/matters/${matterId}/attachments`, { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json<{ message: string }>().message).toContain('multipart/form-data');
  });

  test('upload, list and download give back the same bytes; the path comes from the server, not the file name', async () => {
    const res = await upload(zhanggong, '../../etc/现场照片.png', PNG);
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json<{ id: string; filename: string; mime: string; sizeBytes: number; sha256: string; uploadedByName: string }>();
    expect(a).toMatchObject({ filename: '现场照片.png', mime: 'image/png', sizeBytes: PNG.length, uploadedByName: '张县局' });
    const row = await t.engine.db.selectFrom('kernel.attachments').select(['storageKey', 'sha256']).where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(storedFiles(t.filesDir)).toContain(row.storageKey);

    const list = await zhanggong.request('GET', `/api/matters/${matterId}/attachments`);
    expect(list.json<{ id: string }[]>().map((x) => x.id)).toContain(a.id);

    const dl = await zhanggong.request('GET', `/api/attachments/${a.id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="____.png"; filename*=UTF-8''${encodeURIComponent('现场照片.png')}`);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(dl.rawPayload, PNG)).toBe(0);
    const audit = await t.engine.db.selectFrom('kernel.auditLog').select('action').where('targetId', '=', a.id).orderBy('id').execute();
    expect(audit.map((e) => e.action)).toEqual(['kernel.attachment.upload', 'kernel.attachment.download']);
  });

  test('a soft-deleted attachment disappears from the list and the download, but its row and file stay', async () => {
    const a = (await upload(zhanggong, '申请书.txt', '申请人：某某\n请求事项：调解相邻关系纠纷\n')).json<{ id: string }>();
    const del = await zhanggong.request('DELETE', `/api/attachments/${a.id}`);
    expect(del.statusCode).toBe(204);
    const list = await zhanggong.request('GET', `/api/matters/${matterId}/attachments`);
    expect(list.json<{ id: string }[]>().map((x) => x.id)).not.toContain(a.id);
    expect((await zhanggong.request('GET', `/api/attachments/${a.id}/download`)).statusCode).toBe(404);
    expect((await zhanggong.request('DELETE', `/api/attachments/${a.id}`)).statusCode).toBe(404);
    const row = await t.engine.db
      .selectFrom('kernel.attachments')
      .select(['deletedAt', 'deletedBy', 'storageKey'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row.deletedAt).not.toBeNull();
    expect(row.deletedBy).toBe(await t.userId('zhanggong'));
    expect(storedFiles(t.filesDir)).toContain(row.storageKey);
    const audit = await t.engine.db.selectFrom('kernel.auditLog').select('action').where('targetId', '=', a.id).orderBy('id').execute();
    expect(audit.map((e) => e.action)).toEqual(['kernel.attachment.upload', 'kernel.attachment.delete']);
  });

  test('another county neither sees nor touches the attachment; a reader without the write permission cannot upload', async () => {
    const a = (await upload(zhanggong, '证据清单.txt', '证据一：现场照片')).json<{ id: string }>();
    const ningdu = await t.loginAs('ningdu');
    expect((await ningdu.request('GET', `/api/attachments/${a.id}/download`)).statusCode).toBe(404);
    expect((await ningdu.request('DELETE', `/api/attachments/${a.id}`)).statusCode).toBe(404);
    expect((await upload(ningdu, '越权.txt', '越权上传')).statusCode).toBe(404);
    const leader = await t.loginAs('leader');
    expect((await upload(leader, '领导上传.txt', '无上传权限')).json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  test('a stored file changed on disk is not served: the download says it is damaged', async () => {
    const a = (await upload(zhanggong, '笔录.txt', '原始笔录内容')).json<{ id: string }>();
    const row = await t.engine.db.selectFrom('kernel.attachments').select('storageKey').where('id', '=', a.id).executeTakeFirstOrThrow();
    writeFileSync(join(t.filesDir, row.storageKey), '被篡改的笔录内容');
    const res = await zhanggong.request('GET', `/api/attachments/${a.id}/download`);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'STORED_FILE_DAMAGED', message: expect.stringContaining('请联系管理员从备份恢复') as string });
  });
});

describe('file types and the store location', () => {
  const sample: Record<string, Buffer> = {
    pdf: Buffer.from('%PDF-1.7\n'),
    jpg: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    png: PNG,
    docx: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]),
    doc: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    txt: Buffer.from('调解协议书\r\n第一条'),
    mp3: Buffer.from('ID3\x04\x00'),
    mp4: Buffer.from([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]),
  };

  test.each(Object.entries(sample))('a real .%s file passes and an executable with that extension does not', (ext, head) => {
    const type = typeOfName(`材料.${ext}`, FILE_TYPES);
    expect(() => checkContent(`材料.${ext}`, type, head)).not.toThrow();
    expect(() => checkContent(`材料.${ext}`, type, EXE)).toThrow(/不是/);
  });

  test('extensions are matched case-insensitively; a file name keeps only its last segment and no control characters', () => {
    expect(typeOfName('SCAN.JPG', FILE_TYPES).mime).toBe('image/jpeg');
    expect(cleanFilename('C:\\Users\\张三\\桌面\\身份证.jpg')).toBe('身份证.jpg');
    expect(cleanFilename('a\u0000b\r\n".pdf')).toBe('ab.pdf');
    expect(cleanFilename('')).toBe('未命名文件');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
  });

  test('SIFA_FILES_DIR wins; otherwise <data dir>/files; a PostgreSQL deployment with neither uses ./data/files', () => {
    expect(resolveFilesRoot({ dataDir: '/srv/sifa', filesDir: '/mnt/share/files' })).toBe('/mnt/share/files');
    expect(resolveFilesRoot({ dataDir: '/srv/sifa', filesDir: undefined })).toBe('/srv/sifa/files');
    expect(resolveFilesRoot({ dataDir: undefined, filesDir: undefined })).toBe(resolve('data/files'));
  });
});
