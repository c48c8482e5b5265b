/** The bytes written for plan content: UTF-8 without BOM, LF line endings, whatever the OS. */
export function encode(content: string): Buffer {
  return Buffer.from(content.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), 'utf8');
}

/** Whether a file's bytes end their first line with CRLF. */
export function usesCrlf(bytes: Buffer): boolean {
  const newline = bytes.indexOf(0x0a);
  return newline > 0 && bytes[newline - 1] === 0x0d;
}

/** LF-encoded content with CRLF line endings. */
export function withCrlf(content: Buffer): Buffer {
  return Buffer.from(content.toString('utf8').replace(/\n/g, '\r\n'), 'utf8');
}
