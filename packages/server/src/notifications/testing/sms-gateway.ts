import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayRequest {
  headers: IncomingHttpHeaders;
  body: unknown;
  /** The status the gateway answered with. */
  status: number;
}

export interface SmsGateway {
  url: string;
  requests: GatewayRequest[];
  /** What the next requests are answered with, from now on. */
  answer(status: number): void;
  /** The statuses the next messages to this number get, one each; then the general answer. */
  script(to: string, statuses: number[]): void;
  close(): Promise<void>;
}

/** A stand-in SMS gateway on a loopback port: records each POST and answers with the status set. */
export async function startSmsGateway(initial = 200): Promise<SmsGateway> {
  const requests: GatewayRequest[] = [];
  let answer = initial;
  const scripts = new Map<string, number[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      const to = (body as { to?: string } | null)?.to ?? '';
      const status = scripts.get(to)?.shift() ?? answer;
      requests.push({ headers: req.headers, body, status });
      res.writeHead(status, { 'content-type': 'application/json' });
      // like some gateways, a refusal quotes the message it refused
      const refused = (body as { text?: string } | null)?.text;
      res.end(
        JSON.stringify(status < 300 ? { id: `sms-${requests.length}` } : { error: 'refused', refused }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
    requests,
    answer: (s) => {
      answer = s;
    },
    script: (to, statuses) => {
      scripts.set(to, [...statuses]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
