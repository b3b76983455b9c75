import { describe, expect, test } from 'vitest';
import { translateUi } from '../i18n';
import { attachmentRule, uploadProblem } from './upload-check';

const t = (key: Parameters<typeof translateUi>[1], vars?: Parameters<typeof translateUi>[2]) => translateUi('zh-CN', key, vars);
const rule = attachmentRule({
  maxBytes: 20 * 1024 * 1024,
  types: [
    { ext: 'pdf', mime: 'application/pdf', label: 'PDF 文档' },
    { ext: 'mp3', mime: 'audio/mpeg', label: 'MP3 音频' },
  ],
});

// issue #13 item 8: the browser refuses before sending what the server would refuse after 73 s of upload.
describe('an upload is checked in the browser before it is sent', () => {
  test('a file over the limit is refused with its size and the limit', () => {
    expect(uploadProblem({ name: '庭审录音.mp3', size: 21 * 1024 * 1024 }, rule, t)).toBe('“庭审录音.mp3”有 21 MB，超过 20 MB 的上限，请压缩或拆分后再上传');
  });
  test('a type the server does not take is refused, naming the accepted ones', () => {
    expect(uploadProblem({ name: '工具.exe', size: 10 }, rule, t)).toBe('“工具.exe”的格式不能上传，可上传：PDF 文档、MP3 音频');
    expect(uploadProblem({ name: '无扩展名', size: 10 }, rule, t)).toContain('格式不能上传');
  });
  test('an empty file is refused; a good one may go', () => {
    expect(uploadProblem({ name: '空.pdf', size: 0 }, rule, t)).toBe('“空.pdf”是空文件');
    expect(uploadProblem({ name: '笔录.PDF', size: 1000 }, rule, t)).toBeUndefined();
  });
});
