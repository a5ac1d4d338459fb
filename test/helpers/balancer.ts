/**
 * A TCP load balancer for tests: each new connection goes to the first backend that accepts it, as
 * a balancer does once a stopping instance refuses connections (WebSocket upgrades pass through).
 */
import { connect, createServer, type Socket } from 'node:net';

/** A running balancer. */
export interface Balancer {
  port: number;
  /** Backends that accepted connections, in order (a port per connection). */
  readonly routed: number[];
  close(): Promise<void>;
}

/** Starts a balancer on 127.0.0.1 over the backends' ports (read for each new connection). */
export async function startBalancer(backends: () => number[]): Promise<Balancer> {
  const open = new Set<Socket>();
  const routed: number[] = [];
  const server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const attempt = (i: number) => {
      const ports = backends();
      if (i >= ports.length || client.destroyed) {
        client.destroy();
        return;
      }
      const upstream = connect(ports[i], '127.0.0.1');
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        open.add(upstream);
        routed.push(ports[i]);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      upstream.on('error', () => {
        if (!connected) attempt(i + 1);
        else client.destroy();
      });
      upstream.on('close', () => {
        open.delete(upstream);
        if (connected) client.destroy();
      });
      client.on('close', () => upstream.destroy());
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    routed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
