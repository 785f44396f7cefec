import autocannon from "autocannon";
import { webIdentity } from "../../bots/web/web-identity";
const SESSION_SECRET = "bench-session-secret-0123456789abcdefghij";
const users = await Promise.all(
  Array.from({ length: 500 }, (_, n) =>
    webIdentity.sign({ db: null as never, config: { SESSION_SECRET } }, `bench-${n}`),
  ),
);
const MESSAGES = [
  "menu",
  "topics",
  "1",
  "2",
  "lessons",
  "ly hon",
  "đăng ký tạm trú",
  "kết hôn",
  "quyền tiếp cận thông tin",
  "art:1197",
  "doc:2:p3",
  "3",
];
let n = 0;
const r = await autocannon({
  url: "http://127.0.0.1:18777",
  connections: 50,
  duration: 10,
  requests: [
    {
      method: "POST",
      path: "/web/messages",
      headers: { "content-type": "application/json" },
      setupRequest: (req) => {
        n++;
        return { ...req, body: JSON.stringify({ user: users[n % 500], text: MESSAGES[(n * 7) % MESSAGES.length] }) };
      },
    },
  ],
});
console.log(
  Math.round(r.requests.average),
  "msg/s p50",
  r.latency.p50,
  "p99",
  r.latency.p99,
  "non2xx",
  r.non2xx,
  "errors",
  r.errors,
);
