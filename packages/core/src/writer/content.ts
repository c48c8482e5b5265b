/** The bytes written for plan content: UTF-8 without BOM, LF line endings, whatever the OS. */
export function encode(content: string): Buffer {
  return Buffer.from(content.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), 'utf8');
}
