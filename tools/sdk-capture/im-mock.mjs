// Loopback mock of Tencent Cloud IM's WebSocket channel (what @tencentcloud/chat talks to when
// `proxyServer` names it). The SDK sends JSON commands `{head: {servcmd, seq, ...}, body}` and
// reads answers as binary frames of UTF-8 JSON with the same `head`; a body with a non-zero
// `ErrorCode` is what it rejects with. The scenario is the first path segment after /tim/.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const HOST = '127.0.0.1';
const html = (status, text) => `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
const bin = (s) => Buffer.from(s, 'utf8');

// Scenario id -> {desc, refuse?: raw HTTP response to the upgrade, open?(ws), command?(ws, frame)}.
export function timScenario(id) {
  let m;
  if ((m = /^code(-?\d+)$/.exec(id))) {
    const code = Number(m[1]);
    return {
      desc: `every command answered ActionStatus FAIL, ErrorCode ${code}`,
      command: (ws, f) => ws.send(bin(JSON.stringify({ head: f.head, body: { ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: `mock error ${code}`, ErrorDisplay: '' } }))),
    };
  }
  if ((m = /^ok-code(-?\d+)$/.exec(id))) {
    const code = Number(m[1]);
    return {
      desc: `login answered OK, every other command ActionStatus FAIL, ErrorCode ${code}`,
      command: (ws, f) => {
        const login = String(f.head.servcmd).endsWith('.wslogin');
        const body = login ? { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', InstId: 1, TinyId: '144115000000000001', A2Key: 'a2', ServerTime: 1796222419 }
          : { ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: `mock error ${code}`, ErrorDisplay: '' };
        ws.send(bin(JSON.stringify({ head: f.head, body })));
      },
    };
  }
  const refuse = (status, text) => `HTTP/1.1 ${status} ${text}\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(html(status, text))}\r\nConnection: close\r\n\r\n${html(status, text)}`;
  return {
    'refuse502': { desc: 'ws upgrade refused 502 HTML', refuse: refuse(502, 'Bad Gateway') },
    'refuse200': { desc: 'ws upgrade answered 200 HTML (captive portal)', refuse: refuse(200, 'OK') },
    'garbage': { desc: 'every command answered with an HTML page frame', command: (ws) => ws.send(bin(html(502, 'Bad Gateway'))) },
    'empty': { desc: 'every command answered with an empty frame', command: (ws) => ws.send(Buffer.alloc(0)) },
    'trunc': { desc: 'every command answered with a truncated JSON frame', command: (ws, f) => ws.send(bin(JSON.stringify({ head: f.head, body: { ActionStatus: 'FAIL', ErrorCode: 70001 } }).slice(0, 60))) },
    'drop': { desc: 'socket dropped at the first command (1006)', command: (ws) => ws.terminate() },
    'close1011': { desc: 'ws closed 1011 at the first command', command: (ws) => ws.close(1011, 'internal error') },
    'silent': { desc: 'ws open, never answers', command: () => {} },
  }[id];
}

export async function startImMock(port) {
  const sockets = new Set();
  const server = http.createServer((req, res) => { res.writeHead(404); res.end(); });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => {}); });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => {});
    const sc = timScenario(new URL(req.url, 'http://x').pathname.split('/')[2] || '');
    if (!sc) { socket.destroy(); return; }
    if (sc.refuse) { socket.write(sc.refuse, () => socket.destroy()); return; }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => {});
      ws.on('message', (data) => {
        let f;
        try { f = JSON.parse(String(data)); } catch { return; }
        if (f && f.head && !String(f.head.servcmd).startsWith('heartbeat')) sc.command(ws, f);
      });
    });
  });
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(port, HOST, resolve); });
  return async function close() {
    for (const ws of wss.clients) ws.terminate();
    for (const s of sockets) s.destroy();
    await new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); });
  };
}
