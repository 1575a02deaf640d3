// Local listeners on 127.0.0.1 only. Fixed ports keep URLs in the captured objects stable.
import net from 'node:net';
import http from 'node:http';
import { WebSocketServer } from 'ws';

const HOST = '127.0.0.1';
const BASE = Number(process.env.SDK_CAPTURE_PORT_BASE || 59990);
export const PORTS = {
  closed: BASE + 9,      // nothing listens: connection refused
  silentTcp: BASE + 8,   // accepts TCP connections, never sends a byte
  silentWs: BASE + 7,    // completes the WebSocket handshake, then never sends a frame
  closingWs: BASE + 6,   // completes the WebSocket handshake, then closes at once
  resetTcp: BASE + 5,    // accepts TCP connections and closes them at once
};
// The Stream/Sendbird vendor mock (vendor-mock.mjs) runs inside each of those drivers, one port per
// job. These ports lie below Linux's ephemeral range (32768-60999): the drivers open thousands of
// client connections, and a mock port inside that range can be taken as a client's source port.
const MOCK_BASE = Number(process.env.SDK_CAPTURE_MOCK_PORT_BASE || 31980);
export const mockPort = (i) => MOCK_BASE + i;

const listen = (server, port) => new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, HOST, () => resolve(server));
});

function assertClosed(port) {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, HOST);
    s.once('connect', () => { s.destroy(); reject(new Error(`port ${port} should be closed but something listens`)); });
    s.once('error', (e) => (e.code === 'ECONNREFUSED' ? resolve() : reject(e)));
  });
}

export async function startListeners() {
  const sockets = new Set();
  const hold = (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => {}); };
  await assertClosed(PORTS.closed);

  const silentTcp = await listen(net.createServer(hold), PORTS.silentTcp);
  const resetTcp = await listen(net.createServer((s) => { s.on('error', () => {}); s.destroy(); }), PORTS.resetTcp);

  const wsServer = (onConnection) => {
    const server = http.createServer((req) => hold(req.socket)); // plain HTTP: never answered
    server.on('connection', hold);
    const wss = new WebSocketServer({ noServer: true });
    server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, onConnection));
    return { server, wss };
  };
  const silent = wsServer((ws) => { ws.on('error', () => {}); });
  const closing = wsServer((ws) => { ws.on('error', () => {}); ws.close(1011, ''); });
  await listen(silent.server, PORTS.silentWs);
  await listen(closing.server, PORTS.closingWs);

  return async function close() {
    for (const s of sockets) s.destroy();
    for (const ws of [...silent.wss.clients, ...closing.wss.clients]) ws.terminate();
    await Promise.all([silentTcp, resetTcp, silent.server, closing.server].map(
      (srv) => new Promise((r) => { srv.closeAllConnections?.(); srv.close(() => r()); })));
  };
}
