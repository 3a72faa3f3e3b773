import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

const text = (bytes: Uint8Array): string =>
  Buffer.from(bytes).toString('utf8').replace(/\0.*$/s, '');

/**
 * The file names in a .tgz, read from its ustar headers (npm and pnpm tarballs use no other
 * format), so listing one needs no `tar` binary.
 *
 * @example
 * tarEntries(await readFile('conversation-kit-types-0.0.0.tgz')); // ['package/package.json', …]
 */
export function tarEntries(tgz: Uint8Array): string[] {
  const tar = gunzipSync(tgz);
  const names: string[] = [];
  for (let offset = 0; offset + BLOCK <= tar.length;) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const name = text(header.subarray(0, 100));
    const prefix = text(header.subarray(345, 500));
    const size = parseInt(text(header.subarray(124, 136)).trim() || '0', 8);
    const type = String.fromCharCode(header[156]!);
    if (type === '0' || type === '\0') names.push(prefix ? `${prefix}/${name}` : name);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return names;
}
