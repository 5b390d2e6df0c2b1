/**
 * The names a loopback server answers to. A browser page that reaches 127.0.0.1 through DNS rebinding still sends
 * its own host name in `Host` (and its own origin in `Origin`), so a server that accepts only these cannot be
 * read or driven by a page from elsewhere. Used by the emulator and by the `npm start` preview.
 */
const LOOPBACK_NAMES = ["127.0.0.1", "localhost"];

/** `Host` is `127.0.0.1:<port>` or `localhost:<port>` (the port may be left out only when it is 80). */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const name = host.toLowerCase();
  return LOOPBACK_NAMES.some((n) => name === `${n}:${port}` || (port === 80 && name === n));
}

/** `Origin` is `http://127.0.0.1:<port>` or `http://localhost:<port>`. */
export function isLoopbackOrigin(origin: string, port: number): boolean {
  return origin.toLowerCase().startsWith("http://") && isLoopbackHost(origin.slice("http://".length), port);
}
