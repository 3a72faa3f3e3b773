import type { IncomingMessage } from 'node:http';

/** A body read in full, or the news that it ran past the limit (and was read no further). */
export type BodyRead =
  { complete: true; text: string; bytes: number } | { complete: false; bytes: number };

/**
 * Reads a request body as UTF-8 text, up to `maxBytes`. Once a body runs past the limit the
 * request is paused and left unread, so a client cannot make the fake take in more than the limit
 * whatever its `Content-Length` said (or, chunked, did not say).
 *
 * @example
 * const body = await readBodyWithin(request, 2 * 1024 * 1024);
 * if (!body.complete) refuseAsTooLarge();
 */
export function readBodyWithin(request: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  return new Promise<BodyRead>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const stop = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        stop();
        request.pause();
        resolve({ complete: false, bytes });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve({ complete: true, text: Buffer.concat(chunks).toString('utf8'), bytes });
    };
    const onError = (error: Error): void => {
      stop();
      reject(error);
    };
    // A request that closes before its end was cut off: the client went away, or a parse error
    // or timeout ended the connection.
    const onClose = (): void => onError(new Error('The request ended before its body did'));
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', onError);
    request.once('close', onClose);
  });
}
