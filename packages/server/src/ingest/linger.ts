import type { IncomingMessage } from 'node:http';

const lingerMs = 2000;
const lingerMaxBytes = 64 * 1024 * 1024;

/**
 * Lingering close for a request refused before its body was read (nginx's
 * `lingering_close`). Node answers `Connection: close` by destroying the socket right
 * after the response; with the client still sending, the kernel then resets the
 * connection and the client may lose the 413/401 it was about to read. Instead the
 * socket is only half-closed after the response, and what still arrives is read and
 * discarded — nothing is buffered or decoded — until the client hangs up, for at most
 * two seconds and 64 MiB.
 */
export function lingerOnClose(request: IncomingMessage): void {
  const socket = request.socket;
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > lingerMaxBytes) socket.destroy();
  });
  request.resume();
  socket.destroySoon = function lingeringDestroySoon() {
    if (socket.writable) socket.end();
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
}
