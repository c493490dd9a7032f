package io.surge.ticketing.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between one service and one dependency (PostgreSQL, Redis or Kafka), on loopback, that the run turns
 * bad on purpose: {@link #slow added latency} on every chunk each way, or {@link #cut} (every open connection
 * closed, new ones closed at once) until {@link #heal}.
 */
final class FaultProxy implements AutoCloseable {

    private final String name;
    private final int upstreamPort;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile long latencyMillis;
    private volatile boolean cut;
    private volatile boolean closed;

    FaultProxy(String name, int listenPort, int upstreamPort) {
        this.name = name;
        this.upstreamPort = upstreamPort;
        try {
            this.server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
        } catch (IOException e) {
            throw new IllegalStateException("the " + name + " fault proxy cannot listen on " + listenPort, e);
        }
        Thread acceptor = new Thread(this::accept, "proxy-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String name() {
        return name;
    }

    void slow(long millis) {
        latencyMillis = millis;
    }

    void cut() {
        cut = true;
        open.forEach(FaultProxy::quietly);
        open.clear();
    }

    void heal() {
        cut = false;
        latencyMillis = 0;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (cut) {
                    quietly(client);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    long latency = latencyMillis;
                    if (latency > 0) {
                        Gateway.pause(latency);
                    }
                    if (cut) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side went away, or the connection was cut
            } finally {
                quietly(from);
                quietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "proxy-" + name + "-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        cut();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
